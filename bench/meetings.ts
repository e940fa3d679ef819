import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { invitationLayout } from '../server/modules/meetings/invitation.render';
import type { DatabaseKind } from '../server/platform/db/database';
import { newId } from '../server/platform/ids';
import { renderPartyDocumentPdf } from '../server/platform/render/party-document';
import { client, ok } from '../server/test/documents';
import { makeOrganization, makeUser, SYSTEM, signIn } from '../server/test/factories';
import { createTestApp } from '../server/test/harness';
import { bigPdf } from './documents-dispatch';
import { spread } from './documents-registrations';
import { prepareDatabase, signInCookie, startServer, tempDataDir } from './server-process';

const DELEGATES = 124;
const FILES = 4;
const FILE_BYTES = 5 * 1024 * 1024;
const ENGINES = (process.env.BENCH_ENGINE ?? 'sqlite,postgres').split(',');

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const SENDS = Number(process.env.BENCH_SENDS ?? 3);

/**
 * A Standing Committee meeting with a 20 MB packet (4 PDFs of 5 MB) sent to 124 delegates,
 * `SENDS` meetings in turn: the time of each send (number, invitation PDF, 124 invitations,
 * notifications, savings, in one transaction), how long the register's counter row was held
 * (from the statement that takes the number to COMMIT), and the bytes stored beside the
 * packet uploaded once.
 */
async function sendFigures(kind: DatabaseKind) {
  // Each statement's time, to see how long the number is held.
  let log: { at: number; sql: string }[] = [];
  const t = await createTestApp(kind, {
    env: { UPLOAD_LIMIT_BYTES: String(FILE_BYTES * 2) },
    onQuery: (sql) => log.push({ at: performance.now(), sql }),
  });
  try {
    const root = await makeOrganization(t, { name: 'Huyện ủy Đồng Văn', abbreviation: 'HU' });
    const clerk = await makeUser(t, [{ organization: root, role: 'clerk' }]);
    const c = client(t, await signIn(t, clerk));
    const at = new Date().toISOString();
    const people = [];
    for (let i = 0; i < DELEGATES; i++) {
      const id = newId();
      people.push(id);
      await t.deps.database.db
        .insertInto('people')
        .values({
          id,
          full_name: `Đại biểu số ${i + 1}`,
          position: 'Ủy viên Ban Chấp hành',
          phone: null,
          email: null,
          mailbox: null,
          search_text: '',
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await t.services.users.create(SYSTEM, {
        username: `daibieu${i + 1}`,
        email: null,
        fullName: `Đại biểu số ${i + 1}`,
        password: `Mat-khau-dai-bieu-${i + 1}`,
        mustChangePassword: false,
        personId: id,
        roles: [{ organizationId: root.id, role: 'member' }],
      });
    }
    const register = ok<{ id: string }>(
      await c.post('/api/registers', {
        organizationId: root.id,
        direction: 'outgoing',
        name: 'Sổ đi',
        issuerAbbreviation: 'HU',
      }),
      201,
    ).id;
    // The server gives the directory its mailboxes at start; a new person's comes on first use.
    await t.services.mailbox.ensure();
    const sends: { sendMs: number; numberHeldMs: number; payload: number; bySend: number; notified: number }[] = [];
    for (let run = 0; run < SENDS; run++) {
      const before = t.deps.files.stats().bytesWritten;
      const uploads = [];
      for (let i = 0; i < FILES; i++) uploads.push(await c.upload(`Tai lieu ${i + 1}.pdf`, bigPdf(FILE_BYTES)));
      const payload = t.deps.files.stats().bytesWritten - before;
      const { id } = ok<{ id: string }>(
        await c.post('/api/meetings', {
          organizationId: root.id,
          body: 'executive_committee',
          title: `Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ ${12 + run}`,
          startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 3 * 86_400_000 + 4 * 3_600_000).toISOString(),
          place: 'Hội trường Huyện ủy',
          signerName: 'Nguyễn Văn Bí Thư',
          signerPosition: 'Bí thư',
          signerAuthority: 'T/M BAN THƯỜNG VỤ',
          agenda: [{ title: 'Báo cáo chính trị', uploadIds: uploads }],
          invitees: people.map((p) => ({ kind: 'person', id: p, role: 'delegate' })),
        }),
        201,
      );
      const beforeSend = t.deps.files.stats().bytesWritten;
      log = [];
      const started = performance.now();
      const sent = ok<{ invited: number }>(
        await c.post(`/api/meetings/${id}/send`, { version: 1, registerId: register }),
      );
      const sendMs = performance.now() - started;
      const taken = log.find((q) => /insert into "register_counters"/.test(q.sql));
      const committed = log.find((q) => taken && q.at > taken.at && /^commit$/i.test(q.sql.trim()));
      if (!taken || !committed) throw new Error('no number taken, or no commit after it');
      const notified = await t.deps.database.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity_id', '=', id)
        .executeTakeFirstOrThrow();
      if (sent.invited !== DELEGATES) throw new Error(`invited ${sent.invited}, not ${DELEGATES}`);
      sends.push({
        sendMs,
        numberHeldMs: committed.at - taken.at,
        payload,
        bySend: t.deps.files.stats().bytesWritten - beforeSend,
        notified: Number(notified.n),
      });
    }
    const tenths = (v: number) => Math.round(v * 10) / 10;
    const last = sends.at(-1);
    return {
      engine: kind,
      delegates: DELEGATES,
      sends: sends.length,
      notified: last?.notified,
      sendMs: spread(
        sends.map((s) => s.sendMs),
        tenths,
      ),
      numberHeldMs: spread(
        sends.map((s) => s.numberHeldMs),
        tenths,
      ),
      /** The target: a send under one second. */
      sendOverTarget: Number((spread(sends.map((s) => s.sendMs)).median / 1000).toFixed(3)),
      packetBytes: last?.payload,
      bytesWrittenBySend: last?.bySend,
      storedPerPayload: last ? Number(((last.payload + last.bySend) / last.payload).toFixed(3)) : null,
    };
  } finally {
    await t.close();
  }
}

/** The invitation PDF of a meeting with 124 delegates: the first (fonts loaded) and the warm ones. */
async function pdfFigures() {
  {
    const row = {
      id: 'bench',
      organization_id: 'x',
      organization_name: 'Huyện ủy Đồng Văn',
      organization_path: '/x/',
      body: 'standing_committee',
      title: 'Hội nghị Ban Thường vụ Huyện ủy tháng 11/2026',
      chair_user_id: null,
      chair_name: 'Đồng chí Bí thư Huyện ủy',
      starts_at: '2026-11-30T01:00:00.000Z',
      ends_at: '2026-11-30T04:30:00.000Z',
      place: 'Phòng họp tầng 2, Huyện ủy Đồng Văn',
      content: 'Đề nghị các đồng chí nghiên cứu tài liệu trước khi họp và chuẩn bị ý kiến phát biểu.',
      secrecy: 'normal',
      status: 'draft',
      signer_name: 'Vàng Seo Lãnh Đạo',
      signer_position: 'Phó Bí thư Thường trực',
      signer_authority: 'T/M BAN THƯỜNG VỤ',
      register_id: null,
      invitation_document_id: null,
      invitation_number: null,
      invitation_style: null,
      sent_at: null,
      client_key: null,
      created_by: 'x',
      search_text: '',
      version: 1,
      created_at: '',
      updated_at: '',
    };
    const input = {
      row,
      parentName: 'Đảng bộ tỉnh Hà Giang',
      agenda: [1, 2, 3].map((n) => ({
        id: String(n),
        meeting_id: 'bench',
        position: n,
        title: `Nội dung thứ ${n} của hội nghị`,
        presenter_name: 'Văn phòng Huyện ủy',
        presenter_user_id: null,
      })),
      invitees: Array.from({ length: DELEGATES }, (_, i) => ({
        name: `Đồng chí Đại biểu số ${i + 1}`,
        position: 'Ủy viên Ban Chấp hành',
        role: 'delegate',
      })),
      numberText: '125-GM/HU',
      style: 'party' as const,
      issueDate: '2026-11-25',
    };
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 31; i++) {
      const started = performance.now();
      bytes = (await renderPartyDocumentPdf(invitationLayout(input))).length;
      times.push(performance.now() - started);
    }
    const cold = times.shift() ?? 0;
    const warm = [...times].sort((a, b) => a - b);
    return {
      delegates: DELEGATES,
      bytes,
      coldMs: Math.round(cold),
      warmMedianMs: Math.round(percentile(warm, 50)),
      warmP95Ms: Math.round(percentile(warm, 95)),
    };
  }
}

/** The published week read by a signed-in user: the built server on SQLite with the demo data, 50 connections. */
async function scheduleFigures() {
  const dataDir = tempDataDir();
  const env = { ...process.env, DATA_DIR: dataDir, DEMO_MODE: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  const account = prepareDatabase(env);
  const server = await startServer(env);
  try {
    const cookie = await signInCookie(server.url, account.username, account.password);
    const monday = new Date(Date.now() + 7 * 3_600_000); // the week as it is in Vietnam
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    const week = monday.toISOString().slice(0, 10);
    const path = `/api/schedules?week=${week}`;
    const probe = await fetch(server.url + path, { headers: { cookie } });
    const body = (await probe.json()) as { schedules?: { items: unknown[] }[] };
    const items = (body.schedules ?? []).reduce((n, s) => n + s.items.length, 0);
    await autocannon({ url: server.url + path, connections: 10, duration: 1, headers: { cookie } });
    const result = await autocannon({
      url: server.url + path,
      connections: 50,
      duration: Number(process.env.BENCH_DURATION ?? 10),
      headers: { cookie },
    });
    return {
      week,
      schedules: body.schedules?.length ?? 0,
      items,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
    };
  } finally {
    await server.stop();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const only = process.env.BENCH_PART;
  const figures: Record<string, unknown> = { bench: 'meetings' };
  if (!only || only === 'send') {
    for (const engine of ENGINES) {
      if (engine === 'postgres' && !process.env.TEST_DATABASE_URL) continue;
      const f = await sendFigures(engine as DatabaseKind);
      figures[`send_${engine}`] = f;
      console.log(`invitation with a 20 MB packet to ${DELEGATES} delegates, ${engine}:`, f);
    }
  }
  if (!only || only === 'pdf') {
    figures.pdf = await pdfFigures();
    console.log('invitation PDF:', figures.pdf);
  }
  if (!only || only === 'schedule') {
    figures.schedule = await scheduleFigures();
    console.log('week schedule page, 50 connections:', figures.schedule);
  }
  return figures;
}
