import { z } from 'zod';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'dead'] as const;
export type JobStatusName = (typeof JOB_STATUSES)[number];

export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** The idempotency key: names the work, and is what providers see as the duplicate guard. */
  key: z.string(),
  status: z.enum(JOB_STATUSES),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** When it is due, or tried again after a failure. */
  runAt: z.string(),
  lockedUntil: z.string().nullable(),
  lockedBy: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  doneAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobSchema>;

export const jobListQuerySchema = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  kind: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const jobListSchema = z.object({
  items: z.array(jobSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Every job of the kind asked for (all kinds when none), per status, whatever the status filter. */
  counts: z.object(
    Object.fromEntries(JOB_STATUSES.map((s) => [s, z.number().int()])) as Record<JobStatusName, z.ZodNumber>,
  ),
});
export type JobList = z.infer<typeof jobListSchema>;

export const jobIdParamsSchema = z.object({ id: z.string().max(64) });

/**
 * The address people reach the product at, and what a browser allows over it (service
 * workers, hence installing the app and offline meeting papers, need https but on the
 * machine itself): PUBLIC_URL when set, else the address this request came in by.
 */
export const publicAddressSchema = z.object({
  url: z.string(),
  configured: z.boolean(),
  status: z.enum(['https', 'local', 'insecure']),
});
export type PublicAddress = z.infer<typeof publicAddressSchema>;
