import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import {
  deliveryListSchema,
  markReadSchema,
  notificationListSchema,
  notificationQuerySchema,
  notificationSettingsSchema,
  smsReportQuerySchema,
  unreadCountSchema,
} from '../../../common/schemas/notifications';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import type { NotificationChannels } from './delivery.jobs';
import type { LiveNotifications } from './live.service';
import type { NotificationsService } from './notifications.service';

const tags = ['Thông báo'];

export function registerNotificationRoutes(
  app: App,
  service: NotificationsService,
  channels: NotificationChannels,
  callbackToken: string | null,
  live: LiveNotifications,
): void {
  const r = typed(app);
  // The bell's unread count, pushed as server-sent events while the page is open.
  r.get('/api/notifications/stream', { schema: { tags, hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    reply.hijack();
    live.open(actor.userId, reply.raw);
  });
  r.get(
    '/api/notifications/settings',
    { schema: { tags, response: { 200: notificationSettingsSchema } } },
    async (request) => service.settings(actorOf(request)),
  );
  r.put(
    '/api/notifications/settings',
    { schema: { tags, body: notificationSettingsSchema, response: { 200: notificationSettingsSchema } } },
    async (request) => service.updateSettings(actorOf(request), request.body),
  );
  r.get(
    '/api/notifications/deliveries',
    { schema: { tags, response: { 200: deliveryListSchema } } },
    async (request) => ({
      items: await service.deliveries(actorOf(request)),
    }),
  );
  // The SMS provider's delivery reports: no session, a shared secret in the address instead.
  r.post(
    '/api/sms/report',
    {
      config: { public: true },
      schema: { tags, querystring: smsReportQuerySchema, body: z.unknown() },
    },
    async (request, reply) => {
      const given = Buffer.from(request.query.token ?? '');
      const known = Buffer.from(callbackToken ?? '');
      if (!callbackToken || given.length !== known.length || !timingSafeEqual(given, known)) {
        return reply.code(404).send({ error: { code: 'common.not_found', message: 'Không tìm thấy.' } });
      }
      await channels.report(request.body);
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/api/notifications',
    { schema: { tags, querystring: notificationQuerySchema, response: { 200: notificationListSchema } } },
    async (request) => service.list(actorOf(request), request.query),
  );
  r.get('/api/notifications/unread', { schema: { tags, response: { 200: unreadCountSchema } } }, async (request) =>
    service.unread(actorOf(request)),
  );
  r.post(
    '/api/notifications/read',
    { schema: { tags, body: markReadSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await service.markRead(actorOf(request), request.body);
      live.nudge();
      return reply.code(204).send(null);
    },
  );
}
