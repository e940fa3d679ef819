import type { Executor } from '../../platform/db/database';

/** Whether the directory holds no organization yet: the demo loads only into an empty office. */
export async function hasNoOrganization(ex: Executor): Promise<boolean> {
  return (await ex.selectFrom('organizations').select('id').limit(1).executeTakeFirst()) === undefined;
}

export async function insertMeta(ex: Executor, rows: { key: string; value: string }[]): Promise<void> {
  await ex.insertInto('app_meta').values(rows).execute();
}

export function readMeta(ex: Executor, keys: string[]) {
  return ex.selectFrom('app_meta').select(['key', 'value']).where('key', 'in', keys).execute();
}

/** The current version of a document or a schedule, to take the next step on it as its editor would. */
export async function versionOf(ex: Executor, table: 'documents' | 'schedules', id: string): Promise<number> {
  const row = await ex.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow();
  return row.version;
}

export async function organizationMailboxAddress(ex: Executor, organizationId: string): Promise<string> {
  const row = await ex
    .selectFrom('mailboxes')
    .select('address')
    .where('kind', '=', 'organization')
    .where('owner_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return row.address;
}
