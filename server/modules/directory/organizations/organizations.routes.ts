import { z } from 'zod';
import {
  directoryParamsSchema,
  organizationListQuerySchema,
  organizationListResponseSchema,
  organizationPatchSchema,
  organizationTreeSchema,
  organizationViewSchema,
  organizationWriteSchema,
} from '../../../../common/schemas/directory';
import { type App, actorOf, typed } from '../../../platform/http/http-server';
import type { OrganizationsService } from './organizations.service';

const tags = ['Danh bạ: tổ chức'];
const params = directoryParamsSchema;

export function registerOrganizationRoutes(app: App, service: OrganizationsService): void {
  const r = typed(app);

  r.get(
    '/api/organizations',
    { schema: { tags, querystring: organizationListQuerySchema, response: { 200: organizationListResponseSchema } } },
    async (request) => service.listOrganizations(actorOf(request), request.query),
  );

  r.get('/api/organizations/tree', { schema: { tags, response: { 200: organizationTreeSchema } } }, async (request) =>
    service.organizationTree(actorOf(request)),
  );

  r.get(
    '/api/organizations/:id',
    { schema: { tags, params, response: { 200: organizationViewSchema } } },
    async (request) => service.getOrganization(actorOf(request), request.params.id),
  );

  r.post(
    '/api/organizations',
    { schema: { tags, body: organizationWriteSchema, response: { 201: organizationViewSchema } } },
    async (request, reply) => reply.code(201).send(await service.createOrganization(actorOf(request), request.body)),
  );

  r.patch(
    '/api/organizations/:id',
    { schema: { tags, params, body: organizationPatchSchema, response: { 200: organizationViewSchema } } },
    async (request) => service.updateOrganization(actorOf(request), request.params.id, request.body),
  );

  r.delete(
    '/api/organizations/:id',
    { schema: { tags, params, response: { 204: z.null() } } },
    async (request, reply) => {
      await service.deleteOrganization(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
