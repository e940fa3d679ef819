import type { PlatformDeps } from '../../platform/deps';
import type { DemoAccount } from '../identity/auth.routes';

export function createDemoAccountsView(deps: PlatformDeps) {
  return async (): Promise<{ organizationName: string; accounts: DemoAccount[] }> => {
    const rows = await deps.database.db
      .selectFrom('app_meta')
      .select(['key', 'value'])
      .where('key', 'in', ['demo_accounts', 'organization_name'])
      .execute();
    const map = new Map(rows.map((r) => [r.key, r.value]));
    return {
      organizationName: map.get('organization_name') ?? 'VanPhong',
      accounts: map.has('demo_accounts') ? (JSON.parse(map.get('demo_accounts') ?? '[]') as DemoAccount[]) : [],
    };
  };
}
