import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { downloadQuerySchema, fileParamsSchema, idParamsSchema, upsertedSchema } from '../../../common/schemas/http';
import {
  addInviteesSchema,
  addMeetingFilesSchema,
  attendanceSchema,
  cancelMeetingSchema,
  doorCheckInResultSchema,
  doorCheckInSchema,
  doorCodeSchema,
  invitedSchema,
  meetingListQuerySchema,
  meetingListSchema,
  meetingPatchSchema,
  meetingViewSchema,
  meetingWriteSchema,
  remindedSchema,
  replaceMeetingFileSchema,
  replyHeadersSchema,
  replySchema,
  rescheduleSchema,
  sendInvitationSchema,
  sendResultSchema,
} from '../../../common/schemas/meetings';
import { offlinePackageSchema } from '../../../common/schemas/meetings-offline';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import type { MeetingsModule } from './meetings.module';

const tags = ['Cuộc họp'];
const params = idParamsSchema;
const fileParams = fileParamsSchema;
const noContent = { 204: z.null() };
const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * A weak validator over the response as written, for the caller alone (`private`), asked for
 * again each time (`no-cache`): the browser sends `If-None-Match` and an unchanged view
 * costs a 304 and its headers instead of the whole meeting.
 */
function conditional(ifNoneMatch: string | undefined, reply: FastifyReply, payload: unknown) {
  if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
  const tag = `W/"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', tag).header('cache-control', 'private, no-cache').header('vary', 'cookie');
  if (ifNoneMatch?.split(',').some((t) => t.trim() === tag)) {
    reply.code(304);
    reply.removeHeader('content-length');
    return '';
  }
  return payload;
}

export function registerMeetingRoutes(app: App, m: MeetingsModule): void {
  const r = typed(app);
  const done = <T>(reply: { code(n: number): { send(v: null): T } }) => reply.code(204).send(null);

  r.get(
    '/api/meetings',
    { schema: { tags, querystring: meetingListQuerySchema, response: { 200: meetingListSchema } } },
    async (request) => m.lists.list(actorOf(request), request.query),
  );
  r.post(
    '/api/meetings',
    {
      schema: {
        tags,
        body: meetingWriteSchema,
        response: {
          200: upsertedSchema,
          201: upsertedSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await m.meetings.createMeeting(actorOf(request), request.body);
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );
  // The page asks again every few seconds: an unchanged view is answered 304 with no body.
  r.get(
    '/api/meetings/:id',
    {
      schema: { tags, params, response: { 200: meetingViewSchema } },
      onSend: async (request, reply, payload) => conditional(request.headers['if-none-match'], reply, payload),
    },
    async (request) => m.meetings.getMeeting(actorOf(request), request.params.id),
  );
  r.patch(
    '/api/meetings/:id',
    { schema: { tags, params, body: meetingPatchSchema, response: noContent } },
    async (request, reply) => {
      await m.meetings.updateMeeting(actorOf(request), request.params.id, request.body);
      return done(reply);
    },
  );
  // The papers a delegate keeps on the phone to read with no signal; never a secret meeting's.
  r.get(
    '/api/meetings/:id/offline',
    {
      schema: { tags, params, response: { 200: offlinePackageSchema } },
      onSend: async (_request, reply, payload) => {
        reply.header('cache-control', 'private, no-store');
        return payload;
      },
    },
    async (request) => m.offline.package(actorOf(request), request.params.id),
  );
  r.post('/api/meetings/:id/seen', { schema: { tags, params, response: noContent } }, async (request, reply) => {
    await m.meetings.markSeen(actorOf(request), request.params.id);
    return done(reply);
  });
  for (const format of ['pdf', 'docx'] as const) {
    r.get(
      `/api/meetings/:id/invitation.${format}`,
      { schema: { tags, params, querystring: downloadQuerySchema } },
      async (request, reply) => {
        const file = await m.invitations.document(actorOf(request), request.params.id, format);
        const inline = format === 'pdf' && request.query.download !== '1';
        return reply
          .header('content-type', CONTENT_TYPES[format])
          .header(
            'content-disposition',
            `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(file.bytes);
      },
    );
  }
  r.post(
    '/api/meetings/:id/send',
    { schema: { tags, params, body: sendInvitationSchema, response: { 200: sendResultSchema } } },
    async (request) => m.invitations.send(actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/meetings/:id/invitees',
    { schema: { tags, params, body: addInviteesSchema, response: { 200: invitedSchema } } },
    async (request) => m.attendance.invite(actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/meetings/:id/files',
    { schema: { tags, params, body: addMeetingFilesSchema, response: noContent } },
    async (request, reply) => {
      await m.files.add(actorOf(request), request.params.id, request.body);
      return done(reply);
    },
  );
  r.post(
    '/api/meetings/:id/files/:fileId/replace',
    { schema: { tags, params: fileParams, body: replaceMeetingFileSchema, response: noContent } },
    async (request, reply) => {
      await m.files.replace(actorOf(request), request.params.id, request.params.fileId, request.body);
      return done(reply);
    },
  );
  r.post(
    '/api/meetings/:id/files/:fileId/withdraw',
    { schema: { tags, params: fileParams, response: noContent } },
    async (request, reply) => {
      await m.files.withdraw(actorOf(request), request.params.id, request.params.fileId);
      return done(reply);
    },
  );
  r.get(
    '/api/meetings/:id/files/:fileId',
    { schema: { tags, params: fileParams, querystring: downloadQuerySchema } },
    async (request, reply) =>
      m.files.open(actorOf(request), request.params.id, request.params.fileId, reply, request.query.download === '1'),
  );
  r.post(
    '/api/meetings/:id/reply',
    { schema: { tags, params, headers: replyHeadersSchema, body: replySchema, response: noContent } },
    async (request, reply) => {
      await m.attendance.reply(actorOf(request), request.params.id, request.body, request.headers['idempotency-key']);
      return done(reply);
    },
  );
  r.post('/api/meetings/:id/remind', { schema: { tags, params, response: { 200: remindedSchema } } }, async (request) =>
    m.attendance.remind(actorOf(request), request.params.id),
  );
  r.post('/api/meetings/:id/check-in', { schema: { tags, params, response: noContent } }, async (request, reply) => {
    await m.attendance.checkIn(actorOf(request), request.params.id);
    return done(reply);
  });
  r.get(
    '/api/meetings/:id/door-code',
    {
      schema: {
        tags,
        params,
        response: {
          200: doorCodeSchema,
        },
      },
      onSend: async (_request, reply, payload) => {
        reply.header('cache-control', 'private, no-store');
        return payload;
      },
    },
    async (request) => m.door.current(actorOf(request), request.params.id),
  );
  r.post(
    '/api/meetings/:id/door-check-in',
    {
      schema: {
        tags,
        params,
        body: doorCheckInSchema,
        response: { 200: doorCheckInResultSchema },
      },
    },
    async (request) => m.door.checkIn(actorOf(request), request.params.id, request.body.code),
  );
  r.post(
    '/api/meetings/:id/attendance',
    { schema: { tags, params, body: attendanceSchema, response: noContent } },
    async (request, reply) => {
      await m.attendance.attendance(actorOf(request), request.params.id, request.body);
      return done(reply);
    },
  );
  r.post(
    '/api/meetings/:id/reschedule',
    { schema: { tags, params, body: rescheduleSchema, response: noContent } },
    async (request, reply) => {
      await m.attendance.reschedule(actorOf(request), request.params.id, request.body);
      return done(reply);
    },
  );
  r.post(
    '/api/meetings/:id/cancel',
    { schema: { tags, params, body: cancelMeetingSchema, response: noContent } },
    async (request, reply) => {
      await m.attendance.cancel(actorOf(request), request.params.id, request.body);
      return done(reply);
    },
  );
}
