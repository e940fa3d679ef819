import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileOutbox, OUTBOX_FILE, type OutboxLine } from './file-outbox';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-sms-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function lines(): OutboxLine[] {
  const file = path.join(dir, OUTBOX_FILE);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as OutboxLine);
}

const message = (requestId: string) => ({ requestId, phone: '84912345678', text: 'Moi hop BTV 14h00' });

describe('file outbox', () => {
  it('writes one JSON line per message and accepts it with an id', async () => {
    const outbox = createFileOutbox({ dir, now: () => new Date('2026-11-25T01:00:00Z') });
    const result = await outbox.send(message('r1'));
    expect(result).toMatchObject({ accepted: true, retryable: false });
    expect(result.providerId).toMatch(/^outbox-/);
    expect(lines()).toEqual([
      {
        requestId: 'r1',
        providerId: result.providerId,
        phone: '84912345678',
        text: 'Moi hop BTV 14h00',
        at: '2026-11-25T01:00:00.000Z',
      },
    ]);
  });

  it('writes a requestId once, even from a second outbox started later on the same directory', async () => {
    const first = createFileOutbox({ dir });
    const sent = await first.send(message('r1'));
    await first.send(message('r2'));

    const second = createFileOutbox({ dir });
    const again = await second.send(message('r1'));
    expect(again).toMatchObject({ accepted: true, providerId: sent.providerId });
    await second.send(message('r3'));
    expect(lines().map((l) => l.requestId)).toEqual(['r1', 'r2', 'r3']);
  });

  it('writes once when the same message is sent twice at the same moment', async () => {
    const outbox = createFileOutbox({ dir });
    const [a, b] = await Promise.all([outbox.send(message('r1')), outbox.send(message('r1'))]);
    expect(a.providerId).toBe(b.providerId);
    expect(lines()).toHaveLength(1);
  });

  it('starts on a new line after a line cut short by a crash', async () => {
    fs.writeFileSync(
      path.join(dir, OUTBOX_FILE),
      `${JSON.stringify({ ...message('r1'), providerId: 'p1' })}\n{"requestId":"r2","provi`,
    );
    const outbox = createFileOutbox({ dir });
    expect((await outbox.send(message('r1'))).providerId).toBe('p1');
    await outbox.send(message('r2'));
    const raw = fs.readFileSync(path.join(dir, OUTBOX_FILE), 'utf8').split('\n');
    expect(JSON.parse(raw[2] ?? '')).toMatchObject({ requestId: 'r2' });
  });

  it('creates the directory when missing', async () => {
    dir = path.join(dir, 'nested', 'outbox');
    const outbox = createFileOutbox({ dir });
    await outbox.send(message('r1'));
    expect(lines()).toHaveLength(1);
  });
});
