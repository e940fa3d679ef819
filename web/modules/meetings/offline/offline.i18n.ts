/** The words of meeting papers kept on the phone. */
export const to = {
  save: 'Lưu để đọc ngoại tuyến',
  saving: (done: number, total: number) => `Đang tải ${done}/${total} tài liệu…`,
  saved: (at: string, size: string) => `Đã lưu lúc ${at} · ${size}`,
  read: 'Đọc ngoại tuyến',
  remove: 'Bỏ lưu',
  removed: 'Đã xóa tài liệu lưu trên máy',
  savedDone: 'Đã lưu tài liệu họp trên máy: đọc được cả khi không có mạng',
  title: 'Tài liệu họp đã lưu trên máy',
  empty: 'Chưa lưu cuộc họp nào. Mở "Cuộc họp của tôi" và chọn "Lưu để đọc ngoại tuyến".',
  notFound: 'Cuộc họp này không còn lưu trên máy (đã bỏ lưu, đã hết hạn lưu hoặc đã đăng xuất).',
  back: 'Cuộc họp của tôi',
  allSaved: 'Mọi cuộc họp đã lưu',
  offlineBanner: 'Không có mạng: đang đọc bản lưu trên máy.',
  keptUntil: (day: string) => `Tự xóa khỏi máy sau ngày ${day}.`,
  agenda: 'Nội dung họp',
  invitation: 'Giấy mời',
  papers: 'Tài liệu họp',
  otherPapers: 'Tài liệu khác',
  noPapers: 'Chưa có tài liệu',
  open: 'Mở',
  chair: 'Chủ trì',
  place: 'Địa điểm',
  reply: 'Trả lời giấy mời',
  attending: 'Tham dự',
  absent: 'Vắng mặt',
  reason: 'Lý do vắng mặt',
  reasonRequired: 'Hãy ghi lý do vắng mặt',
  send: 'Gửi trả lời',
  cancel: 'Hủy',
  queued: 'Chờ gửi khi có mạng',
  sent: (at: string) => `Đã gửi lúc ${at}`,
  failed: 'Máy chủ không nhận trả lời',
  current: 'Trả lời hiện tại',
  replies: { pending: 'Chưa trả lời', attending: 'Tham dự', absent: 'Vắng mặt', deputy: 'Cử người dự thay' },
  unsupported: 'Trình duyệt này không lưu được tài liệu để đọc ngoại tuyến.',
};

export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(0)} kB`;
  return `${(bytes / 1_000_000).toFixed(1).replace('.', ',')} MB`;
}
