import { z } from 'zod';

/** Route pieces shared by every feature: an opaque id in the path, the answer to a create, a file's query. */
export const idSchema = z.string().min(1).max(64);
export const idParamsSchema = z.object({ id: idSchema });
export const fileParamsSchema = idParamsSchema.extend({ fileId: idSchema });
export const createdIdSchema = z.object({ id: z.string() });
export type CreatedId = z.infer<typeof createdIdSchema>;
/** An idempotent create: `created` is false when the same request was already answered. */
export const upsertedSchema = z.object({ id: z.string(), created: z.boolean() });
export type Upserted = z.infer<typeof upsertedSchema>;
/** `?download=1` asks for an attachment; anything else opens in the browser. */
export const downloadQuerySchema = z.object({ download: z.enum(['0', '1']).optional() });
/** `?inline=1` opens in the browser; anything else is an attachment. */
export const inlineQuerySchema = z.object({ inline: z.enum(['0', '1']).optional() });
