/**
 * One outcome measure over the episode: the scores as a line, the plan's goal as a dashed line, and the
 * band of "no real change" (baseline ± MCID) shaded. Screen readers get a summary and a table instead.
 */
import { LineChart } from '@mantine/charts';
import { Badge, Box, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import type { MeasureSeries } from '../../../api/clinical.js';
import { formatDay } from '../episode-ui.js';
import { readableTextColor } from '../../../app/theme.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Oct 6" for the axis: the year is in the table and the summary. */
function shortDay(value: string): string {
  const [, month, day] = value.split('-').map(Number);
  return month && day ? `${MONTHS[month - 1]} ${day}` : value;
}

const formatScore = (series: MeasureSeries, value: number) =>
  series.unit === '%' ? `${value}%` : `${value}`;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const signed = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '±0');

/** "NDI 38% → 22% (−16, better than the MCID of 10)". */
export function measureSummary(series: MeasureSeries): string {
  const { name, baseline, latest, change, mcid, points } = series;
  if (points.length < 2)
    return `${name} ${formatScore(series, baseline)} at baseline; no follow-up score yet`;
  let verdict: string;
  if (change === 0) verdict = 'no change';
  else if (series.improved)
    verdict = series.clinicallyImportant
      ? `better than the MCID of ${mcid}`
      : `improving, but less than the MCID of ${mcid}`;
  else verdict = Math.abs(change) >= mcid ? `worse, by more than the MCID of ${mcid}` : 'slightly worse';
  return `${name} ${formatScore(series, baseline)} → ${formatScore(series, latest)} (${signed(change)}, ${verdict})`;
}

/**
 * Keeps the chart's SVG layers out of the Tab order: Chromium stops on recharts' layer groups, which
 * would give keyboard users a row of empty stops (the summary and the table carry the content).
 */
function useUntabbableSvg() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return undefined;
    const apply = () =>
      root.querySelectorAll('svg g:not([tabindex])').forEach((g) => g.setAttribute('tabindex', '-1'));
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return ref;
}

export function MeasureChart({ series }: { series: MeasureSeries }) {
  const titleId = useId();
  const chartRef = useUntabbableSvg();
  const { range, goal, baseline, mcid, higherIsBetter } = series;
  const latestPoint = series.points.at(-1);
  const summary = measureSummary(series);
  const goalLabel = goal
    ? `Goal ${higherIsBetter ? '≥' : '≤'}${goal.target}${series.unit === '%' ? '%' : ''}`
    : null;
  const data = series.points.map((point) => ({ day: shortDay(point.date), score: point.score }));
  const bandLow = Math.max(range.min, baseline - mcid);
  const bandHigh = Math.min(range.max, baseline + mcid);
  const better = series.points.length > 1 && series.improved;
  const color = series.points.length < 2 || series.change === 0 ? 'gray' : better ? 'teal' : 'orange';
  const description = [
    summary,
    goal ? `${goalLabel} by ${formatDay(goal.targetDate)}` : 'No goal set for this measure',
    `Shaded band: baseline ± MCID (${formatScore(series, bandLow)} to ${formatScore(series, bandHigh)})`,
  ].join('. ');

  return (
    <Paper p="md" component="figure" m={0} aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={4} wrap="nowrap">
        <Title order={3} id={titleId}>
          {series.name}
        </Title>
        {latestPoint && (
          <Badge variant="light" color="gray" style={{ flexShrink: 1, minWidth: 0 }} maw="60%">
            <Text span size="xs" fw={600} truncate="end" title={latestPoint.band}>
              {capitalised(latestPoint.band)}
            </Text>
          </Badge>
        )}
      </Group>
      <Text size="sm" fw={600} c={readableTextColor(color)}>
        {summary}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {higherIsBetter ? 'Higher is better' : 'Lower is better'}
        {latestPoint ? ` · latest ${formatDay(latestPoint.date)}: ${latestPoint.band}` : ''}
        {goal ? ` · ${goalLabel} by ${formatDay(goal.targetDate)}` : ''}
      </Text>
      <Box role="img" aria-label={description} ref={chartRef}>
        <LineChart
          h={200}
          data={data}
          dataKey="day"
          series={[{ name: 'score', label: series.name, color: 'palpa.7' }]}
          curveType="linear"
          strokeWidth={2.5}
          dotProps={{ r: 4, strokeWidth: 2, fill: 'var(--mantine-color-white)' }}
          activeDotProps={{ r: 5, strokeWidth: 2 }}
          accessibilityLayer={false}
          yAxisProps={{ domain: [range.min, range.max], width: 44, allowDecimals: false }}
          xAxisProps={{ padding: { left: 12, right: 12 } }}
          valueFormatter={(value) => formatScore(series, value)}
          referenceAreas={[
            {
              y1: bandLow,
              y2: bandHigh,
              color: 'gray.5',
              fillOpacity: 0.14,
              strokeOpacity: 0,
              label: 'Baseline ± MCID',
              labelPosition: 'insideTopLeft',
              ifOverflow: 'hidden',
            },
          ]}
          referenceLines={
            goal
              ? [
                  {
                    y: goal.target,
                    label: goalLabel ?? undefined,
                    labelPosition: 'insideBottomLeft',
                    color: 'teal.7',
                    strokeDasharray: '6 4',
                    strokeWidth: 1.5,
                  },
                ]
              : []
          }
        />
      </Box>
      <VisuallyHidden>
        <Table>
          <caption>{`${series.name} scores`}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Score</th>
              <th scope="col">Band</th>
              <th scope="col">Recorded in</th>
            </tr>
          </thead>
          <tbody>
            {series.points.map((point) => (
              <tr key={`${point.sourceId}-${point.date}`}>
                <td>{formatDay(point.date)}</td>
                <td>{formatScore(series, point.score)}</td>
                <td>{point.band}</td>
                <td>{point.source === 'assessment' ? 'Assessment' : 'Session note'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </Paper>
  );
}

export function MeasureCharts({ measures }: { measures: MeasureSeries[] }) {
  return (
    <Stack gap="sm">
      <Box
        style={{
          display: 'grid',
          gap: 'var(--mantine-spacing-md)',
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 300px), 1fr))',
        }}
      >
        {measures.map((series) => (
          <MeasureChart key={series.instrument} series={series} />
        ))}
      </Box>
    </Stack>
  );
}
