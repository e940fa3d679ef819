import type { Expression, ExpressionBuilder, SqlBool, UpdateObject } from 'kysely';
import type { Executor } from './database';
import type { DB } from './schema';

/** Tables whose rows carry a `version` for optimistic concurrency. */
export type VersionedTable = {
  [K in keyof DB]: DB[K] extends { version: number } ? K : never;
}[keyof DB];

export interface VersionedOptions<T extends VersionedTable> {
  /** The column that names the row, when it is not `id` (a setting's `key`, a person's `user_id`). */
  by?: keyof DB[T] & string;
  /** A further condition the row must meet (a draft still in its state): false when it does not. */
  where?: (eb: ExpressionBuilder<DB, T>) => Expression<SqlBool>;
}

// Kysely cannot type a query over a union of tables; every member has the same `version`
// column, so one of them stands in for the types.
type Stand = 'users';

/**
 * Updates a row only if nobody changed it since `version` was read, and moves
 * the version on. False means the row changed (or vanished) under the editor.
 */
export async function updateVersioned<T extends VersionedTable>(
  ex: Executor,
  table: T,
  id: string,
  version: number,
  patch: UpdateObject<DB, T>,
  options: VersionedOptions<T> = {},
): Promise<boolean> {
  let q = ex
    .updateTable(table as Stand)
    .set({ ...(patch as UpdateObject<DB, Stand>), version: version + 1 })
    .where((options.by ?? 'id') as 'id', '=', id)
    .where('version', '=', version);
  if (options.where) q = q.where(options.where as unknown as (eb: ExpressionBuilder<DB, Stand>) => Expression<SqlBool>);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Deletes a row only if nobody changed it since `version` was read. False: it changed or vanished. */
export async function deleteVersioned<T extends VersionedTable>(
  ex: Executor,
  table: T,
  id: string,
  version: number,
  options: VersionedOptions<T> = {},
): Promise<boolean> {
  let q = ex
    .deleteFrom(table as Stand)
    .where((options.by ?? 'id') as 'id', '=', id)
    .where('version', '=', version);
  if (options.where) q = q.where(options.where as unknown as (eb: ExpressionBuilder<DB, Stand>) => Expression<SqlBool>);
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
