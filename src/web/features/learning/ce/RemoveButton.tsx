import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';

/** A small "Remove" button that asks once before removing (the dialog names what goes). */
export function RemoveButton(props: {
  /** What is removed, for the button's accessible name and the dialog: "the Florida licence". */
  what: string;
  explanation: string;
  loading: boolean;
  onConfirm: () => void;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={14} aria-hidden />}
        onClick={open}
        aria-label={`Remove ${props.what}`}
        className="no-print"
      >
        Remove
      </Button>
      <Modal opened={opened} onClose={close} title={`Remove ${props.what}?`} centered>
        <Stack gap="md">
          <Text size="sm">{props.explanation}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={props.loading}
              onClick={() => {
                props.onConfirm();
                close();
              }}
            >
              Remove
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
