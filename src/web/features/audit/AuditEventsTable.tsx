import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { AuditEvent } from '../../api/audit.js';
import { formatDateTime } from '../../components/format.js';
import { ACTION_LABELS, actionTone, describeDetail, TONE_COLORS } from './audit-labels.js';

type AuditEventsTableProps = {
  events: AuditEvent[];
  staffNames: Map<string, string>;
  /** On a client's own page the client column is left out. */
  showClient?: boolean;
  showIp?: boolean;
  label: string;
};

export function AuditEventsTable({
  events,
  staffNames,
  showClient = true,
  showIp = true,
  label,
}: AuditEventsTableProps) {
  return (
    <Table.ScrollContainer minWidth={showClient ? 720 : 520}>
      <Table aria-label={label} verticalSpacing="xs">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th w={170}>Time</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>Action</Table.Th>
            {showClient && <Table.Th>Client</Table.Th>}
            {showIp && <Table.Th style={{ whiteSpace: 'nowrap' }}>IP address</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const detail = describeDetail(event, staffNames);
            const who =
              event.actorName ?? (event.actorUserId ? staffNames.get(event.actorUserId) : undefined);
            const [onlyClient] = event.clientIds;
            return (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" component="time" dateTime={event.occurredAt}>
                    {formatDateTime(event.occurredAt)}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">
                    {who ?? (
                      <Text span c="dimmed" size="sm">
                        Unknown
                      </Text>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Badge
                      variant="light"
                      color={TONE_COLORS[actionTone(event.action)]}
                      radius="sm"
                      tt="none"
                      fw={600}
                      style={{ alignSelf: 'flex-start' }}
                    >
                      {ACTION_LABELS[event.action] ?? event.action}
                    </Badge>
                    {detail && (
                      <Text size="xs" c="dimmed">
                        {detail}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                {showClient && (
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {event.clientIds.length === 1 && onlyClient ? (
                      <Anchor component={Link} to={`/clients/${onlyClient}`} size="sm">
                        Open client
                      </Anchor>
                    ) : event.clientIds.length > 1 ? (
                      <Text size="sm" c="dimmed">
                        {event.clientIds.length} clients
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                )}
                {showIp && (
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" ff="monospace" c="gray.7">
                      {event.ip ?? '—'}
                    </Text>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
