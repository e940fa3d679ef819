import os from 'node:os';
import { parseArgs } from 'node:util';
import { auditCheckpoint, auditRepairEncoding, auditVerify } from './cli/audit';
import { backup, restore } from './cli/backup';
import { migrate, orgCreate, seedDemoCommand, userCreate, userResetPassword } from './cli/commands';
import { exchangeExport, exchangeImport } from './cli/exchange';
import { exchangePlatform } from './cli/exchange-platform/command';
import { fail } from './cli/output';
import { pdfVerify } from './cli/pdf';
import { serve } from './cli/serve';
import { ConfigError, loadConfig } from './platform/config/config';
import { VERSION } from './version';

const HELP = `VanPhong ${VERSION} — văn phòng điện tử cho cơ quan Đảng

Cách dùng: vanphong <lệnh> [tùy chọn]

  serve                              Chạy máy chủ (mặc định)
  migrate                            Cập nhật cấu trúc cơ sở dữ liệu
  seed-demo                          Nạp tổ chức mẫu vào cơ sở dữ liệu trống
  org create --code C --name N --abbreviation A [--parent C] [--type T] [--mailbox M]
  user create --username U --full-name "Họ tên" [--email E] [--password P]
              [--role MÃ_TỔ_CHỨC:vai_trò ...]
  user reset-password --login U [--password P]
  audit verify                       Kiểm tra nhật ký có bị sửa hay xóa (cả các mốc kiểm tra)
  audit checkpoint                   Ghi mốc kiểm tra đầu chuỗi nhật ký ra tệp (AUDIT_CHECKPOINT_DIR)
  audit repair-encoding              Sửa cảnh báo nhầm do ký tự lỗi mã hóa, có bằng chứng
  backup [--out TỆP]                 Sao lưu SQLite khi đang chạy
  restore --from TỆP [--force]       Khôi phục SQLite (dừng máy chủ trước)
  exchange import TỆP.edxml --org MÃ Nhận một tệp edXML cho tổ chức MÃ (chờ văn thư tiếp nhận);
                                     in một dòng JSON
  exchange export MÃ_VĂN_BẢN         Xuất gói tin edXML của văn bản ra đầu ra chuẩn
  pdf verify TỆP.pdf                 Kiểm tra các chữ ký số trong tệp PDF (TRUST_DIR); in một dòng JSON
  exchange-platform --port 3990 --dir THƯ_MỤC [--clients id:mật_khẩu:mã_định_danh,...]
                                     Chạy trục liên thông văn bản thay thế, để thử (PLATFORM_CLIENTS)

Cấu hình qua biến môi trường, xem README.md.
`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      port: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      force: { type: 'boolean' },
      username: { type: 'string' },
      login: { type: 'string' },
      'full-name': { type: 'string' },
      email: { type: 'string' },
      position: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string', multiple: true },
      code: { type: 'string' },
      name: { type: 'string' },
      abbreviation: { type: 'string' },
      parent: { type: 'string' },
      type: { type: 'string' },
      mailbox: { type: 'string' },
      dir: { type: 'string' },
      clients: { type: 'string' },
      org: { type: 'string' },
      register: { type: 'boolean' },
    },
  });
  const [command = 'serve', sub] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  // The stand-in platform is a program of its own: it needs none of the product's configuration.
  if (command === 'exchange-platform') return exchangePlatform(values);
  const env = { ...process.env, ...(values.port ? { PORT: values.port } : {}) };
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 78);
    throw error;
  }
  switch (`${command}${sub ? ` ${sub}` : ''}`) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return migrate(config);
    case 'seed-demo':
      return seedDemoCommand(config);
    case 'org create':
      return orgCreate(config, values);
    case 'user create':
      return userCreate(config, values);
    case 'user reset-password':
      return userResetPassword(config, values);
    case 'audit verify':
      return auditVerify(config);
    case 'audit checkpoint':
      return auditCheckpoint(config);
    case 'audit repair-encoding':
      return auditRepairEncoding(config, `Dòng lệnh (${os.userInfo().username})`);
    case 'backup':
      return backup(config, values.out);
    case 'exchange import':
      return exchangeImport(config, positionals[2], values);
    case 'exchange export':
      return exchangeExport(config, positionals[2]);
    case 'pdf verify':
      return pdfVerify(config, positionals[2]);
    case 'restore':
      return restore(config, values.from, values.force === true);
    default:
      process.stderr.write(HELP);
      fail(`Lệnh không rõ: ${positionals.join(' ')}`, 64);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) fail(error.message, 78);
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
