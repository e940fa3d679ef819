import { z } from 'zod';

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  /** Where in the product it leads, e.g. `/meetings/01J...`. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({ items: z.array(notificationSchema), unread: z.number() });
export type NotificationList = z.infer<typeof notificationListSchema>;
export const notificationQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const markReadSchema = z.union([
  z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(200) }),
  z.object({ all: z.literal(true) }),
]);
export const unreadCountSchema = z.object({ unread: z.number() });

/**
 * What stays muted until a person chooses otherwise: a text message for every personal
 * letter is noise (mail is read in the app and arrives by e-mail); documents, meetings and
 * schedules still come by SMS.
 */
export const DEFAULT_MUTED: readonly string[] = ['mail_received:sms'];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:mm');
/** How a person wants to hear: e-mail and SMS on or off, SMS quiet hours, and `kind:channel` pairs muted. */
export const notificationSettingsSchema = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  quietFrom: hhmm,
  quietTo: hhmm,
  muted: z.array(z.string().regex(/^[a-z_]{1,40}:(email|sms)$/)).max(100),
  version: z.number().int().min(1).max(2_147_483_646),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
export const deliveryListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      channel: z.string(),
      address: z.string().nullable(),
      status: z.string(),
      segments: z.number().nullable(),
      error: z.string().nullable(),
      updatedAt: z.string(),
      title: z.string(),
    }),
  ),
});

/** The SMS provider's delivery report carries the shared secret in its address. */
export const smsReportQuerySchema = z.object({ token: z.string().max(200).optional() });
export type DeliveryList = z.infer<typeof deliveryListSchema>;
