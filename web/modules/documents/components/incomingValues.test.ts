import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Register } from '../../../../common/schemas/documents';
import { ApiError } from '../../../app/api/client';
import { fieldErrors } from '../../../test/form-rules';
import { tdoc } from '../documents.i18n';
import {
  duplicateMatches,
  type IncomingValues,
  incomingBody,
  incomingInitialValues,
  incomingRegisters,
  incomingRules,
  summaryRules,
} from './incomingValues';

const register = (over: Partial<Register>): Register =>
  ({
    id: 'reg-1',
    organizationId: 'org-1',
    organizationName: 'Huyện ủy Đồng Văn',
    direction: 'incoming',
    secret: false,
    name: 'Sổ văn bản đến',
    active: true,
    actions: ['register'],
    ...over,
  }) as Register;

const filled: IncomingValues = {
  registerId: 'reg-1',
  issuerName: 'Tỉnh ủy Hà Giang',
  issuerOrganizationId: 'org-tinh-uy',
  numberText: '245-CV/TU',
  typeCode: 'CV',
  issueDate: dayjs('2026-11-28'),
  arrivalDate: dayjs('2026-12-01'),
  summary: 'Về việc tổng kết công tác năm 2026',
  signerName: 'Nguyễn Văn A',
  signerPosition: '',
  pageCount: 3,
  secrecy: 'confidential',
  urgency: 'urgent',
  channel: 'email',
  dueDate: dayjs('2026-12-15'),
  uploadIds: ['up-1', 'up-2'],
};

describe('the incoming registration form', () => {
  it('offers only the incoming registers the clerk may register in', () => {
    const usable = incomingRegisters([
      register({ id: 'in' }),
      register({ id: 'out', direction: 'outgoing' }),
      register({ id: 'closed', active: false }),
      register({ id: 'read-only', actions: ['manage'] }),
    ]);
    expect(usable.map((r) => r.id)).toEqual(['in']);
  });

  it('starts on the only register, arriving today, normal, on paper; with two registers the clerk chooses', () => {
    const one = incomingInitialValues([register({ id: 'only' })], '2026-12-07');
    expect(one.registerId).toBe('only');
    expect(one.arrivalDate?.format('YYYY-MM-DD')).toBe('2026-12-07');
    expect(one).toMatchObject({ secrecy: 'normal', urgency: 'normal', channel: 'paper' });
    expect(
      incomingInitialValues([register({ id: 'a' }), register({ id: 'b' })], '2026-12-07').registerId,
    ).toBeUndefined();
    expect(incomingInitialValues([], '2026-12-07').registerId).toBeUndefined();
  });

  it('refuses a registration without register, issuer, number, type, issue date or summary', async () => {
    expect(await fieldErrors(incomingRules.registerId, undefined)).toEqual([tdoc.form.registerRequired]);
    expect(await fieldErrors(incomingRules.issuerName, '   ')).toEqual([tdoc.form.issuerRequired]);
    expect(await fieldErrors(incomingRules.numberText, '')).toEqual([tdoc.form.numberTextRequired]);
    expect(await fieldErrors(incomingRules.typeCode, undefined)).toEqual([tdoc.form.typeRequired]);
    expect(await fieldErrors(incomingRules.issueDate, null)).toEqual([tdoc.form.issueDateRequired]);
    expect(await fieldErrors(summaryRules, ' \n ')).toEqual([tdoc.form.summaryRequired]);
  });

  it('takes the fields once filled', async () => {
    expect(await fieldErrors(incomingRules.registerId, filled.registerId)).toEqual([]);
    expect(await fieldErrors(incomingRules.issuerName, filled.issuerName)).toEqual([]);
    expect(await fieldErrors(incomingRules.numberText, filled.numberText)).toEqual([]);
    expect(await fieldErrors(incomingRules.typeCode, filled.typeCode)).toEqual([]);
    expect(await fieldErrors(summaryRules, filled.summary)).toEqual([]);
  });

  it('sends calendar dates, empty texts as null and the one key of this opening', () => {
    expect(incomingBody(filled, 'key-1', false)).toEqual({
      registerId: 'reg-1',
      issuerName: 'Tỉnh ủy Hà Giang',
      issuerOrganizationId: 'org-tinh-uy',
      numberText: '245-CV/TU',
      typeCode: 'CV',
      issueDate: '2026-11-28',
      arrivalDate: '2026-12-01',
      summary: 'Về việc tổng kết công tác năm 2026',
      signerName: 'Nguyễn Văn A',
      signerPosition: null,
      pageCount: 3,
      secrecy: 'confidential',
      urgency: 'urgent',
      channel: 'email',
      dueDate: '2026-12-15',
      uploadIds: ['up-1', 'up-2'],
      clientKey: 'key-1',
      confirmDuplicate: false,
    });
  });

  it('leaves out what the clerk left empty, and says when a duplicate was confirmed', () => {
    const body = incomingBody(
      {
        ...filled,
        issuerOrganizationId: undefined,
        arrivalDate: undefined,
        dueDate: null,
        pageCount: undefined,
        uploadIds: undefined,
      },
      'key-2',
      true,
    );
    expect(body).toMatchObject({
      issuerOrganizationId: null,
      arrivalDate: undefined,
      dueDate: null,
      pageCount: null,
      uploadIds: [],
      confirmDuplicate: true,
    });
  });

  it('reads the possible duplicates from the server refusal, and nothing from other failures', () => {
    const matches = [{ id: 'd1', numberText: '245-CV/TU', arrivalNumber: 12 }];
    expect(duplicateMatches(new ApiError(409, 'documents.possible_duplicate', 'trùng', { matches }))).toEqual(matches);
    expect(duplicateMatches(new ApiError(409, 'documents.possible_duplicate', 'trùng'))).toEqual([]);
    expect(duplicateMatches(new ApiError(400, 'request.invalid', 'sai'))).toBeNull();
    expect(duplicateMatches(new Error('network'))).toBeNull();
  });
});
