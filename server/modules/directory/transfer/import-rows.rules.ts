import type { z } from 'zod';
import type { ImportRow } from '../../../../common/schemas/directory-transfer';
import type { Executor } from '../../../platform/db/database';
import type { ActionOf } from '../../../platform/security/authorize';

/** What a planner needs: where to read, the time, and whether the caller may do something. */
export interface ImportContext {
  ex: Executor;
  now: string;
  can(
    action: ActionOf<'organization' | 'person'>,
    resource:
      | { kind: 'organization'; path: string | null; outside?: boolean }
      | { kind: 'person'; organizationPaths: readonly string[] },
  ): boolean;
}

type Issue = z.core.$ZodRawIssue;

/** Messages for checks whose schema has none of its own (those, like "Số điện thoại không hợp lệ", win). */
function vietnamese(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? 'Không được để trống.' : `Phải từ ${String(issue.minimum)} trở lên.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Dài quá ${String(issue.maximum)} ký tự.`
        : `Phải nhỏ hơn hoặc bằng ${Number(issue.maximum).toLocaleString('vi-VN')}.`;
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? 'Phải là một số nguyên.'
        : 'Giá trị không hợp lệ.';
    default:
      return 'Giá trị không hợp lệ.';
  }
}

/** Collects the problems of one row, column by column. */
export class RowCheck {
  readonly errors: ImportRow['errors'] = [];

  get failed(): boolean {
    return this.errors.length > 0;
  }

  add(column: string | null, message: string): void {
    this.errors.push({ column, message });
  }

  /** The parsed value, or undefined after recording the first problem under `column`. */
  field<S extends z.ZodType>(schema: S, raw: string, column: string): z.output<S> | undefined {
    const result = schema.safeParse(raw, { error: (issue) => vietnamese(issue) });
    if (result.success) return result.data;
    const message = result.error.issues[0]?.message ?? 'Giá trị không hợp lệ.';
    this.add(column, /[.!?]$/.test(message) ? message : `${message}.`);
    return undefined;
  }

  /** An optional cell: undefined when the file has no such column, null when the cell is empty. */
  optional<S extends z.ZodType>(schema: S, raw: string | undefined, column: string): z.output<S> | null | undefined {
    if (raw === undefined) return undefined;
    if (raw === '') return null;
    return this.field(schema, raw, column) ?? undefined;
  }
}

export function rejected(line: number, key: string, check: RowCheck, action: ImportRow['action'] = null): ImportRow {
  return { row: line, status: 'rejected', key, action, changes: [], errors: check.errors };
}

/** People write 0912 345 678 in Excel, which keeps 912345678 as a number: give it back its 0. */
export function phoneFromCell(raw: string): string {
  const digits = raw.replace(/[\s.()-]/g, '');
  return /^[1-9]\d{8}$/.test(digits) ? `0${digits}` : raw;
}

/** The stored 84... number as people write it: 0912345678. */
export function localPhone(phone: string | null): string {
  return phone ? `0${phone.replace(/^84/, '')}` : '';
}
