/**
 * Library protocols that fit the episode's diagnoses (issue 4), below the prescriptions: view one, or start
 * the treatment plan from it.
 */
import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconBooks, IconRoute } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import type { ClinicalChart } from '../../../api/clinical.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { Section } from '../../../components/Section.js';
import { categoryLabel, conditionPath } from '../../library/library-format.js';
import { useEpisodeSuggestions } from '../../library/library-queries.js';

export function SuggestedProtocols({ chart, canPlan }: { chart: ClinicalChart; canPlan: boolean }) {
  const { codes, query } = useEpisodeSuggestions(chart);
  const [params] = useSearchParams();
  if (codes.length === 0) return null;

  const planLink = (conditionId: string) => {
    const next = new URLSearchParams(params);
    next.set('tab', 'plan');
    next.set('condition', conditionId);
    return `?${next.toString()}`;
  };
  const items = query.data?.items.slice(0, 6) ?? [];

  return (
    <Section
      title="Suggested protocols"
      description={`From the library, for the diagnoses ${codes.join(', ')}. A starting point: the plan is yours to adapt.`}
    >
      {query.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={44} />
          <Skeleton height={44} />
        </Stack>
      ) : query.isError ? (
        <Stack gap="sm" align="flex-start">
          <ApiErrorAlert error={query.error} title="Suggestions could not be loaded" w="100%" />
          <Button variant="default" size="sm" onClick={() => void query.refetch()} loading={query.isFetching}>
            Try again
          </Button>
        </Stack>
      ) : items.length === 0 ? (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconBooks size={18} color="var(--mantine-color-gray-6)" aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm" c="dimmed">
            No library protocol matches these diagnoses.{' '}
            <Anchor component={Link} to="/library" size="sm">
              Search the library
            </Anchor>{' '}
            by name instead.
          </Text>
        </Group>
      ) : (
        <Stack gap="xs" component="ul" className="plain-list" aria-label="Suggested protocols">
          {items.map((s) => (
            <Paper key={s.id} component="li" p="sm" bg="gray.0" withBorder={false}>
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Stack gap={2} style={{ flex: '1 1 240px', minWidth: 0 }}>
                  <Text fw={600}>{s.name}</Text>
                  <Group gap={6} wrap="wrap">
                    <Text size="xs" c="dimmed">
                      {categoryLabel(s.category)} ·
                    </Text>
                    {s.matchedCodes.length > 0 ? (
                      <>
                        <Text size="xs" c="gray.7">
                          Matches
                        </Text>
                        {s.matchedCodes.map((code) => (
                          <Badge key={code} size="sm" variant="light" ff="monospace">
                            {code}
                          </Badge>
                        ))}
                      </>
                    ) : (
                      <Text size="xs" c="gray.7">
                        Same code category as{' '}
                        {codes
                          .filter((code) => s.icd10cm.some((c) => c.slice(0, 3) === code.slice(0, 3)))
                          .join(', ')}
                      </Text>
                    )}
                  </Group>
                </Stack>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    component={Link}
                    to={conditionPath(s.id)}
                    variant="default"
                    size="sm"
                    aria-label={`View the ${s.name} protocol`}
                  >
                    View protocol
                  </Button>
                  {canPlan && (
                    <Button
                      component={Link}
                      to={planLink(s.id)}
                      variant="light"
                      size="sm"
                      leftSection={<IconRoute size={16} aria-hidden />}
                      aria-label={`Use the ${s.name} protocol for the treatment plan`}
                    >
                      Use for plan
                    </Button>
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}
