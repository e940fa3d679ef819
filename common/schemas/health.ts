import { z } from 'zod';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
  uptimeSeconds: z.number(),
  time: z.string(),
  /** `running` until the work the server does once after it starts answering has finished. */
  startup: z.enum(['running', 'done']),
});
export type Health = z.infer<typeof healthSchema>;
