/**
 * Route /learning — the learner's dashboard: today's review queue, practice and the full timed exam, an
 * unfinished exam to resume, progress charts (accuracy by area, weakest first, with the blueprint weight;
 * weekly accuracy over time), the history of full exams, and the way to the study plan, case studies and CE.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { BarChart, LineChart } from '@mantine/charts';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconCalendarStats,
  IconCards,
  IconCertificate,
  IconFileExport,
  IconClockPlay,
  IconPlayerPlay,
  IconStethoscope,
  IconTargetArrow,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { Link, useNavigate } from 'react-router';
import {
  getDueReviews,
  getProgress,
  learningKeys,
  listExams,
  startExam,
  type Progress,
} from '../../api/learning.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatDate, formatDateTime, plural } from '../../components/format.js';
import { categoryTick, formatPercentTick, useUntabbableSvg } from './exam/charts.js';
import { accuracyColor, areaColor, READY_PERCENT, shortAreaName } from './exam/learning-ui.js';

export function LearningHomePage() {
  const progress = useQuery({ queryKey: learningKeys.progress, queryFn: getProgress, staleTime: 0 });
  const exams = useQuery({ queryKey: learningKeys.exams, queryFn: listExams, staleTime: 0 });
  return (
    <>
      <PageHeader
        title="Learning"
        description="Prepare for the MBLEx at your own pace: practise by area, sit timed exams, and review what you missed."
      />
      <Stack gap="lg">
        <Actions />
        {exams.isError && <ApiErrorAlert error={exams.error} title="Your exams could not be loaded" />}
        {exams.data && <ResumeExam exams={exams.data.items} />}
        {progress.isError ? (
          <ApiErrorAlert error={progress.error} title="Your progress could not be loaded" />
        ) : progress.isPending ? (
          <SimpleGrid cols={{ base: 1, xl: 2 }} aria-busy="true">
            <Skeleton height={340} />
            <Skeleton height={340} />
          </SimpleGrid>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
              <AccuracyByArea progress={progress.data} />
              <AccuracyOverTime progress={progress.data} />
            </SimpleGrid>
            <WeakSubtopics progress={progress.data} />
            <ExamHistory progress={progress.data} />
          </>
        )}
        <MoreLinks />
      </Stack>
    </>
  );
}

function Actions() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const due = useQuery({
    queryKey: learningKeys.due('all'),
    queryFn: () => getDueReviews({ limit: 100 }),
    staleTime: 0,
  });
  const start = useMutation({
    mutationFn: () => startExam({ mode: 'full' }),
    onSuccess: async (exam) => {
      queryClient.setQueryData(learningKeys.exam(exam.id), exam);
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: learningKeys.exams });
      await navigate(`/learning/exams/${exam.id}`);
    },
  });
  const counts = due.data?.counts;
  const total = counts ? counts.due + counts.new : 0;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <ActionCard
          icon={<IconCards size={22} />}
          title="Review"
          text={
            due.isPending ? (
              <Skeleton height={18} width="70%" />
            ) : due.isError ? (
              'The review queue could not be loaded.'
            ) : total === 0 ? (
              'Nothing due today.'
            ) : (
              `${plural(counts!.due, 'card')} due today${counts!.new ? `, ${counts!.new} new` : ''}.`
            )
          }
        >
          <Button component={Link} to="/learning/review" aria-label={`Review (${total} due today)`}>
            Review
          </Button>
        </ActionCard>
        <ActionCard
          icon={<IconTargetArrow size={22} />}
          title="Practice"
          text="10 to 50 items from one area or subtopic, with a rationale for every option."
        >
          <Button component={Link} to="/learning/practice" variant="light">
            Practise an area
          </Button>
        </ActionCard>
        <ActionCard
          icon={<IconClockPlay size={22} />}
          title="Full exam"
          text="100 items over all seven areas, weighted like the MBLEx, in 110 minutes."
        >
          <Button
            variant="light"
            onClick={() => {
              start.reset();
              setConfirming(true);
            }}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
            h="auto"
            mih={36}
            py={6}
          >
            Full timed exam (100 items, 110 min)
          </Button>
        </ActionCard>
      </SimpleGrid>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Start a full timed exam?">
        <Stack gap="md">
          <Text size="sm">
            100 items and 110 minutes, as in the real MBLEx. The clock starts now and keeps running if you
            close the page; you can come back and resume until the time is up.
          </Text>
          <Text size="sm">
            Answers are final: items come one at a time, with no going back. You see your score, the breakdown
            by area and every rationale at the end.
          </Text>
          {start.isError && <ApiErrorAlert error={start.error} title="The exam could not start" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Not now
            </Button>
            <Button
              onClick={() => start.mutate()}
              loading={start.isPending}
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
            >
              Start the exam
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function ActionCard(props: { icon: ReactNode; title: string; text: ReactNode; children: ReactNode }) {
  return (
    <Paper p="md" component="section" aria-label={props.title}>
      <Stack gap="sm" h="100%" justify="space-between">
        <Stack gap={6}>
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" size={36} radius="md" aria-hidden>
              {props.icon}
            </ThemeIcon>
            <Title order={2} size="h3">
              {props.title}
            </Title>
          </Group>
          <Text size="sm" c="dimmed" component="div">
            {props.text}
          </Text>
        </Stack>
        <Group>{props.children}</Group>
      </Stack>
    </Paper>
  );
}

function ResumeExam({
  exams,
}: {
  exams: { id: string; mode: string; startedAt: string; finishedAt: string | null; total: number }[];
}) {
  const open = [...exams]
    .filter((e) => !e.finishedAt)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
  if (!open) return null;
  const full = open.mode === 'full';
  const deadline = full ? DateTime.fromISO(open.startedAt).plus({ minutes: 110 }) : null;
  const timeLeft = deadline ? Math.floor(deadline.diffNow('minutes').minutes) : null;
  return (
    <Alert
      color="palpa"
      variant="light"
      title="You have an unfinished exam"
      icon={<IconClockPlay aria-hidden />}
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm">
          {full ? 'Full timed exam' : `Practice set of ${open.total} items`}, started{' '}
          {formatDateTime(open.startedAt)}.
          {timeLeft !== null &&
            (timeLeft > 0
              ? ` About ${plural(timeLeft, 'minute')} left on the clock.`
              : ' The time is up: open it to see your result.')}
        </Text>
        <Button component={Link} to={`/learning/exams/${open.id}`} size="sm">
          Resume
        </Button>
      </Group>
    </Alert>
  );
}

function AccuracyByArea({ progress }: { progress: Progress }) {
  const chartRef = useUntabbableSvg();
  const practised = progress.byArea
    .filter((a) => a.accuracy !== null)
    .sort((a, b) => (a.accuracy ?? 0) - (b.accuracy ?? 0));
  const notYet = progress.byArea.filter((a) => a.accuracy === null);
  const data = practised.map((a) => ({
    area: a.area,
    accuracy: Math.round((a.accuracy ?? 0) * 100),
  }));
  const tick = categoryTick(
    new Map(
      practised.map((a) => [a.area, { name: shortAreaName(a.area, a.name), note: `${a.weight}\u00a0%` }]),
    ),
  );
  const description = `Accuracy by area, weakest first: ${practised
    .map(
      (a) =>
        `${shortAreaName(a.area, a.name)} ${Math.round((a.accuracy ?? 0) * 100)} % of ${a.answered} answered (${a.weight} % of the exam)`,
    )
    .join('; ')}.`;
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="by-area-heading">
      <Title order={2} id="by-area-heading" mb={2}>
        Accuracy by area
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Weakest first. After each area: its share of the exam. The dashed line marks {READY_PERCENT} %.
      </Text>
      {practised.length === 0 ? (
        <Text size="sm" c="dimmed">
          Your accuracy shows here after your first practice set or exam.
        </Text>
      ) : (
        <>
          <Box role="img" aria-label={description} ref={chartRef}>
            <BarChart
              h={Math.max(150, 40 + data.length * 36)}
              data={data}
              dataKey="area"
              orientation="vertical"
              series={[{ name: 'accuracy', label: 'Accuracy', color: 'palpa.6' }]}
              getBarColor={(value) => accuracyColor(value)}
              valueFormatter={formatPercentTick}
              xAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
              yAxisProps={{ width: 200, tick }}
              referenceLines={[{ x: READY_PERCENT, color: 'gray.6', strokeDasharray: '4 4' }]}
              barChartProps={{ margin: { right: 44 } }}
              gridAxis="x"
              maxBarWidth={20}
              withTooltip={false}
              withBarValueLabel
              accessibilityLayer={false}
            />
          </Box>
          <VisuallyHidden>
            <table>
              <caption>Accuracy by area, weakest first</caption>
              <thead>
                <tr>
                  <th scope="col">Area</th>
                  <th scope="col">Accuracy</th>
                  <th scope="col">Answered</th>
                  <th scope="col">Share of the exam</th>
                </tr>
              </thead>
              <tbody>
                {practised.map((a) => (
                  <tr key={a.area}>
                    <td>{a.name}</td>
                    <td>{Math.round((a.accuracy ?? 0) * 100)} %</td>
                    <td>{a.answered}</td>
                    <td>{a.weight} %</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </VisuallyHidden>
        </>
      )}
      {notYet.length > 0 && practised.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          Not practised yet:{' '}
          {notYet.map((a) => `${shortAreaName(a.area, a.name)} (${a.weight} %)`).join(', ')}.
        </Text>
      )}
    </Paper>
  );
}

const shortWeek = (isoDate: string) => DateTime.fromISO(isoDate).toFormat('d LLL');

function AccuracyOverTime({ progress }: { progress: Progress }) {
  const chartRef = useUntabbableSvg();
  const [view, setView] = useState<'overall' | 'areas'>('overall');
  const weeks = useMemo(() => [...new Set(progress.weekly.map((w) => w.week))].sort(), [progress.weekly]);
  const areas = useMemo(
    () => progress.byArea.filter((a) => progress.weekly.some((w) => w.area === a.area)),
    [progress],
  );
  const data = weeks.map((week) => {
    const rows = progress.weekly.filter((w) => w.week === week);
    const answered = rows.reduce((s, r) => s + r.answered, 0);
    const correct = rows.reduce((s, r) => s + r.correct, 0);
    const row: Record<string, string | number | null> = {
      week: `Week of ${shortWeek(week)}`,
      overall: answered ? Math.round((100 * correct) / answered) : null,
    };
    for (const a of areas) {
      const r = rows.find((x) => x.area === a.area);
      row[a.area] = r && r.answered ? Math.round((100 * r.correct) / r.answered) : null;
    }
    return row;
  });
  const series =
    view === 'overall'
      ? [{ name: 'overall', label: 'All areas', color: 'palpa.7' }]
      : areas.map((a) => ({ name: a.area, label: shortAreaName(a.area, a.name), color: areaColor(a.area) }));
  const description =
    view === 'overall'
      ? `Weekly accuracy, all areas: ${data.map((d) => `${String(d.week)} ${d.overall ?? '–'} %`).join('; ')}.`
      : `Weekly accuracy by area: ${data
          .map(
            (d) =>
              `${String(d.week)}: ${areas.map((a) => `${shortAreaName(a.area, a.name)} ${d[a.area] ?? '–'} %`).join(', ')}`,
          )
          .join('; ')}.`;
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="over-time-heading">
      <Group justify="space-between" align="flex-start" gap="sm" mb="md">
        <Stack gap={2}>
          <Title order={2} id="over-time-heading">
            Accuracy over time
          </Title>
          <Text size="sm" c="dimmed">
            Share of correct answers per week.
          </Text>
        </Stack>
        <SegmentedControl
          size="xs"
          aria-label="Show accuracy over time for"
          value={view}
          onChange={(value) => setView(value === 'areas' ? 'areas' : 'overall')}
          data={[
            { value: 'overall', label: 'Overall' },
            { value: 'areas', label: 'By area' },
          ]}
        />
      </Group>
      {data.length === 0 ? (
        <Text size="sm" c="dimmed">
          Your weekly accuracy shows here once you have answered some items.
        </Text>
      ) : (
        <Box role="img" aria-label={description} ref={chartRef}>
          <LineChart
            h={260}
            data={data}
            dataKey="week"
            series={series}
            curveType="linear"
            connectNulls
            withLegend={view === 'areas'}
            legendProps={{ verticalAlign: 'bottom', height: 64 }}
            yAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100], width: 52 }}
            xAxisProps={{ padding: { left: 24, right: 24 } }}
            valueFormatter={formatPercentTick}
            dotProps={{ r: 4, strokeWidth: 2, fill: 'var(--mantine-color-white)' }}
            referenceLines={[{ y: READY_PERCENT, color: 'gray.5', strokeDasharray: '4 4' }]}
            withTooltip={data.length > 1}
            accessibilityLayer={false}
          />
        </Box>
      )}
      {data.length === 1 && (
        <Text size="xs" c="dimmed" mt="xs">
          One week so far: the line grows as you keep practising.
        </Text>
      )}
    </Paper>
  );
}

function WeakSubtopics({ progress }: { progress: Progress }) {
  const weakest = progress.bySubtopic
    .filter((s) => s.accuracy !== null && s.answered >= 3)
    .sort((a, b) => (a.accuracy ?? 0) - (b.accuracy ?? 0) || b.answered - a.answered)
    .slice(0, 5);
  if (weakest.length === 0) return null;
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="weak-heading">
      <Title order={2} id="weak-heading" mb={2}>
        Subtopics to work on
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Your five weakest subtopics with at least three answers.
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table aria-label="Weakest subtopics" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Subtopic</Table.Th>
              <Table.Th>Area</Table.Th>
              <Table.Th ta="right">Correct</Table.Th>
              <Table.Th ta="right">Accuracy</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {weakest.map((s) => (
              <Table.Tr key={s.subtopic}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{shortAreaName(s.area)}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {s.correct} / {s.answered}
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  {Math.round((s.accuracy ?? 0) * 100)} %
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ExamHistory({ progress }: { progress: Progress }) {
  const exams = [...progress.exams].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="history-heading">
      <Title order={2} id="history-heading" mb={2}>
        Full exams
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Your timed exams, newest first.
      </Text>
      {exams.length === 0 ? (
        <Text size="sm" c="dimmed">
          No full exam yet. When practice feels steady, sit one to see where you stand.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label="Full exams" verticalSpacing={6} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th ta="right">Score</Table.Th>
                <Table.Th ta="right">%</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Open</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {exams.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDate(e.finishedAt ?? e.startedAt)}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {e.finishedAt ? `${e.correct ?? 0} / ${e.total}` : '—'}
                  </Table.Td>
                  <Table.Td ta="right">
                    {e.finishedAt && e.percent !== null ? (
                      <Badge variant="light" color={accuracyColor(e.percent).split('.')[0]}>
                        {e.percent} %
                      </Badge>
                    ) : (
                      <Badge variant="light" color="gray">
                        Not finished
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/learning/exams/${e.id}`} size="sm">
                      {e.finishedAt ? 'See the result' : 'Resume'}
                      <VisuallyHidden> of the exam of {formatDate(e.startedAt)}</VisuallyHidden>
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

const LINKS = [
  {
    to: '/learning/plan',
    title: 'Study plan',
    text: 'A week-by-week plan from your exam date and the hours you have.',
    icon: IconCalendarStats,
  },
  {
    to: '/learning/cases',
    title: 'Case studies',
    text: 'Medical massage cases: assessment, plan, cautions and documentation.',
    icon: IconStethoscope,
  },
  {
    to: '/learning/bank',
    title: 'Question bank',
    text: 'Export to Moodle (GIFT) or QTI, import your school’s questions, flashcards for Anki.',
    icon: IconFileExport,
  },
  {
    to: '/learning/ce',
    title: 'CE & licences',
    text: 'Your licences, certifications and continuing education hours.',
    icon: IconCertificate,
  },
];

function MoreLinks() {
  return (
    <Box component="nav" aria-label="More learning">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" component="ul" className="plain-list">
        {LINKS.map((link) => (
          <Paper key={link.to} component="li" p="md" withBorder className="card-link">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" color="gray" size={32} aria-hidden>
                <link.icon size={18} />
              </ThemeIcon>
              <Stack gap={2}>
                <Anchor component={Link} to={link.to} fw={600}>
                  {link.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {link.text}
                </Text>
              </Stack>
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        Items are original, written for Palpa from the MBLEx content outline; they are not taken from the real
        exam.
      </Text>
    </Box>
  );
}
