import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { getOutbox, OUTBOX_KEY, resendMessage, type OutboxMessage } from '../../api/messaging.js';
import { errorMessage } from '../../api/http.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatDateTime } from '../../components/format.js';
import { MESSAGE_KIND_LABELS } from '../../../modules/messaging/domain/message.js';

const STATUS_COLOURS: Record<OutboxMessage['status'], string> = {
  queued: 'blue',
  sending: 'blue',
  sent: 'teal',
  failed: 'red',
  held: 'orange',
};

/** The outbox: every message to clients, what became of it, and its words — resend what was held or failed. */
export function OutboxPage() {
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const outbox = useQuery({ queryKey: [...OUTBOX_KEY, status], queryFn: () => getOutbox(status) });
  const resend = useMutation({
    mutationFn: resendMessage,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'The message is on its way.' });
      void queryClient.invalidateQueries({ queryKey: OUTBOX_KEY });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });

  return (
    <>
      <PageHeader
        title="Messages"
        description="Confirmations, reminders, forms and portal invitations sent to clients, newest first. They never carry clinical details."
      />
      {outbox.data && !outbox.data.channels.email && (
        <Alert icon={<IconInfoCircle aria-hidden />} color="orange" mb="md" title="No email server is set up">
          Messages wait here as “held”. Read them to clients by phone, or set SMTP_URL and resend them.
        </Alert>
      )}
      <Paper p={0}>
        <Group p="md">
          <NativeSelect
            label="Status"
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value)}
            data={[
              { value: '', label: 'All' },
              { value: 'held', label: 'Held (no sender)' },
              { value: 'queued', label: 'Waiting to send' },
              { value: 'sent', label: 'Sent' },
              { value: 'failed', label: 'Failed' },
            ]}
            w={{ base: '100%', xs: 240 }}
          />
        </Group>
        {outbox.isError && (
          <ApiErrorAlert error={outbox.error} m="md" title="The outbox could not be loaded" />
        )}
        {outbox.isPending ? (
          <Stack p="md" gap="sm" aria-busy="true">
            {[0, 1, 2].map((row) => (
              <Skeleton key={row} height={18} />
            ))}
          </Stack>
        ) : outbox.data?.items.length === 0 ? (
          <Text p="md" c="dimmed" size="sm">
            No messages.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label="Messages">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Written</Table.Th>
                  <Table.Th>To</Table.Th>
                  <Table.Th>Message</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outbox.data?.items.map((message) => (
                  <Table.Tr key={message.id}>
                    <Table.Td>{formatDateTime(message.createdAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{message.toName ?? message.to}</Text>
                      <Text size="xs" c="dimmed">
                        {message.to}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {MESSAGE_KIND_LABELS[message.kind]}
                      </Text>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        px={0}
                        aria-expanded={open === message.id}
                        onClick={() => setOpen(open === message.id ? null : message.id)}
                      >
                        {message.subject}
                      </Button>
                      {open === message.id && (
                        <Text
                          size="sm"
                          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                          mt="xs"
                          maw={520}
                        >
                          {message.body}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOURS[message.status]} variant="light">
                        {message.status}
                      </Badge>
                      {message.lastError && (
                        <Text size="xs" c="dimmed">
                          {message.lastError}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {(message.status === 'held' ||
                        message.status === 'failed' ||
                        message.status === 'sent') && (
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconSend size={14} aria-hidden />}
                          loading={resend.isPending && resend.variables === message.id}
                          onClick={() => resend.mutate(message.id)}
                        >
                          Resend
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </>
  );
}
