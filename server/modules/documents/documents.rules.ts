import { DELIVERY_STATUS, type DeliveryStatus } from '../../../common/documents';
import { foldVietnamese } from '../../../common/text/fold';
import type { DocumentFacts } from './documents.contract';
import * as errors from './documents.errors';
import type { DocumentRow } from './documents.repository';
import type { RegisterRow } from './registers.repository';

/** The rules of a document's steps that need nothing but their arguments. */

/** The same document registered twice: its issuer and number, folded. */
export const documentKey = (issuer: string, numberText: string) =>
  `${foldVietnamese(issuer)}|${foldVietnamese(numberText)}`;

/** Which document a step happened to, as the events carry it. */
export const factsOf = (row: Pick<DocumentRow, 'id' | 'secrecy' | 'summary' | 'number_text'>): DocumentFacts => ({
  documentId: row.id,
  numberText: row.number_text,
  summary: row.summary,
  secrecy: row.secrecy,
});

/** The exchange status the sender sees for each stage of the receiver's copy. */
export const DELIVERY_STATUS_OF: Record<string, DeliveryStatus> = {
  registered: DELIVERY_STATUS.awaitingAssignment,
  submitted: DELIVERY_STATUS.awaitingAssignment,
  in_progress: DELIVERY_STATUS.inProgress,
  done: DELIVERY_STATUS.done,
};

export function checkRegister(register: RegisterRow | undefined, direction: string, secrecy: string, typeCode: string) {
  if (!register) throw errors.registerNotFound();
  if (register.direction !== direction)
    throw errors.registerWrongDirection(direction === 'incoming' ? 'incoming' : 'outgoing');
  if (register.active !== 1) throw errors.registerInactive();
  if ((register.secret === 1) !== (secrecy !== 'normal')) throw errors.registerSecrecyMismatch(secrecy !== 'normal');
  const types = JSON.parse(register.type_codes) as string[];
  if (types.length > 0 && !types.includes(typeCode)) throw errors.typeNotInRegister(typeCode);
  return register;
}

/** The status each step expects, to tell "someone already did it" from "not yours to do". */
export const EXPECTED_STATUS: Record<string, string> = {
  'incoming:submit': 'registered',
  'incoming:direct': 'submitted',
  'incoming:return': 'submitted',
  'incoming:reassign': 'in_progress',
  'incoming:extend': 'in_progress',
  'incoming:complete': 'in_progress',
  'outgoing:edit': 'draft',
  'outgoing:attach': 'draft',
  'outgoing:submit': 'draft',
  'outgoing:approve': 'submitted',
  'outgoing:return': 'submitted',
  'outgoing:issue': 'approved',
  'outgoing:dispatch': 'issued',
  'outgoing:recall': 'dispatched',
  'outgoing:delete': 'draft',
  'outgoing:withdraw': 'submitted',
  'outgoing:remind': 'dispatched',
  'outgoing:update_outside': 'dispatched',
};

export function actionLabel(action: string): string {
  const labels: Record<string, string> = {
    submit: 'trình văn bản',
    direct: 'cho ý kiến chỉ đạo',
    return: 'trả lại văn bản',
    reassign: 'giao lại văn bản',
    extend: 'gia hạn xử lý',
    complete: 'hoàn thành văn bản',
    attach: 'đính kèm tệp',
    comment: 'ghi ý kiến',
    edit: 'sửa dự thảo',
    approve: 'duyệt văn bản',
    issue: 'cấp số',
    dispatch: 'phát hành',
    recall: 'thu hồi',
    grant: 'chia sẻ văn bản',
    delete: 'xóa dự thảo',
    withdraw: 'rút lại dự thảo',
    remind: 'nhắc nơi nhận',
    update_outside: 'gửi cập nhật liên thông',
  };
  return labels[action] ?? 'thực hiện thao tác này';
}
