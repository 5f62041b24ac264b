import { useEffect, useRef, useState } from 'react';
import {
  AppShell,
  Burger,
  Button,
  Container,
  Divider,
  Group,
  NavLink,
  Stack,
  Text,
  ThemeIcon,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconBooks,
  IconCertificate,
  IconSchool,
  IconCalendarEvent,
  IconFileDollar,
  IconClockHour4,
  IconHandTwoFingers,
  IconHistory,
  IconLogout,
  IconMail,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation } from 'react-router';
import { ROLE_LABELS, type Permission } from '../../platform/authz/permissions.js';
import { plural } from '../components/format.js';
import { signOut, useSession } from './session.js';

type NavItem = { to: string; label: string; icon: typeof IconUsers; permission?: Permission };

const NAV_ITEMS: NavItem[] = [
  { to: '/calendar', label: 'Calendar', icon: IconCalendarEvent, permission: 'schedule:read' },
  { to: '/clients', label: 'Clients', icon: IconUsers, permission: 'clients:read' },
  { to: '/billing', label: 'Billing', icon: IconFileDollar, permission: 'billing:read' },
  { to: '/messages', label: 'Messages', icon: IconMail, permission: 'schedule:read' },
  { to: '/library', label: 'Library', icon: IconBooks },
  { to: '/learning', label: 'Learning', icon: IconSchool, permission: 'learning:use' },
  { to: '/learning/ce', label: 'CE & licences', icon: IconCertificate, permission: 'learning:use' },
  { to: '/staff', label: 'Staff', icon: IconUsersGroup, permission: 'staff:read' },
  { to: '/audit', label: 'Audit log', icon: IconHistory, permission: 'audit:read' },
  { to: '/account', label: 'My account', icon: IconUserCircle },
];

export function Brand({ size = 'md' }: { size?: 'md' | 'lg' }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={size === 'lg' ? 38 : 32} radius="md" variant="filled" aria-hidden>
        <IconHandTwoFingers size={size === 'lg' ? 22 : 19} stroke={1.8} />
      </ThemeIcon>
      <Text fw={700} fz={size === 'lg' ? 24 : 20} c="palpa.9" style={{ letterSpacing: '-0.01em' }}>
        Palpa
      </Text>
    </Group>
  );
}

/** The signed-in frame: header (clinic, user, sign out), main navigation and the page. */
export function AppLayout() {
  const session = useSession();
  const { user } = session;
  const queryClient = useQueryClient();
  const location = useLocation();
  const [navOpen, nav] = useDisclosure(false);
  const [signingOut, setSigningOut] = useState(false);
  const burger = useRef<HTMLButtonElement>(null);
  // Below 62em the navigation is a drawer; while closed it is off screen and must not take the focus.
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const navHidden = !wide && !navOpen;

  // Close the navigation drawer (tablet, phone) after choosing a page.
  const closeNav = nav.close;
  useEffect(() => {
    closeNav();
  }, [location.pathname, closeNav]);

  const items = NAV_ITEMS.filter((item) => !item.permission || user.permissions.includes(item.permission));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'md', collapsed: { mobile: !navOpen } }}
      padding={{ base: 'md', sm: 'lg', lg: 'xl' }}
    >
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              ref={burger}
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={navOpen ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpen}
              aria-controls="main-navigation"
            />
            <UnstyledButton component={Link} to="/clients" aria-label="Palpa, go to clients">
              <Brand />
            </UnstyledButton>
            <Divider orientation="vertical" visibleFrom="xs" style={{ height: 24, alignSelf: 'center' }} />
            <Text fw={500} c="gray.7" truncate="end" visibleFrom="xs" title={user.clinicName}>
              {user.clinicName}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Stack gap={0} align="flex-end" visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.3}>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.3}>
                {ROLE_LABELS[user.role]}
              </Text>
            </Stack>
            <Button
              variant="default"
              size="sm"
              leftSection={<IconLogout size={16} aria-hidden />}
              loading={signingOut}
              onClick={() => {
                setSigningOut(true);
                void signOut(queryClient);
              }}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        p="sm"
        id="main-navigation"
        aria-label="Main navigation"
        inert={navHidden}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !wide && navOpen) {
            nav.close();
            burger.current?.focus();
          }
        }}
      >
        <AppShell.Section grow>
          <Stack gap={4}>
            {items.map((item) => {
              // The longest matching entry is the current one (/learning/ce is not also /learning).
              const matches = (to: string) =>
                location.pathname === to || location.pathname.startsWith(`${to}/`);
              const active =
                matches(item.to) &&
                !items.some((other) => other.to.length > item.to.length && matches(other.to));
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
                  variant="light"
                  fw={500}
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              );
            })}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Divider mb="sm" />
          <Stack gap={6} px="xs" pb="xs">
            <Stack gap={0} hiddenFrom="sm">
              <Text size="sm" fw={600} truncate="end">
                {user.name}
              </Text>
              <Text size="xs" c="dimmed">
                {ROLE_LABELS[user.role]} · {user.clinicName}
              </Text>
            </Stack>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconClockHour4
                size={14}
                stroke={1.6}
                aria-hidden
                style={{ marginTop: 2, flexShrink: 0 }}
                color="var(--mantine-color-dimmed)"
              />
              <Text size="xs" c="dimmed">
                For privacy, Palpa signs you out after {plural(session.idleTimeoutMinutes, 'minute')} without
                activity.
              </Text>
            </Group>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
