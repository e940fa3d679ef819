import { z } from 'zod';
import {
  directoryParamsSchema,
  groupExpansionSchema,
  groupListQuerySchema,
  groupListResponseSchema,
  groupPatchSchema,
  groupViewSchema,
  groupWriteSchema,
} from '../../../../common/schemas/directory';
import { type App, actorOf, typed } from '../../../platform/http/http-server';
import type { GroupsService } from './groups.service';

const tags = ['Danh bạ: nhóm nhận văn bản'];
const params = directoryParamsSchema;

export function registerGroupRoutes(app: App, service: GroupsService): void {
  const r = typed(app);

  r.get(
    '/api/groups',
    { schema: { tags, querystring: groupListQuerySchema, response: { 200: groupListResponseSchema } } },
    async (request) => service.listGroups(actorOf(request), request.query),
  );

  r.get('/api/groups/:id', { schema: { tags, params, response: { 200: groupViewSchema } } }, async (request) =>
    service.getGroup(actorOf(request), request.params.id),
  );

  r.get(
    '/api/groups/:id/expand',
    { schema: { tags, params, response: { 200: groupExpansionSchema } } },
    async (request) => service.expandGroup(actorOf(request), request.params.id),
  );

  r.post(
    '/api/groups',
    { schema: { tags, body: groupWriteSchema, response: { 201: groupViewSchema } } },
    async (request, reply) => reply.code(201).send(await service.createGroup(actorOf(request), request.body)),
  );

  r.patch(
    '/api/groups/:id',
    { schema: { tags, params, body: groupPatchSchema, response: { 200: groupViewSchema } } },
    async (request) => service.updateGroup(actorOf(request), request.params.id, request.body),
  );

  r.delete('/api/groups/:id', { schema: { tags, params, response: { 204: z.null() } } }, async (request, reply) => {
    await service.deleteGroup(actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });
}
