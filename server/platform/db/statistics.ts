import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from './database';

/**
 * Keeps the query planner's table statistics current. Without them a planner guesses, and a
 * guess that was harmless at a thousand documents scans a whole organization at a hundred
 * thousand: SQLite took 86 ms for one duplicate check instead of 0.14 ms.
 *
 * - `start`: when the server starts, every table that has never been measured, or has changed
 *   a lot since, is measured.
 * - `periodic`: the same, from the server's housekeeping timer.
 * - `bulk`: after a bulk load (the demo, a directory import): every table that changed.
 *
 * SQLite measures with `PRAGMA optimize` (and `ANALYZE` after a bulk load), sampling at most
 * `SQLITE_ANALYSIS_LIMIT` rows per index, so the cost stays in milliseconds however large the
 * database grows. PostgreSQL has
 * its own autovacuum, which only looks once a minute and only after 10% of a table changed;
 * `ANALYZE` here closes that gap for the tables that need it now.
 */
export type StatisticsMoment = 'start' | 'periodic' | 'bulk';

/** Rows sampled per index by SQLite's ANALYZE: enough for the planner, bounded in time. */
export const SQLITE_ANALYSIS_LIMIT = 1000;

/** On PostgreSQL, a table is measured again once this share of its rows changed since the last time. */
const POSTGRES_CHANGED_SHARE = 0.1;

export interface StatisticsResult {
  /** The tables measured (on SQLite, those `PRAGMA optimize` reports it analyzed). */
  analyzed: string[];
  ms: number;
}

export async function refreshStatistics(database: Database, moment: StatisticsMoment): Promise<StatisticsResult> {
  const started = performance.now();
  const analyzed =
    database.kind === 'sqlite' ? refreshSqlite(database, moment) : await refreshPostgres(database, moment);
  return { analyzed, ms: Math.round(performance.now() - started) };
}

function refreshSqlite(database: Database, moment: StatisticsMoment): string[] {
  const sqlite = database.sqlite;
  if (!sqlite) return [];
  sqlite.pragma(`analysis_limit = ${SQLITE_ANALYSIS_LIMIT}`);
  if (moment === 'bulk') {
    // Every table, measured now: `optimize` would wait until a table grew tenfold.
    sqlite.exec('analyze');
    return [...sqliteStatistics(database).keys()].sort();
  }
  const before = sqliteStatistics(database);
  // 0x10002: every table that might benefit, not only those this connection has queried.
  sqlite.pragma(`optimize = ${moment === 'periodic' ? 0x02 : 0x10002}`);
  const after = sqliteStatistics(database);
  return [...after.keys()].filter((table) => after.get(table) !== before.get(table)).sort();
}

/** Each table's statistics as SQLite keeps them, to tell which ones a refresh measured. */
function sqliteStatistics(database: Database): Map<string, string> {
  const sqlite = database.sqlite;
  const byTable = new Map<string, string>();
  if (!sqlite?.prepare("select 1 from sqlite_master where name = 'sqlite_stat1'").get()) return byTable;
  const rows = sqlite.prepare('select tbl, idx, stat from sqlite_stat1 order by tbl, idx').all() as {
    tbl: string;
    idx: string | null;
    stat: string;
  }[];
  for (const row of rows) byTable.set(row.tbl, `${byTable.get(row.tbl) ?? ''}${row.idx}=${row.stat};`);
  return byTable;
}

async function refreshPostgres(database: Database, moment: StatisticsMoment): Promise<string[]> {
  // After a bulk load every table is measured: the server's counts of changed rows reach the
  // statistics views up to a second late, so they cannot tell which tables the load touched.
  const all = moment === 'bulk';
  const { rows } = await sql<{ relname: string }>`
    select relname from pg_stat_user_tables
    where schemaname = current_schema()
      and (${all}
           or coalesce(last_analyze, last_autoanalyze) is null
           or n_mod_since_analyze > ${POSTGRES_CHANGED_SHARE}::float8 * greatest(n_live_tup, 1))
    order by relname`.execute(database.db);
  for (const { relname } of rows) await sql`analyze ${sql.id(relname)}`.execute(database.db);
  return rows.map((r) => r.relname);
}

/**
 * The same, for work that must not fail because of it (a start, a timer, an import that has
 * already committed): the outcome is logged, an error only warned about.
 */
export async function refreshStatisticsLogged(
  database: Database,
  moment: StatisticsMoment,
  logger: Pick<Logger, 'info' | 'warn'>,
): Promise<void> {
  try {
    const result = await refreshStatistics(database, moment);
    if (result.analyzed.length > 0) logger.info({ moment, ...result }, 'table statistics measured');
  } catch (err) {
    logger.warn({ err, moment }, 'table statistics could not be measured');
  }
}
