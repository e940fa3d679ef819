/**
 * The statistics feature's UI strings. Kinds of saving come from common/meetings
 * (SAVING_KIND_LABELS), shared with the server.
 */
export const statisticsVi = {
  savings: {
    title: 'Tiết kiệm giấy, mực in',
    year: 'Năm',
    yearOption: (year: number) => `Năm ${year}`,
    intro:
      'Mỗi lần văn bản, giấy mời, tài liệu họp hay lịch công tác được gửi điện tử thay cho bản giấy, hệ thống ghi lại số trang của một bản và số bản lẽ ra phải in và chuyển tay.',
    howCounted:
      'Số trang tiết kiệm = số trang mỗi bản × số bản. Tiền tiết kiệm = số trang × đơn giá một trang (giấy, mực) + số bản × chi phí chuyển một bản giấy (phong bì, đi lại), tính theo đơn giá hiện hành.',
    pages: 'Trang giấy không phải in',
    copies: 'Bản giấy không phải chuyển',
    money: 'Tiền tiết kiệm',
    projected: 'Một năm theo nhịp hiện tại',
    projectedHint: (target: string) =>
      `Tính từ lần gửi điện tử đầu tiên được ghi nhận, so với mục tiêu ${target} mỗi năm (theo bài báo về Huyện ủy Đồng Văn)`,
    reached: 'Đã đạt mục tiêu',
    ofTarget: (percent: number) => `${percent}% mục tiêu`,
    empty: (year: number) => `Chưa có số liệu tiết kiệm trong năm ${year}`,
    emptyHint:
      'Số liệu sẽ xuất hiện khi văn bản, giấy mời, tài liệu họp hoặc lịch công tác được gửi điện tử cho người nhận.',
    byMonth: 'Theo tháng',
    byKind: 'Theo loại',
    byOrganization: 'Theo đơn vị',
    metric: { money: 'Tiền', pages: 'Trang', copies: 'Bản' } as const,
    monthShort: (m: number) => `T${m}`,
    monthLong: (m: number, year: number) => `Tháng ${m}/${year}`,
    colOrganization: 'Đơn vị',
    colPages: 'Số trang',
    colCopies: 'Số bản',
    colMoney: 'Số tiền',
    pagesCopies: (pages: string, copies: string) => `${pages} trang · ${copies} bản`,
    noOrganizations: 'Chưa có đơn vị nào có số liệu',
  },
  prices: {
    title: 'Đơn giá dùng để tính',
    costPerPage: 'Một trang in (giấy, mực)',
    costPerCopy: 'Chuyển một bản giấy (phong bì, đi lại)',
    updatedAt: (at: string) => `Cập nhật lúc ${at}`,
    defaults: 'Đơn giá mặc định, chưa được điều chỉnh',
    edit: 'Sửa đơn giá',
    save: 'Lưu đơn giá',
    saved: 'Đã lưu đơn giá; số tiền được tính lại theo đơn giá mới',
    stale: 'Đơn giá vừa được người khác thay đổi; đã tải lại. Hãy kiểm tra rồi lưu lại.',
    required: 'Hãy nhập đơn giá (có thể là 0)',
    adminOnly: 'Chỉ quản trị viên được sửa đơn giá.',
    recomputeHint: 'Mọi số tiền, kể cả của các năm trước, được tính lại theo đơn giá mới.',
  },
};

export const tstat = statisticsVi;
