import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { RoleGrant } from '../../../../common/schemas/auth';
import type { DocumentView } from '../../../../common/schemas/documents';
import { fieldErrors } from '../../../test/form-rules';
import { tdoc } from '../documents.i18n';
import {
  draftingOrganizations,
  draftPatchBody,
  type OutgoingValues,
  outgoingCreateBody,
  outgoingInitialValues,
  outgoingRules,
} from './outgoingValues';

const grant = (role: string, organizationId: string, organizationName: string) =>
  ({ role, organizationId, organizationName }) as RoleGrant;

const view = (over: Partial<DocumentView>) => over as DocumentView;

const filled: OutgoingValues = {
  organizationId: 'org-hu',
  typeCode: 'BC',
  summary: 'Báo cáo tổng kết năm 2026',
  signerName: '',
  signerPosition: 'Bí thư',
  pageCount: 4,
  copies: undefined,
  secrecy: 'normal',
  urgency: 'urgent',
  dueDate: dayjs('2026-12-20'),
  recipients: [
    { kind: 'organization', id: 'org-xa', label: 'Đảng bộ xã Lũng Cú' },
    { kind: 'external', name: 'Sở Nội vụ', channel: 'email', email: 'snv@example.vn', label: 'Sở Nội vụ' },
  ],
  uploadIds: ['up-1'],
};

describe('the outgoing draft form', () => {
  it('drafts for the organizations where the person holds a drafting role, each once', () => {
    const organizations = draftingOrganizations([
      grant('clerk', 'org-hu', 'Huyện ủy'),
      grant('leader', 'org-hu', 'Huyện ủy'),
      grant('specialist', 'org-vp', 'Văn phòng'),
      grant('member', 'org-xa', 'Đảng bộ xã'),
    ]);
    expect(organizations).toEqual([
      ['org-hu', 'Huyện ủy'],
      ['org-vp', 'Văn phòng'],
    ]);
  });

  it('starts a new draft as an official letter of the only organization', () => {
    const values = outgoingInitialValues({ organizations: [['org-hu', 'Huyện ủy']] });
    expect(values).toEqual({
      organizationId: 'org-hu',
      secrecy: 'normal',
      urgency: 'normal',
      typeCode: 'CV',
      recipients: [],
    });
    const two = outgoingInitialValues({
      organizations: [
        ['org-hu', 'Huyện ủy'],
        ['org-vp', 'Văn phòng'],
      ],
    });
    expect(two.organizationId).toBeUndefined();
  });

  it('answers an incoming document from the organization that received it, about it, to who wrote it', () => {
    const replyTo = view({
      id: 'in-1',
      organizationId: 'org-vp',
      numberText: '245-CV/TU',
      issuerName: 'Tỉnh ủy Hà Giang',
      issuerOrganizationId: 'org-tinh-uy',
    });
    const values = outgoingInitialValues({
      replyTo,
      organizations: [
        ['org-hu', 'Huyện ủy'],
        ['org-vp', 'Văn phòng'],
      ],
    });
    expect(values.organizationId).toBe('org-vp');
    expect(values.summary).toBe(tdoc.form.replySubject('245-CV/TU', 'Tỉnh ủy Hà Giang'));
    expect(values.recipients).toEqual([{ kind: 'organization', id: 'org-tinh-uy', label: 'Tỉnh ủy Hà Giang' }]);
    // An issuer the directory does not know is not made a recipient.
    expect(
      outgoingInitialValues({ replyTo: { ...replyTo, issuerOrganizationId: null }, organizations: [] }).recipients,
    ).toEqual([]);
  });

  it('shows a draft being edited as it stands, its recipients with their names', () => {
    const draft = view({
      organizationId: 'org-hu',
      typeCode: 'TB',
      summary: 'Thông báo lịch họp',
      signerName: null,
      signerPosition: 'Phó Bí thư',
      pageCount: null,
      copies: 5,
      secrecy: 'secret',
      urgency: 'normal',
      dueDate: '2026-12-31',
      recipients: [
        { kind: 'organization', id: 'org-xa', name: 'Đảng bộ xã Lũng Cú' },
        { kind: 'external', id: null, name: 'Báo Hà Giang', channel: 'email', email: 'bao@example.vn' },
        { kind: 'person', id: null, name: 'Người đã bị xoá' },
      ] as DocumentView['recipients'],
    });
    const values = outgoingInitialValues({ draft, organizations: [] });
    expect(values).toMatchObject({ organizationId: 'org-hu', typeCode: 'TB', copies: 5, secrecy: 'secret' });
    expect(values.dueDate?.format('YYYY-MM-DD')).toBe('2026-12-31');
    expect(values.recipients).toEqual([
      { kind: 'organization', id: 'org-xa', label: 'Đảng bộ xã Lũng Cú' },
      { kind: 'external', name: 'Báo Hà Giang', channel: 'email', email: 'bao@example.vn', label: 'Báo Hà Giang' },
    ]);
  });

  it('refuses a draft without organization or type', async () => {
    expect(await fieldErrors(outgoingRules.organizationId, undefined)).toEqual([tdoc.form.organizationRequired]);
    expect(await fieldErrors(outgoingRules.typeCode, '')).toEqual([tdoc.form.typeRequired]);
    expect(await fieldErrors(outgoingRules.typeCode, 'CV')).toEqual([]);
  });

  it('creates a draft with recipients stripped of their names, answering the incoming document when one is given', () => {
    expect(outgoingCreateBody(filled, 'key-1', 'in-1')).toEqual({
      organizationId: 'org-hu',
      clientKey: 'key-1',
      replyToId: 'in-1',
      typeCode: 'BC',
      summary: 'Báo cáo tổng kết năm 2026',
      signerName: null,
      signerPosition: 'Bí thư',
      pageCount: 4,
      copies: null,
      secrecy: 'normal',
      urgency: 'urgent',
      dueDate: '2026-12-20',
      recipients: [
        { kind: 'organization', id: 'org-xa' },
        { kind: 'external', name: 'Sở Nội vụ', channel: 'email', email: 'snv@example.vn' },
      ],
      uploadIds: ['up-1'],
    });
    expect(outgoingCreateBody(filled, 'key-1')).not.toHaveProperty('replyToId');
  });

  it('changes a draft at the version it was read, never moving it to another organization', () => {
    const body = draftPatchBody({ ...filled, dueDate: null, uploadIds: undefined }, 7);
    expect(body).toMatchObject({ version: 7, dueDate: null, uploadIds: [] });
    expect(body).not.toHaveProperty('organizationId');
    expect(body).not.toHaveProperty('clientKey');
  });
});
