import { foldVietnamese } from '../../../../common/text/fold';
import * as errors from '../directory.errors';
import type { SheetColumn } from './spreadsheet.render';

/** A column of an import or export file: its Vietnamese header and the other names people give it. */
export interface ColumnDef<K extends string> extends SheetColumn {
  key: K;
  aliases: readonly string[];
  required?: boolean;
}

export const ORGANIZATION_COLUMNS = [
  { key: 'code', header: 'Mã', aliases: ['ma to chuc', 'ma don vi', 'code'], required: true, width: 16, text: true },
  { key: 'name', header: 'Tên', aliases: ['ten to chuc', 'ten don vi', 'name'], required: true, width: 44 },
  {
    key: 'abbreviation',
    header: 'Viết tắt',
    aliases: ['ten viet tat', 'chu viet tat', 'ky hieu', 'abbreviation'],
    required: true,
    width: 12,
  },
  { key: 'type', header: 'Loại', aliases: ['loai to chuc', 'type'], required: true, width: 28 },
  {
    key: 'parentCode',
    header: 'Mã đơn vị cấp trên',
    aliases: ['ma cap tren', 'ma to chuc cap tren', 'don vi cap tren', 'parent code'],
    width: 20,
    text: true,
  },
  { key: 'mailbox', header: 'Hòm thư', aliases: ['hom thu cong vu', 'mailbox'], width: 32 },
  { key: 'sortOrder', header: 'Thứ tự', aliases: ['thu tu hien thi', 'sort order'], width: 8 },
  {
    key: 'nationalId',
    header: 'Mã định danh',
    aliases: ['ma dinh danh dien tu', 'ma dinh danh co quan', 'organid', 'organ id', 'national id'],
    width: 20,
    text: true,
  },
  {
    key: 'reach',
    header: 'Cách nhận',
    aliases: ['cach nhan van ban', 'nhan qua', 'lien thong', 'reach'],
    width: 26,
  },
  {
    key: 'peerNode',
    header: 'Máy chủ liên thông',
    aliases: ['may chu', 'ten may chu lien thong', 'peer', 'peer node'],
    width: 22,
    text: true,
  },
] as const satisfies readonly ColumnDef<string>[];
export type OrganizationColumn = (typeof ORGANIZATION_COLUMNS)[number]['key'];

export const PERSON_COLUMNS = [
  { key: 'fullName', header: 'Họ và tên', aliases: ['ho ten', 'ten', 'full name', 'name'], required: true, width: 28 },
  { key: 'position', header: 'Chức vụ', aliases: ['position'], width: 32 },
  {
    key: 'phone',
    header: 'Điện thoại',
    aliases: ['so dien thoai', 'sdt', 'dien thoai di dong', 'phone'],
    width: 14,
    text: true,
  },
  { key: 'email', header: 'Thư điện tử', aliases: ['email', 'dia chi thu dien tu'], width: 32 },
  { key: 'mailbox', header: 'Hòm thư', aliases: ['hom thu cong vu', 'mailbox'], width: 32 },
  {
    key: 'organizationCodes',
    header: 'Mã tổ chức',
    aliases: ['ma don vi', 'ma cac to chuc', 'organization'],
    width: 22,
    text: true,
  },
  { key: 'id', header: 'Mã định danh', aliases: ['id'], width: 30, text: true },
] as const satisfies readonly ColumnDef<string>[];
export type PersonColumn = (typeof PERSON_COLUMNS)[number]['key'];

/** Header text reduced to letters and digits without diacritics: "E-mail" and "Email *" meet. */
function normalizeHeader(text: string): string {
  return foldVietnamese(text.replace(/\(.*?\)/g, ''))
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A data row read through the header: `undefined` when the file has no such column. */
export interface SourceRow<K extends string> {
  line: number;
  get(key: K): string | undefined;
}

/** Finds each known column in the header row; unknown columns (STT, Ghi chú...) are ignored. */
export function readHeader<K extends string>(
  columns: readonly ColumnDef<K>[],
  header: readonly string[],
): { has(key: K): boolean; rows(data: { line: number; cells: string[] }[]): SourceRow<K>[] } {
  const positions = new Map<K, number>();
  const names = header.map(normalizeHeader);
  for (const column of columns) {
    const accepted = new Set([normalizeHeader(column.header), ...column.aliases.map(normalizeHeader)]);
    const index = names.findIndex((name) => accepted.has(name));
    if (index >= 0 && !positions.has(column.key)) positions.set(column.key, index);
  }
  const missing = columns.filter((c) => c.required && !positions.has(c.key)).map((c) => c.header);
  if (missing.length > 0) throw errors.importMissingColumns(missing);
  return {
    has: (key) => positions.has(key),
    rows: (data) =>
      data.map((row) => ({
        line: row.line,
        get: (key: K) => {
          const index = positions.get(key);
          return index === undefined ? undefined : (row.cells[index] ?? '').trim();
        },
      })),
  };
}

export function headerOf<K extends string>(columns: readonly ColumnDef<K>[], key: K): string {
  return columns.find((c) => c.key === key)?.header ?? key;
}
