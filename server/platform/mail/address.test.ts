import { domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSubject, parseAddress, parseMailbox, toMailbox } from './address';
import { MailAddressError } from './mail.errors';

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof MailAddressError ? error.code : 'other';
  }
}

describe('parseMailbox', () => {
  it('reads a Vietnamese display name and the address', () => {
    expect(parseMailbox('Văn phòng Huyện ủy <vanphong@huyenuy.vn>')).toEqual({
      name: 'Văn phòng Huyện ủy',
      address: 'vanphong@huyenuy.vn',
    });
    expect(parseMailbox('"Nguyễn Văn A, Chánh Văn phòng" <a@b.vn>')).toEqual({
      name: 'Nguyễn Văn A, Chánh Văn phòng',
      address: 'a@b.vn',
    });
    expect(parseMailbox('  a.b+c@Sub.Example.VN ')).toEqual({ name: null, address: 'a.b+c@sub.example.vn' });
    expect(parseMailbox('<a@b.vn>')).toEqual({ name: null, address: 'a@b.vn' });
  });

  it('turns a Vietnamese domain into punycode', () => {
    expect(parseAddress('a@bücher.de')).toBe('a@xn--bcher-kva.de');
    const address = parseAddress('thu@Đảng.vn');
    expect(address).toBe('thu@xn--ng-pma4931a.vn');
    expect(domainToUnicode(address.split('@')[1] ?? '')).toBe('đảng.vn');
  });

  it('refuses line breaks and controls anywhere as header injection', () => {
    for (const input of [
      'Tên\r\nBcc: x@evil.vn <a@b.vn>',
      'Tên <a@b.vn>\r\nBcc: x@evil.vn',
      'a@b.vn\nBcc: x@evil.vn',
      'Tên\u0000 <a@b.vn>',
      '"Tên\r\n" <a@b.vn>',
    ]) {
      expect(
        codeOf(() => parseMailbox(input)),
        input,
      ).toBe('mail.header_injection');
    }
    expect(codeOf(() => toMailbox({ name: 'A\nBcc: x@evil.vn', address: 'a@b.vn' }))).toBe('mail.header_injection');
    expect(codeOf(() => checkSubject('Báo cáo\r\nBcc: x@evil.vn'))).toBe('mail.header_injection');
    expect(codeOf(() => checkSubject('Báo cáo tháng 5 — Ủy ban'))).toBeNull();
  });

  it('refuses what is not exactly one valid address', () => {
    for (const input of [
      '',
      'a',
      'a@',
      '@b.vn',
      'a@b',
      'a@b..vn',
      'a@-b.vn',
      'a@b.123',
      'a b@c.vn',
      '"quoted local"@b.vn',
      'nguyễn@b.vn',
      'a@b.vn, c@d.vn',
      'Tên <a@b.vn>, Khác <c@d.vn>',
      'Tên <a@b.vn',
      'Tên, có phẩy <a@b.vn>',
      '"Tên <x@y.vn>" <a@b.vn>',
      `${'a'.repeat(65)}@b.vn`,
    ]) {
      expect(
        codeOf(() => parseMailbox(input)),
        input,
      ).toBe('mail.invalid_address');
    }
  });
});
