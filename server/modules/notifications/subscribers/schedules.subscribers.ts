import type { EventBus } from '../../../platform/events/events';
import type { ScheduleFacts } from '../../schedules/schedules.contract';
import { notify } from '../notify.service';

const CHANGE_LABELS = { add: 'bổ sung', edit: 'điều chỉnh', cancel: 'hủy' } as const;

/** The news of a week's schedule: waiting for approval, published, changed. */
export function subscribeToSchedules(events: EventBus) {
  /** `tuần 48 của Thường trực Huyện ủy X`. */
  const whose = (s: ScheduleFacts) => `${(s.weekLabel.split(' (')[0] ?? '').toLowerCase()} của ${s.ownerLabel}`;
  const week = (s: ScheduleFacts) => `/schedule?week=${s.weekStart}`;

  events.subscribe('schedule.submitted', {
    name: 'notifications',
    when: 'in-transaction',
    async handle(trx, { payload: s, occurredAt }) {
      await notify(
        trx,
        s.audience,
        {
          kind: 'schedule_submitted',
          title: `Lịch công tác ${whose(s)} chờ đồng chí duyệt`,
          body: `${s.weekLabel}: ${s.itemCount} hoạt động, ${s.submittedByName} trình duyệt.`,
          // Who approves opens the schedule itself, where the approval buttons are.
          link: `/schedule/${s.scheduleId}`,
          entityType: 'schedule',
          entityId: s.scheduleId,
        },
        occurredAt,
      );
    },
  });

  events.subscribe('schedule.published', {
    name: 'notifications',
    when: 'in-transaction',
    async handle(trx, { payload: s, occurredAt }) {
      await notify(
        trx,
        s.audience,
        {
          kind: 'schedule_published',
          title: `Đã công bố lịch công tác ${whose(s)}`,
          body: `${s.weekLabel}: ${s.itemCount} hoạt động.`,
          link: week(s),
          entityType: 'schedule',
          entityId: s.scheduleId,
        },
        occurredAt,
      );
    },
  });

  events.subscribe('schedule.changed', {
    name: 'notifications',
    when: 'in-transaction',
    async handle(trx, { payload: s, occurredAt }) {
      await notify(
        trx,
        s.audience,
        {
          kind: 'schedule_changed',
          title: `Lịch công tác ${whose(s)} có thay đổi`,
          body: `${s.item} (${CHANGE_LABELS[s.change]})${s.note ? `. ${s.note}` : ''}`,
          link: week(s),
          entityType: 'schedule',
          entityId: s.scheduleId,
        },
        occurredAt,
      );
    },
  });
}
