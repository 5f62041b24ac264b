import { Button, Group, Modal, Paper, Text } from '@mantine/core';
import type { Blocker } from 'react-router';
import type { ReactNode } from 'react';

/** The bar at the bottom of a long form: stays in view while scrolling, holds the save button. */
export function SaveBar({ dirty, children }: { dirty: boolean; children: ReactNode }) {
  return (
    <Paper
      p="sm"
      shadow="md"
      style={{ position: 'sticky', bottom: 'var(--mantine-spacing-md)', zIndex: 5 }}
      mt="lg"
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" c={dirty ? 'orange.9' : 'dimmed'} fw={dirty ? 500 : 400} aria-live="polite">
          {dirty ? 'You have unsaved changes.' : 'No unsaved changes.'}
        </Text>
        <Group gap="sm">{children}</Group>
      </Group>
    </Paper>
  );
}

/** Asks before leaving a form with unsaved changes. */
export function LeaveGuard({ blocker }: { blocker: Blocker }) {
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Leave without saving?"
      centered
    >
      <Text size="sm" mb="lg">
        Your changes to this client are not saved yet. If you leave now, they are lost.
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={() => blocker.reset?.()}>
          Stay on this page
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          Leave without saving
        </Button>
      </Group>
    </Modal>
  );
}
