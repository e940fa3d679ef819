import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Config } from '../platform/config/config';
import { openDatabase } from '../platform/db/database';
import { fail } from './output';

const PG_DUMP_HINT = [
  'Với PostgreSQL, sao lưu bằng công cụ của PostgreSQL:',
  '  pg_dump --format=custom --file=vanphong.dump "$DATABASE_URL"',
  'và khôi phục:',
  '  pg_restore --clean --if-exists --dbname="$DATABASE_URL" vanphong.dump',
].join('\n');

/** SQLite online backup: consistent even while the server is writing. */
export async function backup(config: Config, out: string | undefined): Promise<void> {
  if (config.database.kind !== 'sqlite') fail(PG_DUMP_HINT, 2);
  const target = path.resolve(
    out ?? path.join(config.dataDir, 'backups', `vanphong-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`),
  );
  if (fs.existsSync(target)) fail(`Tệp ${target} đã có; hãy chọn tên khác.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const database = openDatabase(config.database);
  try {
    const sqlite = database.sqlite;
    if (!sqlite) fail('Không mở được SQLite.');
    await sqlite.backup(target);
  } finally {
    await database.close();
  }
  const size = fs.statSync(target).size;
  process.stdout.write(`Đã sao lưu vào ${target} (${(size / 1024).toFixed(0)} KB).\n`);
}

/**
 * Restores a backup over the configured database. The file is checked first
 * (SQLite integrity and a VanPhong schema) so a wrong file cannot wipe the data.
 * Stop the server before restoring.
 */
export async function restore(config: Config, from: string | undefined, force: boolean): Promise<void> {
  if (config.database.kind !== 'sqlite') fail(PG_DUMP_HINT, 2);
  if (!from) fail('Cần chỉ tệp sao lưu: vanphong restore --from TỆP');
  const source = path.resolve(from);
  if (!fs.existsSync(source)) fail(`Không thấy tệp ${source}.`);
  let check: SQLite.Database;
  try {
    check = new SQLite(source, { readonly: true, fileMustExist: true });
    const integrity = check.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') fail(`Tệp sao lưu bị hỏng: ${String(integrity)}`);
    const hasSchema = check
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'schema_migrations'")
      .get();
    if (!hasSchema) fail('Tệp này không phải bản sao lưu của VanPhong.');
  } catch (error) {
    fail(`Không đọc được tệp sao lưu: ${error instanceof Error ? error.message : String(error)}`);
  }
  const target = config.database.file;
  if (fs.existsSync(target) && !force) {
    fail(`Cơ sở dữ liệu ${target} đang có dữ liệu. Dừng máy chủ rồi chạy lại với --force để ghi đè.`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // The backup API writes the whole database page by page into the target,
  // replacing its content and keeping its WAL consistent.
  await check.backup(target);
  check.close();
  process.stdout.write(`Đã khôi phục ${source} vào ${target}.\n`);
}
