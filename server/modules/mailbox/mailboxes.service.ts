import type { MailRecipientWrite } from '../../../common/schemas/mail';
import { foldVietnamese } from '../../../common/text/fold';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/ids';
import type { Actor } from '../../platform/security/actor';
import * as errors from './mailbox.errors';
import { ORGANIZATION_READERS, organizationsActedFor } from './mailbox.policy';
import type { MailboxRow } from './mailboxes.repository';
import * as boxes from './mailboxes.repository';

export type { MailboxRow };

const local = (text: string) =>
  foldVietnamese(text)
    .replace(/[^a-z0-9._-]+/g, '')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, 40);

/** The local part an owner's mailbox takes: the one in the directory if any, else one made from the name. */
function wantedLocal(directoryAddress: string | null, fallback: string): string {
  const given = directoryAddress?.split('@')[0]?.toLowerCase() ?? '';
  return /^[a-z0-9._-]{1,64}$/.test(given) ? given : local(fallback) || 'hopthu';
}

/**
 * Gives every organization, person, and account without a person a mailbox on the mail domain,
 * once: the address stays when names change. Three anti-joins find the owners still without one,
 * so calling it often costs a few indexed reads.
 */
export async function ensureMailboxes(ex: Executor, domain: string, at: string): Promise<number> {
  const { organizations: orgs, people, users } = await boxes.ownersWithoutMailbox(ex);
  const wanted: { kind: MailboxRow['kind']; owner_id: string; name: string; local: string }[] = [
    ...orgs.map((o) => ({
      kind: 'organization' as const,
      owner_id: o.id,
      name: o.name,
      local: wantedLocal(o.mailbox, o.code),
    })),
    ...people.map((p) => ({
      kind: 'person' as const,
      owner_id: p.id,
      name: p.full_name,
      local: wantedLocal(p.mailbox, p.full_name),
    })),
    ...users.map((u) => ({
      kind: 'user' as const,
      owner_id: u.id,
      name: u.full_name,
      local: wantedLocal(null, u.username),
    })),
  ];
  if (wanted.length === 0) return 0;
  const taken = await boxes.takenAddresses(ex);
  const rows = wanted.map((w) => {
    let address = `${w.local}@${domain}`;
    for (let n = 2; taken.has(address); n += 1) address = `${w.local}${n}@${domain}`;
    taken.add(address);
    return {
      id: newId(),
      kind: w.kind,
      owner_id: w.owner_id,
      address,
      name: w.name,
      search_text: foldVietnamese(`${w.name} ${address}`),
      created_at: at,
    };
  });
  await boxes.insertMailboxes(ex, rows);
  return rows.length;
}

/** Every mailbox the actor reads: their own, and those of the organizations they act for. */
export async function mailboxesOf(ex: Executor, actor: Actor): Promise<MailboxRow[]> {
  return boxes.mailboxesOwnedBy(ex, {
    userId: actor.userId,
    personId: actor.account.personId,
    organizationIds: organizationsActedFor(actor),
  });
}

/** The active accounts that read these mailboxes: whom to tell that a mail arrived. */
export async function readersOf(ex: Executor, mailboxes: readonly MailboxRow[]): Promise<Map<string, string[]>> {
  const byBox = new Map<string, string[]>(mailboxes.map((m) => [m.id, []]));
  const push = (box: string, user: string) => byBox.get(box)?.push(user);
  const owners = (kind: MailboxRow['kind']) => mailboxes.filter((m) => m.kind === kind);
  for (const m of owners('user')) push(m.id, m.owner_id);
  const people = owners('person');
  if (people.length > 0) {
    const rows = await boxes.activeUsersOfPeople(
      ex,
      people.map((m) => m.owner_id),
    );
    for (const r of rows) for (const m of people) if (m.owner_id === r.person_id) push(m.id, r.id);
  }
  const orgs = owners('organization');
  if (orgs.length > 0) {
    const rows = await boxes.activeGrantees(
      ex,
      orgs.map((m) => m.owner_id),
      ORGANIZATION_READERS,
    );
    for (const r of rows) for (const m of orgs) if (m.owner_id === r.organization_id) push(m.id, r.user_id);
  }
  for (const [box, users] of byBox) byBox.set(box, [...new Set(users)]);
  return byBox;
}

export interface Resolved {
  /** Mailboxes of the product, each once, with the first field that named it. */
  internal: { mailbox: MailboxRow; role: 'to' | 'cc' | 'bcc' }[];
  /** Outside addresses, each once. */
  external: { address: string; role: 'to' | 'cc' | 'bcc' }[];
  shown: { to: Shown[]; cc: Shown[]; bcc: Shown[] };
}
export interface Shown {
  address: string;
  name: string | null;
}

/**
 * Turns what the writer picked into mailboxes and outside addresses. A group brings its people
 * and organizations; someone named twice (in To and through a group in Cc) gets one copy.
 * An address on the office's own domain must be a mailbox that exists.
 */
export async function resolveRecipients(
  ex: Executor,
  domain: string,
  fields: { to: MailRecipientWrite[]; cc: MailRecipientWrite[]; bcc: MailRecipientWrite[] },
  parseAddress: (input: string, field: string) => string,
): Promise<Resolved> {
  const result: Resolved = { internal: [], external: [], shown: { to: [], cc: [], bcc: [] } };
  const seenBox = new Set<string>();
  const seenAddress = new Set<string>();
  const unknown: string[] = [];
  for (const role of ['to', 'cc', 'bcc'] as const) {
    const list = fields[role];
    const owner = (kind: 'person' | 'organization') =>
      list.filter((r): r is { kind: typeof kind; id: string } => r.kind === kind).map((r) => r.id);
    const groupIds = list.filter((r) => r.kind === 'group').map((r) => (r as { id: string }).id);
    const personIds = owner('person');
    const orgIds = owner('organization');
    const groupShown: Shown[] = [];
    if (groupIds.length > 0) {
      const groups = await boxes.groupsByIds(ex, groupIds);
      if (groups.length !== new Set(groupIds).size) throw errors.unknownDirectoryRecipient();
      const members = await boxes.membersOfGroups(ex, groupIds);
      for (const m of members) {
        if (m.person_id) personIds.push(m.person_id);
        if (m.organization_id) orgIds.push(m.organization_id);
      }
      for (const g of groups) groupShown.push({ address: `nhom:${g.id}`, name: `Nhóm: ${g.name}` });
    }
    const boxIds = list.filter((r) => r.kind === 'mailbox').map((r) => (r as { id: string }).id);
    const addresses = list
      .filter((r): r is { kind: 'address'; address: string } => r.kind === 'address')
      .map((r) => parseAddress(r.address, role).toLowerCase());
    const ownDomain = addresses.filter((a) => a.endsWith(`@${domain}`));
    const found: MailboxRow[] = [];
    const want = async (rows: Promise<MailboxRow[]>, expected: number) => {
      const got = await rows;
      if (got.length < expected) throw errors.unknownDirectoryRecipient();
      found.push(...got);
    };
    const uniq = (ids: string[]) => [...new Set(ids)];
    if (personIds.length > 0)
      await want(boxes.mailboxesOfOwners(ex, 'person', uniq(personIds)), uniq(personIds).length);
    if (orgIds.length > 0) await want(boxes.mailboxesOfOwners(ex, 'organization', uniq(orgIds)), uniq(orgIds).length);
    if (boxIds.length > 0) await want(boxes.mailboxesByIds(ex, uniq(boxIds)), uniq(boxIds).length);
    if (ownDomain.length > 0) {
      const atDomain = await boxes.mailboxesAt(ex, ownDomain);
      const known = new Set(atDomain.map((b) => b.address));
      unknown.push(...ownDomain.filter((a) => !known.has(a)));
      found.push(...atDomain);
    }
    // What every reader sees: the picks as named, a group by its name rather than its members.
    const direct = new Set([...owner('person'), ...owner('organization'), ...boxIds]);
    for (const b of found) {
      if (direct.has(b.owner_id) || direct.has(b.id) || ownDomain.includes(b.address)) {
        if (!result.shown[role].some((s) => s.address === b.address))
          result.shown[role].push({ address: b.address, name: b.name });
      }
      if (seenBox.has(b.id)) continue;
      seenBox.add(b.id);
      result.internal.push({ mailbox: b, role });
    }
    result.shown[role].push(...groupShown);
    for (const a of addresses) {
      if (a.endsWith(`@${domain}`)) continue;
      if (!result.shown[role].some((s) => s.address === a)) result.shown[role].push({ address: a, name: null });
      if (seenAddress.has(a)) continue;
      seenAddress.add(a);
      result.external.push({ address: a, role });
    }
  }
  if (unknown.length > 0) throw errors.unknownRecipient([...new Set(unknown)]);
  return result;
}
