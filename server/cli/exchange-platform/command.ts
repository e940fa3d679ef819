import path from 'node:path';
import { fail } from '../output';
import { parseClients, startExchangePlatform } from './server';

/** `vanphong exchange-platform --port 3990 --dir DIR [--clients id:secret:agency,…]` */
export async function exchangePlatform(values: { port?: string; dir?: string; clients?: string }): Promise<void> {
  const port = Number(values.port ?? process.env.PLATFORM_PORT ?? 3990);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Cổng không hợp lệ: ${values.port}`, 64);
  const dir = values.dir ?? process.env.PLATFORM_DIR;
  if (!dir) fail('Cần --dir THƯ_MỤC (nơi trục lưu thông điệp).', 64);
  let clients: ReturnType<typeof parseClients>;
  try {
    clients = parseClients(values.clients ?? process.env.PLATFORM_CLIENTS ?? '');
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), 64);
  }
  if (clients.length === 0)
    fail('Cần ít nhất một mã kết nối: --clients id:mật_khẩu:mã_định_danh (hoặc PLATFORM_CLIENTS).', 64);
  const tokenTtlSeconds = Number(process.env.PLATFORM_TOKEN_TTL ?? 3600);
  const platform = await startExchangePlatform({
    port,
    host: process.env.PLATFORM_HOST ?? '127.0.0.1',
    dir: path.resolve(dir),
    clients,
    tokenTtlSeconds: Number.isFinite(tokenTtlSeconds) && tokenTtlSeconds > 0 ? tokenTtlSeconds : 3600,
  });
  process.stdout.write(
    `Trục liên thông (bản chạy thử) đang nghe ở ${platform.url}, ${clients.length} mã kết nối, lưu tại ${path.resolve(dir)}\n`,
  );
  const stop = () => {
    platform.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
