import { addDays, dayInVietnam } from '../../platform/clock';
import type { PlatformDeps } from '../../platform/deps';
import type { Actor } from '../../platform/security/actor';
import type { SchedulesModule } from '../schedules/schedules.contract';
import { versionOf } from './demo.repository';

/** The Standing Committee's week as the office prints it: mornings and afternoons, Monday to Friday. */
const WEEK: [day: number, time: string, content: string, lead: string, place: string, preparers: string][] = [
  [
    0,
    '07:30',
    'Giao ban Thường trực Huyện ủy đầu tuần',
    'Bí thư Huyện ủy',
    'Phòng họp Thường trực',
    'Văn phòng Huyện ủy',
  ],
  [
    0,
    '14:00',
    'Làm việc với Đảng ủy xã Lũng Cú về công tác xây dựng Đảng',
    'Phó Bí thư Thường trực',
    'Đảng ủy xã Lũng Cú',
    'Ban Tổ chức Huyện ủy',
  ],
  [
    1,
    '08:00',
    'Dự Hội nghị trực tuyến của Tỉnh ủy về chuyển đổi số',
    'Bí thư Huyện ủy',
    'Điểm cầu Huyện ủy',
    'Văn phòng Huyện ủy',
  ],
  [1, '14:00', 'Tiếp công dân định kỳ', 'Bí thư Huyện ủy', 'Trụ sở tiếp công dân huyện', 'Ban Nội chính, Văn phòng'],
  [
    2,
    '08:00',
    'Nghe báo cáo tiến độ thu ngân sách và giải ngân vốn đầu tư công',
    'Phó Bí thư, Chủ tịch UBND huyện',
    'Phòng họp UBND huyện',
    'Văn phòng HĐND-UBND huyện',
  ],
  [
    2,
    '14:00',
    'Kiểm tra công tác chuẩn bị Đại hội chi bộ thôn Má Lầu A',
    'Phó Bí thư Thường trực',
    'Thôn Má Lầu A, xã Lũng Cú',
    'Ban Tổ chức Huyện ủy',
  ],
  [
    3,
    '08:00',
    'Họp Ban Thường vụ Huyện ủy cho ý kiến chương trình kiểm tra, giám sát năm 2027',
    'Bí thư Huyện ủy',
    'Phòng họp Ban Thường vụ',
    'Ủy ban Kiểm tra Huyện ủy',
  ],
  [3, '14:00', 'Làm việc tại cơ quan', 'Thường trực Huyện ủy', 'Trụ sở Huyện ủy', ''],
  [
    4,
    '08:00',
    'Dự lễ khánh thành điểm trường Sủng Là',
    'Phó Bí thư, Chủ tịch UBND huyện',
    'Xã Sủng Là',
    'Phòng Giáo dục và Đào tạo',
  ],
  [4, '14:00', 'Giao ban khối Dân vận', 'Trưởng Ban Dân vận Huyện ủy', 'Phòng họp tầng 2', 'Ban Dân vận Huyện ủy'],
];

/** This week's Standing Committee schedule, composed, approved and published through the services. */
export async function seedDemoSchedule(
  deps: PlatformDeps,
  schedules: SchedulesModule,
  p: { clerk: Actor; leader: Actor; rootId: string },
) {
  const today = dayInVietnam(deps.clock.now());
  const weekStart = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
  const { id } = await schedules.schedules.create(p.clerk, {
    organizationId: p.rootId,
    owner: 'standing_committee',
    weekStart,
  });
  for (const [day, startTime, content, leadText, place, preparersText] of WEEK) {
    await schedules.items.add(p.clerk, id, {
      day: addDays(weekStart, day),
      startTime,
      endTime: null,
      content,
      leadText,
      place,
      attendeesText:
        leadText.startsWith('Bí thư') || leadText.startsWith('Thường trực')
          ? 'Thường trực Huyện ủy, Chánh Văn phòng Huyện ủy'
          : 'Lãnh đạo các ban, ngành liên quan',
      preparersText: preparersText || null,
      userIds: leadText === 'Bí thư Huyện ủy' ? [p.leader.userId] : [],
    });
  }
  const version = () => versionOf(deps.database.db, 'schedules', id);
  await schedules.schedules.submit(p.clerk, id, { version: await version() });
  await schedules.schedules.approve(p.leader, id, { version: await version() });
  await schedules.schedules.publish(p.clerk, id, { version: await version() });
}
