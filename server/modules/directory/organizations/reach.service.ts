import type { Executor } from '../../../platform/db/database';
import * as errors from '../directory.errors';
import type { OrganizationRow } from './organizations.repository';
import { reachProblems } from './organizations.rules';
import * as reachRepo from './reach.repository';

/**
 * Refuses an organization as it would be after a change by the rules of those reached outside
 * the deployment: at the top level, with a national identifier, an active peer for `peer`,
 * nothing created under them. `keptPeerId`: the peer it already had, which may have stopped since.
 */
export async function checkReach(
  ex: Executor,
  next: Pick<OrganizationRow, 'reach' | 'peer_id' | 'parent_id' | 'national_id'>,
  parentReach: string | null,
  keptPeerId: string | null = null,
): Promise<void> {
  const peer = next.peer_id ? await reachRepo.findPeerRef(ex, next.peer_id) : undefined;
  const [problem] = reachProblems({
    reach: next.reach,
    peerId: next.peer_id,
    parentId: next.parent_id,
    nationalId: next.national_id,
    peer,
    parentReach,
    keptPeerId,
  });
  if (problem) throw errors.reachRefused(problem);
}

/** An organization sent outside holds nothing here: no children, people, accounts or registers. */
export async function ensureHoldsNothing(ex: Executor, row: OrganizationRow): Promise<void> {
  const usage = await reachRepo.reachUsage(ex, row.id);
  if (Object.values(usage).some((n) => n > 0)) throw errors.reachInUse(row.name, usage);
}
