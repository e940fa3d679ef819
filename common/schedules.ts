/**
 * The most characters each text of a week's work schedule may hold, without zod so the web's
 * forms import them cheaply: common/schemas/schedules.ts refuses more, and the forms stop the
 * typing there. The schedule's vocabularies are in common/meetings.ts.
 */
export const SCHEDULE_LIMITS = {
  /** What an item is about. */
  content: 2000,
  place: 300,
  /** Who leads it, as the schedule prints it. */
  lead: 300,
  /** Who attends, as the schedule prints it. */
  attendees: 2000,
  /** Who prepares it, as the schedule prints it. */
  preparers: 500,
  /** What changed in an item of a published week, or why it was called off. */
  changeNote: 500,
  /** A note with a week sent for approval, approved or sent back. */
  stepNote: 1000,
} as const;
