/** Where the run's migrated template databases are announced to the test workers (see global-setup.ts). */
export const SQLITE_TEMPLATE_ENV = 'VANPHONG_TEST_SQLITE_TEMPLATE';
export const PG_TEMPLATE_ENV = 'VANPHONG_TEST_PG_TEMPLATE';

/** The same server and credentials, another database. */
export function databaseUrlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
