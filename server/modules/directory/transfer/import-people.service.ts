import { emailSchema, personWriteSchema, phoneSchema } from '../../../../common/schemas/directory';
import type { ImportRow } from '../../../../common/schemas/directory-transfer';
import type { AuditEntry } from '../../../platform/audit/audit-log';
import type { Executor } from '../../../platform/db/database';
import { staleVersion } from '../../../platform/http/errors';
import { newId } from '../../../platform/ids';
import { diffFields } from '../directory-changes.rules';
import * as orgRepo from '../organizations/organizations.repository';
import * as repo from '../people/people.repository';
import { type MembershipInput, personSearchText } from '../people/people.service';
import { headerOf, PERSON_COLUMNS, type PersonColumn, type SourceRow } from './columns.rules';
import { type ImportContext, phoneFromCell, RowCheck, rejected } from './import-rows.rules';

const H = (key: PersonColumn) => headerOf(PERSON_COLUMNS, key);
const FIELD_COLUMNS: Record<string, PersonColumn> = {
  fullName: 'fullName',
  position: 'position',
  phone: 'phone',
  email: 'email',
  mailbox: 'mailbox',
};

const fieldsOf = (p: repo.PersonRow) => ({
  fullName: p.full_name,
  position: p.position,
  phone: p.phone,
  email: p.email,
  mailbox: p.mailbox,
});
const membershipKey = (m: MembershipInput) => `${m.organizationId}|${m.position ?? ''}|${m.isPrimary ? 1 : 0}`;
const sameMemberships = (a: readonly MembershipInput[], b: readonly MembershipInput[]) =>
  a.map(membershipKey).sort().join() === b.map(membershipKey).sort().join();

export interface PeopleImportPlan {
  reports: ImportRow[];
  creates: { row: repo.PersonRow; memberships: MembershipInput[] }[];
  updates: {
    before: repo.PersonRow;
    after: repo.PersonRow;
    memberships: { before: MembershipInput[]; after: MembershipInput[] } | null;
  }[];
}

function groupBy(rows: readonly repo.PersonRow[], key: 'email' | 'phone'): Map<string, repo.PersonRow[]> {
  const map = new Map<string, repo.PersonRow[]>();
  for (const row of rows) {
    const value = row[key];
    if (value) map.set(value, [...(map.get(value) ?? []), row]);
  }
  return map;
}

/**
 * Checks every row without writing. A person is matched by the "Mã định danh" column an
 * export writes, else by e-mail, else by phone; organizations are named by their codes,
 * the first being the person's primary one.
 */
export async function planPeopleImport(
  ctx: ImportContext,
  source: SourceRow<PersonColumn>[],
): Promise<PeopleImportPlan> {
  const orgs = new Map((await orgRepo.allOrganizations(ctx.ex)).map((o) => [o.code, o]));
  const ids = source.map((s) => s.get('id')).filter((v): v is string => !!v);
  const emails = source.map((s) => s.get('email')?.toLowerCase()).filter((v): v is string => !!v);
  const phones = source
    .map((s) => phoneSchema.safeParse(phoneFromCell(s.get('phone') ?? '')).data)
    .filter((v): v is string => !!v);
  const known = new Map<string, repo.PersonRow>();
  for (const column of ['id', 'email', 'phone'] as const) {
    const values = column === 'id' ? ids : column === 'email' ? emails : phones;
    for (const row of await repo.findPeopleBy(ctx.ex, column, values)) known.set(row.id, row);
  }
  const byEmail = groupBy([...known.values()], 'email');
  const byPhone = groupBy([...known.values()], 'phone');
  const currentMemberships = await repo.membershipsOf(ctx.ex, [...known.keys()]);

  const orgPath = new Map([...orgs.values()].map((o) => [o.id, o.path]));
  const reports: ImportRow[] = [];
  const plan: PeopleImportPlan = { reports, creates: [], updates: [] };
  const matchedOn = new Map<string, number>();
  const emailOn = new Map<string, number>();
  const phoneOn = new Map<string, number>();

  for (const src of source) {
    const check = new RowCheck();
    const fullName = check.field(personWriteSchema.shape.fullName, src.get('fullName') ?? '', H('fullName'));
    const position = check.optional(personWriteSchema.shape.position, src.get('position'), H('position'));
    const rawPhone = src.get('phone');
    const phone = check.optional(phoneSchema, rawPhone === undefined ? undefined : phoneFromCell(rawPhone), H('phone'));
    const email = check.optional(emailSchema, src.get('email'), H('email'));
    const mailbox = check.optional(emailSchema, src.get('mailbox'), H('mailbox'));

    let memberships: MembershipInput[] | undefined;
    const codesCell = src.get('organizationCodes');
    if (codesCell !== undefined) {
      const codes = [...new Set(codesCell.split(/[,;\s]+/).filter(Boolean))];
      const unknown = codes.filter((c) => !orgs.has(c));
      if (unknown.length > 0) {
        check.add(
          H('organizationCodes'),
          `Không có tổ chức mã ${unknown.map((c) => `“${c}”`).join(', ')} trong danh bạ.`,
        );
      }
      memberships = codes.flatMap((c, i) => {
        const org = orgs.get(c);
        return org ? [{ organizationId: org.id, position: null, isPrimary: i === 0 }] : [];
      });
    }

    // Whom the row is about.
    let person: repo.PersonRow | undefined;
    const id = src.get('id');
    if (id) {
      person = known.get(id);
      if (!person) check.add(H('id'), 'Không có người nào mang mã định danh này. Để trống để thêm người mới.');
    } else if (email && byEmail.has(email)) {
      person = byEmail.get(email)?.[0];
    } else if (phone) {
      const samePhone = byPhone.get(phone) ?? [];
      if (samePhone.length > 1) {
        check.add(
          H('phone'),
          `Có ${samePhone.length} người cùng số điện thoại này. Hãy ghi thư điện tử hoặc mã định danh.`,
        );
      }
      person = samePhone.length === 1 ? samePhone[0] : undefined;
    }
    if (person && matchedOn.has(person.id)) {
      check.add(null, `Trùng người với dòng ${matchedOn.get(person.id)}.`);
    }
    if (email) {
      const owner = byEmail.get(email)?.find((p) => p.id !== person?.id);
      if (emailOn.has(email)) check.add(H('email'), `Thư điện tử này đã có ở dòng ${emailOn.get(email)}.`);
      else if (owner) check.add(H('email'), `Thư điện tử này đã gắn với ${owner.full_name} trong danh bạ.`);
    }
    if (!person && !email && phone && phoneOn.has(phone)) {
      check.add(H('phone'), `Số điện thoại này đã có ở dòng ${phoneOn.get(phone)}.`);
    }
    const key = fullName ?? src.get('fullName') ?? '';
    if (check.failed || !fullName) {
      reports.push(rejected(src.line, key, check, person ? 'update' : 'create'));
      continue;
    }

    const current = person ? (currentMemberships.get(person.id) ?? []) : [];
    const paths = (ms: readonly MembershipInput[]) => ms.map((m) => orgPath.get(m.organizationId) ?? '');
    let nextMemberships: MembershipInput[] | null = null;
    if (person) {
      if (!ctx.can('update', { kind: 'person', organizationPaths: current.map((m) => m.organizationPath) })) {
        check.add(null, `Bạn không có quyền sửa thông tin ${person.full_name}.`);
      }
      if (memberships) {
        const before = current.map((m) => ({
          organizationId: m.organizationId,
          position: m.position,
          isPrimary: m.isPrimary,
        }));
        // Keep the positions already recorded in organizations the person stays in.
        const after = memberships.map((m) => ({
          ...m,
          position: before.find((b) => b.organizationId === m.organizationId)?.position ?? null,
        }));
        const oldIds = new Set(before.map((m) => m.organizationId));
        const newIds = new Set(after.map((m) => m.organizationId));
        const changedOrgs = [
          ...before.filter((m) => !newIds.has(m.organizationId)),
          ...after.filter((m) => !oldIds.has(m.organizationId)),
        ];
        const denied = changedOrgs.filter(
          (m) => !ctx.can('update', { kind: 'person', organizationPaths: [orgPath.get(m.organizationId) ?? ''] }),
        );
        if (denied.length > 0)
          check.add(H('organizationCodes'), 'Bạn không có quyền thêm người vào hoặc đưa người ra khỏi tổ chức này.');
        if (!sameMemberships(before, after)) nextMemberships = after;
      }
    } else if (!ctx.can('create', { kind: 'person', organizationPaths: paths(memberships ?? []) })) {
      check.add(H('organizationCodes'), 'Bạn không có quyền thêm người vào các tổ chức này.');
    }
    if (check.failed) {
      reports.push(rejected(src.line, key, check, person ? 'update' : 'create'));
      continue;
    }

    const row: repo.PersonRow = {
      id: person?.id ?? newId(),
      full_name: fullName,
      position: position === undefined ? (person?.position ?? null) : position,
      phone: phone === undefined ? (person?.phone ?? null) : phone,
      email: email === undefined ? (person?.email ?? null) : email,
      mailbox: mailbox === undefined ? (person?.mailbox ?? null) : mailbox,
      search_text: '',
      version: person?.version ?? 1,
      created_at: person?.created_at ?? ctx.now,
      updated_at: ctx.now,
    };
    row.search_text = personSearchText(row);
    matchedOn.set(row.id, src.line);
    if (row.email) emailOn.set(row.email, src.line);
    if (row.phone) phoneOn.set(row.phone, src.line);

    if (person) {
      const changed = diffFields(fieldsOf(person), fieldsOf(row)).changed.map((f) => H(FIELD_COLUMNS[f] ?? 'fullName'));
      if (nextMemberships) changed.push(H('organizationCodes'));
      if (changed.length > 0) {
        plan.updates.push({
          before: person,
          after: row,
          memberships: nextMemberships
            ? {
                before: current.map((m) => ({
                  organizationId: m.organizationId,
                  position: m.position,
                  isPrimary: m.isPrimary,
                })),
                after: nextMemberships,
              }
            : null,
        });
      }
      reports.push({ row: src.line, status: 'valid', key, action: 'update', changes: changed, errors: [] });
    } else {
      plan.creates.push({ row, memberships: memberships ?? [] });
      reports.push({ row: src.line, status: 'valid', key, action: 'create', changes: [], errors: [] });
    }
  }
  return plan;
}

export async function applyPeopleImport(
  ex: Executor,
  plan: PeopleImportPlan,
  audit: (entry: AuditEntry) => Promise<void>,
): Promise<void> {
  const membershipRows = (personId: string, ms: readonly MembershipInput[]) =>
    ms.map((m) => ({
      person_id: personId,
      organization_id: m.organizationId,
      position: m.position,
      is_primary: m.isPrimary ? 1 : 0,
    }));
  await repo.insertPeople(
    ex,
    plan.creates.map((c) => c.row),
  );
  await repo.insertMemberships(
    ex,
    plan.creates.flatMap((c) => membershipRows(c.row.id, c.memberships)),
  );
  for (const u of plan.updates) {
    const { id, created_at: _c, version, ...patch } = u.after;
    // Planned in this transaction; a concurrent edit since then makes the import start over.
    if (!(await repo.updatePersonVersioned(ex, id, version, patch))) throw staleVersion('Danh bạ');
    if (u.memberships) await repo.replaceMemberships(ex, id, membershipRows(id, u.memberships.after));
  }
  for (const c of plan.creates) {
    await audit({
      action: 'directory.person_created',
      entityType: 'person',
      entityId: c.row.id,
      summary: `Thêm ${c.row.full_name} vào danh bạ (nhập từ tệp)`,
      data: { ...fieldsOf(c.row), memberships: c.memberships, source: 'import' },
    });
  }
  for (const u of plan.updates) {
    const diff = diffFields(fieldsOf(u.before), fieldsOf(u.after));
    await audit({
      action: 'directory.person_updated',
      entityType: 'person',
      entityId: u.after.id,
      summary: `Sửa thông tin ${u.after.full_name} trong danh bạ (nhập từ tệp)`,
      data: {
        before: { ...diff.before, ...(u.memberships ? { memberships: u.memberships.before } : {}) },
        after: { ...diff.after, ...(u.memberships ? { memberships: u.memberships.after } : {}) },
        source: 'import',
      },
    });
  }
}
