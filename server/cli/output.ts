import type { DemoAccount } from '../modules/identity/auth.routes';

export function printDemoAccounts(accounts: readonly DemoAccount[]): void {
  const width = Math.max(...accounts.map((a) => a.username.length));
  process.stdout.write(
    [
      '',
      '  Đã nạp tổ chức mẫu Huyện ủy Đồng Văn. Tài khoản dùng thử (mật khẩu chỉ in một lần):',
      ...accounts.map((a) => `    ${a.username.padEnd(width)}  ${a.password}  ${a.label}`),
      '',
    ].join('\n'),
  );
}

export function fail(message: string, code = 1): never {
  process.stderr.write(`Lỗi: ${message}\n`);
  process.exit(code);
}
