import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, errorMessage, setSessionEndedHandler } from './client';

function answer(status: number, body?: unknown) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
    Promise.resolve(new Response(body === undefined ? null : JSON.stringify(body), { status })),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setSessionEndedHandler(() => {});
});

describe('api client', () => {
  it('sends JSON with the session cookie and drops empty query values', async () => {
    const fetchMock = answer(200, { ok: true });
    await api.post('/api/users', { username: 'mai' }, { query: { q: 'lò thị', page: 2, empty: '' } });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/users?q=l%C3%B2+th%E1%BB%8B&page=2');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe('{"username":"mai"}');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });

  it('sends a file as a multipart form, leaving its content type to the browser', async () => {
    const fetchMock = answer(201, { id: 'u1' });
    const file = new File(['%PDF-1.4'], 'Nghị quyết.pdf', { type: 'application/pdf' });
    expect(await api.upload('/api/files', file, { query: { mode: 'x' } })).toEqual({ id: 'u1' });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/files?mode=x');
    expect(init?.method).toBe('POST');
    const body = init?.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(body.get('file')).toBeInstanceOf(File);
    expect(new Headers(init?.headers).get('content-type')).toBeNull();
  });

  it('turns the server error shape into an ApiError with its code and Vietnamese message', async () => {
    answer(423, { error: { code: 'auth.locked', message: 'Tài khoản tạm khóa.' } });
    const error = await api.get('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 423, code: 'auth.locked', message: 'Tài khoản tạm khóa.' });
  });

  it('adds the messages of the fields at fault to a validation error', async () => {
    answer(400, {
      error: {
        code: 'request.invalid',
        message: 'Dữ liệu gửi lên không hợp lệ.',
        details: { fields: [{ path: 'body.username', message: 'Tên đăng nhập cần ít nhất 3 ký tự' }] },
      },
    });
    const error = await api.post('/api/users', {}).catch((e: unknown) => e);
    expect(errorMessage(error)).toBe('Dữ liệu gửi lên không hợp lệ. Tên đăng nhập cần ít nhất 3 ký tự');
  });

  it('reports an ended session once, but not for calls that expect a 401', async () => {
    const ended = vi.fn();
    setSessionEndedHandler(ended);
    answer(401, { error: { code: 'auth.session_expired', message: 'Phiên đã hết hạn.' } });
    await expect(api.get('/api/users')).rejects.toMatchObject({ code: 'auth.session_expired' });
    expect(ended).toHaveBeenCalledTimes(1);
    await expect(api.post('/api/auth/sign-in', {}, { redirectOnSessionEnd: false })).rejects.toMatchObject({
      code: 'auth.session_expired',
    });
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('does not treat a wrong second factor as an ended session', async () => {
    const ended = vi.fn();
    setSessionEndedHandler(ended);
    answer(401, { error: { code: 'auth.totp_invalid', message: 'Mã xác thực không đúng.' } });
    await expect(api.post('/api/auth/totp/disable', {})).rejects.toMatchObject({ code: 'auth.totp_invalid' });
    expect(ended).not.toHaveBeenCalled();
  });

  it('explains a failure to reach the server in Vietnamese', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = await api.get('/api/x').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network.unreachable' });
    expect(errorMessage(error)).toMatch(/Không kết nối được máy chủ/);
  });

  it('reads an empty 204 answer as undefined', async () => {
    answer(204);
    await expect(api.post('/api/auth/sign-out')).resolves.toBeUndefined();
  });
});
