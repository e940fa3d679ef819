import { sql } from 'kysely';
import { formatNotation, numberingStyle, printedNumber } from '../../../common/docnumber/format';
import type { Executor } from '../../platform/db/database';
import type { RegistersTable } from '../../platform/db/schema';
import * as errors from './documents.errors';

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
 * Takes the next number of a series inside the caller's transaction. One statement
 * increments (or starts) the counter and returns it; the row stays locked until the
 * transaction ends, so concurrent registrations, in this process or another sharing the
 * database, queue on it. A rolled-back registration gives its number back: no gaps.
 */
export async function takeNumber(trx: Executor, registerId: string, period: string, typeCode: string): Promise<number> {
  const row = await trx
    .insertInto('register_counters')
    .values({ register_id: registerId, period, type_code: typeCode, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['register_id', 'period', 'type_code'])
        .doUpdateSet({ last_number: sql<number>`register_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

/**
 * The next outgoing number of a register for a type on a day, with its notation as stored
 * (`05-NQ/HU`, `05/QĐ-UBND`) and as printed (`Số 05-NQ/HU`, `Số: 05/QĐ-UBND`).
 */
export async function issueOutgoingNumber(trx: Executor, register: RegisterRow, typeCode: string, day: string) {
  const period = periodOf(register, day);
  const number = await takeNumber(trx, register.id, period, register.per_type ? typeCode : '');
  const style = numberingStyle(register.style);
  const numberText = formatNotation({ style, number, typeCode, issuerCode: register.issuer_abbreviation });
  return { period, number, numberText, printed: printedNumber(style, numberText) };
}

/** The next arrival number of an incoming register (one series for all types). */
export async function issueArrivalNumber(trx: Executor, register: RegisterRow, day: string) {
  const period = periodOf(register, day);
  return { period, arrivalNumber: await takeNumber(trx, register.id, period, '') };
}
