import type { FormRule } from 'antd';
import { t } from './i18n';

/** The same limits as newPasswordSchema in common/schemas/auth, checked before the request. */
export const newPasswordRules: FormRule[] = [
  { required: true, message: t.password.newRequired },
  { min: 10, message: t.password.tooShort },
  { max: 256, message: t.password.tooLong },
];

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

/** Only same-site paths may be a post-sign-in destination, never another site. */
export function safeNextPath(raw: string | null): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw === '/sign-in' || raw.startsWith('/sign-in?')) return '/';
  return raw;
}
