import { validateRules } from '@rc-component/form/lib/utils/validateUtil';
import type { Rule } from 'antd/es/form';

/**
 * The messages a form field shows for `value`, checked by the engine antd's Form itself runs
 * (rc-field-form's validateRules over async-validator), so a test needs no browser.
 */
export async function fieldErrors(
  rules: Rule[],
  value: unknown,
  values: Record<string, unknown> = {},
): Promise<string[]> {
  const form = { getFieldValue: (name: string) => values[name] } as never;
  const objects = rules.map((rule) => (typeof rule === 'function' ? rule(form) : rule));
  try {
    await validateRules(['field'], value, objects as never, {} as never, false);
    return [];
  } catch (failures) {
    return (failures as { errors: string[] }[]).flatMap((f) => f.errors);
  }
}
