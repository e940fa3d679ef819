import type { Executor } from '../../platform/db/database';
import { updateVersioned } from '../../platform/db/versioned';
import type { ExchangePeersTable } from './exchange.tables';

/** A peer deployment in full, its secret included: for the exchange's transport, never for an answer. */
export type PeerRow = ExchangePeersTable;

export async function findPeer(ex: Executor, id: string): Promise<PeerRow | undefined> {
  return ex.selectFrom('exchange_peers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The peer that signs with this node name, exactly as written. */
export async function findPeerByNode(ex: Executor, node: string): Promise<PeerRow | undefined> {
  return ex.selectFrom('exchange_peers').selectAll().where('node', '=', node).executeTakeFirst();
}

/** A peer whose node name differs from this one only in case: two such would be read as one by people. */
export async function findPeerByNodeAnyCase(ex: Executor, node: string): Promise<PeerRow | undefined> {
  return ex
    .selectFrom('exchange_peers')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['node']), '=', node.toLowerCase()))
    .executeTakeFirst();
}

/** A peer without its secret, with how many organizations are reached through it. */
export type PeerListRow = Omit<PeerRow, 'secret'> & { organization_count: number | string | null };

const LISTED = [
  'exchange_peers.id',
  'exchange_peers.node',
  'exchange_peers.name',
  'exchange_peers.url',
  'exchange_peers.secret_approved',
  'exchange_peers.active',
  'exchange_peers.version',
  'exchange_peers.created_at',
  'exchange_peers.updated_at',
] as const;

function listed(ex: Executor) {
  return ex
    .selectFrom('exchange_peers')
    .select(LISTED)
    .select((eb) =>
      eb
        .selectFrom('organizations')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('organizations.peer_id', '=', 'exchange_peers.id')
        .as('organization_count'),
    );
}

/** Every peer, by name: a deployment links to a handful of others, not thousands. */
export async function listPeers(ex: Executor): Promise<PeerListRow[]> {
  return listed(ex).orderBy('exchange_peers.name').orderBy('exchange_peers.id').execute();
}

export async function findListedPeer(ex: Executor, id: string): Promise<PeerListRow | undefined> {
  return listed(ex).where('exchange_peers.id', '=', id).executeTakeFirst();
}

export async function insertPeer(ex: Executor, row: PeerRow): Promise<void> {
  await ex.insertInto('exchange_peers').values(row).execute();
}

export type PeerPatchRow = Partial<Omit<PeerRow, 'id' | 'node' | 'created_at' | 'version'>>;

/** Optimistic update: false when somebody changed the peer since `version` was read. */
export function updatePeerVersioned(ex: Executor, id: string, version: number, patch: PeerPatchRow): Promise<boolean> {
  return updateVersioned(ex, 'exchange_peers', id, version, patch);
}

/**
 * Moves the directory's version on: its lists, kept per version, show each outside
 * organization's peer by name, and a renamed peer must show under its new name.
 */
export async function touchDirectory(ex: Executor): Promise<void> {
  await ex
    .updateTable('directory_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}
