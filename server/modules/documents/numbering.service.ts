import { formatNotation, numberingStyle, printedNumber } from '../../../common/docnumber/format';
import type { Executor } from '../../platform/db/database';
import * as errors from './documents.errors';
import type { RegistersTable } from './documents.tables';
import { peekNextNumber, takeNumber } from './registers.repository';

type RegisterRow = Pick<RegistersTable, 'id' | 'style' | 'reset' | 'per_type' | 'term_label' | 'issuer_abbreviation'>;

/** The series a number belongs to: the calendar year, the committee's term, or one for ever. */
export function periodOf(register: RegisterRow, day: string): string {
  switch (register.reset) {
    case 'year':
      return day.slice(0, 4);
    case 'term':
      if (!register.term_label) throw errors.termRequired();
      return register.term_label;
    default:
      return '';
  }
}

/**
 * The next outgoing number of a register for a type on a day, with its notation as stored
 * (`05-NQ/HU`, `05/QĐ-UBND`) and as printed (`Số 05-NQ/HU`, `Số: 05/QĐ-UBND`).
 */
export async function issueOutgoingNumber(trx: Executor, register: RegisterRow, typeCode: string, day: string) {
  const period = periodOf(register, day);
  const number = await takeNumber(trx, register.id, period, register.per_type ? typeCode : '');
  return { period, number, ...notationOf(register, typeCode, number) };
}

/**
 * The outgoing number the register would give next on a day, read without holding it, so a
 * document can be made with it before the register is held; `issueOutgoingNumber` may still
 * give another if someone is numbered in between.
 */
export async function expectedOutgoingNumber(ex: Executor, register: RegisterRow, typeCode: string, day: string) {
  const number = await peekNextNumber(ex, register.id, periodOf(register, day), register.per_type ? typeCode : '');
  return notationOf(register, typeCode, number).numberText;
}

function notationOf(register: RegisterRow, typeCode: string, number: number) {
  const style = numberingStyle(register.style);
  const numberText = formatNotation({ style, number, typeCode, issuerCode: register.issuer_abbreviation });
  return { numberText, printed: printedNumber(style, numberText) };
}
