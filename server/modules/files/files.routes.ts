import { uploadParamsSchema, uploadViewSchema } from '../../../common/schemas/files';
import { inlineQuerySchema } from '../../../common/schemas/http';
import type { FileStore, StagedFile } from '../../platform/files/file-store';
import * as errors from '../../platform/files/files.errors';
import { type App, actorOf, typed } from '../../platform/http/http-server';

const tags = ['Tệp'];

export function registerFilesRoutes(app: App, store: FileStore, options: { maxBytes: number }): void {
  const r = typed(app);

  r.post(
    '/api/files',
    {
      schema: {
        tags,
        summary: 'Tải lên một tệp',
        description:
          'Gửi đúng một tệp trong một phần `file` của multipart/form-data. Loại tệp được xác định theo nội dung, ' +
          'không theo tên hay loại khai báo; phần đuôi của tên được đổi theo loại thật và `warnings` cho biết ' +
          '(`files.renamed`, `files.pdf_header_moved`, `files.text_not_read`). Lỗi: `files.not_multipart`, ' +
          '`files.no_file`, `files.too_many`, `files.empty`, `files.too_large` (413), `files.program_refused` ' +
          '(chương trình, tệp lệnh, trang web, kể cả nằm trong tệp Office), `files.type_not_allowed` và ' +
          '`files.pdf_damaged` (415). Tệp tải lên thuộc về người gửi cho đến khi được đính vào một hồ sơ.',
        consumes: ['multipart/form-data'],
        response: { 201: uploadViewSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw errors.notMultipart();
      let staged: StagedFile | null = null;
      try {
        // One more byte than allowed reaches the store, which refuses it with its own message.
        for await (const part of request.parts({ limits: { fileSize: options.maxBytes + 1, files: 2 } })) {
          if (part.type !== 'file') continue;
          if (staged) {
            part.file.resume();
            throw errors.tooMany();
          }
          staged = await store.receive(part.file, {
            fileName: part.filename,
            maxBytes: options.maxBytes,
            sender: `user:${actor.userId}`,
            reuseReading: true,
          });
        }
      } catch (error) {
        await staged?.discard();
        // The rest of the body may still be arriving; the connection is not reused.
        reply.header('connection', 'close');
        throw error;
      }
      if (!staged) throw errors.noFile();
      const received = await staged.commit();
      const upload = await store.recordUpload(actor.userId, received);
      return reply.code(201).send({ ...upload, warnings: received.warnings });
    },
  );

  r.get(
    '/api/files/:id',
    {
      schema: {
        tags,
        summary: 'Tải về một tệp mình đã tải lên',
        description: 'Chỉ người đã tải tệp lên mới tải về được, cho đến khi tệp được đính vào một hồ sơ.',
        params: uploadParamsSchema,
        querystring: inlineQuerySchema,
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) => {
      const upload = await store.findUpload(actorOf(request).userId, request.params.id);
      return store.sendFile(reply, { ...upload, inline: request.query.inline === '1' });
    },
  );
}
