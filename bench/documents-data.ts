import { performance } from 'node:perf_hooks';
import type { Insertable } from 'kysely';
import { foldVietnamese } from '../common/text/fold';
import { searchTextOf } from '../server/modules/documents/documents.repository';
import type { DocumentsTable } from '../server/modules/documents/documents.tables';
import type { DatabaseKind } from '../server/platform/db/database';
import { newId } from '../server/platform/ids';
import { makeOrganization, makeUser } from '../server/test/factories';
import { createTestApp } from '../server/test/harness';

export const TOPICS = [
  'triển khai văn phòng điện tử',
  'kiểm tra, giám sát năm 2027',
  'công tác phát triển đảng viên',
  'tổ chức hội nghị cán bộ chủ chốt',
  'phòng chống lũ quét, sạt lở đất',
  'chuyển đổi số trong các cơ quan Đảng',
  'xây dựng nông thôn mới',
  'học tập và làm theo tư tưởng, đạo đức Hồ Chí Minh',
  'bảo vệ chủ quyền biên giới quốc gia',
  'giảm nghèo bền vững',
  'quản lý, sử dụng hòm thư công vụ',
  'thu, nộp đảng phí',
  'đánh giá, xếp loại chất lượng tổ chức cơ sở đảng',
  'bầu cử đại biểu Hội đồng nhân dân',
  'phát triển du lịch Cao nguyên đá',
  'công tác dân vận',
  'sơ kết 6 tháng đầu năm',
  'tổng kết công tác năm',
  'tuyên truyền kỷ niệm ngày thành lập Đảng',
  'bảo vệ bí mật nhà nước',
  'cải cách hành chính',
  'chăm lo Tết cho hộ nghèo',
  'phòng, chống tham nhũng, lãng phí',
  'đào tạo, bồi dưỡng cán bộ',
  'trồng rừng và bảo vệ rừng',
  'giáo dục chính trị tư tưởng',
  'công tác tôn giáo, dân tộc',
  'xây dựng hệ thống chính trị cơ sở',
  'quốc phòng, an ninh',
  'đại hội chi bộ nhiệm kỳ mới',
];
export const PLACES = [
  'Đồng Văn',
  'Lũng Cú',
  'Ma Lé',
  'Lũng Táo',
  'Phố Là',
  'Thài Phìn Tủng',
  'Sủng Là',
  'Xà Phìn',
  'Tả Phìn',
  'Tả Lủng',
  'Phố Cáo',
  'Sính Lủng',
  'Sảng Tủng',
  'Lũng Thầu',
  'Hố Quáng Phìn',
  'Vần Chải',
  'Lũng Phìn',
  'Sủng Trái',
  'Phó Bảng',
  'Mèo Vạc',
  'Yên Minh',
  'Quản Bạ',
  'Bắc Mê',
  'Hoàng Su Phì',
  'Xín Mần',
  'Bắc Quang',
  'Quang Bình',
  'Vị Xuyên',
  'Hà Giang',
  'Tuyên Quang',
];
export const OPENERS = [
  'Về việc',
  'Kế hoạch',
  'Báo cáo kết quả',
  'Hướng dẫn',
  'Thông báo',
  'Công văn về',
  'Chương trình',
];
export const ISSUERS = [
  ['Tỉnh ủy Hà Giang', 'TU'],
  ['Ban Tổ chức Tỉnh ủy', 'BTCTU'],
  ['Ban Tuyên giáo Tỉnh ủy', 'BTGTU'],
  ['Ủy ban Kiểm tra Tỉnh ủy', 'UBKTTU'],
  ['Văn phòng Tỉnh ủy', 'VPTU'],
  ['Đảng ủy xã Lũng Cú', 'ĐU'],
  ['UBND huyện Đồng Văn', 'UBND'],
  ['Ban Dân vận Tỉnh ủy', 'BDVTU'],
] as const;
export const TYPES = ['CV', 'KH', 'BC', 'HD', 'TB', 'NQ', 'QĐ', 'CT', 'CTr', 'TTr'];

/** Who sends the committee documents: the province's bodies, the communes and the other districts. */
export const SENDERS: (readonly [name: string, abbreviation: string, state: boolean])[] = [
  ...ISSUERS.map(([name, abbr]) => [name, abbr, abbr === 'UBND'] as const),
  ...PLACES.slice(1, 19).flatMap((p) => [
    [`Đảng ủy xã ${p}`, 'ĐU', false] as const,
    [`UBND xã ${p}`, 'UBND', true] as const,
  ]),
  ...PLACES.slice(19, 28).map((p) => [`Huyện ủy ${p}`, 'HU', false] as const),
];

/** Deterministic pseudo-random numbers, so every run loads the same documents. */
export function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

export const pick = <T>(list: readonly T[], r: () => number): T => list[Math.floor(r() * list.length)] as T;

/** What people type: accent-free phrases, names of places, notations, with and without marks. */
export function searchQueries(): string[] {
  const r = generator(7);
  const queries: string[] = [];
  for (let i = 0; i < 60; i++) {
    const topic = pick(TOPICS, r);
    const words = foldVietnamese(topic)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    const start = Math.floor(r() * Math.max(1, words.length - 2));
    queries.push(words.slice(start, start + 3).join(' '));
  }
  for (let i = 0; i < 40; i++)
    queries.push(
      `${foldVietnamese(pick(TOPICS, r)).split(' ').slice(0, 2).join(' ')} ${foldVietnamese(pick(PLACES, r))}`,
    );
  for (let i = 0; i < 30; i++) queries.push(`${Math.floor(r() * 900) + 1}-${pick(TYPES, r)}`);
  for (let i = 0; i < 30; i++) queries.push(pick(PLACES, r));
  queries.push('dang uy dong van', 'Đảng ủy Đồng Văn', 'ke hoach kiem tra giam sat', 'hom thu cong vu');
  return queries;
}

/**
 * `count` incoming documents written straight into a fresh database (in batches, as an
 * import would), then searched through the same service the list page calls.
 */
export async function bulkLoad(kind: DatabaseKind, count: number) {
  const t = await createTestApp(kind);
  const root = await makeOrganization(t, { name: 'Huyện ủy Đồng Văn', code: 'HUDV' });
  const clerkUser = await makeUser(t, [{ organization: root, role: 'clerk' }]);
  const clerk = await t.services.auth.actorFor(clerkUser.id);
  const register = await t.services.documents.registers.createRegister(clerk, {
    organizationId: root.id,
    direction: 'incoming',
    secret: false,
    name: 'Sổ văn bản đến',
    style: 'party',
    reset: 'year',
    perType: false,
    termLabel: null,
    issuerAbbreviation: 'HU',
    typeCodes: [],
  });
  const r = generator(42);
  const started = performance.now();
  const BATCH = kind === 'sqlite' ? 2000 : 1000;
  const db = t.deps.database.db;
  const base = Date.parse('2020-01-01T00:00:00Z');
  for (let done = 0; done < count; done += BATCH) {
    const rows: Insertable<DocumentsTable>[] = [];
    for (let i = done; i < Math.min(count, done + BATCH); i++) {
      const [issuer, abbr] = pick(ISSUERS, r);
      const type = pick(TYPES, r);
      const numberText = `${Math.floor(r() * 900) + 1}-${type}/${abbr}`;
      const summary = `${pick(OPENERS, r)} ${pick(TOPICS, r)} tại ${pick(PLACES, r)}`;
      const at = new Date(base + i * 60_000).toISOString();
      const day = at.slice(0, 10);
      rows.push({
        id: newId(base + i * 60_000),
        ...(kind === 'sqlite' ? { seq: i + 1 } : {}),
        organization_id: root.id,
        direction: 'incoming',
        status: i % 10 === 0 ? 'in_progress' : 'done',
        register_id: register.id,
        period: day.slice(0, 4),
        number: null,
        number_text: numberText,
        arrival_number: i + 1,
        arrival_date: day,
        type_code: type,
        issuer_name: issuer,
        issuer_organization_id: null,
        issue_date: day,
        summary,
        signer_name: null,
        signer_position: null,
        page_count: 2,
        copies: null,
        secrecy: 'normal',
        urgency: 'normal',
        channel: 'paper',
        due_date: null,
        document_key: `${foldVietnamese(issuer)}|${foldVietnamese(numberText)}`,
        delivery_id: null,
        created_by: clerkUser.id,
        leader_id: null,
        client_key: null,
        search_text: searchTextOf([numberText, type, summary, issuer, i + 1], []),
        version: 1,
        created_at: at,
        updated_at: at,
      });
    }
    await db.transaction().execute(async (trx) => {
      for (let k = 0; k < rows.length; k += 200)
        await trx
          .insertInto('documents')
          .values(rows.slice(k, k + 200))
          .execute();
    });
  }
  if (kind === 'postgres') {
    const { sql } = await import('kysely');
    await sql`analyze documents`.execute(db);
  }
  const loadSeconds = (performance.now() - started) / 1000;
  return {
    loadSeconds,
    search: (q: string) =>
      t.services.documents.documents.listDocuments(clerk, {
        direction: 'incoming',
        q,
        sort: 'newest',
        page: 1,
        pageSize: 20,
      }),
    /** The app under test, for looking inside (query plans) when tuning. */
    app: t,
    close: () => t.close(),
  };
}
