import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './serializer';

const compile = (schema: z.ZodType) =>
  responseSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as Parameters<
    typeof responseSerializerCompiler
  >[0]);

describe('response serializer', () => {
  it('writes only what the schema declares, however the object was built', () => {
    const stringify = compile(
      z.object({ id: z.string(), email: z.string().nullable(), roles: z.array(z.object({ role: z.string() })) }),
    );
    const row = { id: 'u1', email: null, roles: [{ role: 'clerk', secret: 1 }], password_hash: 'scrypt$…' };
    expect(JSON.parse(stringify(row))).toEqual({ id: 'u1', email: null, roles: [{ role: 'clerk' }] });
  });

  it('keeps Vietnamese text and free-form objects intact', () => {
    const stringify = compile(z.object({ summary: z.string(), data: z.record(z.string(), z.unknown()).nullable() }));
    const value = { summary: 'Tạo tổ chức Chi bộ Thôn Lũng Cú "mới"', data: { before: { a: [1, 'đ'] } } };
    expect(JSON.parse(stringify(value))).toEqual(value);
  });

  it('refuses to send a response missing a required field', () => {
    const stringify = compile(z.object({ id: z.string() }));
    expect(() => stringify({})).toThrow();
  });
});
