import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { freezeDeep, responseSerializerCompiler } from './serializer';

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

  it('writes a frozen response once and the same text after, a live one every time', () => {
    const stringify = compile(z.object({ items: z.array(z.object({ name: z.string() })) }));
    const live = { items: [{ name: 'Chi bộ 1' }] };
    expect(stringify(live)).toBe('{"items":[{"name":"Chi bộ 1"}]}');
    live.items[0] = { name: 'Chi bộ 2' };
    expect(stringify(live)).toBe('{"items":[{"name":"Chi bộ 2"}]}');

    const shared = freezeDeep({ items: [{ name: 'Đảng ủy' }] });
    const first = stringify(shared);
    expect(stringify(shared)).toBe(first);
    // Frozen all the way down: nothing can change under the kept text.
    expect(Object.isFrozen(shared.items[0])).toBe(true);
    expect(() => {
      (shared.items as { name: string }[]).push({ name: 'x' });
    }).toThrow(TypeError);
  });
});
