import { Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The bar at the bottom of a long form: stays in view while scrolling, holds the save buttons, and says
 * whether there are unsaved changes (or `message`, e.g. "Saving…", read out by screen readers).
 */
export function SaveBar({
  dirty,
  message,
  children,
}: {
  dirty: boolean;
  message?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper
      p="sm"
      shadow="md"
      style={{ position: 'sticky', bottom: 'var(--mantine-spacing-md)', zIndex: 5 }}
      mt="lg"
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text
          size="sm"
          c={dirty ? 'orange.9' : 'dimmed'}
          fw={dirty ? 500 : 400}
          role="status"
          aria-live="polite"
        >
          {message ?? (dirty ? 'You have unsaved changes.' : 'No unsaved changes.')}
        </Text>
        <Group gap="sm">{children}</Group>
      </Group>
    </Paper>
  );
}
