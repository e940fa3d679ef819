import type { FormInstance } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api/client';
import { safeNextPath, showWeakPassword } from './validation';

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

describe('showWeakPassword', () => {
  it("puts the server's reason under the password field, and leaves other errors alone", () => {
    const setFields = vi.fn();
    const form = { setFields } as unknown as FormInstance<{ newPassword: string }>;
    const weak = new ApiError(400, 'auth.weak_password', 'Mật khẩu quá dễ đoán.');
    expect(showWeakPassword(form, 'newPassword', weak)).toBe(true);
    expect(setFields).toHaveBeenCalledWith([{ name: 'newPassword', errors: ['Mật khẩu quá dễ đoán.'] }]);
    expect(showWeakPassword(form, 'newPassword', new ApiError(400, 'auth.wrong_password', 'Sai.'))).toBe(false);
    expect(setFields).toHaveBeenCalledTimes(1);
  });
});
