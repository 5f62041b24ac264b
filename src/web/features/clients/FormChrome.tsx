import { Button, Group, Modal, Text } from '@mantine/core';
import type { Blocker } from 'react-router';

export { SaveBar } from '../../components/SaveBar.js';

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
