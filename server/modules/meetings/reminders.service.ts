import { addDays, dayInVietnam } from '../../platform/clock';
import { claimReminder } from '../../platform/reminders';
import type { MeetingsCore } from './context.service';
import * as repo from './meetings.repository';

/** From this hour (Vietnam) the morning-of reminder goes out. */
const MORNING_HOUR = 6;

/** Reminds everyone invited the day before a meeting and on its morning, once each. */
export function createMeetingReminders(core: MeetingsCore) {
  const { db, deps } = core;
  return {
    async run(): Promise<number> {
      const now = deps.clock.now();
      const today = core.today();
      const hour = new Date(now.getTime() + 7 * 3_600_000).getUTCHours();
      const from = now.toISOString();
      const until = new Date(`${addDays(today, 2)}T00:00:00+07:00`).toISOString();
      const coming = await repo.invitedMeetingsStarting(db, from, until);
      let sent = 0;
      for (const m of coming) {
        const day = dayInVietnam(new Date(m.starts_at));
        const which = day === today ? (hour >= MORNING_HOUR ? 'day' : null) : 'eve';
        if (!which) continue;
        await deps.transact(async ({ trx }) => {
          if (!(await claimReminder(trx, `meeting-${which}:${m.id}:${m.starts_at}`, core.now()))) return;
          await deps.events.emit(trx, 'meeting.reminder_due', {
            ...core.factsOf(m, null, await repo.audienceOf(trx, m.id)),
            which,
          });
          sent++;
        });
      }
      return sent;
    },
  };
}
