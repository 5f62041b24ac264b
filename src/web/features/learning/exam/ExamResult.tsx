/**
 * The result of a finished exam or practice set: the score, the readiness estimate (full exams), the
 * per-area breakdown as a chart and a table, and the review of every item with the learner's answer, the
 * correct one and all four rationales (collapsible, with "missed only").
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { BarChart } from '@mantine/charts';
import {
  Accordion,
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  RingProgress,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconInfoCircle, IconTargetArrow } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Exam, ExamResult as Result } from '../../../api/learning.js';
import { plural } from '../../../components/format.js';
import { Rationales } from './ItemOptions.js';
import classes from './learning.module.css';
import { accuracyColor, percentOf, READY_PERCENT, shortAreaName, WEAK_PERCENT } from './learning-ui.js';
import { categoryTick, formatPercentTick, useUntabbableSvg } from './charts.js';

const READINESS = {
  ready: { color: 'teal', title: 'Likely ready for the MBLEx' },
  borderline: { color: 'yellow', title: 'Close: a little more work' },
  not_yet: { color: 'orange', title: 'Not yet: keep practising' },
} as const;

export function ExamResultView({ exam, result }: { exam: Exam; result: Result }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const answered = result.review.filter((r) => r.chosen !== null).length;
  const missed = result.review.filter((r) => !r.isCorrect).length;
  const color = accuracyColor(result.percent);
  return (
    <Stack gap="lg">
      <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="result-heading">
        <Group gap="xl" align="center" wrap="wrap">
          <RingProgress
            size={132}
            thickness={12}
            roundCaps
            sections={[{ value: result.percent, color }]}
            label={
              <Text ta="center" fw={700} size="xl" aria-hidden>
                {Math.round(result.percent)} %
              </Text>
            }
            aria-hidden
          />
          <Stack gap={4} style={{ flex: '1 1 260px' }}>
            <Title order={2} id="result-heading" ref={heading} tabIndex={-1} className={classes.focusTarget}>
              {exam.mode === 'full' ? 'Your exam result' : 'Your practice result'}
            </Title>
            <Text size="lg" fw={600}>
              {result.correct} of {result.total} correct ({result.percent} %)
            </Text>
            <Text size="sm" c="dimmed">
              {answered === result.total
                ? 'You answered every item.'
                : `You answered ${answered} of ${result.total}; ${plural(result.total - answered, 'item')} left unanswered count as wrong.`}{' '}
              {missed > 0
                ? `The ${plural(missed, 'item')} you missed are now in your review queue.`
                : 'Nothing missed: well done.'}
            </Text>
            <Group gap="sm" mt="xs">
              {missed > 0 && (
                <Button component={Link} to="/learning/review" size="sm">
                  Review missed items
                </Button>
              )}
              <Button component={Link} to="/learning/practice" variant="default" size="sm">
                Practise an area
              </Button>
              <Button component={Link} to="/learning" variant="subtle" size="sm">
                Back to learning
              </Button>
            </Group>
          </Stack>
        </Group>
        {result.readiness && (
          <Alert
            mt="md"
            color={READINESS[result.readiness.level].color}
            variant="light"
            title={`Readiness estimate: ${READINESS[result.readiness.level].title}`}
            icon={
              result.readiness.level === 'ready' ? (
                <IconCircleCheck aria-hidden />
              ) : (
                <IconTargetArrow aria-hidden />
              )
            }
          >
            <Text size="sm">{result.readiness.summary}</Text>
            <Text size="xs" mt={4}>
              An estimate from this one exam: {READY_PERCENT} % overall with every area at {WEAK_PERCENT} % or
              more is a good sign. The real MBLEx is scaled, so use this as a guide, not a promise.
            </Text>
          </Alert>
        )}
      </Paper>
      <AreaBreakdown result={result} />
      <ItemReview exam={exam} result={result} />
    </Stack>
  );
}

function AreaBreakdown({ result }: { result: Result }) {
  const chartRef = useUntabbableSvg();
  const rows = result.byArea
    .filter((a) => a.total > 0)
    .map((a) => ({
      ...a,
      label: shortAreaName(a.area, a.name),
      percent: percentOf(a.correct, a.total),
    }));
  const tick = categoryTick(new Map(rows.map((r) => [r.area, { name: r.label }])));
  const description = `Correct answers by area: ${rows
    .map((r) => `${r.label} ${r.correct} of ${r.total} (${r.percent} %)`)
    .join('; ')}.`;
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="breakdown-heading">
      <Title order={2} id="breakdown-heading" mb={2}>
        By area
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        How you did in each content area. The dashed line marks {READY_PERCENT} %.
      </Text>
      <SimpleGrid cols={{ base: 1, lg: rows.length > 1 ? 2 : 1 }} spacing="lg">
        {rows.length > 1 && (
          <Box role="img" aria-label={description} ref={chartRef}>
            <BarChart
              h={Math.max(160, 40 + rows.length * 40)}
              data={rows}
              dataKey="area"
              orientation="vertical"
              series={[{ name: 'percent', label: 'Correct', color: 'palpa.6' }]}
              getBarColor={(value) => accuracyColor(value)}
              valueFormatter={formatPercentTick}
              xAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
              yAxisProps={{ width: 160, tick }}
              referenceLines={[{ x: READY_PERCENT, color: 'gray.6', strokeDasharray: '4 4' }]}
              barChartProps={{ margin: { right: 44 } }}
              gridAxis="x"
              maxBarWidth={22}
              withTooltip={false}
              withBarValueLabel
              accessibilityLayer={false}
            />
          </Box>
        )}
        <Table.ScrollContainer minWidth={360}>
          <Table aria-label="Correct answers by area" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Area</Table.Th>
                <Table.Th ta="right">Correct</Table.Th>
                <Table.Th ta="right">%</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.area}>
                  <Table.Td>
                    <Text size="sm">{row.label}</Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {row.correct} / {row.total}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    <Text span size="sm" fw={600} c={row.percent < WEAK_PERCENT ? 'red.8' : undefined}>
                      {row.percent} %
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </SimpleGrid>
    </Paper>
  );
}

function ItemReview({ exam, result }: { exam: Exam; result: Result }) {
  const [missedOnly, setMissedOnly] = useState(false);
  const [open, setOpen] = useState<string[]>([]);
  const itemsById = useMemo(() => new Map(exam.items.map((item) => [item.id, item])), [exam.items]);
  const entries = result.review
    .map((feedback, index) => ({ feedback, index, item: itemsById.get(feedback.itemId) }))
    .filter((e) => !missedOnly || !e.feedback.isCorrect);
  const missed = result.review.filter((r) => !r.isCorrect).length;
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="review-heading">
      <Group justify="space-between" align="flex-start" mb="md" gap="sm">
        <Stack gap={2}>
          <Title order={2} id="review-heading">
            Review every item
          </Title>
          <Text size="sm" c="dimmed">
            Open an item to see your answer, the correct one and why each option is right or wrong.
          </Text>
        </Stack>
        <Group gap="md">
          <Switch
            label={`Missed only (${missed})`}
            checked={missedOnly}
            onChange={(event) => setMissedOnly(event.currentTarget.checked)}
          />
          <Button
            variant="subtle"
            size="xs"
            onClick={() => setOpen(open.length ? [] : entries.map((e) => e.feedback.itemId))}
          >
            {open.length ? 'Close all' : 'Open all'}
          </Button>
        </Group>
      </Group>
      <Text size="sm" role="status" aria-live="polite" mb="xs">
        Showing {plural(entries.length, 'item')}
        {missedOnly ? ' you missed' : ''}.
      </Text>
      {entries.length === 0 ? (
        <Alert color="teal" variant="light" icon={<IconInfoCircle aria-hidden />}>
          You missed nothing in this set.
        </Alert>
      ) : (
        <Accordion multiple value={open} onChange={setOpen} variant="separated" chevronPosition="right">
          {entries.map(({ feedback, index, item }) => {
            const status =
              feedback.chosen === null ? 'Not answered' : feedback.isCorrect ? 'Correct' : 'Missed';
            return (
              <Accordion.Item key={feedback.itemId} value={feedback.itemId}>
                <Accordion.Control>
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <Text fw={700} size="sm" w={32} style={{ flex: '0 0 auto' }}>
                      {index + 1}.
                    </Text>
                    <Text
                      size="sm"
                      lineClamp={open.includes(feedback.itemId) ? undefined : 2}
                      fw={open.includes(feedback.itemId) ? 500 : undefined}
                      style={{ flex: 1, whiteSpace: 'pre-line' }}
                    >
                      {item?.stem ?? feedback.itemId}
                    </Text>
                    <Badge
                      color={feedback.isCorrect ? 'teal' : feedback.chosen === null ? 'gray' : 'red'}
                      variant="light"
                      style={{ flex: '0 0 auto' }}
                    >
                      {status}
                    </Badge>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    <Text size="sm">
                      {feedback.chosen === null
                        ? `Not answered. The correct answer is ${feedback.correct}.`
                        : feedback.isCorrect
                          ? `You chose ${feedback.chosen}: correct.`
                          : `You chose ${feedback.chosen}; the correct answer is ${feedback.correct}.`}
                    </Text>
                    {item && (
                      <Rationales
                        options={item.options}
                        chosen={feedback.chosen}
                        correct={feedback.correct}
                        rationales={feedback.rationales}
                        reference={feedback.reference}
                        compact
                      />
                    )}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Paper>
  );
}
