import { z } from 'zod';
import { createdIdSchema, idParamsSchema } from '../../../common/schemas/http';
import {
  accessGrantSchema,
  caseAccessParamsSchema,
  caseCreateSchema,
  caseListQuerySchema,
  caseListSchema,
  casePatchSchema,
  caseViewSchema,
  documentLinkSchema,
  inspectionOptionsSchema,
  inspectionReportSchema,
  programmeCreateSchema,
  programmeItemSchemaIn,
  programmeQuerySchema,
  programmeViewSchema,
  reportQuerySchema,
  stageInputSchema,
} from '../../../common/schemas/inspection';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import type { InspectionModule } from './inspection.module';

const tags = ['Kiểm tra, giám sát'];
const params = idParamsSchema;
const created = createdIdSchema;
const noContent = { 204: z.null() };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerInspectionRoutes(app: App, m: InspectionModule): void {
  const r = typed(app);

  r.get('/api/inspection/options', { schema: { tags, response: { 200: inspectionOptionsSchema } } }, async (request) =>
    m.cases.options(actorOf(request)),
  );

  // Cases ---------------------------------------------------------------------------------------
  r.get(
    '/api/inspection/cases',
    { schema: { tags, querystring: caseListQuerySchema, response: { 200: caseListSchema } } },
    async (request) => m.cases.list(actorOf(request), request.query),
  );
  r.post(
    '/api/inspection/cases',
    { schema: { tags, body: caseCreateSchema, response: { 201: created } } },
    async (request, reply) => reply.code(201).send(await m.cases.create(actorOf(request), request.body)),
  );
  r.get('/api/inspection/cases/:id', { schema: { tags, params, response: { 200: caseViewSchema } } }, async (request) =>
    m.cases.get(actorOf(request), request.params.id),
  );
  r.patch(
    '/api/inspection/cases/:id',
    { schema: { tags, params, body: casePatchSchema, response: noContent } },
    async (request, reply) => {
      await m.cases.edit(actorOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/api/inspection/cases/:id/stages',
    { schema: { tags, params, body: stageInputSchema, response: noContent } },
    async (request, reply) => {
      await m.stages.record(actorOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/api/inspection/cases/:id/documents',
    { schema: { tags, params, body: documentLinkSchema, response: noContent } },
    async (request, reply) => {
      await m.access.link(actorOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/api/inspection/cases/:id/access',
    { schema: { tags, params, body: accessGrantSchema, response: noContent } },
    async (request, reply) => {
      await m.access.grant(actorOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
  r.delete(
    '/api/inspection/cases/:id/access/:userId',
    { schema: { tags, params: caseAccessParamsSchema, response: noContent } },
    async (request, reply) => {
      await m.access.revoke(actorOf(request), request.params.id, request.params.userId);
      return reply.code(204).send(null);
    },
  );

  // Programmes ----------------------------------------------------------------------------------
  r.get(
    '/api/inspection/programme',
    { schema: { tags, querystring: programmeQuerySchema, response: { 200: programmeViewSchema } } },
    async (request) => m.programmes.view(actorOf(request), request.query),
  );
  r.post(
    '/api/inspection/programmes',
    { schema: { tags, body: programmeCreateSchema, response: { 201: created } } },
    async (request, reply) => reply.code(201).send(await m.programmes.create(actorOf(request), request.body)),
  );
  r.post(
    '/api/inspection/programmes/:id/items',
    { schema: { tags, params, body: programmeItemSchemaIn, response: { 201: created } } },
    async (request, reply) =>
      reply.code(201).send(await m.programmes.addItem(actorOf(request), request.params.id, request.body)),
  );

  // Reports -------------------------------------------------------------------------------------
  r.get(
    '/api/inspection/reports',
    { schema: { tags, querystring: reportQuerySchema, response: { 200: inspectionReportSchema } } },
    async (request) => m.reports.report(actorOf(request), request.query),
  );
  for (const format of ['xlsx', 'pdf'] as const) {
    r.get(
      `/api/inspection/reports.${format}`,
      { schema: { tags, querystring: reportQuerySchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const file =
          format === 'xlsx'
            ? await m.reports.exportXlsx(actor, request.query)
            : await m.reports.exportPdf(actor, request.query);
        return reply
          .header('content-type', format === 'xlsx' ? XLSX : 'application/pdf')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(file.bytes);
      },
    );
  }
}
