import type { DemoAccount, DemoCredential } from '../modules/demo/demo.service';

function accountLines(accounts: readonly (DemoAccount | DemoCredential)[]): string[] {
  const width = Math.max(...accounts.map((a) => a.username.length));
  return accounts.map((a) => `    ${a.username.padEnd(width)}  ${'password' in a ? `${a.password}  ` : ''}${a.label}`);
}

/** After `seed-demo`: the accounts just loaded, with their passwords, to the operator's terminal. */
export function printDemoAccounts(accounts: readonly DemoCredential[]): void {
  process.stdout.write(
    [
      '',
      '  Đã nạp tổ chức mẫu Huyện ủy Đồng Văn. Tài khoản dùng thử / Demo accounts:',
      ...accountLines(accounts),
      '',
    ].join('\n'),
  );
}

const TURN_OFF = [
  '  Trước khi dùng thật / Before real use:',
  '    1. Dừng máy chủ. / Stop the server.',
  '    2. Đặt DEMO_MODE=false, NODE_ENV=production và PUBLIC_URL=<địa chỉ người dùng truy cập>.',
  '       Set DEMO_MODE=false, NODE_ENV=production and PUBLIC_URL=<the address users reach>.',
  '    3. Dùng cơ sở dữ liệu mới, không có dữ liệu mẫu: chuyển thư mục dữ liệu (./data) đi chỗ khác,',
  '       hoặc đặt DATA_DIR / DATABASE_URL mới. Dữ liệu mẫu và tài khoản dùng thử không tự mất.',
  '       Start from a fresh database without the demo: move the data folder (./data) away, or set a',
  '       new DATA_DIR / DATABASE_URL. The demo data and accounts do not go away by themselves.',
  '    4. Tạo tổ chức và quản trị viên / Create your organization and administrator:',
  '       vanphong org create …   vanphong user create … --role MÃ:admin',
];

/**
 * At every start in demo mode: that it is on, what it is for, the accounts (with passwords
 * only when this machine holds the secret they come from) and how to turn it off.
 */
export function printDemoMode(
  demo: { accounts: DemoAccount[]; credentials: DemoCredential[] | null },
  localUrl: string,
): void {
  const lines = [
    '',
    '  ================================================================================',
    '  CHẾ ĐỘ DÙNG THỬ ĐANG BẬT (DEMO_MODE) / DEMO MODE IS ON',
    '  Chỉ để dùng thử sản phẩm với dữ liệu mẫu, không dùng cho công việc thật.',
    '  For trying the product with sample data only, not for real work.',
    '  ================================================================================',
  ];
  if (demo.credentials) {
    lines.push(
      '  Tài khoản dùng thử / Demo accounts:',
      ...accountLines(demo.credentials),
      `  Trang đăng nhập chỉ hiện mật khẩu cho trình duyệt trên chính máy này (${localUrl}).`,
      `  The sign-in page shows the passwords only to a browser on this machine (${localUrl}).`,
    );
  } else if (demo.accounts.length > 0) {
    lines.push(
      '  Tài khoản dùng thử / Demo accounts:',
      ...accountLines(demo.accounts),
      '  Máy này không có khóa sinh ra mật khẩu dùng thử, nên không in được mật khẩu. Ở bản cài cũ, mật khẩu',
      '  dùng thử từng bị lộ nên đã bị vô hiệu; đặt mật khẩu mới: vanphong user reset-password --login quantri',
      '  This machine does not hold the secret the demo passwords come from, so none is shown. On an older',
      '  installation the demo passwords were exposed and have been withdrawn; set new ones with:',
      '  vanphong user reset-password --login quantri',
    );
  } else {
    lines.push(
      '  Cơ sở dữ liệu đã có dữ liệu nên không nạp dữ liệu mẫu.',
      '  The database was not empty, so the demo was not loaded.',
    );
  }
  process.stdout.write([...lines, '', ...TURN_OFF, ''].join('\n'));
}

/** Demo mode is off but the demo's accounts are still in the database. */
export function printDemoLeftover(accounts: readonly DemoAccount[]): void {
  process.stdout.write(
    [
      `  Cảnh báo: cơ sở dữ liệu vẫn còn tài khoản dùng thử (${accounts.map((a) => a.username).join(', ')}).`,
      '  Dùng thật thì bắt đầu với cơ sở dữ liệu mới, hoặc đặt lại mật khẩu các tài khoản này.',
      `  Warning: the database still holds the demo accounts (${accounts.map((a) => a.username).join(', ')}).`,
      '  For real use start from a fresh database, or reset these accounts’ passwords.',
      '',
    ].join('\n'),
  );
}

export function fail(message: string, code = 1): never {
  process.stderr.write(`Lỗi: ${message}\n`);
  process.exit(code);
}
