import type { ErrorResponse } from '../../../common/schemas/errors';
import { t } from '../i18n';

/** An error answered by the server (or a failure to reach it, with status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Codes that mean the session is gone, so the person must sign in again. */
const SESSION_ENDED_CODES = new Set(['auth.unauthenticated', 'auth.session_expired']);

let onSessionEnded: (error: ApiError) => void = () => {};

/** main.tsx plugs in what to do when the session ends: clear the cache and go to sign-in. */
export function setSessionEndedHandler(handler: (error: ApiError) => void): void {
  onSessionEnded = handler;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** False for calls where a 401 is an expected answer (sign-in, who-am-I, password reset). */
  redirectOnSessionEnd?: boolean;
}

function withQuery(path: string, query: QueryParams | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isErrorResponse(payload: unknown): payload is ErrorResponse {
  if (typeof payload !== 'object' || payload === null || !('error' in payload)) return false;
  const error: unknown = payload.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal, redirectOnSessionEnd = true } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  // A form (a file upload) is sent as multipart, its boundary chosen by the browser.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network.unreachable', t.errors.network);
  }
  const payload = await readJson(response);
  if (response.ok) return payload as T;
  throw refusalOf(response.status, payload, redirectOnSessionEnd);
}

/** The server's refusal as an ApiError; an ended session is handed to main.tsx on the way. */
function refusalOf(status: number, payload: unknown, redirectOnSessionEnd: boolean): ApiError {
  const error = isErrorResponse(payload)
    ? new ApiError(status, payload.error.code, payload.error.message, payload.error.details)
    : new ApiError(status, 'http.unexpected', t.errors.unexpected(status));
  if (status === 401 && redirectOnSessionEnd && SESSION_ENDED_CODES.has(error.code)) onSessionEnded(error);
  return error;
}

/** The name a download's `Content-Disposition` gives (its UTF-8 form first), else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8?.[1]) {
    try {
      return decodeURIComponent(utf8[1]);
    } catch {
      // A malformed escape: the plain name below.
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * A file the server makes on request (not one a link can fetch blindly): fetched whole, so a
 * refusal reaches the person as the server's sentence instead of a broken download.
 */
export async function fetchFile(path: string, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network.unreachable', t.errors.network);
  }
  if (!response.ok) throw refusalOf(response.status, await readJson(response), true);
  const blob = await response.blob();
  return { blob, fileName: fileNameOf(response.headers.get('content-disposition'), fallbackName) };
}

/** Hands a fetched file to the browser's downloads under its name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the address is let go once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type BodyOptions = Omit<RequestOptions, 'method' | 'body'>;

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => apiRequest<T>(path, options),
  post: <T>(path: string, body?: unknown, options?: BodyOptions) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: BodyOptions) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: BodyOptions) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: BodyOptions) => apiRequest<T>(path, { ...options, method: 'DELETE' }),
  /** Sends one file as the multipart field `file`. */
  upload: <T>(path: string, file: File, options?: BodyOptions) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiRequest<T>(path, { ...options, method: 'POST', body: form });
  },
};

/** The sentence to show a person for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t.errors.unknown;
  const fields = fieldMessages(error.details);
  return fields.length > 0 ? `${error.message} ${fields.join('; ')}` : error.message;
}

/** Validation failures list the fields at fault: `details.fields[].message`. */
function fieldMessages(details: unknown): string[] {
  if (typeof details !== 'object' || details === null || !('fields' in details)) return [];
  const fields: unknown = details.fields;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((field: unknown) =>
    typeof field === 'object' &&
    field !== null &&
    'message' in field &&
    typeof field.message === 'string' &&
    field.message
      ? [field.message]
      : [],
  );
}

/** Page results share one shape across the API. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
