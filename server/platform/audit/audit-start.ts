import type { Clock } from '../clock';
import { type Config, ConfigError } from '../config/config';
import type { Database } from '../db/database';
import { readCheckpoints } from './audit-checkpoint';
import { type AuditKey, loadAuditKey } from './audit-key';
import { keyOfTrail, sealAuditChain } from './audit-log';

/**
 * At every start: the key from configuration, refused if the trail is keyed with another
 * one (a second process or a restored server with a fresh key would fork the chain), and
 * the seal written once over entries from before keys.
 */
export async function startAuditTrail(
  database: Database,
  config: Config['audit'],
  clock: Clock,
  warn: (message: string) => void,
): Promise<AuditKey> {
  const key = loadAuditKey(config, warn);
  const trailKey = await keyOfTrail(database.db);
  if (trailKey !== null && trailKey !== key.id) {
    throw new ConfigError([
      `AUDIT_KEY: nhật ký hệ thống được ký bằng khóa ${trailKey}, khác khóa đang cấu hình (${key.id}); hãy dùng đúng tệp khóa đã sao lưu`,
    ]);
  }
  if (trailKey === null) {
    // Checkpoints of a keyed chain exist but the trail holds no keyed entry: it was replaced.
    // Sealing it now would vouch for the replacement; `verify` reports it instead.
    const keyedBefore = readCheckpoints(config.checkpointDir, key).checkpoints.length > 0;
    const seal = await sealAuditChain(database.db, { kind: database.kind, clock, key }, keyedBefore);
    if (keyedBefore)
      warn('Nhật ký hệ thống không còn bản ghi có khóa dù đã có mốc kiểm tra: chạy vanphong audit verify.');
    else if (seal.sealed) warn(`Đã niêm phong bằng khóa ${seal.legacyThrough} bản ghi nhật ký ghi trước khi có khóa.`);
  }
  return key;
}
