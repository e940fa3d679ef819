import type { OrganizationType } from '../../../common/schemas/directory';

/**
 * The demo organization, modelled on the 2019 article about Đồng Văn (Hà Giang):
 * a Party committee with its Standing and Executive Committees, Office,
 * Party-building boards and Inspection Commission, 68 grassroots Party
 * organizations and 56 people with official mailboxes. Districts no longer
 * exist since 2025; the demo keeps the article's shape, the code assumes none.
 */
export const DEMO_ROOT = {
  code: 'HUDV',
  name: 'Huyện ủy Đồng Văn',
  abbreviation: 'HU',
  type: 'party_committee' as OrganizationType,
  mailbox: 'huyenuy@dongvan.dang.vn',
  /** Made up for the demo, in the format of a national identifier: it is what the exchange writes. */
  nationalId: 'DCS.H17.31.HU',
};

/**
 * Offices outside the deployment the demo writes to and hears from, reached through the exchange
 * platform (with `npm run platform` for the local stand-in). Their identifiers are made up.
 */
export const DEMO_OUTSIDE: { code: string; name: string; abbreviation: string; nationalId: string }[] = [
  { code: 'TUHG', name: 'Tỉnh ủy Hà Giang', abbreviation: 'TU', nationalId: 'DCS.H17.00.TU' },
  { code: 'UBNDHG', name: 'Ủy ban nhân dân tỉnh Hà Giang', abbreviation: 'UBND', nationalId: '000.00.00.H17' },
  { code: 'VPTWD', name: 'Văn phòng Trung ương Đảng', abbreviation: 'VPTW', nationalId: 'DCS.000.00.VPTW' },
];

export const DEMO_BODIES: { code: string; name: string; abbreviation: string; type: OrganizationType }[] = [
  { code: 'BTVHU', name: 'Ban Thường vụ Huyện ủy', abbreviation: 'BTVHU', type: 'standing_committee' },
  { code: 'BCHHU', name: 'Ban Chấp hành Đảng bộ huyện', abbreviation: 'BCHHU', type: 'executive_committee' },
  { code: 'VPHU', name: 'Văn phòng Huyện ủy', abbreviation: 'VPHU', type: 'office' },
  { code: 'BTCHU', name: 'Ban Tổ chức Huyện ủy', abbreviation: 'BTCHU', type: 'board' },
  { code: 'BTGHU', name: 'Ban Tuyên giáo Huyện ủy', abbreviation: 'BTGHU', type: 'board' },
  { code: 'BDVHU', name: 'Ban Dân vận Huyện ủy', abbreviation: 'BDVHU', type: 'board' },
  { code: 'UBKTHU', name: 'Ủy ban Kiểm tra Huyện ủy', abbreviation: 'UBKTHU', type: 'inspection_commission' },
  { code: 'TTCTH', name: 'Trung tâm Chính trị huyện', abbreviation: 'TTCT', type: 'other' },
];

/** The 19 communes and towns of Đồng Văn as they were in 2019. */
const COMMUNES = [
  'Thị trấn Đồng Văn',
  'Thị trấn Phó Bảng',
  'Xã Lũng Cú',
  'Xã Ma Lé',
  'Xã Lũng Táo',
  'Xã Phố Là',
  'Xã Thài Phìn Tủng',
  'Xã Sủng Là',
  'Xã Xà Phìn',
  'Xã Tả Phìn',
  'Xã Tả Lủng',
  'Xã Phố Cáo',
  'Xã Sính Lủng',
  'Xã Sảng Tủng',
  'Xã Lũng Thầu',
  'Xã Hố Quáng Phìn',
  'Xã Vần Chải',
  'Xã Lũng Phìn',
  'Xã Sủng Trái',
];

/** Party cells and committees of the agencies, schools, army and police units. */
const AGENCY_CELLS: { name: string; type: OrganizationType }[] = [
  { name: 'Đảng bộ Quân sự huyện', type: 'grassroots_committee' },
  { name: 'Đảng bộ Công an huyện', type: 'grassroots_committee' },
  { name: 'Đảng bộ Đồn Biên phòng Lũng Cú', type: 'grassroots_committee' },
  { name: 'Đảng bộ Đồn Biên phòng Săm Pun', type: 'grassroots_committee' },
  { name: 'Đảng bộ Đồn Biên phòng Phố Là', type: 'grassroots_committee' },
  { name: 'Đảng bộ Đồn Biên phòng Sính Lủng', type: 'grassroots_committee' },
  { name: 'Đảng bộ Trung tâm Y tế huyện', type: 'grassroots_committee' },
  ...[
    'Văn phòng Huyện ủy',
    'Các ban xây dựng Đảng huyện',
    'Ủy ban Kiểm tra Huyện ủy',
    'Văn phòng HĐND và UBND huyện',
    'Phòng Tài chính - Kế hoạch',
    'Phòng Nội vụ',
    'Phòng Tư pháp',
    'Phòng Tài nguyên và Môi trường',
    'Phòng Nông nghiệp và Phát triển nông thôn',
    'Phòng Kinh tế và Hạ tầng',
    'Phòng Giáo dục và Đào tạo',
    'Phòng Văn hóa và Thông tin',
    'Phòng Lao động - Thương binh và Xã hội',
    'Phòng Y tế',
    'Phòng Dân tộc',
    'Thanh tra huyện',
    'Ủy ban MTTQ và các đoàn thể huyện',
    'Trung tâm Chính trị huyện',
    'Ban Quản lý Công viên Địa chất toàn cầu Cao nguyên đá Đồng Văn',
    'Ban Quản lý Khu di tích Cột cờ Lũng Cú',
    'Trung tâm Văn hóa - Thông tin - Thể thao huyện',
    'Trung tâm Dịch vụ Nông nghiệp huyện',
    'Ban Quản lý dự án Đầu tư xây dựng huyện',
    'Chi cục Thuế huyện',
    'Kho bạc Nhà nước huyện',
    'Ngân hàng Chính sách xã hội huyện',
    'Ngân hàng Nông nghiệp và Phát triển nông thôn huyện',
    'Bảo hiểm xã hội huyện',
    'Chi cục Thống kê huyện',
    'Viện Kiểm sát nhân dân huyện',
    'Tòa án nhân dân huyện',
    'Chi cục Thi hành án dân sự huyện',
    'Hạt Kiểm lâm huyện',
    'Điện lực Đồng Văn',
    'Bưu điện huyện',
    'Viễn thông Đồng Văn',
    'Trường THPT Đồng Văn',
    'Trường PT Dân tộc Nội trú THCS và THPT huyện',
    'Trường THPT Chuyên Biệt Phó Bảng',
    'Trung tâm GDNN - GDTX huyện',
    'Trường THCS Thị trấn Đồng Văn',
    'Trường Tiểu học Thị trấn Đồng Văn',
  ].map((name) => ({ name: `Chi bộ ${name}`, type: 'party_cell' as OrganizationType })),
];

export interface DemoGrassroots {
  code: string;
  name: string;
  abbreviation: string;
  type: OrganizationType;
}

function codeOf(prefix: string, index: number) {
  return `${prefix}${String(index + 1).padStart(2, '0')}`;
}

export const DEMO_GRASSROOTS: DemoGrassroots[] = [
  ...COMMUNES.map((commune, i) => ({
    code: codeOf('DBX', i),
    name: `Đảng bộ ${commune.replace(/^Xã/, 'xã').replace(/^Thị trấn/, 'thị trấn')}`,
    abbreviation: 'ĐU',
    type: 'grassroots_committee' as OrganizationType,
  })),
  ...AGENCY_CELLS.map((cell, i) => ({
    code: codeOf('CB', i),
    name: cell.name,
    abbreviation: cell.type === 'party_cell' ? 'CB' : 'ĐU',
    type: cell.type,
  })),
];

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đỗ',
  'Lò',
  'Sùng',
  'Giàng',
  'Vàng',
  'Thào',
  'Lù',
  'Mua',
  'Ly',
  'Đặng',
];
const MIDDLE_MALE = ['Văn', 'Mí', 'Seo', 'Đức', 'Quốc', 'Minh', 'Xuân'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thu', 'Ngọc'];
const GIVEN_MALE = ['Chứ', 'Pó', 'Dũng', 'Hùng', 'Sính', 'Lử', 'Thắng', 'Tuấn', 'Phử', 'Páo', 'Hải', 'Long', 'Khoa'];
const GIVEN_FEMALE = ['Mai', 'Dín', 'Hoa', 'Lan', 'Sợ', 'Hương', 'Máy', 'Thảo', 'Linh'];

/** Deterministic names, so the demo is the same on every machine. */
export function demoName(i: number): string {
  const female = i % 3 === 1;
  const family = FAMILY[(i * 7) % FAMILY.length];
  const middle = female ? MIDDLE_FEMALE[i % MIDDLE_FEMALE.length] : MIDDLE_MALE[(i * 3) % MIDDLE_MALE.length];
  const given = female ? GIVEN_FEMALE[(i * 5) % GIVEN_FEMALE.length] : GIVEN_MALE[(i * 5) % GIVEN_MALE.length];
  return `${family} ${middle} ${given}`;
}

/** Positions of the 56 individual mailbox holders, with the body they sit in. */
export const DEMO_POSITIONS: { position: string; body: string; standing?: boolean; executive?: boolean }[] = [
  { position: 'Bí thư Huyện ủy', body: 'BTVHU', standing: true, executive: true },
  { position: 'Phó Bí thư Thường trực Huyện ủy', body: 'BTVHU', standing: true, executive: true },
  { position: 'Phó Bí thư Huyện ủy, Chủ tịch UBND huyện', body: 'BTVHU', standing: true, executive: true },
  { position: 'Ủy viên BTV, Chủ nhiệm Ủy ban Kiểm tra Huyện ủy', body: 'UBKTHU', standing: true, executive: true },
  { position: 'Ủy viên BTV, Trưởng Ban Tổ chức Huyện ủy', body: 'BTCHU', standing: true, executive: true },
  { position: 'Ủy viên BTV, Trưởng Ban Tuyên giáo Huyện ủy', body: 'BTGHU', standing: true, executive: true },
  { position: 'Ủy viên BTV, Trưởng Ban Dân vận Huyện ủy', body: 'BDVHU', standing: true, executive: true },
  { position: 'Ủy viên BTV, Chánh Văn phòng Huyện ủy', body: 'VPHU', standing: true, executive: true },
  { position: 'Ủy viên BTV, Phó Chủ tịch UBND huyện', body: 'BTVHU', standing: true, executive: true },
  { position: 'Ủy viên BTV, Chỉ huy trưởng Ban Chỉ huy Quân sự huyện', body: 'BTVHU', standing: true, executive: true },
  { position: 'Ủy viên BTV, Trưởng Công an huyện', body: 'BTVHU', standing: true, executive: true },
  ...Array.from({ length: 16 }, (_, i) => ({
    position: `Huyện ủy viên, Bí thư Đảng ủy ${['xã Lũng Cú', 'xã Sủng Là', 'xã Phố Cáo', 'thị trấn Phó Bảng', 'xã Ma Lé', 'xã Lũng Táo', 'xã Phố Là', 'xã Tả Lủng', 'xã Xà Phìn', 'xã Tả Phìn', 'xã Sính Lủng', 'xã Sảng Tủng', 'xã Lũng Thầu', 'xã Vần Chải', 'xã Lũng Phìn', 'xã Sủng Trái'][i]}`,
    body: 'BCHHU',
    executive: true,
  })),
  { position: 'Phó Chánh Văn phòng Huyện ủy', body: 'VPHU' },
  { position: 'Phó Chánh Văn phòng Huyện ủy', body: 'VPHU' },
  { position: 'Văn thư Văn phòng Huyện ủy', body: 'VPHU' },
  { position: 'Chuyên viên Văn phòng Huyện ủy, phụ trách công nghệ thông tin', body: 'VPHU' },
  { position: 'Chuyên viên tổng hợp Văn phòng Huyện ủy', body: 'VPHU' },
  { position: 'Chuyên viên Văn phòng Huyện ủy', body: 'VPHU' },
  { position: 'Kế toán Văn phòng Huyện ủy', body: 'VPHU' },
  { position: 'Phó Trưởng Ban Tổ chức Huyện ủy', body: 'BTCHU' },
  { position: 'Chuyên viên Ban Tổ chức Huyện ủy', body: 'BTCHU' },
  { position: 'Chuyên viên Ban Tổ chức Huyện ủy', body: 'BTCHU' },
  { position: 'Phó Trưởng Ban Tuyên giáo Huyện ủy', body: 'BTGHU' },
  { position: 'Chuyên viên Ban Tuyên giáo Huyện ủy', body: 'BTGHU' },
  { position: 'Chuyên viên Ban Tuyên giáo Huyện ủy', body: 'BTGHU' },
  { position: 'Phó Trưởng Ban Dân vận Huyện ủy', body: 'BDVHU' },
  { position: 'Chuyên viên Ban Dân vận Huyện ủy', body: 'BDVHU' },
  { position: 'Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy', body: 'UBKTHU' },
  { position: 'Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy', body: 'UBKTHU' },
  { position: 'Ủy viên Ủy ban Kiểm tra Huyện ủy', body: 'UBKTHU' },
  { position: 'Cán bộ Ủy ban Kiểm tra Huyện ủy', body: 'UBKTHU' },
  { position: 'Cán bộ Ủy ban Kiểm tra Huyện ủy', body: 'UBKTHU' },
  { position: 'Giám đốc Trung tâm Chính trị huyện', body: 'TTCTH' },
  { position: 'Phó Giám đốc Trung tâm Chính trị huyện', body: 'TTCTH' },
  { position: 'Giảng viên Trung tâm Chính trị huyện', body: 'TTCTH' },
  { position: 'Chuyên viên Văn phòng Huyện ủy', body: 'VPHU' },
  { position: 'Chuyên viên Văn phòng Huyện ủy', body: 'VPHU' },
  { position: 'Lưu trữ viên Văn phòng Huyện ủy', body: 'VPHU' },
  { position: 'Chuyên viên Ban Tổ chức Huyện ủy', body: 'BTCHU' },
  { position: 'Chuyên viên Ban Dân vận Huyện ủy', body: 'BDVHU' },
  { position: 'Cán bộ Ủy ban Kiểm tra Huyện ủy', body: 'UBKTHU' },
];

/** ASCII mailbox local part from a Vietnamese name: "Sùng Mí Chứ" → "chusm". */
export function mailboxLocal(name: string, index: number): string {
  const parts = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .split(' ');
  const given = parts[parts.length - 1] ?? 'canbo';
  const initials = parts
    .slice(0, -1)
    .map((p) => p[0])
    .join('');
  return `${given}${initials}${index + 1}`;
}
