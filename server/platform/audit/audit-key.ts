import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { auditKeyBytes, type Config, ConfigError } from '../config/config';

/**
 * The key of the audit chain. It lives outside the database (configuration or a
 * file), so someone who can only write to the database cannot recompute the chain.
 * `id` names the key without revealing it; each keyed entry carries it.
 */
export interface AuditKey {
  readonly id: string;
  mac(text: string): string;
}

export function auditKeyOf(bytes: Buffer): AuditKey {
  const secret = Buffer.from(bytes);
  return {
    id: createHmac('sha256', secret).update('vanphong-audit-key-id').digest('hex').slice(0, 16),
    mac: (text) => createHmac('sha256', secret).update(text).digest('hex'),
  };
}

/**
 * The key from `AUDIT_KEY`, else from `AUDIT_KEY_FILE`, else from `$DATA_DIR/audit.key`,
 * which is created (mode 0600) on first start with a warning: a new key is only right for
 * a new trail, and the operator must keep a copy apart from the database backups.
 * A key file named explicitly is never created: a missing one is a mistake to stop at; nor
 * is one created for `create: false` (verifying with a fresh key would prove nothing).
 */
export function loadAuditKey(
  config: Config['audit'],
  warn: (message: string) => void,
  options: { create: boolean } = { create: true },
): AuditKey {
  if (config.key) return auditKeyOf(config.key);
  let text: string;
  try {
    text = fs.readFileSync(config.keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || config.keyFileGiven || !options.create) {
      throw new ConfigError([`AUDIT_KEY_FILE: không đọc được tệp khóa nhật ký ${config.keyFile}`]);
    }
    fs.mkdirSync(path.dirname(config.keyFile), { recursive: true });
    text = randomBytes(32).toString('hex');
    try {
      fs.writeFileSync(config.keyFile, `${text}\n`, { mode: 0o600, flag: 'wx' });
      warn(
        [
          `Đã tạo khóa nhật ký hệ thống mới: ${config.keyFile}`,
          'Hãy sao chép tệp này vào nơi an toàn, TÁCH RIÊNG khỏi bản sao lưu cơ sở dữ liệu.',
          'Mất khóa thì không còn kiểm tra được nhật ký; ai có cả khóa và cơ sở dữ liệu thì sửa được nhật ký.',
        ].join('\n'),
      );
    } catch (raced) {
      // Another process created it first: use theirs.
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      text = fs.readFileSync(config.keyFile, 'utf8');
    }
  }
  return auditKeyOf(auditKeyBytes(text, config.keyFile));
}
