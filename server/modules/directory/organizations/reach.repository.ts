import type { Executor } from '../../../platform/db/database';
import type { ReachUsage } from '../directory.errors';

/** Reads for the rules of organizations reached outside the deployment: what they hold, and the peers. */

/** What keeps an organization from being made an outside one: its children, people, accounts, registers. */
export async function reachUsage(ex: Executor, id: string): Promise<ReachUsage> {
  const count = async (query: Promise<{ n: number | string } | undefined>) => Number((await query)?.n ?? 0);
  const [children, members, accounts, registers] = await Promise.all([
    count(
      ex
        .selectFrom('organizations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('parent_id', '=', id)
        .executeTakeFirst(),
    ),
    count(
      ex
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', id)
        .executeTakeFirst(),
    ),
    count(
      ex
        .selectFrom('role_grants')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', id)
        .executeTakeFirst(),
    ),
    count(
      ex
        .selectFrom('registers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', id)
        .executeTakeFirst(),
    ),
  ]);
  return { children, members, accounts, registers };
}

/** A peer deployment as the directory knows it: which one, its node and name, and whether it is active. */
export interface PeerRef {
  id: string;
  node: string;
  name: string;
  active: boolean;
}

export async function findPeerRef(ex: Executor, id: string): Promise<PeerRef | undefined> {
  const row = await ex
    .selectFrom('exchange_peers')
    .select(['id', 'node', 'name', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, active: row.active === 1 } : undefined;
}

/** Every peer deployment, for an import or an export to name them by node. */
export async function allPeerRefs(ex: Executor): Promise<PeerRef[]> {
  const rows = await ex.selectFrom('exchange_peers').select(['id', 'node', 'name', 'active']).execute();
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}
