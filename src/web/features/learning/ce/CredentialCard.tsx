import {
  Badge,
  Box,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useId, type ReactNode } from 'react';
import type { Credential } from '../../../api/learning.js';
import { formatDateOnly } from '../../../components/format.js';
import { CE_STATES, daysLeftText, hours } from './ce-ui.js';

export function StateBadge({ state }: { state: Credential['status']['state'] }) {
  const { label, color } = CE_STATES[state];
  return (
    <Badge color={color} variant="light" size="md">
      {label}
    </Badge>
  );
}

/** One licence or certification with its CE status against the rule of its state. */
export function CredentialCard({ credential, actions }: { credential: Credential; actions?: ReactNode }) {
  const headingId = useId();
  const { status } = credential;
  const percent =
    status.requiredHours > 0 ? Math.min(100, (100 * status.countedHours) / status.requiredHours) : 100;
  const facts = [
    credential.kind === 'licence' ? 'Licence' : 'Certification',
    credential.number ? `No. ${credential.number}` : null,
    credential.issuedOn ? `issued ${formatDateOnly(credential.issuedOn)}` : null,
    credential.firstRenewal ? 'first renewal' : null,
  ].filter(Boolean);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
            <Group gap="xs">
              <Title order={3} size="h4" id={headingId}>
                {credential.ruleName}
              </Title>
              <StateBadge state={status.state} />
            </Group>
            <Text size="sm" c="dimmed">
              {facts.join(' · ')}
            </Text>
          </Stack>
          {actions}
        </Group>

        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Fact label="Renewal cycle">
            {formatDateOnly(status.cycleStarts)} – {formatDateOnly(status.cycleEnds)}
          </Fact>
          <Fact label="Expires">
            {formatDateOnly(credential.expiresOn)} ({daysLeftText(status.daysLeft)})
          </Fact>
          <Fact label="CE hours counted">
            {hours(status.countedHours)} of {hours(status.requiredHours)} required
          </Fact>
        </SimpleGrid>

        <Progress
          value={percent}
          color={CE_STATES[status.state].color}
          size="lg"
          radius="sm"
          aria-label={`${credential.ruleName}: ${hours(status.countedHours)} of ${hours(status.requiredHours)} counted`}
        />

        {status.exempt && (
          <Text size="sm">
            No CE is needed for this renewal: it is the first registration period after the licence was
            issued.
          </Text>
        )}

        {status.categories.length > 0 && (
          <Table.ScrollContainer minWidth={440}>
            <Table
              withTableBorder
              striped
              verticalSpacing={6}
              fz="sm"
              aria-label={`Required categories for ${credential.ruleName}`}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Category</Table.Th>
                  <Table.Th ta="right">Required</Table.Th>
                  <Table.Th ta="right">Done</Table.Th>
                  <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                    Still needed
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {status.categories.map((c) => (
                  <Table.Tr key={c.category}>
                    <Table.Td>
                      <Group gap={6}>
                        <span>{c.name}</span>
                        {c.inPersonOnly && (
                          <Badge size="xs" variant="outline" color="grape">
                            In person only
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{hours(c.required)}</Table.Td>
                    <Table.Td ta="right">{hours(c.done)}</Table.Td>
                    <Table.Td ta="right" fw={c.missing > 0 ? 600 : undefined}>
                      {c.missing > 0 ? hours(c.missing) : 'done'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        {status.missing.length > 0 ? (
          <Box>
            <Text size="sm" fw={600}>
              {status.daysLeft < 0
                ? 'Still missing for the renewal that was due on ' + formatDateOnly(status.cycleEnds) + ':'
                : `Still needed before ${formatDateOnly(status.cycleEnds)}:`}
            </Text>
            <List size="sm" spacing={2} mt={4}>
              {status.missing.map((sentence) => (
                <List.Item key={sentence}>{sentence}.</List.Item>
              ))}
            </List>
          </Box>
        ) : (
          <Text size="sm" c="green.8" fw={500}>
            All the CE hours for this renewal are done.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}
