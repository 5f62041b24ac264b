import {
  Group,
  Input,
  List,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import {
  GOAL_STATUSES,
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  type Recommendation,
} from '../../../../modules/assessments/domain/assessment.js';
import { compareScores, roundScore } from '../../../../modules/outcome-measures/domain/scoring.js';
import type { ClinicalChart } from '../../../api/clinical.js';
import { formatDateOnly } from '../../../components/format.js';
import {
  formatMeasureScore,
  liveScore,
  type OutcomeMeasureInfo,
  type OutcomeMeasureValue,
} from '../shared/OutcomeMeasureEntry.js';
import {
  assessmentFieldId,
  GOAL_STATUS_LABELS,
  type GoalReviewRow,
  type GoalSuggestion,
} from './assessment-form.js';

type Plan = NonNullable<ClinicalChart['plan']>;

/** A goal as one line: the server's progress description, or the goal's own words. */
function goalText(plan: Plan, goalId: string): string {
  const progress = plan.goalProgress.find((p) => p.goalId === goalId);
  if (progress) return progress.description;
  const goal = plan.goals.find((g) => g.id === goalId);
  if (!goal) return goalId;
  return goal.kind === 'functional' ? goal.text : `${goal.instrument.toUpperCase()} to ${goal.target}`;
}

export function GoalReviews({
  plan,
  rows,
  suggestions,
  onChange,
  readOnly,
  errors,
}: {
  plan: ClinicalChart['plan'];
  rows: GoalReviewRow[];
  suggestions: Record<string, GoalSuggestion>;
  onChange: (rows: GoalReviewRow[], touched?: string) => void;
  readOnly: boolean;
  errors: Record<string, string>;
}) {
  if (!plan || rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        This episode has no treatment plan with goals yet, so there are no goals to review.
      </Text>
    );
  const setRow = (index: number, patch: Partial<GoalReviewRow>) =>
    onChange(
      rows.map((r, i) => (i === index ? { ...r, ...patch } : r)),
      Object.keys(patch)
        .map((f) => `goalReviews.${index}.${f}`)
        .join(' '),
    );
  return (
    <Stack gap="sm">
      {rows.map((row, index) => {
        const goal = plan.goals.find((g) => g.id === row.goalId);
        const labelId = `${assessmentFieldId(`goalReviews.${index}.status`)}-label`;
        const suggestion = suggestions[row.goalId];
        const status = row.status || suggestion?.status || '';
        return (
          <Paper key={row.goalId} p="sm" withBorder bg="gray.0" role="group" aria-labelledby={labelId}>
            <Stack gap="xs">
              <Group justify="space-between" gap="xs" align="flex-start">
                <div>
                  <Text fw={600} size="sm" id={labelId}>
                    {goalText(plan, row.goalId)}
                  </Text>
                  {goal && (
                    <Text size="xs" c="dimmed">
                      {goal.term === 'short' ? 'Short-term' : 'Long-term'} goal · by{' '}
                      {formatDateOnly(goal.targetDate)}
                    </Text>
                  )}
                </div>
              </Group>
              {readOnly ? (
                <Text size="sm">
                  <Text span fw={600} size="sm">
                    Review:{' '}
                  </Text>
                  {status ? GOAL_STATUS_LABELS[status] : 'Not reviewed'}
                  {row.note ? ` — ${row.note}` : ''}
                </Text>
              ) : (
                <Group gap="sm" align="flex-start" wrap="wrap">
                  <Input.Wrapper
                    label="Status"
                    labelElement="div"
                    description={
                      suggestion && !row.status
                        ? `Suggested from ${suggestion.because}.`
                        : suggestion && suggestion.status !== row.status
                          ? `Measured: ${GOAL_STATUS_LABELS[suggestion.status].toLowerCase()}, from ${suggestion.because}.`
                          : suggestion
                            ? undefined
                            : 'Not measured: review it with the client.'
                    }
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    error={errors[`goalReviews.${index}.status`]}
                  >
                    <SegmentedControl
                      id={assessmentFieldId(`goalReviews.${index}.status`)}
                      aria-label={`Status of the goal: ${goalText(plan, row.goalId)}`}
                      display="flex"
                      value={status}
                      onChange={(value) => setRow(index, { status: value })}
                      data={GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS_LABELS[s] }))}
                      size="sm"
                    />
                  </Input.Wrapper>
                  <TextInput
                    id={assessmentFieldId(`goalReviews.${index}.note`)}
                    label="Note"
                    value={row.note}
                    onChange={(e) => setRow(index, { note: e.currentTarget.value })}
                    error={errors[`goalReviews.${index}.note`]}
                    style={{ flex: '1 1 200px' }}
                    autoComplete="off"
                  />
                </Group>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

export function RecommendationFields({
  recommendation,
  note,
  onChange,
  readOnly,
  errors,
}: {
  recommendation: Recommendation | '';
  note: string;
  onChange: (
    patch: { recommendation?: Recommendation | ''; recommendationNote?: string },
    touched: string,
  ) => void;
  readOnly: boolean;
  errors: Record<string, string>;
}) {
  if (readOnly)
    return (
      <Stack gap={4}>
        <Text size="sm">
          <Text span fw={600} size="sm">
            Recommendation:{' '}
          </Text>
          {recommendation ? RECOMMENDATION_LABELS[recommendation] : 'None given'}
        </Text>
        {note && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {note}
          </Text>
        )}
      </Stack>
    );
  return (
    <Stack gap="sm">
      <Radio.Group
        id={assessmentFieldId('recommendation')}
        label="Recommendation to the prescriber"
        value={recommendation}
        onChange={(value) => onChange({ recommendation: value }, 'recommendation')}
        error={errors.recommendation}
      >
        <Group gap="lg" mt={6}>
          {RECOMMENDATIONS.map((r) => (
            <Radio key={r} value={r} label={RECOMMENDATION_LABELS[r]} />
          ))}
        </Group>
      </Radio.Group>
      <Textarea
        id={assessmentFieldId('recommendationNote')}
        label="Recommendation note"
        placeholder="e.g. Continue 2×/week for 4 more weeks."
        value={note}
        onChange={(e) => onChange({ recommendationNote: e.currentTarget.value }, 'recommendationNote')}
        error={errors.recommendationNote}
        autosize
        minRows={2}
        maxRows={8}
      />
    </Stack>
  );
}

/** "NDI 38% → 22%: improved by 16, more than the MCID of 10" for each measure with an earlier baseline. */
export function MeasureComparisons({
  chart,
  assessmentId,
  values,
  measures,
}: {
  chart: ClinicalChart;
  assessmentId: string | undefined;
  values: OutcomeMeasureValue[];
  measures: OutcomeMeasureInfo[];
}) {
  const lines = values.flatMap((value) => {
    const measure = measures.find((m) => m.id === value.instrument);
    const series = chart.measures.find((s) => s.instrument === value.instrument);
    const baseline = series?.points.find((p) => !(p.source === 'assessment' && p.sourceId === assessmentId));
    const score = liveScore(value);
    if (!measure || !baseline || !score?.valid) return [];
    const current = roundScore(score.score);
    const comparison = compareScores(value.instrument, baseline.score, current);
    return [{ measure, baseline, current, comparison }];
  });
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Enter an outcome measure that was also taken earlier in this episode to compare it with its baseline.
      </Text>
    );
  return (
    <List spacing="xs" listStyleType="none" p={0} aria-label="Change since baseline">
      {lines.map(({ measure, baseline, current, comparison }) => {
        const size = Math.abs(comparison.change);
        const worse = comparison.change !== 0 && !comparison.improved;
        let verdict: string;
        if (comparison.change === 0) verdict = 'no change';
        else if (comparison.improved)
          verdict = comparison.clinicallyImportant
            ? `improved by ${size}, ${size > comparison.mcid ? 'more than' : 'reaching'} the MCID of ${comparison.mcid}`
            : `improved by ${size}, less than the MCID of ${comparison.mcid}`;
        else
          verdict = `worse by ${size}${size >= comparison.mcid ? `, at least the MCID of ${comparison.mcid}` : ''}`;
        const color = comparison.clinicallyImportant ? 'teal' : worse ? 'orange' : 'gray';
        const Icon =
          comparison.change === 0
            ? IconArrowRight
            : comparison.change < 0
              ? IconArrowDownRight
              : IconArrowUpRight;
        return (
          <List.Item key={measure.id}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <ThemeIcon color={color} variant="light" size="sm" aria-hidden>
                <Icon size={14} />
              </ThemeIcon>
              <div>
                <Text size="sm">
                  <Text span fw={650} size="sm">
                    {measure.name} {formatMeasureScore(measure, baseline.score)} →{' '}
                    {formatMeasureScore(measure, current)}
                  </Text>
                  : {verdict}.
                </Text>
                <Text size="xs" c="dimmed">
                  Baseline taken {formatDateOnly(baseline.date)};{' '}
                  {measure.direction === 'higher_is_better' ? 'higher' : 'lower'} is better.
                </Text>
              </div>
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
