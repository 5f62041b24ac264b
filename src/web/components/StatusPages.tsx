import { Button, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconLock, IconMapPinOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import type { Permission } from '../../platform/authz/permissions.js';
import { useCan } from '../app/session.js';
import { PageHeader } from './PageHeader.js';

/** An address inside the app that matches no page (signed-out visitors sign in first, then see this). */
export function NotFoundPage() {
  return (
    <Paper p="xl" maw={560}>
      <Stack align="flex-start" gap="md">
        <ThemeIcon variant="light" size={44} radius="xl" color="gray" aria-hidden>
          <IconMapPinOff size={24} />
        </ThemeIcon>
        <PageHeader title="Page not found" />
        <Text c="dimmed" mt={-16}>
          There is no page at this address. It may have been mistyped, or the link is out of date.
        </Text>
        <Button component={Link} to="/clients">
          Go to clients
        </Button>
      </Stack>
    </Paper>
  );
}

export function NotAllowed() {
  return (
    <Paper p="xl" maw={560}>
      <Stack align="flex-start" gap="md">
        <ThemeIcon variant="light" size={44} radius="xl" color="gray" aria-hidden>
          <IconLock size={24} />
        </ThemeIcon>
        <PageHeader title="Not available for your role" />
        <Text c="dimmed" mt={-16}>
          Your role does not include this page. If you need it, ask the clinic owner.
        </Text>
        <Button component={Link} to="/clients">
          Go to clients
        </Button>
      </Stack>
    </Paper>
  );
}

/** Shows the page only to roles with the permission; others see why not. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <NotAllowed />;
}
