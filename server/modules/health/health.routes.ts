import { healthSchema } from '../../../common/schemas/health';
import type { PlatformDeps } from '../../platform/deps';
import { type App, typed } from '../../platform/http/http-server';
import type { Startup } from '../../platform/startup';
import { pingDatabase } from './health.repository';

export function registerHealthRoutes(
  app: App,
  deps: PlatformDeps,
  version: string,
  startup: Pick<Startup, 'state'>,
): void {
  const startedAt = Date.now();
  typed(app).get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['Hệ thống'], response: { 200: healthSchema, 503: healthSchema } } },
    async (_request, reply) => {
      let ok = true;
      try {
        await pingDatabase(deps.database.db);
      } catch {
        ok = false;
      }
      return reply.code(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        database: deps.database.kind,
        version,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        time: deps.clock.now().toISOString(),
        startup: startup.state(),
      });
    },
  );
}
