import type { Role } from '../../common/schemas/roles';
import { newId } from '../platform/ids';
import { type Client, client, makeOffice, ok } from './documents';
import { type OrgFixture, SYSTEM, sessionFor } from './factories';
import type { TestApp } from './harness';

let n = 0;

/** A person of the directory with an account, as delegates are: invitations reach them through the person. */
export async function makeDelegate(t: TestApp, org: OrgFixture, fullName: string, role: Role = 'member') {
  const personId = newId();
  const at = new Date().toISOString();
  await t.deps.database.db
    .insertInto('people')
    .values({
      id: personId,
      full_name: fullName,
      position: 'Ủy viên Ban Thường vụ',
      phone: null,
      email: null,
      mailbox: null,
      search_text: fullName,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await t.deps.database.db
    .insertInto('memberships')
    .values({ person_id: personId, organization_id: org.id, position: null, is_primary: 1 })
    .execute();
  const username = `daibieu${Date.now().toString(36)}${n++}`;
  const password = `Mat-khau-${username}`;
  const view = await t.services.users.create(SYSTEM, {
    username,
    email: null,
    fullName,
    password,
    mustChangePassword: false,
    personId,
    roles: [{ organizationId: org.id, role }],
  });
  return {
    id: view.id,
    personId,
    fullName,
    username,
    password,
    api: client(t, await sessionFor(t, { id: view.id })),
  };
}

/** The office of makeOffice, a meeting register and three delegates of the committee. */
export async function makeMeetingWorld(t: TestApp) {
  const o = await makeOffice(t);
  const delegates = [
    await makeDelegate(t, o.committee, 'Sùng Mí Ủy Viên'),
    await makeDelegate(t, o.committee, 'Vừ Thị Đại Biểu'),
    await makeDelegate(t, o.committee, 'Thào Mí Thư Ký'),
  ];
  return { ...o, delegates };
}

export type MeetingWorld = Awaited<ReturnType<typeof makeMeetingWorld>>;

/** Monday 30 November 2026, 08:00–11:30 in Vietnam: after the test clock's 25 November. */
export const MEETING_TIME = { startsAt: '2026-11-30T08:00:00+07:00', endsAt: '2026-11-30T11:30:00+07:00' };

export function meetingInput(w: MeetingWorld, extra: Record<string, unknown> = {}) {
  return {
    organizationId: w.committee.id,
    body: 'standing_committee',
    title: 'Hội nghị Ban Thường vụ Huyện ủy tháng 11/2026',
    chairName: 'Đồng chí Bí thư Huyện ủy',
    ...MEETING_TIME,
    place: 'Phòng họp tầng 2, Huyện ủy Đồng Văn',
    content: 'Đề nghị các đồng chí nghiên cứu tài liệu trước khi họp.',
    signerName: 'Vàng Seo Lãnh Đạo',
    signerPosition: 'Phó Bí thư Thường trực',
    signerAuthority: 'T/M BAN THƯỜNG VỤ',
    agenda: [{ title: 'Báo cáo kết quả thực hiện nhiệm vụ năm 2026', presenterName: 'Văn phòng Huyện ủy' }],
    invitees: [
      { kind: 'person', id: w.delegates[0]?.personId, role: 'delegate' },
      { kind: 'person', id: w.delegates[1]?.personId, role: 'delegate' },
      { kind: 'person', id: w.delegates[2]?.personId, role: 'secretary' },
    ],
    ...extra,
  };
}

export async function createMeeting(api: Client, input: Record<string, unknown>): Promise<string> {
  return ok<{ id: string }>(await api.post('/api/meetings', input), 201).id;
}
