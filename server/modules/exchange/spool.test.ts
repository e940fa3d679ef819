import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SPOOL_STALE_MS, sweepSpool } from './spool.service';

describe('the spool left by a killed process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-spool-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('removes spooled messages untouched for an hour, keeps fresh ones and other files', async () => {
    const now = Date.now();
    const old = new Date(now - SPOOL_STALE_MS - 60_000);
    for (const name of ['cu.edxml', 'moi.edxml', 'khac.txt']) fs.writeFileSync(path.join(dir, name), 'x');
    fs.utimesSync(path.join(dir, 'cu.edxml'), old, old);
    fs.utimesSync(path.join(dir, 'khac.txt'), old, old);
    expect(await sweepSpool(dir, now)).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['khac.txt', 'moi.edxml']);
    expect(await sweepSpool(path.join(dir, 'khong-co'), now)).toBe(0);
  });
});
