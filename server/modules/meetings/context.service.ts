import { dayInVietnam } from '../../platform/clock';
import type { Executor } from '../../platform/db/database';
import type { PlatformDeps } from '../../platform/deps';
import { staleVersion } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import type { Actor } from '../../platform/security/actor';
import type { ActionOf } from '../../platform/security/authorize';
import { insertInvitees, type ResolvedInvitee, requireUsers, resolveInvitees } from './invitees.service';
import type { MeetingFacts } from './meetings.contract';
import * as errors from './meetings.errors';
import type { MeetingResource } from './meetings.policy';
import * as repo from './meetings.repository';

export type { ResolvedInvitee } from './invitees.service';

/** What every meeting operation shares: loading with the caller's rights, the trail, optimistic moves. */
export function createMeetingsCore(deps: PlatformDeps) {
  const db = deps.database.db;
  const now = () => deps.clock.now().toISOString();
  const today = () => dayInVietnam(deps.clock.now());

  /** Organizations whose invitations the actor answers: those they keep or lead themselves. */
  const answerOrgs = (actor: Actor) => [
    ...new Set(actor.grants.filter((g) => g.role === 'clerk' || g.role === 'leader').map((g) => g.organizationId)),
  ];

  function phaseOf(row: Pick<repo.MeetingRow, 'starts_at' | 'ends_at'>): MeetingResource['phase'] {
    const at = now();
    if (at < row.starts_at) return 'before';
    return at < row.ends_at ? 'during' : 'after';
  }

  async function resourceOf(ex: Executor, actor: Actor, row: repo.MeetingRow) {
    const mine = await repo.invitationsFor(ex, row.id, actor.userId, answerOrgs(actor));
    const own = mine.find((i) => i.user_id === actor.userId) ?? null;
    const phase = phaseOf(row);
    const resource: MeetingResource = {
      kind: 'meeting',
      organizationPath: row.organization_path,
      status: row.status,
      secrecy: row.secrecy,
      createdBy: row.created_by,
      invited: own !== null,
      answersFor: mine.some((i) => i.kind === 'organization'),
      secretary: own?.role === 'secretary',
      declined: own?.reply === 'absent' || own?.reply === 'deputy',
      phase,
      today: phase !== 'after' && dayInVietnam(new Date(row.starts_at)) <= today(),
    };
    return { resource, mine, own };
  }

  async function load(ex: Executor, id: string) {
    const row = await repo.findMeeting(ex, id);
    if (!row) throw errors.meetingNotFound();
    return row;
  }

  /** The meeting, if the actor may take `action` on it; one who may not even read it learns nothing. */
  async function authorized(ex: Executor, actor: Actor, id: string, action: ActionOf<'meeting'>) {
    const row = await load(ex, id);
    const relation = await resourceOf(ex, actor, row);
    if (!deps.authorizer.can(actor, 'read', relation.resource)) throw errors.meetingNotFound();
    deps.authorizer.authorize(actor, action, relation.resource);
    return { row, ...relation };
  }

  async function record(trx: Executor, meetingId: string, actor: Actor, kind: string, note?: string | null) {
    await repo.addEvent(trx, {
      id: newId(),
      meeting_id: meetingId,
      at: now(),
      actor_id: actor.userId,
      actor_name: actor.fullName,
      kind,
      note: note?.slice(0, 4000) ?? null,
    });
  }

  /**
   * Moves the meeting on from the version and status the caller saw. A stale version is a
   * conflict; so is a status changed meanwhile (sent, cancelled), told apart for the user.
   */
  async function advance(trx: Executor, row: repo.MeetingRow, version: number | null, patch: repo.MeetingPatch) {
    if (await repo.moveMeeting(trx, row, version ?? row.version, { ...patch, updated_at: now() })) return;
    const current = await load(trx, row.id);
    if (current.status !== row.status) throw errors.wrongStatus(current.status);
    throw staleVersion('Cuộc họp');
  }

  /** What an event says of the meeting, and who it concerns. */
  function factsOf(
    row: Pick<repo.MeetingRow, 'id' | 'organization_id' | 'title' | 'place' | 'starts_at' | 'secrecy'>,
    actor: Actor | null,
    audience: readonly string[],
  ): MeetingFacts {
    return {
      meetingId: row.id,
      organizationId: row.organization_id,
      title: row.title,
      place: row.place,
      startsAt: row.starts_at,
      secrecy: row.secrecy,
      actorId: actor?.userId ?? null,
      audience: [...audience],
    };
  }

  return {
    db,
    deps,
    factsOf,
    now,
    today,
    phaseOf,
    resourceOf,
    load,
    authorized,
    record,
    advance,
    resolveInvitees,
    insertInvitees: (trx: Executor, meetingId: string, invitees: readonly ResolvedInvitee[]) =>
      insertInvitees(trx, meetingId, invitees, now()),
    requireUsers,
    answerOrgs,
  };
}
export type MeetingsCore = ReturnType<typeof createMeetingsCore>;
