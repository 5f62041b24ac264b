import { Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Section } from '../../../components/Section.js';
import { formatDay, frequencyText } from '../episode-ui.js';
import type { ClinicalChart, TreatmentPlan } from '../../../api/clinical.js';
import {
  alertHeading,
  formatScore,
  instrumentFacts,
  regionNames,
  techniqueLabel,
} from '../shared/notes-format.js';

type GoalStatus = TreatmentPlan['goalProgress'][number]['status'];

export const GOAL_STATUS_LABELS: Readonly<Record<GoalStatus, string>> = {
  met: 'Met',
  progressing: 'Progressing',
  not_progressing: 'Not progressing',
  not_measured: 'No follow-up score yet',
};

const GOAL_STATUS_COLORS: Readonly<Record<GoalStatus, string>> = {
  met: 'teal',
  progressing: 'blue',
  not_progressing: 'orange',
  not_measured: 'gray',
};

/** The latest re-evaluation's review of a goal, for goals no score can measure (functional goals). */
function latestReview(chart: ClinicalChart, goalId: string) {
  const reviewed = chart.assessments
    .filter((a) => a.goalReviews.some((r) => r.goalId === goalId))
    .sort((a, b) => a.assessedOn.localeCompare(b.assessedOn))
    .at(-1);
  const review = reviewed?.goalReviews.find((r) => r.goalId === goalId);
  return review && reviewed ? { ...review, on: reviewed.assessedOn } : undefined;
}

function GoalRow({ plan, chart, goalId }: { plan: TreatmentPlan; chart: ClinicalChart; goalId: string }) {
  const goal = plan.goals.find((g) => g.id === goalId)!;
  const progress = plan.goalProgress.find((p) => p.goalId === goalId);
  const review = goal.kind === 'functional' ? latestReview(chart, goalId) : undefined;
  const status: GoalStatus = review?.status ?? progress?.status ?? 'not_measured';
  const facts = goal.kind === 'measure' ? instrumentFacts(goal.instrument) : undefined;
  return (
    <Paper p="sm" radius="md" bg="gray.0" withBorder={false}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={600}>{progress?.description ?? goal.id}</Text>
          {goal.kind === 'measure' && (
            <Text size="sm" c="gray.7">
              {progress?.latestScore !== null && progress?.latestScore !== undefined
                ? `Latest ${facts?.name ?? goal.instrument}: ${formatScore(progress.latestScore, goal.instrument)}${
                    progress.latestOn ? ` on ${formatDay(progress.latestOn)}` : ''
                  }`
                : `No ${facts?.name ?? goal.instrument} score recorded yet.`}
            </Text>
          )}
          {goal.kind === 'functional' && (
            <Text size="sm" c="gray.7">
              {review
                ? `Reviewed at the re-evaluation on ${formatDay(review.on)}${review.note ? `: ${review.note}` : ''}`
                : 'Functional goal: reviewed at re-evaluation.'}
            </Text>
          )}
          {goal.note && (
            <Text size="sm" c="dimmed">
              {goal.note}
            </Text>
          )}
        </Stack>
        <Badge color={GOAL_STATUS_COLORS[status]} variant="light" style={{ flexShrink: 0 }}>
          {GOAL_STATUS_LABELS[status]}
        </Badge>
      </Group>
    </Paper>
  );
}

/** The plan of care as read: goals with their live progress, problems, treatment and precautions. */
export function PlanView({ plan, chart }: { plan: TreatmentPlan; chart: ClinicalChart }) {
  const frequency = frequencyText(plan.frequencyPerWeek, plan.durationWeeks);
  const goalsOf = (term: 'short' | 'long') => plan.goals.filter((g) => g.term === term);
  // Alerts raised (or changed) after the plan was written, which no precaution mentions yet.
  const uncovered = chart.alerts.filter(
    (alert) => !plan.precautions.some((p) => p.toLowerCase().includes(alert.title.toLowerCase())),
  );
  return (
    <Stack gap="lg">
      <Section title="Goals" description="Progress is worked out from the latest outcome-measure scores.">
        <Stack gap="md">
          {(['short', 'long'] as const).map((term) =>
            goalsOf(term).length === 0 ? null : (
              <Stack gap="xs" key={term}>
                <Text size="sm" fw={600} c="gray.7" tt="uppercase" style={{ letterSpacing: '0.03em' }}>
                  {term === 'short' ? 'Short-term goals' : 'Long-term goals'}
                </Text>
                {goalsOf(term).map((goal) => (
                  <GoalRow key={goal.id} plan={plan} chart={chart} goalId={goal.id} />
                ))}
              </Stack>
            ),
          )}
        </Stack>
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title="Problems">
          {plan.problems.length === 0 ? (
            <Text size="sm" c="dimmed">
              No problems listed.
            </Text>
          ) : (
            <List spacing={4} size="sm">
              {plan.problems.map((problem, i) => (
                <List.Item key={i}>{problem}</List.Item>
              ))}
            </List>
          )}
        </Section>

        <Section title="Treatment">
          <Stack gap="sm">
            <div>
              <Text size="sm" c="dimmed">
                Frequency
              </Text>
              <Text fw={600}>{frequency ?? 'Not set'}</Text>
            </div>
            {plan.techniques.length === 0 ? (
              <Text size="sm" c="dimmed">
                No techniques planned.
              </Text>
            ) : (
              <Table verticalSpacing="xs" horizontalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Technique</Table.Th>
                    <Table.Th>Regions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.techniques.map((t, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {techniqueLabel(t.technique)}
                        </Text>
                        {t.note && (
                          <Text size="xs" c="dimmed">
                            {t.note}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t.regions.length ? regionNames(t.regions) : 'Any'}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Section>
      </SimpleGrid>

      <Section title="Precautions">
        {uncovered.length > 0 && (
          <Text size="sm" c="orange.9" mb="sm">
            Screening alerts not mentioned here: {uncovered.map(alertHeading).join('; ')}.
          </Text>
        )}
        {plan.precautions.length === 0 ? (
          <Text size="sm" c="dimmed">
            No precautions recorded.
          </Text>
        ) : (
          <List spacing={6} size="sm">
            {plan.precautions.map((p, i) => (
              <List.Item key={i}>{p}</List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );
}
