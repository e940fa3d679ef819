import {
  resetLinkResponseSchema,
  temporaryPasswordBodySchema,
  temporaryPasswordResponseSchema,
  userCreateBodySchema,
  userIdParamsSchema,
  userListQuerySchema,
  userListResponseSchema,
  userPatchBodySchema,
  userRolesBodySchema,
  userSchema,
} from '../../../common/schemas/users';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import type { UsersService } from './users.service';

const tags = ['Tài khoản'];

export function registerUsersRoutes(app: App, users: UsersService): void {
  const r = typed(app);

  r.get(
    '/api/users',
    { schema: { tags, querystring: userListQuerySchema, response: { 200: userListResponseSchema } } },
    async (request) => users.list(actorOf(request), request.query),
  );

  r.post(
    '/api/users',
    { schema: { tags, body: userCreateBodySchema, response: { 201: userSchema } } },
    async (request, reply) => reply.code(201).send(await users.create(actorOf(request), request.body)),
  );

  r.patch(
    '/api/users/:id',
    { schema: { tags, params: userIdParamsSchema, body: userPatchBodySchema, response: { 200: userSchema } } },
    async (request) => users.update(actorOf(request), request.params.id, request.body),
  );

  r.put(
    '/api/users/:id/roles',
    { schema: { tags, params: userIdParamsSchema, body: userRolesBodySchema, response: { 200: userSchema } } },
    async (request) => users.setRoles(actorOf(request), request.params.id, request.body.roles),
  );

  r.post(
    '/api/users/:id/unlock',
    { schema: { tags, params: userIdParamsSchema, response: { 200: userSchema } } },
    async (request) => users.unlock(actorOf(request), request.params.id),
  );

  r.post(
    '/api/users/:id/temporary-password',
    {
      schema: {
        tags,
        params: userIdParamsSchema,
        body: temporaryPasswordBodySchema,
        response: { 200: temporaryPasswordResponseSchema },
      },
    },
    async (request, reply) => {
      // Shown once: no cache may keep it.
      reply.header('cache-control', 'no-store');
      return users.setTemporaryPassword(actorOf(request), request.params.id, request.body.password);
    },
  );

  r.post(
    '/api/users/:id/reset-link',
    { schema: { tags, params: userIdParamsSchema, response: { 200: resetLinkResponseSchema } } },
    async (request) =>
      users.createResetLink(actorOf(request), request.params.id, `${request.protocol}://${request.host}`),
  );
}
