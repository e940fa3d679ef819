import type { Readable } from 'node:stream';
import { z } from 'zod';
import {
  exchangeHealthSchema,
  importResultSchema,
  peerReceiptSchema,
  recallListSchema,
  recallRefuseSchema,
} from '../../../common/schemas/exchange';
import { invalid } from '../../platform/http/errors';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import * as errors from './arrival.errors';
import type { ExchangeService } from './exchange.service';
import type { Inbound } from './inbound.service';

const tags = ['Liên thông văn bản'];
const XML_TYPES = ['application/xml', 'text/xml', 'application/edxml+xml', 'application/octet-stream'];

export function registerExchangeRoutes(
  app: App,
  service: ExchangeService,
  inbound: Inbound,
  options: { maxBytes: number },
): void {
  // The peers' door takes the raw body as a stream: a package is never held whole in memory.
  app.register(async (scope) => {
    scope.addContentTypeParser(XML_TYPES, (_request, payload, done) => done(null, payload));
    typed(scope).post(
      '/api/exchange/peer',
      {
        config: { public: true },
        bodyLimit: options.maxBytes,
        schema: {
          tags,
          summary: 'Nhận một thông điệp liên thông từ máy chủ VanPhong khác',
          description:
            'Gói tin edXML hoặc thông điệp trạng thái, ký HMAC-SHA256 bằng khóa chung của hai máy chủ (các trường ' +
            '`x-vanphong-*`). Trả lời 200 chỉ sau khi đã lưu. Lỗi: `exchange.unsigned`, `exchange.unknown_peer`, ' +
            '`exchange.wrong_receiver`, `exchange.bad_signature`, `exchange.stale_time` (401), ' +
            '`exchange.digest_mismatch`, `edxml.*` (400), `exchange.sender_not_reached` (403), `exchange.too_large` (413).',
          consumes: XML_TYPES,
          response: { 200: peerReceiptSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as Readable | undefined;
        if (!body || typeof (body as Readable).pipe !== 'function') throw errors.emptyMessage();
        try {
          const taken = await inbound.fromPeer(request.headers, body);
          return { received: true as const, duplicate: taken.duplicate, message: taken.messageId };
        } catch (error) {
          // What was not read of the body is dropped with the connection.
          reply.header('connection', 'close');
          throw error;
        }
      },
    );
  });

  const r = typed(app);

  r.post(
    '/api/exchange/import',
    {
      schema: {
        tags,
        summary: 'Nhận một tệp .edxml mang đến (USB, thư điện tử)',
        description:
          'multipart/form-data: `organizationId` (tổ chức nhận), `register` (`1` để vào sổ đến ngay), `registerId` (sổ), ' +
          'rồi `file`. Văn bản đến chờ văn thư tiếp nhận, hoặc vào sổ ngay; cho biết những chỗ đã sửa và văn bản ' +
          'cùng số, cùng cơ quan ban hành đã vào sổ trước đó.',
        consumes: ['multipart/form-data'],
        response: { 201: importResultSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw invalid('files.not_multipart', 'Hãy gửi tệp theo dạng multipart/form-data.');
      const fields: Record<string, string> = {};
      for await (const part of request.parts({ limits: { fileSize: options.maxBytes + 1, files: 1 } })) {
        if (part.type === 'field') {
          fields[part.fieldname] = String(part.value).slice(0, 200);
          continue;
        }
        const organization = await service.organizationById(fields.organizationId ?? '');
        if (!organization) {
          part.file.resume();
          throw errors.noOrganizationFor(fields.organizationId ?? '');
        }
        try {
          const result = await service.importFile(actor, organization, part.file, {
            register: fields.register === '1',
            registerId: fields.registerId || undefined,
            via: `Nhận tệp edXML “${part.filename}” do ${actor.fullName} đưa vào`,
          });
          return reply.code(201).send(result);
        } catch (error) {
          reply.header('connection', 'close');
          throw error;
        }
      }
      throw invalid('files.no_file', 'Chưa có tệp .edxml nào được gửi.');
    },
  );

  r.get(
    '/api/documents/:id/edxml',
    {
      schema: {
        tags,
        summary: 'Tải văn bản về dưới dạng gói tin edXML',
        params: z.object({ id: z.string().max(64) }),
        produces: ['application/xml'],
      },
    },
    async (request, reply) => {
      const { spooled, fileName } = await service.exportFile(actorOf(request), request.params.id);
      const stream = (await import('node:fs')).createReadStream(spooled.path);
      stream.on('close', () => void spooled.remove());
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-length', String(spooled.size))
        .header(
          'content-disposition',
          `attachment; filename="goi-tin.edxml"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );

  r.get('/api/exchange/health', { schema: { tags, response: { 200: exchangeHealthSchema } } }, async (request) =>
    service.health(actorOf(request)),
  );

  r.get('/api/exchange/recalls', { schema: { tags, response: { 200: recallListSchema } } }, async (request) =>
    service.recalls(actorOf(request)),
  );
  r.post(
    '/api/exchange/recalls/:deliveryId/agree',
    { schema: { tags, params: z.object({ deliveryId: z.string().max(64) }), response: { 204: z.null() } } },
    async (request, reply) => {
      await service.answerRecall(actorOf(request), request.params.deliveryId, { agree: true });
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/api/exchange/recalls/:deliveryId/refuse',
    {
      schema: {
        tags,
        params: z.object({ deliveryId: z.string().max(64) }),
        body: recallRefuseSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.answerRecall(actorOf(request), request.params.deliveryId, {
        agree: false,
        reason: request.body.reason,
      });
      return reply.code(204).send(null);
    },
  );
}
