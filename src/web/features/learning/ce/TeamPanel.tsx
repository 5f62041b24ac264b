import { Badge, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ROLE_LABELS, type Role } from '../../../../platform/authz/permissions.js';
import { getTeamCe, learningKeys, type TeamCe } from '../../../api/learning.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { Section } from '../../../components/Section.js';
import { formatDateOnly } from '../../../components/format.js';
import { byUrgency, CE_STATES, daysLeftText, hours, type CeState } from './ce-ui.js';
import { StateBadge } from './CredentialCard.js';

type Person = TeamCe['items'][number];

/** A person's most urgent state; people without any licence recorded come last. */
const worstRank = (p: Person) =>
  p.credentials.length ? Math.min(...p.credentials.map((c) => CE_STATES[c.status.state].rank)) : 9;
const soonest = (p: Person) =>
  p.credentials.length ? Math.min(...p.credentials.map((c) => c.status.daysLeft)) : Infinity;

export function sortTeam(items: Person[]): Person[] {
  return [...items].sort(
    (a, b) => worstRank(a) - worstRank(b) || soonest(a) - soonest(b) || a.name.localeCompare(b.name),
  );
}

const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role;

/** The owner's view: everyone's licences and what CE they still miss, most urgent first. */
export function TeamPanel() {
  const team = useQuery({ queryKey: learningKeys.team, queryFn: getTeamCe });
  if (team.isError)
    return <ApiErrorAlert error={team.error} title="The team's CE status could not be loaded" />;
  if (team.isPending) return <Skeleton height={240} />;
  const people = sortTeam(team.data.items);
  const counts = new Map<CeState | 'none', number>();
  for (const p of people) {
    const worst = [...p.credentials].sort(byUrgency)[0];
    const key = worst ? worst.status.state : 'none';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (
    <Section
      title="Team CE status"
      description="Everyone's licences and certifications, most urgent first. Reminders go out 90 and 30 days before each expiry."
    >
      <Stack gap="md">
        <Group gap="xs" aria-label="People by their most urgent state" role="group">
          {(Object.keys(CE_STATES) as CeState[]).map((state) => (
            <Badge key={state} color={CE_STATES[state].color} variant="light" size="lg">
              {CE_STATES[state].label}: {counts.get(state) ?? 0}
            </Badge>
          ))}
          <Badge color="gray" variant="light" size="lg">
            Nothing recorded: {counts.get('none') ?? 0}
          </Badge>
        </Group>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" striped aria-label="Team CE status">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={190}>Person</Table.Th>
                <Table.Th>Licences and certifications</Table.Th>
                <Table.Th ta="right" w={90}>
                  Courses
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((person) => (
                <Table.Tr key={person.userId}>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Text size="sm" fw={600}>
                      {person.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {roleLabel(person.role)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {person.credentials.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        No licence or certification recorded.
                      </Text>
                    ) : (
                      <Stack gap="xs">
                        {[...person.credentials].sort(byUrgency).map((c) => (
                          <Stack key={c.id} gap={2}>
                            <Group gap="xs">
                              <Text size="sm" fw={500}>
                                {c.ruleName}
                              </Text>
                              <StateBadge state={c.status.state} />
                            </Group>
                            <Text size="xs">
                              {c.status.missingHours > 0
                                ? `${hours(c.status.missingHours)} missing of ${hours(c.status.requiredHours)}`
                                : `All ${hours(c.status.requiredHours)} done`}
                              {' · expires '}
                              {formatDateOnly(c.expiresOn)} ({daysLeftText(c.status.daysLeft)})
                            </Text>
                            {c.status.missing.length > 0 && (
                              <Text size="xs" c="dimmed">
                                Missing: {c.status.missing.join('; ')}.
                              </Text>
                            )}
                          </Stack>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ verticalAlign: 'top' }}>
                    {person.courses}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Section>
  );
}
