import type { PartyDocumentLayout } from './party-layout';
import type { WeeklyScheduleLayout } from './weekly-schedule';

/**
 * A typical invitation and week schedule of a district Party committee, for
 * tests, benchmarks and previews of the renderers.
 */
export function sampleInvitation(): PartyDocumentLayout {
  return {
    parentIssuer: 'Đảng bộ tỉnh Hà Giang',
    issuer: 'Huyện ủy Đồng Văn',
    numberText: 'Số 05-GM/HU',
    place: 'Đồng Văn',
    date: '2026-11-25',
    typeName: 'Giấy mời',
    summary: 'Dự hội nghị Ban Thường vụ Huyện ủy',
    secrecyMark: null,
    urgencyMark: 'Khẩn',
    body: [
      {
        kind: 'paragraph',
        indent: true,
        text:
          'Thực hiện Chương trình công tác năm 2026, Ban Thường vụ Huyện ủy tổ chức hội nghị thường kỳ tháng 11 ' +
          'nhằm đánh giá kết quả thực hiện nhiệm vụ và thống nhất những giải pháp trọng tâm đến cuối năm.',
      },
      { kind: 'paragraph', indent: true, text: 'Ban Thường vụ Huyện ủy trân trọng kính mời đồng chí:' },
      { kind: 'paragraph', align: 'center', bold: true, text: 'Sùng Mí Páo, Ủy viên Ban Chấp hành Đảng bộ huyện' },
      { kind: 'field', label: 'Thời gian:', value: '07 giờ 30 phút, ngày 27/11/2026 (thứ Sáu).' },
      { kind: 'field', label: 'Địa điểm:', value: 'Phòng họp tầng 2, trụ sở Huyện ủy Đồng Văn.' },
      { kind: 'field', label: 'Nội dung:', value: 'Cho ý kiến các nội dung sau:' },
      {
        kind: 'list',
        items: [
          'Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 11; phương hướng, nhiệm vụ tháng 12 năm 2026.',
          'Dự thảo Báo cáo tổng kết công tác xây dựng Đảng và hệ thống chính trị năm 2026.',
          'Kế hoạch chăm lo Tết cho hộ nghèo, người cao tuổi cô đơn, phụ nữ đang ẵm con nhỏ và đối tượng ưu tiên dịp Xuân Đinh Mùi 2027.',
        ],
      },
      {
        kind: 'paragraph',
        indent: true,
        text:
          'Đề nghị đồng chí nghiên cứu tài liệu trên hệ thống văn phòng điện tử, dự hội nghị đúng giờ; ' +
          'trường hợp vắng mặt báo cáo Thường trực Huyện ủy (qua Văn phòng) trước ngày 26/11/2026./.',
      },
    ],
    signer: { authority: 'T/M Ban Thường vụ', position: 'Phó Bí thư', name: 'Hoàng Đức Thắng' },
    recipients: [
      'Như thành phần mời,',
      'Thường trực HĐND, UBND huyện,',
      'Các ban xây dựng Đảng Huyện ủy,',
      'Lưu Văn phòng Huyện ủy.',
    ],
  };
}

type Item = WeeklyScheduleLayout['days'][number]['items'][number];

function item(time: string, content: string, lead: string, extra: Partial<Item> = {}): Item {
  return {
    time,
    content,
    lead,
    attendees: 'Thường trực Huyện ủy; lãnh đạo các ban xây dựng Đảng',
    place: 'Phòng họp Huyện ủy',
    preparers: 'Văn phòng Huyện ủy',
    changed: false,
    cancelled: false,
    ...extra,
  };
}

export function sampleSchedule(): WeeklyScheduleLayout {
  return {
    parentIssuer: 'Đảng bộ tỉnh Hà Giang',
    issuer: 'Huyện ủy Đồng Văn',
    title: 'Lịch công tác của Thường trực Huyện ủy',
    weekLabel: 'Tuần 48 (từ ngày 23/11/2026 đến ngày 29/11/2026)',
    revisionNote: 'Bản điều chỉnh lần 2, 26/11/2026 14:05',
    days: [
      {
        label: 'Thứ Hai 23/11',
        items: [
          item('07h30', 'Chào cờ đầu tuần; giao ban Thường trực Huyện ủy', 'Đồng chí Bí thư Huyện ủy'),
          item('14h00', 'Làm việc với Đảng ủy xã Lũng Cú về công tác chuẩn bị đại hội chi bộ', 'Đồng chí Phó Bí thư', {
            place: 'Trụ sở Đảng ủy xã Lũng Cú',
            attendees: 'Ban Tổ chức, Ủy ban Kiểm tra Huyện ủy',
            preparers: 'Đảng ủy xã Lũng Cú',
          }),
        ],
      },
      {
        label: 'Thứ Ba 24/11',
        items: [
          item(
            '08h00',
            'Dự hội nghị trực tuyến của Tỉnh ủy quán triệt nghị quyết chuyên đề',
            'Đồng chí Bí thư Huyện ủy',
            {
              place: 'Điểm cầu Huyện ủy',
              changed: true,
            },
          ),
        ],
      },
      { label: 'Thứ Tư 25/11', items: [] },
      {
        label: 'Thứ Năm 26/11',
        items: [
          item('08h00', 'Kiểm tra tiến độ xây dựng nhà văn hóa thôn Sủng Là', 'Đồng chí Phó Bí thư', {
            cancelled: true,
            place: 'Xã Sủng Là',
          }),
          item('14h00', 'Họp Ban Thường vụ Huyện ủy thường kỳ tháng 11', 'Đồng chí Bí thư Huyện ủy', {
            attendees: 'Các đồng chí Ủy viên Ban Thường vụ Huyện ủy',
          }),
        ],
      },
      {
        label: 'Thứ Sáu 27/11',
        items: [
          item('07h30', 'Hội nghị Ban Thường vụ Huyện ủy (theo Giấy mời số 05-GM/HU)', 'Đồng chí Bí thư Huyện ủy'),
        ],
      },
      { label: 'Thứ Bảy 28/11', items: [] },
      { label: 'Chủ nhật 29/11', items: [] },
    ],
    footer: 'Lịch công tác có thể thay đổi; Văn phòng Huyện ủy thông báo kịp thời khi có điều chỉnh.',
  };
}
