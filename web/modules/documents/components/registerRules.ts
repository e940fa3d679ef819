import { formatDocumentNumber, PARTY_DOCUMENT_TYPES, padNumber } from '../../../../common/docnumber/format';
import type { Register } from '../../../../common/schemas/documents';
import { tdoc } from '../documents.i18n';

/** What the numbering depends on; a register, or the form while it is being filled. */
export type NumberingRule = Pick<Register, 'direction' | 'style' | 'reset' | 'perType' | 'typeCodes'> & {
  termLabel?: string | null;
  issuerAbbreviation?: string;
};

/** Numbers are printed on documents in Times New Roman; the examples read the same way. */
export const NOTATION_FONT = "'Times New Roman', Times, serif";

const EXAMPLE_NUMBER = 5;
const r = tdoc.registers.rule;

const typeName = (code: string) => PARTY_DOCUMENT_TYPES[code as keyof typeof PARTY_DOCUMENT_TYPES] ?? code;

/** The type the example is written for: the register's first type, else the usual one for the style. */
function exampleType(rule: NumberingRule): string {
  return rule.typeCodes[0] ?? (rule.style === 'state' ? 'QĐ' : 'NQ');
}

/** "trong năm 2026", "trong nhiệm kỳ 2025-2030", "của sổ". */
function when(rule: NumberingRule, year: number): string {
  if (rule.reset === 'year') return r.whenYear(year);
  if (rule.reset === 'term') return r.whenTerm(rule.termLabel?.trim() || '…');
  return r.whenNever;
}

/** The number the fifth document of the series gets, as printed: `Số 05-NQ/HU`, `Số: 05/QĐ-UBND`, `Số đến 05`. */
export function exampleNumber(rule: NumberingRule): string {
  if (rule.direction === 'incoming') return r.arrival(padNumber(EXAMPLE_NUMBER));
  return formatDocumentNumber({
    style: rule.style,
    number: EXAMPLE_NUMBER,
    typeCode: exampleType(rule),
    issuerCode: rule.issuerAbbreviation?.trim() || '…',
  });
}

/** The sentence that introduces the example. */
export function exampleCaption(rule: NumberingRule, year = new Date().getFullYear()): string {
  const period = when(rule, year);
  if (rule.direction === 'incoming') return r.exampleIncoming(period);
  const name = typeName(exampleType(rule));
  return rule.perType ? r.exampleOutgoing(name, period) : r.exampleAnyOutgoing(name.toLowerCase(), period);
}

/** When numbers start again from 01, and whether each type has its own series. */
export function ruleSentences(rule: NumberingRule): string[] {
  const restart =
    rule.reset === 'year'
      ? r.restartYear
      : rule.reset === 'term'
        ? r.restartTerm(rule.termLabel?.trim() || '…')
        : r.restartNever;
  if (rule.direction === 'incoming') return [r.incoming, restart];
  return [rule.perType ? r.perType : r.shared, restart];
}

/** One line for a list: "Đánh lại mỗi năm · riêng từng loại". */
export function ruleShort(rule: NumberingRule): string {
  const restart = r.short[rule.reset] ?? rule.reset;
  if (rule.direction === 'incoming') return restart;
  return `${restart} · ${rule.perType ? r.shortPerType : r.shortShared}`;
}
