import type { Kysely } from 'kysely';
import { createApp } from '../app';
import { writeCheckpoint } from '../platform/audit/audit-checkpoint';
import { loadAuditKey } from '../platform/audit/audit-key';
import { repairEncoding } from '../platform/audit/audit-repair';
import { verifyAuditChain } from '../platform/audit/audit-verify';
import type { Config } from '../platform/config/config';
import { openDatabase } from '../platform/db/database';
import { migrateToLatest } from '../platform/db/migrator';

const warn = (message: string) => process.stderr.write(`${message}\n`);

/**
 * `audit verify`: the chain, the key and the checkpoint files; exits 3 on any problem. It
 * writes nothing to the trail (no seal), and never makes a key: checking with a new key
 * would prove nothing.
 */
export async function auditVerify(config: Config): Promise<void> {
  const key = loadAuditKey(config.audit, warn, { create: false });
  const database = openDatabase(
    config.database.kind === 'sqlite' ? config.database : { kind: 'postgres', url: config.database.url },
  );
  try {
    await migrateToLatest(database.db as unknown as Kysely<unknown>, { kind: database.kind });
    const result = await verifyAuditChain(database.db, { key, checkpointDir: config.audit.checkpointDir });
    if (result.ok) {
      process.stdout.write(
        `Nhật ký toàn vẹn: đã kiểm tra ${result.checked} bản ghi và ${result.checkpoints} mốc kiểm tra, không có bản ghi nào bị sửa hay xóa.\n`,
      );
      if (result.checkpoints === 0) {
        process.stdout.write(
          `Chưa có mốc kiểm tra nào trong ${config.audit.checkpointDir}: việc xóa các bản ghi cuối sẽ không bị phát hiện (xem docs/SECURITY.md).\n`,
        );
      }
      return;
    }
    process.stdout.write(`Nhật ký KHÔNG toàn vẹn: ${result.problems.length} vấn đề trong ${result.checked} bản ghi.\n`);
    for (const p of result.problems) process.stdout.write(`  #${p.seq} [${p.kind}] ${p.message}\n`);
    process.exitCode = 3;
  } finally {
    await database.close();
  }
}

/** `audit checkpoint`: the head of the chain, MACed, to a file in `AUDIT_CHECKPOINT_DIR`. */
export async function auditCheckpoint(config: Config): Promise<void> {
  const vp = await createApp({ config: { ...config, logLevel: 'warn' }, webRoot: null });
  try {
    const result = await writeCheckpoint(vp.deps.database.db, {
      dir: config.audit.checkpointDir,
      key: vp.deps.auditKey,
      clock: vp.deps.clock,
    });
    if (result.written) {
      process.stdout.write(`Đã ghi mốc kiểm tra bản ghi số ${result.checkpoint.seq}: ${result.file}\n`);
    } else if (result.reason === 'empty') {
      process.stdout.write('Nhật ký chưa có bản ghi nào; chưa cần mốc kiểm tra.\n');
    } else {
      process.stderr.write(
        'Lỗi: bản ghi mới nhất của nhật ký không mang mã của khóa này; chạy vanphong audit verify.\n',
      );
      process.exitCode = 3;
    }
  } finally {
    await vp.close();
  }
}

/** `audit repair-encoding`: proves and records the old lone-surrogate false alarms. */
export async function auditRepairEncoding(config: Config, operator: string): Promise<void> {
  const vp = await createApp({ config: { ...config, logLevel: 'warn' }, webRoot: null });
  try {
    const { database, clock, auditKey } = vp.deps;
    const report = await repairEncoding(database.db, { kind: database.kind, clock, key: auditKey }, operator);
    for (const r of report.repaired) {
      process.stdout.write(
        `Bản ghi số ${r.seq}: cảnh báo nhầm do ký tự ${r.substitutions.map((s) => `U+${s.codeUnit.toUpperCase()}`).join(', ')} lưu thành U+FFFD; đã ghi bằng chứng và ghi vào nhật ký.\n`,
      );
    }
    if (report.unexplained.length > 0) {
      process.stdout.write(
        `Không sửa: bản ghi số ${report.unexplained.join(', ')} sai mã băm mà không do lỗi mã hóa ký tự; có thể đã bị sửa thật.\n`,
      );
      process.exitCode = 3;
    }
    if (report.repaired.length === 0 && report.unexplained.length === 0) {
      process.stdout.write('Không có cảnh báo nhầm nào cần sửa.\n');
    }
  } finally {
    await vp.close();
  }
}
