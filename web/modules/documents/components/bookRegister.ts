import type { Register } from '../../../../common/schemas/documents';
import { useCurrentUser } from '../../../app/layout/currentUser';
import { type Direction, useRegisters } from '../api/documents.api';

/** A register's book covers one year when it is numbered by year: this one, unless a period is chosen. */
export function bookPeriod(
  register: Register | undefined,
  from?: string,
  to?: string,
  year = new Date().getFullYear(),
) {
  if (from || to || register?.reset !== 'year') return { from, to };
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * The registers of one direction the user sees, and the one a book is printed from: the one
 * chosen in the list, else the first of the user's own organization (a clerk's first).
 */
export function useBookRegister(direction: Direction, chosenId: string | undefined) {
  const user = useCurrentUser();
  const registers = useRegisters();
  const list = (registers.data?.items ?? []).filter((r) => r.direction === direction);
  const own = (roles: readonly string[]) =>
    list.find(
      (r) => user.roles.some((g) => roles.includes(g.role) && g.organizationId === r.organizationId) && !r.secret,
    );
  const book =
    list.find((r) => r.id === chosenId) ?? own(['clerk']) ?? own(['clerk', 'leader', 'admin', 'specialist']) ?? list[0];
  return { registers: list, book, loading: registers.isLoading };
}
