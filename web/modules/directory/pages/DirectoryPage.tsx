import { Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import PageLoading from '../../../app/components/PageLoading';
import PageTitle from '../../../app/components/PageTitle';
import { td } from '../directory.i18n';
import OrganizationsPage from './OrganizationsPage';

const PeoplePage = lazy(() => import('./PeoplePage'));
const GroupsPage = lazy(() => import('./GroupsPage'));

const TABS = ['organizations', 'people', 'groups'] as const;

/** /directory/*: organizations (tree), people and distribution groups. */
export default function DirectoryPage() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = TABS.find((tab) => pathname.startsWith(`/directory/${tab}`)) ?? 'organizations';
  return (
    <>
      <PageTitle title={td.title} />
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/directory/${key}`)}
        items={TABS.map((tab) => ({ key: tab, label: td.tabs[tab] }))}
        style={{ marginBottom: 8 }}
      />
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route index element={<Navigate to="organizations" replace />} />
          <Route path="organizations" element={<OrganizationsPage />} />
          <Route path="people" element={<PeoplePage />} />
          <Route path="groups" element={<GroupsPage />} />
          <Route path="*" element={<Navigate to="organizations" replace />} />
        </Routes>
      </Suspense>
    </>
  );
}
