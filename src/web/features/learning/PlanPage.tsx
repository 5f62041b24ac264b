/**
 * Route /learning/plan — the study plan (issue 8, item 5). The learner gives the exam date and the hours a
 * week they have; Palpa answers with a week-by-week plan: which areas to study (weakest relative to the
 * blueprint's weight first), what to read, how many practice items, when to sit a full timed exam, and the
 * spaced review. It is recomputed from the latest results every time it is read. Printable.
 */
import { useState, type FormEvent } from 'react';
import { BarChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { Link } from 'react-router';
import { isApiError } from '../../api/http.js';
import { getPlan, learningKeys, savePlan, type StudyPlan } from '../../api/learning.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Section } from '../../components/Section.js';
import { fieldErrorsFrom } from '../../components/form-errors.js';
import { formatDateOnly, plural, todayDateOnly } from '../../components/format.js';

/** Short names for the chart's axis; the table beside it gives the full outline names. */
const SHORT_AREA_NAMES: Record<string, string> = {
  'anatomy-physiology': 'Anatomy & physiology',
  kinesiology: 'Kinesiology',
  pathology: 'Pathology & cautions',
  'benefits-effects': 'Benefits & effects',
  'assessment-planning': 'Assessment & planning',
  'ethics-law': 'Ethics & law',
  'professional-practice': 'Professional practice',
};
const shortName = (area: string, name: string) => SHORT_AREA_NAMES[area] ?? name.split(',')[0]!;

const h = (n: number) => `${Math.round(n * 10) / 10} h`;
const pct = (fraction: number) => `${Math.round(fraction * 100)} %`;
const shortDay = (iso: string) => DateTime.fromISO(iso).toFormat('d LLL');

/** Printing: only the plan, on white, with a bordered table that reads on paper (the rest is .no-print). */
const PRINT_CSS = `
.study-plan .print-only { display: none; }
@media print {
  @page { margin: 12mm; }
  .mantine-Notifications-root { display: none !important; }
  .study-plan .print-only { display: block; }
  .study-plan .mantine-Paper-root { box-shadow: none !important; border: 0 !important; padding: 0 !important; }
  .study-plan table { width: 100% !important; border-collapse: collapse !important; font-size: 9.5pt; }
  .study-plan thead { display: table-header-group; }
  .study-plan .plan-priorities { display: block !important; }
  .study-plan tr { break-inside: avoid; }
  .study-plan th, .study-plan td {
    border: 1px solid #888 !important; padding: 4px 6px !important; vertical-align: top; color: #000 !important;
    background: white !important;
  }
  .study-plan .mantine-Badge-root { background: none !important; color: #000 !important; border: 1px solid #000; }
  .study-plan h2 { font-size: 13pt; margin-top: 8pt; }
}
`;

async function planOrNull(): Promise<StudyPlan | null> {
  try {
    return await getPlan();
  } catch (error) {
    // No plan yet: the form below makes the first one.
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function PlanPage() {
  const plan = useQuery({ queryKey: learningKeys.plan, queryFn: planOrNull });
  return (
    <div className="study-plan">
      <style>{PRINT_CSS}</style>
      <PageHeader
        title="Study plan"
        description={
          <span className="no-print">
            Tell Palpa when your exam is and how many hours a week you have: you get a plan week by week,
            aimed at the areas where you need it most.
          </span>
        }
        actions={
          plan.data && (
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={() => window.print()}
              className="no-print"
            >
              Print
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {plan.isError ? (
          <ApiErrorAlert error={plan.error} title="Your plan could not be loaded" />
        ) : plan.isPending ? (
          <Stack gap="lg">
            <Skeleton height={140} />
            <Skeleton height={320} />
          </Stack>
        ) : (
          <>
            <PlanForm plan={plan.data} />
            {plan.data && <PlanView plan={plan.data} />}
          </>
        )}
      </Stack>
    </div>
  );
}

function PlanForm({ plan }: { plan: StudyPlan | null }) {
  const queryClient = useQueryClient();
  const tomorrow = DateTime.fromISO(todayDateOnly()).plus({ days: 1 }).toISODate()!;
  const [examDate, setExamDate] = useState(plan?.examDate ?? '');
  const [hoursPerWeek, setHoursPerWeek] = useState<number | string>(plan?.hoursPerWeek ?? 8);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const save = useMutation({
    mutationFn: () => savePlan({ examDate, hoursPerWeek: Number(hoursPerWeek) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(learningKeys.plan, saved);
      setAnnouncement(
        `Your plan is ready: ${plural(saved.weeks.length, 'week')} to your exam on ${formatDateOnly(saved.examDate)}.`,
      );
    },
  });
  const serverErrors = fieldErrorsFrom(save.error);
  const errors = { ...serverErrors, ...missing };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!examDate) found.examDate = 'Enter the date of your exam.';
    else if (examDate < tomorrow) found.examDate = 'Choose a date after today.';
    const hours = Number(hoursPerWeek);
    if (hoursPerWeek === '' || !(hours >= 1)) found.hoursPerWeek = 'Plan at least one hour a week.';
    else if (hours > 60) found.hoursPerWeek = 'Plan at most 60 hours a week.';
    setMissing(found);
    setAnnouncement('');
    if (Object.values(found).some(Boolean)) return;
    save.mutate();
  };

  return (
    <Paper p={{ base: 'md', sm: 'lg' }} className="no-print">
      <form onSubmit={submit} aria-label="Your exam and your time" noValidate>
        <Stack gap="sm">
          <Title order={2}>{plan ? 'Your exam and your time' : 'Make your study plan'}</Title>
          {save.isError && !Object.keys(serverErrors).length && (
            <ApiErrorAlert error={save.error} title="The plan was not saved" />
          )}
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              type="date"
              label="Exam date"
              description="The day you sit the MBLEx."
              withAsterisk
              min={tomorrow}
              value={examDate}
              onChange={(e) => {
                setExamDate(e.currentTarget.value);
                setMissing((m) => ({ ...m, examDate: '' }));
              }}
              error={errors.examDate || undefined}
              w={220}
            />
            <NumberInput
              label="Hours per week"
              description="Time you can really give it."
              withAsterisk
              min={1}
              max={60}
              step={0.5}
              decimalScale={1}
              value={hoursPerWeek}
              onChange={(value) => {
                setHoursPerWeek(value);
                setMissing((m) => ({ ...m, hoursPerWeek: '' }));
              }}
              error={errors.hoursPerWeek || undefined}
              w={220}
            />
          </Group>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {plan ? 'Update my plan' : 'Make my plan'}
            </Button>
          </Group>
          <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
        </Stack>
      </form>
    </Paper>
  );
}

function PlanView({ plan }: { plan: StudyPlan }) {
  const examWeeks = plan.weeks.filter((w) => w.fullExam).length;
  return (
    <>
      <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="plan-summary">
        <Stack gap={6}>
          <Title order={2} id="plan-summary">
            {plural(plan.weeks.length, 'week')} to your exam on {formatDateOnly(plan.examDate)}
          </Title>
          <Text size="sm">
            {h(plan.hoursPerWeek)} a week, with {plural(examWeeks, 'full timed exam')} along the way.
          </Text>
          <Text size="sm" c="dimmed">
            Based on {plural(plan.basedOn.answered, 'answer')} and{' '}
            {plural(plan.basedOn.fullExams, 'full exam')} — the plan changes as results come in.
          </Text>
          {plan.basedOn.answered === 0 && (
            <Text size="sm" className="no-print">
              Until you have answered some questions, every area is treated as halfway there.{' '}
              <Anchor component={Link} to="/learning/practice">
                Practise an area
              </Anchor>{' '}
              or sit the full exam in week 1 so the plan can aim at your weak spots.
            </Text>
          )}
          <Text size="xs" c="dimmed" className="print-only">
            Printed from Palpa on {formatDateOnly(todayDateOnly())}.
          </Text>
        </Stack>
      </Paper>
      <Priorities plan={plan} />
      <Weeks plan={plan} />
    </>
  );
}

function Priorities({ plan }: { plan: StudyPlan }) {
  const data = plan.priorities.map((p) => ({
    area: shortName(p.area, p.name),
    share: p.share,
    accuracy: p.accuracy === null ? null : Math.round(p.accuracy * 100),
  }));
  const description =
    'Share of study time and accuracy so far by area: ' +
    plan.priorities
      .map(
        (p) =>
          `${p.name} ${Math.round(p.share)} % of the time, ${p.accuracy === null ? 'no answers yet' : `accuracy ${pct(p.accuracy)}`}`,
      )
      .join('; ') +
    '.';
  return (
    <Section
      title="Where your time goes"
      description="Areas that weigh more on the exam, and where your answers are weaker, get more of the time. Weakest first."
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" className="plan-priorities">
        <Box role="img" aria-label={description} className="no-print">
          <BarChart
            h={60 + data.length * 52}
            data={data}
            dataKey="area"
            orientation="vertical"
            series={[
              { name: 'share', label: 'Share of study time', color: 'palpa.6' },
              { name: 'accuracy', label: 'Accuracy so far', color: 'teal.4' },
            ]}
            valueFormatter={(value) => `${value} %`}
            withLegend
            legendProps={{ verticalAlign: 'bottom', height: 40 }}
            yAxisProps={{ width: 150 }}
            gridAxis="x"
            maxBarWidth={16}
            barProps={{ isAnimationActive: false }}
          />
        </Box>
        <Table verticalSpacing={6} fz="sm" aria-label="Area priorities">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Area</Table.Th>
              <Table.Th ta="right">Time</Table.Th>
              <Table.Th ta="right">Accuracy so far</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.priorities.map((p) => (
              <Table.Tr key={p.area}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td ta="right">{Math.round(p.share)} %</Table.Td>
                <Table.Td ta="right">
                  {p.accuracy === null ? (
                    <Text span size="sm" c="dimmed">
                      not yet
                    </Text>
                  ) : (
                    pct(p.accuracy)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Section>
  );
}

function Weeks({ plan }: { plan: StudyPlan }) {
  return (
    <Section
      title="Week by week"
      description="Read first, then practise the items; keep the review going every week."
    >
      <Table verticalSpacing="sm" striped withRowBorders aria-label="Study plan, week by week" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="17%">Week</Table.Th>
            <Table.Th w="50%">Study and practise</Table.Th>
            <Table.Th>Also this week</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.weeks.map((week) => (
            <Table.Tr key={week.week} style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  Week {week.week}
                </Text>
                <Text size="xs" c="dimmed">
                  {shortDay(week.starts)} – {shortDay(week.ends)}
                </Text>
                <Text size="sm" mt={4}>
                  {h(week.hours)} in all
                </Text>
              </Table.Td>
              <Table.Td>
                {week.focus.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No new material this week.
                  </Text>
                ) : (
                  <Stack gap="xs">
                    {week.focus.map((f) => (
                      <Box key={f.area}>
                        <Text size="sm" fw={600}>
                          {f.name}{' '}
                          <Text span size="sm" fw={400} c="dimmed">
                            · {h(f.hours)}
                          </Text>
                        </Text>
                        <Text size="sm">Read: {f.read.join('; ')}</Text>
                        <Text size="sm">Practise {plural(f.practiceItems, 'item')}</Text>
                      </Box>
                    ))}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                <List size="sm" spacing={4} listStyleType="none" withPadding={false}>
                  {week.fullExam && (
                    <List.Item>
                      <Badge variant="light" color="grape" size="sm" mr={6}>
                        Full exam
                      </Badge>
                      100 items, 110 minutes, timed
                    </List.Item>
                  )}
                  <List.Item>
                    <Text span size="sm" fw={600}>
                      Spaced review, {h(week.review.hours)}.
                    </Text>{' '}
                    {week.review.what}
                  </List.Item>
                  {week.note && (
                    <List.Item>
                      <Text size="sm" fs="italic">
                        {week.note}
                      </Text>
                    </List.Item>
                  )}
                </List>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
