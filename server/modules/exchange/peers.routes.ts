import {
  peerListSchema,
  peerParamsSchema,
  peerPatchSchema,
  peerViewSchema,
  peerWriteSchema,
} from '../../../common/schemas/exchange';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import type { PeersService } from './peers.service';

const tags = ['Liên thông: máy chủ VanPhong khác'];

export function registerPeersRoutes(app: App, service: PeersService): void {
  const r = typed(app);
  r.get('/api/exchange/peers', { schema: { tags, response: { 200: peerListSchema } } }, async (request) =>
    service.list(actorOf(request)),
  );
  r.post(
    '/api/exchange/peers',
    { schema: { tags, body: peerWriteSchema, response: { 201: peerViewSchema } } },
    async (request, reply) => reply.code(201).send(await service.create(actorOf(request), request.body)),
  );
  r.patch(
    '/api/exchange/peers/:id',
    { schema: { tags, params: peerParamsSchema, body: peerPatchSchema, response: { 200: peerViewSchema } } },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );
}
