import { z } from 'zod';
import {
  markReadSchema,
  notificationListSchema,
  notificationQuerySchema,
  unreadCountSchema,
} from '../../../common/schemas/notifications';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import type { NotificationsService } from './notifications.service';

const tags = ['Thông báo'];

export function registerNotificationRoutes(app: App, service: NotificationsService): void {
  const r = typed(app);
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
      return reply.code(204).send(null);
    },
  );
}
