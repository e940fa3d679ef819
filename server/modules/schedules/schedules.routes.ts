import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createdIdSchema, idParamsSchema } from '../../../common/schemas/http';
import {
  awaitingApprovalSchema,
  calendarFeedSchema,
  calendarTokenParamsSchema,
  scheduleCreateSchema,
  scheduleItemCancelSchema,
  scheduleItemParamsSchema,
  scheduleItemPatchSchema,
  scheduleItemWriteSchema,
  scheduleListQuerySchema,
  schedulePeopleQuerySchema,
  schedulePeopleSchema,
  scheduleSchema,
  scheduleStepSchema,
  scheduleWeekSchema,
  weekPdfQuerySchema,
} from '../../../common/schemas/schedules';
import { sendOpenedFile } from '../../platform/files/send-file';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import type { SchedulesModule } from './schedules.module';
import type { PrintedSchedule } from './schedules.render';

const tags = ['Lịch công tác'];
const params = idParamsSchema;
const itemParams = scheduleItemParamsSchema;
const created = createdIdSchema;
const noContent = { 204: z.null() };

/** The address the browser used, for links handed out when no public address is configured. */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

function sendPdf(reply: Parameters<typeof sendOpenedFile>[0], file: PrintedSchedule) {
  return sendOpenedFile(
    reply,
    { stream: Readable.from([file.bytes]), size: file.bytes.length, contentType: 'application/pdf' },
    { fileName: file.fileName, inline: true },
  );
}

export function registerScheduleRoutes(app: App, m: SchedulesModule): void {
  const r = typed(app);

  r.get(
    '/api/schedules',
    { schema: { tags, querystring: scheduleListQuerySchema, response: { 200: scheduleWeekSchema } } },
    async (request) => m.reader.week(actorOf(request), request.query),
  );
  r.get(
    '/api/schedules/people',
    { schema: { tags, querystring: schedulePeopleQuerySchema, response: { 200: schedulePeopleSchema } } },
    async (request) => m.reader.people(actorOf(request), request.query.organizationId),
  );
  r.get('/api/schedules/week.pdf', { schema: { tags, querystring: weekPdfQuerySchema } }, async (request, reply) =>
    sendPdf(reply, await m.printer.printWeek(actorOf(request), request.query.week, request.query.organizationId)),
  );
  r.get(
    '/api/schedules/awaiting-approval',
    { schema: { tags, response: { 200: awaitingApprovalSchema } } },
    async (request) => m.schedules.awaiting(actorOf(request)),
  );
  r.get('/api/schedules/:id', { schema: { tags, params, response: { 200: scheduleSchema } } }, async (request) =>
    m.reader.get(actorOf(request), request.params.id),
  );
  r.get('/api/schedules/:id/print.pdf', { schema: { tags, params } }, async (request, reply) =>
    sendPdf(reply, await m.printer.printSchedule(actorOf(request), request.params.id)),
  );
  r.post(
    '/api/schedules',
    { schema: { tags, body: scheduleCreateSchema, response: { 201: created } } },
    async (request, reply) => reply.code(201).send(await m.schedules.create(actorOf(request), request.body)),
  );

  // Items ---------------------------------------------------------------------------------------
  r.post(
    '/api/schedules/:id/items',
    { schema: { tags, params, body: scheduleItemWriteSchema, response: { 201: created } } },
    async (request, reply) =>
      reply.code(201).send(await m.items.add(actorOf(request), request.params.id, request.body)),
  );
  r.patch(
    '/api/schedules/:id/items/:itemId',
    { schema: { tags, params: itemParams, body: scheduleItemPatchSchema, response: noContent } },
    async (request, reply) => {
      await m.items.edit(actorOf(request), request.params.id, request.params.itemId, request.body);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/api/schedules/:id/items/:itemId/cancel',
    { schema: { tags, params: itemParams, body: scheduleItemCancelSchema, response: noContent } },
    async (request, reply) => {
      await m.items.cancel(actorOf(request), request.params.id, request.params.itemId, request.body);
      return reply.code(204).send(null);
    },
  );

  // Workflow ------------------------------------------------------------------------------------
  for (const step of ['submit', 'approve', 'return', 'publish'] as const) {
    r.post(
      `/api/schedules/:id/${step}`,
      { schema: { tags, params, body: scheduleStepSchema, response: noContent } },
      async (request, reply) => {
        await m.schedules[step](actorOf(request), request.params.id, request.body);
        return reply.code(204).send(null);
      },
    );
  }

  // The personal calendar address -------------------------------------------------------------
  r.get('/api/calendar/feed', { schema: { tags, response: { 200: calendarFeedSchema } } }, async (request) =>
    m.feed.status(actorOf(request)),
  );
  r.post('/api/calendar/feed', { schema: { tags, response: { 200: calendarFeedSchema } } }, async (request) =>
    m.feed.create(actorOf(request), originOf(request)),
  );
  r.delete('/api/calendar/feed', { schema: { tags, response: noContent } }, async (request, reply) => {
    await m.feed.revoke(actorOf(request));
    return reply.code(204).send(null);
  });
  r.get(
    '/calendar/:token.ics',
    {
      config: { public: true },
      // The address is the secret: request lines, which carry it, stay out of the log.
      logLevel: 'warn',
      schema: { tags, params: calendarTokenParamsSchema },
    },
    async (request, reply) => {
      const text = await m.feed.render(request.params.token, originOf(request));
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="vanphong.ics"')
        .header('cache-control', 'private, max-age=300')
        .send(text);
    },
  );
}
