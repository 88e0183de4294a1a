/**
 * The route table: which screen answers which path, and who may open it. A path the user's
 * role cannot use shows "geen toegang"; an unknown path shows the 404 page.
 */
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { type Account, useSession } from './api/session.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { AccountFormPage } from './pages/accounts/AccountFormPage.js';
import { AccountListPage } from './pages/accounts/AccountListPage.js';
import { LoginPage } from './pages/auth/LoginPage.js';
import { PasswordPage } from './pages/auth/PasswordPage.js';
import { AssessmentFormPage } from './pages/cases/AssessmentFormPage.js';
import { CaseDetailPage } from './pages/cases/CaseDetailPage.js';
import { CaseFormPage } from './pages/cases/CaseFormPage.js';
import { DecisionFormPage } from './pages/cases/DecisionFormPage.js';
import { EvaluationFormPage } from './pages/cases/EvaluationFormPage.js';
import { WorklistPage } from './pages/cases/WorklistPage.js';
import { ForbiddenPage } from './pages/errors/ForbiddenPage.js';
import { NotFoundPage } from './pages/errors/NotFoundPage.js';
import { DistrictDetailPage } from './pages/geography/DistrictDetailPage.js';
import { DistrictFormPage } from './pages/geography/DistrictFormPage.js';
import { DistrictListPage } from './pages/geography/DistrictListPage.js';
import { NeighbourhoodFormPage } from './pages/geography/NeighbourhoodFormPage.js';
import { HomePage } from './pages/home/HomePage.js';
import { ClaimListPage } from './pages/messages/ClaimListPage.js';
import { MessageCheckPage } from './pages/messages/MessageCheckPage.js';
import { MessageDetailPage } from './pages/messages/MessageDetailPage.js';
import { MessageListPage } from './pages/messages/MessageListPage.js';
import { MessageSubmitPage } from './pages/messages/MessageSubmitPage.js';
import { ProviderAllocationsPage } from './pages/messages/ProviderAllocationsPage.js';
import { QuarantinePage } from './pages/messages/QuarantinePage.js';
import { RequestListPage } from './pages/messages/RequestListPage.js';
import { ClientMonitorPage } from './pages/monitor/ClientMonitorPage.js';
import { MonitorCasesPage } from './pages/monitor/MonitorCasesPage.js';
import { ProviderMonitorPage } from './pages/monitor/ProviderMonitorPage.js';
import { ProcessingLogPage } from './pages/processing-log/ProcessingLogPage.js';
import { ContractDetailPage } from './pages/registry/ContractDetailPage.js';
import { ContractFormPage } from './pages/registry/ContractFormPage.js';
import { ContractListPage } from './pages/registry/ContractListPage.js';
import { ProviderDetailPage } from './pages/registry/ProviderDetailPage.js';
import { ProviderFormPage } from './pages/registry/ProviderFormPage.js';
import { ProviderListPage } from './pages/registry/ProviderListPage.js';
import { ProvisionDetailPage } from './pages/registry/ProvisionDetailPage.js';
import { ProvisionFormPage } from './pages/registry/ProvisionFormPage.js';
import { ProvisionListPage } from './pages/registry/ProvisionListPage.js';
import { ResidentDetailPage } from './pages/registry/ResidentDetailPage.js';
import { ResidentFormPage } from './pages/registry/ResidentFormPage.js';
import { ResidentSearchPage } from './pages/registry/ResidentSearchPage.js';
import { TeamFormPage } from './pages/teams/TeamFormPage.js';
import { TeamListPage } from './pages/teams/TeamListPage.js';
import { TeamMembersPage } from './pages/teams/TeamMembersPage.js';
import {
  canReadContracts,
  canReadProvider,
  canSeeProviderMonitor,
  canSubmitMessages,
  canUse,
  canWorkCases,
  canWrite,
} from './ui/access.js';
import { AppLayout, PublicLayout } from './ui/Layout.js';
import { Loading } from './ui/LoadState.js';
import { matchPath, RouterProvider, useLocation, useNavigate } from './ui/router.js';
import { SessionProvider } from './ui/SessionProvider.js';

type Params = Record<string, string>;

interface Route {
  pattern: string;
  allowed: (account: Account, params: Params) => boolean;
  render: (params: Params) => ReactNode;
}

const param = (params: Params, name: string): string => params[name] ?? '';
const always = () => true;

/** Specific paths before the ones with a parameter: `/aanbieders/nieuw` before `/aanbieders/:id`. */
const ROUTES: readonly Route[] = [
  { pattern: '/', allowed: always, render: () => <HomePage /> },
  { pattern: '/wachtwoord', allowed: always, render: () => <PasswordPage /> },

  { pattern: '/monitor', allowed: (a) => canUse(a.role, 'monitor'), render: () => <ClientMonitorPage /> },
  {
    pattern: '/monitor/aanbieders',
    allowed: (a) => canSeeProviderMonitor(a.role),
    render: () => <ProviderMonitorPage />,
  },
  {
    pattern: '/monitor/casussen',
    allowed: (a) => canUse(a.role, 'monitor') && canWorkCases(a.role),
    render: () => <MonitorCasesPage />,
  },
  { pattern: '/werkvoorraad', allowed: (a) => canWorkCases(a.role), render: () => <WorklistPage /> },
  {
    pattern: '/casussen/:id',
    allowed: (a) => canWorkCases(a.role),
    render: (p) => <CaseDetailPage id={param(p, 'id')} />,
  },
  {
    pattern: '/casussen/:id/onderzoek',
    allowed: (a) => canWorkCases(a.role),
    render: (p) => <AssessmentFormPage caseId={param(p, 'id')} />,
  },
  {
    pattern: '/casussen/:id/besluit',
    allowed: (a) => canWorkCases(a.role),
    render: (p) => <DecisionFormPage caseId={param(p, 'id')} />,
  },
  {
    pattern: '/casussen/:id/evaluatie',
    allowed: (a) => canWorkCases(a.role),
    render: (p) => <EvaluationFormPage caseId={param(p, 'id')} />,
  },

  { pattern: '/aanbieders', allowed: (a) => canUse(a.role, 'providers'), render: () => <ProviderListPage /> },
  {
    pattern: '/aanbieders/nieuw',
    allowed: (a) => canWrite(a.role, 'providers'),
    render: () => <ProviderFormPage id={null} />,
  },
  {
    pattern: '/aanbieders/:id',
    allowed: (a, p) => canReadProvider(a.role, a.providerId, param(p, 'id')),
    render: (p) => <ProviderDetailPage id={param(p, 'id')} />,
  },
  {
    pattern: '/aanbieders/:id/bewerken',
    allowed: (a) => canWrite(a.role, 'providers'),
    render: (p) => <ProviderFormPage id={param(p, 'id')} />,
  },

  {
    pattern: '/voorzieningen',
    allowed: (a) => canUse(a.role, 'provisions'),
    render: () => <ProvisionListPage />,
  },
  {
    pattern: '/voorzieningen/nieuw',
    allowed: (a) => canWrite(a.role, 'provisions'),
    render: () => <ProvisionFormPage id={null} />,
  },
  {
    pattern: '/voorzieningen/:id',
    allowed: (a) => canUse(a.role, 'provisions'),
    render: (p) => <ProvisionDetailPage id={param(p, 'id')} />,
  },
  {
    pattern: '/voorzieningen/:id/bewerken',
    allowed: (a) => canWrite(a.role, 'provisions'),
    render: (p) => <ProvisionFormPage id={param(p, 'id')} />,
  },

  { pattern: '/contracten', allowed: (a) => canUse(a.role, 'contracts'), render: () => <ContractListPage /> },
  {
    pattern: '/contracten/nieuw',
    allowed: (a) => canWrite(a.role, 'contracts'),
    render: () => <ContractFormPage id={null} />,
  },
  {
    pattern: '/contracten/:id',
    allowed: (a) => canReadContracts(a.role),
    render: (p) => <ContractDetailPage id={param(p, 'id')} />,
  },
  {
    pattern: '/contracten/:id/bewerken',
    allowed: (a) => canWrite(a.role, 'contracts'),
    render: (p) => <ContractFormPage id={param(p, 'id')} />,
  },

  { pattern: '/wijken', allowed: (a) => canUse(a.role, 'geography'), render: () => <DistrictListPage /> },
  {
    pattern: '/wijken/nieuw',
    allowed: (a) => canWrite(a.role, 'geography'),
    render: () => <DistrictFormPage code={null} />,
  },
  {
    pattern: '/wijken/:code',
    allowed: (a) => canUse(a.role, 'geography'),
    render: (p) => <DistrictDetailPage code={param(p, 'code')} />,
  },
  {
    pattern: '/wijken/:code/bewerken',
    allowed: (a) => canWrite(a.role, 'geography'),
    render: (p) => <DistrictFormPage code={param(p, 'code')} />,
  },
  {
    pattern: '/buurten/nieuw',
    allowed: (a) => canWrite(a.role, 'geography'),
    render: () => <NeighbourhoodFormPage code={null} />,
  },
  {
    pattern: '/buurten/:code/bewerken',
    allowed: (a) => canWrite(a.role, 'geography'),
    render: (p) => <NeighbourhoodFormPage code={param(p, 'code')} />,
  },

  { pattern: '/inwoners', allowed: (a) => canUse(a.role, 'residents'), render: () => <ResidentSearchPage /> },
  {
    pattern: '/inwoners/nieuw',
    allowed: (a) => canWrite(a.role, 'residents'),
    render: () => <ResidentFormPage id={null} />,
  },
  {
    pattern: '/inwoners/:id',
    allowed: (a) => canUse(a.role, 'residents'),
    render: (p) => <ResidentDetailPage id={param(p, 'id')} />,
  },
  {
    pattern: '/inwoners/:id/bewerken',
    allowed: (a) => canWrite(a.role, 'residents'),
    render: (p) => <ResidentFormPage id={param(p, 'id')} />,
  },
  {
    pattern: '/inwoners/:id/melding',
    allowed: (a) => canWorkCases(a.role),
    render: (p) => <CaseFormPage residentId={param(p, 'id')} />,
  },

  { pattern: '/berichten', allowed: (a) => canUse(a.role, 'messages'), render: () => <MessageListPage /> },
  {
    pattern: '/berichten/indienen',
    allowed: (a) => canUse(a.role, 'messages') && canSubmitMessages(a.role),
    render: () => <MessageSubmitPage />,
  },
  {
    pattern: '/berichten/controleren',
    allowed: (a) => canUse(a.role, 'messages'),
    render: () => <MessageCheckPage />,
  },
  {
    pattern: '/berichten/toewijzingen',
    allowed: (a) => canUse(a.role, 'messages'),
    render: () => <ProviderAllocationsPage />,
  },
  {
    pattern: '/berichten/verzoeken',
    allowed: (a) => canUse(a.role, 'messages'),
    render: () => <RequestListPage />,
  },
  {
    pattern: '/berichten/declaraties',
    allowed: (a) => canUse(a.role, 'messages'),
    render: () => <ClaimListPage />,
  },
  {
    pattern: '/berichten/quarantaine',
    allowed: (a) => canUse(a.role, 'messages'),
    render: () => <QuarantinePage />,
  },
  {
    pattern: '/berichten/:id',
    allowed: (a) => canUse(a.role, 'messages'),
    render: (p) => <MessageDetailPage id={param(p, 'id')} />,
  },

  {
    pattern: '/verwerkingenlog',
    allowed: (a) => canUse(a.role, 'processingLog'),
    render: () => <ProcessingLogPage />,
  },

  { pattern: '/teams', allowed: (a) => canUse(a.role, 'teams'), render: () => <TeamListPage /> },
  { pattern: '/teams/nieuw', allowed: (a) => canUse(a.role, 'teams'), render: () => <TeamFormPage /> },
  {
    pattern: '/teams/:id/leden',
    allowed: (a) => canUse(a.role, 'teams'),
    render: (p) => <TeamMembersPage id={param(p, 'id')} />,
  },

  { pattern: '/accounts', allowed: (a) => canUse(a.role, 'accounts'), render: () => <AccountListPage /> },
  {
    pattern: '/accounts/nieuw',
    allowed: (a) => canUse(a.role, 'accounts'),
    render: () => <AccountFormPage />,
  },
];

const LOGIN_PATH = '/inloggen';

function Redirect({ to }: { to: string }) {
  const navigate = useNavigate();
  useEffect(() => navigate(to, { replace: true }), [navigate, to]);
  return null;
}

function Screen() {
  const { account } = useSession();
  const { path } = useLocation();
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;

  if (account === undefined) {
    return (
      <PublicLayout>
        <div className="rk-narrow">
          <Loading />
        </div>
      </PublicLayout>
    );
  }
  if (account === null) {
    if (normalized !== LOGIN_PATH) return <Redirect to={LOGIN_PATH} />;
    return (
      <PublicLayout>
        <LoginPage />
      </PublicLayout>
    );
  }
  if (normalized === LOGIN_PATH) return <Redirect to="/" />;

  for (const route of ROUTES) {
    const params = matchPath(route.pattern, normalized);
    if (!params) continue;
    return (
      <AppLayout>
        <div key={normalized}>
          {route.allowed(account, params) ? route.render(params) : <ForbiddenPage />}
        </div>
      </AppLayout>
    );
  }
  return (
    <AppLayout>
      <div key={normalized}>
        <NotFoundPage />
      </div>
    </AppLayout>
  );
}

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <Screen />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
