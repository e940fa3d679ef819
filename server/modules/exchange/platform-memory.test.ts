import { createHash, randomBytes } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { buildPackage } from './edxml.render';
import { clientOf, packageModel, standIn } from './platform.test-support';

const MB = 1024 * 1024;
let dispose: (() => Promise<void>) | undefined;
afterAll(async () => dispose?.());

async function* randomPieces(size: number) {
  for (let left = size; left > 0; left -= 64 * 1024) yield randomBytes(Math.min(64 * 1024, left));
}

it('streams a 20 MB package through the transport and the stand-in in bounded memory', async () => {
  const p = await standIn();
  dispose = p.dispose;
  const sender = clientOf(p.url, 'vpcp');
  const receiver = clientOf(p.url, 'hagiang');
  await sender.transport.received(); // the tokens and connections are not what is measured
  await receiver.transport.received();

  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakBuffers = before.arrayBuffers;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
  };
  const timer = setInterval(sample, 5);

  const sent = createHash('sha256');
  let size = 0;
  async function* wire() {
    for await (const piece of buildPackage(packageModel(), [
      { contentType: 'application/octet-stream', name: 'hồ sơ quét.bin', bytes: randomPieces(20 * MB) },
    ])) {
      sent.update(piece);
      size += piece.length;
      sample();
      yield piece;
    }
  }
  await sender.transport.send(wire(), { kind: 'package', messageId: 'large' });
  const [item] = await receiver.transport.received();
  const got = createHash('sha256');
  let gotSize = 0;
  for await (const piece of await receiver.transport.fetchMessage(item?.id ?? '')) {
    got.update(piece);
    gotSize += piece.length;
    sample();
  }
  clearInterval(timer);
  sample();

  const rss = peakRss - before.rss;
  const buffers = peakBuffers - before.arrayBuffers;
  console.log(
    `platform 20 MB: package ${(size / MB).toFixed(1)} MB, rss growth ${(rss / MB).toFixed(1)} MB (${(rss / size).toFixed(2)} ×), array buffers ${(buffers / MB).toFixed(1)} MB`,
  );
  expect(item?.size).toBe(size);
  expect(gotSize).toBe(size);
  expect(got.digest('hex')).toBe(sent.digest('hex'));
  expect(size).toBeGreaterThan(26 * MB);
  expect(rss).toBeLessThan(3 * size);
  // Buffers already sent or read count until a collection frees them; what stays held is ~10 MB.
  expect(buffers).toBeLessThan(2 * size);
});
