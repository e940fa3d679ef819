import type { EventBus } from '../../../platform/events/events';
import type { MeetingPaper } from '../../meetings/meetings.contract';
import { recordSavings, type SavingEntry } from '../record.service';

const pagesOf = (pages: number | null) => Math.max(1, Number(pages ?? 1));

/** Every paper of a meeting delivered in the app is one not printed for each one invited. */
export function subscribeToMeetings(events: EventBus) {
  const papers = (organizationId: string, meetingId: string, list: readonly MeetingPaper[], copies: number) =>
    list.map(
      (p): SavingEntry => ({
        organizationId,
        kind: p.kind === 'invitation' ? 'invitation' : 'meeting_document',
        entityId: meetingId,
        pages: pagesOf(p.pages),
        copies,
      }),
    );
  const documents = (organizationId: string, meetingId: string, pages: readonly (number | null)[], copies: number) =>
    papers(
      organizationId,
      meetingId,
      pages.map((p) => ({ kind: 'document', pages: p })),
      copies,
    );

  events.subscribe('meeting.invitation_sent', {
    name: 'savings',
    when: 'in-transaction',
    handle: (trx, { payload: m, occurredAt }) =>
      recordSavings(trx, papers(m.organizationId, m.meetingId, m.papers, m.invited), new Date(occurredAt)),
  });
  events.subscribe('meeting.invitees_added', {
    name: 'savings',
    when: 'in-transaction',
    handle: (trx, { payload: m, occurredAt }) =>
      recordSavings(trx, papers(m.organizationId, m.meetingId, m.papers, m.invited), new Date(occurredAt)),
  });
  events.subscribe('meeting.files_changed', {
    name: 'savings',
    when: 'in-transaction',
    handle: (trx, { payload: m, occurredAt }) =>
      recordSavings(trx, documents(m.organizationId, m.meetingId, m.pages, m.invited), new Date(occurredAt)),
  });
  events.subscribe('meeting.minutes_published', {
    name: 'savings',
    when: 'in-transaction',
    handle: (trx, { payload: m, occurredAt }) =>
      recordSavings(trx, documents(m.organizationId, m.meetingId, m.pages, m.invited), new Date(occurredAt)),
  });
}
