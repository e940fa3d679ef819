import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxView, MailItemView, MailListItem } from '../../../common/schemas/mail';
import { type Client, client, errorCode, makeOffice, ok, tinyPdf } from '../../test/documents';
import { makeOrganization, makeUser, sessionFor } from '../../test/factories';
import { createTestApp, type TestApp, TestClock, testEngines } from '../../test/harness';
import { createMeeting, makeDelegate, makeMeetingWorld, meetingInput } from '../../test/meetings';

describe.each(testEngines())('official mailboxes (%s)', (engine) => {
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestApp(engine, { clock, env: { MAIL_DOMAIN: 'dongvan.dang.vn', MAIL_MAX_MB: '1' } });
  });
  afterAll(async () => t.close());

  const boxes = async (api: Client) => ok<{ items: MailboxView[] }>(await api.get('/api/mail/mailboxes')).items;
  const own = async (api: Client) => (await boxes(api)).find((b) => b.kind !== 'organization') as MailboxView;
  const list = async (api: Client, box: string, query = 'folder=inbox') =>
    ok<{ items: MailListItem[]; total: number }>(await api.get(`/api/mail/mailboxes/${box}/messages?${query}`));
  const view = async (api: Client, item: string) => ok<MailItemView>(await api.get(`/api/mail/items/${item}`));
  const write = async (api: Client, body: Record<string, unknown>) =>
    ok<{ itemId: string }>(await api.post('/api/mail/messages', body), 201).itemId;

  async function world() {
    const o = await makeOffice(t);
    const a = await makeDelegate(t, o.committee, 'Sùng Mí Ủy Viên');
    const b = await makeDelegate(t, o.committee, 'Vừ Thị Đại Biểu');
    const office = (await boxes(o.clerk.api)).find((x) => x.kind === 'organization' && x.name === o.committee.name);
    return { ...o, a, b, office: office as MailboxView };
  }

  it('gives every organization and person a mailbox on the domain; a clerk also reads the office mailbox', async () => {
    const w = await world();
    const clerkBoxes = await boxes(w.clerk.api);
    expect(clerkBoxes.map((x) => x.kind).sort()).toEqual(['organization', 'user']);
    expect(w.office.address).toMatch(/@dongvan\.dang\.vn$/);
    expect(w.office.folders.map((f) => f.id)).toEqual(['inbox', 'sent', 'drafts', 'archive', 'trash']);
    const member = await boxes(w.a.api);
    expect(member).toHaveLength(1);
    expect(member[0]).toMatchObject({
      kind: 'person',
      name: 'Sùng Mí Ủy Viên',
      address: 'sungmiuyvien@dongvan.dang.vn',
    });
    // Someone else's mailbox is not found, not forbidden.
    const res = await w.a.api.get(`/api/mail/mailboxes/${w.office.id}/messages`);
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('mail.mailbox_not_found');
  });

  it('gives a mailbox at once to an organization, a person or an account added after the last look', async () => {
    const w = await world();
    await boxes(w.clerk.api);
    // An account without a person: the directory's version does not move, the accounts do.
    const account = await makeUser(t, [{ organization: w.committee, role: 'specialist' }], {
      fullName: 'Hờ A Chuyên Viên',
    });
    const accountApi = client(t, await sessionFor(t, account));
    expect((await boxes(accountApi)).map((b) => [b.kind, b.name])).toEqual([['user', 'Hờ A Chuyên Viên']]);
    // A person and an organization: the directory's version moves.
    const delegate = await makeDelegate(t, w.committee, 'Lầu Mí Mới');
    expect((await boxes(delegate.api)).map((b) => [b.kind, b.name])).toEqual([['person', 'Lầu Mí Mới']]);
    const commune = await makeOrganization(t, { parent: w.committee, name: 'Đảng ủy xã Sủng Là', abbreviation: 'ĐU' });
    const communeClerk = await makeUser(t, [{ organization: commune, role: 'clerk' }]);
    const communeBoxes = await boxes(client(t, await sessionFor(t, communeClerk)));
    expect(communeBoxes.filter((b) => b.kind === 'organization').map((b) => b.name)).toEqual(['Đảng ủy xã Sủng Là']);
  });

  it('sends to people and organizations once each, hides blind copies, and tells the readers', async () => {
    const w = await world();
    const from = await own(w.a.api);
    const upload = await w.a.api.upload('Báo cáo quý IV.pdf', tinyPdf('Bao cao quy IV'));
    const itemId = await write(w.a.api, {
      mailboxId: from.id,
      to: [
        { kind: 'person', id: w.b.personId },
        { kind: 'organization', id: w.committee.id },
      ],
      cc: [{ kind: 'address', address: `${w.office.address.toUpperCase()}` }],
      bcc: [{ kind: 'mailbox', id: (await own(w.clerk.api)).id }],
      subject: 'Báo cáo kết quả quý IV',
      text: 'Kính gửi các đồng chí báo cáo quý IV.',
      uploadIds: [upload],
    });
    const sent = await view(w.a.api, itemId);
    expect(sent).toMatchObject({ folder: 'sent', status: 'sent' });
    expect(sent.message.bcc).toHaveLength(1);
    expect(sent.message.attachments).toHaveLength(1);

    const inbox = await list(w.b.api, (await own(w.b.api)).id);
    expect(inbox.items.map((i) => i.subject)).toEqual(['Báo cáo kết quả quý IV']);
    expect(inbox.items[0]?.readAt).toBeNull();
    const got = await view(w.b.api, inbox.items[0]?.id as string);
    expect(got.message.bcc).toEqual([]);
    expect(got.message.to.map((x) => x.name)).toEqual(['Vừ Thị Đại Biểu', 'Huyện ủy Đồng Văn']);
    expect(got.actions).toEqual(expect.arrayContaining(['reply', 'forward']));
    // Named in To and Cc: the office mailbox holds one copy.
    expect((await list(w.clerk.api, w.office.id)).total).toBe(1);
    // The blind copy arrived too.
    expect((await list(w.clerk.api, (await own(w.clerk.api)).id)).total).toBe(1);

    const news = await t.deps.database.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'link'])
      .where('kind', '=', 'mail_received')
      .where('user_id', 'in', [w.b.id, w.clerk.id, w.leader.id, w.a.id])
      .execute();
    expect(news.map((n) => n.user_id).sort()).toEqual([w.b.id, w.clerk.id, w.clerk.id, w.leader.id].sort());
    // Opening marks read; the folder count follows.
    const bBox = (await boxes(w.b.api))[0] as MailboxView;
    expect(bBox.folders.find((f) => f.id === 'inbox')?.unread).toBe(0);
  });

  it('keeps replies in their thread and forwards attachments without storing them again', async () => {
    const w = await world();
    const aBox = await own(w.a.api);
    const bBox = await own(w.b.api);
    const upload = await w.a.api.upload('Dự thảo nghị quyết.pdf', tinyPdf('Du thao nghi quyet'));
    const first = await write(w.a.api, {
      mailboxId: aBox.id,
      to: [{ kind: 'mailbox', id: bBox.id }],
      subject: 'Góp ý dự thảo nghị quyết',
      text: 'Đề nghị đồng chí góp ý.',
      uploadIds: [upload],
    });
    const bItem = (await list(w.b.api, bBox.id)).items[0]?.id as string;
    await write(w.b.api, {
      mailboxId: bBox.id,
      to: [{ kind: 'mailbox', id: aBox.id }],
      subject: 'Trả lời: Góp ý dự thảo nghị quyết',
      text: 'Tôi nhất trí.',
      replyToItemId: bItem,
    });
    const reply = (await list(w.a.api, aBox.id)).items[0] as MailListItem;
    const firstView = await view(w.a.api, first);
    expect(reply.threadId).toBe(firstView.message.messageId);
    const thread = await view(w.a.api, reply.id);
    expect(thread.thread.map((m) => m.subject)).toEqual(['Góp ý dự thảo nghị quyết']);

    const blobs = async () =>
      Number(
        (
          await t.deps.database.db
            .selectFrom('blobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await blobs();
    const fwd = await write(w.b.api, {
      mailboxId: bBox.id,
      to: [{ kind: 'organization', id: w.committee.id }],
      subject: 'Chuyển tiếp: Góp ý dự thảo nghị quyết',
      text: '',
      forwardItemId: bItem,
    });
    expect((await view(w.b.api, fwd)).message.attachments.map((a) => a.fileName)).toEqual(['Dự thảo nghị quyết.pdf']);
    expect(await blobs()).toBe(before);
    // Someone outside the thread cannot open its attachment through another item.
    const att = (await view(w.b.api, fwd)).message.attachments[0]?.id;
    const res = await w.cellClerk.api.get(`/api/mail/items/${fwd}/attachments/${att}`);
    expect(res.statusCode).toBe(404);
    const file = await w.b.api.get(`/api/mail/items/${fwd}/attachments/${att}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    // Its digital signatures (none here), to the same readers only.
    expect(ok(await w.b.api.get(`/api/mail/items/${fwd}/attachments/${att}/signatures`))).toMatchObject({
      signed: false,
      signatures: [],
    });
    expect((await w.cellClerk.api.get(`/api/mail/items/${fwd}/attachments/${att}/signatures`)).statusCode).toBe(404);
  });

  it('searches with or without diacritics, and moves between folders', async () => {
    const w = await world();
    const aBox = await own(w.a.api);
    const bBox = await own(w.b.api);
    await write(w.a.api, {
      mailboxId: aBox.id,
      to: [{ kind: 'mailbox', id: bBox.id }],
      subject: 'Kế hoạch kiểm tra Đảng viên',
      text: 'Triển khai ở Đảng ủy xã Lũng Cú.',
    });
    await write(w.a.api, {
      mailboxId: aBox.id,
      to: [{ kind: 'mailbox', id: bBox.id }],
      subject: 'Lịch họp',
      text: 'Thứ Hai.',
    });
    expect((await list(w.b.api, bBox.id, 'q=lung%20cu')).items.map((i) => i.subject)).toEqual([
      'Kế hoạch kiểm tra Đảng viên',
    ]);
    expect((await list(w.b.api, bBox.id, 'q=K%E1%BA%BF%20ho%E1%BA%A1ch')).total).toBe(1);
    expect((await list(w.b.api, bBox.id, 'q=kiem%20tra%20dang')).total).toBe(1);

    const item = (await list(w.b.api, bBox.id, 'q=lich%20hop')).items[0]?.id as string;
    const folder = ok<{ id: string }>(
      await w.b.api.post(`/api/mail/mailboxes/${bBox.id}/folders`, { name: 'Việc cần làm' }),
      201,
    );
    const again = await w.b.api.post(`/api/mail/mailboxes/${bBox.id}/folders`, { name: 'viec can lam' });
    expect(errorCode(again)).toBe('mail.folder_exists');
    ok(await w.b.api.post(`/api/mail/items/${item}/move`, { folder: folder.id }), 204);
    expect((await list(w.b.api, bBox.id, `folder=${folder.id}`)).total).toBe(1);
    const busy = await w.b.api.delete(`/api/mail/mailboxes/${bBox.id}/folders/${folder.id}`);
    expect(errorCode(busy)).toBe('mail.folder_not_empty');

    // Deleting for good only from the bin; the sender keeps their copy.
    const del = (url: string) => w.b.api.delete(url);
    expect(errorCode(await del(`/api/mail/items/${item}`))).toBe('mail.not_in_trash');
    ok(await w.b.api.post(`/api/mail/items/${item}/move`, { folder: 'trash' }), 204);
    expect((await del(`/api/mail/items/${item}`)).statusCode).toBe(204);
    expect((await w.b.api.get(`/api/mail/items/${item}`)).statusCode).toBe(404);
    expect((await list(w.a.api, aBox.id, 'folder=sent')).total).toBe(2);
    // Unread marks.
    const other = (await list(w.b.api, bBox.id)).items[0]?.id as string;
    ok(await w.b.api.post(`/api/mail/items/${other}/read`, { read: false }), 204);
    expect((await list(w.b.api, bBox.id, 'unread=true')).total).toBe(1);
  });

  it('saves a draft, refuses a stale edit, then sends it', async () => {
    const w = await world();
    const aBox = await own(w.a.api);
    const bBox = await own(w.b.api);
    const draft = await write(w.a.api, { mailboxId: aBox.id, subject: 'Nháp', text: 'Chưa xong', draft: true });
    const d = await view(w.a.api, draft);
    expect(d).toMatchObject({ status: 'draft', folder: 'drafts', version: 1 });
    expect((await list(w.a.api, aBox.id, 'folder=drafts')).total).toBe(1);
    const body = {
      to: [{ kind: 'mailbox', id: bBox.id }],
      cc: [],
      bcc: [],
      subject: 'Thông báo',
      text: 'Đã xong.',
      uploadIds: [],
    };
    ok(await w.a.api.put(`/api/mail/items/${draft}/draft`, { ...body, version: 1 }));
    const stale = await w.a.api.put(`/api/mail/items/${draft}/draft`, { ...body, version: 1, send: true });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('common.stale_version');
    expect((await view(w.a.api, draft)).draft?.to).toEqual([{ kind: 'mailbox', id: bBox.id }]);
    ok(await w.a.api.put(`/api/mail/items/${draft}/draft`, { ...body, version: 2, send: true }));
    expect(await view(w.a.api, draft)).toMatchObject({ status: 'sent', folder: 'sent' });
    expect((await list(w.b.api, bBox.id)).items.map((i) => i.subject)).toEqual(['Thông báo']);
    const again = await w.a.api.put(`/api/mail/items/${draft}/draft`, { ...body, version: 3 });
    expect(errorCode(again)).toBe('mail.not_draft');
  });

  it('refuses bad input with a clear reason and keeps nothing half-written', async () => {
    const w = await world();
    const aBox = await own(w.a.api);
    const bBox = await own(w.b.api);
    const base = { mailboxId: aBox.id, subject: 'Thử', text: 'Nội dung' };
    const cases: [Record<string, unknown>, string][] = [
      [{ to: [{ kind: 'address', address: 'khongco@dongvan.dang.vn' }] }, 'mail.unknown_recipient'],
      [{ to: [{ kind: 'address', address: 'sai dia chi@@' }] }, 'mail.invalid_address'],
      [{ to: [{ kind: 'mailbox', id: bBox.id }], subject: 'Thử\r\nBcc: ai@ngoai.vn' }, 'mail.header_injection'],
      [{ to: [] }, 'mail.no_recipients'],
      [{ to: [{ kind: 'person', id: 'khong-ton-tai' }] }, 'mail.unknown_recipient'],
      [{ mailboxId: w.office.id, to: [{ kind: 'mailbox', id: bBox.id }] }, 'mail.mailbox_not_found'],
    ];
    for (const [extra, code] of cases) {
      const res = await w.a.api.post('/api/mail/messages', { ...base, ...extra });
      expect([400, 404]).toContain(res.statusCode);
      expect(errorCode(res)).toBe(code);
    }
    // Over the 1 MB limit of this server: refused, the upload is still the sender's to use.
    const big = await w.a.api.upload('Phụ lục.pdf', tinyPdf(`Phu luc ${'x'.repeat(1_100_000)}`));
    const tooBig = await w.a.api.post('/api/mail/messages', {
      ...base,
      to: [{ kind: 'mailbox', id: bBox.id }],
      uploadIds: [big],
    });
    expect(errorCode(tooBig)).toBe('mail.too_large');
    expect((await t.deps.files.findUpload(w.a.id, big)).id).toBe(big);
    expect((await list(w.b.api, bBox.id)).total).toBe(0);
    expect((await list(w.a.api, aBox.id, 'folder=sent')).total).toBe(0);
    // Scripts and event handlers are dropped from rich text.
    const rich = await write(w.a.api, {
      ...base,
      to: [{ kind: 'mailbox', id: bBox.id }],
      text: '',
      html: '<p onclick="steal()">Kính gửi <b>đồng chí</b></p><script>alert(1)</script><a href="javascript:alert(1)">x</a><img src="http://ngoai.vn/t.png">',
    });
    const shown = (await view(w.a.api, rich)).message;
    expect(shown.html).toBe(
      '<p>Kính gửi <b>đồng chí</b></p><a target="_blank" rel="noopener noreferrer nofollow">x</a>',
    );
    expect(shown.text).toBe('Kính gửi đồng chí\nx');
    // The same submission twice is one message.
    const key = { ...base, to: [{ kind: 'mailbox', id: bBox.id }], clientKey: 'gui-mot-lan-123' };
    const one = ok<{ itemId: string }>(await w.a.api.post('/api/mail/messages', key), 201);
    const two = ok<{ itemId: string; created: boolean }>(await w.a.api.post('/api/mail/messages', key), 200);
    expect(two).toEqual({ itemId: one.itemId, created: false });
  });

  it('registers a message to the office as an incoming document in one step, keeping the link', async () => {
    const w = await world();
    const aBox = await own(w.a.api);
    const upload = await w.a.api.upload('Công văn 12-CV.pdf', tinyPdf('Cong van 12'));
    await write(w.a.api, {
      mailboxId: aBox.id,
      to: [{ kind: 'organization', id: w.committee.id }],
      subject: 'Công văn số 12-CV/ĐU',
      text: 'Gửi Văn phòng Huyện ủy.',
      uploadIds: [upload],
    });
    const item = (await list(w.clerk.api, w.office.id)).items[0]?.id as string;
    expect((await view(w.clerk.api, item)).actions).toContain('register');
    const input = {
      registerId: w.incomingRegister,
      typeCode: 'CV',
      numberText: '12-CV/ĐU',
      issuerName: 'Đảng ủy xã Lũng Cú',
      issueDate: '2026-11-20',
      summary: 'Về việc báo cáo quý IV',
    };
    const done = ok<{ documentId: string }>(await w.clerk.api.post(`/api/mail/items/${item}/register`, input), 201);
    const doc = ok<{ channel: string; files: { fileName: string }[]; arrivalNumber: number }>(
      await w.clerk.api.get(`/api/documents/${done.documentId}`),
    );
    expect(doc.channel).toBe('mailbox');
    expect(doc.files.map((f) => f.fileName)).toEqual(['Công văn 12-CV.pdf']);
    expect((await view(w.clerk.api, item)).registeredDocumentId).toBe(done.documentId);
    const twice = await w.clerk.api.post(`/api/mail/items/${item}/register`, input);
    expect(errorCode(twice)).toBe('mail.already_registered');
    // One's own mailbox is not the office's register.
    const personal = (await list(w.a.api, aBox.id, 'folder=sent')).items[0]?.id as string;
    expect(errorCode(await w.a.api.post(`/api/mail/items/${personal}/register`, input))).toBe(
      'mail.not_organization_mailbox',
    );
  });

  it('puts the invitation and the meeting papers in every delegate mailbox when the invitation is sent, storing no bytes again', async () => {
    const w = await makeMeetingWorld(t);
    const upload = await w.clerk.api.upload('Tài liệu họp.pdf', tinyPdf('Tai lieu hop'));
    const input = meetingInput(w);
    const id = await createMeeting(w.clerk.api, {
      ...input,
      agenda: [{ ...(input.agenda as object[])[0], uploadIds: [upload] }],
    });
    const version = ok<{ version: number }>(await w.clerk.api.get(`/api/meetings/${id}`)).version;
    const blobs = async () =>
      Number(
        (
          await t.deps.database.db
            .selectFrom('blobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await blobs();
    ok(await w.clerk.api.post(`/api/meetings/${id}/send`, { version, registerId: w.outgoingRegister }));
    expect(await blobs()).toBe(before + 1); // the invitation PDF itself, once
    for (const d of w.delegates) {
      const box = await own(d.api);
      const { items } = await list(d.api, box.id);
      expect(items.map((i) => i.subject)).toEqual([`Giấy mời số 01-GM/HU: ${input.title}`]);
      const got = await view(d.api, items[0]?.id as string);
      expect(got.message.from.name).toBe(w.committee.name);
      expect(got.message.attachments.map((a) => a.fileName).sort()).toEqual(
        ['Giay-moi-01-GM-HU.pdf', 'Tài liệu họp.pdf'].sort(),
      );
    }
    // The office keeps its copy in Sent.
    const office = (await boxes(w.clerk.api)).find((b) => b.kind === 'organization') as MailboxView;
    expect((await list(w.clerk.api, office.id, 'folder=sent')).items.map((i) => i.subject)).toHaveLength(1);
  });
});
