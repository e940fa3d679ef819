/**
 * A local stand-in of the document exchange platform (LGSP / VXP), for tests and demonstrations: the
 * REST shape `server/modules/exchange/platform.transport.ts` speaks, with messages kept on disk.
 * It reads only what routing needs from each message (the edXML header; attachments are decoded and
 * thrown away) and takes a package only from the agency its client stands for.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { parsePackage, parseStatus } from '../../modules/exchange/edxml-parse.rules';
import { DomainError } from '../../platform/http/errors';
import { newId, openStore, type PlatformStore, type StoredKind } from './store';

export interface PlatformClient {
  clientId: string;
  secret: string;
  /** The agency's national identifier (mã định danh), e.g. `000.00.00.G22`. */
  agencyId: string;
}

export interface ExchangePlatformOptions {
  dir: string;
  clients: PlatformClient[];
  tokenTtlSeconds?: number;
  /** Largest body taken; 512 MB unless told. */
  maxBytes?: number;
}

const AGENCY_ID = /^[0-9A-Z]{2,3}(\.[0-9A-Z]{2,3}){3}$/;

/** `clientId:secret:agencyId,…` as given by `PLATFORM_CLIENTS` or `--clients`. */
export function parseClients(text: string): PlatformClient[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [clientId, secret, agencyId, ...rest] = entry.split(':');
      if (!clientId || !secret || !agencyId || rest.length > 0 || !AGENCY_ID.test(agencyId)) {
        throw new Error(
          `Khai báo không đúng dạng "mã_kết_nối:mật_khẩu:mã_định_danh" (mã định danh như 000.00.00.G22): ${clientId ?? entry}`,
        );
      }
      return { clientId, secret, agencyId };
    });
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const fail = (reply: FastifyReply, r: Refusal) =>
  reply.code(r.status).send({ status: 'FAIL', errorCode: r.code, errorDesc: r.message });

const digest = (text: string) => createHash('sha256').update(text).digest();
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export async function createExchangePlatform(options: ExchangePlatformOptions) {
  const store: PlatformStore = await openStore(options.dir);
  const ttl = options.tokenTtlSeconds ?? 3600;
  const maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
  const agencies = new Set(options.clients.map((c) => c.agencyId));
  const tokens = new Map<string, { agencyId: string; expiresAt: number }>();
  /** Sends under way by key, so a repeat arriving meanwhile answers what the first one gets. */
  const inFlight = new Map<string, { sha256: string; sendId: Promise<string> }>();

  const app = Fastify({ logger: false, requestTimeout: 0, forceCloseConnections: true });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, new URLSearchParams(String(body))),
  );
  // Bodies stay streams: the handler writes them to disk as they come.
  app.addContentTypeParser(['application/xml', 'text/xml', 'application/octet-stream'], (_req, payload, done) =>
    done(null, payload),
  );

  function clientFor(id: string, secret: string): PlatformClient | undefined {
    const client = options.clients.find((c) => c.clientId === id);
    const ok = client ? timingSafeEqual(digest(client.secret), digest(secret)) : false;
    return ok ? client : undefined;
  }

  function agencyOf(request: FastifyRequest): string {
    const m = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    const t = m?.[1] ? tokens.get(m[1]) : undefined;
    if (!t || t.expiresAt <= Date.now()) {
      if (m?.[1]) tokens.delete(m[1]);
      throw new Refusal(401, 'platform.invalid_token', 'Phiên kết nối không hợp lệ hoặc đã hết hạn.');
    }
    return t.agencyId;
  }

  const header = (request: FastifyRequest, name: string) => {
    const v = request.headers[name];
    return typeof v === 'string' ? v : undefined;
  };

  app.post('/oauth/token', async (request, reply) => {
    const form = request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
    let id = form.get('client_id') ?? '';
    let secret = form.get('client_secret') ?? '';
    const basic = /^Basic (\S+)$/.exec(request.headers.authorization ?? '');
    if (basic?.[1]) {
      const [u = '', p = ''] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      id = decodeURIComponent(u);
      secret = decodeURIComponent(p);
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return reply.code(400).send({ error: 'unsupported_grant_type' });
    }
    const client = clientFor(id, secret);
    if (!client) return reply.code(401).send({ error: 'invalid_client' });
    const value = randomBytes(32).toString('base64url');
    tokens.set(value, { agencyId: client.agencyId, expiresAt: Date.now() + ttl * 1000 });
    return { access_token: value, token_type: 'Bearer', expires_in: ttl };
  });

  /** Writes the body to a temporary file, hashing and counting it; refuses past `maxBytes`. */
  async function receiveBody(body: Readable, file: string) {
    const hash = createHash('sha256');
    let size = 0;
    await pipeline(
      body,
      async function* (source: AsyncIterable<Buffer>) {
        // Past the limit the rest is read and dropped, so the sender still gets the answer.
        for await (const piece of source) {
          size += piece.length;
          if (size > maxBytes) continue;
          hash.update(piece);
          yield piece;
        }
      },
      createWriteStream(file, { flush: true }),
    );
    if (size > maxBytes) throw new Refusal(413, 'platform.too_large', 'Thông điệp quá lớn.');
    return { size, sha256: hash.digest('hex') };
  }

  /** Who a message goes to, read from its edXML header; refuses a message its sender may not send. */
  async function route(kind: StoredKind, file: string, agencyId: string): Promise<string[]> {
    let from: string;
    let to: string[];
    try {
      if (kind === 'package') {
        const parsed = await parsePackage(createReadStream(file), () => ({ write() {}, end() {} }));
        from = parsed.model.header.from.organId;
        to = [...new Set(parsed.model.header.to.map((o) => o.organId))];
      } else {
        const parsed = await parseStatus(createReadStream(file));
        from = parsed.model.from.organId;
        to = [parsed.model.responseFor.organId];
      }
    } catch (error) {
      if (error instanceof DomainError) throw new Refusal(400, error.code, error.message);
      throw error;
    }
    if (from !== agencyId) {
      throw new Refusal(
        400,
        'platform.from_mismatch',
        `Cơ quan gửi trong gói tin (${from}) không phải cơ quan của mã kết nối (${agencyId}).`,
      );
    }
    const unknown = to.filter((a) => !agencies.has(a));
    if (unknown.length > 0) {
      throw new Refusal(400, 'platform.unknown_recipient', `Cơ quan nhận chưa kết nối trục: ${unknown.join(', ')}.`);
    }
    return to;
  }

  app.post('/api/v1/edocs/sendEdoc', async (request, reply) => {
    const body = request.body as Readable | undefined;
    const tempPath = store.tmpFile();
    try {
      const agencyId = agencyOf(request);
      const messagetype = header(request, 'messagetype');
      const kind: StoredKind | null = messagetype === 'edoc' ? 'package' : messagetype === 'status' ? 'status' : null;
      if (!kind) throw new Refusal(400, 'platform.bad_messagetype', 'Thiếu hoặc sai loại thông điệp (messagetype).');
      const messageId = header(request, 'idempotency-key') ?? '';
      if (!IDEMPOTENCY_KEY.test(messageId)) {
        throw new Refusal(400, 'platform.bad_idempotency_key', 'Thiếu hoặc sai mã thông điệp (Idempotency-Key).');
      }
      if (!body || typeof body.pipe !== 'function') {
        throw new Refusal(415, 'platform.bad_content_type', 'Nội dung phải là edXML (application/xml).');
      }
      const key = `${agencyId}\n${messageId}`;
      const { size, sha256 } = await receiveBody(body, tempPath);
      const earlier = store.send(key) ?? inFlight.get(key);
      if (earlier) {
        await unlink(tempPath).catch(() => {});
        if (earlier.sha256 !== sha256) {
          throw new Refusal(409, 'platform.idempotency_mismatch', 'Mã thông điệp này đã được dùng cho nội dung khác.');
        }
        return { status: 'OK', docId: await earlier.sendId };
      }
      const sendId = newId();
      const accepting = (async () => {
        const to = await route(kind, tempPath, agencyId);
        const receivedAt = new Date().toISOString();
        await store.accept(
          key,
          tempPath,
          { sendId, sha256 },
          to.map((recipient) => ({ kind, from: agencyId, to: recipient, size, sha256, receivedAt })),
        );
        return sendId;
      })();
      inFlight.set(key, { sha256, sendId: accepting });
      try {
        return { status: 'OK', docId: await accepting };
      } finally {
        inFlight.delete(key);
      }
    } catch (error) {
      await unlink(tempPath).catch(() => {});
      if (body && !body.readableEnded) body.resume();
      if (error instanceof Refusal) return fail(reply, error);
      throw error;
    }
  });

  app.get('/api/v1/edocs/getReceivedEdocList', async (request, reply) => {
    try {
      const agencyId = agencyOf(request);
      const only = header(request, 'messagetype');
      const items = store
        .waiting(agencyId)
        .filter((i) => !only || (only === 'edoc' ? i.kind === 'package' : i.kind === only))
        .map((i) => ({
          id: i.id,
          messagetype: i.kind === 'package' ? 'edoc' : 'status',
          from: i.from,
          size: i.size,
          receivedAt: i.receivedAt,
        }));
      return { status: 'OK', data: items };
    } catch (error) {
      if (error instanceof Refusal) return fail(reply, error);
      throw error;
    }
  });

  function waitingItem(request: FastifyRequest) {
    const agencyId = agencyOf(request);
    const item = store.item(header(request, 'docid') ?? '');
    if (!item || item.to !== agencyId) {
      throw new Refusal(404, 'platform.not_found', 'Không có thông điệp này trong danh sách chờ nhận.');
    }
    return item;
  }

  app.get('/api/v1/edocs/getEdoc', async (request, reply) => {
    try {
      const item = waitingItem(request);
      if (item.acknowledgedAt) throw new Refusal(404, 'platform.not_found', 'Thông điệp đã được nhận trước đó.');
      const file = store.bodyFile(item.sendId);
      const { size } = await stat(file);
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-length', size)
        .header('x-content-sha256', item.sha256)
        .send(createReadStream(file));
    } catch (error) {
      if (error instanceof Refusal) return fail(reply, error);
      throw error;
    }
  });

  app.post('/api/v1/edocs/updateStatus', async (request, reply) => {
    try {
      const item = waitingItem(request);
      if (header(request, 'status') !== 'done') {
        throw new Refusal(400, 'platform.bad_status', 'Trạng thái nhận chỉ có thể là "done".');
      }
      await store.acknowledge(item);
      return { status: 'OK' };
    } catch (error) {
      if (error instanceof Refusal) return fail(reply, error);
      throw error;
    }
  });

  return app;
}

/** Starts the stand-in; `port: 0` picks a free port. */
export async function startExchangePlatform(options: ExchangePlatformOptions & { port: number; host?: string }) {
  const app = await createExchangePlatform(options);
  const address = await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  return { url: address, close: () => app.close() };
}
