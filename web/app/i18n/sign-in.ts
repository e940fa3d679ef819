/**
 * The sign-in page's words, in a module of their own: the framework-free sign-in page
 * (web/sign-in/) imports only these, so its first load carries no other text.
 */
export const signInText = {
  title: 'Đăng nhập',
  login: 'Tên đăng nhập hoặc thư điện tử',
  loginRequired: 'Hãy nhập tên đăng nhập hoặc thư điện tử',
  password: 'Mật khẩu',
  passwordRequired: 'Hãy nhập mật khẩu',
  showPassword: 'Hiện các ký tự đã gõ',
  hidePassword: 'Ẩn các ký tự đã gõ',
  totp: 'Mã xác thực',
  totpHint: 'Tài khoản này bật xác thực hai lớp. Mở ứng dụng xác thực trên điện thoại và nhập mã 6 chữ số.',
  totpInvalid: 'Mã xác thực gồm 6 chữ số',
  submit: 'Đăng nhập',
  submitting: 'Đang đăng nhập…',
  failed: 'Không đăng nhập được',
  network: 'Không kết nối được máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.',
  unexpected: (status: number) => `Máy chủ trả lời bất thường (mã ${status}). Hãy thử lại sau ít phút.`,
  sessionExpired: 'Phiên làm việc đã hết hạn. Hãy đăng nhập lại để tiếp tục.',
  signedOut: 'Bạn đã đăng xuất.',
  demoTitle: 'Tài khoản dùng thử',
  demoHint: 'Bấm vào một tài khoản để điền sẵn tên đăng nhập và mật khẩu.',
  demoHintNoPasswords:
    'Mật khẩu dùng thử được in trên màn hình dòng lệnh của máy chủ, và chỉ hiện ở trang này khi mở ngay trên máy chủ (http://localhost). Bấm vào một tài khoản để điền sẵn tên đăng nhập.',
  demoUsername: 'Tên đăng nhập',
  demoPassword: 'Mật khẩu',
} as const;
