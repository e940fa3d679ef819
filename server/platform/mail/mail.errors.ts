import { DomainError } from '../http/errors';

export type MailAddressErrorCode = 'mail.invalid_address' | 'mail.header_injection';

/** An address, name, subject or header refused before anything is sent. */
export class MailAddressError extends DomainError {
  constructor(
    override readonly code: MailAddressErrorCode,
    readonly field: string,
    message: string,
  ) {
    super('invalid', code, message, { field });
  }
}

export const invalidAddress = (field: string, reason: string) =>
  new MailAddressError('mail.invalid_address', field, `Địa chỉ thư điện tử không hợp lệ (${field}): ${reason}.`);

export const headerInjection = (field: string) =>
  new MailAddressError(
    'mail.header_injection',
    field,
    `Trường "${field}" chứa ký tự điều khiển (xuống dòng) không được phép trong thư điện tử.`,
  );

export type MailSendErrorCode =
  | 'mail.connection_failed'
  | 'mail.timeout'
  | 'mail.temporary_failure'
  | 'mail.permanent_failure'
  | 'mail.send_failed';

/**
 * Sending failed. `retryable` tells the job runner whether trying again later can help.
 * Holds only our own text, the SMTP status and the server's reply: never credentials.
 */
export class MailSendError extends DomainError {
  constructor(
    override readonly code: MailSendErrorCode,
    readonly retryable: boolean,
    message: string,
    readonly responseCode: number | null,
    readonly response: string | null,
  ) {
    super('unavailable', code, message, { retryable, responseCode });
  }
}
