import type { SavingKind } from '../../../common/meetings';
import { dayInVietnam } from '../../platform/clock';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/ids';
import { insertSavings, pageCountsOf } from './savings.repository';

export interface SavingEntry {
  organizationId: string;
  kind: SavingKind;
  entityId: string;
  /** Pages of one printed copy. */
  pages: number;
  /** Copies that would have been printed and carried. */
  copies: number;
}

/** Records, in the caller's transaction, what an electronic delivery kept from the printer. */
export async function recordSavings(trx: Executor, entries: readonly SavingEntry[], at: Date): Promise<void> {
  const rows = entries
    .filter((e) => e.copies > 0 && e.pages > 0)
    .map((e) => ({
      id: newId(at.getTime()),
      occurred_at: at.toISOString(),
      month: dayInVietnam(at).slice(0, 7),
      organization_id: e.organizationId,
      kind: e.kind,
      entity_id: e.entityId,
      pages: Math.round(e.pages),
      copies: Math.round(e.copies),
    }));
  await insertSavings(trx, rows);
}

/** The pages of stored files, when known; a file of unknown length counts as one page. */
export async function pagesOfFiles(ex: Executor, sha256s: readonly string[]): Promise<number> {
  if (sha256s.length === 0) return 0;
  const rows = await pageCountsOf(ex, sha256s);
  const pages = new Map(rows.map((r) => [r.sha256, r.page_count]));
  return sha256s.reduce((sum, sha) => sum + Math.max(1, Number(pages.get(sha) ?? 1)), 0);
}
