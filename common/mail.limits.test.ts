import { describe } from 'vitest';
import { DOCUMENT_LIMITS as D } from './documents';
import { itKeepsLimits, type LimitCase } from './limits.testing';
import { MAIL_LIMITS as M } from './mail';
import { draftPatchSchema, folderWriteSchema, mailRegisterSchema, mailWriteSchema } from './schemas/mail';

const written = {
  mailboxId: 'm1',
  to: [{ kind: 'address', address: 'vanthu@huyenuy.vn' }],
  subject: 'Báo cáo tháng',
  text: 'Kính gửi Văn phòng Huyện ủy',
};
const registered = {
  registerId: 'r1',
  typeCode: 'CV',
  numberText: '12-CV/ĐU',
  issuerName: 'Đảng ủy xã Tân Lập',
  issueDate: '2026-01-05',
  summary: 'Về việc tổ chức hội nghị',
};

const cases: LimitCase[] = [
  ['subject', mailWriteSchema, written, 'subject', M.subject],
  ['subject of a draft', draftPatchSchema, { version: 1 }, 'subject', M.subject],
  ['text', mailWriteSchema, written, 'text', M.body],
  ['rich text', mailWriteSchema, written, 'html', M.body * 2],
  ['address typed in', mailWriteSchema, written, 'to.0.address', M.address],
  ['folder name', folderWriteSchema, {}, 'name', M.folderName],
  ['registered number', mailRegisterSchema, registered, 'numberText', D.numberText],
  ['registered issuer', mailRegisterSchema, registered, 'issuerName', D.issuerName],
  ['registered summary', mailRegisterSchema, registered, 'summary', D.summary],
];

describe('the mailbox forms stop where the schemas refuse', () => {
  itKeepsLimits(cases);
});
