import { searchQuerySchema, searchResponseSchema } from '../../../common/schemas/search';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import type { SearchService } from './search.service';

const tags = ['Tìm kiếm'];

export function registerSearchRoutes(app: App, search: SearchService): void {
  typed(app).get(
    '/api/search',
    { schema: { tags, querystring: searchQuerySchema, response: { 200: searchResponseSchema } } },
    async (request) => search.search(actorOf(request), request.query),
  );
}
