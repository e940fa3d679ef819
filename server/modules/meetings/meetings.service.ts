import type { MeetingAction } from '../../../common/meetings';
import { MEETING_ACTIONS, MEETING_BODY_LABELS } from '../../../common/meetings';
import type { MeetingPatch, MeetingView, MeetingWrite } from '../../../common/schemas/meetings';
import { foldVietnamese } from '../../../common/text/fold';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/ids';
import { type Actor, auditActorOf, hasRoleOver } from '../../platform/security/actor';
import type { MeetingsCore } from './context.service';
import { attachUploads } from './files.service';
import { removeInvitees } from './invitees.repository';
import * as errors from './meetings.errors';
import { type MeetingResource, organizes } from './meetings.policy';
import * as repo from './meetings.repository';
import * as view from './meetings.view';

const iso = (v: string) => new Date(v).toISOString();

function searchText(m: { title: string; place: string; body: string; chair_name: string | null }) {
  return foldVietnamese(
    [m.title, m.place, MEETING_BODY_LABELS[m.body as keyof typeof MEETING_BODY_LABELS], m.chair_name]
      .filter(Boolean)
      .join(' '),
  );
}

export function createMeetingsService(core: MeetingsCore) {
  const { db, deps, now, authorized, record } = core;

  async function saveAgenda(trx: Executor, meetingId: string, actor: Actor, agenda: MeetingPatch['agenda'] & {}) {
    const existing = await repo.agendaOf(trx, meetingId);
    const keep = new Set(agenda.flatMap((a) => (a.id ? [a.id] : [])));
    if ([...keep].some((id) => !existing.some((e) => e.id === id))) throw errors.unknownAgendaItem();
    const gone = existing.filter((e) => !keep.has(e.id)).map((e) => e.id);
    await repo.deleteAgendaItems(trx, gone);
    for (const [position, item] of agenda.entries()) {
      const fields = {
        position,
        title: item.title,
        presenter_name: item.presenterName ?? null,
        presenter_user_id: item.presenterUserId ?? null,
      };
      let itemId = item.id;
      if (itemId) await repo.updateAgendaItem(trx, itemId, fields);
      else {
        itemId = newId();
        await repo.insertAgendaItem(trx, { id: itemId, meeting_id: meetingId, ...fields });
      }
      if (item.uploadIds.length > 0)
        await attachUploads(core, trx, meetingId, actor, item.uploadIds, 'document', itemId);
    }
  }

  async function checkOrganizer(actor: Actor, organizationId: string, secrecy: string) {
    const org = await repo.organizationPathOf(db, organizationId);
    if (!org) throw errors.wrongOrganization();
    const resource: MeetingResource = {
      kind: 'meeting',
      organizationPath: org.path,
      status: 'draft',
      secrecy,
      createdBy: '',
      invited: false,
      answersFor: false,
      secretary: false,
      phase: 'before',
      today: false,
    };
    deps.authorizer.authorize(actor, 'edit', resource);
    return org;
  }

  return {
    async createMeeting(actor: Actor, input: MeetingWrite): Promise<{ id: string; created: boolean }> {
      const org = await checkOrganizer(actor, input.organizationId, input.secrecy);
      if (iso(input.endsAt) <= iso(input.startsAt)) throw errors.endBeforeStart();
      if (input.clientKey) {
        const again = await repo.meetingOfClientKey(db, actor.userId, input.clientKey);
        if (again) return { id: again.id, created: false };
      }
      await core.requireUsers(db, [input.chairUserId, ...input.agenda.map((a) => a.presenterUserId)]);
      const invitees = await core.resolveInvitees(db, input.invitees);
      const id = newId();
      try {
        await deps.transact(async ({ trx, audit }) => {
          const at = now();
          const row = {
            id,
            organization_id: org.id,
            body: input.body,
            title: input.title,
            chair_user_id: input.chairUserId ?? null,
            chair_name: input.chairName ?? null,
            starts_at: iso(input.startsAt),
            ends_at: iso(input.endsAt),
            place: input.place,
            content: input.content ?? null,
            secrecy: input.secrecy,
            status: 'draft',
            signer_name: input.signerName ?? null,
            signer_position: input.signerPosition ?? null,
            signer_authority: input.signerAuthority ?? null,
            register_id: null,
            invitation_document_id: null,
            sent_at: null,
            client_key: input.clientKey ?? null,
            created_by: actor.userId,
            search_text: '',
            version: 1,
            created_at: at,
            updated_at: at,
          };
          await repo.insertMeeting(trx, { ...row, search_text: searchText(row) });
          await saveAgenda(trx, id, actor, input.agenda);
          await core.insertInvitees(trx, id, invitees);
          await record(trx, id, actor, 'created');
          await audit(auditActorOf(actor), {
            action: 'meeting.create',
            entityType: 'meeting',
            entityId: id,
            // A secret meeting's title stays with those who may read the meeting, never in the trail.
            summary:
              input.secrecy === 'normal'
                ? `Tạo cuộc họp: ${input.title}`.slice(0, 500)
                : 'Tạo cuộc họp mật (nội dung ẩn)',
          });
        });
      } catch (error) {
        // The same client key committed by a twin request meanwhile: answer with its meeting.
        if (input.clientKey) {
          const again = await repo.meetingOfClientKey(db, actor.userId, input.clientKey);
          if (again) return { id: again.id, created: false };
        }
        throw error;
      }
      return { id, created: true };
    },

    async updateMeeting(actor: Actor, id: string, patch: MeetingPatch) {
      const { row } = await authorized(db, actor, id, 'edit');
      const startsAt = patch.startsAt ? iso(patch.startsAt) : row.starts_at;
      const endsAt = patch.endsAt ? iso(patch.endsAt) : row.ends_at;
      if (endsAt <= startsAt) throw errors.endBeforeStart();
      await core.requireUsers(db, [patch.chairUserId, ...(patch.agenda ?? []).map((a) => a.presenterUserId)]);
      const invitees = patch.invitees ? await core.resolveInvitees(db, patch.invitees) : null;
      await deps.transact(async ({ trx }) => {
        const next = {
          ...(patch.body !== undefined && { body: patch.body }),
          ...(patch.title !== undefined && { title: patch.title }),
          ...(patch.chairName !== undefined && { chair_name: patch.chairName }),
          ...(patch.chairUserId !== undefined && { chair_user_id: patch.chairUserId }),
          starts_at: startsAt,
          ends_at: endsAt,
          ...(patch.place !== undefined && { place: patch.place }),
          ...(patch.content !== undefined && { content: patch.content }),
          ...(patch.secrecy !== undefined && { secrecy: patch.secrecy }),
          ...(patch.signerName !== undefined && { signer_name: patch.signerName }),
          ...(patch.signerPosition !== undefined && { signer_position: patch.signerPosition }),
          ...(patch.signerAuthority !== undefined && { signer_authority: patch.signerAuthority }),
        };
        const merged = { ...row, ...next };
        await core.advance(trx, row, patch.version, { ...next, search_text: searchText(merged) });
        if (patch.agenda) await saveAgenda(trx, id, actor, patch.agenda);
        if (invitees) {
          await removeInvitees(trx, id);
          await core.insertInvitees(trx, id, invitees);
        }
        await record(trx, id, actor, 'edited');
      });
    },

    async getMeeting(actor: Actor, id: string): Promise<MeetingView> {
      const { row, resource, mine, own } = await authorized(db, actor, id, 'read');
      const organizer = organizes(actor, resource);
      const [agenda, files, invitees, events, lastSeenAt, opens] = await Promise.all([
        repo.agendaOf(db, id),
        repo.filesOf(db, id),
        repo.inviteesOf(db, id),
        repo.eventsOf(db, id),
        repo.seenAt(db, id, actor.userId),
        repo.fileOpensOf(db, id),
      ]);
      if (row.secrecy !== 'normal') {
        await deps.transact(({ audit }) =>
          audit(auditActorOf(actor), {
            action: 'meeting.view',
            entityType: 'meeting',
            entityId: id,
            summary: 'Xem cuộc họp mật (nội dung ẩn)',
          }),
        );
      }
      const actions: MeetingAction[] = deps.authorizer.allowedActions(actor, MEETING_ACTIONS, resource);
      return view.meetingView({
        row,
        agenda,
        files,
        invitees,
        events,
        opens,
        actorId: actor.userId,
        lastSeenAt,
        seesEveryone: organizer || resource.secretary || row.chair_user_id === actor.userId,
        seesReasons: organizer || row.chair_user_id === actor.userId,
        mine,
        own,
        actions,
      });
    },

    /** Remembers that the caller has looked at the meeting now: its changes are no longer new to them. */
    async markSeen(actor: Actor, id: string) {
      await authorized(db, actor, id, 'read');
      const at = now();
      await repo.markSeen(db, id, actor.userId, at);
    },

    /** Whether the actor may organize meetings of some organization (the page's "create" button). */
    canOrganize: (actor: Actor) =>
      actor.grants.some((g) => hasRoleOver(actor, ['clerk', 'leader', 'admin'], g.organizationPath)),
  };
}
export type MeetingsService = ReturnType<typeof createMeetingsService>;
