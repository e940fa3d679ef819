import { z } from 'zod';
import {
  auditListQuerySchema,
  auditListResponseSchema,
  auditVerifyResponseSchema,
} from '../../../common/schemas/audit';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import type { AuditService } from './audit.service';

const tags = ['Nhật ký hệ thống'];

export function registerAuditRoutes(app: App, audit: AuditService): void {
  const r = typed(app);

  r.get(
    '/api/audit',
    { schema: { tags, querystring: auditListQuerySchema, response: { 200: auditListResponseSchema } } },
    async (request) => audit.list(actorOf(request), request.query),
  );

  r.get('/api/audit/actions', { schema: { tags, response: { 200: z.array(z.string()) } } }, async (request) =>
    audit.actions(actorOf(request)),
  );

  r.get('/api/audit/verify', { schema: { tags, response: { 200: auditVerifyResponseSchema } } }, async (request) =>
    audit.verify(actorOf(request)),
  );
}
