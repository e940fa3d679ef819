import type { PlatformDeps } from '../../platform/deps';
import type { App } from '../../platform/http/http-server';
import type { Actor } from '../../platform/security/actor';
import { createCrossing } from './crossing.service';
import { createDeliveriesService } from './deliveries.service';
import { documentPolicies } from './documents.policy';
import * as repo from './documents.repository';
import { registerDocumentRoutes } from './documents.routes';
import { createDocumentsService } from './documents.service';
import { createDocumentsCore } from './documents.steps.service';
import { createExtensionsService } from './extensions.service';
import { createFollowupService } from './followup.service';
import { createGeneratedDocuments } from './generated.service';
import { createIncomingService } from './incoming.service';
import { createIssuers } from './issuers.service';
import { createOutgoingService } from './outgoing.service';
import { createOutsideMail, type DocumentOutsideMail } from './outside-mail.service';
import { createRegisterBook } from './register-book.render';
import { createRegistersService } from './registers.service';
import { createDocumentReminders } from './reminders.service';
import { createDraftVersions } from './versions.service';
import { createWorkflowService } from './workflow.service';

export { documentPolicies };

/**
 * Registers, incoming and outgoing documents, their handling, and delivery between
 * organizations; outside e-mail recipients are reached through the mailboxes' `mail`.
 */
export function createDocumentsModule(deps: PlatformDeps, mail: DocumentOutsideMail | null = null) {
  const core = createDocumentsCore(deps);
  const documents = createDocumentsService(core);
  const outside = createOutsideMail(core, mail);
  const incoming = createIncomingService(core);
  const outgoing = createOutgoingService(core, outside);
  const module = {
    registers: createRegistersService(deps),
    incoming,
    extensions: createExtensionsService(core),
    issuers: createIssuers(core),
    outgoing,
    /** Submitting and returning, for either kind of document. */
    workflow: createWorkflowService(core, incoming, outgoing),
    /** Deleting or withdrawing a draft; reminding and resending after dispatch. */
    followup: createFollowupService(core),
    /** A draft's kept versions, for comparing them. */
    versions: createDraftVersions(core),
    /** Told by the mailboxes when the relay took outside copies, to count them as delivered. */
    outsideDelivered: outside.delivered,
    deliveries: createDeliveriesService(core),
    /** The documents' side of the exchange with outside offices, for the exchange module. */
    crossing: createCrossing(core),
    registerBook: createRegisterBook(core),
    /** Documents other modules make and send themselves (invitations). */
    generated: createGeneratedDocuments(core),
    /** Due tomorrow and overdue, told once; run by the server's scheduler. */
    reminders: createDocumentReminders(core),
    files: deps.files,
    documents: {
      ...documents,
      /** A document the actor may read, in a line, for another module to link to (an inspection case). */
      async describe(actor: Actor, id: string) {
        const { row } = await core.authorized(core.db, actor, id, 'read');
        return { id: row.id, summary: row.summary, numberText: row.number_text };
      },
    },
    /** Who the actor can submit to (leaders over the document's organization), assign, or hand to a unit. */
    async people(actor: Actor, id: string) {
      const { row } = await core.authorized(core.db, actor, id, 'read');
      const ancestors = row.organization_path.split('/').filter(Boolean);
      const grants = await repo.peopleAround(core.db, ancestors, row.organization_path);
      const person = (g: (typeof grants)[number]) => ({ id: g.id, fullName: g.full_name, position: g.position });
      const unique = <T extends { id: string }>(list: T[]) => [...new Map(list.map((x) => [x.id, x])).values()];
      const units = await repo.unitsUnder(core.db, row.organization_id);
      return {
        leaders: unique(
          grants.filter((g) => g.role === 'leader' && row.organization_path.startsWith(g.path)).map(person),
        ),
        handlers: unique(grants.filter((g) => g.role !== 'member' && g.role !== 'inspector').map(person)),
        units,
      };
    },
  };
  return { ...module, register: (app: App) => registerDocumentRoutes(app, module) };
}

export type DocumentsModule = Omit<ReturnType<typeof createDocumentsModule>, 'register'>;
