import type { InviteeWrite } from '../../../common/schemas/meetings';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/ids';
import * as repo from './invitees.repository';
import * as errors from './meetings.errors';
import { inviteesOf } from './meetings.repository';

export interface ResolvedInvitee {
  kind: 'person' | 'organization';
  person_id: string | null;
  organization_id: string | null;
  user_id: string | null;
  name: string;
  position: string | null;
  role: string;
}

/**
 * People, organizations and groups, resolved against the directory into one invitation per
 * person and per organization: someone reached through two groups, or named and in a
 * group, is invited once, with the role they were named with first.
 */
export async function resolveInvitees(ex: Executor, list: readonly InviteeWrite[]): Promise<ResolvedInvitee[]> {
  const direct = list.filter((i) => i.kind !== 'group');
  const groups = list.filter((i) => i.kind === 'group');
  const groupIds = [...new Set(groups.map((g) => g.id))];
  const members = groupIds.length ? await repo.membersOfGroups(ex, groupIds) : [];
  const knownGroups = groupIds.length ? await repo.groupsAmong(ex, groupIds) : [];
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
    personIds.length ? repo.peopleAmong(ex, personIds) : [],
    orgIds.length ? repo.organizationsAmong(ex, orgIds) : [],
    personIds.length ? repo.accountsOfPeople(ex, personIds) : [],
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
export async function insertInvitees(
  trx: Executor,
  meetingId: string,
  invitees: readonly ResolvedInvitee[],
  at: string,
) {
  const existing = await inviteesOf(trx, meetingId);
  const known = new Set(
    existing.map((i) => (i.person_id ? `person:${i.person_id}` : `organization:${i.organization_id}`)),
  );
  const fresh = invitees.filter(
    (i) => !known.has(i.person_id ? `person:${i.person_id}` : `organization:${i.organization_id}`),
  );
  for (let i = 0; i < fresh.length; i += 100) {
    await repo.insertInvitees(
      trx,
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
    );
  }
  return fresh;
}

export async function requireUsers(ex: Executor, ids: readonly (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return;
  const found = await repo.activeUsersAmong(ex, wanted);
  if (found.length !== wanted.length) throw errors.unknownUser();
}
