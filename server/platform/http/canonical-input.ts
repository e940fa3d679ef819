import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { canonicalText } from '../../../common/text/canonical';
import { invalid } from './errors';

/**
 * Text enters through HTTP in one canonical form: well-formed Unicode (a lone
 * surrogate becomes U+FFFD), NFC. A NUL is refused rather than dropped: no
 * person types one, PostgreSQL cannot store one, and silently removing it would
 * let two different requests mean the same thing. Runs after parsing and before
 * validation, so every route, its schema and its service see canonical text.
 */
export function installCanonicalInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    request.params = canonicalInput(request.params, 'params');
    request.query = canonicalInput(request.query, 'query');
    if (request.body !== undefined && request.body !== null) request.body = canonicalInput(request.body, 'body');
  });
}

/** No schema of the product nests deeper; deeper input is an attack on whoever walks it. */
const MAX_DEPTH = 64;
// Anything but printable ASCII and the usual whitespace; a NUL is among it.
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7e]/;

export const invalidText = (path: string) =>
  invalid(
    'common.invalid_text',
    'Dữ liệu gửi lên chứa ký tự NUL (mã 0), không được phép. Hãy xóa ký tự đó rồi gửi lại.',
    {
      fields: [{ path, message: 'Có ký tự NUL.' }],
    },
  );

const tooDeep = () => invalid('request.too_deep', 'Dữ liệu gửi lên lồng nhau quá nhiều tầng.');

/** One string, canonical; a NUL refused with the place it was found. */
export function canonicalString(text: string, path: string): string {
  // Plain ASCII without control NUL is canonical already: the common case costs one regex test.
  if (!NOT_PLAIN_ASCII.test(text)) return text;
  if (text.includes('\u0000')) throw invalidText(path);
  return canonicalText(text);
}

/** Every string in a parsed value, keys included, made canonical in place. */
export function canonicalInput<T>(value: T, path: string, depth = 0): T {
  if (typeof value === 'string') return canonicalString(value, path) as T;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  // A body a route takes as a stream (a package from another deployment) is read by the route.
  if (value instanceof Readable) return value;
  if (depth > MAX_DEPTH) throw tooDeep();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = canonicalInput(value[i], `${path}.${i}`, depth + 1);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const canonicalKey = canonicalString(key, `${path}.${key}`);
    const inner = canonicalInput(record[key], `${path}.${canonicalKey}`, depth + 1);
    if (canonicalKey !== key) {
      delete record[key];
      record[canonicalKey] = inner;
    } else if (inner !== record[key]) {
      record[key] = inner;
    }
  }
  return value;
}
