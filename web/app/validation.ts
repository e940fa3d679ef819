import type { FormInstance, FormRule } from 'antd';
import { USER_LIMITS } from '../../common/users';
import { ApiError } from './api/client';
import { t } from './i18n';

/** The limits newPasswordSchema in common/schemas/auth holds, checked before the request. */
export const newPasswordRules: FormRule[] = [
  { required: true, message: t.password.newRequired },
  { min: USER_LIMITS.passwordMin, message: t.password.tooShort },
  { max: USER_LIMITS.passwordMax, message: t.password.tooLong },
];

/**
 * A new password the server found too easy to guess: its Vietnamese reason is shown
 * under the password field itself. True when the error was that one.
 */
export function showWeakPassword<T>(form: FormInstance<T>, field: string, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== 'auth.weak_password') return false;
  form.setFields([{ name: field as never, errors: [error.message] }]);
  return true;
}

/** A "type it again" field that must equal the field named `otherField`. */
export function confirmPasswordRules(otherField: string): FormRule[] {
  return [
    { required: true, message: t.password.confirmRequired },
    ({ getFieldValue }) => ({
      validator: (_rule, value: unknown) =>
        !value || getFieldValue(otherField) === value
          ? Promise.resolve()
          : Promise.reject(new Error(t.password.mismatch)),
    }),
  ];
}

export const totpCodeRules: FormRule[] = [{ required: true, pattern: /^\d{6}$/, message: t.signIn.totpInvalid }];

export { safeNextPath } from './nextPath';
