import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { MeetingView } from '../../../../common/schemas/meetings';
import { fieldErrors } from '../../../test/form-rules';
import { tm } from '../meetings.i18n';
import {
  endAfterNewStart,
  type MeetingValues,
  meetingCreateBody,
  meetingInitialValues,
  meetingPatchBody,
  meetingRules,
} from './meetingValues';

/** A picker's value: Vietnam wall-clock time, whatever the machine's zone. */
const at = (wallClock: string) => dayjs(wallClock);

const filled: MeetingValues = {
  organizationId: 'org-hu',
  body: 'standing_committee',
  title: '  Hội nghị Ban Thường vụ tháng 12 ',
  chairName: '   ',
  startsAt: at('2026-12-14T08:00'),
  endsAt: at('2026-12-14T11:30'),
  place: ' Phòng họp tầng 2 ',
  secrecy: 'confidential',
  content: '',
  signerName: ' Nguyễn Văn A ',
  signerPosition: null,
  signerAuthority: 'T/M BAN THƯỜNG VỤ',
  agenda: [
    { id: 'item-1', title: ' Đề án chuyển đổi số ', presenterName: '', uploadIds: ['up-1'], fileCount: 1 },
    { title: 'Công tác cán bộ', presenterName: ' Trần Thị B ' },
  ],
  invitees: [
    { kind: 'person', id: 'p-1', role: 'delegate', label: 'Lê Văn C' },
    { kind: 'group', id: 'g-1', role: 'delegate', label: 'Ủy viên Ban Thường vụ' },
  ],
};

describe('the meeting form', () => {
  it('starts a new meeting of the Standing Committee, called by the only organization the person organizes for', () => {
    expect(meetingInitialValues(undefined, [['org-hu', 'Huyện ủy']])).toEqual({
      organizationId: 'org-hu',
      body: 'standing_committee',
      secrecy: 'normal',
      agenda: [],
      invitees: [],
    });
    const two: [string, string][] = [
      ['org-hu', 'Huyện ủy'],
      ['org-vp', 'Văn phòng'],
    ];
    expect(meetingInitialValues(undefined, two).organizationId).toBeUndefined();
  });

  it('shows a draft in Vietnam time, each agenda item with the count of its documents, invitees the directory still knows', () => {
    const draft = {
      organizationId: 'org-hu',
      body: 'board',
      title: 'Họp giao ban',
      chairName: null,
      startsAt: '2026-12-14T01:00:00.000Z',
      endsAt: '2026-12-14T04:30:00.000Z',
      place: 'Phòng họp',
      secrecy: 'normal',
      content: null,
      signerName: null,
      signerPosition: null,
      signerAuthority: null,
      agenda: [{ id: 'item-1', title: 'Đề án', presenterName: null }],
      files: [
        { agendaItemId: 'item-1', kind: 'document' },
        { agendaItemId: 'item-1', kind: 'document' },
        { agendaItemId: 'item-1', kind: 'minutes' },
        { agendaItemId: null, kind: 'invitation' },
      ],
      invitees: [
        { kind: 'person', personId: 'p-1', organizationId: null, role: 'guest', name: 'Lê Văn C' },
        { kind: 'organization', personId: null, organizationId: 'org-xa', role: 'delegate', name: 'Đảng bộ xã' },
        { kind: 'person', personId: null, organizationId: null, role: 'delegate', name: 'Khách mời' },
      ],
    } as unknown as MeetingView;
    const values = meetingInitialValues(draft, []);
    expect(values.startsAt?.format('YYYY-MM-DD HH:mm')).toBe('2026-12-14 08:00');
    expect(values.endsAt?.format('YYYY-MM-DD HH:mm')).toBe('2026-12-14 11:30');
    expect(values.agenda).toEqual([{ id: 'item-1', title: 'Đề án', presenterName: null, uploadIds: [], fileCount: 2 }]);
    expect(values.invitees).toEqual([
      { kind: 'person', id: 'p-1', role: 'guest', label: 'Lê Văn C' },
      { kind: 'organization', id: 'org-xa', role: 'delegate', label: 'Đảng bộ xã' },
    ]);
  });

  it('refuses a meeting without organization, title, times or place, and an agenda item without content', async () => {
    expect(await fieldErrors(meetingRules.organizationId, undefined)).toEqual([tm.form.organizationRequired]);
    expect(await fieldErrors(meetingRules.title, '  ')).toEqual([tm.form.titleRequired]);
    expect(await fieldErrors(meetingRules.startsAt, null)).toEqual([tm.form.startsAtRequired]);
    expect(await fieldErrors(meetingRules.endsAt, undefined)).toEqual([tm.form.endsAtRequired]);
    expect(await fieldErrors(meetingRules.place, '')).toEqual([tm.form.placeRequired]);
    expect(await fieldErrors(meetingRules.agendaTitle, ' ')).toEqual([tm.form.agendaTitleRequired]);
  });

  it('refuses an end that is not after the start', async () => {
    const startsAt = at('2026-12-14T08:00');
    expect(await fieldErrors(meetingRules.endsAt, at('2026-12-14T08:00'), { startsAt })).toEqual([
      tm.form.endsAfterStart,
    ]);
    expect(await fieldErrors(meetingRules.endsAt, at('2026-12-14T07:00'), { startsAt })).toEqual([
      tm.form.endsAfterStart,
    ]);
    expect(await fieldErrors(meetingRules.endsAt, at('2026-12-14T08:01'), { startsAt })).toEqual([]);
  });

  it('moves the end three hours after a new start that reaches it, and keeps an end still after the start', () => {
    const start = at('2026-12-14T14:00');
    expect(endAfterNewStart(start, undefined)?.format('HH:mm')).toBe('17:00');
    expect(endAfterNewStart(start, at('2026-12-14T13:00'))?.format('HH:mm')).toBe('17:00');
    expect(endAfterNewStart(start, at('2026-12-14T16:00'))).toBeNull();
    expect(endAfterNewStart(null, undefined)).toBeNull();
  });

  it('creates the meeting with times in Vietnam offset, texts trimmed, empty ones null, names left out', () => {
    expect(meetingCreateBody(filled, 'key-1')).toEqual({
      organizationId: 'org-hu',
      clientKey: 'key-1',
      body: 'standing_committee',
      title: 'Hội nghị Ban Thường vụ tháng 12',
      chairName: null,
      startsAt: '2026-12-14T08:00:00+07:00',
      endsAt: '2026-12-14T11:30:00+07:00',
      place: 'Phòng họp tầng 2',
      secrecy: 'confidential',
      content: null,
      signerName: 'Nguyễn Văn A',
      signerPosition: null,
      signerAuthority: 'T/M BAN THƯỜNG VỤ',
      // A new meeting's agenda items have no ids yet.
      agenda: [
        { title: 'Đề án chuyển đổi số', presenterName: null, uploadIds: ['up-1'] },
        { title: 'Công tác cán bộ', presenterName: 'Trần Thị B', uploadIds: [] },
      ],
      invitees: [
        { kind: 'person', id: 'p-1', role: 'delegate' },
        { kind: 'group', id: 'g-1', role: 'delegate' },
      ],
    });
  });

  it('changes a draft at the version it was read, its agenda items keeping their ids', () => {
    const body = meetingPatchBody(filled, 4);
    expect(body.version).toBe(4);
    expect(body.agenda).toEqual([
      { id: 'item-1', title: 'Đề án chuyển đổi số', presenterName: null, uploadIds: ['up-1'] },
      { title: 'Công tác cán bộ', presenterName: 'Trần Thị B', uploadIds: [] },
    ]);
    expect(body).not.toHaveProperty('organizationId');
    expect(body).not.toHaveProperty('clientKey');
  });
});
