import { lazy, type ReactNode } from 'react';
import { Outlet } from 'react-router-dom';
import type { Section } from '../../../common/roles';
import { useCurrentUser } from './currentUser';

const ForbiddenPage = lazy(() => import('../components/ForbiddenPage'));

/** Renders its content only for users whose roles open the section; others get a 403 page. */
export default function RequireSection({ section, children }: { section: Section; children?: ReactNode }) {
  const user = useCurrentUser();
  if (!user.sections.includes(section)) return <ForbiddenPage />;
  return children ?? <Outlet />;
}
