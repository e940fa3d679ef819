import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from './database';

/**
 * Keeps the query planners' table statistics current, on both engines.
 *
 * PostgreSQL's autovacuum looks only once a minute and only after 10% of a table changed, and
 * some servers run with it off (this project's test server does): unmeasured, PostgreSQL
 * answered the duplicate check from the organization's index, reading every incoming document
 * of the organization (243 ms at 100,000 documents).
 *
 * SQLite never measures by itself. Unmeasured, its planner goes by the indexes' shapes, and a
 * list filtered by register read the whole register to sort it (197 ms at 100,000 documents,
 * 2.7 ms measured); measured, it finds the queues' documents by their status. It is measured
 * by sampling (`analysis_limit`, set when the database is opened), so a refresh costs a few
 * milliseconds at any size; `PRAGMA optimize` names the tables worth measuring.
 *
 * - `start`: when the server starts, every table never measured, or much changed since.
 * - `periodic`: the same, from the server's housekeeping timer.
 * - `bulk`: after a bulk load (the demo, a directory import): every table.
 */
export type StatisticsMoment = 'start' | 'periodic' | 'bulk';

/** A table is measured again once this share of its rows changed since the last time. */
const POSTGRES_CHANGED_SHARE = 0.1;

export interface StatisticsResult {
  /** The tables measured. */
  analyzed: string[];
  ms: number;
}

export async function refreshStatistics(database: Database, moment: StatisticsMoment): Promise<StatisticsResult> {
  const started = performance.now();
  const analyzed =
    database.kind === 'postgres' ? await refreshPostgres(database, moment) : await refreshSqlite(database, moment);
  return { analyzed, ms: Math.round(performance.now() - started) };
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

/** `PRAGMA optimize` flags: only say what it would do (1), measure tables worth it (2), and those never measured (0x10000). */
const OPTIMIZE_REPORT = 0x1;
const OPTIMIZE_ANALYZE = 0x2;
const OPTIMIZE_UNMEASURED = 0x10000;

async function refreshSqlite(database: Database, moment: StatisticsMoment): Promise<string[]> {
  const db = database.db;
  if (moment === 'bulk') {
    await sql`analyze`.execute(db);
    const { rows } = await sql<{ tbl: string }>`select distinct tbl from sqlite_stat1 order by tbl`.execute(db);
    return rows.map((r) => r.tbl);
  }
  const mask = OPTIMIZE_REPORT | OPTIMIZE_ANALYZE | (moment === 'start' ? OPTIMIZE_UNMEASURED : 0);
  // Asked first what it would do, so the tables measured can be told; each then measured alone.
  const { rows } = await sql<{ optimize: string }>`pragma optimize(${sql.raw(String(mask))})`.execute(db);
  const tables: string[] = [];
  for (const { optimize } of rows) {
    const table = /^ANALYZE "main"\."([^"]+)"$/.exec(optimize)?.[1];
    if (!table) continue;
    await sql`analyze main.${sql.id(table)}`.execute(db);
    tables.push(table);
  }
  return tables.sort();
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
