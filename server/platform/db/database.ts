import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type LogConfig, type Transaction } from 'kysely';
import type Pg from 'pg';
import { CanonicalTextPlugin } from './canonical-plugin';
import { CommitTailPostgresDialect } from './postgres-dialect';
import type { DB } from './schema';
import { FairSqliteDialect } from './sqlite-dialect';

export type DatabaseKind = 'sqlite' | 'postgres';

export type QueryListener = (sql: string, parameters: readonly unknown[]) => void;

export type DatabaseOptions = (
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number }
) & {
  /** Told every statement run, BEGIN and COMMIT included (tests and benchmarks). */
  onQuery?: QueryListener;
};

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** The raw SQLite handle, for online backup; null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

export type Executor = Kysely<DB> | Transaction<DB>;

const requireHere = createRequire(import.meta.url);
let pgLoaded: typeof Pg | null = null;

/** pg is loaded by the first PostgreSQL database opened: a SQLite server never carries it. */
function loadPg(): typeof Pg {
  if (pgLoaded) return pgLoaded;
  const pg = requireHere('pg') as typeof Pg;
  // COUNT(*) and BIGINT come back from pg as strings; every count here fits a double.
  pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  pgLoaded = pg;
  return pg;
}

export function openDatabase(options: DatabaseOptions): Database {
  if (options.kind === 'sqlite') {
    if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
    const sqlite = new SQLite(options.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // Planner statistics are measured on a sample of each index (statistics.ts): bounded cost at any size.
    sqlite.pragma('analysis_limit = 1000');
    const db = new Kysely<DB>({
      dialect: new FairSqliteDialect({ database: withStatementCache(sqlite) }),
      plugins: [new CanonicalTextPlugin()],
      log: queryLog(options),
    });
    return {
      kind: 'sqlite',
      db,
      sqlite,
      close: async () => {
        await db.destroy();
      },
    };
  }
  const pool = new (loadPg().Pool)({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle connection the server ends (a restart, a failover, an administrator) is an error the
  // pool emits for it; unheard, it would end the process. The pool opens a new one when next needed.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL: an idle connection was closed (${error.message})`, { code: 'VANPHONG_PG_IDLE' });
  });
  const db = new Kysely<DB>({
    dialect: new CommitTailPostgresDialect({ pool }),
    plugins: [new CanonicalTextPlugin()],
    log: queryLog(options),
  });
  return {
    kind: 'postgres',
    db,
    sqlite: null,
    close: async () => {
      await db.destroy();
    },
  };
}

function queryLog({ onQuery }: DatabaseOptions): LogConfig | undefined {
  return onQuery ? (event) => onQuery(event.query.sql, event.query.parameters) : undefined;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh; preparing costs as much as running a
 * small query. Statements are reusable, and Kysely runs one query at a time on
 * the single SQLite connection, so a bounded cache keyed by SQL text is safe.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SQLite.Statement {
      const hit = cache.get(sql);
      if (hit) return hit;
      const statement = sqlite.prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
