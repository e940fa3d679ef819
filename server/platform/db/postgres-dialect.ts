import {
  CompiledQuery,
  type DatabaseConnection,
  PostgresDialect,
  type PostgresDialectConfig,
  PostgresDriver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/** Marks a statement that runs with the transaction's COMMIT, in the same round trip. */
const AT_COMMIT = '/* at commit */ ';

/**
 * A statement to run with COMMIT rather than now: the transaction's last writes, sent together
 * with the COMMIT in one round trip (PostgreSQL), so the row locks they and the statements
 * before them hold are let go one round trip sooner. Its result is never read; it must be a
 * write whose effect nothing later in the transaction needs to see. Only inside a transaction.
 */
export function atCommit(query: CompiledQuery): CompiledQuery {
  return CompiledQuery.raw(`${AT_COMMIT}${query.sql}`, [...query.parameters]);
}

/**
 * PostgreSQL through Kysely's own driver, with one addition: statements marked `atCommit` are
 * kept until the transaction commits, then sent with COMMIT as one simple-protocol query. That
 * protocol takes no parameters, so their values are written into the text as literals, each
 * escaped (`escapeLiteral`). If any of them fails, the transaction rolls back
 * as it would have had the statement run at once.
 */
export class CommitTailPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver() {
    return new CommitTailDriver(this.#config);
  }
}

class CommitTailDriver extends PostgresDriver {
  readonly #wrapped = new WeakMap<PostgresConnection, TailConnection>();

  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = (await super.acquireConnection()) as PostgresConnection;
    let connection = this.#wrapped.get(inner);
    if (!connection) {
      connection = new TailConnection(inner);
      this.#wrapped.set(inner, connection);
    }
    return connection;
  }

  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = tailOf(connection);
    // Through the connection handed out, so a query log sees BEGIN and COMMIT as before.
    await super.beginTransaction(connection, settings);
    c.inTransaction = true;
    c.tail = [];
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = tailOf(connection);
    const tail = c.tail;
    c.inTransaction = false;
    c.tail = [];
    if (tail.length === 0) return super.commitTransaction(connection);
    await connection.executeQuery(CompiledQuery.raw(`${tail.join(';\n')};\ncommit`, []));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = tailOf(connection);
    c.inTransaction = false;
    c.tail = [];
    await super.rollbackTransaction(c.inner);
  }

  override async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = tailOf(connection);
    c.inTransaction = false;
    c.tail = [];
    await super.releaseConnection(c.inner);
  }
}

function tailOf(connection: DatabaseConnection): TailConnection {
  if (connection instanceof TailConnection) return connection;
  throw new Error('CommitTailDriver: a connection it did not hand out');
}

/** Kysely's own PostgreSQL connection, which its driver's methods want back. */
type PostgresConnection = Parameters<PostgresDriver['releaseConnection']>[0];

class TailConnection implements DatabaseConnection {
  inTransaction = false;
  tail: string[] = [];

  constructor(readonly inner: PostgresConnection) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!query.sql.startsWith(AT_COMMIT)) return this.inner.executeQuery(query);
    if (!this.inTransaction)
      return Promise.reject(new Error('atCommit: a statement kept for COMMIT outside a transaction'));
    try {
      this.tail.push(withLiterals(query.sql.slice(AT_COMMIT.length), query.parameters));
    } catch (error) {
      return Promise.reject(error);
    }
    return Promise.resolve({ rows: [] });
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery(query, chunkSize);
  }
}

/**
 * Text as an SQL string literal: quotes doubled; backslashes doubled too, in an `E'…'` string,
 * so it reads back the same whatever `standard_conforming_strings` says.
 */
export function escapeLiteral(text: string): string {
  const quoted = text.replaceAll("'", "''");
  return text.includes('\\') ? ` E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

/** A value as an SQL literal: text escaped, numbers as written, null. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return escapeLiteral(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`atCommit: ${value} has no SQL literal`);
    return String(value);
  }
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  throw new TypeError(`atCommit: a ${typeof value} parameter has no SQL literal here`);
}

/**
 * The statement with each `$n` outside quotes replaced by its value's literal. Kysely writes
 * values only as parameters, so quotes in its text are identifiers; both kinds are skipped.
 */
export function withLiterals(text: string, parameters: readonly unknown[]): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      out += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
      continue;
    }
    if (ch === '$' && /[0-9]/.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < text.length && /[0-9]/.test(text[j] as string)) j++;
      const n = Number(text.slice(i + 1, j));
      if (n < 1 || n > parameters.length) throw new RangeError(`atCommit: $${n} has no parameter`);
      out += sqlLiteral(parameters[n - 1]);
      i = j - 1;
      continue;
    }
    out += ch;
  }
  if (quote) throw new SyntaxError('atCommit: an unclosed quote');
  return out;
}
