/**
 * A random key per form opening, sent with the create request so that a double click or
 * a retry on a flaky link creates the document once. getRandomValues works on plain
 * HTTP too (closed networks often serve the app without TLS), unlike randomUUID.
 */
export function newClientKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
