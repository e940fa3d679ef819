import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config';
import { loadAuditKey } from './audit-key';

describe('audit key from configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-key-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates $DATA_DIR/audit.key (0600) on first start, with a warning, and reads it after', () => {
    const config = loadConfig({ DATA_DIR: dir }).audit;
    const warnings: string[] = [];
    const first = loadAuditKey(config, (m) => warnings.push(m));
    const file = path.join(dir, 'audit.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings.join('\n')).toMatch(/TÁCH RIÊNG khỏi bản sao lưu cơ sở dữ liệu/);
    const again = loadAuditKey(config, (m) => warnings.push(m));
    expect(again.id).toBe(first.id);
    expect(warnings).toHaveLength(1);
    expect(config.checkpointDir).toBe(path.join(dir, 'audit-checkpoints'));
  });

  it('never makes a key when verifying, nor for a key file named explicitly', () => {
    expect(() => loadAuditKey(loadConfig({ DATA_DIR: dir }).audit, () => {}, { create: false })).toThrow(ConfigError);
    const named = loadConfig({ AUDIT_KEY_FILE: path.join(dir, 'khong-co.key') }).audit;
    expect(() => loadAuditKey(named, () => {})).toThrow(ConfigError);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('takes AUDIT_KEY as hex or base64 of at least 32 bytes', () => {
    const hex = 'a1'.repeat(32);
    const fromHex = loadAuditKey(loadConfig({ AUDIT_KEY: hex }).audit, () => {});
    const fromBase64 = loadAuditKey(
      loadConfig({ AUDIT_KEY: Buffer.from(hex, 'hex').toString('base64') }).audit,
      () => {},
    );
    expect(fromBase64.id).toBe(fromHex.id);
    expect(() => loadConfig({ AUDIT_KEY: 'ab'.repeat(16) })).toThrow(ConfigError);
    expect(() => loadConfig({ AUDIT_KEY: 'mật khẩu' })).toThrow(ConfigError);
  });
});
