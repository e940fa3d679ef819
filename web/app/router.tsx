import { lazy, Suspense } from 'react';
import { createBrowserRouter, type LoaderFunctionArgs, Navigate, Outlet } from 'react-router-dom';
import { DOCUMENT_PAGE_SIZE, documentListQuery, documentQuery } from '../modules/documents/api/documents.api';
import { filtersFromParams } from '../modules/documents/components/useFilterParams';
import { meetingQuery } from '../modules/meetings/api/meetings.api';
import { fetchMe, meQueryKey } from './api/auth';
import { queryClient } from './api/queryClient';
import PageLoading from './components/PageLoading';
import RouteErrorPage from './components/RouteErrorPage';
import AppLayout from './layout/AppLayout';
import { queueCountsQuery } from './layout/queueCounts';
import RequireAuth from './layout/RequireAuth';
import RequireSection from './layout/RequireSection';
import ToSignInPage from './layout/ToSignInPage';
import { pageCode } from './pageCode';

// The sign-in page is a page of its own (web/sign-in.html, no framework). Everything but
// the frame is fetched when first opened, so the first load stays small on slow links.
const {
  home: loadHome,
  incoming: loadIncoming,
  outgoing: loadOutgoing,
  document: loadDocument,
  meeting: loadMeeting,
} = pageCode;
const HomePage = lazy(loadHome);
const AccountPage = lazy(() => import('../modules/auth/pages/AccountPage'));
const NotificationSettingsPage = lazy(() => import('../modules/notifications/pages/NotificationSettingsPage'));
const ResetPasswordPage = lazy(() => import('../modules/auth/pages/ResetPasswordPage'));
const UsersPage = lazy(() => import('../modules/admin/pages/UsersPage'));
const AuditPage = lazy(() => import('../modules/admin/pages/AuditPage'));
const JobsPage = lazy(() => import('../modules/admin/pages/JobsPage'));
const PeersPage = lazy(() => import('../modules/exchange/pages/PeersPage'));
const ExchangeHealthPage = lazy(() => import('../modules/exchange/pages/ExchangeHealthPage'));
const DirectoryPage = lazy(() => import('../modules/directory/pages/DirectoryPage'));
const IncomingPage = lazy(loadIncoming);
const OutgoingPage = lazy(loadOutgoing);
const DocumentPage = lazy(loadDocument);
const QueuePage = lazy(pageCode.queue);
const RegistersPage = lazy(() => import('../modules/documents/pages/RegistersPage'));
const RegisterPrintPage = lazy(() => import('../modules/documents/pages/RegisterPrintPage'));
const MeetingsPage = lazy(pageCode.meetings);
const MeetingPage = lazy(loadMeeting);
const MyMeetingsPage = lazy(pageCode.myMeetings);
const DoorCheckInPage = lazy(() => import('../modules/meetings/door/DoorCheckInPage'));
const SchedulePage = lazy(() => import('../modules/schedule/pages/SchedulePage'));
const ScheduleEditorPage = lazy(() => import('../modules/schedule/pages/ScheduleEditorPage'));
const MailboxPage = lazy(() => import('../modules/mailbox/pages/MailboxPage'));
const MailItemPage = lazy(() => import('../modules/mailbox/pages/MailItemPage'));
const InspectionCasesPage = lazy(() => import('../modules/inspection/pages/CasesPage'));
const InspectionCasePage = lazy(() => import('../modules/inspection/pages/CasePage'));
const InspectionProgrammePage = lazy(() => import('../modules/inspection/pages/ProgrammePage'));
const InspectionReportsPage = lazy(() => import('../modules/inspection/pages/ReportsPage'));
const SavingsPage = lazy(() => import('../modules/statistics/pages/SavingsPage'));
const NotFoundPage = lazy(() => import('./components/NotFoundPage'));

/**
 * A loader that starts, the moment a navigation begins, the page's code and its first
 * data together, and returns at once: on a 300 ms link that is one wait instead of a
 * wait for the code, then one for the rows. The page reads the same queries.
 */
function early(...starts: ((args: LoaderFunctionArgs) => unknown)[]) {
  return (args: LoaderFunctionArgs) => {
    for (const start of starts) {
      void Promise.resolve()
        .then(() => start(args))
        .catch(() => {});
    }
    return null;
  };
}

/** The person's document counts, once it is known that they have documents to count. */
async function prefetchQueueCounts(): Promise<void> {
  const me = await queryClient.ensureQueryData({ queryKey: meQueryKey, queryFn: fetchMe });
  if (me?.sections.includes('incoming') || me?.sections.includes('outgoing')) {
    await queryClient.prefetchQuery(queueCountsQuery(true));
  }
}

function prefetchList(direction: 'incoming' | 'outgoing') {
  return ({ request }: LoaderFunctionArgs) => {
    const { filters, page } = filtersFromParams(new URL(request.url).searchParams);
    return queryClient.prefetchQuery(documentListQuery(direction, filters, page, DOCUMENT_PAGE_SIZE, true));
  };
}

export const router = createBrowserRouter([
  {
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <Outlet />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/sign-in', element: <ToSignInPage /> },
      {
        path: '/reset-password',
        element: <ResetPasswordPage />,
      },
      {
        element: <RequireAuth />,
        children: [
          // The register book for paper: no header or menu around it.
          {
            path: 'incoming/print',
            element: (
              <RequireSection section="incoming">
                <RegisterPrintPage direction="incoming" />
              </RequireSection>
            ),
          },
          {
            path: 'outgoing/print',
            element: (
              <RequireSection section="outgoing">
                <RegisterPrintPage direction="outgoing" />
              </RequireSection>
            ),
          },
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomePage />, loader: early(loadHome, prefetchQueueCounts) },
              { path: 'account', element: <AccountPage /> },
              { path: 'account/notifications', element: <NotificationSettingsPage /> },
              {
                path: 'mailbox',
                element: <RequireSection section="mailbox" />,
                children: [
                  { index: true, element: <MailboxPage /> },
                  { path: ':mailboxId', element: <MailboxPage /> },
                  { path: ':mailboxId/:itemId', element: <MailItemPage /> },
                ],
              },
              {
                path: 'incoming',
                element: <RequireSection section="incoming" />,
                children: [
                  { index: true, element: <IncomingPage />, loader: early(loadIncoming, prefetchList('incoming')) },
                ],
              },
              {
                path: 'outgoing',
                element: <RequireSection section="outgoing" />,
                children: [
                  { index: true, element: <OutgoingPage />, loader: early(loadOutgoing, prefetchList('outgoing')) },
                ],
              },
              {
                path: 'meetings',
                element: <RequireSection section="meetings" />,
                children: [
                  { index: true, element: <MeetingsPage /> },
                  // A delegate's own invitations, laid out for a phone.
                  { path: 'mine', element: <MyMeetingsPage /> },
                  {
                    path: ':id',
                    element: <MeetingPage />,
                    loader: early(loadMeeting, ({ params }) =>
                      queryClient.prefetchQuery(meetingQuery(params.id ?? '', true)),
                    ),
                  },
                  // What the QR code at the meeting's door opens on a delegate's phone.
                  { path: ':id/check-in', element: <DoorCheckInPage /> },
                ],
              },
              {
                path: 'schedule',
                element: <RequireSection section="schedule" />,
                children: [
                  { index: true, element: <SchedulePage /> },
                  { path: ':id', element: <ScheduleEditorPage /> },
                ],
              },
              {
                path: 'inspection',
                element: <RequireSection section="inspection" />,
                children: [
                  { index: true, element: <InspectionCasesPage /> },
                  { path: 'cases/:id', element: <InspectionCasePage /> },
                  { path: 'programme', element: <InspectionProgrammePage /> },
                  { path: 'reports', element: <InspectionReportsPage /> },
                ],
              },
              {
                path: 'statistics',
                element: <RequireSection section="statistics" />,
                children: [
                  { index: true, element: <Navigate to="savings" replace /> },
                  { path: 'savings', element: <SavingsPage /> },
                ],
              },
              { path: 'documents/queue', element: <QueuePage /> },
              // Clerks and administrators keep the registers (the page says so to anyone else).
              { path: 'documents/registers', element: <RegistersPage /> },
              // A document is opened by whoever the server lets read it (a grant, an assignment).
              {
                path: 'documents/:id',
                element: <DocumentPage />,
                loader: early(loadDocument, ({ params }) =>
                  queryClient.prefetchQuery(documentQuery(params.id ?? '', true)),
                ),
              },
              {
                path: 'directory/*',
                element: (
                  <RequireSection section="directory">
                    <DirectoryPage />
                  </RequireSection>
                ),
              },
              {
                path: 'admin',
                element: <RequireSection section="admin" />,
                children: [
                  { index: true, element: <Navigate to="users" replace /> },
                  { path: 'users', element: <UsersPage /> },
                  { path: 'audit', element: <AuditPage /> },
                  { path: 'jobs', element: <JobsPage /> },
                  { path: 'peers', element: <PeersPage /> },
                  { path: 'exchange', element: <ExchangeHealthPage /> },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
