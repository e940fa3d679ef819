import {
  type DeliveryStatus,
  DOCUMENT_ACTIONS,
  type DocumentLink,
  type DocumentStatus,
  type DocumentSummary,
  type DocumentView,
  type Secrecy,
  type Urgency,
} from '../../../common/schemas/documents';
import type { Executor } from '../../platform/db/database';
import type { Actor } from '../../platform/security/actor';
import type { Authorizer } from '../../platform/security/authorize';
import type { DocumentResource } from './documents.policy';
import * as repo from './documents.repository';
import { pendingSummaryOf } from './extensions.repository';
import { outsideStatusOf } from './outside-mail.service';

const CLOSED = new Set(['done', 'cancelled', 'recalled']);

export function toSummary(
  row: Omit<repo.ListedDocumentRow, 'register_name'> & { register_name?: string | null },
  today: string,
): DocumentSummary {
  return {
    id: row.id,
    direction: row.direction === 'outgoing' ? 'outgoing' : 'incoming',
    status: row.status as DocumentStatus,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    registerId: row.register_id,
    registerName: row.register_name ?? null,
    numberText: row.number_text,
    arrivalNumber: row.arrival_number,
    arrivalDate: row.arrival_date,
    typeCode: row.type_code,
    issuerName: row.issuer_name,
    issueDate: row.issue_date,
    summary: row.summary,
    secrecy: row.secrecy as Secrecy,
    urgency: row.urgency as Urgency,
    dueDate: row.due_date,
    overdue: row.due_date !== null && row.due_date < today && !CLOSED.has(row.status),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The documents linked to this one by a reply that the actor may read, each as he would name it. */
async function readableLinks(ex: Executor, authorizer: Authorizer, actor: Actor, documentId: string) {
  return readable(ex, authorizer, actor, await repo.replyLinksOf(ex, documentId));
}

/** The earlier document this one replaces and the later ones replacing it, those the actor may read. */
async function readableReplacements(ex: Executor, authorizer: Authorizer, actor: Actor, documentId: string) {
  const { replaces, replacedBy } = await repo.replacementLinksOf(ex, documentId);
  return {
    replaces: replaces ? ((await readable(ex, authorizer, actor, [replaces]))[0] ?? null) : null,
    // Replaced once the replacement is sent: a draft naming it replaces nothing yet.
    replacedBy: (await readable(ex, authorizer, actor, replacedBy)).filter((l) => l.status === 'dispatched'),
  };
}

async function readable(ex: Executor, authorizer: Authorizer, actor: Actor, ids: readonly string[]) {
  const links: DocumentLink[] = [];
  for (const linkedId of ids) {
    const linked = await repo.findDocument(ex, linkedId);
    if (!linked || !authorizer.can(actor, 'read', await resourceOf(ex, actor, linked))) continue;
    links.push({
      documentId: linked.id,
      direction: linked.direction === 'outgoing' ? 'outgoing' : 'incoming',
      numberText: linked.number_text,
      issuerName: linked.issuer_name,
      summary: linked.summary,
      status: linked.status as DocumentStatus,
    });
  }
  return links;
}

/** What the actor is to the document: their assignments, a unit they lead, an access grant. */
export async function resourceOf(ex: Executor, actor: Actor, row: repo.DocumentRow): Promise<DocumentResource> {
  const [assignments, granted] = await Promise.all([
    repo.assignmentsOf(ex, row.id),
    repo.hasAccess(ex, row.id, actor.userId),
  ]);
  return resourceFrom(actor, row, assignments, granted);
}

function resourceFrom(
  actor: Actor,
  row: repo.DocumentRow,
  assignments: Awaited<ReturnType<typeof repo.assignmentsOf>>,
  granted: boolean,
): DocumentResource {
  const office = actor.grants.filter((g) => g.role === 'leader' || g.role === 'clerk');
  const officeOrAdmin = actor.grants.filter((g) => g.role === 'leader' || g.role === 'clerk' || g.role === 'admin');
  const open = assignments.filter((a) => a.status === 'open');
  return {
    kind: 'document',
    direction: row.direction === 'outgoing' ? 'outgoing' : 'incoming',
    status: row.status,
    secrecy: row.secrecy,
    organizationPath: row.organization_path,
    createdBy: row.created_by,
    leaderId: row.leader_id,
    assignments: open
      .filter((a) => a.user_id === actor.userId)
      .map((a) => (a.role === 'lead' ? 'lead' : a.role === 'co' ? 'co' : 'info')),
    leadsUnit: open.some(
      (a) =>
        a.role === 'lead' &&
        a.organization_path !== null &&
        office.some((g) => a.organization_path?.startsWith(g.organizationPath)),
    ),
    unitAssigned: assignments.some(
      (a) =>
        a.organization_path !== null && officeOrAdmin.some((g) => a.organization_path?.startsWith(g.organizationPath)),
    ),
    granted,
  };
}

export async function documentView(
  ex: Executor,
  authorizer: Authorizer,
  actor: Actor,
  row: repo.DocumentRow,
  today: string,
): Promise<DocumentView> {
  const [assignments, granted, files, events, recipients, deliveries, personal, extra, pending, links, replacements] =
    await Promise.all([
      repo.assignmentsOf(ex, row.id),
      repo.hasAccess(ex, row.id, actor.userId),
      repo.filesOf(ex, row.id),
      repo.eventsOf(ex, row.id),
      repo.recipientsOf(ex, row.id),
      repo.deliveriesOf(ex, row.id),
      repo.personDeliveriesOf(ex, row.id),
      repo.detailsOf(ex, row.id),
      pendingSummaryOf(ex, row.id),
      readableLinks(ex, authorizer, actor, row.id),
      readableReplacements(ex, authorizer, actor, row.id),
    ]);
  const resource = resourceFrom(actor, row, assignments, granted);
  return {
    ...toSummary({ ...row, register_name: extra?.register_name ?? null }, today),
    issuerOrganizationId: row.issuer_organization_id,
    signerName: row.signer_name,
    signerPosition: row.signer_position,
    pageCount: row.page_count,
    copies: row.copies,
    channel: row.channel,
    leaderId: row.leader_id,
    leaderName: extra?.leader_name ?? null,
    files: files.map((f) => ({
      id: f.id,
      fileName: f.file_name,
      size: Number(f.size),
      contentType: f.content_type,
      kind: f.kind === 'main' ? 'main' : f.kind === 'result' ? 'result' : 'attachment',
      addedAt: f.added_at,
      addedBy: f.added_by_name ?? '',
    })),
    assignments: assignments.map((a) => ({
      id: a.id,
      role: a.role === 'lead' ? 'lead' : a.role === 'co' ? 'co' : 'info',
      userId: a.user_id,
      organizationId: a.organization_id,
      name: a.user_name ?? a.organization_name ?? '',
      dueDate: a.due_date,
      status: a.status === 'done' ? 'done' : 'open',
      assignedAt: a.assigned_at,
      doneAt: a.done_at,
    })),
    events: events.map((e) => ({ id: e.id, at: e.at, actorName: e.actor_name, kind: e.kind, note: e.note })),
    recipients: recipients.map((r) => ({
      kind: r.kind as 'organization' | 'person' | 'group' | 'external',
      id: r.ref_id,
      name: r.name,
      channel: r.channel,
      email: r.email,
      mail:
        r.mail_status && r.mail_updated_at
          ? {
              status: outsideStatusOf({ status: r.mail_status, error: r.mail_error }),
              error: r.mail_error,
              updatedAt: r.mail_updated_at,
            }
          : null,
    })),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      organizationId: d.organization_id,
      organizationName: d.organization_name,
      outside: d.reach !== 'inside',
      status: d.status as DeliveryStatus,
      sentAt: d.sent_at,
      receivedAt: d.received_at,
      decidedAt: d.decided_at,
      updatedAt: d.updated_at,
      reason: d.reason,
      remindedAt: d.reminded_at,
    })),
    personDeliveries: personal.map((p) => ({
      id: p.id,
      personId: p.person_id,
      name: p.name,
      sentAt: p.sent_at,
      readAt: p.read_at,
      remindedAt: p.reminded_at,
    })),
    source: extra?.source_id ? { documentId: extra.source_id, organizationName: extra.source_org ?? '' } : null,
    extensionRequest: pending
      ? {
          id: pending.id,
          requestedByName: pending.requested_by_name,
          currentDue: pending.current_due,
          proposedDue: pending.proposed_due,
          reason: pending.reason,
          createdAt: pending.created_at,
        }
      : null,
    // One request waits at a time: asked again only once it is answered, answered only while it waits.
    replyTo: row.direction === 'outgoing' ? (links[0] ?? null) : null,
    replies: row.direction === 'incoming' ? links : [],
    replaces: replacements.replaces,
    replacedBy: replacements.replacedBy,
    actions: DOCUMENT_ACTIONS.filter(
      (a) =>
        !(a === 'request_extension' && pending) &&
        !(a === 'decide_extension' && !pending) &&
        !(a === 'update_outside' && !deliveries.some((d) => d.reach !== 'inside')) &&
        authorizer.can(actor, a, resource),
    ),
  };
}
