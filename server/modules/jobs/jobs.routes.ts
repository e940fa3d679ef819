import {
  jobIdParamsSchema,
  jobListQuerySchema,
  jobListSchema,
  jobSchema,
  publicAddressSchema,
} from '../../../common/schemas/jobs';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import type { JobsService } from './jobs.service';

const tags = ['Hàng đợi công việc'];

export function registerJobsRoutes(app: App, service: JobsService): void {
  const r = typed(app);
  r.get(
    '/api/admin/jobs',
    { schema: { tags, querystring: jobListQuerySchema, response: { 200: jobListSchema } } },
    async (request) => service.list(actorOf(request), request.query),
  );
  r.post(
    '/api/admin/jobs/:id/retry',
    { schema: { tags, params: jobIdParamsSchema, response: { 200: jobSchema } } },
    async (request) => service.retry(actorOf(request), request.params.id),
  );
  // Shown above the queue: whether phones can install the app at the address people use.
  r.get('/api/admin/public-address', { schema: { tags, response: { 200: publicAddressSchema } } }, async (request) =>
    service.publicAddress(actorOf(request), `${request.protocol}://${request.host}`),
  );
}
