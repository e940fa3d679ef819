import { z } from 'zod';
import {
  ATTENDANCE,
  ATTENDEE_ROLES,
  MEETING_ACTIONS,
  MEETING_BODIES,
  MEETING_FILE_KINDS,
  MEETING_LIMITS,
  MEETING_STATUSES,
  REPLIES,
} from '../meetings';
import { optionalText, text, versionSchema } from './directory';
import { dateSchema, secrecySchema } from './documents';
import { idSchema } from './http';

export * from '../meetings';

/** An instant with its offset, e.g. `2026-11-30T08:00:00+07:00` or `...Z`; stored as UTC. */
export const instantSchema = z.iso.datetime({ offset: true, message: 'Thời điểm không hợp lệ' });

export const agendaItemWriteSchema = z.object({
  title: text(MEETING_LIMITS.agendaTitle),
  presenterName: optionalText(MEETING_LIMITS.name),
  presenterUserId: idSchema.nullable().optional(),
  /** Uploads (from POST /api/files) to attach to this item as meeting documents. */
  uploadIds: z.array(idSchema).max(50).default([]),
});

export const inviteeWriteSchema = z.object({
  kind: z.enum(['person', 'organization', 'group']),
  id: idSchema,
  role: z.enum(ATTENDEE_ROLES).default('delegate'),
});
export type InviteeWrite = z.infer<typeof inviteeWriteSchema>;

const meetingFields = {
  organizationId: idSchema,
  body: z.enum(MEETING_BODIES),
  title: text(MEETING_LIMITS.title),
  chairName: optionalText(MEETING_LIMITS.name),
  chairUserId: idSchema.nullable().optional(),
  startsAt: instantSchema,
  endsAt: instantSchema,
  place: text(MEETING_LIMITS.place),
  /** The invitation's text: what the meeting is for, what to prepare. */
  content: optionalText(MEETING_LIMITS.content),
  secrecy: secrecySchema.default('normal'),
  signerName: optionalText(MEETING_LIMITS.name),
  signerPosition: optionalText(MEETING_LIMITS.name),
  /** Who signs for whom: 'T/M BAN THƯỜNG VỤ', 'K/T BÍ THƯ'. */
  signerAuthority: optionalText(MEETING_LIMITS.name),
  agenda: z.array(agendaItemWriteSchema).max(100).default([]),
  invitees: z.array(inviteeWriteSchema).max(2000).default([]),
};

export const meetingWriteSchema = z.object({
  ...meetingFields,
  clientKey: z.string().trim().min(8).max(80).optional(),
});
export type MeetingWrite = z.infer<typeof meetingWriteSchema>;

/** A draft meeting's changes: only the fields sent change; lists sent replace the saved ones. */
export const meetingPatchSchema = z
  .object({
    body: meetingFields.body,
    title: meetingFields.title,
    chairName: meetingFields.chairName,
    chairUserId: meetingFields.chairUserId,
    startsAt: meetingFields.startsAt,
    endsAt: meetingFields.endsAt,
    place: meetingFields.place,
    content: meetingFields.content,
    secrecy: secrecySchema,
    signerName: meetingFields.signerName,
    signerPosition: meetingFields.signerPosition,
    signerAuthority: meetingFields.signerAuthority,
    agenda: z.array(agendaItemWriteSchema.extend({ id: idSchema.optional() })).max(100),
    invitees: z.array(inviteeWriteSchema).max(2000),
  })
  .partial()
  .extend({ version: versionSchema });
export type MeetingPatch = z.infer<typeof meetingPatchSchema>;

export const sendInvitationSchema = z.object({ version: versionSchema, registerId: idSchema });
export const rescheduleSchema = z.object({
  version: versionSchema,
  /** Both absent: postponed without a new time. */
  startsAt: instantSchema.optional(),
  endsAt: instantSchema.optional(),
  place: text(MEETING_LIMITS.place).optional(),
  reason: text(MEETING_LIMITS.reason),
});
export const cancelMeetingSchema = z.object({ version: versionSchema, reason: text(MEETING_LIMITS.reason) });
export const addInviteesSchema = z.object({ invitees: z.array(inviteeWriteSchema).min(1).max(2000) });
export const addMeetingFilesSchema = z.object({
  uploadIds: z.array(idSchema).min(1).max(50),
  agendaItemId: idSchema.nullable().optional(),
  kind: z.enum(['document', 'minutes', 'conclusion']).default('document'),
});
export const replaceMeetingFileSchema = z.object({ uploadId: idSchema, note: optionalText(MEETING_LIMITS.fileNote) });
export const replySchema = z
  .object({
    /** For an organization's invitation, answered by its clerk or leader; absent: the caller's own. */
    inviteeId: idSchema.optional(),
    reply: z.enum(['attending', 'absent', 'deputy']),
    reason: optionalText(MEETING_LIMITS.reason),
    deputyName: optionalText(MEETING_LIMITS.name),
  })
  .refine((r) => r.reply !== 'absent' || !!r.reason, { message: 'Cần nêu lý do vắng mặt', path: ['reason'] })
  .refine((r) => r.reply !== 'deputy' || !!r.deputyName, {
    message: 'Cần ghi tên người dự thay',
    path: ['deputyName'],
  });
export type ReplyWrite = z.infer<typeof replySchema>;
/** A reply as sent: text fields may be left out or null. */
export type ReplyBody = z.input<typeof replySchema>;
export const attendanceSchema = z.object({
  marks: z
    .array(z.object({ inviteeId: idSchema, attendance: z.enum(ATTENDANCE) }))
    .min(1)
    .max(2000),
});

export const agendaItemSchema = z.object({
  id: z.string(),
  position: z.number(),
  title: z.string(),
  presenterName: z.string().nullable(),
  presenterUserId: z.string().nullable(),
});

export const meetingFileSchema = z.object({
  id: z.string(),
  agendaItemId: z.string().nullable(),
  kind: z.enum(MEETING_FILE_KINDS),
  fileName: z.string(),
  size: z.number(),
  contentType: z.string(),
  pages: z.number().nullable(),
  addedAt: z.string(),
  addedBy: z.string(),
  /** The file this one replaced, if any. */
  replacesId: z.string().nullable(),
  /** For the caller: new or replaced since they last looked at the meeting. */
  changed: z.boolean(),
  /** When the caller first opened it; null if never. */
  openedAt: z.string().nullable(),
  /** For the organizer: how many invitees have opened it. */
  openedBy: z.number().nullable(),
});
export type MeetingFile = z.infer<typeof meetingFileSchema>;

export const inviteeSchema = z.object({
  id: z.string(),
  kind: z.enum(['person', 'organization']),
  personId: z.string().nullable(),
  organizationId: z.string().nullable(),
  userId: z.string().nullable(),
  name: z.string(),
  position: z.string().nullable(),
  role: z.enum(ATTENDEE_ROLES),
  reply: z.enum(REPLIES),
  reason: z.string().nullable(),
  deputyName: z.string().nullable(),
  repliedAt: z.string().nullable(),
  attendance: z.enum(ATTENDANCE),
  checkedInAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  /** How many of the meeting's current documents this invitee has opened. */
  filesOpened: z.number(),
});
export type Invitee = z.infer<typeof inviteeSchema>;

export const meetingEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string(),
  kind: z.string(),
  note: z.string().nullable(),
});

export const meetingSummarySchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  body: z.enum(MEETING_BODIES),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  status: z.enum(MEETING_STATUSES),
  secrecy: secrecySchema,
  chairName: z.string().nullable(),
  invitationNumber: z.string().nullable(),
  invited: z.number(),
  answered: z.number(),
  attending: z.number(),
  /** The caller's own invitation, if invited. */
  myReply: z.enum(REPLIES).nullable(),
  /** Documents new or replaced since the caller last looked. */
  changedFiles: z.number(),
  version: versionSchema,
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingViewSchema = meetingSummarySchema.extend({
  /** Marked present at the meeting (checked in or marked by the secretary). */
  present: z.number(),
  /** Marked absent at the meeting. */
  absent: z.number(),
  organizationName: z.string(),
  chairUserId: z.string().nullable(),
  content: z.string().nullable(),
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  signerAuthority: z.string().nullable(),
  registerId: z.string().nullable(),
  invitationDocumentId: z.string().nullable(),
  sentAt: z.string().nullable(),
  agenda: z.array(agendaItemSchema),
  files: z.array(meetingFileSchema),
  /** Everyone for the organizer and secretary; only the caller's own for a delegate. */
  invitees: z.array(inviteeSchema),
  /** The invitations the caller answers: their own, and their organization's. */
  myInvitations: z.array(inviteeSchema),
  /** When the caller last looked, before this view. */
  lastSeenAt: z.string().nullable(),
  events: z.array(meetingEventSchema),
  actions: z.array(z.enum(MEETING_ACTIONS)),
});
export type MeetingView = z.infer<typeof meetingViewSchema>;

export const meetingListQuerySchema = z.object({
  /** `mine`: meetings the caller is invited to (or answers for); `organized`: those they may manage. */
  scope: z.enum(['all', 'mine', 'organized']).default('all'),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  body: z.enum(MEETING_BODIES).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type MeetingListQuery = z.infer<typeof meetingListQuerySchema>;

export const meetingListSchema = z.object({
  items: z.array(meetingSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type MeetingList = z.infer<typeof meetingListSchema>;

export const sendResultSchema = z.object({
  invitationDocumentId: z.string(),
  invitationNumber: z.string(),
  invited: z.number(),
});

/** A reply sent from a phone's offline queue carries its own id: a repeat is answered without a second write. */
export const replyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'Mã gửi lại không hợp lệ')
    .optional(),
});
export const invitedSchema = z.object({ added: z.number() });
export const remindedSchema = z.object({ reminded: z.number() });
/** The code shown at the door, rotating; a delegate's phone sends it back to check in. */
export const doorCodeSchema = z.object({
  code: z.string(),
  validUntil: z.string(),
  rotatesEverySeconds: z.number(),
  path: z.string(),
  url: z.string().nullable(),
});
export type DoorCode = z.infer<typeof doorCodeSchema>;
export const doorCheckInSchema = z.object({ code: z.string().trim().min(1).max(32) });
export const doorCheckInResultSchema = z.object({ checkedIn: z.boolean(), already: z.boolean() });
export type DoorCheckInResult = z.infer<typeof doorCheckInResultSchema>;
