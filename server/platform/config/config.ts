import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { FILE_KINDS, type FileKind } from '../files/content-type';
import { PRODUCTION_PASSWORD_HASH_COST } from '../security/password';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every setting comes from the environment and is validated once at start.
 * The README lists them; keep the two in step.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .refine((v) => v.startsWith('postgres://') || v.startsWith('postgresql://') || v.startsWith('sqlite:'), {
      message: 'DATABASE_URL phải bắt đầu bằng postgres://, postgresql:// hoặc sqlite:',
    })
    .optional(),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_MODE: bool.optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(52_428_800),
  // The reverse proxies whose X-Forwarded-For is believed: addresses or CIDR ranges, comma-separated.
  TRUST_PROXY: z.string().optional(),
  // The exchange with offices outside the deployment (edXML): this deployment's node name, the
  // largest package taken, and the provincial or national exchange platform when there is one.
  EXCHANGE_NODE: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/)
    .optional(),
  EXCHANGE_MAX_MB: z.coerce.number().int().min(1).max(2048).default(200),
  EXCHANGE_PLATFORM_URL: z.string().url().optional(),
  EXCHANGE_PLATFORM_CLIENT_ID: z.string().min(1).optional(),
  EXCHANGE_PLATFORM_CLIENT_SECRET: z.string().min(1).optional(),
  EXCHANGE_POLL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  FILE_STORAGE: z.enum(['disk', 'database']).optional(),
  FILES_DIR: z.string().optional(),
  FILE_TYPES: z
    .string()
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((t) => t.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.enum(FILE_KINDS)).min(1, { message: `FILE_TYPES cần ít nhất một loại: ${FILE_KINDS.join(',')}` }))
    .optional(),
  COOKIE_SECURE: bool.optional(),
  // Notifications by e-mail: the relay mail leaves through; no relay, no e-mail (in the app still).
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(25),
  SMTP_SECURE: bool.optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_DOMAIN: z.string().min(3).default('vanphong.local'),
  MAIL_FROM: z.string().optional(),
  // Largest message (body and attachments) written in the mailbox or taken in over SMTP.
  MAIL_MAX_MB: z.coerce.number().int().min(1).max(200).default(25),
  // Mail for MAIL_DOMAIN received over SMTP: off unless a port is given.
  SMTP_LISTEN_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_LISTEN_HOST: z.string().min(1).default('127.0.0.1'),
  // SMS Brandname: `outbox` writes to a file (demo, development); `http` calls an eSMS-style provider.
  SMS_PROVIDER: z.enum(['outbox', 'http', 'off']).default('outbox'),
  SMS_HTTP_URL: z.string().url().optional(),
  SMS_API_KEY: z.string().optional(),
  SMS_SECRET_KEY: z.string().optional(),
  SMS_BRANDNAME: z.string().optional(),
  SMS_CALLBACK_TOKEN: z.string().min(16).optional(),
  // The audit trail's key, kept outside the database: inline (hex or base64, at least 32 bytes) or in a file.
  AUDIT_KEY: z.string().min(1).optional(),
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  // What signatures must chain to, installed by the operator: roots/, intermediates/, crls/.
  TRUST_DIR: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  // log2 of scrypt's N for new password hashes; only tests may go below the production cost.
  PASSWORD_HASH_COST: z.coerce.number().int().min(4).max(20).default(PRODUCTION_PASSWORD_HASH_COST),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  publicUrl: string | null;
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  /**
   * Demo mode: the demo organization loaded into an empty database and its accounts listed on
   * the sign-in page (passwords only to a browser on the server's own machine). On by default
   * with SQLite, never with real settings.
   */
  demoMode: boolean;
  /** Started for real use: `NODE_ENV=production` or `PUBLIC_URL` set. No demo credentials are ever shown then. */
  realSettings: boolean;
  session: { idleMs: number; absoluteMs: number; cookieSecure: boolean };
  /** Failed sign-ins per account and address before a back-off window; the first window's length. */
  login: { maxFailures: number; lockMs: number };
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  /** Addresses and CIDR ranges of the reverse proxies to believe; empty: the peer's own address counts. */
  trustProxy: string[];
  /** Strict-Transport-Security is sent: the public address is https. */
  hsts: boolean;
  /**
   * Where file bytes live: `disk` (under `dir`, one file per SHA-256) or `database`
   * (`blobs.data`, so every process sharing one PostgreSQL sees them); which types are accepted.
   */
  files: { storage: 'disk' | 'database'; dir: string; types: FileKind[] };
  /** Outgoing e-mail: null when no relay is configured. */
  smtp: { host: string; port: number; secure: boolean; user: string | null; password: string | null } | null;
  mail: {
    domain: string;
    from: string;
    maxBytes: number;
    /** The SMTP listener for mail to the domain; null when mail arrives in the product only. */
    listen: { host: string; port: number } | null;
  };
  sms:
    | { provider: 'off' }
    | { provider: 'outbox'; dir: string }
    | {
        provider: 'http';
        url: string;
        apiKey: string;
        secretKey: string;
        brandname: string;
        callbackToken: string | null;
      };
  /** log2 of scrypt's N for new password hashes (stored hashes keep their own parameters). */
  passwordHashCost: number;
  exchange: {
    /** The name this deployment signs its messages to peers with. */
    node: string;
    maxBytes: number;
    platform: { url: string; clientId: string; clientSecret: string } | null;
    pollMs: number;
  };
  audit: {
    /** The key given inline (`AUDIT_KEY`); null when it lives in `keyFile`. */
    key: Buffer | null;
    /** Where the key is read from; created on first start only when it is the default one. */
    keyFile: string;
    keyFileGiven: boolean;
    /** Checkpoint files of the chain head, outside the database. */
    checkpointDir: string;
    checkpointIntervalMs: number;
  };
  /** The certificates and CRLs the operator trusts for digital signatures (`roots/`, `intermediates/`, `crls/`). */
  trustDir: string;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Cấu hình không hợp lệ:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const env = parsed.data;
  const realSettings = env.NODE_ENV === 'production' || env.PUBLIC_URL !== undefined;
  if (realSettings && env.DEMO_MODE === true) {
    throw new ConfigError([
      'DEMO_MODE: không bật chế độ dùng thử khi chạy thật (NODE_ENV=production hoặc có PUBLIC_URL); nạp dữ liệu mẫu có chủ ý bằng lệnh vanphong seed-demo',
    ]);
  }
  if (env.PASSWORD_HASH_COST < PRODUCTION_PASSWORD_HASH_COST && (env.NODE_ENV !== 'test' || realSettings)) {
    throw new ConfigError([
      `PASSWORD_HASH_COST: dưới ${PRODUCTION_PASSWORD_HASH_COST} chỉ dùng khi kiểm thử (NODE_ENV=test), không bao giờ khi chạy thật`,
    ]);
  }
  const dataDir = path.resolve(env.DATA_DIR);
  const url = env.DATABASE_URL;
  const database: Config['database'] =
    url && !url.startsWith('sqlite:')
      ? { kind: 'postgres', url }
      : {
          kind: 'sqlite',
          file: url ? path.resolve(url.slice('sqlite:'.length)) : path.join(dataDir, 'vanphong.sqlite'),
        };
  return {
    port: env.PORT,
    host: env.HOST,
    database,
    dataDir,
    publicUrl: env.PUBLIC_URL ?? null,
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    demoMode: env.DEMO_MODE ?? (database.kind === 'sqlite' && !realSettings),
    realSettings,
    session: {
      idleMs: env.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
      cookieSecure: env.COOKIE_SECURE ?? env.PUBLIC_URL?.startsWith('https://') ?? false,
    },
    login: { maxFailures: env.LOGIN_MAX_FAILURES, lockMs: env.LOGIN_LOCK_MINUTES * 60_000 },
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    uploadLimitBytes: env.UPLOAD_LIMIT_BYTES,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    hsts: env.PUBLIC_URL?.startsWith('https://') ?? false,
    files: {
      storage: env.FILE_STORAGE ?? (database.kind === 'sqlite' ? 'disk' : 'database'),
      dir: env.FILES_DIR ? path.resolve(env.FILES_DIR) : path.join(dataDir, 'files'),
      types: env.FILE_TYPES ?? [...FILE_KINDS],
    },
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: env.SMTP_PORT,
          secure: env.SMTP_SECURE ?? env.SMTP_PORT === 465,
          user: env.SMTP_USER ?? null,
          password: env.SMTP_PASSWORD ?? null,
        }
      : null,
    mail: {
      domain: env.MAIL_DOMAIN.toLowerCase(),
      from: env.MAIL_FROM ?? `VanPhong <no-reply@${env.MAIL_DOMAIN}>`,
      maxBytes: env.MAIL_MAX_MB * 1024 * 1024,
      listen: env.SMTP_LISTEN_PORT === undefined ? null : { host: env.SMTP_LISTEN_HOST, port: env.SMTP_LISTEN_PORT },
    },
    sms: smsConfig(env, dataDir),
    passwordHashCost: env.PASSWORD_HASH_COST,
    exchange: exchangeConfig(env),
    audit: {
      key: env.AUDIT_KEY ? auditKeyBytes(env.AUDIT_KEY, 'AUDIT_KEY') : null,
      keyFile: env.AUDIT_KEY_FILE ? path.resolve(env.AUDIT_KEY_FILE) : path.join(dataDir, 'audit.key'),
      keyFileGiven: env.AUDIT_KEY_FILE !== undefined,
      checkpointDir: env.AUDIT_CHECKPOINT_DIR
        ? path.resolve(env.AUDIT_CHECKPOINT_DIR)
        : path.join(dataDir, 'audit-checkpoints'),
      checkpointIntervalMs: env.AUDIT_CHECKPOINT_MINUTES * 60_000,
    },
    trustDir: env.TRUST_DIR ? path.resolve(env.TRUST_DIR) : path.join(dataDir, 'trust'),
  };
}

export const AUDIT_KEY_MIN_BYTES = 32;

/** An audit key written as hex or base64 (standard or URL-safe), at least 32 bytes once decoded. */
export function auditKeyBytes(text: string, source: string): Buffer {
  const value = text.trim();
  const bytes = /^(?:[0-9a-fA-F]{2})+$/.test(value)
    ? Buffer.from(value, 'hex')
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(value)
      ? Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64')
      : null;
  if (!bytes || bytes.length < AUDIT_KEY_MIN_BYTES) {
    throw new ConfigError([
      `${source}: khóa nhật ký phải là chuỗi hex hoặc base64 dài ít nhất ${AUDIT_KEY_MIN_BYTES} byte (ví dụ: openssl rand -hex 32)`,
    ]);
  }
  return bytes;
}

function exchangeConfig(env: Env): Config['exchange'] {
  const platformKeys = [
    'EXCHANGE_PLATFORM_URL',
    'EXCHANGE_PLATFORM_CLIENT_ID',
    'EXCHANGE_PLATFORM_CLIENT_SECRET',
  ] as const;
  const given = platformKeys.filter((k) => env[k]);
  if (given.length > 0 && given.length < platformKeys.length) {
    throw new ConfigError(
      platformKeys
        .filter((k) => !env[k])
        .map((k) => `${k}: cần khai báo cùng ${given.join(', ')} để nối trục liên thông`),
    );
  }
  const fallback = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).hostname : 'vanphong';
  return {
    node: env.EXCHANGE_NODE ?? fallback,
    maxBytes: env.EXCHANGE_MAX_MB * 1024 * 1024,
    platform:
      given.length === platformKeys.length
        ? {
            url: env.EXCHANGE_PLATFORM_URL as string,
            clientId: env.EXCHANGE_PLATFORM_CLIENT_ID as string,
            clientSecret: env.EXCHANGE_PLATFORM_CLIENT_SECRET as string,
          }
        : null,
    pollMs: env.EXCHANGE_POLL_SECONDS * 1000,
  };
}

function smsConfig(env: Env, dataDir: string): Config['sms'] {
  if (env.SMS_PROVIDER === 'off') return { provider: 'off' };
  if (env.SMS_PROVIDER === 'outbox') return { provider: 'outbox', dir: path.join(dataDir, 'sms') };
  const missing = (['SMS_HTTP_URL', 'SMS_API_KEY', 'SMS_SECRET_KEY', 'SMS_BRANDNAME'] as const).filter((k) => !env[k]);
  if (missing.length > 0) throw new ConfigError(missing.map((k) => `${k}: cần khai báo khi SMS_PROVIDER=http`));
  return {
    provider: 'http',
    url: env.SMS_HTTP_URL as string,
    apiKey: env.SMS_API_KEY as string,
    secretKey: env.SMS_SECRET_KEY as string,
    brandname: env.SMS_BRANDNAME as string,
    callbackToken: env.SMS_CALLBACK_TOKEN ?? null,
  };
}

const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits >= 0 && bits <= (family === 4 ? 32 : 128);
}

/**
 * Only named proxies are believed: trusting every peer's X-Forwarded-For would let
 * anyone choose the address the sign-in limits count.
 */
function parseTrustProxy(value: string | undefined): string[] {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === 'false' || text === '0' || text === 'no') return [];
  if (text === 'true' || text === '1' || text === 'yes') {
    throw new ConfigError([
      'TRUST_PROXY: không nhận "true" nữa, vì khi đó ai cũng có thể giả địa chỉ qua X-Forwarded-For. ' +
        'Hãy ghi địa chỉ hoặc dải CIDR của reverse proxy, cách nhau bằng dấu phẩy, ví dụ TRUST_PROXY=127.0.0.1 hoặc TRUST_PROXY=10.0.0.0/8.',
    ]);
  }
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const wrong = entries.filter((e) => !isProxyAddress(e));
  if (wrong.length > 0) {
    throw new ConfigError([
      `TRUST_PROXY: "${wrong.join('", "')}" không phải địa chỉ IP hay dải CIDR (ví dụ 127.0.0.1, 10.0.0.0/8, loopback).`,
    ]);
  }
  return entries;
}
