import { createContext, useContext } from 'react';
import type { Me } from '../../../common/schemas/auth';

export const CurrentUserContext = createContext<Me | null>(null);

/** The signed-in user; only for components rendered inside RequireAuth. */
export function useCurrentUser(): Me {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser() outside RequireAuth');
  return user;
}
