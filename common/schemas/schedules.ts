import { z } from 'zod';
import { SCHEDULE_ACTIONS, SCHEDULE_OWNERS, SCHEDULE_STATUSES } from '../meetings';
import { SCHEDULE_LIMITS } from '../schedules';
import { optionalText, text, versionSchema } from './directory';
import { dateSchema } from './documents';
import { idSchema } from './http';

export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:mm');
/** The Monday a week starts on. */
export const weekSchema = dateSchema.refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, {
  message: 'Tuần được chỉ bằng ngày thứ Hai',
});

export const scheduleCreateSchema = z.object({
  organizationId: idSchema,
  owner: z.enum(SCHEDULE_OWNERS),
  /** The leader whose week it is, when `owner` is `leader`. */
  ownerUserId: idSchema.nullable().optional(),
  weekStart: weekSchema,
});
export type ScheduleCreate = z.infer<typeof scheduleCreateSchema>;
export type ScheduleCreateInput = z.input<typeof scheduleCreateSchema>;

const itemFields = {
  day: dateSchema,
  startTime: timeSchema,
  endTime: timeSchema.nullable().optional(),
  place: optionalText(SCHEDULE_LIMITS.place),
  content: text(SCHEDULE_LIMITS.content),
  leadText: optionalText(SCHEDULE_LIMITS.lead),
  attendeesText: optionalText(SCHEDULE_LIMITS.attendees),
  preparersText: optionalText(SCHEDULE_LIMITS.preparers),
  /** People this item is for: it appears in their calendar feed. */
  userIds: z.array(idSchema).max(200).default([]),
};
export const scheduleItemWriteSchema = z
  .object({
    ...itemFields,
    /** The meeting this item puts on the schedule: a calendar feed then shows it once, with the person's answer. */
    meetingId: idSchema.nullable().optional(),
  })
  .refine((i) => !i.endTime || i.endTime > i.startTime, {
    message: 'Giờ kết thúc phải sau giờ bắt đầu',
    path: ['endTime'],
  });
export type ScheduleItemWrite = z.infer<typeof scheduleItemWriteSchema>;
export type ScheduleItemInput = z.input<typeof scheduleItemWriteSchema>;
export const scheduleItemPatchSchema = z
  .object({ ...itemFields, userIds: z.array(idSchema).max(200) })
  .partial()
  .extend({ version: versionSchema, changeNote: optionalText(SCHEDULE_LIMITS.changeNote) });
export type ScheduleItemPatch = z.infer<typeof scheduleItemPatchSchema>;
export type ScheduleItemPatchInput = z.input<typeof scheduleItemPatchSchema>;
export const scheduleItemCancelSchema = z.object({
  version: versionSchema,
  changeNote: optionalText(SCHEDULE_LIMITS.changeNote),
});

export const scheduleStepSchema = z.object({ version: versionSchema, note: optionalText(SCHEDULE_LIMITS.stepNote) });

export const scheduleItemSchema = z.object({
  id: z.string(),
  day: z.string(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  place: z.string().nullable(),
  content: z.string(),
  leadText: z.string().nullable(),
  attendeesText: z.string().nullable(),
  preparersText: z.string().nullable(),
  userIds: z.array(z.string()),
  meetingId: z.string().nullable(),
  /** Changed or added after the week was published. */
  changed: z.boolean(),
  cancelled: z.boolean(),
  changeNote: z.string().nullable(),
  version: versionSchema,
});
export type ScheduleItem = z.infer<typeof scheduleItemSchema>;

export const scheduleSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  owner: z.enum(SCHEDULE_OWNERS),
  ownerUserId: z.string().nullable(),
  /** 'Thường trực Huyện ủy' or the leader's name. */
  ownerLabel: z.string(),
  weekStart: z.string(),
  status: z.enum(SCHEDULE_STATUSES),
  /** 0 until published, 1 when published; each change after publishing adds one. */
  revision: z.number(),
  publishedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  note: z.string().nullable(),
  items: z.array(scheduleItemSchema),
  actions: z.array(z.enum(SCHEDULE_ACTIONS)),
  version: versionSchema,
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const scheduleListQuerySchema = z.object({ week: weekSchema, organizationId: idSchema.optional() });
/** Every schedule of the week the caller may see: published ones, and drafts for those who compose them. */
export const scheduleWeekSchema = z.object({
  weekStart: z.string(),
  schedules: z.array(scheduleSchema),
  /** Whether the caller may start a schedule for this week. */
  canCompose: z.boolean(),
});
export type ScheduleWeek = z.infer<typeof scheduleWeekSchema>;

export const calendarFeedSchema = z.object({
  /** The secret address a phone calendar follows; null when the caller has none. */
  url: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export const scheduleItemParamsSchema = z.object({ id: idSchema, itemId: idSchema });
export const schedulePeopleQuerySchema = z.object({ organizationId: idSchema });
const schedulePersonSchema = z.object({ id: z.string(), fullName: z.string(), position: z.string().nullable() });
export type SchedulePerson = z.infer<typeof schedulePersonSchema>;
/** Whom a schedule's items may name: the unit's leaders and its people. */
export const schedulePeopleSchema = z.object({
  /** Accounts holding the leader role over the organization: whose own week may be composed. */
  leaders: z.array(schedulePersonSchema),
  /** Accounts of the organization and below it: whose calendars an item may go to. */
  people: z.array(schedulePersonSchema),
});
export type SchedulePeople = z.infer<typeof schedulePeopleSchema>;
export const weekPdfQuerySchema = z.object({ week: weekSchema, organizationId: idSchema.optional() });
export const awaitingApprovalSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      weekStart: z.string(),
      weekLabel: z.string(),
      ownerLabel: z.string(),
      submittedAt: z.string(),
    }),
  ),
});
export type AwaitingApproval = z.infer<typeof awaitingApprovalSchema>;
/** The personal calendar address: the token in it is the credential. */
export const calendarTokenParamsSchema = z.object({ token: z.string().max(200) });
