import type { AuthConfig } from '../../../common/schemas/auth';
import { ROLE_LABELS, type Role, roleSchema } from '../../../common/schemas/roles';
import type { PlatformDeps } from '../../platform/deps';
import type { SystemCaller } from '../../platform/security/actor';
import type { DirectoryService } from '../directory/directory.contract';
import type { DocumentsModule } from '../documents/documents.contract';
import type { AuthService, UsersService } from '../identity/identity.contract';
import type { InspectionModule } from '../inspection/inspection.contract';
import type { MailboxModule } from '../mailbox/mailbox.contract';
import type { MeetingsModule } from '../meetings/meetings.contract';
import type { SchedulesModule } from '../schedules/schedules.contract';
import {
  DEMO_BODIES,
  DEMO_GRASSROOTS,
  DEMO_OUTSIDE,
  DEMO_POSITIONS,
  DEMO_ROOT,
  demoName,
  mailboxLocal,
} from './demo.data';
import * as repo from './demo.repository';
import { seedDemoDocuments } from './demo-documents.service';
import { seedDemoInspection } from './demo-inspection.service';
import { seedDemoMail } from './demo-mail.service';
import { seedDemoMeetings } from './demo-meetings.service';
import { seedDemoSchedule } from './demo-schedule.service';
import {
  type DemoSecret,
  demoPassword,
  demoSecretCheck,
  ensureDemoSecret,
  matchesCheck,
  readDemoSecret,
} from './demo-secret.service';

const DEMO_CALLER: SystemCaller = {
  system: true,
  audit: { userId: null, name: 'Dữ liệu mẫu', ip: null, userAgent: null },
};

/** The commune whose office shows the receiving side of the exchange. */
const DEMO_COMMUNE = 'Đảng bộ xã Lũng Cú';

/** One account per role; the person index says who among the 56 holds it. */
const DEMO_ACCOUNTS: { username: string; role: Role; person: number; org: string }[] = [
  { username: 'quantri', role: 'admin', person: 30, org: 'HUDV' },
  // The Office's clerk and specialists keep the committee's registers and draft in its name.
  { username: 'vanthu', role: 'clerk', person: 29, org: 'HUDV' },
  { username: 'lanhdao', role: 'leader', person: 0, org: 'HUDV' },
  { username: 'chuyenvien', role: 'specialist', person: 31, org: 'HUDV' },
  { username: 'uyvien', role: 'member', person: 11, org: 'BCHHU' },
  { username: 'kiemtra', role: 'inspector', person: 42, org: 'UBKTHU' },
  // A commune Party committee's clerk and secretary, who receive what the committee sends.
  { username: 'vanthuxa', role: 'clerk', person: -1, org: DEMO_COMMUNE },
  { username: 'bithuxa', role: 'leader', person: -2, org: DEMO_COMMUNE },
];

/** A demo account as the database keeps it: never its password. */
export interface DemoAccount {
  username: string;
  role: Role;
  label: string;
}

/** A demo account with its password, said only to the machine that loaded the demo. */
export interface DemoCredential extends DemoAccount {
  password: string;
}

export interface DemoSeedResult {
  seeded: boolean;
  organizations: number;
  people: number;
  accounts: DemoCredential[];
}

export async function isDatabaseEmpty(deps: PlatformDeps): Promise<boolean> {
  return repo.hasNoOrganization(deps.database.db);
}

/** Loads the demo organization into an empty database; does nothing otherwise. */
export async function seedDemo(
  deps: PlatformDeps,
  services: {
    directory: DirectoryService;
    users: UsersService;
    auth: AuthService;
    documents: DocumentsModule;
    meetings: MeetingsModule;
    schedules: SchedulesModule;
    mailbox: MailboxModule;
    inspection: InspectionModule;
  },
): Promise<DemoSeedResult> {
  if (!(await isDatabaseEmpty(deps))) return { seeded: false, organizations: 0, people: 0, accounts: [] };
  const { directory, users } = services;
  // Every address of the demo is on the installation's own mail domain, the one its
  // mailboxes live on, so the directory, its export and the mailbox agree.
  const MAIL_DOMAIN = deps.config.mail.domain;
  const root = await directory.createOrganization(DEMO_CALLER, {
    ...DEMO_ROOT,
    mailbox: `${DEMO_ROOT.mailbox.split('@')[0]}@${MAIL_DOMAIN}`,
    parentId: null,
    sortOrder: 0,
  });
  const orgIds = new Map<string, string>([[DEMO_ROOT.code, root.id]]);
  for (const [i, body] of DEMO_BODIES.entries()) {
    const org = await directory.createOrganization(DEMO_CALLER, {
      ...body,
      parentId: root.id,
      mailbox: `${body.code.toLowerCase()}@${MAIL_DOMAIN}`,
      sortOrder: i + 1,
    });
    orgIds.set(body.code, org.id);
  }
  for (const [i, outside] of DEMO_OUTSIDE.entries()) {
    await directory.createOrganization(DEMO_CALLER, {
      ...outside,
      type: 'other',
      parentId: null,
      reach: 'platform',
      sortOrder: 1000 + i,
    });
  }
  const grassroots: string[] = [];
  for (const [i, cell] of DEMO_GRASSROOTS.entries()) {
    const org = await directory.createOrganization(DEMO_CALLER, {
      ...cell,
      parentId: root.id,
      mailbox: `${cell.code.toLowerCase()}@${MAIL_DOMAIN}`,
      sortOrder: 100 + i,
    });
    grassroots.push(org.id);
    orgIds.set(cell.name, org.id);
  }

  const standing: string[] = [];
  const executive: string[] = [];
  const personIds: string[] = [];
  for (const [i, seat] of DEMO_POSITIONS.entries()) {
    const fullName = demoName(i);
    const local = mailboxLocal(fullName, i);
    const bodyId = orgIds.get(seat.body) ?? root.id;
    const memberships = [{ organizationId: bodyId, position: seat.position, isPrimary: true }];
    if (seat.executive && seat.body !== 'BCHHU') {
      memberships.push({ organizationId: orgIds.get('BCHHU') ?? root.id, position: 'Huyện ủy viên', isPrimary: false });
    }
    const person = await directory.createPerson(DEMO_CALLER, {
      fullName,
      position: seat.position,
      phone: `0912${String(100_000 + i * 137).slice(-6)}`,
      email: `${local}@${MAIL_DOMAIN}`,
      mailbox: `${local}@${MAIL_DOMAIN}`,
      memberships,
    });
    personIds.push(person.id);
    if (seat.standing) standing.push(person.id);
    if (seat.executive) executive.push(person.id);
  }

  const standingGroup = await directory.createGroup(DEMO_CALLER, {
    ownerOrganizationId: root.id,
    name: 'Ủy viên Ban Thường vụ',
    description: 'Các đồng chí Ủy viên Ban Thường vụ Huyện ủy',
    members: standing.map((id) => ({ kind: 'person' as const, id })),
  });
  const executiveGroup = await directory.createGroup(DEMO_CALLER, {
    ownerOrganizationId: root.id,
    name: 'Ủy viên Ban Chấp hành',
    description: 'Các đồng chí Huyện ủy viên',
    members: executive.map((id) => ({ kind: 'person' as const, id })),
  });
  const grassrootsGroup = await directory.createGroup(DEMO_CALLER, {
    ownerOrganizationId: root.id,
    name: 'Bí thư các chi bộ, đảng bộ cơ sở',
    description: 'Gửi đến hòm thư của 68 tổ chức cơ sở đảng',
    members: grassroots.map((id) => ({ kind: 'organization' as const, id })),
  });

  const secret = ensureDemoSecret(deps.config.dataDir);
  const accounts: DemoCredential[] = [];
  const userIds = new Map<string, string>();
  for (const spec of DEMO_ACCOUNTS) {
    const password = demoPassword(secret, spec.username);
    const seat = DEMO_POSITIONS[spec.person];
    const orgId = orgIds.get(spec.org) ?? root.id;
    const account = await users.create(DEMO_CALLER, {
      username: spec.username,
      email: null,
      // Accounts beyond the 56 mailbox holders get names of their own, not linked to a person.
      fullName: seat ? demoName(spec.person) : demoName(200 - spec.person),
      position: seat?.position ?? (spec.role === 'clerk' ? `Văn thư ${spec.org}` : `Bí thư ${spec.org}`),
      personId: personIds[spec.person] ?? null,
      password,
      mustChangePassword: false,
      roles: [
        { organizationId: orgId, role: spec.role },
        // Everyone in the demo also receives meeting papers as a member.
        ...(spec.role === 'member' ? [] : [{ organizationId: orgId, role: 'member' as const }]),
      ],
    });
    accounts.push({ username: spec.username, password, role: spec.role, label: ROLE_LABELS[spec.role] });
    userIds.set(spec.username, account.id);
  }

  const actor = (username: string) => services.auth.actorFor(userIds.get(username) ?? '');
  const { outgoingRegisterId } = await seedDemoDocuments(deps, services.documents, {
    clerk: await actor('vanthu'),
    leader: await actor('lanhdao'),
    specialist: await actor('chuyenvien'),
    communeClerk: await actor('vanthuxa'),
    rootId: root.id,
    communeId: orgIds.get(DEMO_COMMUNE) ?? root.id,
    grassrootsGroupId: grassrootsGroup.id,
  });
  await seedDemoMeetings(deps, services.meetings, {
    clerk: await actor('vanthu'),
    leader: await actor('lanhdao'),
    rootId: root.id,
    outgoingRegisterId,
    standingGroupId: standingGroup.id,
    executiveGroupId: executiveGroup.id,
    secretaryPersonId: personIds[29] ?? null,
    guestPersonId: personIds[11] ?? null,
  });
  await seedDemoSchedule(deps, services.schedules, {
    clerk: await actor('vanthu'),
    leader: await actor('lanhdao'),
    rootId: root.id,
  });

  await seedDemoMail(deps, services.mailbox, {
    clerk: await actor('vanthu'),
    leader: await actor('lanhdao'),
    rootId: root.id,
    standingGroupId: standingGroup.id,
  });
  await seedDemoInspection(deps, services.inspection, {
    officer: await actor('kiemtra'),
    commissionId: orgIds.get('UBKTHU') ?? root.id,
    communeId: orgIds.get(DEMO_COMMUNE) ?? root.id,
    cellId: grassroots[1] ?? root.id,
  });

  await deps.transact(async ({ trx }) => {
    await repo.insertMeta(trx, [
      {
        key: 'demo_accounts',
        value: JSON.stringify(accounts.map(({ username, role, label }) => ({ username, role, label }))),
      },
      { key: 'demo_secret_check', value: demoSecretCheck(secret) },
      { key: 'organization_name', value: DEMO_ROOT.name },
    ]);
  });
  return {
    seeded: true,
    organizations: 1 + DEMO_BODIES.length + DEMO_GRASSROOTS.length,
    people: DEMO_POSITIONS.length,
    accounts,
  };
}

interface DemoState {
  organizationName: string;
  accounts: DemoAccount[];
  /** The local secret, when it is the one the demo's passwords were derived from. */
  secret: DemoSecret | null;
}

async function readDemoState(deps: PlatformDeps, withSecret: boolean): Promise<DemoState> {
  const rows = await repo.readMeta(deps.database.db, ['demo_accounts', 'demo_secret_check', 'organization_name']);
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const check = map.get('demo_secret_check');
  const secret = withSecret && check ? readDemoSecret(deps.config.dataDir) : null;
  return {
    organizationName: map.get('organization_name') ?? 'VanPhong',
    accounts: parseAccounts(map.get('demo_accounts')),
    secret: secret && check && matchesCheck(secret, check) ? secret : null,
  };
}

/** Only the fields meant to be shown, whatever an older version wrote. */
function parseAccounts(json: string | undefined): DemoAccount[] {
  if (!json) return [];
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((entry: { username?: unknown; role?: unknown; label?: unknown }) => {
    const role = roleSchema.safeParse(entry?.role);
    if (typeof entry?.username !== 'string' || !role.success) return [];
    return [{ username: entry.username, role: role.data, label: ROLE_LABELS[role.data] }];
  });
}

/**
 * The sign-in page's view of the demo. Passwords go only to a caller on the server's own
 * machine (`sameMachine`), only in demo mode, never with real settings; everyone else gets
 * the account names and is told the passwords are on the server's console.
 */
export function createDemoConfigView(deps: PlatformDeps) {
  return async (sameMachine: boolean): Promise<AuthConfig> => {
    const { config } = deps;
    const showDemo = config.demoMode && !config.realSettings;
    const state = await readDemoState(deps, showDemo && sameMachine);
    if (!showDemo) return { demoMode: false, organizationName: state.organizationName, demoAccounts: [] };
    const { secret } = state;
    return {
      demoMode: true,
      organizationName: state.organizationName,
      demoAccounts: state.accounts.map((a) => (secret ? { ...a, password: demoPassword(secret, a.username) } : a)),
    };
  };
}

/**
 * For the console at start: the demo accounts and, when this machine holds the secret they
 * were derived from, their passwords (null otherwise: an older installation whose published
 * passwords were withdrawn, or another machine sharing the database).
 */
export async function demoCredentials(
  deps: PlatformDeps,
): Promise<{ accounts: DemoAccount[]; credentials: DemoCredential[] | null }> {
  const { accounts, secret } = await readDemoState(deps, true);
  return {
    accounts,
    credentials: secret ? accounts.map((a) => ({ ...a, password: demoPassword(secret, a.username) })) : null,
  };
}
