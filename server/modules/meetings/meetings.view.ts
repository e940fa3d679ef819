import { type MeetingAction, REPLY_LABELS } from '../../../common/meetings';
import type { Invitee, MeetingFile, MeetingView } from '../../../common/schemas/meetings';
import type * as repo from './meetings.repository';
import type { MeetingInviteesTable } from './meetings.tables';

type Kind<T> = T extends string ? T : never;

export function inviteeView(i: MeetingInviteesTable, filesOpened: number, showReason = true): Invitee {
  return {
    id: i.id,
    kind: i.kind as Invitee['kind'],
    personId: i.person_id,
    organizationId: i.organization_id,
    userId: i.user_id,
    name: i.name,
    position: i.position,
    role: i.role as Invitee['role'],
    reply: i.reply as Invitee['reply'],
    reason: showReason ? i.reason : null,
    deputyName: i.deputy_name,
    repliedAt: i.replied_at,
    attendance: i.attendance as Invitee['attendance'],
    checkedInAt: i.checked_in_at,
    remindedAt: i.reminded_at,
    filesOpened,
  };
}

export interface ViewInput {
  row: repo.MeetingRow;
  agenda: Awaited<ReturnType<typeof repo.agendaOf>>;
  files: repo.MeetingFileRow[];
  invitees: MeetingInviteesTable[];
  events: Awaited<ReturnType<typeof repo.eventsOf>>;
  opens: { meeting_file_id: string; user_id: string; first_opened_at: string }[];
  actorId: string;
  lastSeenAt: string | null;
  seesEveryone: boolean;
  /** The organizer and the chair: they read why others are absent; everyone else only their own reasons. */
  seesReasons: boolean;
  mine: MeetingInviteesTable[];
  own: MeetingInviteesTable | null;
  actions: MeetingAction[];
}

export function meetingView(v: ViewInput): MeetingView {
  const { row } = v;
  const current = v.files.filter((f) => !f.superseded_at && !f.withdrawn_at);
  const currentIds = new Set(current.filter((f) => f.kind === 'document').map((f) => f.id));
  const invitedUsers = new Set(v.invitees.flatMap((i) => (i.user_id ? [i.user_id] : [])));
  const openedBy = new Map<string, Set<string>>();
  const openedByUser = new Map<string, number>();
  const myOpens = new Map<string, string>();
  for (const o of v.opens) {
    if (o.user_id === v.actorId) myOpens.set(o.meeting_file_id, o.first_opened_at);
    if (!invitedUsers.has(o.user_id)) continue;
    const set = openedBy.get(o.meeting_file_id) ?? new Set<string>();
    set.add(o.user_id);
    openedBy.set(o.meeting_file_id, set);
    if (currentIds.has(o.meeting_file_id)) openedByUser.set(o.user_id, (openedByUser.get(o.user_id) ?? 0) + 1);
  }
  const files: MeetingFile[] = current.map((f) => ({
    id: f.id,
    agendaItemId: f.agenda_item_id,
    kind: f.kind as Kind<MeetingFile['kind']>,
    fileName: f.file_name,
    size: Number(f.size),
    contentType: f.content_type,
    pages: f.pages === null ? null : Number(f.pages),
    addedAt: f.added_at,
    addedBy: f.added_by_name,
    replacesId: f.replaces_id,
    // Never seen the meeting: nothing is "new" yet, it is all new. One's own files are not news.
    changed: v.lastSeenAt !== null && f.added_at > v.lastSeenAt && f.added_by !== v.actorId,
    openedAt: myOpens.get(f.id) ?? null,
    openedBy: v.seesEveryone ? (openedBy.get(f.id)?.size ?? 0) : null,
  }));
  const opened = (i: MeetingInviteesTable) => (i.user_id ? (openedByUser.get(i.user_id) ?? 0) : 0);
  const answered = v.invitees.filter((i) => i.reply !== 'pending').length;
  const attending = v.invitees.filter((i) => i.reply === 'attending' || i.reply === 'deputy').length;
  const present = v.invitees.filter((i) => i.attendance === 'present').length;
  const absent = v.invitees.filter((i) => i.attendance === 'absent').length;
  const mineIds = new Set(v.mine.map((i) => i.id));
  const reasonFor = (i: MeetingInviteesTable) => v.seesReasons || mineIds.has(i.id);
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    body: row.body as MeetingView['body'],
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    status: row.status as MeetingView['status'],
    secrecy: row.secrecy as MeetingView['secrecy'],
    chairName: row.chair_name,
    chairUserId: row.chair_user_id,
    content: row.content,
    signerName: row.signer_name,
    signerPosition: row.signer_position,
    signerAuthority: row.signer_authority,
    registerId: row.register_id,
    invitationDocumentId: row.invitation_document_id,
    invitationNumber: row.invitation_number ?? null,
    sentAt: row.sent_at,
    invited: v.invitees.length,
    answered,
    attending,
    present,
    absent,
    myReply: (v.own?.reply as MeetingView['myReply']) ?? null,
    changedFiles: files.filter((f) => f.changed).length,
    agenda: v.agenda.map((a) => ({
      id: a.id,
      position: Number(a.position),
      title: a.title,
      presenterName: a.presenter_name,
      presenterUserId: a.presenter_user_id,
    })),
    files,
    invitees: (v.seesEveryone ? v.invitees : v.mine).map((i) => inviteeView(i, opened(i), reasonFor(i))),
    myInvitations: v.mine.map((i) => inviteeView(i, opened(i))),
    lastSeenAt: v.lastSeenAt,
    events: v.seesReasons ? v.events : v.events.map(withoutReason),
    actions: v.actions,
    version: row.version,
  };
}

/**
 * A reply's trail entry reads "Name — Vắng mặt: reason"; the reason is for the organizer and
 * the chair, so for everyone else the entry stops at the answer.
 */
function withoutReason<E extends { kind: string; note: string | null }>(e: E): E {
  if (e.kind !== 'replied' || !e.note) return e;
  const marker = ` — ${REPLY_LABELS.absent}`;
  const at = e.note.indexOf(marker);
  return at < 0 ? e : { ...e, note: e.note.slice(0, at + marker.length) };
}

/** The invitation's file is named after its number: `05-GM/HU` → `Giay-moi-05-GM-HU.pdf`. */
export function invitationFileName(numberText: string, extension: 'pdf' | 'docx' = 'pdf'): string {
  return `Giay-moi-${numberText.replaceAll('/', '-')}.${extension}`;
}
