import { z } from 'zod';
import { MEETING_FILE_KINDS, MEETING_STATUSES, REPLIES } from '../meetings';

/**
 * What a delegate's phone keeps of one meeting to read it with no signal: the meeting, its
 * agenda, every current paper (the invitation first) with the hash that names its bytes, and
 * the delegate's own answer. Secret meetings have none.
 */
export const offlinePackageSchema = z.object({
  meeting: z.object({
    id: z.string(),
    title: z.string(),
    organizationName: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string(),
    status: z.enum(MEETING_STATUSES),
    /** Always normal: secret meetings have no package, and the phone keeps nothing else. */
    secrecy: z.literal('normal'),
    chairName: z.string().nullable(),
    invitationNumber: z.string().nullable(),
    content: z.string().nullable(),
  }),
  agenda: z.array(
    z.object({ id: z.string(), position: z.number(), title: z.string(), presenterName: z.string().nullable() }),
  ),
  files: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(MEETING_FILE_KINDS),
      agendaItemId: z.string().nullable(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number(),
      /** The SHA-256 of the bytes: a replaced paper is a new file with a new hash. */
      etag: z.string(),
      url: z.string(),
    }),
  ),
  /** The caller's own invitation and answer; null when they answer only for an organization. */
  myInvitation: z
    .object({
      inviteeId: z.string(),
      reply: z.enum(REPLIES),
      reason: z.string().nullable(),
      deputyName: z.string().nullable(),
      repliedAt: z.string().nullable(),
    })
    .nullable(),
  /** Kept on the phone until then: the end of the day the meeting ends, in Vietnam. */
  keepUntil: z.string(),
  generatedAt: z.string(),
});
export type OfflinePackage = z.infer<typeof offlinePackageSchema>;
