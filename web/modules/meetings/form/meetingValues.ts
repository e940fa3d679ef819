import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import type { Secrecy } from '../../../../common/documents';
import type { MeetingBody } from '../../../../common/meetings';
import type { InviteeWrite, MeetingPatch, MeetingView, MeetingWrite } from '../../../../common/schemas/meetings';
import { tm } from '../meetings.i18n';
import { fromInstant, toInstant } from '../meetingTime';

/**
 * What the meeting form holds, how it starts (new, or a draft being edited), what it
 * refuses and the request it sends: kept apart from the drawer so they can be checked
 * without a browser.
 */
export interface AgendaChoice {
  id?: string;
  title: string;
  presenterName?: string | null;
  uploadIds?: string[];
  fileCount?: number;
}

/** An invitee as the form holds it: what the server needs, plus a name to show. */
export type InviteeChoice = InviteeWrite & { label: string };

export interface MeetingValues {
  organizationId: string;
  body: MeetingBody;
  title: string;
  chairName?: string | null;
  startsAt: Dayjs;
  endsAt: Dayjs;
  place: string;
  secrecy: Secrecy;
  content?: string | null;
  signerName?: string | null;
  signerPosition?: string | null;
  signerAuthority?: string | null;
  agenda: AgendaChoice[];
  invitees: InviteeChoice[];
}

/** What the server takes: the chosen invitees without their display names. */
export function toInviteeWrites(list: InviteeChoice[]): InviteeWrite[] {
  return list.map(({ label: _label, ...i }) => i);
}

export const meetingRules = {
  organizationId: [{ required: true, message: tm.form.organizationRequired }],
  title: [{ required: true, whitespace: true, message: tm.form.titleRequired }],
  startsAt: [{ required: true, message: tm.form.startsAtRequired }],
  endsAt: [
    { required: true, message: tm.form.endsAtRequired },
    ({ getFieldValue }) => ({
      validator: (_, end: Dayjs | undefined) => {
        const start = getFieldValue('startsAt') as Dayjs | undefined;
        return !end || !start || end.isAfter(start)
          ? Promise.resolve()
          : Promise.reject(new Error(tm.form.endsAfterStart));
      },
    }),
  ],
  place: [{ required: true, whitespace: true, message: tm.form.placeRequired }],
  agendaTitle: [{ required: true, whitespace: true, message: tm.form.agendaTitleRequired }],
} satisfies Record<string, Rule[]>;

/** A start at or after the end (or with no end yet) puts the end three hours later; null keeps the end. */
export function endAfterNewStart(start: Dayjs | null, end: Dayjs | undefined): Dayjs | null {
  return start && !end?.isAfter(start) ? start.add(3, 'hour') : null;
}

/** A new meeting of the Standing Committee, called by the person's only organization; or a draft as it stands. */
export function meetingInitialValues(
  draft: MeetingView | undefined,
  organizations: [string, string][],
): Partial<MeetingValues> {
  if (!draft) {
    return {
      organizationId: organizations.length === 1 ? organizations[0]?.[0] : undefined,
      body: 'standing_committee',
      secrecy: 'normal',
      agenda: [],
      invitees: [],
    };
  }
  return {
    organizationId: draft.organizationId,
    body: draft.body,
    title: draft.title,
    chairName: draft.chairName,
    startsAt: fromInstant(draft.startsAt) ?? undefined,
    endsAt: fromInstant(draft.endsAt) ?? undefined,
    place: draft.place,
    secrecy: draft.secrecy,
    content: draft.content,
    signerName: draft.signerName,
    signerPosition: draft.signerPosition,
    signerAuthority: draft.signerAuthority,
    agenda: draft.agenda.map((a) => ({
      id: a.id,
      title: a.title,
      presenterName: a.presenterName,
      uploadIds: [],
      fileCount: draft.files.filter((f) => f.agendaItemId === a.id && f.kind === 'document').length,
    })),
    invitees: draft.invitees.flatMap((i): InviteeChoice[] => {
      const id = i.kind === 'person' ? i.personId : i.organizationId;
      return id ? [{ kind: i.kind, id, role: i.role, label: i.name }] : [];
    }),
  };
}

function meetingFields(v: MeetingValues) {
  return {
    body: v.body,
    title: v.title.trim(),
    chairName: v.chairName?.trim() || null,
    startsAt: toInstant(v.startsAt),
    endsAt: toInstant(v.endsAt),
    place: v.place.trim(),
    secrecy: v.secrecy,
    content: v.content?.trim() || null,
    signerName: v.signerName?.trim() || null,
    signerPosition: v.signerPosition?.trim() || null,
    signerAuthority: v.signerAuthority?.trim() || null,
    invitees: toInviteeWrites(v.invitees ?? []),
  };
}

const agendaOf = (v: MeetingValues) =>
  (v.agenda ?? []).map((a) => ({
    ...(a.id ? { id: a.id } : {}),
    title: a.title.trim(),
    presenterName: a.presenterName?.trim() || null,
    uploadIds: a.uploadIds ?? [],
  }));

/** The request that creates the meeting: times with Vietnam's offset, texts trimmed, empty ones null. */
export function meetingCreateBody(v: MeetingValues, clientKey: string): MeetingWrite {
  return {
    ...meetingFields(v),
    agenda: agendaOf(v).map(({ title, presenterName, uploadIds }) => ({ title, presenterName, uploadIds })),
    organizationId: v.organizationId,
    clientKey,
  };
}

/** The request that changes a draft meeting at the version the form was filled from; agenda items keep their ids. */
export function meetingPatchBody(v: MeetingValues, version: number): MeetingPatch {
  return { ...meetingFields(v), agenda: agendaOf(v), version };
}
