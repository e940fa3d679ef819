import { z } from 'zod';
import { pageOf, paginationQuerySchema } from './directory';

export const auditEventSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

const isoDate = z.string().datetime({ offset: true, message: 'Thời điểm phải theo dạng ISO 8601' });

export const auditListQuerySchema = paginationQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  action: z.string().trim().max(80).optional(),
  entityType: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(64).optional(),
  actorId: z.string().trim().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditListResponseSchema = pageOf(auditEventSchema);

export const auditVerifyResponseSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** Checkpoint files outside the database that the chain was checked against. */
  checkpoints: z.number().int(),
  problems: z.array(z.object({ seq: z.number().int(), kind: z.string(), message: z.string() })),
});
export type AuditVerification = z.infer<typeof auditVerifyResponseSchema>;
