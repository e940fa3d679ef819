import { describe } from 'vitest';
import { DOCUMENT_LIMITS as D, REGISTER_LIMITS as R } from './documents';
import { count, email, itKeepsLimits, itKeepsPatterns, type LimitCase } from './limits.testing';
import {
  commentSchema,
  deliveryDecisionSchema,
  directSchema,
  extensionDecisionSchema,
  extensionRequestSchema,
  incomingWriteSchema,
  outgoingPatchSchema,
  outgoingWriteSchema,
  progressSchema,
  reasonSchema,
  registerPatchSchema,
  registerWriteSchema,
  submitSchema,
  withdrawSchema,
} from './schemas/documents';

const register = { organizationId: 'o1', direction: 'outgoing', name: 'Sổ văn bản đi', issuerAbbreviation: 'HU' };
const incoming = {
  registerId: 'r1',
  issuerName: 'Huyện ủy',
  numberText: '12-CV/HU',
  issueDate: '2026-01-05',
  typeCode: 'CV',
  summary: 'Về việc tổ chức hội nghị',
};
const outgoing = {
  organizationId: 'o1',
  typeCode: 'CV',
  summary: 'Về việc tổ chức hội nghị',
  recipients: [{ kind: 'external', name: 'Công ty Bình Minh', channel: 'email', email: 'vanthu@binhminh.vn' }],
};
const step = { version: 1, leaderId: 'u1', lead: { kind: 'user', id: 'u1' }, dueDate: '2026-02-01' };

const cases: LimitCase[] = [
  ['register name', registerWriteSchema, register, 'name', R.name],
  ['register term', registerWriteSchema, register, 'termLabel', R.termLabel],
  ['register abbreviation', registerWriteSchema, register, 'issuerAbbreviation', R.issuerAbbreviation],
  ['register abbreviation, changed', registerPatchSchema, { version: 1 }, 'issuerAbbreviation', R.issuerAbbreviation],
  ['register type code', registerWriteSchema, { ...register, typeCodes: ['NQ'] }, 'typeCodes.0', D.typeCode],
  ['incoming type code', incomingWriteSchema, incoming, 'typeCode', D.typeCode],
  ['incoming issuer', incomingWriteSchema, incoming, 'issuerName', D.issuerName],
  ['incoming number', incomingWriteSchema, incoming, 'numberText', D.numberText],
  ['incoming summary', incomingWriteSchema, incoming, 'summary', D.summary],
  ['incoming signer', incomingWriteSchema, incoming, 'signerName', D.signer],
  ["incoming signer's position", incomingWriteSchema, incoming, 'signerPosition', D.signer],
  ['incoming pages', incomingWriteSchema, incoming, 'pageCount', D.pageCount, count],
  ['draft summary', outgoingWriteSchema, outgoing, 'summary', D.summary],
  ['draft summary, changed', outgoingPatchSchema, { version: 1 }, 'summary', D.summary],
  ['draft signer', outgoingWriteSchema, outgoing, 'signerName', D.signer],
  ['draft pages', outgoingWriteSchema, outgoing, 'pageCount', D.pageCount, count],
  ['draft copies', outgoingWriteSchema, outgoing, 'copies', D.copies, count],
  ['draft copies, changed', outgoingPatchSchema, { version: 1 }, 'copies', D.copies, count],
  ['outside recipient', outgoingWriteSchema, outgoing, 'recipients.0.name', D.recipientName],
  ["outside recipient's address", outgoingWriteSchema, outgoing, 'recipients.0.email', D.recipientEmail, email],
  ['note on submitting', submitSchema, step, 'note', D.note],
  ["leader's direction", directSchema, step, 'direction', D.note],
  ['comment', commentSchema, {}, 'note', D.note],
  ['reason to return or recall', reasonSchema, step, 'reason', D.reason],
  ['reason to withdraw', withdrawSchema, step, 'reason', D.reason],
  ['reason to refuse a delivery', deliveryDecisionSchema, step, 'reason', D.reason],
  ['reason for more time', extensionRequestSchema, step, 'reason', D.report],
  ['reason to refuse more time', extensionDecisionSchema, { decision: 'refuse', requestId: 'x1' }, 'reason', D.report],
  ['progress report', progressSchema, {}, 'note', D.report],
];

describe('the documents forms stop where the schemas refuse', () => {
  itKeepsLimits(cases);
  itKeepsPatterns([
    ['type code', incomingWriteSchema, incoming, 'typeCode', 'QĐ', 'Q-Đ'],
    ['issuer abbreviation', registerWriteSchema, register, 'issuerAbbreviation', 'UBND-TP', 'HU/VP'],
  ]);
});
