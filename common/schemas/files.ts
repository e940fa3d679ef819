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

/** One digital signature of a PDF, as the server checked it against the certificates its operator installed. */
export const pdfSignatureSchema = z.object({
  /** `[0, b, c, d]`: the bytes signed are `0…b` and `c…c+d`; tells one signature from another. */
  byteRange: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /** `ETSI.CAdES.detached` for PAdES. */
  subFilter: z.string().nullable(),
  signer: z.object({
    name: z.string().nullable(),
    organization: z.string().nullable(),
    serialNumber: z.string().nullable(),
  }),
  issuer: z.object({ name: z.string().nullable(), organization: z.string().nullable() }),
  /** ISO instant the signer's software wrote (signed attribute, else `/M`): a claim, no trusted timestamp is read yet. */
  signingTime: z.string().nullable(),
  /** The signed bytes are unchanged and the signature is the signer's. */
  intact: z.boolean(),
  /** False when something was added after this signature (a later signature, or an edit). */
  coversWholeDocument: z.boolean(),
  /** Something was appended after this signature that no later intact signature over the whole file vouches for. */
  changedAfterSigning: z.boolean(),
  /** Chains to a root the operator installed, each certificate valid at the signing time. */
  trusted: z.boolean(),
  validAtSigningTime: z.boolean(),
  /** Revoked by an installed, current CRL (a compromised key whenever, else by the signing time); null when unknown. */
  revoked: z.boolean().nullable(),
  /** What is wrong or unknown, in Vietnamese. */
  problems: z.array(z.string()),
});
export type PdfSignature = z.infer<typeof pdfSignatureSchema>;

export const pdfSignaturesSchema = z
  .object({
    /** False for a PDF with no signature, and for any file that is not a PDF. */
    signed: z.boolean(),
    signatures: z.array(pdfSignatureSchema),
    /** Signature fields found that could not be read, and why. */
    unreadable: z.array(z.string()),
    /** When this was checked (ISO): a CRL installed later may change the answer. */
    checkedAt: z.string(),
  })
  .meta({ id: 'PdfSignatures' });
export type PdfSignatures = z.infer<typeof pdfSignaturesSchema>;
