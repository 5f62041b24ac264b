/**
 * The signed-in portal's frame: a header with the clinic's name and sign-out, a switcher when the account
 * holds several clients (a guardian), and the portal's sections. Without a portal session, the sign-in page.
 */
import { createContext, useContext, useState } from 'react';
import { Box, Button, Container, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../api/http.js';
import { getPortalMe, portalKeys, portalLogout, type PortalClient, type PortalMe } from '../../api/portal.js';
import { FullPageError, FullPageLoader } from '../../components/FullPageState.js';

type PortalState = { me: PortalMe; client: PortalClient };
const PortalContext = createContext<PortalState | null>(null);

/** The portal account and the client chosen in the switcher; only inside PortalLayout. */
export function usePortal(): PortalState {
  const state = useContext(PortalContext);
  if (!state) throw new Error('usePortal is used outside PortalLayout.');
  return state;
}

const SECTIONS = [
  { path: '/portal', label: 'Appointments' },
  { path: '/portal/book', label: 'Book' },
  { path: '/portal/forms', label: 'Forms' },
  { path: '/portal/documents', label: 'Home care' },
  { path: '/portal/security', label: 'Security' },
];

export function PortalLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: portalKeys.me, queryFn: getPortalMe, staleTime: 60_000, retry: false });
  const [clientId, setClientId] = useState<string | null>(null);

  if (me.isPending) return <FullPageLoader label="Loading the portal…" />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) return <Navigate to="/portal/login" replace />;
    return <FullPageError error={me.error} onRetry={() => void me.refetch()} />;
  }
  const clients = me.data.clients;
  const client = clients.find((c) => c.id === clientId) ?? clients[0];
  const signOut = async () => {
    try {
      await portalLogout();
    } finally {
      queryClient.removeQueries({ queryKey: portalKeys.all });
      void navigate('/portal/login', { replace: true });
    }
  };
  const current = SECTIONS.find((s) => s.path === location.pathname)?.path ?? '/portal';

  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md" py="sm">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Stack gap={0}>
              <Text fw={700} size="lg" c="palpa.9">
                {me.data.clinic.name}
              </Text>
              <Text size="xs" c="dimmed">
                Client portal · signed in as {me.data.account.name}
              </Text>
            </Stack>
            <Group gap="sm" wrap="wrap">
              {clients.length > 1 && client && (
                <NativeSelect
                  aria-label="Whose portal"
                  size="sm"
                  value={client.id}
                  onChange={(e) => setClientId(e.currentTarget.value)}
                  data={clients.map((c) => ({
                    value: c.id,
                    label: c.relationship === 'guardian' ? `${c.name} (in your care)` : c.name,
                  }))}
                />
              )}
              <Button
                variant="default"
                size="sm"
                leftSection={<IconLogout size={16} aria-hidden />}
                onClick={() => void signOut()}
              >
                Sign out
              </Button>
            </Group>
          </Group>
        </Container>
        <Container size="md" pb={6}>
          <Group
            component="nav"
            aria-label="Portal sections"
            gap={4}
            wrap="nowrap"
            style={{ overflowX: 'auto' }}
          >
            {SECTIONS.map((s) => (
              <Button
                key={s.path}
                component={Link}
                to={s.path}
                size="sm"
                variant={s.path === current ? 'light' : 'subtle'}
                color={s.path === current ? 'palpa' : 'gray'}
                aria-current={s.path === current ? 'page' : undefined}
              >
                {s.label}
              </Button>
            ))}
          </Group>
        </Container>
      </Box>
      <Container size="md" py="lg" component="main" id="main">
        {!client ? (
          <Stack>
            <Title order={1} size="h2">
              Nothing to show yet
            </Title>
            <Text>
              This account is not linked to a client of the clinic any more. Please call the clinic.
            </Text>
          </Stack>
        ) : (
          <PortalContext.Provider value={{ me: me.data, client }}>
            <Outlet key={client.id} />
          </PortalContext.Provider>
        )}
      </Container>
    </Box>
  );
}

/** The page's heading inside the portal, naming whose page it is for a guardian. */
export function PortalHeading({ title, description }: { title: string; description?: string }) {
  const { me, client } = usePortal();
  return (
    <Stack gap={4} mb="lg">
      <Title order={1} size="h2">
        {title}
      </Title>
      {me.clients.length > 1 && (
        <Text size="sm" fw={600} c="palpa.8">
          For {client.name}
        </Text>
      )}
      {description && (
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      )}
    </Stack>
  );
}
