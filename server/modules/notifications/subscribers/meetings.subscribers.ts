import { MEETING_FILE_KIND_LABELS } from '../../../../common/meetings';
import type { DomainEvent, EventBus, EventKind } from '../../../platform/events/events';
import { type MeetingFacts, meetingTimeLine } from '../../meetings/meetings.contract';
import { type NotificationWrite, notify } from '../notify.service';

/** The news of a meeting, in the app and beyond, for everyone it concerns. */
export function subscribeToMeetings(events: EventBus) {
  /** Tells the event's audience, in the meeting's transaction, what `write` says of it. */
  function tell<K extends EventKind & `meeting.${string}`>(
    kind: K,
    write: (e: DomainEvent<K>['payload']) => Omit<NotificationWrite, 'link' | 'entityType' | 'entityId' | 'sensitive'>,
  ) {
    events.subscribe(kind, {
      name: 'notifications',
      when: 'in-transaction',
      async handle(trx, event) {
        const m = event.payload as DomainEvent<K>['payload'] & MeetingFacts;
        await notify(
          trx,
          m.audience,
          {
            ...write(m),
            link: `/meetings/${m.meetingId}`,
            entityType: 'meeting',
            sensitive: m.secrecy !== 'normal',
            entityId: m.meetingId,
          },
          event.occurredAt,
        );
      },
    });
  }
  const when = (m: MeetingFacts) => `${meetingTimeLine(m.startsAt)} tại ${m.place}`;

  tell('meeting.invitation_sent', (m) => ({
    kind: 'meeting_invited',
    title: `Giấy mời số ${m.invitationNumber}: ${m.title}`,
    body: when(m),
  }));
  tell('meeting.invitees_added', (m) => ({
    kind: 'meeting_invited',
    title: `Giấy mời${m.invitationNumber ? ` số ${m.invitationNumber}` : ''}: ${m.title}`,
    body: when(m),
  }));
  tell('meeting.replies_requested', (m) => ({
    kind: 'meeting_reminder',
    title: `Nhắc trả lời giấy mời: ${m.title}`,
    body: when(m),
  }));
  tell('meeting.reminder_due', (m) => ({
    kind: 'meeting_reminder',
    title: `${m.which === 'eve' ? 'Ngày mai họp' : 'Hôm nay họp'}: ${m.title}`,
    body: when(m),
  }));
  tell('meeting.changed', (m) => ({
    kind: 'meeting_changed',
    title: `${m.postponed ? 'Hoãn' : 'Thay đổi'} cuộc họp: ${m.title}`,
    body: m.postponed
      ? `Tạm hoãn, thời gian họp sẽ thông báo sau. Lý do: ${m.reason}`
      : `Thời gian mới: ${meetingTimeLine(m.startsAt)}, tại ${m.place}. Lý do: ${m.reason}`,
  }));
  tell('meeting.cancelled', (m) => ({
    kind: 'meeting_cancelled',
    title: `Hủy cuộc họp: ${m.title}`,
    body: `Lý do: ${m.reason}`,
  }));
  tell('meeting.files_changed', (m) => ({
    kind: 'meeting_files',
    title: `${m.change === 'added' ? 'Tài liệu họp mới' : 'Tài liệu họp được thay'}: ${m.title}`,
  }));
  tell('meeting.minutes_published', (m) => ({
    kind: 'meeting_minutes',
    title: `${MEETING_FILE_KIND_LABELS[m.fileKind]} cuộc họp: ${m.title}`,
  }));
}
