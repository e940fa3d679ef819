import type { AuditListQuery } from '../../../common/schemas/audit';
import { verifyAuditChain } from '../../platform/audit/audit-verify';
import type { PlatformDeps } from '../../platform/deps';
import type { Actor } from '../../platform/security/actor';
import type { AuditResource } from './audit.policy';
import { distinctAuditActions, listAuditEvents } from './audit.repository';

const resource: AuditResource = { kind: 'audit' };

/** The audit trail as its readers see it: the events, the actions recorded, and the chain checked. */
export function createAuditService(deps: PlatformDeps) {
  const db = deps.database.db;
  return {
    async list(actor: Actor, query: AuditListQuery) {
      deps.authorizer.authorize(actor, 'audit.read', resource);
      const { rows, total } = await listAuditEvents(db, query);
      return {
        items: rows.map((e) => ({
          seq: Number(e.seq),
          id: e.id,
          occurredAt: e.occurred_at,
          actorId: e.actor_id,
          actorName: e.actor_name,
          action: e.action,
          entityType: e.entity_type,
          entityId: e.entity_id,
          summary: e.summary,
          ip: e.ip,
          userAgent: e.user_agent,
          data: e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async actions(actor: Actor): Promise<string[]> {
      deps.authorizer.authorize(actor, 'audit.read', resource);
      return distinctAuditActions(db);
    },

    async verify(actor: Actor) {
      deps.authorizer.authorize(actor, 'audit.verify', resource);
      return verifyAuditChain(db, { key: deps.auditKey, checkpointDir: deps.config.audit.checkpointDir });
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
