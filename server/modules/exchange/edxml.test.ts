import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackage, buildStatus, type OutgoingAttachment } from './edxml.render';
import type { PackageModel, StatusModel } from './edxml.rules';
import { type DeclaredAttachment, parsePackage, parseStatus } from './edxml-parse.rules';

const XSD = path.join(import.meta.dirname, 'edxml.xsd');

async function bytesOf(pieces: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const p of pieces) all.push(p);
  return Buffer.concat(all);
}

function xmllint(xml: Buffer | string) {
  const run = spawnSync('/usr/bin/xmllint', ['--noout', '--schema', XSD, '-'], { input: xml, maxBuffer: 1 << 24 });
  return { ok: run.status === 0, errors: run.stderr.toString() };
}

/** Every attachment's bytes as decoded, by content id. */
function memorySinks() {
  const got = new Map<string, Buffer[]>();
  const open = (d: DeclaredAttachment) => {
    const parts: Buffer[] = [];
    got.set(d.contentId, parts);
    return { write: (b: Buffer) => void parts.push(b), end: () => {} };
  };
  return { open, bytes: (id: string) => Buffer.concat(got.get(id) ?? []) };
}

const codes = (c: { code: string }[]) => [...new Set(c.map((x) => x.code))].sort();

const model: PackageModel = {
  header: {
    from: {
      organId: '000.00.00.G22',
      organName: 'Văn phòng Chính phủ',
      organAdd: '1 Hoàng Hoa Thám, Ba Đình, Hà Nội',
      email: 'vpcp@chinhphu.vn',
      telephone: '080.43162',
      fax: '080.44130',
      website: 'chinhphu.vn',
    },
    to: [
      { organId: '000.00.01.H29', organName: 'Tỉnh ủy Hà Giang & Ban Tổ chức <khối>' },
      { organId: '000.00.02.H29', organName: 'Huyện ủy Đồng Văn' },
    ],
    code: { codeNumber: '7816', codeNotation: 'VPCP-TTĐT' },
    promulgationInfo: { place: 'Hà Nội', promulgationDate: '2015-09-30' },
    documentType: { type: '1', typeName: 'Công văn' },
    subject: 'V/v triển khai "Chính phủ điện tử" — hỏa tốc',
    content: 'Dòng một\r\nDòng hai: ế ệ ồ ờ đ Ð',
    signerInfo: { competence: 'KT. BỘ TRƯỞNG', position: 'Thứ trưởng', fullName: 'Nguyễn Thị Ánh' },
    dueDate: '2015-10-15',
    toPlaces: ['Như trên', 'Lưu: VT, TTĐT'],
    otherInfo: {
      priority: 3,
      sphereOfPromulgation: 'Văn bản đi',
      typerNotation: 'NTA',
      promulgationAmount: 5,
      pageAmount: 2,
    },
    steeringType: 1,
    responseFor: {
      organId: '000.00.01.H29',
      code: '12/TU-VP',
      promulgationDate: '2015-09-20',
      documentId: '000.00.01.H29,2015/09/20,12/TU-VP',
    },
  },
  traces: [{ organId: '000.00.00.G22', timestamp: '2015-09-30T02:15:30.000Z' }],
  business: {
    bussinessDocType: 3,
    bussinessDocReason: 'Thay thế văn bản ban hành sai thể thức',
    documentId: '000.00.00.G22,2015/09/01,7000/VPCP-TTĐT',
    replacementInfo: [
      { documentId: '000.00.00.G22,2015/09/01,7000/VPCP-TTĐT', organIds: ['000.00.01.H29', '000.00.02.H29'] },
      { documentId: '000.00.00.G22,2015/08/30,6990/VPCP-TTĐT', organIds: [] },
    ],
  },
};

describe('edXML package round trip', () => {
  it('gives back every field and the exact bytes of a small PDF and a 5 MB attachment', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1000)]);
    const big = randomBytes(5 * 1024 * 1024 + 1); // not a multiple of 3: the last group is padded
    const attachments: OutgoingAttachment[] = [
      {
        contentId: 'cv7816',
        contentType: 'application/pdf',
        name: 'Công văn 7816.pdf',
        description: 'Bản ký số',
        bytes: pdf,
      },
      {
        contentId: 'data',
        contentType: 'application/octet-stream',
        name: 'dữ liệu.bin',
        bytes: [big.subarray(0, 7), big.subarray(7)],
      },
    ];
    const xml = await bytesOf(buildPackage(model, attachments));
    expect(xml.subarray(0, 5).toString()).toBe('<?xml');
    expect(xml.toString('utf8', 0, 4000)).toContain('<edXML:MessageHeader>');
    expect(xmllint(xml)).toEqual({ ok: true, errors: '- validates\n' });

    const sinks = memorySinks();
    const parsed = await parsePackage(xml, sinks.open);
    expect(parsed.corrections).toEqual([]);
    expect(parsed.model).toEqual(model);
    expect(parsed.receivedDocumentId).toBe('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT');
    expect(sinks.bytes('cv7816').equals(pdf)).toBe(true);
    expect(sinks.bytes('data').equals(big)).toBe(true);
    expect(parsed.attachments).toEqual([
      {
        contentId: 'cv7816',
        contentType: 'application/pdf',
        name: 'Công văn 7816.pdf',
        description: 'Bản ký số',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      },
      {
        contentId: 'data',
        contentType: 'application/octet-stream',
        name: 'dữ liệu.bin',
        size: big.length,
        sha256: createHash('sha256').update(big).digest('hex'),
      },
    ]);
  });

  it('refuses to build from text XML cannot carry, naming the field', async () => {
    const bad = { ...model, header: { ...model.header, subject: 'Trích yếu\u0001' } };
    await expect(bytesOf(buildPackage(bad, []))).rejects.toMatchObject({
      code: 'edxml.invalid_model',
      details: [{ path: 'header.subject' }],
    });
  });

  it('builds and reads back a status message that validates', async () => {
    const status: StatusModel = {
      from: { organId: '000.00.01.H29', organName: 'Tỉnh ủy Hà Giang' },
      responseFor: model.header.responseFor ?? expect.fail('the sample answers a document'),
      staffInfo: {
        department: 'Văn phòng Tỉnh ủy',
        staff: 'Lê Văn Đức',
        mobile: '0912345678',
        email: 'duc@hagiang.vn',
      },
      statusCode: '05',
      description: 'Đang xử lý & chờ ý kiến',
      timestamp: '2015-10-01T03:00:00.000Z',
    };
    const xml = buildStatus(status);
    expect(xmllint(xml).ok).toBe(true);
    expect(await parseStatus(xml)).toEqual({ model: status, corrections: [] });
    await expect(parseStatus(xml.replace('>05<', '>07<'))).rejects.toMatchObject({ code: 'edxml.bad_status_code' });
  });
});

const pdfBytes = Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n'), randomBytes(300)]);
const docxBytes = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  randomBytes(26),
  Buffer.from('[Content_Types].xml'),
  randomBytes(50),
  Buffer.from('word/document.xml'),
  randomBytes(100),
]);

/** What a careless peer sends: BOM and junk first, CRLF, a default namespace, mixed spellings and dates. */
const messy = (
  root = '<edXMLEnvelope xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">',
) =>
  `\uFEFF--boundary\r\n<?xml version="1.0" encoding="UTF-8"?>\r\n${root}\r\n <edXML:edXMLHeader>\r\n  <MessageHeader>
   <edXML:From><OrganId>000.00.00.G22</OrganId><OrganName>Văn phòng Chính phủ</OrganName></edXML:From>
   <To><OrganId>000.00.01.H29</OrganId><OrganName>Tỉnh ủy Hà Giang</OrganName></To>
   <DocumentId>000.00.00.G22,2015/09/29,7816/VPCP</DocumentId>
   <Code><CodeNumber>7816</CodeNumber><CodeNotation>VPCP-TTĐT</CodeNotation></Code>
   <PromulgationInfo><Place>Hà Nội</Place><PromulgationDate>2015-09-30T09:00:00+07:00</PromulgationDate></PromulgationInfo>
   <DocumentType><Type>1</Type><TypeName>Công văn</TypeName></DocumentType>
   <Subject>Về việc chuyển đổi số</Subject>
   <SignerInfo><FullName>Nguyễn Văn A</FullName></SignerInfo>
   <DueDate>2015-10-15</DueDate>
   <ToPlaces><Place>Như trên</Place></ToPlaces>
   <OtherInfo><Priority>1</Priority></OtherInfo>
  </MessageHeader>\r\n  <TraceHeaderList>
   <TraceHeader><OrganId>000.00.00.G22</OrganId><Timestamp>2015/02/30 08:00:00</Timestamp></TraceHeader>
   <TraceHeader><OrganId>000.00.00.G22</OrganId><Timestamp>2015-09-30T01:00:00Z</Timestamp></TraceHeader>
   <Business><BusinessDocType>1</BusinessDocType><BusinessDocReason>Thu hồi để sửa</BusinessDocReason></Business>
  </TraceHeaderList>
 </edXML:edXMLHeader>\r\n <edXMLBody><edXMLManifest>
  <Reference hrefid="cid:a1"><ContentType>application/msword</ContentType><AttachmentName>cong-van.doc</AttachmentName></Reference>
  <Reference hrefid="cid:a2"><ContentType>application/pdf</ContentType><AttachmentName>phu-luc.pdf</AttachmentName></Reference>
 </edXMLManifest><AttachmentEncoded>
  <Attachment><ContentId>a1</ContentId><ContentType>application/msword</ContentType><AttachmentName>cong-van.doc</AttachmentName>
   <ContentTransferEncoded>\r\n${pdfBytes.toString('base64').replace(/(.{76})/g, '$1\r\n')}\r\n</ContentTransferEncoded></Attachment>
  <Attachment><ContentId>a2</ContentId><ContentType>application/pdf</ContentType><AttachmentName>phu-luc.pdf</AttachmentName>
   <ContentTransferEncoded>${docxBytes.toString('base64')}</ContentTransferEncoded></Attachment>
 </AttachmentEncoded></edXMLBody>\r\n</edXMLEnvelope>\r\n`;

describe('edXML from real systems: accepted and corrected', () => {
  it('reads a replacement written as the national exchange writes it, with fields of its own it skips', async () => {
    const clean = (await bytesOf(buildPackage({ ...model, business: undefined }, []))).toString();
    const sdkStyle = clean.replace(
      '</edXML:TraceHeaderList>',
      `<edXML:Bussiness><edXML:BussinessDocType>3</edXML:BussinessDocType>
        <edXML:BussinessDocReason>Thay thế do sai số liệu</edXML:BussinessDocReason><edXML:Paper>1</edXML:Paper>
        <edXML:StaffInfo><edXML:Department>VP</edXML:Department><edXML:Staff>Nguyễn Văn B</edXML:Staff></edXML:StaffInfo>
        <edXML:BussinessDocumentInfo><edXML:DocumentInfo>1</edXML:DocumentInfo><edXML:DocumentReceiver>0</edXML:DocumentReceiver></edXML:BussinessDocumentInfo>
        <edXML:DocumentId>000.00.00.G22,2015/09/01,7000/VPCP-TTĐT</edXML:DocumentId>
        <edXML:ReplacementInfoList><edXML:ReplacementInfo><edXML:DocumentId>000.00.00.G22,2015/09/01,7000/VPCP-TTĐT</edXML:DocumentId>
          <edXML:OrganIdList><edXML:OrganId>000.00.01.H29</edXML:OrganId></edXML:OrganIdList></edXML:ReplacementInfo>
        </edXML:ReplacementInfoList></edXML:Bussiness></edXML:TraceHeaderList>`,
    );
    const parsed = await parsePackage(Buffer.from(sdkStyle), memorySinks().open);
    expect(parsed.model.business).toEqual({
      bussinessDocType: 3,
      bussinessDocReason: 'Thay thế do sai số liệu',
      documentId: '000.00.00.G22,2015/09/01,7000/VPCP-TTĐT',
      replacementInfo: [{ documentId: '000.00.00.G22,2015/09/01,7000/VPCP-TTĐT', organIds: ['000.00.01.H29'] }],
    });
    const rebuilt = await bytesOf(buildPackage(parsed.model, []));
    expect(xmllint(rebuilt)).toEqual({ ok: true, errors: '- validates\n' });
    expect(rebuilt.toString()).not.toContain('Paper');
  });

  it('reads a messy package, says what it corrected, and rebuilds a clean one that validates', async () => {
    const sinks = memorySinks();
    const parsed = await parsePackage(Buffer.from(messy()), sinks.open);
    expect(codes(parsed.corrections)).toEqual([
      'edxml.attachment_name',
      'edxml.attachment_type',
      'edxml.business_spelling',
      'edxml.crlf',
      'edxml.date_format',
      'edxml.default_namespace',
      'edxml.document_id_mismatch',
      'edxml.leading_junk',
      'edxml.trace_dropped',
    ]);
    for (const c of parsed.corrections) expect(c.message).toMatch(/[à-ỹ]/);
    const h = parsed.model.header;
    expect(h.promulgationInfo.promulgationDate).toBe('2015-09-30');
    expect(h.code).toEqual({ codeNumber: '7816', codeNotation: 'VPCP-TTĐT' });
    expect(parsed.receivedDocumentId).toBe('000.00.00.G22,2015/09/29,7816/VPCP');
    expect(parsed.model.traces).toEqual([{ organId: '000.00.00.G22', timestamp: '2015-09-30T01:00:00.000Z' }]);
    expect(parsed.model.business).toEqual({ bussinessDocType: 1, bussinessDocReason: 'Thu hồi để sửa' });
    expect(parsed.attachments.map((a) => [a.contentId, a.contentType, a.name])).toEqual([
      ['a1', 'application/pdf', 'cong-van.pdf'],
      ['a2', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'phu-luc.docx'],
    ]);
    expect(sinks.bytes('a1').equals(pdfBytes)).toBe(true);
    expect(sinks.bytes('a2').equals(docxBytes)).toBe(true);

    const rebuilt = await bytesOf(
      buildPackage(
        parsed.model,
        parsed.attachments.map((a) => ({ ...a, bytes: sinks.bytes(a.contentId) })),
      ),
    );
    expect(xmllint(rebuilt)).toEqual({ ok: true, errors: '- validates\n' });
    const again = await parsePackage(rebuilt, memorySinks().open);
    expect(again.corrections).toEqual([]);
    expect(again.model).toEqual(parsed.model);
    expect(again.receivedDocumentId).toBe('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT');
  });

  it('reads elements with no prefix and no namespace at all, and says so', async () => {
    const bare = messy('<edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">').replace(
      '\uFEFF--boundary\r\n',
      '\uFEFF',
    );
    const parsed = await parsePackage(bare.replace('<OrganName>Tỉnh ủy Hà Giang</OrganName>', ''), memorySinks().open);
    expect(codes(parsed.corrections)).toContain('edxml.no_namespace');
    expect(codes(parsed.corrections)).toContain('edxml.organ_name_missing');
    expect(parsed.model.header.to).toEqual([{ organId: '000.00.01.H29', organName: '000.00.01.H29' }]);
    expect(codes(parsed.corrections)).toContain('edxml.bom');
    expect(codes(parsed.corrections)).not.toContain('edxml.leading_junk');
    expect(parsed.model.header.subject).toBe('Về việc chuyển đổi số');
  });

  it('removes control characters a peer sent and says so', async () => {
    const xml = messy().replace('Về việc chuyển', 'Về\u0001 việc&#2; chuyển');
    const parsed = await parsePackage(xml, memorySinks().open);
    expect(parsed.model.header.subject).toBe('Về việc chuyển đổi số');
    expect(codes(parsed.corrections)).toContain('edxml.control_characters');
  });

  it('reads dates with zones as Vietnam days and keeps a trace entry’s instant', async () => {
    const xml = messy()
      .replace('2015-09-30T09:00:00+07:00', '2015-09-29T20:00:00Z')
      .replace('2015-09-30T01:00:00Z', '2015/09/30 08:00');
    const parsed = await parsePackage(xml, memorySinks().open);
    expect(parsed.model.header.promulgationInfo.promulgationDate).toBe('2015-09-30');
    expect(parsed.model.traces[0]?.timestamp).toBe('2015-09-30T01:00:00.000Z');
  });
});

describe('edXML details peers differ on', () => {
  it('keeps a received signature, reads base64 in CDATA and a prefixed hrefid, and drops junk after the envelope', async () => {
    const signature =
      '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo Id="s&amp;1"></ds:SignedInfo><ds:SignatureValue>QUJD</ds:SignatureValue></ds:Signature>';
    const xml = messy()
      .replace('</TraceHeaderList>', `</TraceHeaderList>${signature}`)
      .replace(
        /<ContentTransferEncoded>\r\n([^<]*)<\/ContentTransferEncoded>/,
        '<ContentTransferEncoded><![CDATA[$1]]></ContentTransferEncoded>',
      )
      .replace(
        '<Reference hrefid="cid:a2">',
        '<Reference edXML:hrefid="cid:a2"><Description>Phụ lục</Description>'.replace(
          '<Description>Phụ lục</Description>',
          '',
        ),
      )
      .concat('--boundary--\r\n');
    const sinks = memorySinks();
    const parsed = await parsePackage(xml, sinks.open);
    expect(codes(parsed.corrections)).toContain('edxml.trailing_junk');
    expect(sinks.bytes('a1').equals(pdfBytes)).toBe(true);
    expect(parsed.attachments[1]?.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(parsed.model.signature).toBe(signature);
    const rebuilt = await bytesOf(
      buildPackage(
        parsed.model,
        parsed.attachments.map((a) => ({ ...a, bytes: sinks.bytes(a.contentId) })),
      ),
    );
    expect(xmllint(rebuilt)).toEqual({ ok: true, errors: '- validates\n' });
    expect((await parsePackage(rebuilt, memorySinks().open)).model.signature).toBe(signature);
  });

  it('refuses a second document after the first', async () => {
    await expect(parsePackage(`${messy()}<edXMLEnvelope/>`, memorySinks().open)).rejects.toMatchObject({
      code: 'edxml.not_xml',
    });
  });
});

describe('edXML that cannot be a document is refused with a stable code', () => {
  const cases: [string, string, string][] = [
    ['not XML', 'Đây không phải XML', 'edxml.not_xml'],
    ['broken XML', '<edXMLEnvelope><edXMLHeader></edXMLEnvelope>', 'edxml.not_xml'],
    [
      'no MessageHeader',
      '<edXMLEnvelope><edXMLHeader><TraceHeaderList/></edXMLHeader></edXMLEnvelope>',
      'edxml.no_message_header',
    ],
    [
      'no Subject and no Code',
      messy()
        .replace(/<Code>.*<\/Code>/, '')
        .replace(/<Subject>.*<\/Subject>/, ''),
      'edxml.no_subject_or_code',
    ],
    ['base64 that does not decode', messy().replace(/(<ContentTransferEncoded>)/, '$1***'), 'edxml.bad_base64'],
    ['base64 cut short', messy().replace(/(<\/ContentTransferEncoded>)/, 'Q$1'), 'edxml.bad_base64'],
    ['no sender', messy().replace(/<edXML:From>.*<\/edXML:From>/, ''), 'edxml.no_sender'],
    [
      'an entity declared in a DOCTYPE (never expanded)',
      messy()
        .replace('<Subject>Về', '<Subject>&boom;Về')
        .replace(
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<?xml version="1.0"?><!DOCTYPE edXMLEnvelope [<!ENTITY boom "boom">]>',
        ),
      'edxml.not_xml',
    ],
    [
      'a header far too large',
      messy().replace('<Subject>Về', `<Subject>${'Về việc '.repeat(1_100_000)}`),
      'edxml.header_too_large',
    ],
  ];
  for (const [name, xml, code] of cases) {
    it(name, async () => {
      const refused = await parsePackage(xml, memorySinks().open).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code, kind: 'invalid' });
      expect((refused as Error).message).toMatch(/[à-ỹ]/);
    });
  }
});
