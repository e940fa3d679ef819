import type { Executor } from '../db/database';
import { type CheckpointReading, readCheckpoints } from './audit-checkpoint';
import type { AuditKey } from './audit-key';
import {
  createSearchDigest,
  GENESIS_HASH,
  keyedAuditMac,
  legacyAuditHash,
  SEAL_ACTION,
  type SealData,
} from './audit-log';
import { parseSubstitutions, type Substitution, substitutedLegacyHash } from './audit-repair';

export type AuditProblemKind =
  | 'altered'
  | 'broken_link'
  | 'missing'
  | 'head_mismatch'
  | 'unkeyed'
  | 'unsealed'
  | 'checkpoint_invalid'
  | 'checkpoint_missing'
  | 'checkpoint_mismatch';

export interface AuditProblem {
  seq: number;
  kind: AuditProblemKind;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** Checkpoint files read and found in the chain. */
  checkpoints: number;
  problems: AuditProblem[];
}

export interface VerifyOptions {
  key: AuditKey;
  /** Folder of checkpoint files; null reads none. */
  checkpointDir: string | null;
  pageSize?: number;
}

/**
 * Walks the whole chain in sequence order, in pages. A keyed entry must carry this key's
 * MAC over all its fields and the previous MAC; an unkeyed entry (written before the key)
 * must match its SHA-256, or the repair recorded for it, and is accepted only before the
 * keyed seal that names it, with its search text matching the seal's digest. A deleted
 * entry leaves a gap and a broken link, a cut tail no longer reaches `audit_head`, and a
 * checkpoint file names a head the chain must still hold.
 */
export async function verifyAuditChain(db: Executor, options: VerifyOptions): Promise<AuditVerification> {
  const { key } = options;
  const pageSize = options.pageSize ?? 2000;
  const problems: AuditProblem[] = [];
  const reading: CheckpointReading = options.checkpointDir
    ? readCheckpoints(options.checkpointDir, key)
    : { checkpoints: [], invalid: [] };
  const wanted = new Map<number, string>();
  for (const c of reading.checkpoints) wanted.set(c.seq, '');
  const repairs = new Map<number, Substitution[]>(
    (await db.selectFrom('audit_repairs').select(['seq', 'substitutions']).execute()).map((r) => [
      Number(r.seq),
      parseSubstitutions(r.substitutions),
    ]),
  );

  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let legacyThrough = 0;
  let keyed = false;
  const legacySearch = createSearchDigest();
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const raw of rows) {
      const row = { ...raw, seq: Number(raw.seq) };
      if (row.seq !== expectedSeq) {
        problems.push({
          seq: expectedSeq,
          kind: 'missing',
          message: `Thiếu bản ghi số ${expectedSeq}${row.seq - expectedSeq > 1 ? ` đến ${row.seq - 1}` : ''}.`,
        });
      }
      if (row.prev_hash !== prevHash) {
        problems.push({
          seq: row.seq,
          kind: 'broken_link',
          message: `Bản ghi số ${row.seq} không nối với bản ghi trước.`,
        });
      }
      if (row.key_id === null) {
        if (keyed) {
          problems.push({
            seq: row.seq,
            kind: 'unkeyed',
            message: `Bản ghi số ${row.seq} không có mã khóa dù nhật ký đã chuyển sang khóa: bản ghi giả mạo.`,
          });
        } else {
          const repair = repairs.get(row.seq);
          const intact =
            legacyAuditHash(row) === row.hash || (repair && substitutedLegacyHash(row, repair) === row.hash);
          if (!intact) problems.push(altered(row.seq));
          legacySearch.add(row.seq, row.search_text);
          legacyThrough = row.seq;
        }
      } else {
        if (row.key_id !== key.id || keyedAuditMac(key, row) !== row.hash) {
          problems.push(
            row.key_id !== key.id
              ? {
                  seq: row.seq,
                  kind: 'altered',
                  message: `Bản ghi số ${row.seq} được ký bằng khóa khác khóa đang dùng.`,
                }
              : altered(row.seq),
          );
        } else if (!keyed && legacyThrough > 0) {
          problems.push(...sealProblems(row, legacyThrough, prevHash, legacySearch.hex()));
        }
        keyed = true;
      }
      if (wanted.has(row.seq)) wanted.set(row.seq, row.hash);
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      checked++;
    }
  }
  if (legacyThrough > 0 && !keyed) {
    problems.push({
      seq: legacyThrough,
      kind: 'unsealed',
      message: `Bản ghi số 1 đến ${legacyThrough} ghi trước khi có khóa chưa được niêm phong bằng khóa; khởi động máy chủ một lần để niêm phong.`,
    });
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head || Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
    problems.push({
      seq: Number(head?.seq ?? 0),
      kind: 'head_mismatch',
      message: `Chuỗi kết thúc ở bản ghi số ${expectedSeq - 1} nhưng đầu chuỗi ghi số ${head?.seq ?? '(mất)'}: bản ghi cuối đã bị xóa hoặc sửa.`,
    });
  }
  for (const bad of reading.invalid) {
    problems.push({
      seq: 0,
      kind: 'checkpoint_invalid',
      message: `Tệp mốc kiểm tra ${bad.file} không hợp lệ: ${bad.reason}.`,
    });
  }
  for (const c of reading.checkpoints) {
    const found = wanted.get(c.seq);
    if (!found) {
      problems.push({
        seq: c.seq,
        kind: 'checkpoint_missing',
        message: `Mốc kiểm tra ${c.file} (${c.at}) ghi bản ghi số ${c.seq}, nay không còn trong nhật ký: nhật ký đã bị xóa hoặc làm lại.`,
      });
    } else if (found !== c.hash) {
      problems.push({
        seq: c.seq,
        kind: 'checkpoint_mismatch',
        message: `Bản ghi số ${c.seq} khác với mốc kiểm tra ${c.file} (${c.at}): nhật ký đã bị viết lại.`,
      });
    }
  }
  return { ok: problems.length === 0, checked, checkpoints: reading.checkpoints.length, problems };
}

function altered(seq: number): AuditProblem {
  return { seq, kind: 'altered', message: `Bản ghi số ${seq} đã bị sửa sau khi ghi.` };
}

/** The first keyed entry after unkeyed ones must be the seal naming exactly them. */
function sealProblems(
  row: { seq: number; action: string; data: string | null },
  legacyThrough: number,
  prevHash: string,
  searchDigest: string,
): AuditProblem[] {
  let seal: Partial<SealData> = {};
  try {
    seal = row.action === SEAL_ACTION && row.data ? (JSON.parse(row.data) as Partial<SealData>) : {};
  } catch {
    seal = {};
  }
  if (seal.legacyThrough !== legacyThrough || seal.legacyHead !== prevHash) {
    return [
      {
        seq: legacyThrough,
        kind: 'unsealed',
        message: `Bản ghi số 1 đến ${legacyThrough} ghi không có khóa nhưng không được bản ghi niêm phong xác nhận.`,
      },
    ];
  }
  if (seal.searchDigest !== searchDigest) {
    return [
      {
        seq: row.seq,
        kind: 'altered',
        message: `Nội dung tìm kiếm của các bản ghi trước số ${row.seq} đã bị sửa sau khi niêm phong.`,
      },
    ];
  }
  return [];
}
