import {
  exportQuerySchema,
  importQuerySchema,
  importReportSchema,
} from '../../../../common/schemas/directory-transfer';
import { type App, actorOf, typed } from '../../../platform/http/http-server';
import * as errors from '../directory.errors';
import type { TransferService } from './import-export.service';

const tags = ['Danh bạ: nhập, xuất tệp'];
/** 5,000 rows of CSV are about 600 kB; this leaves room without inviting abuse. */
const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024;

export function registerTransferRoutes(app: App, service: TransferService): void {
  const r = typed(app);

  r.get(
    '/api/directory/export',
    { schema: { tags, querystring: exportQuerySchema, produces: ['text/csv', 'application/octet-stream'] } },
    async (request, reply) => {
      const file = await service.exportDirectory(actorOf(request), request.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  r.post(
    '/api/directory/import',
    {
      schema: {
        tags,
        description: 'Gửi tệp CSV hoặc .xlsx trong trường `file` (multipart/form-data).',
        consumes: ['multipart/form-data'],
        querystring: importQuerySchema,
        response: { 200: importReportSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      service.authorizeImport(actor);
      const file = await request.file({ limits: { fileSize: IMPORT_LIMIT_BYTES, files: 1 } });
      if (!file) throw errors.importNoFile();
      const bytes = await file.toBuffer();
      return service.importDirectory(actor, { ...request.query, fileName: file.filename, bytes });
    },
  );
}
