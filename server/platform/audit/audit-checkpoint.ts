import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock';
import type { Executor } from '../db/database';
import type { AuditKey } from './audit-key';
import { keyedAuditMac } from './audit-log';

/**
 * A checkpoint is the chain's head (sequence number and MAC) at a time, MACed with the
 * chain's key and written as a file outside the database. The operator copies the files
 * elsewhere; `verify` then reports a chain that no longer holds a checkpointed head, which
 * is what deleting the tail, rewriting, wiping or truncating the trail leaves behind.
 */
export interface Checkpoint {
  version: 1;
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  mac: string;
}

export interface CheckpointFile extends Checkpoint {
  file: string;
}

export interface CheckpointReading {
  checkpoints: CheckpointFile[];
  /** Files that are not valid checkpoints of this key: each is a problem to report. */
  invalid: { file: string; reason: string }[];
}

const PREFIX = 'audit-checkpoint-';

function checkpointMac(key: AuditKey, c: Omit<Checkpoint, 'mac'>): string {
  return key.mac(JSON.stringify(['vanphong-audit-checkpoint/1', c.version, c.seq, c.hash, c.at, c.keyId]));
}

export function readCheckpoints(dir: string, key: AuditKey): CheckpointReading {
  const reading: CheckpointReading = { checkpoints: [], invalid: [] };
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.startsWith(PREFIX) && n.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reading;
    throw error;
  }
  for (const name of names.sort()) {
    let value: Partial<Checkpoint>;
    try {
      value = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Partial<Checkpoint>;
    } catch {
      reading.invalid.push({ file: name, reason: 'không đọc được' });
      continue;
    }
    const { version, seq, hash, at, keyId, mac } = value;
    if (
      version !== 1 ||
      typeof seq !== 'number' ||
      !Number.isSafeInteger(seq) ||
      typeof hash !== 'string' ||
      typeof at !== 'string' ||
      typeof keyId !== 'string' ||
      typeof mac !== 'string'
    ) {
      reading.invalid.push({ file: name, reason: 'sai định dạng' });
    } else if (keyId !== key.id) {
      reading.invalid.push({ file: name, reason: 'được ký bằng khóa khác' });
    } else if (checkpointMac(key, { version, seq, hash, at, keyId }) !== mac) {
      reading.invalid.push({ file: name, reason: 'mã xác thực không đúng (tệp đã bị sửa)' });
    } else {
      reading.checkpoints.push({ version, seq, hash, at, keyId, mac, file: name });
    }
  }
  return reading;
}

export type CheckpointResult =
  | { written: true; file: string; checkpoint: Checkpoint }
  | { written: false; reason: 'empty' | 'unchanged' | 'not_keyed' };

/**
 * Writes a checkpoint of the newest entry, unless `onlyIfMoved` and the newest checkpoint
 * already names it. Only an entry whose MAC this key confirms is vouched for, so a forged
 * head is never written into a checkpoint.
 */
export async function writeCheckpoint(
  db: Executor,
  opts: { dir: string; key: AuditKey; clock: Clock; onlyIfMoved?: boolean },
): Promise<CheckpointResult> {
  const head = await db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!head) return { written: false, reason: 'empty' };
  const row = { ...head, seq: Number(head.seq) };
  if (row.key_id !== opts.key.id || keyedAuditMac(opts.key, row) !== row.hash) {
    return { written: false, reason: 'not_keyed' };
  }
  if (opts.onlyIfMoved) {
    const newest = readCheckpoints(opts.dir, opts.key).checkpoints.at(-1);
    if (newest && newest.seq === row.seq && newest.hash === row.hash) return { written: false, reason: 'unchanged' };
  }
  const at = opts.clock.now().toISOString();
  const body = { version: 1 as const, seq: row.seq, hash: row.hash, at, keyId: opts.key.id };
  const checkpoint: Checkpoint = { ...body, mac: checkpointMac(opts.key, body) };
  fs.mkdirSync(opts.dir, { recursive: true });
  const name = `${PREFIX}${String(row.seq).padStart(12, '0')}-${at.replace(/[-:.]/g, '')}.json`;
  const file = path.join(opts.dir, name);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(checkpoint, null, 2)}\n`, { mode: 0o640 });
  fs.renameSync(tmp, file);
  return { written: true, file, checkpoint };
}
