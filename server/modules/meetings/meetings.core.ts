import type { InviteeWrite } from '../../../common/schemas/meetings';
import { dayInVietnam } from '../../platform/clock';
import type { Executor } from '../../platform/db/database';
import type { PlatformDeps } from '../../platform/deps';
import { staleVersion } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import type { Actor } from '../../platform/security/actor';
import type { ActionOf } from '../../platform/security/authorize';
import * as errors from './meetings.errors';
import type { MeetingResource } from './meetings.policy';
import * as repo from './meetings.repository';

export interface ResolvedInvitee {
  kind: 'person' | 'organization';
  person_id: string | null;
  organization_id: string | null;
  user_id: string | null;
  name: string;
  position: string | null;
  role: string;
}

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
  async function advance(trx: Executor, row: repo.MeetingRow, version: number | null, patch: Record<string, unknown>) {
    const result = await trx
      .updateTable('meetings')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now() }))
      .where('id', '=', row.id)
      .where('version', '=', version ?? row.version)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) return;
    const current = await load(trx, row.id);
    if (current.status !== row.status) throw errors.wrongStatus(current.status);
    throw staleVersion('Cuộc họp');
  }

  /**
   * People, organizations and groups, resolved against the directory into one invitation per
   * person and per organization: someone reached through two groups, or named and in a
   * group, is invited once, with the role they were named with first.
   */
  async function resolveInvitees(ex: Executor, list: readonly InviteeWrite[]): Promise<ResolvedInvitee[]> {
    const direct = list.filter((i) => i.kind !== 'group');
    const groups = list.filter((i) => i.kind === 'group');
    const groupIds = [...new Set(groups.map((g) => g.id))];
    const members = groupIds.length
      ? await ex
          .selectFrom('group_members')
          .select(['group_id', 'person_id', 'organization_id'])
          .where('group_id', 'in', groupIds)
          .execute()
      : [];
    const knownGroups = groupIds.length
      ? await ex.selectFrom('distribution_groups').select('id').where('id', 'in', groupIds).execute()
      : [];
    if (knownGroups.length !== groupIds.length) throw errors.unknownInvitee();
    const roleOfGroup = new Map(groups.map((g) => [g.id, g.role]));
    const wanted: { kind: 'person' | 'organization'; id: string; role: string }[] = [
      ...direct.map((i) => ({ kind: i.kind as 'person' | 'organization', id: i.id, role: i.role })),
      ...members.map((m) =>
        m.person_id
          ? { kind: 'person' as const, id: m.person_id, role: roleOfGroup.get(m.group_id) ?? 'delegate' }
          : {
              kind: 'organization' as const,
              id: m.organization_id as string,
              role: roleOfGroup.get(m.group_id) ?? 'delegate',
            },
      ),
    ];
    const personIds = [...new Set(wanted.filter((w) => w.kind === 'person').map((w) => w.id))];
    const orgIds = [...new Set(wanted.filter((w) => w.kind === 'organization').map((w) => w.id))];
    const [people, orgs, accounts] = await Promise.all([
      personIds.length
        ? ex.selectFrom('people').select(['id', 'full_name', 'position']).where('id', 'in', personIds).execute()
        : [],
      orgIds.length ? ex.selectFrom('organizations').select(['id', 'name']).where('id', 'in', orgIds).execute() : [],
      personIds.length
        ? ex
            .selectFrom('users')
            .select(['id', 'person_id'])
            .where('person_id', 'in', personIds)
            .where('disabled', '=', 0)
            .execute()
        : [],
    ]);
    if (people.length !== personIds.length || orgs.length !== orgIds.length) throw errors.unknownInvitee();
    const person = new Map(people.map((p) => [p.id, p]));
    const org = new Map(orgs.map((o) => [o.id, o]));
    const account = new Map(accounts.map((a) => [a.person_id as string, a.id]));
    const seen = new Set<string>();
    const out: ResolvedInvitee[] = [];
    for (const w of wanted) {
      const key = `${w.kind}:${w.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (w.kind === 'person') {
        const p = person.get(w.id) as (typeof people)[number];
        out.push({
          kind: 'person',
          person_id: p.id,
          organization_id: null,
          user_id: account.get(p.id) ?? null,
          name: p.full_name,
          position: p.position,
          role: w.role,
        });
      } else {
        const o = org.get(w.id) as (typeof orgs)[number];
        out.push({
          kind: 'organization',
          person_id: null,
          organization_id: o.id,
          user_id: null,
          name: o.name,
          position: null,
          role: w.role,
        });
      }
    }
    return out;
  }

  /** Inserts invitations, skipping anyone already invited (the unique keys say who). */
  async function insertInvitees(trx: Executor, meetingId: string, invitees: readonly ResolvedInvitee[]) {
    const existing = await repo.inviteesOf(trx, meetingId);
    const known = new Set(
      existing.map((i) => (i.person_id ? `person:${i.person_id}` : `organization:${i.organization_id}`)),
    );
    const fresh = invitees.filter(
      (i) => !known.has(i.person_id ? `person:${i.person_id}` : `organization:${i.organization_id}`),
    );
    const at = now();
    for (let i = 0; i < fresh.length; i += 100) {
      await trx
        .insertInto('meeting_invitees')
        .values(
          fresh.slice(i, i + 100).map((v) => ({
            id: newId(),
            meeting_id: meetingId,
            ...v,
            reply: 'pending',
            reason: null,
            deputy_name: null,
            replied_at: null,
            replied_by: null,
            attendance: 'unknown',
            checked_in_at: null,
            checked_in_by: null,
            reminded_at: null,
            invited_at: at,
            version: 1,
          })),
        )
        .execute();
    }
    return fresh;
  }

  async function requireUsers(ex: Executor, ids: readonly (string | null | undefined)[]) {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (wanted.length === 0) return;
    const found = await ex
      .selectFrom('users')
      .select('id')
      .where('id', 'in', wanted)
      .where('disabled', '=', 0)
      .execute();
    if (found.length !== wanted.length) throw errors.unknownUser();
  }

  return {
    db,
    deps,
    now,
    today,
    phaseOf,
    resourceOf,
    load,
    authorized,
    record,
    advance,
    resolveInvitees,
    insertInvitees,
    requireUsers,
    answerOrgs,
  };
}
export type MeetingsCore = ReturnType<typeof createMeetingsCore>;
