import type { ReactNode } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import type { TOutcomeMeasure } from '../../../../modules/outcome-measures/outcome-measures.schemas.js';
import type { OutcomeMeasureId } from '../../../../modules/outcome-measures/domain/instruments.js';
import {
  findAnswerProblems,
  roundScore,
  scoreOutcomeMeasure,
  type OutcomeScore,
} from '../../../../modules/outcome-measures/domain/scoring.js';

export type OutcomeMeasureInfo = TOutcomeMeasure;

/** One questionnaire as entered: an answer per item (null = not answered); PSFS also names each activity. */
export type OutcomeMeasureValue = {
  instrument: OutcomeMeasureId;
  answers: (number | null)[];
  labels?: string[];
};

const PSFS_START_ROWS = 3;

/** A blank questionnaire for an instrument: every item unanswered (PSFS: three activities to name). */
export function emptyOutcomeValue(measure: OutcomeMeasureInfo): OutcomeMeasureValue {
  if (measure.id === 'psfs')
    return {
      instrument: measure.id,
      answers: Array.from({ length: PSFS_START_ROWS }, () => null),
      labels: Array.from({ length: PSFS_START_ROWS }, () => ''),
    };
  return { instrument: measure.id, answers: measure.items.map(() => null) };
}

/** PSFS activities neither named nor rated are left out before scoring and saving. */
export function withoutBlankActivities(value: OutcomeMeasureValue): OutcomeMeasureValue {
  if (value.instrument !== 'psfs') return value;
  const keep = value.answers.map((answer, i) => answer !== null || (value.labels?.[i] ?? '').trim() !== '');
  return {
    ...value,
    answers: value.answers.filter((_, i) => keep[i]),
    labels: (value.labels ?? []).filter((_, i) => keep[i]).map((l) => l.trim()),
  };
}

/** The score the server would give, computed here as the answers are typed; null while the input is incomplete. */
export function liveScore(value: OutcomeMeasureValue): OutcomeScore | null {
  const cleaned = withoutBlankActivities(value);
  if (findAnswerProblems(cleaned.instrument, cleaned.answers).length > 0) return null;
  return scoreOutcomeMeasure(cleaned.instrument, cleaned.answers);
}

/** "38%" or "4.3 / 10". */
export function formatMeasureScore(
  measure: Pick<OutcomeMeasureInfo, 'unit' | 'maxScore'>,
  score: number,
): string {
  const rounded = roundScore(score);
  return measure.unit === 'percent' ? `${rounded}%` : `${rounded} / ${measure.maxScore}`;
}

const humanise = (id: string) => {
  const words = id.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

type Props = {
  measure: OutcomeMeasureInfo;
  value: OutcomeMeasureValue;
  onChange?: (value: OutcomeMeasureValue) => void;
  onRemove?: () => void;
  readOnly?: boolean;
  /** Errors by path inside the entry: 'answers', 'answers.3', 'labels.1'. */
  errors?: Record<string, string>;
  /** Prefix of every input id, e.g. 'assessment-outcomeMeasures-0'. */
  idPrefix: string;
  /** The score the server stored when this questionnaire was last saved. */
  saved?: { score: number; band: string } | null;
};

/**
 * Entry of one outcome questionnaire: an input per item constrained to the item's range, the live score
 * and band, and whether enough items are answered for a valid score. Licensed instruments show only item
 * numbers: the clinic reads the wording from its own licensed form.
 */
export function OutcomeMeasureEntry({
  measure,
  value,
  onChange,
  onRemove,
  readOnly = false,
  errors = {},
  idPrefix,
  saved,
}: Props) {
  const editable = !readOnly && onChange !== undefined;
  const isPsfs = measure.id === 'psfs';
  const cleaned = withoutBlankActivities(value);
  const score = liveScore(value);
  const answered = cleaned.answers.filter((a) => a !== null).length;
  const total = cleaned.answers.length;
  const headingId = `${idPrefix}-heading`;

  const setAnswer = (index: number, raw: number | string) => {
    const answer = raw === '' || raw === null ? null : Number(raw);
    const answers = value.answers.map((a, i) =>
      i === index ? (Number.isFinite(answer) ? answer : null) : a,
    );
    onChange?.({ ...value, answers });
  };
  const setLabel = (index: number, label: string) => {
    const labels = (value.labels ?? value.answers.map(() => '')).map((l, i) => (i === index ? label : l));
    onChange?.({ ...value, labels });
  };
  const addActivity = () =>
    onChange?.({ ...value, answers: [...value.answers, null], labels: [...(value.labels ?? []), ''] });
  const removeActivity = (index: number) =>
    onChange?.({
      ...value,
      answers: value.answers.filter((_, i) => i !== index),
      labels: (value.labels ?? []).filter((_, i) => i !== index),
    });

  const answerInput = (index: number, label: ReactNode, ariaLabel?: string, description?: string) => {
    const answer = value.answers[index] ?? null;
    const id = `${idPrefix}-answers-${index}`;
    if (!editable)
      return (
        <Stack gap={0}>
          <Text size="sm" c="gray.7">
            {label}
          </Text>
          {/* The item's section (NDI "Pain intensity"), as shown while editing. */}
          {description && (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          )}
          <Text fw={600}>{answer === null ? 'Not answered' : answer}</Text>
        </Stack>
      );
    return (
      <NumberInput
        id={id}
        label={label}
        aria-label={ariaLabel}
        description={description}
        value={answer ?? ''}
        onChange={(raw) => setAnswer(index, raw)}
        min={measure.itemMin}
        max={measure.itemMax}
        clampBehavior="strict"
        allowDecimal={false}
        allowNegative={false}
        placeholder={`${measure.itemMin}–${measure.itemMax}`}
        error={errors[`answers.${index}`]}
        inputMode="numeric"
        maw={isPsfs ? 120 : undefined}
        inputWrapperOrder={['label', 'description', 'input', 'error']}
      />
    );
  };

  return (
    <Paper p="md" withBorder role="group" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div>
            <Title order={4} id={headingId} fz="md">
              {measure.name}{' '}
              <Text span c="dimmed" fw={400} fz="sm">
                {measure.fullName}
              </Text>
            </Title>
            <Text size="xs" c="dimmed">
              Answers {measure.itemMin}–{measure.itemMax}. {measure.missingItemsRule}
            </Text>
          </div>
          {editable && onRemove && (
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={onRemove}
              aria-label={`Remove the ${measure.name}`}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>

        {!measure.itemTextShipped && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconInfoCircle size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <div>
              <Text size="xs" c="gray.8">
                Palpa does not ship this questionnaire&apos;s wording: read each item from your licensed form
                and enter the client&apos;s answer.
              </Text>
              <Text size="xs" c="dimmed">
                Licence: {measure.licence}
              </Text>
            </div>
          </Group>
        )}

        {errors.answers && (
          <Text size="sm" c="red.8" id={`${idPrefix}-answers`} tabIndex={-1} role="alert">
            {errors.answers}
          </Text>
        )}

        {isPsfs ? (
          <Stack gap="xs">
            <Text size="sm" c="gray.7">
              For each activity: {measure.items[0]?.text?.replace(/^Activity 1: /, '')} Usually 3 to 5
              activities.
            </Text>
            {value.answers.map((_, index) => (
              <Group key={index} gap="sm" align="flex-start" wrap="nowrap">
                {editable ? (
                  <TextInput
                    id={`${idPrefix}-labels-${index}`}
                    label={`Activity ${index + 1}`}
                    placeholder="e.g. Reversing the car"
                    value={value.labels?.[index] ?? ''}
                    onChange={(e) => setLabel(index, e.currentTarget.value)}
                    error={errors[`labels.${index}`]}
                    style={{ flex: 1 }}
                    autoComplete="off"
                  />
                ) : (
                  <Stack gap={0} style={{ flex: 1 }}>
                    <Text size="sm" c="gray.7">
                      Activity {index + 1}
                    </Text>
                    <Text>{value.labels?.[index] || '—'}</Text>
                  </Stack>
                )}
                {answerInput(index, 'Rating (0–10)', `Activity ${index + 1} rating (0–10)`)}
                {editable && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    mt={28}
                    onClick={() => removeActivity(index)}
                    disabled={value.answers.length <= 1}
                    aria-label={`Remove activity ${index + 1}`}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            ))}
            {editable && value.answers.length < measure.answerCount.max && (
              <div>
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={addActivity}
                >
                  Add activity
                </Button>
              </div>
            )}
          </Stack>
        ) : (
          <SimpleGrid
            cols={{ base: 1, xs: 2, md: measure.items.length > 10 ? 4 : measure.items.length > 1 ? 3 : 1 }}
            spacing="sm"
            verticalSpacing="xs"
          >
            {measure.items.map((item, index) => {
              if (item.text)
                return (
                  <div key={item.id} style={{ gridColumn: '1 / -1' }}>
                    {answerInput(index, item.text)}
                  </div>
                );
              const section = /^item_\d+$/.test(item.id) ? undefined : humanise(item.id);
              return (
                <div key={item.id}>
                  {answerInput(
                    index,
                    <>
                      Item {index + 1}{' '}
                      <Text span size="xs" c="dimmed" fw={400}>
                        (from your licensed form)
                      </Text>
                    </>,
                    undefined,
                    section,
                  )}
                </div>
              );
            })}
          </SimpleGrid>
        )}

        <Group
          gap="xs"
          justify="space-between"
          p="xs"
          style={{ background: 'var(--mantine-color-gray-0)', borderRadius: 'var(--mantine-radius-sm)' }}
        >
          <Group gap="xs" role="status" aria-live="polite" aria-atomic="true">
            {score?.valid ? (
              <>
                <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
                <Text size="sm" fw={650}>
                  {measure.name} {formatMeasureScore(measure, score.score)}
                </Text>
                <Badge variant="light" color="palpa">
                  {score.band}
                </Badge>
                <Text size="xs" c="dimmed">
                  {answered} of {total} answered
                </Text>
              </>
            ) : (
              <Text size="sm" c={answered === 0 ? 'dimmed' : 'orange.9'}>
                {isPsfs
                  ? 'Rate at least one activity to score the PSFS.'
                  : `Needs at least ${measure.minAnswered} of ${total} answers (${answered} so far).`}
              </Text>
            )}
          </Group>
          {saved && (
            <Text size="xs" c="dimmed">
              Saved score: {formatMeasureScore(measure, saved.score)} · {saved.band}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
