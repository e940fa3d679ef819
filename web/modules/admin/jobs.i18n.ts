/** The strings of the administrator's view of the outgoing job queue (e-mail, SMS). */
import type { JobStatusName } from '../../../common/schemas/jobs';
import { JOBS_MENU_LABEL } from './jobs.menu';

export const jobsVi = {
  title: JOBS_MENU_LABEL,
  intro: 'Thư điện tử và tin nhắn SMS do hệ thống gửi đi được xếp hàng ở đây, gửi lần lượt và tự thử lại khi gặp lỗi.',
  statuses: {
    queued: 'Đang chờ',
    running: 'Đang chạy',
    done: 'Đã gửi',
    failed: 'Lỗi (thử lại sau)',
    dead: 'Hỏng hẳn',
  } satisfies Record<JobStatusName, string>,
  /** What each kind of job does; an unknown kind is shown by its code. */
  kinds: {
    'notification.deliver': 'Chọn kênh gửi thông báo',
    'notification.email': 'Gửi thông báo qua thư điện tử',
    'notification.sms': 'Gửi thông báo qua SMS',
  } as Record<string, string>,
  kindFilter: 'Loại việc',
  kindAll: 'Mọi loại việc',
  refresh: 'Làm mới',
  autoRefresh: 'Tự làm mới mỗi 10 giây',
  colKind: 'Loại việc',
  colStatus: 'Trạng thái',
  colAttempts: 'Số lần thử',
  colRunAt: 'Lần chạy tới',
  colLastError: 'Lỗi gần nhất',
  colCreated: 'Tạo lúc',
  colDone: 'Xong lúc',
  attempts: (attempts: number, max: number) => `${attempts}/${max}`,
  attemptsLong: (attempts: number, max: number) => `Đã thử ${attempts}/${max} lần`,
  runAtLabel: 'Chạy tới',
  createdLabel: 'Tạo',
  doneLabel: 'Xong',
  noError: 'Không có',
  retry: 'Thử lại',
  retryTitle: 'Đưa việc này trở lại hàng đợi?',
  retryConfirm: 'Việc sẽ được chạy lại ngay, với đủ số lần thử như mới.',
  retryDone: 'Đã đưa việc trở lại hàng đợi.',
  empty: 'Chưa có việc nào trong hàng đợi',
  emptyHint:
    'Khi hệ thống gửi thông báo qua thư điện tử hoặc tin nhắn SMS, từng lần gửi sẽ hiện ở đây cùng trạng thái và lỗi nếu có.',
  emptyFiltered: 'Không có việc nào ở trạng thái này',
  /** The notice above the queue when the product is not served over https. */
  address: {
    insecureTitle: 'Máy chủ chưa chạy qua https',
    insecure: (url: string) =>
      `Người dùng đang vào VanPhong ở ${url}. Qua địa chỉ http, trình duyệt không cho cài ứng dụng lên điện thoại và không giữ được tài liệu họp để xem khi mất mạng.`,
    localTitle: 'Chỉ chính máy chủ cài được ứng dụng qua địa chỉ này',
    local: (url: string) =>
      `Địa chỉ ${url} chỉ dùng được trên máy chủ: điện thoại trong mạng không cài được ứng dụng và không giữ được tài liệu họp để xem khi mất mạng.`,
    fix: 'Cách sửa: phục vụ VanPhong qua https (ví dụ sau một reverse proxy có chứng chỉ) và đặt PUBLIC_URL=https://… rồi khởi động lại.',
    unset: 'PUBLIC_URL chưa được đặt; địa chỉ trên là địa chỉ bạn đang dùng.',
  },
};

export const tj = jobsVi;
