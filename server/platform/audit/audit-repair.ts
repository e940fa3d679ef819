import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { AuditContext, AuditRow } from './audit-log';
import { appendAudit, legacyAuditJson, sha256Hex } from './audit-log';

/**
 * Before text was made canonical, an entry whose text held a lone UTF-16 surrogate was
 * hashed with that surrogate (JSON writes it as `\udXXX`) but stored by the database as
 * U+FFFD, so `verify` has called it altered ever since. The repair proves, entry by entry,
 * that putting lone surrogates back in place of some U+FFFD characters gives exactly the
 * stored hash, records that proof (`audit_repairs`) and says so in the trail. `verify` then
 * accepts the entry only by re-applying the recorded substitution and matching the hash:
 * a substitution can only turn U+FFFD into a surrogate, so it cannot make a real edit pass.
 */

/** The nth U+FFFD of the entry's hashed text (in field order) was this lone surrogate. */
export interface Substitution {
  occurrence: number;
  codeUnit: string;
}

/** At most this many U+FFFD in one entry are searched (2049² candidates at two). */
export const MAX_REPAIRED_CHARACTERS = 2;

const REPLACEMENT = '\ufffd';

const escapeOf = (codeUnit: number) => `\\u${codeUnit.toString(16)}`;

/** The legacy hash of the entry with the substitutions put back. */
export function substitutedLegacyHash(row: AuditRow, substitutions: readonly Substitution[]): string | null {
  const parts = legacyAuditJson(row).split(REPLACEMENT);
  const chosen = parts.slice(1).map(() => REPLACEMENT);
  for (const s of substitutions) {
    const unit = Number.parseInt(s.codeUnit, 16);
    if (!(unit >= 0xd800 && unit <= 0xdfff) || s.occurrence < 0 || s.occurrence >= chosen.length) return null;
    chosen[s.occurrence] = escapeOf(unit);
  }
  return sha256Hex(parts.map((p, i) => (i === 0 ? p : `${chosen[i - 1]}${p}`)).join(''));
}

/** The substitutions that reproduce the stored hash, or null when none does (within the bound). */
export function findSubstitution(row: AuditRow & { hash: string }): Substitution[] | null {
  const parts = legacyAuditJson(row).split(REPLACEMENT);
  const count = parts.length - 1;
  if (count === 0 || count > MAX_REPAIRED_CHARACTERS) return null;
  const candidates = [REPLACEMENT];
  for (let unit = 0xd800; unit <= 0xdfff; unit++) candidates.push(escapeOf(unit));
  const unitOf = (c: string) => c.slice(2);
  if (count === 1) {
    for (const a of candidates.slice(1)) {
      if (sha256Hex(`${parts[0]}${a}${parts[1]}`) === row.hash) return [{ occurrence: 0, codeUnit: unitOf(a) }];
    }
    return null;
  }
  for (const a of candidates) {
    const prefix = `${parts[0]}${a}${parts[1]}`;
    for (const b of candidates) {
      if (a === REPLACEMENT && b === REPLACEMENT) continue;
      if (sha256Hex(`${prefix}${b}${parts[2]}`) !== row.hash) continue;
      const found: Substitution[] = [];
      if (a !== REPLACEMENT) found.push({ occurrence: 0, codeUnit: unitOf(a) });
      if (b !== REPLACEMENT) found.push({ occurrence: 1, codeUnit: unitOf(b) });
      return found;
    }
  }
  return null;
}

export function parseSubstitutions(json: string): Substitution[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (s): s is Substitution =>
        typeof s === 'object' &&
        s !== null &&
        typeof (s as Substitution).occurrence === 'number' &&
        typeof (s as Substitution).codeUnit === 'string',
    );
  } catch {
    return [];
  }
}

export interface RepairReport {
  repaired: { seq: number; substitutions: Substitution[] }[];
  /** Unkeyed entries whose hash still fails: no bounded substitution explains them. */
  unexplained: number[];
}

/**
 * Finds and records the repairs for unkeyed entries that fail their hash. Run by
 * `vanphong audit repair-encoding`; each repair is one row and one audit entry, in one
 * transaction. Keyed entries are never candidates: their text was canonical when MACed.
 */
export async function repairEncoding(
  db: Kysely<DB>,
  ctx: AuditContext,
  repairedBy: string,
  pageSize = 2000,
): Promise<RepairReport> {
  const done = new Set((await db.selectFrom('audit_repairs').select('seq').execute()).map((r) => Number(r.seq)));
  const report: RepairReport = { repaired: [], unexplained: [] };
  for (let from = 1; ; ) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', from)
      .where('key_id', 'is', null)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const raw of rows) {
      const row = { ...raw, seq: Number(raw.seq) };
      from = row.seq + 1;
      if (done.has(row.seq) || sha256Hex(legacyAuditJson(row)) === row.hash) continue;
      const substitutions = findSubstitution(row);
      if (!substitutions) {
        report.unexplained.push(row.seq);
        continue;
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('audit_repairs')
          .values({
            seq: row.seq,
            substitutions: JSON.stringify(substitutions),
            repaired_at: ctx.clock.now().toISOString(),
            repaired_by: repairedBy.slice(0, 200),
          })
          .execute();
        await appendAudit(
          trx,
          ctx,
          { userId: null, name: repairedBy, ip: null, userAgent: 'vanphong-cli' },
          {
            action: 'audit.repaired',
            entityType: 'audit',
            entityId: String(row.seq),
            summary: `Sửa cảnh báo nhầm ở bản ghi số ${row.seq}: ký tự không hợp lệ (nửa cặp UTF-16) đã được lưu thành U+FFFD; mã băm khớp đúng khi đặt lại ký tự gốc`,
            data: { seq: row.seq, substitutions: substitutions.map((s) => ({ ...s })) },
          },
        );
      });
      report.repaired.push({ seq: row.seq, substitutions });
    }
  }
  return report;
}
