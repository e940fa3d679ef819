import { z } from 'zod';
import {
  directoryParamsSchema,
  personListQuerySchema,
  personListResponseSchema,
  personPatchSchema,
  personViewSchema,
  personWriteSchema,
} from '../../../../common/schemas/directory';
import { type App, actorOf, typed } from '../../../platform/http/http-server';
import type { PeopleService } from './people.service';

const tags = ['Danh bạ: người'];
const params = directoryParamsSchema;

export function registerPeopleRoutes(app: App, service: PeopleService): void {
  const r = typed(app);

  r.get(
    '/api/people',
    { schema: { tags, querystring: personListQuerySchema, response: { 200: personListResponseSchema } } },
    async (request) => service.listPeople(actorOf(request), request.query),
  );

  r.get('/api/people/:id', { schema: { tags, params, response: { 200: personViewSchema } } }, async (request) =>
    service.getPerson(actorOf(request), request.params.id),
  );

  r.post(
    '/api/people',
    { schema: { tags, body: personWriteSchema, response: { 201: personViewSchema } } },
    async (request, reply) => reply.code(201).send(await service.createPerson(actorOf(request), request.body)),
  );

  r.patch(
    '/api/people/:id',
    { schema: { tags, params, body: personPatchSchema, response: { 200: personViewSchema } } },
    async (request) => service.updatePerson(actorOf(request), request.params.id, request.body),
  );

  r.delete('/api/people/:id', { schema: { tags, params, response: { 204: z.null() } } }, async (request, reply) => {
    await service.deletePerson(actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });
}
