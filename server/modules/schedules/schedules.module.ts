import type { PlatformDeps } from '../../platform/deps';
import type { App } from '../../platform/http/http-server';
import { type CalendarSource, createCalendarFeed, scheduleItemsSource } from './calendar-feed.service';
import { createSchedulesCore } from './context.service';
import { createItemsService } from './items.service';
import { createScheduleReader } from './read.service';
import { schedulePolicy } from './schedules.policy';
import { createSchedulePrinter } from './schedules.render';
import { registerScheduleRoutes } from './schedules.routes';
import { createSchedulesService } from './schedules.service';

export const schedulePolicies = [schedulePolicy];
export type { CalendarEvent, CalendarSource } from './calendar-feed.service';

/**
 * Weekly work schedules (lịch công tác) and each person's iCalendar feed. The feed holds the
 * person's schedule items and whatever `calendarSources` add (meetings they are invited to).
 */
export function createSchedulesModule(deps: PlatformDeps, options: { calendarSources: readonly CalendarSource[] }) {
  const core = createSchedulesCore(deps);
  const module = {
    schedules: createSchedulesService(core),
    items: createItemsService(core),
    reader: createScheduleReader(core),
    printer: createSchedulePrinter(core),
    feed: createCalendarFeed({
      deps,
      sources: [scheduleItemsSource(deps.database.db), ...options.calendarSources],
    }),
  };
  return { ...module, register: (app: App) => registerScheduleRoutes(app, module) };
}

export type SchedulesModule = Omit<ReturnType<typeof createSchedulesModule>, 'register'>;
