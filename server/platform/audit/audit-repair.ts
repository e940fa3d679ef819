import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { AuditContext, AuditRow } from './audit-log';
import { appendAudit, legacyAuditJson, sha256Hex } from './audit-log';

/**
 * Before text was made canonical, an entry whose text held a lone UTF-16 surrogate was
 * hashed with that surrogate (JSON writes it as `\udXXX`) but reads back from the database
 * as U+FFFD: one on PostgreSQL (the driver writes U+FFFD), three on SQLite (the surrogate's
 * three bytes are stored and each reads back as U+FFFD). `verify` has called such an entry
 * altered ever since. The repair proves, entry by entry, that putting lone surrogates back in
 * place of those U+FFFD gives exactly the stored hash, records that proof (`audit_repairs`)
 * and says so in the trail. `verify` then accepts the entry only by re-applying the recorded
 * substitution and matching the hash: a substitution can only turn U+FFFD into a surrogate,
 * so it cannot make a real edit pass.
 */

/** The U+FFFD characters from the nth (in the entry's hashed text), `width` of them, were this lone surrogate. */
export interface Substitution {
  occurrence: number;
  width: number;
  codeUnit: string;
}

/** At most this many lone surrogates per entry are searched for (2048² candidates at two). */
export const MAX_REPAIRED_CHARACTERS = 2;

const REPLACEMENT = '\ufffd';

const escapeOf = (codeUnit: number) => `\\u${codeUnit.toString(16)}`;

/** The hashed text with each substitution's U+FFFD run replaced by its surrogate; null if one does not fit. */
function substituted(parts: readonly string[], substitutions: readonly Substitution[]): string | null {
  const chosen = parts.slice(1).map(() => REPLACEMENT);
  for (const s of substitutions) {
    const unit = Number.parseInt(s.codeUnit, 16);
    const fits =
      unit >= 0xd800 &&
      unit <= 0xdfff &&
      (s.width === 1 || s.width === 3) &&
      s.occurrence >= 0 &&
      s.occurrence + s.width <= chosen.length &&
      parts.slice(s.occurrence + 1, s.occurrence + s.width).every((between) => between === '');
    if (!fits) return null;
    chosen[s.occurrence] = escapeOf(unit);
    for (let i = 1; i < s.width; i++) chosen[s.occurrence + i] = '';
  }
  return parts.map((p, i) => (i === 0 ? p : `${chosen[i - 1]}${p}`)).join('');
}

/** The legacy hash of the entry with the substitutions put back; null when they do not fit it. */
export function substitutedLegacyHash(row: AuditRow, substitutions: readonly Substitution[]): string | null {
  const text = substituted(legacyAuditJson(row).split(REPLACEMENT), substitutions);
  return text === null ? null : sha256Hex(text);
}

/**
 * The substitutions that reproduce the stored hash, or null when none does. Each run of
 * consecutive U+FFFD is either genuine or, whole, lone surrogates of the engine's width; at
 * most two surrogates in all, so at most 2048² hashes per entry.
 */
export function findSubstitution(row: AuditRow & { hash: string }, width: 1 | 3): Substitution[] | null {
  const parts = legacyAuditJson(row).split(REPLACEMENT);
  const total = parts.length - 1;
  if (total === 0 || total > MAX_REPAIRED_CHARACTERS * width) return null;
  // Runs of consecutive U+FFFD: [first occurrence, how many surrogates they would be].
  const runs: [number, number][] = [];
  for (let i = 0; i < total; ) {
    let length = 1;
    while (i + length < total && parts[i + length] === '') length++;
    if (length % width === 0) runs.push([i, length / width]);
    i += length;
  }
  const slotsOf = (chosenRuns: [number, number][]) =>
    chosenRuns.flatMap(([first, count]) =>
      Array.from({ length: count }, (_, k) => ({ occurrence: first + k * width, width })),
    );
  const choices: { occurrence: number; width: number }[][] = [];
  for (let a = 0; a < runs.length; a++) {
    const ra = runs[a] as [number, number];
    if (ra[1] <= MAX_REPAIRED_CHARACTERS) choices.push(slotsOf([ra]));
    for (let b = a + 1; b < runs.length; b++) {
      const rb = runs[b] as [number, number];
      if (ra[1] + rb[1] <= MAX_REPAIRED_CHARACTERS) choices.push(slotsOf([ra, rb]));
    }
  }
  for (const slots of choices) {
    const found = searchSlots(parts, slots, row.hash);
    if (found) return found;
  }
  return null;
}

function searchSlots(
  parts: readonly string[],
  slots: { occurrence: number; width: number }[],
  hash: string,
): Substitution[] | null {
  // The text around the slots, cut once: JSON never holds a raw NUL, so it marks them safely.
  const marked = substituted(
    parts,
    slots.map((slot) => ({ ...slot, codeUnit: 'd800' })),
  );
  if (marked === null) return null;
  const escaped = new Set(slots.map((slot) => slot.occurrence));
  const chosen: string[] = parts.slice(1).map((_, i) => (escaped.has(i) ? '\u0000' : REPLACEMENT));
  for (const slot of slots) for (let k = 1; k < slot.width; k++) chosen[slot.occurrence + k] = '';
  const segments = parts
    .map((p, i) => (i === 0 ? p : `${chosen[i - 1]}${p}`))
    .join('')
    .split('\u0000');
  const found = (units: number[]) => slots.map((slot, i) => ({ ...slot, codeUnit: (units[i] as number).toString(16) }));
  const first = createHash('sha256').update(segments[0] as string);
  for (let a = 0xd800; a <= 0xdfff; a++) {
    const afterA = first
      .copy()
      .update(escapeOf(a))
      .update(segments[1] as string);
    if (slots.length === 1) {
      if (afterA.digest('hex') === hash) return found([a]);
      continue;
    }
    for (let b = 0xd800; b <= 0xdfff; b++) {
      if (
        afterA
          .copy()
          .update(escapeOf(b))
          .update(segments[2] as string)
          .digest('hex') === hash
      )
        return found([a, b]);
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
        typeof (s as Substitution).width === 'number' &&
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
      const substitutions = findSubstitution(row, ctx.kind === 'sqlite' ? 3 : 1);
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
