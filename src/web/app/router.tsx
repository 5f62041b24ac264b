import { useQuery } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { getSetupStatus } from '../api/clinics.js';
import { FullPageError, FullPageLoader } from '../components/FullPageState.js';
import { NotFoundPage, RequirePermission } from '../components/StatusPages.js';
import { AccountPage } from '../features/accounts/AccountPage.js';
import { InvitePage } from '../features/accounts/InvitePage.js';
import { LoginPage } from '../features/accounts/LoginPage.js';
import { StaffPage } from '../features/accounts/StaffPage.js';
import { AuditPage } from '../features/audit/AuditPage.js';
import { OutboxPage } from '../features/messages/OutboxPage.js';
import { BillingPage } from '../features/billing/BillingPage.js';
import { ClaimPage } from '../features/billing/ClaimPage.js';
import { RemittancePage } from '../features/billing/RemittancePage.js';
import { CalendarPage } from '../features/calendar/CalendarPage.js';
import { CalendarSettingsPage } from '../features/calendar/CalendarSettingsPage.js';
import { WaitlistPage } from '../features/calendar/WaitlistPage.js';
import { PublicBookingPage } from '../features/booking/PublicBookingPage.js';
import { ClientPage } from '../features/clients/ClientPage.js';
import { ClientsPage } from '../features/clients/ClientsPage.js';
import { NewClientPage } from '../features/clients/NewClientPage.js';
import { SetupPage } from '../features/clinics/SetupPage.js';
import { EpisodePage } from '../features/episodes/EpisodePage.js';
import { NoteEditorPage } from '../features/episodes/notes/NoteEditorPage.js';
import { ConditionEditorPage } from '../features/library/ConditionEditorPage.js';
import { ConditionPage } from '../features/library/ConditionPage.js';
import { LibraryPage } from '../features/library/LibraryPage.js';
import { TechniquePage, TechniquesPage } from '../features/library/TechniquePages.js';
import { PortalAppointmentsPage } from '../features/portal/PortalAppointmentsPage.js';
import { PortalAcceptPage, PortalLinkPage, PortalLoginPage } from '../features/portal/PortalAuthPages.js';
import { PortalBookPage } from '../features/portal/PortalBookPage.js';
import { PortalDocumentsPage } from '../features/portal/PortalDocumentsPage.js';
import { PortalFormsPage } from '../features/portal/PortalFormsPage.js';
import { PortalLayout } from '../features/portal/PortalLayout.js';
import { PortalSecurityPage } from '../features/portal/PortalSecurityPage.js';
import { CasePage } from '../features/learning/CasePage.js';
import { BankPage } from '../features/learning/BankPage.js';
import { CasesPage } from '../features/learning/CasesPage.js';
import { CePage } from '../features/learning/CePage.js';
import { ExamPage } from '../features/learning/ExamPage.js';
import { LearnerSignupPage } from '../features/learning/LearnerSignupPage.js';
import { LearningHomePage } from '../features/learning/LearningHomePage.js';
import { PlanPage } from '../features/learning/PlanPage.js';
import { PracticePage } from '../features/learning/PracticePage.js';
import { ReviewPage } from '../features/learning/ReviewPage.js';
import { AppLayout } from './AppLayout.js';
import { RequireSession, SessionWatcher, SETUP_KEY, useSession } from './session.js';

/** Until the first clinic exists every page is the set-up page; afterwards the set-up page is gone. */
function SetupGate() {
  const location = useLocation();
  const setup = useQuery({ queryKey: SETUP_KEY, queryFn: getSetupStatus, staleTime: Infinity });
  if (setup.isPending) return <FullPageLoader />;
  if (setup.isError) return <FullPageError error={setup.error} onRetry={() => void setup.refetch()} />;
  const onSetupPage = location.pathname === '/setup';
  if (setup.data.setupRequired && !onSetupPage) return <Navigate to="/setup" replace />;
  if (!setup.data.setupRequired && onSetupPage) return <Navigate to="/login" replace />;
  return (
    <>
      <SessionWatcher />
      <Outlet />
    </>
  );
}

/** Staff start at their clients; a learner (issue 8) has only the learning side. */
function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={user.permissions.includes('clients:read') ? '/clients' : '/learning'} replace />;
}

const learningRoute = (path: string, element: React.ReactNode) => [
  { path, element: <RequirePermission permission="learning:use">{element}</RequirePermission> },
];

export const router = createBrowserRouter([
  // For clients, outside the staff app: the public booking page and the client portal (its own sign-in).
  { path: '/book/:slug', element: <PublicBookingPage /> },
  { path: '/portal/login', element: <PortalLoginPage /> },
  { path: '/portal/accept/:token', element: <PortalAcceptPage /> },
  { path: '/portal/link/:token', element: <PortalLinkPage /> },
  {
    path: '/portal',
    element: <PortalLayout />,
    children: [
      { index: true, element: <PortalAppointmentsPage /> },
      { path: 'book', element: <PortalBookPage /> },
      { path: 'forms', element: <PortalFormsPage /> },
      { path: 'documents', element: <PortalDocumentsPage /> },
      { path: 'security', element: <PortalSecurityPage /> },
      { path: '*', element: <Navigate to="/portal" replace /> },
    ],
  },
  {
    element: <SetupGate />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/invite/:token', element: <InvitePage /> },
      { path: '/learn/signup', element: <LearnerSignupPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomeRedirect /> },
              ...learningRoute('/learning', <LearningHomePage />),
              ...learningRoute('/learning/practice', <PracticePage />),
              ...learningRoute('/learning/exams/:examId', <ExamPage />),
              ...learningRoute('/learning/review', <ReviewPage />),
              ...learningRoute('/learning/plan', <PlanPage />),
              ...learningRoute('/learning/cases', <CasesPage />),
              ...learningRoute('/learning/cases/:caseId', <CasePage />),
              ...learningRoute('/learning/ce', <CePage />),
              ...learningRoute('/learning/bank', <BankPage />),
              {
                path: '/calendar',
                element: (
                  <RequirePermission permission="schedule:read">
                    <CalendarPage />
                  </RequirePermission>
                ),
              },
              {
                path: '/calendar/waitlist',
                element: (
                  <RequirePermission permission="schedule:read">
                    <WaitlistPage />
                  </RequirePermission>
                ),
              },
              {
                path: '/calendar/settings',
                element: (
                  <RequirePermission permission="schedule:write">
                    <CalendarSettingsPage />
                  </RequirePermission>
                ),
              },
              {
                path: '/clients',
                element: (
                  <RequirePermission permission="clients:read">
                    <ClientsPage />
                  </RequirePermission>
                ),
              },
              {
                path: '/clients/new',
                element: (
                  <RequirePermission permission="clients:write">
                    <NewClientPage />
                  </RequirePermission>
                ),
              },
              {
                path: '/clients/:id',
                element: (
                  <RequirePermission permission="clients:read">
                    <ClientPage />
                  </RequirePermission>
                ),
              },
              {
                path: '/clients/:clientId/episodes/:episodeId',
                element: (
                  <RequirePermission permission="episodes:read">
                    <EpisodePage />
                  </RequirePermission>
                ),
              },
              {
                path: '/clients/:clientId/episodes/:episodeId/notes/:noteId',
                element: (
                  <RequirePermission permission="clinical:read">
                    <NoteEditorPage />
                  </RequirePermission>
                ),
              },
              { path: '/library', element: <LibraryPage /> },
              { path: '/library/conditions/:id', element: <ConditionPage /> },
              {
                path: '/library/conditions/:id/edit',
                element: (
                  <RequirePermission permission="clinical:write">
                    <ConditionEditorPage />
                  </RequirePermission>
                ),
              },
              {
                path: '/library/conditions/:id/copy',
                element: (
                  <RequirePermission permission="clinical:write">
                    <ConditionEditorPage asNew />
                  </RequirePermission>
                ),
              },
              { path: '/library/techniques', element: <TechniquesPage /> },
              { path: '/library/techniques/:id', element: <TechniquePage /> },
              {
                path: '/billing',
                element: <Navigate to="/billing/to-bill" replace />,
              },
              {
                path: '/billing/claims/:id',
                element: (
                  <RequirePermission permission="billing:read">
                    <ClaimPage />
                  </RequirePermission>
                ),
              },
              {
                path: '/billing/remittances/:id',
                element: (
                  <RequirePermission permission="billing:read">
                    <RemittancePage />
                  </RequirePermission>
                ),
              },
              {
                path: '/billing/:tab',
                element: (
                  <RequirePermission permission="billing:read">
                    <BillingPage />
                  </RequirePermission>
                ),
              },
              {
                path: '/staff',
                element: (
                  <RequirePermission permission="staff:read">
                    <StaffPage />
                  </RequirePermission>
                ),
              },
              {
                path: '/messages',
                element: (
                  <RequirePermission permission="schedule:read">
                    <OutboxPage />
                  </RequirePermission>
                ),
              },
              {
                path: '/audit',
                element: (
                  <RequirePermission permission="audit:read">
                    <AuditPage />
                  </RequirePermission>
                ),
              },
              { path: '/account', element: <AccountPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
