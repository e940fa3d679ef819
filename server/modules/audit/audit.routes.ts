import { z } from 'zod';
import {
  auditListQuerySchema,
  auditListResponseSchema,
  auditVerifyResponseSchema,
} from '../../../common/schemas/audit';
import { verifyAuditChain } from '../../platform/audit/audit-verify';
import type { PlatformDeps } from '../../platform/deps';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import type { AuditResource } from './audit.policy';
import { distinctAuditActions, listAuditEvents } from './audit.repository';

const tags = ['Nhật ký hệ thống'];
const resource: AuditResource = { kind: 'audit' };

export function registerAuditRoutes(app: App, deps: PlatformDeps): void {
  const r = typed(app);
  const db = deps.database.db;

  r.get(
    '/api/audit',
    { schema: { tags, querystring: auditListQuerySchema, response: { 200: auditListResponseSchema } } },
    async (request) => {
      deps.authorizer.authorize(actorOf(request), 'audit.read', resource);
      const { rows, total } = await listAuditEvents(db, request.query);
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
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  r.get('/api/audit/actions', { schema: { tags, response: { 200: z.array(z.string()) } } }, async (request) => {
    deps.authorizer.authorize(actorOf(request), 'audit.read', resource);
    return distinctAuditActions(db);
  });

  r.get('/api/audit/verify', { schema: { tags, response: { 200: auditVerifyResponseSchema } } }, async (request) => {
    deps.authorizer.authorize(actorOf(request), 'audit.verify', resource);
    return verifyAuditChain(db, { key: deps.auditKey, checkpointDir: deps.config.audit.checkpointDir });
  });
}
