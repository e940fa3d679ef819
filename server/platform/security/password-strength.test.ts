import { describe, expect, it } from 'vitest';
import { assertStrongPassword, personalWords } from './password-strength';

const refused = async (password: string, inputs: string[] = []) => {
  try {
    await assertStrongPassword(password, inputs);
    return false;
  } catch (error) {
    expect(error).toMatchObject({ code: 'auth.weak_password', status: 400 });
    return true;
  }
};

describe('password strength', () => {
  it('refuses common, repeated and sequential passwords', async () => {
    for (const p of ['aaaaaaaaaa', '1234567890', 'password12', ' '.repeat(10), 'qwertyuiop', 'P@ssw0rd123']) {
      expect(await refused(p), p).toBe(true);
    }
  });

  it('refuses common Vietnamese passwords, with or without their marks', async () => {
    for (const p of ['matkhau123', 'Matkhau@123', 'anhyeuem2024', '123456a@', 'mậtkhẩu123', 'Anhyeuem@2024']) {
      expect(await refused(p), p).toBe(true);
    }
  });

  it("refuses the person's and the office's own names", async () => {
    const inputs = ['vanthu', 'Nguyễn Văn Thử', 'Huyện ủy Đồng Văn', 'HU'];
    for (const p of ['Dongvan2024', 'dongvan@2024', 'Nguyenvanthu1', 'vanthu12345']) {
      expect(await refused(p, inputs), p).toBe(true);
      expect(await refused(p), `${p} alone`).toBe(false);
    }
    expect(personalWords(['Huyện ủy Đồng Văn'])).toEqual(
      expect.arrayContaining(['huyen', 'dong', 'van', 'dongvan', 'huyenuydongvan']),
    );
  });

  it('accepts a long phrase only its owner knows', async () => {
    for (const p of ['Một mật khẩu hoàn toàn mới', 'Tôi yêu Đồng Văn mùa hoa tam giác mạch', 'Mat-khau-rat-dai-1']) {
      expect(await refused(p, ['vanthu', 'Huyện ủy Đồng Văn']), p).toBe(false);
    }
  });
});
