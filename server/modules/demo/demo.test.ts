import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { type DemoSeedResult, seedDemo } from './demo.service';

describe.each(testEngines())('demo organization (%s)', (engine) => {
  let t: TestApp;
  let demo: DemoSeedResult;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-demo-'));
    t = await createTestApp(engine, { env: { DEMO_MODE: 'true', DATA_DIR: dataDir } });
    demo = await seedDemo(t.deps, t.services);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('models the article: the committee, its bodies, 68 grassroots organizations and 56 people', async () => {
    const db = t.deps.database.db;
    const all = await db
      .selectFrom('organizations')
      .select(['type', 'name', 'parent_id', 'reach', 'national_id'])
      .execute();
    // Three offices outside, reached through the exchange platform, each with its identifier.
    expect(
      all
        .filter((o) => o.reach !== 'inside')
        .map((o) => [o.name, o.reach, o.national_id])
        .sort(),
    ).toEqual([
      ['Tỉnh ủy Hà Giang', 'platform', 'DCS.H17.00.TU'],
      ['Văn phòng Trung ương Đảng', 'platform', 'DCS.000.00.VPTW'],
      ['Ủy ban nhân dân tỉnh Hà Giang', 'platform', '000.00.00.H17'],
    ]);
    const orgs = all.filter((o) => o.reach === 'inside');
    const grassroots = orgs.filter((o) => o.type === 'grassroots_committee' || o.type === 'party_cell');
    expect(grassroots).toHaveLength(68);
    expect(orgs.filter((o) => o.parent_id === null).map((o) => o.name)).toEqual(['Huyện ủy Đồng Văn']);
    for (const type of ['standing_committee', 'executive_committee', 'office', 'board', 'inspection_commission']) {
      expect(orgs.some((o) => o.type === type)).toBe(true);
    }
    const people = await db.selectFrom('people').select(['full_name', 'mailbox', 'phone']).execute();
    expect(people).toHaveLength(56);
    expect(new Set(people.map((p) => p.mailbox)).size).toBe(56);
    expect(people.every((p) => p.phone?.startsWith('84'))).toBe(true);
    const groups = await db.selectFrom('distribution_groups').select('name').orderBy('name').execute();
    expect(groups.map((g) => g.name)).toEqual([
      'Bí thư các chi bộ, đảng bộ cơ sở',
      'Ủy viên Ban Chấp hành',
      'Ủy viên Ban Thường vụ',
    ]);
  });

  it('gives an account for every role, each able to sign in, listed on the sign-in page in demo mode', async () => {
    expect(demo.accounts.map((a) => `${a.username}:${a.role}`).sort()).toEqual(
      [
        'quantri:admin',
        'vanthu:clerk',
        'lanhdao:leader',
        'chuyenvien:specialist',
        'uyvien:member',
        'kiemtra:inspector',
        'vanthuxa:clerk',
        'bithuxa:leader',
      ].sort(),
    );
    for (const account of demo.accounts) await signIn(t, account);
    const config = await t.app.inject({ url: '/api/auth/config' });
    expect(config.json()).toMatchObject({ demoMode: true, organizationName: 'Huyện ủy Đồng Văn' });
    expect(config.json().demoAccounts).toHaveLength(8);
  });

  it('fills the registers, the work queues and what waits for the commune clerk', async () => {
    const { auth, documents } = t.services;
    const userId = async (username: string) =>
      (
        await t.deps.database.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id;
    const as = async (username: string) => auth.actorFor(await userId(username));
    expect((await documents.documents.queueCounts(await as('lanhdao'))).toDirect).toBe(1);
    expect((await documents.documents.queueCounts(await as('chuyenvien'))).toHandle).toBe(1);
    const incoming = await documents.documents.listDocuments(await as('vanthu'), {
      direction: 'incoming',
      sort: 'newest',
      page: 1,
      pageSize: 20,
    });
    expect(incoming.total).toBe(3);
    // The dispatch went to the commune, the one organization with a clerk to receive it.
    const inbox = await documents.deliveries.inbox(await as('vanthuxa'));
    expect(inbox.items.map((i) => i.numberText)).toEqual(['01-CV/HU']);
    const deliveries = await t.deps.database.db
      .selectFrom('document_deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(deliveries.n)).toBe(1);

    // A Standing Committee meeting is out: the member invited to sit in has it, unanswered.
    const mine = await t.services.meetings.lists.list(await as('uyvien'), { scope: 'mine', page: 1, pageSize: 20 });
    expect(mine.items).toEqual([
      expect.objectContaining({
        body: 'standing_committee',
        status: 'invited',
        myReply: 'pending',
        invitationNumber: '01-GM/HU',
      }),
    ]);
    const organized = await t.services.meetings.lists.list(await as('vanthu'), {
      scope: 'organized',
      page: 1,
      pageSize: 20,
    });
    expect(organized.items.map((m) => m.status).sort()).toEqual(['draft', 'invited']);

    // This week's Standing Committee schedule is published, for everyone to see.
    const monday = await t.deps.database.db.selectFrom('schedules').select(['week_start', 'status']).execute();
    expect(monday).toEqual([expect.objectContaining({ status: 'published' })]);
    const week = await t.services.schedules.reader.week(await as('uyvien'), { week: monday[0]?.week_start as string });
    expect(week.schedules[0]?.items).toHaveLength(10);
  });

  it("gives the Inspection Commission a year's programme and cases its officer alone sees", async () => {
    const as = async (username: string) => {
      const user = await t.deps.database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      return t.services.auth.actorFor(user.id);
    };
    const { inspection } = t.services;
    const officer = await as('kiemtra');
    const list = await inspection.cases.list(officer, { page: 1, pageSize: 20 });
    expect(list.items.map((c) => [c.kind, c.status]).sort()).toEqual([
      ['denunciation', 'open'],
      ['finance', 'closed'],
      ['supervision_thematic', 'open'],
    ]);
    const programme = await inspection.programmes.view(officer, {});
    expect(programme.totals).toEqual({ planned: 4, started: 2, closed: 1 });
    // Confidential: not even the committee's secretary sees the cases.
    expect((await inspection.cases.list(await as('lanhdao'), { page: 1, pageSize: 20 })).total).toBe(0);
  });

  it('loads only into an empty database', async () => {
    expect((await seedDemo(t.deps, t.services)).seeded).toBe(false);
  });
});
