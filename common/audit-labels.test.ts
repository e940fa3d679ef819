import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel } from './audit-labels';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every code an `action:` or `entityType:` property of the server's source can take. */
function codesIn(property: 'action' | 'entityType'): { literal: Set<string>; templates: Set<string> } {
  const literal = new Set<string>();
  const templates = new Set<string>();
  const pattern = new RegExp(`\\b${property}:\\s*([^\\n]+)`, 'g');
  for (const file of sourceFiles(join(import.meta.dirname, '../server'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(pattern)) {
      // A comparison's operand (`kind === 'organizations' ? …`) is not a code written.
      const expression = (match[1] ?? '').replace(/[!=]==\s*'[^']*'/g, '');
      for (const quoted of expression.matchAll(/'([a-z_]+(?:\.[a-z_]+)*)'/g)) literal.add(quoted[1] ?? '');
      for (const template of expression.matchAll(/`([a-z_.]*\$\{[^`]*)`/g)) templates.add(template[1] ?? '');
    }
  }
  return { literal, templates };
}

describe('audit labels', () => {
  it('gives every action code the server writes a Vietnamese label', () => {
    const { literal, templates } = codesIn('action');
    // Only codes with a dot are audit actions; other `action:` properties (policies) use bare words.
    const actions = [...literal].filter((code) => code.includes('.'));
    expect(actions.length).toBeGreaterThan(50);
    expect(actions.filter((code) => !(code in AUDIT_ACTION_LABELS))).toEqual([]);
    for (const template of templates) {
      const prefix = template.slice(0, template.indexOf('${'));
      const known = Object.keys(AUDIT_ACTION_LABELS).filter((code) => code.startsWith(prefix));
      expect(known.length, `codes made by \`${template}\``).toBeGreaterThan(1);
    }
    expect(Object.keys(AUDIT_ACTION_LABELS)).toContain('schedule.publish');
    expect(Object.keys(AUDIT_ACTION_LABELS)).toContain('inspection.stage.conclusion');
  });

  it('gives every entity kind the server writes a Vietnamese label', () => {
    const { literal } = codesIn('entityType');
    const kinds = [...literal].filter((code) => /^[a-z_]+$/.test(code));
    expect(kinds).toContain('inspection_case');
    expect(kinds.filter((code) => !(code in AUDIT_ENTITY_LABELS))).toEqual([]);
  });

  it('labels are Vietnamese sentences, not codes', () => {
    for (const label of [...Object.values(AUDIT_ACTION_LABELS), ...Object.values(AUDIT_ENTITY_LABELS)]) {
      expect(label).not.toMatch(/[._]/);
      expect(label).toMatch(/^[A-ZĐÁÀẢÃẠÂẤẦẨẪẬĂẮẰẲẴẶÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ]/u);
    }
    expect(auditActionLabel('directory.person_created')).toBe('Thêm người');
    expect(auditActionLabel('auth.sign_in')).toBe('Đăng nhập');
    expect(auditEntityLabel('inspection_case')).toBe('Vụ việc kiểm tra');
    expect(auditActionLabel('toString')).toBe('toString');
  });
});
