import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import { type Role, roleSchema } from '../../common/schemas/roles';
import { createApp } from '../app';
import { seedDemo } from '../modules/demo/demo.service';
import type { Config } from '../platform/config/config';
import { openDatabase } from '../platform/db/database';
import { migrateToLatest } from '../platform/db/migrator';
import { refreshStatisticsLogged } from '../platform/db/statistics';
import { DomainError } from '../platform/http/errors';
import type { SystemCaller } from '../platform/security/actor';
import { fail, printDemoAccounts } from './output';

/** The operator at the command line: acts as the system, audited under the login name. */
export const CLI_CALLER: SystemCaller = {
  system: true,
  audit: { userId: null, name: `Dòng lệnh (${os.userInfo().username})`, ip: null, userAgent: 'vanphong-cli' },
};

export type Flags = Record<string, string | boolean | string[] | undefined>;

const str = (flags: Flags, name: string): string | undefined => {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
};

async function withApp<T>(config: Config, work: (vp: Awaited<ReturnType<typeof createApp>>) => Promise<T>): Promise<T> {
  const vp = await createApp({ config: { ...config, logLevel: 'warn' }, webRoot: null });
  try {
    return await work(vp);
  } catch (error) {
    if (error instanceof DomainError) fail(error.message);
    throw error;
  } finally {
    await vp.close();
  }
}

export async function migrate(config: Config): Promise<void> {
  const database = openDatabase(
    config.database.kind === 'sqlite' ? config.database : { kind: 'postgres', url: config.database.url },
  );
  try {
    const result = await migrateToLatest(database.db as unknown as Kysely<unknown>, { kind: database.kind });
    process.stdout.write(
      result.applied.length > 0
        ? `Đã áp dụng ${result.applied.length} migration: ${result.applied.join(', ')}.\n`
        : `Cơ sở dữ liệu đã ở phiên bản mới nhất (${result.total} migration).\n`,
    );
  } finally {
    await database.close();
  }
}

export async function seedDemoCommand(config: Config): Promise<void> {
  await withApp(config, async ({ deps, services }) => {
    const result = await seedDemo(deps, services);
    if (!result.seeded) fail('Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống.');
    await refreshStatisticsLogged(deps.database, 'bulk', deps.logger);
    printDemoAccounts(result.accounts);
  });
}

/** `--role CODE:role`, repeatable: a role in the organization with that code. */
function parseRoles(values: string[]): { code: string; role: Role }[] {
  return values.map((v) => {
    const [code, role] = v.split(':');
    const parsed = roleSchema.safeParse(role);
    if (!code || !parsed.success) {
      fail(`--role phải có dạng MÃ_TỔ_CHỨC:vai_trò, vai trò là một trong ${roleSchema.options.join(', ')}.`);
    }
    return { code, role: parsed.data };
  });
}

export async function userCreate(config: Config, flags: Flags): Promise<void> {
  const username = str(flags, 'username');
  const fullName = str(flags, 'full-name');
  if (!username || !fullName) fail('Cần --username và --full-name.');
  const generated = !str(flags, 'password');
  const password = str(flags, 'password') ?? randomBytes(9).toString('base64url');
  const roleFlags = Array.isArray(flags.role) ? flags.role : typeof flags.role === 'string' ? [flags.role] : [];
  const roles = parseRoles(roleFlags);
  await withApp(config, async ({ services }) => {
    const grants = [];
    for (const r of roles) {
      const org = await services.directory.findOrganizationByCode(r.code);
      if (!org) fail(`Không có tổ chức mã ${r.code}.`);
      grants.push({ organizationId: org.id, role: r.role });
    }
    const user = await services.users.create(CLI_CALLER, {
      username,
      fullName,
      email: str(flags, 'email') ?? null,
      position: str(flags, 'position') ?? null,
      password,
      mustChangePassword: generated,
      roles: grants,
    });
    process.stdout.write(`Đã tạo tài khoản ${user.username}.\n`);
    if (generated) process.stdout.write(`Mật khẩu tạm (đổi khi đăng nhập lần đầu): ${password}\n`);
  });
}

export async function userResetPassword(config: Config, flags: Flags): Promise<void> {
  const login = str(flags, 'login') ?? str(flags, 'username');
  if (!login) fail('Cần --login (tên đăng nhập hoặc thư điện tử).');
  const generated = !str(flags, 'password');
  const password = str(flags, 'password') ?? randomBytes(9).toString('base64url');
  if (password.length < 10) fail('Mật khẩu mới cần ít nhất 10 ký tự.');
  await withApp(config, async ({ services }) => {
    const user = await services.users.setPassword(CLI_CALLER, login, password, generated);
    process.stdout.write(`Đã đặt mật khẩu mới cho ${user.username}; các phiên đăng nhập cũ đã kết thúc.\n`);
    if (generated) process.stdout.write(`Mật khẩu tạm (đổi khi đăng nhập lần đầu): ${password}\n`);
  });
}

export async function orgCreate(config: Config, flags: Flags): Promise<void> {
  const code = str(flags, 'code');
  const name = str(flags, 'name');
  const abbreviation = str(flags, 'abbreviation');
  if (!code || !name || !abbreviation) fail('Cần --code, --name và --abbreviation.');
  await withApp(config, async ({ services }) => {
    const parentCode = str(flags, 'parent');
    const parent = parentCode ? await services.directory.findOrganizationByCode(parentCode) : null;
    if (parentCode && !parent) fail(`Không có tổ chức mã ${parentCode}.`);
    const org = await services.directory.createOrganization(CLI_CALLER, {
      code,
      name,
      abbreviation,
      type: (str(flags, 'type') ?? (parent ? 'board' : 'party_committee')) as 'party_committee',
      parentId: parent?.id ?? null,
      mailbox: str(flags, 'mailbox') ?? null,
    });
    process.stdout.write(`Đã tạo tổ chức ${org.name} (${org.code}).\n`);
  });
}
