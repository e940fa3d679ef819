import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpJsonProvider, type HttpJsonProviderOptions, parseEsmsReport } from './http-json';

interface Received {
  method: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

let server: http.Server;
let url: string;
let received: Received[];
let reply: (res: http.ServerResponse) => void;

beforeEach(async () => {
  received = [];
  reply = (res) => res.end();
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    req.on('end', () => {
      received.push({ method: req.method, contentType: req.headers['content-type'], body: JSON.parse(raw) });
      reply(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/MainService.svc/json/SendMultipleMessage_V4_post_json/`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const API_KEY = 'key-A1B2C3';
const SECRET = 'secret-Z9Y8X7';

function provider(overrides: Partial<HttpJsonProviderOptions> = {}) {
  return createHttpJsonProvider({
    url,
    apiKey: API_KEY,
    secretKey: SECRET,
    brandname: 'HUYENUY',
    callbackUrl: 'https://vanphong.example/api/sms/report',
    timeoutMs: 2_000,
    ...overrides,
  });
}

const json = (status: number, body: unknown) => (res: http.ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const message = { requestId: 'req-0001', phone: '84912345678', text: 'Moi hop BTV 14h00' };

describe('HTTP JSON provider', () => {
  it('posts the message with credentials, brandname and RequestId, and reads the SMS id', async () => {
    reply = json(200, { CodeResult: '100', CountRegenerate: 0, SMSID: 'esms-778899' });
    const result = await provider().send(message);
    expect(result).toMatchObject({ accepted: true, providerId: 'esms-778899', code: '100', retryable: false });
    expect(received).toHaveLength(1);
    expect(received[0]).toEqual({
      method: 'POST',
      contentType: 'application/json',
      body: {
        ApiKey: API_KEY,
        SecretKey: SECRET,
        Phone: '84912345678',
        Content: 'Moi hop BTV 14h00',
        Brandname: 'HUYENUY',
        SmsType: '2',
        IsUnicode: '0',
        RequestId: 'req-0001',
        CallbackUrl: 'https://vanphong.example/api/sms/report',
      },
    });
  });

  it('leaves CallbackUrl out when none is configured and reads a numeric CodeResult', async () => {
    reply = json(200, { CodeResult: 100, SMSID: 42 });
    const result = await provider({ callbackUrl: undefined }).send(message);
    expect(result).toMatchObject({ accepted: true, providerId: '42' });
    expect(received[0]?.body).not.toHaveProperty('CallbackUrl');
  });

  it('does not retry a permanent error code, and keeps credentials out of message and logs', async () => {
    reply = json(200, { CodeResult: '104', ErrorMessage: `Brandname not found for ApiKey ${API_KEY}` });
    const logs: unknown[] = [];
    const result = await provider({ logger: { warn: (obj, msg) => logs.push([obj, msg]) } }).send(message);
    expect(result).toMatchObject({ accepted: false, providerId: null, code: '104', retryable: false });
    expect(result.message).toContain('brandname');
    expect(result.message).not.toContain(API_KEY);
    expect(logs).toHaveLength(1);
    expect(JSON.stringify(logs)).not.toContain(API_KEY);
    expect(JSON.stringify(logs)).not.toContain(SECRET);
    expect(JSON.stringify(logs)).toContain('req-0001');
  });

  it.each([
    ['146', 'template mismatch'],
    ['177', 'invalid phone'],
    ['101', 'wrong credentials'],
  ])('treats code %s (%s) as permanent', async (code) => {
    reply = json(200, { CodeResult: code });
    expect(await provider().send(message)).toMatchObject({ accepted: false, code, retryable: false });
  });

  it('retries an unknown code and a low balance', async () => {
    reply = json(200, { CodeResult: '555' });
    expect(await provider().send(message)).toMatchObject({ accepted: false, code: '555', retryable: true });
    reply = json(200, { CodeResult: '103' });
    expect(await provider().send(message)).toMatchObject({ accepted: false, code: '103', retryable: true });
  });

  it('lets the contract override which codes are permanent', async () => {
    reply = json(200, { CodeResult: '555' });
    const custom = provider({ permanentCodes: { '555': 'số bị chặn' } });
    expect(await custom.send(message)).toMatchObject({ code: '555', retryable: false });
  });

  it('retries a 500 and a 503', async () => {
    reply = json(500, { Message: 'Internal error' });
    expect(await provider().send(message)).toMatchObject({ accepted: false, code: 'http_500', retryable: true });
    reply = (res) => {
      res.writeHead(503);
      res.end('busy');
    };
    expect(await provider().send(message)).toMatchObject({ code: 'http_503', retryable: true });
  });

  it('does not retry a 400 without a result code, and retries a 200 that is not JSON', async () => {
    reply = (res) => {
      res.writeHead(400);
      res.end('Bad Request');
    };
    expect(await provider().send(message)).toMatchObject({ code: 'http_400', retryable: false });
    reply = (res) => res.end('<html>maintenance</html>');
    expect(await provider().send(message)).toMatchObject({ code: 'bad_reply', retryable: true });
  });

  it('gives up on a server that never answers within the timeout, as retryable', async () => {
    reply = () => {
      // Never answers.
    };
    const started = Date.now();
    const result = await provider({ timeoutMs: 300 }).send(message);
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ accepted: false, code: 'timeout', retryable: true });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2_000);
    expect(received).toHaveLength(1);
  });

  it('retries when nothing listens', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await provider({ url: `http://127.0.0.1:${port}/` }).send(message);
    expect(result).toMatchObject({ accepted: false, code: 'network', retryable: true });
    expect(result.message).not.toContain(SECRET);
  });
});

describe('parseEsmsReport', () => {
  it('reads a delivered report', () => {
    const body = { SMSID: 'esms-778899', RequestId: 'req-0001', SendStatus: 5 };
    expect(parseEsmsReport(body)).toEqual({
      providerId: 'esms-778899',
      requestId: 'req-0001',
      status: 'delivered',
      code: '5',
    });
    // The provider may call back twice: the same answer each time, the caller drops the repeat.
    expect(parseEsmsReport(body)).toEqual(parseEsmsReport(body));
  });

  it('reads failed reports in JSON text and query-string form', () => {
    expect(parseEsmsReport('{"SmsId":"esms-1","SendStatus":"4"}')).toEqual({
      providerId: 'esms-1',
      status: 'failed',
      code: '4',
    });
    expect(parseEsmsReport('RequestId=req-9&SendStatus=6')).toEqual({
      requestId: 'req-9',
      status: 'failed',
      code: '6',
    });
    expect(provider().parseReport?.({ SMSID: 'x', SendStatus: 5 })).toMatchObject({ status: 'delivered' });
  });

  it('ignores reports of messages still on their way', () => {
    for (const status of [1, 2, 3]) expect(parseEsmsReport({ SMSID: 'esms-1', SendStatus: status })).toBeNull();
  });

  it.each([
    ['null', null],
    ['a number', 5],
    ['an array', [{ SMSID: 'a', SendStatus: 5 }]],
    ['plain text', 'hello'],
    ['broken JSON', '{"SMSID":'],
    ['no status', { SMSID: 'a' }],
    ['no id', { SendStatus: 5 }],
    ['empty ids', { SMSID: '', RequestId: '  ', SendStatus: 5 }],
  ])('returns null for %s', (_, body) => {
    expect(parseEsmsReport(body)).toBeNull();
  });
});
