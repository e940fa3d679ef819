import { describe, expect, it } from 'vitest';
import { safeNextPath } from './validation';

describe('safeNextPath', () => {
  it('keeps a path of this site, with its query', () => {
    expect(safeNextPath('/admin/audit?page=2')).toBe('/admin/audit?page=2');
  });

  it('refuses anything that could lead to another site', () => {
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      expect(safeNextPath(next)).toBe('/');
    }
  });

  it('never sends a person back to the sign-in page itself', () => {
    expect(safeNextPath('/sign-in?next=%2F')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
