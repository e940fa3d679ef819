import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../common/schemas/documents';
import { createApp } from '../app';
import { buildPackage } from '../modules/exchange/edxml.render';
import type { PackageModel } from '../modules/exchange/edxml.rules';
import { createPlatformTransport } from '../modules/exchange/platform.transport';
import { makeOffice, ok, tinyPdf } from '../test/documents';
import { addOutside, setNationalId } from '../test/exchange';
import {
  createTestApp,
  TEST_PASSWORD_HASH_COST,
  type TestApp,
  TestClock,
  testConfig,
  testEngines,
} from '../test/harness';
import { EXCHANGE_EXIT, exportEdxml, type ImportLine, importEdxml } from './exchange';
import { startExchangePlatform } from './exchange-platform/server';

const MAIN = path.resolve('dist/server/main.mjs');
const SENDER = '000.00.00.G22';

type Office = Awaited<ReturnType<typeof makeOffice>>;
type Inbox = {
  items: { deliveryId: string; numberText: string | null; summary: string; fromOrganizationName: string }[];
};

function model(to: string, extra: Partial<PackageModel['header']> = {}): PackageModel {
  return {
    header: {
      from: { organId: SENDER, organName: 'Văn phòng Chính phủ' },
      to: [{ organId: to, organName: 'Huyện ủy Đồng Văn' }],
      code: { codeNumber: String(100 + Math.floor(Math.random() * 800)), codeNotation: 'VPCP-TTĐT' },
      promulgationInfo: { place: 'Hà Nội', promulgationDate: '2026-11-20' },
      documentType: { type: '1', typeName: 'Công văn' },
      subject: 'Về việc chuyển đổi số trong cơ quan Đảng',
      signerInfo: { fullName: 'Trần Văn Bình' },
      toPlaces: [],
      otherInfo: { priority: 0 },
      ...extra,
    },
    traces: [],
  };
}

async function packageFile(dir: string, m: PackageModel, name = `goi-${randomBytes(4).toString('hex')}.edxml`) {
  const pieces: Buffer[] = [];
  const attachment = {
    contentId: 'tep-1',
    contentType: 'application/pdf',
    name: 'cong-van.pdf',
    bytes: tinyPdf('Cong van'),
  };
  for await (const p of buildPackage(m, [attachment])) pieces.push(p);
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.concat(pieces));
  return file;
}

/** What another system sends: a BOM and junk before the XML, CRLF, the elements in a default namespace. */
function messyFile(dir: string, to: string) {
  const pdf = tinyPdf('Phu luc').toString('base64');
  const xml = `\uFEFF--boundary\r\n<?xml version="1.0" encoding="UTF-8"?>\r\n<edXMLEnvelope xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">\r\n <edXML:edXMLHeader>\r\n  <MessageHeader>
   <edXML:From><OrganId>${SENDER}</OrganId><OrganName>Văn phòng Chính phủ</OrganName></edXML:From>
   <To><OrganId>${to}</OrganId><OrganName>Huyện ủy Đồng Văn</OrganName></To>
   <Code><CodeNumber>7816</CodeNumber><CodeNotation>VPCP-TTĐT</CodeNotation></Code>
   <PromulgationInfo><Place>Hà Nội</Place><PromulgationDate>2026/11/19</PromulgationDate></PromulgationInfo>
   <DocumentType><Type>1</Type><TypeName>Công văn</TypeName></DocumentType>
   <Subject>Về việc báo cáo chuyển đổi số</Subject>
   <SignerInfo><FullName>Nguyễn Văn A</FullName></SignerInfo>
   <OtherInfo><Priority>1</Priority></OtherInfo>
  </MessageHeader>\r\n </edXML:edXMLHeader>\r\n <edXMLBody><edXMLManifest>
  <Reference hrefid="cid:a1"><ContentType>application/pdf</ContentType><AttachmentName>phu-luc.pdf</AttachmentName></Reference>
 </edXMLManifest><AttachmentEncoded>
  <Attachment><ContentId>a1</ContentId><ContentType>application/pdf</ContentType><AttachmentName>phu-luc.pdf</AttachmentName>
   <ContentTransferEncoded>\r\n${pdf.replace(/(.{76})/g, '$1\r\n')}\r\n</ContentTransferEncoded></Attachment>
 </AttachmentEncoded></edXMLBody>\r\n</edXMLEnvelope>\r\n`;
  const file = path.join(dir, 'messy.edxml');
  fs.writeFileSync(file, xml);
  return file;
}

/** Drafts, signs and numbers a document of `o` for its cell: ready to leave as a package. */
async function issued(o: Office) {
  const file = await o.specialist.api.upload('Công văn 12.pdf', tinyPdf('Cong van lien thong'));
  const { id } = ok<{ id: string }>(
    await o.specialist.api.post('/api/documents/outgoing', {
      organizationId: o.committee.id,
      typeCode: 'CV',
      summary: 'V/v triển khai liên thông văn bản điện tử',
      recipients: [{ kind: 'organization', id: o.cell.id }],
      uploadIds: [file],
    }),
    201,
  );
  let doc = ok<DocumentView>(
    await o.specialist.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: o.leader.id }),
  );
  doc = ok(await o.leader.api.post(`/api/documents/${id}/approve`, { version: doc.version }));
  return ok<DocumentView>(
    await o.clerk.api.post(`/api/documents/${id}/issue`, { version: doc.version, registerId: o.outgoingRegister }),
  );
}

function collector() {
  const pieces: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      pieces.push(chunk);
      done();
    },
  });
  return { out, bytes: () => Buffer.concat(pieces) };
}

const taken = (outcome: Awaited<ReturnType<typeof importEdxml>>): ImportLine => {
  if (!outcome.ok) throw new Error(`refused: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.line;
};

describe.each(testEngines())('exchange import and export for the operator (%s)', (engine) => {
  let a: TestApp;
  let b: TestApp;
  let officeA: Office;
  let officeB: Office;
  let dir: string;
  const idA = '000.00.31.H29';
  const idB = '000.00.32.H30';
  beforeAll(async () => {
    a = await createTestApp(engine);
    b = await createTestApp(engine);
    officeA = await makeOffice(a);
    officeB = await makeOffice(b);
    await setNationalId(a, officeA.committee.id, idA);
    await setNationalId(b, officeB.committee.id, idB);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-edxml-'));
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes a package into the clerks’ inbox once, and says a second import is the same document', async () => {
    const m = model(idA);
    const file = await packageFile(dir, m);
    const first = taken(await importEdxml(a, file, officeA.committee.code));
    expect(first).toMatchObject({
      duplicate: false,
      numberText: `${m.header.code?.codeNumber}/VPCP-TTĐT`,
      notation: 'VPCP-TTĐT',
      issuer: 'Văn phòng Chính phủ',
      subject: 'Về việc chuyển đổi số trong cơ quan Đảng',
      issueDate: '2026-11-20',
      attachments: [{ name: 'cong-van.pdf', type: 'application/pdf', size: expect.any(Number) }],
      warnings: [],
      registeredBefore: [],
    });
    expect(first.documentId).toEqual(expect.any(String));
    const inbox = ok<Inbox>(await officeA.clerk.api.get('/api/deliveries'));
    expect(inbox.items.map((i) => [i.deliveryId, i.fromOrganizationName])).toEqual([
      [first.deliveryId, 'Văn phòng Chính phủ'],
    ]);
    // The unknown sender is now in the directory, as an outside office on the platform.
    const sender = await a.deps.database.db
      .selectFrom('organizations')
      .select(['reach', 'name'])
      .where('national_id', '=', SENDER)
      .execute();
    expect(sender).toEqual([{ reach: 'platform', name: 'Văn phòng Chính phủ' }]);

    const again = taken(await importEdxml(a, file, officeA.committee.code));
    expect(again).toMatchObject({ duplicate: true, deliveryId: first.deliveryId });
    expect(again.documentId).toBeUndefined();
    expect(ok<Inbox>(await officeA.clerk.api.get('/api/deliveries')).items).toHaveLength(1);
  });

  it('reads a messy package and lists what it corrected', async () => {
    const line = taken(await importEdxml(a, messyFile(dir, idA), officeA.cell.code));
    expect(line).toMatchObject({ duplicate: false, numberText: '7816/VPCP-TTĐT', issueDate: '2026-11-19' });
    const codes = line.warnings.map((w) => w.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'edxml.crlf',
        'edxml.default_namespace',
        'edxml.leading_junk',
        'exchange.recipient_chosen',
      ]),
    );
    for (const w of line.warnings) expect(w.message).toMatch(/[à-ỹ]/);
    expect(ok<Inbox>(await officeA.cellClerk.api.get('/api/deliveries')).items.map((i) => i.deliveryId)).toContain(
      line.deliveryId,
    );
    // A file has no way back to its sender: nothing is queued to it, and the cell (without a national
    // identifier) registers it like any other.
    ok(await officeA.cellClerk.api.post(`/api/deliveries/${line.deliveryId}/accept`, { version: 1 }));
    const out = await a.deps.database.db
      .selectFrom('exchange_messages')
      .select('id')
      .where('direction', '=', 'out')
      .execute();
    expect(out).toEqual([]);
  });

  it('refuses what cannot be a document, a missing file and an organization it cannot give it to', async () => {
    const garbage = path.join(dir, 'khong-phai.edxml');
    fs.writeFileSync(garbage, 'Đây không phải XML');
    const notXml = await importEdxml(a, garbage, officeA.committee.code);
    expect(notXml).toMatchObject({ ok: false, exitCode: EXCHANGE_EXIT.refused, error: { code: 'edxml.not_xml' } });
    const missing = await importEdxml(a, path.join(dir, 'khong-co.edxml'), officeA.committee.code);
    expect(missing).toMatchObject({ ok: false, exitCode: EXCHANGE_EXIT.noInput, error: { code: 'cli.file_missing' } });
    const file = await packageFile(dir, model(idA));
    expect(await importEdxml(a, file, 'KHONGCO')).toMatchObject({
      ok: false,
      exitCode: EXCHANGE_EXIT.unknownOrganization,
    });
    // An outside office in the directory has no clerks here: its copy would wait in no one's inbox.
    const outside = await addOutside(a, { name: 'Tỉnh ủy Cao Bằng', nationalId: '000.00.33.H31', peerId: null });
    expect(await importEdxml(a, file, outside.code)).toMatchObject({
      ok: false,
      error: { code: 'exchange.organization_outside' },
    });
    expect(ok<Inbox>(await officeA.clerk.api.get('/api/deliveries')).items).toHaveLength(1);
  });

  it('exports a document as the operator, and the package re-imported elsewhere carries its fields', async () => {
    const doc = await issued(officeA);
    const { out, bytes } = collector();
    const exported = await exportEdxml(a, doc.id, out);
    expect(exported).toMatchObject({ ok: true });
    const file = path.join(dir, 'xuat.edxml');
    fs.writeFileSync(file, bytes());
    expect(bytes().subarray(0, 200).toString()).toContain('edXMLEnvelope');

    const line = taken(await importEdxml(b, file, officeB.committee.code));
    expect(line).toMatchObject({
      duplicate: false,
      numberText: doc.numberText,
      issuer: officeA.committee.name,
      subject: 'V/v triển khai liên thông văn bản điện tử',
      issueDate: doc.issueDate,
      attachments: [{ name: 'Công văn 12.pdf', type: 'application/pdf' }],
    });
    const inbox = ok<Inbox>(await officeB.clerk.api.get('/api/deliveries'));
    expect(inbox.items.find((i) => i.deliveryId === line.deliveryId)).toMatchObject({
      numberText: doc.numberText,
      summary: 'V/v triển khai liên thông văn bản điện tử',
    });
    expect(await exportEdxml(a, 'khong-co', collector().out)).toMatchObject({
      ok: false,
      error: { code: 'documents.not_found' },
    });
  });
});

// Each run starts the built program (a few seconds on a busy machine): the tests get room for it.
describe('vanphong exchange import / export, the built command (SQLite)', { timeout: 120_000 }, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let t: TestApp;
  let office: Office;
  const nationalId = '000.00.41.H29';
  const run = (...args: string[]) => spawnSync('node', [MAIN, ...args], { env, timeout: 60_000 });
  const line = (res: ReturnType<typeof run>) => {
    const lines = res.stdout.toString().trim().split('\n');
    expect(lines).toHaveLength(1);
    return JSON.parse(lines[0] as string) as Record<string, unknown>;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-cli-exchange-'));
    const settings = {
      DATA_DIR: dir,
      AUDIT_KEY: randomBytes(32).toString('hex'),
      AUDIT_CHECKPOINT_DIR: path.join(dir, 'checkpoints'),
    };
    env = {
      ...process.env,
      ...settings,
      LOG_LEVEL: 'warn',
      DEMO_MODE: 'false',
      NODE_ENV: 'test',
      PASSWORD_HASH_COST: TEST_PASSWORD_HASH_COST,
    };
    delete env.DATABASE_URL;
    const clock = new TestClock(new Date());
    const vp = await createApp({
      config: testConfig(settings),
      clock,
      logger: pino({ level: 'silent' }),
      webRoot: null,
    });
    t = { ...vp, kind: 'sqlite', clock };
    office = await makeOffice(t);
    await setNationalId(t, office.committee.id, nationalId);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints one JSON line, exits 0 for a document and for the same one again', async () => {
    const file = await packageFile(dir, model(nationalId), 'cong-van.edxml');
    const first = run('exchange', 'import', file, '--org', office.committee.code);
    expect(first.status).toBe(0);
    const taken = line(first);
    expect(taken).toMatchObject({ duplicate: false, issuer: 'Văn phòng Chính phủ', warnings: [] });
    expect(ok<Inbox>(await office.clerk.api.get('/api/deliveries')).items.map((i) => i.deliveryId)).toEqual([
      taken.deliveryId,
    ]);
    const again = run('exchange', 'import', file, '--org', office.committee.code);
    expect(again.status).toBe(0);
    expect(line(again)).toMatchObject({ duplicate: true, deliveryId: taken.deliveryId });
  });

  it('exits non-zero with the reason on standard error and a JSON error line', () => {
    const garbage = path.join(dir, 'rac.edxml');
    fs.writeFileSync(garbage, '\x00\x01 rác');
    const bad = run('exchange', 'import', garbage, '--org', office.committee.code);
    expect(bad.status).toBe(EXCHANGE_EXIT.refused);
    expect(bad.stderr.toString()).toContain('không phải XML');
    expect(line(bad)).toMatchObject({ error: { code: 'edxml.not_xml' } });
    const missing = run('exchange', 'import', path.join(dir, 'khong-co.edxml'), '--org', office.committee.code);
    expect(missing.status).toBe(EXCHANGE_EXIT.noInput);
    expect(line(missing)).toMatchObject({ error: { code: 'cli.file_missing' } });
    const unknown = run('exchange', 'import', garbage, '--org', 'KHONGCO');
    expect(unknown.status).toBe(EXCHANGE_EXIT.unknownOrganization);
    expect(unknown.stderr.toString()).toContain('Không có tổ chức mã “KHONGCO”');
    const register = run('exchange', 'import', garbage, '--org', office.committee.code, '--register');
    expect(register.status).toBe(EXCHANGE_EXIT.usage);
    expect(register.stderr.toString()).toContain('văn thư');
  });

  it('writes the package, and only the package, to standard output', async () => {
    const doc = await issued(office);
    const res = run('exchange', 'export', doc.id);
    expect(res.status).toBe(0);
    const text = res.stdout.toString('utf8');
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text.trimEnd().endsWith('</edXML:edXMLEnvelope>')).toBe(true);
    expect(text).toContain(doc.numberText?.split('/')[1] ?? 'none');
    expect(res.stderr.toString()).toContain('Đã xuất gói tin');
    const none = run('exchange', 'export', 'khong-co');
    expect(none.status).toBe(EXCHANGE_EXIT.noInput);
    expect(none.stdout.length).toBe(0);
  });

  it('serve reads the exchange platform on its schedule and stops cleanly', async () => {
    const clients = [
      { clientId: 'vpcp', secret: 'bi-mat-vpcp', agencyId: SENDER },
      { clientId: 'huyen', secret: 'bi-mat-huyen', agencyId: nationalId },
    ];
    const platformDir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-'));
    const platform = await startExchangePlatform({ port: 0, dir: platformDir, clients });
    try {
      const sender = createPlatformTransport({ baseUrl: platform.url, clientId: 'vpcp', clientSecret: 'bi-mat-vpcp' });
      const file = await packageFile(dir, model(nationalId, { subject: 'Gửi qua trục' }));
      await sender.send(fs.createReadStream(file), { kind: 'package', messageId: 'goi-qua-truc-1' });
      const child = spawn('node', [MAIN, 'serve'], {
        env: {
          ...env,
          PORT: '0',
          HOST: '127.0.0.1',
          EXCHANGE_PLATFORM_URL: platform.url,
          EXCHANGE_PLATFORM_CLIENT_ID: 'huyen',
          EXCHANGE_PLATFORM_CLIENT_SECRET: 'bi-mat-huyen',
          EXCHANGE_POLL_SECONDS: '5',
        },
        stdio: 'ignore',
      });
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await expect
        .poll(
          async () =>
            ok<Inbox>(await office.clerk.api.get('/api/deliveries')).items.filter((i) => i.summary === 'Gửi qua trục'),
          { timeout: 40_000, interval: 500 },
        )
        .toHaveLength(1);
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      // Acknowledged: the platform holds nothing more for the office.
      const reader = createPlatformTransport({
        baseUrl: platform.url,
        clientId: 'huyen',
        clientSecret: 'bi-mat-huyen',
      });
      expect(await reader.received()).toEqual([]);
    } finally {
      await platform.close();
      fs.rmSync(platformDir, { recursive: true, force: true });
    }
  });
});
