import { z } from 'zod';
import { SAVING_KINDS } from '../meetings';
import { versionSchema } from './directory';

export const savingsSettingsSchema = z.object({
  /** Paper and ink for one printed page, in VND. */
  costPerPage: z.number().int().min(0).max(1_000_000),
  /** Carrying one printed copy by hand (envelope, travel), in VND. */
  costPerCopy: z.number().int().min(0).max(10_000_000),
  version: versionSchema,
  updatedAt: z.string().nullable(),
});
export type SavingsSettings = z.infer<typeof savingsSettingsSchema>;
export const savingsSettingsWriteSchema = savingsSettingsSchema.omit({ updatedAt: true });

const figures = {
  pages: z.number(),
  copies: z.number(),
  /** Paper and ink plus hand delivery, in VND, at today's costs. */
  money: z.number(),
};
export const savingsReportSchema = z.object({
  year: z.number(),
  settings: savingsSettingsSchema,
  totals: z.object(figures),
  /** A whole year's saving at the pace kept since the first delivery counted (over at least 30 days). */
  projectedYear: z.number(),
  target: z.number(),
  byMonth: z.array(z.object({ month: z.string(), ...figures })),
  byKind: z.array(z.object({ kind: z.enum(SAVING_KINDS), ...figures })),
  byOrganization: z.array(z.object({ organizationId: z.string(), organizationName: z.string(), ...figures })),
});
export type SavingsReport = z.infer<typeof savingsReportSchema>;
export const savingsQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  organizationId: z.string().max(64).optional(),
});
