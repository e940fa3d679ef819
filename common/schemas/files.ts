import { z } from 'zod';

/** A file the caller sent, waiting for a record to take it in by its `id`. */
export const uploadViewSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    size: z.number().int(),
    contentType: z.string(),
    sha256: z.string(),
    /**
     * What the sender should know about a file that was taken: `files.renamed` (the name's ending
     * was changed to the type the bytes are), `files.pdf_header_moved`, `files.text_not_read`.
     */
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  })
  .meta({ id: 'Upload' });
export type UploadView = z.infer<typeof uploadViewSchema>;

export const uploadParamsSchema = z.object({ id: z.string().max(64) });
