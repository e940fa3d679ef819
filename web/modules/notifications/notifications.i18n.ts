/** The notification bell's UI strings (the header loads them with every page, so they stay few). */
export const notificationsVi = {
  bell: 'Thông báo',
  bellWithCount: (n: number) => `Thông báo: ${n} chưa đọc`,
  title: 'Thông báo',
  markAllRead: 'Đánh dấu tất cả đã đọc',
  empty: 'Chưa có thông báo nào',
  emptyHint: 'Giấy mời họp, thay đổi lịch họp và lịch công tác sẽ được báo ở đây.',
  unreadHint: (n: number) => `${n} thông báo chưa đọc`,
  allRead: 'Đã đọc hết',
  justNow: 'Vừa xong',
  minutesAgo: (n: number) => `${n} phút trước`,
  hoursAgo: (n: number) => `${n} giờ trước`,
  unreadMark: 'Chưa đọc',
  latest: (n: number) => `${n} thông báo mới nhất`,
  settingsLink: 'Cài đặt thông báo',
};

export const tnote = notificationsVi;
