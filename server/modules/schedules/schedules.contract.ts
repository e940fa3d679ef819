import { eventKinds } from '../../platform/events/events';

/** What every schedule event says of the week's schedule, and to whom it matters. */
export interface ScheduleFacts {
  scheduleId: string;
  organizationId: string;
  /** The Monday, YYYY-MM-DD. */
  weekStart: string;
  /** The week as printed: `Tuần 48 (từ ngày 23/11/2026 đến ngày 29/11/2026)`. */
  weekLabel: string;
  /** Whose week: a leader's name, or `Thường trực <organization>`. */
  ownerLabel: string;
  actorId: string;
  /** The accounts concerned, the actor never among them. */
  audience: string[];
}

/** Submitted for approval; `audience` is those who may approve it. */
export interface ScheduleSubmitted extends ScheduleFacts {
  itemCount: number;
  submittedByName: string;
}

/** Published to everyone concerned. */
export interface SchedulePublished extends ScheduleFacts {
  itemCount: number;
  /** Pages of the week as printed. */
  pages: number;
}

/** An item of a published week added, changed or cancelled. */
export interface ScheduleChanged extends ScheduleFacts {
  change: 'add' | 'edit' | 'cancel';
  /** The item as printed: `Thứ Hai 23/11, 07:30: content`. */
  item: string;
  note: string | null;
  revision: number;
}

export interface ScheduleEvents {
  'schedule.submitted': ScheduleSubmitted;
  'schedule.published': SchedulePublished;
  'schedule.changed': ScheduleChanged;
}

declare module '../../platform/events/events' {
  interface DomainEvents extends ScheduleEvents {}
}

export const scheduleEventKinds = eventKinds<ScheduleEvents>({
  'schedule.submitted': true,
  'schedule.published': true,
  'schedule.changed': true,
});
export type { SchedulesModule } from './schedules.module';
