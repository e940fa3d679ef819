/**
 * Test helper for the `*.limits.test.ts` files: each limit of a form, as its Zod schema applies it
 * to a minimal valid request body.
 */
import { expect, it } from 'vitest';
import type { z } from 'zod';

/** `n` Vietnamese letters, each one character. */
export const vi = (n: number) => 'ệ'.repeat(n);
/** A whole number typed in. */
export const count = (n: number) => n;
/** An e-mail address of exactly `n` characters. */
export const email = (n: number) => `${'a'.repeat(n - 12)}@example.com`;

/** A copy of `body` with `value` at the dotted `path` (`recipients.0.name`). */
export function withValue(body: object, path: string, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce((node, key) => node[key] as Record<string, unknown>, copy);
  parent[last] = value;
  return copy;
}

/** What the limit is called, the schema, a valid body, the field's path, the limit, how a value of a length is made (letters by default). */
export type LimitCase = [
  name: string,
  schema: z.ZodType,
  body: object,
  path: string,
  limit: number,
  make?: (n: number) => unknown,
];

/** For each case: a value of exactly the limit is accepted, one more is refused at that field and nowhere else. */
export function itKeepsLimits(cases: LimitCase[]): void {
  it.each(cases)('%s: the limit is accepted, one more is refused', (_, schema, body, path, limit, make = vi) => {
    expect(schema.safeParse(withValue(body, path, make(limit))).error?.issues).toBeUndefined();
    const refused = schema.safeParse(withValue(body, path, make(limit + 1)));
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
  });
}

/** A pattern the form and the schema share: `good` is accepted at `path`, `bad` refused there. */
export type PatternCase = [name: string, schema: z.ZodType, body: object, path: string, good: string, bad: string];

export function itKeepsPatterns(cases: PatternCase[]): void {
  it.each(cases)('%s: %s is accepted, %s refused', (_, schema, body, path, good, bad) => {
    expect(schema.safeParse(withValue(body, path, good)).error?.issues).toBeUndefined();
    const refused = schema.safeParse(withValue(body, path, bad));
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
  });
}
