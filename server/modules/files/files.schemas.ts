import { z } from 'zod';

/** A file the caller sent, waiting for a record to take it in by its `id`. */
export const uploadViewSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    size: z.number().int(),
    contentType: z.string(),
    sha256: z.string(),
  })
  .meta({ id: 'Upload' });

export const uploadParamsSchema = z.object({ id: z.string().max(64) });

export const downloadQuerySchema = z.object({
  /** `1` shows a PDF or an image in the browser; anything else is downloaded. */
  inline: z.enum(['0', '1']).optional(),
});
