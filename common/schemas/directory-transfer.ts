import { z } from 'zod';

/** Importing and exporting the directory as CSV or Excel files. */
export const TRANSFER_KINDS = ['organizations', 'people'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];
export const FILE_FORMATS = ['csv', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];
/**
 * preview: check every row, write nothing. valid_only: write the good rows, report the
 * bad ones. all_or_nothing: write only if every row is good.
 */
export const IMPORT_MODES = ['preview', 'valid_only', 'all_or_nothing'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const exportQuerySchema = z.object({
  kind: z.enum(TRANSFER_KINDS),
  format: z.enum(FILE_FORMATS).default('xlsx'),
  /** CSV only: Excel set to Vietnamese regional settings expects `;`. */
  delimiter: z.enum(['comma', 'semicolon']).default('comma'),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

export const importQuerySchema = z.object({
  kind: z.enum(TRANSFER_KINDS),
  mode: z.enum(IMPORT_MODES).default('preview'),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const IMPORT_ROW_STATUSES = ['created', 'updated', 'valid', 'rejected'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

export const importRowSchema = z.object({
  /** Row number as the file shows it; the header is row 1. */
  row: z.number().int(),
  /**
   * created / updated: written. valid: good, but not written (preview, or all_or_nothing
   * with bad rows elsewhere). rejected: has errors, not written.
   */
  status: z.enum(IMPORT_ROW_STATUSES),
  /** What matches the row to a record: the organization's code, or the person's name. */
  key: z.string(),
  /** Whether the row makes a new record or changes an existing one. */
  action: z.enum(['create', 'update']).nullable(),
  /** Column headers whose values differ from the record in the directory. */
  changes: z.array(z.string()),
  /** `column` is null when the problem is with the whole row. */
  errors: z.array(z.object({ column: z.string().nullable(), message: z.string() })),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importReportSchema = z.object({
  kind: z.enum(TRANSFER_KINDS),
  mode: z.enum(IMPORT_MODES),
  format: z.enum(FILE_FORMATS),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /**
   * True when rows were written. all_or_nothing answers 200 with committed=false and
   * created=updated=0 when any row is bad; preview is never committed.
   */
  committed: z.boolean(),
  message: z.string(),
  rows: z.array(importRowSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;
