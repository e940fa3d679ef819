import type { Compilable, CompiledQuery, Insertable, RawBuilder } from 'kysely';
import { canonicalParameter } from './canonical-plugin';
import type { Executor } from './database';
import type { DB } from './schema';

/**
 * A query built and compiled once, then run with new parameter values.
 * Building and compiling a Kysely query costs several times more than running
 * a small indexed SQLite query, so the few queries that run on every request
 * (the session lookup) are prepared this way.
 *
 * `build` receives placeholder values for its arguments; each must be used as
 * a plain bound value (not spread into an IN list, not used to choose a
 * shape), because the compiled SQL is reused as it is.
 */
export function preparedQuery<Args extends unknown[], Row>(
  arity: Args['length'],
  build: (db: Executor, ...args: Args) => Compilable<Row>,
) {
  const byDialect = new WeakMap<object, { compiled: CompiledQuery<Row>; slots: number[] }>();
  // Private-use characters: canonical text, so the canonical-text plugin leaves them as they are.
  const placeholders = Array.from({ length: arity }, (_, i) => `\ue000prepared-argument-${i}\ue000`);

  function compile(db: Executor) {
    const compiled = build(db, ...(placeholders as Args)).compile();
    const slots = compiled.parameters.map((value) => placeholders.indexOf(value as string));
    const used = new Set(slots.filter((s) => s >= 0));
    if (used.size !== arity) throw new Error('preparedQuery: every argument must be used as a bound value');
    return { compiled, slots };
  }

  return async (ex: Executor, ...args: Args): Promise<Row[]> => {
    // The compiled SQL depends only on the dialect, which a transaction shares with its database.
    const key = ex.getExecutor().adapter;
    let entry = byDialect.get(key);
    if (!entry) {
      entry = compile(ex);
      byDialect.set(key, entry);
    }
    const { compiled, slots } = entry;
    // Compiled once, the query skips the plugins when it runs: its arguments are made canonical here.
    const parameters = slots.map((slot, i) => (slot >= 0 ? canonicalParameter(args[slot]) : compiled.parameters[i]));
    const result = await ex.executeQuery<Row>({ ...compiled, parameters });
    return result.rows;
  };
}

type InsertFn = (ex: Executor, ...values: unknown[]) => Promise<unknown[]>;

/**
 * An insert of one row into `table`, compiled once per set of columns and then run with the
 * row's values: the same statement Kysely builds from `insertInto(table).values(row)` (a column
 * whose value is `undefined` is left out, as Kysely leaves it out), without building and
 * compiling it on every call. `computed` adds columns given as SQL, the same for every row (over the row's own value, as a
 * spread after the row would).
 */
export function preparedInsert<T extends keyof DB & string>(
  table: T,
  computed: Record<string, RawBuilder<unknown>> = {},
) {
  const byColumns = new Map<string, { columns: string[]; insert: InsertFn }>();
  return async (ex: Executor, row: Insertable<DB[T]>): Promise<void> => {
    const values = row as Record<string, unknown>;
    let key = '';
    for (const column in values) if (values[column] !== undefined && !(column in computed)) key += `${column},`;
    let entry = byColumns.get(key);
    if (!entry) {
      const columns = key.split(',').slice(0, -1);
      const insert = preparedQuery(columns.length, (db, ...args: unknown[]) =>
        db
          .insertInto(table)
          .values({ ...Object.fromEntries(columns.map((c, i) => [c, args[i]])), ...computed } as never),
      ) as InsertFn;
      entry = { columns, insert };
      byColumns.set(key, entry);
    }
    await entry.insert(ex, ...entry.columns.map((c) => values[c]));
  };
}
