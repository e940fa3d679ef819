import type { z } from 'zod';
import { NATIONAL_ID_MESSAGE } from '../../../common/directory';
import { conflict, DomainError, invalid, notFound } from '../../platform/http/errors';

export const organizationNotFound = () => notFound('directory.organization_not_found', 'Không tìm thấy tổ chức.');
export const parentNotFound = () => invalid('directory.parent_not_found', 'Không tìm thấy tổ chức cấp trên đã chọn.');
export const organizationCodeTaken = (code: string, name: string) =>
  conflict('directory.organization_code_taken', `Mã “${code}” đã được dùng cho tổ chức ${name}.`, { code });
export const nationalIdInvalid = (value: string) =>
  invalid('directory.national_id_invalid', `Mã định danh “${value}” không hợp lệ. ${NATIONAL_ID_MESSAGE}`, {
    nationalId: value,
  });
export const nationalIdTaken = (nationalId: string, name: string) =>
  conflict('directory.national_id_taken', `Mã định danh “${nationalId}” đã được dùng cho tổ chức ${name}.`, {
    nationalId,
  });
export const moveIntoDescendant = () =>
  invalid(
    'directory.organization_move_into_descendant',
    'Không thể chuyển một tổ chức vào chính nó hoặc vào một tổ chức trực thuộc nó.',
  );

/** What keeps an organization from being reached outside the deployment (`reach` other than inside). */
export type ReachProblem =
  | 'outside_not_top_level'
  | 'outside_needs_national_id'
  | 'peer_not_found'
  | 'peer_only_for_peer_reach'
  | 'outside_no_children';

const REACH_MESSAGES: Record<ReachProblem, string> = {
  outside_not_top_level:
    'Tổ chức ngoài hệ thống (nhận qua liên thông) phải ở cấp cao nhất, không thuộc tổ chức nào trong danh bạ.',
  outside_needs_national_id:
    'Tổ chức ngoài hệ thống phải có mã định danh điện tử (ví dụ 000.00.00.G22) để gửi văn bản liên thông.',
  peer_not_found: 'Không tìm thấy máy chủ liên thông đã chọn, hoặc máy chủ đó đang tạm ngừng.',
  peer_only_for_peer_reach: 'Chỉ chọn máy chủ liên thông khi tổ chức được nhận qua Liên thông VanPhong.',
  outside_no_children: 'Tổ chức ngoài hệ thống không có tổ chức trực thuộc trong danh bạ.',
};

export const reachRefused = (problem: ReachProblem) => invalid(`directory.${problem}`, REACH_MESSAGES[problem]);

/** What an organization holds that keeps it inside: it has its own people, registers or children here. */
export interface ReachUsage {
  children: number;
  members: number;
  accounts: number;
  registers: number;
}

export function reachUsageReasons(usage: ReachUsage): string[] {
  return [
    usage.children > 0 ? `${usage.children} tổ chức trực thuộc` : null,
    usage.members > 0 ? `${usage.members} người trong danh bạ` : null,
    usage.accounts > 0 ? `${usage.accounts} quyền tài khoản` : null,
    usage.registers > 0 ? `${usage.registers} sổ văn bản` : null,
  ].filter((r): r is string => r !== null);
}

export const reachInUse = (name: string, usage: ReachUsage) =>
  conflict(
    'directory.reach_in_use',
    `Không thể chuyển ${name} thành tổ chức ngoài hệ thống vì còn ${reachUsageReasons(usage).join(', ')}.`,
    usage,
  );

export interface OrganizationUsage {
  children: number;
  members: number;
  ownedGroups: number;
  groupMemberships: number;
  accounts: number;
}

export const organizationInUse = (name: string, usage: OrganizationUsage) => {
  const reasons = [
    usage.children > 0 ? `${usage.children} tổ chức trực thuộc` : null,
    usage.members > 0 ? `${usage.members} người trong danh bạ` : null,
    usage.ownedGroups > 0 ? `${usage.ownedGroups} nhóm nhận văn bản của tổ chức` : null,
    usage.groupMemberships > 0 ? `có tên trong ${usage.groupMemberships} nhóm nhận văn bản` : null,
    usage.accounts > 0 ? `${usage.accounts} quyền tài khoản gắn với tổ chức` : null,
  ].filter((r): r is string => r !== null);
  const why = reasons.length > 0 ? reasons.join(', ') : 'dữ liệu khác đang dùng tổ chức này';
  return conflict(
    'directory.organization_in_use',
    `Không thể xóa ${name} vì còn ${why}. Hãy chuyển hoặc xóa các mục đó trước.`,
    usage,
  );
};

export const personNotFound = () => notFound('directory.person_not_found', 'Không tìm thấy người trong danh bạ.');
export const personEmailTaken = (email: string, name: string) =>
  conflict('directory.person_email_taken', `Thư điện tử ${email} đã gắn với ${name} trong danh bạ.`, { email });
export const personHasAccount = (name: string) =>
  conflict(
    'directory.person_has_account',
    `Không thể xóa ${name} vì người này đang có tài khoản đăng nhập. Hãy gỡ liên kết hoặc vô hiệu hóa tài khoản trước.`,
  );
export const unknownOrganizations = (ids: string[]) =>
  invalid('directory.unknown_organization', 'Có tổ chức không tồn tại trong danh sách đã chọn.', {
    organizationIds: ids,
  });
export const duplicateMembership = () =>
  invalid('directory.duplicate_membership', 'Một tổ chức chỉ được chọn một lần cho mỗi người.');
export const multiplePrimary = () =>
  invalid('directory.membership_multiple_primary', 'Mỗi người chỉ có một tổ chức chính.');

export const groupNotFound = () => notFound('directory.group_not_found', 'Không tìm thấy nhóm nhận văn bản.');
export const groupNameTaken = (name: string) =>
  conflict('directory.group_name_taken', `Tổ chức này đã có nhóm tên “${name}”.`);
export const unknownGroupMembers = (missing: { kind: string; id: string }[]) =>
  invalid('directory.group_unknown_member', 'Có thành viên nhóm không còn trong danh bạ.', { missing });

export const importUnsupportedFile = (message = 'Chỉ nhận tệp CSV (UTF-8) hoặc Excel .xlsx.') =>
  new DomainError('unsupported', 'directory.import_unsupported_file', message);
export const importNoFile = () => invalid('directory.import_no_file', 'Hãy chọn một tệp CSV hoặc Excel để nhập.');
export const importEmpty = () => invalid('directory.import_empty', 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.');
export const importMalformed = (message: string) => invalid('directory.import_malformed', message);
export const importMissingColumns = (columns: string[]) =>
  invalid('directory.import_missing_columns', `Tệp thiếu cột: ${columns.join(', ')}. Dòng đầu tiên phải là tên cột.`, {
    columns,
  });
export const importTooManyRows = (max: number) =>
  new DomainError(
    'too_large',
    'directory.import_too_many_rows',
    `Mỗi lần chỉ nhập được tối đa ${max.toLocaleString('vi-VN')} dòng. Hãy chia tệp thành nhiều phần.`,
  );

/** A service called from code (not through a validated route) checks its input the same way. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw invalid('request.invalid', 'Dữ liệu gửi lên không hợp lệ. Hãy kiểm tra các trường được đánh dấu.', { fields });
}

export { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/errors';
