import type { z } from 'zod';
import { PEER_LIMITS } from '../../../common/exchange';
import {
  type PeerPatch,
  type PeerView,
  type PeerWrite,
  type peerListSchema,
  peerPatchSchema,
  peerWriteSchema,
} from '../../../common/schemas/exchange';
import type { Executor } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/errors';
import type { PlatformDeps } from '../../platform/deps';
import { invalid, staleVersion } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import * as errors from './exchange.errors';
import type { PeersResource } from './peers.policy';
import * as repo from './peers.repository';

const resource: PeersResource = { kind: 'exchange_peers' };
/** Plain http only to this machine: a peer on the same host, or a tunnel's local end. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** https anywhere, http to this machine only; never with a user name or password in it. */
export function peerUrlAllowed(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return url.hostname !== '';
  if (url.protocol === 'http:') return LOOPBACK_HOSTS.has(url.hostname);
  return false;
}

function checkSecret(secret: string): void {
  if (secret.length < PEER_LIMITS.secretMin) throw errors.peerSecretWeak();
}

function checkUrl(url: string): void {
  if (!peerUrlAllowed(url)) throw errors.peerUrlInvalid();
}

function viewOf(row: repo.PeerListRow): PeerView {
  return {
    id: row.id,
    node: row.node,
    name: row.name,
    url: row.url,
    secretApproved: row.secret_approved === 1,
    active: row.active === 1,
    organizationCount: Number(row.organization_count ?? 0),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the trail keeps of a peer: everything the administrator sees, never its secret. */
function auditFields(row: Omit<repo.PeerRow, 'secret'> | repo.PeerRow) {
  return {
    node: row.node,
    name: row.name,
    url: row.url,
    secretApproved: row.secret_approved === 1,
    active: row.active === 1,
  };
}

/** A service called from code checks its input as a route would. */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw invalid('request.invalid', 'Dữ liệu gửi lên không hợp lệ. Hãy kiểm tra các trường được đánh dấu.', { fields });
}

/** The other VanPhong deployments documents are exchanged with, as the system's administrator keeps them. */
export function createPeersService(deps: PlatformDeps) {
  const db = deps.database.db;

  async function present(ex: Executor, id: string): Promise<PeerView> {
    const row = await repo.findListedPeer(ex, id);
    if (!row) throw errors.peerNotFound();
    return viewOf(row);
  }

  return {
    async list(actor: Actor): Promise<z.infer<typeof peerListSchema>> {
      deps.authorizer.authorize(actor, 'manage', resource);
      return { items: (await repo.listPeers(db)).map(viewOf) };
    },

    async create(actor: Actor, input: PeerWrite): Promise<PeerView> {
      deps.authorizer.authorize(actor, 'manage', resource);
      const body = parse(peerWriteSchema, input);
      checkUrl(body.url);
      checkSecret(body.secret);
      try {
        return await deps.transact(async ({ trx, audit }) => {
          const other = await repo.findPeerByNodeAnyCase(trx, body.node);
          if (other) throw errors.peerNodeTaken(other.node, other.name);
          const now = deps.clock.now().toISOString();
          const row: repo.PeerRow = {
            id: newId(),
            node: body.node,
            name: body.name,
            url: body.url,
            secret: body.secret,
            secret_approved: body.secretApproved ? 1 : 0,
            active: 1,
            version: 1,
            created_at: now,
            updated_at: now,
          };
          await repo.insertPeer(trx, row);
          await audit(auditActorOf(actor), {
            action: 'exchange.peer_created',
            entityType: 'exchange_peer',
            entityId: row.id,
            summary: `Thêm máy chủ liên thông ${row.name} (${row.node})`,
            data: auditFields(row),
          });
          return present(trx, row.id);
        });
      } catch (error) {
        // Two administrators adding the same node at once: the unique index has the last word.
        if (isUniqueViolation(error, 'node')) throw errors.peerNodeTaken(body.node, body.node);
        throw error;
      }
    },

    async update(actor: Actor, id: string, input: PeerPatch): Promise<PeerView> {
      deps.authorizer.authorize(actor, 'manage', resource);
      const body = parse(peerPatchSchema, input);
      if (body.url !== undefined) checkUrl(body.url);
      if (body.secret !== undefined) checkSecret(body.secret);
      return deps.transact(async ({ trx, audit }) => {
        const current = await repo.findPeer(trx, id);
        if (!current) throw errors.peerNotFound();
        if (current.version !== body.version) throw staleVersion('Máy chủ liên thông');
        const next: repo.PeerRow = {
          ...current,
          name: body.name ?? current.name,
          url: body.url ?? current.url,
          secret: body.secret ?? current.secret,
          secret_approved: body.secretApproved === undefined ? current.secret_approved : body.secretApproved ? 1 : 0,
          active: body.active === undefined ? current.active : body.active ? 1 : 0,
        };
        const before = auditFields(current);
        const after = auditFields(next);
        const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
        const secretChanged = next.secret !== current.secret;
        if (changed.length === 0 && !secretChanged) return present(trx, id);
        const { id: _id, node: _node, created_at: _c, version: _v, ...patch } = next;
        const ok = await repo.updatePeerVersioned(trx, id, body.version, {
          ...patch,
          updated_at: deps.clock.now().toISOString(),
        });
        if (!ok) throw staleVersion('Máy chủ liên thông');
        if (next.name !== current.name) await repo.touchDirectory(trx);
        await audit(auditActorOf(actor), {
          action: 'exchange.peer_updated',
          entityType: 'exchange_peer',
          entityId: id,
          summary: `Sửa máy chủ liên thông ${next.name} (${next.node})${secretChanged ? ', đổi khóa bí mật' : ''}`,
          data: {
            before: Object.fromEntries(changed.map((k) => [k, before[k]])),
            after: Object.fromEntries(changed.map((k) => [k, after[k]])),
            secretChanged,
          },
        });
        return present(trx, id);
      });
    },
  };
}

export type PeersService = ReturnType<typeof createPeersService>;
