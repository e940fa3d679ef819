import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD_HASH_COST } from '../test/harness';

/** The built command, as operators run it (npm test builds it first). */
const MAIN = path.resolve('dist/server/main.mjs');

describe('vanphong command line (SQLite)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const run = (...args: string[]) => spawnSync('node', [MAIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-cli-'));
    // Passwords hashed at the tests' cheap cost, which the command accepts only under NODE_ENV=test.
    env = {
      ...process.env,
      DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      DEMO_MODE: 'false',
      DATABASE_URL: '',
      NODE_ENV: 'test',
      PASSWORD_HASH_COST: TEST_PASSWORD_HASH_COST,
    };
    delete env.DATABASE_URL;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('migrates, loads the demo once and prints its passwords, kept nowhere but derived from a secret only its owner reads', () => {
    expect(run('migrate').stdout).toMatch(/Đã áp dụng 1 migration|migration/);
    const seed = run('seed-demo');
    expect(seed.status).toBe(0);
    const printed = /vanthu\s+([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})\s+Văn thư/.exec(seed.stdout);
    expect(printed).not.toBeNull();
    expect(fs.statSync(path.join(dir, 'demo-secret')).mode & 0o777).toBe(0o600);
    const db = new Database(path.join(dir, 'vanphong.sqlite'), { readonly: true });
    const meta = db.prepare('select value from app_meta').all() as { value: string }[];
    db.close();
    expect(meta.some((m) => m.value.includes(printed?.[1] ?? 'none'))).toBe(false);
    const again = run('seed-demo');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('đã có dữ liệu');
  });

  it('refuses demo mode with real settings', () => {
    const { PASSWORD_HASH_COST: _cheap, ...production } = env;
    for (const real of [{ NODE_ENV: 'production' }, { PUBLIC_URL: 'https://vanphong.xa.vn' }]) {
      const res = spawnSync('node', [MAIN, 'migrate'], {
        env: { ...production, ...real, DEMO_MODE: 'true' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(res.status).toBe(78);
      expect(res.stderr).toContain('DEMO_MODE');
    }
  });

  it('creates an account and resets its password', () => {
    const created = run('user', 'create', '--username', 'thuky', '--full-name', 'Thào Thị Mai', '--role', 'VPHU:clerk');
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/Mật khẩu tạm .*: \S{12}/);
    const badRole = run('user', 'create', '--username', 'x1', '--full-name', 'X', '--role', 'VPHU:boss');
    expect(badRole.status).toBe(1);
    const unknownOrg = run('user', 'create', '--username', 'x2', '--full-name', 'X', '--role', 'KHONGCO:clerk');
    expect(unknownOrg.stderr).toContain('Không có tổ chức mã KHONGCO');
    const weak = run('user', 'reset-password', '--login', 'thuky', '--password', 'matkhau123');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('Mật khẩu quá dễ đoán');
    const weakNew = run('user', 'create', '--username', 'x3', '--full-name', 'X', '--password', '1234567890');
    expect(weakNew.stderr).toContain('Mật khẩu quá dễ đoán');
    const reset = run('user', 'reset-password', '--login', 'thuky', '--password', 'Mật khẩu mới 2026');
    expect(reset.status).toBe(0);
    expect(run('user', 'reset-password', '--login', 'khongai').stderr).toContain('Không tìm thấy tài khoản');
  });

  it('verifies the audit trail and finds a tampered entry', () => {
    const ok = run('audit', 'verify');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Nhật ký toàn vẹn: đã kiểm tra \d+ bản ghi/);
    // The key was made on first start, beside the database, readable by its owner only.
    expect(fs.statSync(path.join(dir, 'audit.key')).mode & 0o777).toBe(0o600);
    const checkpoint = run('audit', 'checkpoint');
    expect(checkpoint.status).toBe(0);
    expect(checkpoint.stdout).toContain('Đã ghi mốc kiểm tra');
    expect(fs.readdirSync(path.join(dir, 'audit-checkpoints'))).toHaveLength(1);
    expect(run('audit', 'verify').stdout).toContain('và 1 mốc kiểm tra');
    expect(run('audit', 'repair-encoding').stdout).toContain('Không có cảnh báo nhầm nào cần sửa');

    const backupFile = path.join(dir, 'before-tamper.sqlite');
    expect(run('backup', '--out', backupFile).status).toBe(0);

    const db = new Database(path.join(dir, 'vanphong.sqlite'));
    db.exec('drop trigger audit_events_no_update');
    db.prepare("update audit_events set summary = 'đã sửa' where seq = 3").run();
    db.close();
    const bad = run('audit', 'verify');
    expect(bad.status).toBe(3);
    expect(bad.stdout).toContain('#3 [altered]');

    // Restoring the backup brings back the untouched trail.
    expect(run('restore', '--from', backupFile).status).toBe(1);
    const restored = run('restore', '--from', backupFile, '--force');
    expect(restored.status).toBe(0);
    expect(run('audit', 'verify').status).toBe(0);
  });

  it('refuses to restore a file that is not a VanPhong backup', () => {
    const other = path.join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('create table t (x)');
    db.close();
    const res = run('restore', '--from', other, '--force');
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('không phải bản sao lưu của VanPhong');
    const garbage = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(garbage, 'không phải cơ sở dữ liệu');
    expect(run('restore', '--from', garbage, '--force').status).toBe(1);
    expect(run('audit', 'verify').status).toBe(0);
  });

  it('serves, answers health, and shuts down gracefully on SIGTERM', async () => {
    const child = spawn('node', [MAIN, 'serve'], { env: { ...env, PORT: '0', HOST: '127.0.0.1' } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line: ${out}`)), 15_000);
      child.stdout.on('data', () => {
        const match = /sẵn sàng sau \d+ ms: (http:\/\/\S+)/.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const port = new URL(url).port;
    const health = async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).json() as Promise<unknown>;
    // The first reminders are 5 s away: the start-up work is still under way, and health still ok.
    expect(await health()).toMatchObject({ status: 'ok', database: 'sqlite', startup: 'running' });
    await expect.poll(health, { timeout: 15_000, interval: 200 }).toMatchObject({ status: 'ok', startup: 'done' });
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('stops with a clear message on a bad setting', () => {
    const res = spawnSync('node', [MAIN, 'migrate'], { env: { ...env, PORT: 'tám nghìn' }, encoding: 'utf8' });
    expect(res.status).toBe(78);
    expect(res.stderr).toContain('Cấu hình không hợp lệ');
    expect(res.stderr).toContain('PORT');
  });
});
