import type { Actor } from '../../platform/security/actor';
import type { DocumentsCore } from './documents.steps.service';
import type { createIncomingService } from './incoming.service';
import type { createOutgoingService } from './outgoing.service';

/**
 * The steps one request names for both kinds of document: submitting goes to a leader for
 * direction (incoming) or for signature (outgoing), returning goes back to the clerk or to the
 * author. The document's direction says whose rules apply.
 */
export function createWorkflowService(
  core: DocumentsCore,
  incoming: ReturnType<typeof createIncomingService>,
  outgoing: ReturnType<typeof createOutgoingService>,
) {
  const isIncoming = async (actor: Actor, id: string) =>
    (await core.authorized(core.db, actor, id, 'read')).row.direction === 'incoming';

  return {
    async submit(actor: Actor, id: string, body: { version: number; leaderId: string; note?: string }) {
      return (await isIncoming(actor, id))
        ? incoming.submitToLeader(actor, id, body)
        : outgoing.submitForSignature(actor, id, body);
    },

    async returnDocument(actor: Actor, id: string, body: { version: number; reason: string }) {
      return (await isIncoming(actor, id))
        ? incoming.returnToClerk(actor, id, body)
        : outgoing.returnDraft(actor, id, body);
    },
  };
}
