/** Recognising constraint violations the same way on SQLite and PostgreSQL. */
export function isUniqueViolation(error: unknown, column: string): boolean {
  const text = error instanceof Error ? `${error.message} ${(error as { detail?: string }).detail ?? ''}` : '';
  return /unique|duplicate/i.test(text) && text.includes(column);
}

export function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /FOREIGN KEY constraint failed/i.test(error.message) || (error as { code?: string }).code === '23503';
}
