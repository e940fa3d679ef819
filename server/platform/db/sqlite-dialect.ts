import { type DatabaseConnection, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from 'kysely';

/**
 * One SQLite connection, handed out first come, first served.
 *
 * Kysely's own SQLite driver guards its single connection with a lock that wakes every
 * waiter on each release and lets a request that asks just then take the connection before
 * those already waiting. Here each release hands the connection straight to the longest
 * waiter, and waking costs one callback whatever the queue's length.
 */
export class FairSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver() {
    return new FairSqliteDriver(this.#config);
  }
}

class FairSqliteDriver extends SqliteDriver {
  readonly #queue = new FifoLock();

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#queue.lock();
    // Only the holder of the queue gets here, so the driver's own lock is always free.
    return super.acquireConnection();
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    this.#queue.unlock();
  }
}

/** A lock whose waiters are served in the order they asked. */
export class FifoLock {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  lock(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  unlock(): void {
    const next = this.#waiting.shift();
    // Still held: ownership passes to the next in line, so no newcomer can slip in between.
    if (next) next();
    else this.#held = false;
  }

  /** How many are waiting. */
  get waiting(): number {
    return this.#waiting.length;
  }
}
