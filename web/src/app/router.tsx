import { Button, Center, Stack, Text, Title } from "@mantine/core";
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  Outlet,
  redirect,
  useLocation,
} from "@tanstack/react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { lazyPage } from "../components/lazy-page.tsx";
import { RequirePermission } from "../components/no-access.tsx";
import { ButtonLink } from "../components/router-links.tsx";
import { LoginPage } from "../features/auth/login-page.tsx";
import { type Me, meQuery, type Permission, requiredAccountStep } from "../features/auth/me.ts";
import {
  CertificationsPage,
  TeamCertificationsPage,
} from "../features/certifications/certifications-page.tsx";
import { HomePage } from "../features/home/home-page.tsx";
import { PeoplePage, parsePeopleSearch } from "../features/people/people-page.tsx";
import { parseRestructuringSearch } from "../features/restructuring/restructuring-search.ts";
import { ListVersionPage, parseListVersionSearch } from "../features/screening/list-version-page.tsx";
import { parseScreeningSearch, ScreeningPage } from "../features/screening/screening-page.tsx";
import { CasesPage, parseCasesSearch } from "../features/speakup/cases-page.tsx";
import { SettingsPage as SpeakupSettingsPage } from "../features/speakup/settings-page.tsx";
import { StatsPage as SpeakupStatsPage } from "../features/speakup/stats-page.tsx";
import { isApiError } from "../lib/api.ts";
import { AppLayout } from "./app-layout.tsx";
import { plannedModules } from "./modules.ts";
import { queryClient, setAuthHandlers } from "./query-client.ts";

// Every screen but sign-in and home is its own chunk, loaded when its route is first shown.
const EntitiesPage = lazyPage(() => import("../features/admin/entities-page.tsx"), "EntitiesPage");
const ImportPage = lazyPage(() => import("../features/admin/import-page.tsx"), "ImportPage");
const JobsPage = lazyPage(() => import("../features/admin/jobs-page.tsx"), "JobsPage");
const OrganisationPage = lazyPage(
  () => import("../features/admin/organisation-page.tsx"),
  "OrganisationPage",
);
const OutboxPage = lazyPage(() => import("../features/admin/outbox-page.tsx"), "OutboxPage");
const SecurityPage = lazyPage(() => import("../features/admin/security-page.tsx"), "SecurityPage");
const UsersPage = lazyPage(() => import("../features/admin/users-page.tsx"), "UsersPage");
const AuditPage = lazyPage(() => import("../features/audit/audit-page.tsx"), "AuditPage");
const ChangePasswordPage = lazyPage(
  () => import("../features/auth/change-password-page.tsx"),
  "ChangePasswordPage",
);
const TotpEnrolPage = lazyPage(() => import("../features/auth/totp-enrol-page.tsx"), "TotpEnrolPage");
const CampaignPage = lazyPage(() => import("../features/certifications/campaign-page.tsx"), "CampaignPage");
const SignPage = lazyPage(() => import("../features/certifications/sign-page.tsx"), "SignPage");
const CommitteePage = lazyPage(() => import("../features/committees/committee-page.tsx"), "CommitteePage");
const CommitteesPage = lazyPage(() => import("../features/committees/committees-page.tsx"), "CommitteesPage");
const MeetingPage = lazyPage(() => import("../features/committees/meeting-page.tsx"), "MeetingPage");
const DisclosureDetailPage = lazyPage(
  () => import("../features/disclosures/detail-page.tsx"),
  "DisclosureDetailPage",
);
const DisclosuresPage = lazyPage(
  () => import("../features/disclosures/disclosures-page.tsx"),
  "DisclosuresPage",
);
const ComingSoonPage = lazyPage(() => import("../features/home/coming-soon-page.tsx"), "ComingSoonPage");
const NewPersonPage = lazyPage(() => import("../features/people/new-person-page.tsx"), "NewPersonPage");
const PersonPage = lazyPage(() => import("../features/people/person-page.tsx"), "PersonPage");
const PoliciesPage = lazyPage(() => import("../features/policies/policies-page.tsx"), "PoliciesPage");
const PolicyPage = lazyPage(() => import("../features/policies/policy-page.tsx"), "PolicyPage");
const VersionPage = lazyPage(() => import("../features/policies/policy-page.tsx"), "VersionPage");
const WaiversPage = lazyPage(() => import("../features/policies/waivers-page.tsx"), "WaiversPage");
const RestructuringPage = lazyPage(
  () => import("../features/restructuring/restructuring-page.tsx"),
  "RestructuringPage",
);
const CounterpartyPage = lazyPage(
  () => import("../features/screening/counterparty-page.tsx"),
  "CounterpartyPage",
);
const ListEntryPage = lazyPage(() => import("../features/screening/list-entry-page.tsx"), "ListEntryPage");
const CasePage = lazyPage(() => import("../features/speakup/case-page.tsx"), "CasePage");
const IntakePage = lazyPage(() => import("../features/speakup/intake-page.tsx"), "IntakePage");

type RouterContext = { queryClient: QueryClient };

const RouteError = ({ error, reset }: ErrorComponentProps) => (
  <Stack maw={640} mx="auto" mt="xl">
    <ErrorAlert error={error} />
    <Button variant="default" onClick={reset} w="fit-content">
      Try again
    </Button>
  </Stack>
);

const NotFound = () => (
  <Center mih="60vh">
    <Stack align="center" gap="xs">
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text c="dimmed">The page you asked for does not exist or you may not see it.</Text>
      <ButtonLink to="/" variant="light" mt="sm">
        Go to Home
      </ButtonLink>
    </Stack>
  </Center>
);

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === "string" && search.redirect.startsWith("/")
      ? { redirect: search.redirect }
      : {},
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.fetchQuery(meQuery).catch(() => null);
    if (me) throw redirect({ to: requiredAccountStep(me) ?? "/" });
  },
  component: LoginPage,
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        throw redirect({
          to: "/login",
          search: location.pathname === "/" ? {} : { redirect: location.href },
        });
      }
      throw error;
    }
  },
  component: AppLayout,
  errorComponent: RouteError,
});

/** The search of a page with tabs: the tab shown (`?tab=`, components/url-tabs.tsx), so Back returns to it. */
const tabSearch = (search: Record<string, unknown>): { tab?: string } =>
  typeof search.tab === "string" ? { tab: search.tab } : {};

const page = <P extends string>(
  path: P,
  Component: () => React.ReactNode,
  permission?: Permission,
  validateSearch?: typeof tabSearch,
) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    validateSearch,
    errorComponent: RouteError,
    component: permission
      ? () => (
          <RequirePermission permission={permission}>
            <Component />
          </RequirePermission>
        )
      : Component,
  });

const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/people/$personId",
  errorComponent: RouteError,
  component: function PersonRoute() {
    const { personId } = personRoute.useParams();
    return (
      <RequirePermission permission="people.read">
        <PersonPage personId={personId} />
      </RequirePermission>
    );
  },
});

const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/people",
  validateSearch: parsePeopleSearch,
  errorComponent: RouteError,
  component: function PeopleRoute() {
    const search = peopleRoute.useSearch();
    const navigate = peopleRoute.useNavigate();
    return (
      <RequirePermission permission="people.read">
        <PeoplePage search={search} onSearchChange={(next) => navigate({ search: next, replace: true })} />
      </RequirePermission>
    );
  },
});

const counterpartyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/screening/counterparties/$counterpartyId",
  errorComponent: RouteError,
  component: function CounterpartyRoute() {
    const { counterpartyId } = counterpartyRoute.useParams();
    return <CounterpartyPage counterpartyId={counterpartyId} />;
  },
});

const screeningRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/screening",
  validateSearch: parseScreeningSearch,
  errorComponent: RouteError,
  component: ScreeningPage,
});

const restructuringRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/restructuring",
  validateSearch: parseRestructuringSearch,
  errorComponent: RouteError,
  component: RestructuringPage,
});

const listVersionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/screening/lists/$versionId",
  validateSearch: parseListVersionSearch,
  errorComponent: RouteError,
  component: function ListVersionRoute() {
    const { versionId } = listVersionRoute.useParams();
    const search = listVersionRoute.useSearch();
    const navigate = listVersionRoute.useNavigate();
    return (
      <ListVersionPage
        versionId={versionId}
        search={search}
        onSearchChange={(next) => navigate({ search: next, replace: true })}
      />
    );
  },
});

const listEntryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/screening/lists/$versionId/entries/$entityId",
  errorComponent: RouteError,
  component: function ListEntryRoute() {
    const { versionId, entityId } = listEntryRoute.useParams();
    return <ListEntryPage versionId={versionId} entityId={entityId} />;
  },
});

const committeeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/committees/$committeeId",
  validateSearch: tabSearch,
  errorComponent: RouteError,
  component: function CommitteeRoute() {
    return (
      <RequirePermission permission="committee.read">
        <CommitteePage committeeId={committeeRoute.useParams().committeeId} />
      </RequirePermission>
    );
  },
});

const committeeMeetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/committees/meetings/$meetingId",
  errorComponent: RouteError,
  component: function CommitteeMeetingRoute() {
    return (
      <RequirePermission permission="committee.read">
        <MeetingPage meetingId={committeeMeetingRoute.useParams().meetingId} />
      </RequirePermission>
    );
  },
});

const policyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/policies/$policyId",
  validateSearch: tabSearch,
  errorComponent: RouteError,
  component: function PolicyRoute() {
    return <PolicyPage policyId={policyRoute.useParams().policyId} />;
  },
});
const policyVersionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/policies/versions/$versionId",
  errorComponent: RouteError,
  component: function PolicyVersionRoute() {
    return <VersionPage versionId={policyVersionRoute.useParams().versionId} />;
  },
});
const signRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/certifications/sign/$id",
  errorComponent: RouteError,
  component: function SignRoute() {
    return <SignPage id={signRoute.useParams().id} />;
  },
});
const certificateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/certifications/certificates/$id",
  errorComponent: RouteError,
  component: function CertificateRoute() {
    return <SignPage id={certificateRoute.useParams().id} />;
  },
});
const campaignRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/certifications/campaigns/$id",
  errorComponent: RouteError,
  component: function CampaignRoute() {
    return <CampaignPage id={campaignRoute.useParams().id} />;
  },
});

// Speak-up screens live under /speakup/cases etc.: /speakup, /speakup/report and /speakup/mailbox
// are the server-rendered public portal.
const speakupCasesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/speakup/cases",
  validateSearch: parseCasesSearch,
  errorComponent: RouteError,
  component: function SpeakupCasesRoute() {
    const navigate = speakupCasesRoute.useNavigate();
    return (
      <CasesPage
        search={speakupCasesRoute.useSearch()}
        onSearchChange={(next) => navigate({ search: next, replace: true })}
      />
    );
  },
});
const speakupCaseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/speakup/cases/$caseId",
  validateSearch: tabSearch,
  errorComponent: RouteError,
  component: function SpeakupCaseRoute() {
    return (
      <RequirePermission permission="speakup.handle">
        <CasePage caseId={speakupCaseRoute.useParams().caseId} />
      </RequirePermission>
    );
  },
});

const disclosureDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/disclosures/$section/$id",
  errorComponent: RouteError,
  component: function DisclosureDetailRoute() {
    const { section, id } = disclosureDetailRoute.useParams();
    return <DisclosureDetailPage section={section} id={id} />;
  },
});

const PlannedModuleRoute = (): React.ReactNode => {
  const pathname: string = useLocation().pathname;
  const module = plannedModules.find((item) => item.path === pathname);
  return module ? <ComingSoonPage module={module} /> : <NotFound />;
};

const plannedRoutes = plannedModules.map((module) => page(module.path, PlannedModuleRoute));

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    page("/", HomePage),
    peopleRoute,
    page("/people/new", NewPersonPage, "people.write"),
    personRoute,
    screeningRoute,
    restructuringRoute,
    counterpartyRoute,
    listVersionRoute,
    listEntryRoute,
    page("/committees", CommitteesPage, "committee.read"),
    committeeRoute,
    committeeMeetingRoute,
    page("/admin/organisation", OrganisationPage, "organisation.manage"),
    page("/admin/entities", EntitiesPage, "entity.manage"),
    page("/admin/users", UsersPage, "user.manage"),
    page("/admin/security", SecurityPage, "user.manage"),
    page("/admin/import", ImportPage, "people.import"),
    page("/admin/outbox", OutboxPage, "outbox.read"),
    page("/admin/jobs", JobsPage, "job.manage"),
    page("/audit", AuditPage, "audit.read"),
    page("/policies", PoliciesPage),
    page("/policies/waivers", WaiversPage),
    policyRoute,
    policyVersionRoute,
    page("/certifications", CertificationsPage, undefined, tabSearch),
    page("/certifications/team", TeamCertificationsPage, undefined, tabSearch),
    signRoute,
    certificateRoute,
    campaignRoute,
    speakupCasesRoute,
    speakupCaseRoute,
    page("/speakup/intake", IntakePage),
    page("/speakup/stats", SpeakupStatsPage, "speakup.stats"),
    page("/speakup/settings", SpeakupSettingsPage, "speakup.configure"),
    page("/account/totp", TotpEnrolPage),
    page("/account/password", ChangePasswordPage),
    page("/disclosures", DisclosuresPage, undefined, tabSearch),
    disclosureDetailRoute,
    ...plannedRoutes,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: "intent",
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}

setAuthHandlers({
  unauthenticated: () => {
    queryClient.removeQueries({ queryKey: meQuery.queryKey });
    if (router.state.location.pathname !== "/login") {
      void router.navigate({ to: "/login", search: { redirect: router.state.location.href } });
    }
  },
  enrolmentRequired: async () => {
    await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    const step = requiredAccountStep(queryClient.getQueryData<Me>(meQuery.queryKey)) ?? "/account/totp";
    if (router.state.location.pathname !== step) void router.navigate({ to: step });
  },
});
