import {
  savingsQuerySchema,
  savingsReportSchema,
  savingsSettingsSchema,
  savingsSettingsWriteSchema,
} from '../../../common/schemas/savings';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import type { SavingsService } from './savings.service';

const tags = ['Tiết kiệm giấy'];

export function registerSavingsRoutes(app: App, service: SavingsService): void {
  const r = typed(app);
  r.get(
    '/api/savings',
    { schema: { tags, querystring: savingsQuerySchema, response: { 200: savingsReportSchema } } },
    async (request) => service.report(actorOf(request), request.query),
  );
  r.get('/api/savings/settings', { schema: { tags, response: { 200: savingsSettingsSchema } } }, async (request) =>
    service.settings(actorOf(request)),
  );
  r.put(
    '/api/savings/settings',
    { schema: { tags, body: savingsSettingsWriteSchema, response: { 200: savingsSettingsSchema } } },
    async (request) => service.updateSettings(actorOf(request), request.body),
  );
}
