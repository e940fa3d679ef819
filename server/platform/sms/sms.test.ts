import { describe, expect, it } from 'vitest';
import { DomainError } from '../http/errors';
import type { SmsMessage, SmsProvider } from './provider';
import { createSmsSender } from './sms';

function recordingProvider() {
  const sent: SmsMessage[] = [];
  const provider: SmsProvider = {
    async send(msg) {
      sent.push(msg);
      return { accepted: true, providerId: `p-${msg.requestId}`, code: 'ok', retryable: false, message: '' };
    },
  };
  return { provider, sent };
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('SMS sender', () => {
  it('normalizes the phone, strips diacritics and counts segments before handing over', async () => {
    const { provider, sent } = recordingProvider();
    const sender = createSmsSender({ provider });
    const out = await sender.send({
      requestId: 'r1',
      phone: '0912 345 678',
      text: 'Mời họp BTV  lúc 14h00\nngày 05/12',
    });
    expect(out).toEqual({
      phone: '84912345678',
      text: 'Moi hop BTV luc 14h00 ngay 05/12',
      segments: 1,
      result: { accepted: true, providerId: 'p-r1', code: 'ok', retryable: false, message: '' },
    });
    expect(sent).toEqual([{ requestId: 'r1', phone: '84912345678', text: 'Moi hop BTV luc 14h00 ngay 05/12' }]);
  });

  it('refuses a landline with sms.invalid_phone and sends nothing', async () => {
    const { provider, sent } = recordingProvider();
    const error = await rejection(
      createSmsSender({ provider }).send({ requestId: 'r1', phone: '024 3812 3456', text: 'x' }),
    );
    expect(error.code).toBe('sms.invalid_phone');
    expect(error.status).toBe(400);
    expect(sent).toHaveLength(0);
  });

  it('refuses a text over maxSegments with sms.too_long, counting after conversion', async () => {
    const { provider, sent } = recordingProvider();
    const sender = createSmsSender({ provider, maxSegments: 1 });
    // 150 letters with diacritics: 3 UCS-2 segments as typed, 1 GSM-7 segment once converted.
    await sender.send({ requestId: 'ok', phone: '0912345678', text: 'ạ'.repeat(150) });
    const error = await rejection(sender.send({ requestId: 'long', phone: '0912345678', text: 'ạ'.repeat(161) }));
    expect(error.code).toBe('sms.too_long');
    expect(error.details).toEqual({ segments: 2, maxSegments: 1 });
    expect(sent.map((m) => m.requestId)).toEqual(['ok']);
  });

  it('allows two segments by default', async () => {
    const { provider } = recordingProvider();
    const sender = createSmsSender({ provider });
    expect((await sender.send({ requestId: 'a', phone: '0912345678', text: 'a'.repeat(306) })).segments).toBe(2);
    const error = await rejection(sender.send({ requestId: 'b', phone: '0912345678', text: 'a'.repeat(307) }));
    expect(error.code).toBe('sms.too_long');
  });

  it('refuses a text with nothing sendable', async () => {
    const { provider } = recordingProvider();
    const error = await rejection(
      createSmsSender({ provider }).send({ requestId: 'r', phone: '0912345678', text: ' 😀 \n' }),
    );
    expect(error.code).toBe('sms.empty');
  });

  it('returns a provider refusal rather than throwing it', async () => {
    const provider: SmsProvider = {
      send: async () => ({ accepted: false, providerId: null, code: 'timeout', retryable: true, message: 'slow' }),
    };
    const out = await createSmsSender({ provider }).send({ requestId: 'r', phone: '0912345678', text: 'Moi hop' });
    expect(out.result).toMatchObject({ accepted: false, retryable: true });
  });
});
