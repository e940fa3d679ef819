/**
 * Typed domain errors. Each carries a stable dotted code for programs and a
 * Vietnamese message for people; the HTTP status is chosen here, in one place.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported'
  | 'range'
  | 'locked'
  | 'throttled'
  | 'unavailable';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  range: 416,
  locked: 423,
  throttled: 429,
  unavailable: 503,
};

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = STATUS[kind];
  }
}

export const invalid = (code: string, message: string, details?: unknown) =>
  new DomainError('invalid', code, message, details);
export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
export const conflict = (code: string, message: string, details?: unknown) =>
  new DomainError('conflict', code, message, details);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new DomainError('forbidden', 'auth.forbidden', message);
export const unauthenticated = (code = 'auth.unauthenticated', message = 'Bạn cần đăng nhập để tiếp tục.') =>
  new DomainError('unauthenticated', code, message);

/** A row changed under an editor: they must reload and apply their change again. */
export const staleVersion = (what: string) =>
  conflict(
    'common.stale_version',
    `${what} vừa được người khác sửa. Hãy tải lại để xem thay đổi mới nhất rồi sửa lại.`,
  );
