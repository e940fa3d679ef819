import { randomBytes, randomInt } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { agrees, Base64Decoder, Base64Encoder, drainedOrClosed, nameFor, sniff } from './attachment.rules';

function decodeInPieces(text: string): Buffer {
  const decoder = new Base64Decoder();
  const out: Buffer[] = [];
  for (let at = 0; at < text.length; ) {
    const next = Math.min(text.length, at + randomInt(1, 9));
    out.push(decoder.push(text.slice(at, next)));
    at = next;
  }
  out.push(decoder.end());
  return Buffer.concat(out);
}

describe('base64 in pieces', () => {
  it('decodes whatever the cut points and line breaks, and encodes back the same text', () => {
    for (let n = 0; n < 200; n++) {
      const bytes = randomBytes(randomInt(0, 300));
      const wrapped = bytes.toString('base64').replace(/(.{76})/g, '$1\r\n');
      expect(decodeInPieces(wrapped).equals(bytes)).toBe(true);
      const encoder = new Base64Encoder();
      let text = '';
      for (let at = 0; at < bytes.length; at += 7) text += encoder.push(bytes.subarray(at, at + 7));
      expect(text + encoder.end()).toBe(bytes.toString('base64'));
    }
  });

  it('takes unpadded text, as some systems send it', () => {
    expect(decodeInPieces('SGVsbG8').toString()).toBe('Hello');
  });

  for (const [name, text] of [
    ['a foreign character', 'SGVs*bG8='],
    ['a foreign character in the last, unpadded group', 'SGVsbG8*'],
    ['a foreign character across two pieces', 'SGVsbG8gd2*'],
    ['padding in the middle', 'SGVsbG8=SGVsbG8='],
    ['three padding characters', 'SGV==='],
    ['a lone last character', 'SGVsbG8gV'],
    ['padding that stops short', 'SGVsbA='],
  ]) {
    it(`refuses ${name}`, () => expect(() => decodeInPieces(text as string)).toThrow(/base64/));
  }
});

const utf16 = (s: string) => Buffer.from(s, 'utf16le');

describe('the type the bytes say', () => {
  const cases: [string, Buffer, string | null][] = [
    ['PDF', Buffer.from('%PDF-1.7\n'), 'application/pdf'],
    ['PDF after a few junk bytes', Buffer.from('\r\n%PDF-1.4'), 'application/pdf'],
    [
      'DOCX',
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('....word/document.xml')]),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'XLSX',
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('....xl/workbook.xml')]),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['ZIP', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('....scan/001.tif')]), 'application/zip'],
    [
      'DOC',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), utf16('WordDocument')]),
      'application/msword',
    ],
    [
      'XLS',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), utf16('Workbook')]),
      'application/vnd.ms-excel',
    ],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['plain text', Buffer.from('Báo cáo'), null],
  ];
  for (const [name, head, type] of cases) {
    it(name, () => expect(sniff(head)?.contentType ?? null).toBe(type));
  }

  it('keeps a sender’s word where the bytes cannot settle it, and renames only when the ending lies', () => {
    const ole = sniff(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(ole && agrees('application/vnd.ms-excel', ole)).toBe(true);
    const pdf = sniff(Buffer.from('%PDF-1.7'));
    expect(pdf && agrees('application/msword', pdf)).toBe(false);
    expect(pdf && nameFor('Quyết định 05.doc', pdf)).toBe('Quyết định 05.pdf');
    expect(pdf && nameFor('Quyết định 05.PDF', pdf)).toBe('Quyết định 05.PDF');
    expect(pdf && nameFor('Tờ trình v1.2 final', pdf)).toBe('Tờ trình v1.2 final.pdf');
  });
});

describe('drainedOrClosed', () => {
  it('waits for the drain and leaves no listener on the stream, however many writes waited', async () => {
    const stream = new PassThrough({ highWaterMark: 16 });
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    const baseline = { drain: stream.listenerCount('drain'), close: stream.listenerCount('close') };
    stream.on('data', () => {});
    stream.pause();
    for (let i = 0; i < 50; i += 1) {
      if (!stream.write(Buffer.alloc(64))) {
        const waited = drainedOrClosed(stream);
        stream.resume();
        await waited;
        stream.pause();
      }
    }
    expect({ drain: stream.listenerCount('drain'), close: stream.listenerCount('close') }).toEqual(baseline);
    expect(stream.listenerCount('error')).toBe(0);
    // A stream closed while waiting ends the wait too.
    const ended = drainedOrClosed(stream);
    stream.destroy();
    await ended;
    await new Promise((r) => setImmediate(r));
    process.off('warning', onWarning);
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});
