import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router-dom';
import SignInPage from '../modules/auth/pages/SignInPage';
import PageLoading from './components/PageLoading';
import RouteErrorPage from './components/RouteErrorPage';
import AppLayout from './layout/AppLayout';
import RequireAuth from './layout/RequireAuth';
import RequireSection from './layout/RequireSection';

// Everything but the sign-in page and the frame is fetched on first visit, so the
// first load stays small on slow mobile connections.
const HomePage = lazy(() => import('../modules/home/pages/HomePage'));
const AccountPage = lazy(() => import('../modules/auth/pages/AccountPage'));
const NotificationSettingsPage = lazy(() => import('../modules/notifications/pages/NotificationSettingsPage'));
const ResetPasswordPage = lazy(() => import('../modules/auth/pages/ResetPasswordPage'));
const UsersPage = lazy(() => import('../modules/admin/pages/UsersPage'));
const AuditPage = lazy(() => import('../modules/admin/pages/AuditPage'));
const JobsPage = lazy(() => import('../modules/admin/pages/JobsPage'));
const DirectoryPage = lazy(() => import('../modules/directory/pages/DirectoryPage'));
const IncomingPage = lazy(() => import('../modules/documents/pages/IncomingPage'));
const OutgoingPage = lazy(() => import('../modules/documents/pages/OutgoingPage'));
const DocumentPage = lazy(() => import('../modules/documents/pages/DocumentPage'));
const QueuePage = lazy(() => import('../modules/documents/pages/QueuePage'));
const RegistersPage = lazy(() => import('../modules/documents/pages/RegistersPage'));
const RegisterPrintPage = lazy(() => import('../modules/documents/pages/RegisterPrintPage'));
const MeetingsPage = lazy(() => import('../modules/meetings/pages/MeetingsPage'));
const MeetingPage = lazy(() => import('../modules/meetings/pages/MeetingPage'));
const MyMeetingsPage = lazy(() => import('../modules/meetings/pages/MyMeetingsPage'));
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

export const router = createBrowserRouter([
  {
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <Outlet />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
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
              { index: true, element: <HomePage /> },
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
                children: [{ index: true, element: <IncomingPage /> }],
              },
              {
                path: 'outgoing',
                element: <RequireSection section="outgoing" />,
                children: [{ index: true, element: <OutgoingPage /> }],
              },
              {
                path: 'meetings',
                element: <RequireSection section="meetings" />,
                children: [
                  { index: true, element: <MeetingsPage /> },
                  // A delegate's own invitations, laid out for a phone.
                  { path: 'mine', element: <MyMeetingsPage /> },
                  { path: ':id', element: <MeetingPage /> },
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
              { path: 'documents/:id', element: <DocumentPage /> },
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
