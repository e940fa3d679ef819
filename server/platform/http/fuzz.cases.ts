/**
 * Hostile requests for every operation of the OpenAPI document: what the fuzz
 * test sends. Generation is seeded, so a failure found once is found again.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  format?: string;
  default?: unknown;
  nullable?: boolean;
}

export interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What is hostile about it, for the failure report. */
  label: string;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return operations;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const deepArray = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Strings that have broken e-office software before; NUL must be refused, the rest stored or refused. */
export const HOSTILE_STRINGS: readonly string[] = [
  '\ud800',
  'Nguy\udc00n',
  '\u0000',
  'a\u0000b',
  'Ða\u0309ng u\u0309y xa\u0303',
  '\ufeff\u202eexe.pdf',
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  "'; drop table users; --",
  '😀'.repeat(50),
  'x'.repeat(70_000),
  '',
  ' ',
  '\r\nBcc: a@b.c',
  '1e309',
  '-1',
  '2026-02-30T25:61:00Z',
];

const HOSTILE_VALUES: readonly unknown[] = [
  ...HOSTILE_STRINGS,
  0,
  -1,
  1.5,
  1e308,
  2 ** 53 + 1,
  true,
  null,
  [],
  {},
  ['a', 'b'],
  [1, { a: [null] }],
  { $gt: '' },
  JSON.parse('{"__proto__":{"admin":true}}'),
  JSON.parse(deepArray(200)),
];

const HOSTILE_PATH_VALUES: readonly string[] = [
  'a%00b',
  '%00',
  '..',
  '%2e%2e',
  '.',
  '%2F..%2F',
  '%ED%A0%80',
  '%F0%9F%98%80',
  '%C3%90a%CC%89ng',
  'x'.repeat(5000),
  '01JABCDEFGHJKMNPQRSTVWXYZ0',
  "'or'1'='1",
  '%25',
  '-1',
];

const HOSTILE_QUERY_VALUES: readonly string[] = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%ED%B0%80x',
  'D%CC%9B',
  'x'.repeat(5000),
  '-1',
  '1e309',
  'NaN',
  '2026-13-45',
  '%',
  '%E0%A4%A',
  '..%2F..',
];

const ODD_CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/octet-stream',
  '*/*',
  'application/json, text/plain',
];

/** A value the schema accepts, as far as a simple reading of it goes. */
export function sampleOf(schema: JsonSchema | undefined, random: () => number, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return pick(random, schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices && choices.length > 0) return sampleOf(pick(random, choices), random, depth + 1);
  if (schema.allOf && schema.allOf.length > 0) return sampleOf(schema.allOf[0], random, depth + 1);
  if (schema.default !== undefined) return schema.default;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || random() < 0.5) out[key] = sampleOf(value, random, depth + 1);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () => sampleOf(schema.items, random, depth + 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.maximum !== undefined ? Math.min(schema.maximum, 1) : 1);
    case 'boolean':
      return random() < 0.5;
    case 'string':
      return sampleString(schema);
    default:
      return null;
  }
}

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'date-time') return '2026-11-25T02:00:00.000Z';
  if (schema.format === 'date') return '2026-11-25';
  if (schema.format === 'email') return 'vanthu@dongvan.vn';
  const base = 'Đảng ủy xã Đồng Văn';
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  return base.padEnd(min, 'a').slice(0, Math.max(max, min));
}

function withValue(body: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> =
    body && typeof body === 'object' && !Array.isArray(body) ? { ...(body as Record<string, unknown>) } : {};
  copy[head] = withValue(copy[head], rest, value);
  return copy;
}

/** Property paths of a schema, to one level of nesting. */
function fieldPaths(schema: JsonSchema): string[][] {
  const paths: string[][] = [];
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    paths.push([key]);
    for (const inner of Object.keys(value.properties ?? {})) paths.push([key, inner]);
  }
  return paths;
}

const json = { 'content-type': 'application/json' };

export interface CaseOptions {
  /** Ids of real rows, so some requests reach past "not found". */
  knownIds: readonly string[];
  /** How many mutated bodies and queries to make per operation. */
  perOperation: number;
}

/** Every hostile request for one operation. */
export function casesFor(op: Operation, random: () => number, options: CaseOptions): FuzzRequest[] {
  const cases: FuzzRequest[] = [];
  const idFor = () => pick(random, options.knownIds.length > 0 ? options.knownIds : ['x']);
  const urlWith = (params: Record<string, string>, query = '') => {
    const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => params[name] ?? encodeURIComponent(idFor()));
    return query ? `${path}?${query}` : path;
  };
  const validQuery = (all = false) =>
    op.query
      .map((q) => {
        const value = sampleOf(q.schema, random);
        return value === null || (!all && random() < 0.5) ? null : `${q.name}=${encodeURIComponent(String(value))}`;
      })
      .filter((v): v is string => v !== null)
      .join('&');
  const bodyOf = () => (op.body ? sampleOf(op.body, random) : undefined);
  const send = (label: string, url: string, payload?: unknown, headers: Record<string, string> = json): void => {
    const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
    cases.push({
      method: op.method,
      url,
      headers: hasBody ? headers : {},
      ...(hasBody ? { payload: typeof payload === 'string' ? payload : JSON.stringify(payload ?? {}) } : {}),
      label,
    });
  };

  // A plausible request first, then the same with one thing wrong at a time.
  send('valid sample', urlWith({}, validQuery()), bodyOf());
  for (const name of op.pathParams) {
    for (const value of HOSTILE_PATH_VALUES)
      send(`path ${name}=${value.slice(0, 40)}`, urlWith({ [name]: value }), bodyOf());
  }
  for (let i = 0; i < options.perOperation && op.query.length > 0; i++) {
    const param = pick(random, op.query);
    const value = pick(random, HOSTILE_QUERY_VALUES);
    const shape = pick(random, ['one', 'twice', 'bracket', 'object'] as const);
    const hostile =
      shape === 'one'
        ? `${param.name}=${value}`
        : shape === 'twice'
          ? `${param.name}=${value}&${param.name}=b`
          : shape === 'bracket'
            ? `${param.name}[]=${value}`
            : `${param.name}[a]=${value}`;
    const rest = validQuery();
    send(`query ${hostile.slice(0, 60)}`, urlWith({}, rest ? `${rest}&${hostile}` : hostile), bodyOf());
  }
  if (op.method === 'GET' || op.method === 'DELETE') return cases;

  if (op.body) {
    const paths = fieldPaths(op.body);
    for (let i = 0; i < options.perOperation && paths.length > 0; i++) {
      const path = pick(random, paths);
      const value = pick(random, HOSTILE_VALUES);
      const shown = JSON.stringify(value)?.slice(0, 60) ?? String(value);
      send(`body ${path.join('.')}=${shown}`, urlWith({}), withValue(bodyOf(), path, value));
    }
  }
  const url = urlWith({}, validQuery(true));
  send('body NUL in a key', url, '{"a\\u0000":1}');
  send('body lone surrogate everywhere', url, JSON.stringify(bodyOf() ?? {}).replace(/"([^"]*)"/g, '"$1\\ud800"'));
  send('body malformed JSON', url, '{"a": ');
  send('body bad escape', url, '{"a": "\\u12"}');
  send('body JSON scalar', url, '"\\u0000"');
  send('body JSON array', url, '[{}]');
  send('body JSON null', url, 'null');
  send('body deep nesting', url, deepArray(5000));
  send('body deep objects', url, `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`);
  send('body __proto__', url, '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}');
  send(
    'body invalid UTF-8',
    url,
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0xff, 0x22, 0x7d]),
  );
  send('body empty', url, '');
  for (const type of ODD_CONTENT_TYPES) {
    send(`content-type ${type}`, url, JSON.stringify(bodyOf()), { 'content-type': type });
  }
  for (const m of malformedMultipart()) send(`multipart ${m.label}`, url, m.payload, m.headers);
  return cases;
}

const BOUNDARY = 'vpFuzzBoundary';
const part = (headers: string[], body: string) => `--${BOUNDARY}\r\n${headers.join('\r\n')}\r\n\r\n${body}\r\n`;
const PDF = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF';

/** Multipart bodies that a careless or hostile client sends. */
export function malformedMultipart(): { label: string; headers: Record<string, string>; payload: string }[] {
  const type = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
  const file = part(
    ['Content-Disposition: form-data; name="file"; filename="a.pdf"', 'Content-Type: application/pdf'],
    PDF,
  );
  const end = `--${BOUNDARY}--\r\n`;
  return [
    { label: 'truncated', headers: type, payload: (file + end).slice(0, 90) },
    { label: 'truncated in headers', headers: type, payload: `--${BOUNDARY}\r\nContent-Disposition: form-da` },
    { label: 'no closing boundary', headers: type, payload: file },
    { label: 'missing boundary', headers: { 'content-type': 'multipart/form-data' }, payload: file + end },
    { label: 'empty boundary', headers: { 'content-type': 'multipart/form-data; boundary=' }, payload: file + end },
    {
      label: 'mismatched boundary',
      headers: { 'content-type': 'multipart/form-data; boundary=other' },
      payload: file + end,
    },
    {
      label: 'content type but no filename',
      headers: type,
      payload: part(['Content-Disposition: form-data; name="file"', 'Content-Type: application/pdf'], PDF) + end,
    },
    {
      label: 'value where a file is expected',
      headers: type,
      payload: part(['Content-Disposition: form-data; name="file"'], 'chỉ là chữ') + end,
    },
    {
      label: 'file where a value is expected',
      headers: type,
      payload:
        part(['Content-Disposition: form-data; name="kind"; filename="kind.txt"', 'Content-Type: text/plain'], 'x') +
        file +
        end,
    },
    {
      label: 'two files',
      headers: type,
      payload: file + part(['Content-Disposition: form-data; name="file"; filename="b.pdf"'], PDF) + end,
    },
    {
      label: 'no content-disposition',
      headers: type,
      payload: part(['Content-Type: application/pdf'], PDF) + end,
    },
    {
      label: 'malformed part header',
      headers: type,
      payload: part(['Content-Disposition form-data name=file', '\u0000: x'], PDF) + end,
    },
    {
      label: 'hostile file name',
      headers: type,
      payload:
        part(
          [
            `Content-Disposition: form-data; name="file"; filename="a\u0000b.pdf"; filename*=UTF-8''%ED%A0%80%00.pdf`,
            'Content-Type: application/pdf',
          ],
          PDF,
        ) + end,
    },
    {
      label: 'NUL in a field value',
      headers: type,
      payload: part(['Content-Disposition: form-data; name="note"'], 'a\u0000b') + file + end,
    },
    { label: 'only the closing boundary', headers: type, payload: end },
    { label: 'empty', headers: type, payload: '' },
    { label: 'garbage', headers: type, payload: '\u0000\u0001\u0002--x--\r\n\r\n' },
  ];
}
