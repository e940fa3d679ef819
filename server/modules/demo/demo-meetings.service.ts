import { Readable } from 'node:stream';
import { addDays, dayInVietnam } from '../../platform/clock';
import type { PlatformDeps } from '../../platform/deps';
import type { Actor } from '../../platform/security/actor';
import type { MeetingsModule } from '../meetings/meetings.contract';
import { demoPdf } from './demo-documents.service';

type Meetings = Omit<MeetingsModule, 'register'>;

export interface DemoMeetingPeople {
  clerk: Actor;
  leader: Actor;
  rootId: string;
  outgoingRegisterId: string;
  standingGroupId: string;
  executiveGroupId: string;
  /** The Office clerk's own person, invited as the meeting's secretary. */
  secretaryPersonId: string | null;
  /** A member of the Executive Committee invited to sit in. */
  guestPersonId: string | null;
}

/** A time in Vietnam `days` from today, as stored. */
function at(deps: PlatformDeps, days: number, time: string): string {
  return new Date(`${addDays(dayInVietnam(deps.clock.now()), days)}T${time}:00+07:00`).toISOString();
}

/**
 * A Standing Committee meeting next week, sent with its documents and a first reply, and an
 * Executive Committee conference still being prepared: made through the services people use.
 */
export async function seedDemoMeetings(deps: PlatformDeps, meetings: Meetings, p: DemoMeetingPeople) {
  const upload = async (actor: Actor, name: string, text: string) => {
    const stored = await deps.files.put(Readable.from([demoPdf(text)]), { fileName: name, maxBytes: 1 << 20 });
    return (await deps.files.recordUpload(actor.userId, stored)).id;
  };
  const standing = await meetings.meetings.createMeeting(p.clerk, {
    organizationId: p.rootId,
    body: 'standing_committee',
    title: 'Hội nghị Ban Thường vụ Huyện ủy thường kỳ tháng 12',
    chairName: 'Đồng chí Bí thư Huyện ủy',
    chairUserId: p.leader.userId,
    startsAt: at(deps, 5, '08:00'),
    endsAt: at(deps, 5, '11:30'),
    place: 'Phòng họp Ban Thường vụ, tầng 2 trụ sở Huyện ủy Đồng Văn',
    content: 'Đề nghị các đồng chí nghiên cứu kỹ tài liệu gửi kèm trên hệ thống và chuẩn bị ý kiến tham gia.',
    secrecy: 'normal',
    signerName: p.leader.fullName,
    signerPosition: 'Bí thư Huyện ủy',
    signerAuthority: 'T/M BAN THƯỜNG VỤ',
    agenda: [
      {
        title: 'Báo cáo kết quả lãnh đạo thực hiện nhiệm vụ chính trị năm 2026, phương hướng năm 2027',
        presenterName: 'Văn phòng Huyện ủy',
        uploadIds: [
          await upload(p.clerk, 'Bao cao nhiem vu nam 2026.pdf', 'Bao cao ket qua thuc hien nhiem vu nam 2026'),
        ],
      },
      {
        title: 'Tờ trình về chương trình kiểm tra, giám sát năm 2027',
        presenterName: 'Ủy ban Kiểm tra Huyện ủy',
        uploadIds: [
          await upload(p.clerk, 'To trinh kiem tra giam sat 2027.pdf', 'To trinh chuong trinh kiem tra giam sat 2027'),
        ],
      },
    ],
    invitees: [
      { kind: 'group', id: p.standingGroupId, role: 'delegate' },
      ...(p.secretaryPersonId
        ? [{ kind: 'person' as const, id: p.secretaryPersonId, role: 'secretary' as const }]
        : []),
      ...(p.guestPersonId ? [{ kind: 'person' as const, id: p.guestPersonId, role: 'guest' as const }] : []),
    ],
  });
  await meetings.invitations.send(p.clerk, standing.id, { version: 1, registerId: p.outgoingRegisterId });
  await meetings.attendance.reply(p.leader, standing.id, { reply: 'attending' });

  await meetings.meetings.createMeeting(p.clerk, {
    organizationId: p.rootId,
    body: 'executive_committee',
    title: 'Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 12 (mở rộng)',
    chairName: 'Đồng chí Bí thư Huyện ủy',
    startsAt: at(deps, 12, '07:30'),
    endsAt: at(deps, 12, '17:00'),
    place: 'Hội trường Huyện ủy Đồng Văn',
    content: 'Tổng kết công tác năm 2026, triển khai nhiệm vụ năm 2027.',
    secrecy: 'normal',
    signerName: p.leader.fullName,
    signerPosition: 'Bí thư Huyện ủy',
    signerAuthority: 'T/M BAN THƯỜNG VỤ',
    agenda: [{ title: 'Dự thảo Nghị quyết về nhiệm vụ năm 2027', presenterName: 'Văn phòng Huyện ủy', uploadIds: [] }],
    invitees: [{ kind: 'group', id: p.executiveGroupId, role: 'delegate' }],
  });
}
