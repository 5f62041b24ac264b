import { useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTarget, IconTrash } from '@tabler/icons-react';
import {
  OUTCOME_MEASURE_IDS,
  OUTCOME_MEASURES,
} from '../../../../modules/outcome-measures/domain/instruments.js';
import type { ClinicalChart } from '../../../api/clinical.js';
import { Section } from '../../../components/Section.js';
import { formatDay, frequencyText } from '../episode-ui.js';
import { formatScore, instrumentFacts, REGION_OPTIONS, TECHNIQUE_OPTIONS } from '../shared/notes-format.js';
import {
  describeGoalForm,
  emptyGoal,
  emptyTechnique,
  goalDirectionProblem,
  latestScore,
  planFieldId,
  precautionFromAlert,
  textRow,
  type GoalForm,
  type PlanErrors,
  type PlanFormValues,
  type TechniqueForm,
  type TextRow,
} from './plan-form.js';
import { ProtocolStarter } from './ProtocolStarter.js';

const INSTRUMENT_OPTIONS = OUTCOME_MEASURE_IDS.map((id) => ({
  value: id,
  label: `${OUTCOME_MEASURES[id].name} — ${OUTCOME_MEASURES[id].fullName}`,
}));

type PlanEditorProps = {
  chart: ClinicalChart;
  values: PlanFormValues;
  onChange: (update: (values: PlanFormValues) => PlanFormValues) => void;
  errors: PlanErrors;
  /** Clears the error of a field once it is edited. */
  onEdited: (path: string) => void;
  /** A library condition to fill the plan from (from "Use for plan"), and what to do once that is done. */
  requestedCondition?: string | null | undefined;
  onConditionHandled?: (() => void) | undefined;
};

/** The treatment plan's fields. Controlled: the values live with the tab, so switching tabs keeps them. */
export function PlanEditor({
  chart,
  values,
  onChange,
  errors,
  onEdited,
  requestedCondition,
  onConditionHandled,
}: PlanEditorProps) {
  const [focusKey, setFocusKey] = useState<string | null>(null);

  const setList = (field: 'problems' | 'precautions', rows: TextRow[]) =>
    onChange((v) => ({ ...v, [field]: rows }));

  const setGoal = (index: number, patch: Partial<GoalForm>) => {
    for (const key of Object.keys(patch)) onEdited(`goals.${index}.${key}`);
    onChange((v) => ({ ...v, goals: v.goals.map((g, i) => (i === index ? { ...g, ...patch } : g)) }));
  };

  const setTechnique = (index: number, patch: Partial<TechniqueForm>) => {
    for (const key of Object.keys(patch)) onEdited(`techniques.${index}.${key}`);
    onChange((v) => ({
      ...v,
      techniques: v.techniques.map((t, i) => (i === index ? { ...t, ...patch } : t)),
    }));
  };

  const missingAlerts = chart.alerts.filter(
    (alert) => !values.precautions.some((p) => p.text.trim() === precautionFromAlert(alert)),
  );

  const textList = (field: 'problems' | 'precautions', singular: string, multiline: boolean): ReactNode => {
    const rows = values[field];
    return (
      <Stack gap="xs">
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            None yet.
          </Text>
        )}
        {rows.map((row, index) => {
          const path = `${field}.${index}`;
          const common = {
            id: planFieldId(path),
            'aria-label': `${singular} ${index + 1}`,
            value: row.text,
            error: errors[path],
            autoFocus: row.key === focusKey,
            style: { flex: 1 },
            maxLength: 500,
          };
          const update = (text: string) => {
            onEdited(path);
            setList(
              field,
              rows.map((r) => (r.key === row.key ? { ...r, text } : r)),
            );
          };
          return (
            <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
              <Text size="sm" c="dimmed" w={22} ta="right" pt={8} aria-hidden>
                {index + 1}.
              </Text>
              {multiline ? (
                <Textarea
                  {...common}
                  autosize
                  minRows={1}
                  maxRows={6}
                  onChange={(e) => update(e.currentTarget.value)}
                />
              ) : (
                <TextInput {...common} onChange={(e) => update(e.currentTarget.value)} />
              )}
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={`Remove ${singular.toLowerCase()} ${index + 1}`}
                onClick={() =>
                  setList(
                    field,
                    rows.filter((r) => r.key !== row.key),
                  )
                }
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
      </Stack>
    );
  };

  const addRow = (field: 'problems' | 'precautions', text = '') => {
    const row = textRow(text);
    setFocusKey(row.key);
    onChange((v) => ({ ...v, [field]: [...v[field], row] }));
  };

  return (
    <Stack gap="lg">
      <ProtocolStarter
        chart={chart}
        values={values}
        onChange={onChange}
        requested={requestedCondition}
        onRequestHandled={onConditionHandled}
      />

      <Section title="Problems" description="What limits the client, in a line each.">
        <Stack gap="sm">
          {textList('problems', 'Problem', false)}
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => addRow('problems')}
            w="fit-content"
          >
            Add problem
          </Button>
        </Stack>
      </Section>

      <Section
        title="Goals"
        description="At least one measurable goal: an outcome-measure score to reach, or a function in the client's terms, each with a date."
        id={planFieldId('goals')}
      >
        <Stack gap="md">
          {errors.goals && (
            <Text size="sm" c="red.8" role="alert">
              {errors.goals}
            </Text>
          )}
          {values.goals.map((goal, index) => (
            <GoalFields
              key={goal.id}
              chart={chart}
              goal={goal}
              index={index}
              errors={errors}
              autoFocus={goal.id === focusKey}
              onChange={(patch) => setGoal(index, patch)}
              onRemove={() => onChange((v) => ({ ...v, goals: v.goals.filter((g) => g.id !== goal.id) }))}
            />
          ))}
          <Group gap="sm">
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => {
                const hasShort = values.goals.some((g) => g.term === 'short');
                const goal = emptyGoal(chart, hasShort ? 'long' : 'short');
                setFocusKey(goal.id);
                onEdited('goals');
                onChange((v) => ({ ...v, goals: [...v.goals, goal] }));
              }}
            >
              Add goal
            </Button>
          </Group>
        </Stack>
      </Section>

      <Section title="Treatment" description="The techniques you plan to use, where, and how often.">
        <Stack gap="md">
          {values.techniques.map((technique, index) => (
            <Group key={technique.key} gap="sm" align="flex-start" wrap="wrap">
              <Select
                id={planFieldId(`techniques.${index}.technique`)}
                label="Technique"
                placeholder="Choose a technique"
                data={TECHNIQUE_OPTIONS}
                value={technique.technique}
                onChange={(value) => setTechnique(index, { technique: value })}
                error={errors[`techniques.${index}.technique`]}
                searchable
                autoFocus={technique.key === focusKey}
                style={{ flex: '1 1 200px' }}
              />
              <MultiSelect
                id={planFieldId(`techniques.${index}.regions`)}
                label="Regions"
                placeholder={technique.regions.length ? undefined : 'Any region'}
                data={REGION_OPTIONS}
                value={technique.regions}
                onChange={(regions) => setTechnique(index, { regions })}
                error={errors[`techniques.${index}.regions`]}
                searchable
                clearable
                hidePickedOptions
                nothingFoundMessage="No region matches"
                style={{ flex: '3 1 300px' }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                mt={26}
                aria-label={`Remove technique ${index + 1}`}
                onClick={() =>
                  onChange((v) => ({ ...v, techniques: v.techniques.filter((t) => t.key !== technique.key) }))
                }
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            w="fit-content"
            onClick={() => {
              const row = emptyTechnique();
              setFocusKey(row.key);
              onChange((v) => ({ ...v, techniques: [...v.techniques, row] }));
            }}
          >
            Add technique
          </Button>
          <Group gap="md" align="flex-end" wrap="wrap">
            <NumberInput
              id={planFieldId('frequencyPerWeek')}
              label="Sessions per week"
              min={1}
              max={7}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="strict"
              value={values.frequencyPerWeek}
              onChange={(value) => {
                onEdited('frequencyPerWeek');
                onChange((v) => ({ ...v, frequencyPerWeek: typeof value === 'number' ? value : '' }));
              }}
              error={errors.frequencyPerWeek}
              w={170}
            />
            <NumberInput
              id={planFieldId('durationWeeks')}
              label="For how many weeks"
              min={1}
              max={104}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="strict"
              value={values.durationWeeks}
              onChange={(value) => {
                onEdited('durationWeeks');
                onChange((v) => ({ ...v, durationWeeks: typeof value === 'number' ? value : '' }));
              }}
              error={errors.durationWeeks}
              w={170}
            />
            <Text size="sm" c="gray.7" pb={8} aria-live="polite">
              {frequencyText(
                values.frequencyPerWeek === '' ? null : values.frequencyPerWeek,
                values.durationWeeks === '' ? null : values.durationWeeks,
              ) ?? ''}
            </Text>
          </Group>
        </Stack>
      </Section>

      <Section
        title="Precautions"
        description="Filled in from the screening alerts (and a library protocol's cautions); edit them to fit this client."
      >
        <Stack gap="sm">
          {textList('precautions', 'Precaution', true)}
          <Group gap="sm">
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => addRow('precautions')}
            >
              Add precaution
            </Button>
            {missingAlerts.length > 0 && (
              <Button
                variant="subtle"
                onClick={() =>
                  onChange((v) => ({
                    ...v,
                    precautions: [
                      ...v.precautions,
                      ...missingAlerts.map((a) => textRow(precautionFromAlert(a))),
                    ],
                  }))
                }
              >
                Add from screening alerts ({missingAlerts.length})
              </Button>
            )}
          </Group>
        </Stack>
      </Section>
    </Stack>
  );
}

function GoalFields({
  chart,
  goal,
  index,
  errors,
  autoFocus,
  onChange,
  onRemove,
}: {
  chart: ClinicalChart;
  goal: GoalForm;
  index: number;
  errors: PlanErrors;
  autoFocus: boolean;
  onChange: (patch: Partial<GoalForm>) => void;
  onRemove: () => void;
}) {
  const at = (field: string) => `goals.${index}.${field}`;
  const facts = goal.instrument ? instrumentFacts(goal.instrument) : undefined;
  const latest = latestScore(chart, goal.instrument);
  const preview = describeGoalForm(goal);
  const direction = goalDirectionProblem(goal);
  const unit = facts?.unit === '%' ? '%' : undefined;

  return (
    <Fieldset legend={`Goal ${index + 1}`} radius="md" p="md" pt="xs">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
          <Group gap="xl" wrap="wrap" align="flex-start">
            <Radio.Group label="Term" value={goal.term} onChange={(term) => onChange({ term: term })}>
              <Group gap="md" mt={6}>
                <Radio value="short" label="Short-term" />
                <Radio value="long" label="Long-term" />
              </Group>
            </Radio.Group>
            <Radio.Group
              label="Measured by"
              value={goal.kind}
              onChange={(kind) => {
                const patch: Partial<GoalForm> = { kind: kind };
                if (kind === 'measure' && !goal.instrument) {
                  const instrument = chart.measures[0]?.instrument ?? null;
                  patch.instrument = instrument;
                  patch.baseline = latestScore(chart, instrument)?.score ?? '';
                }
                onChange(patch);
              }}
            >
              <Group gap="md" mt={6}>
                <Radio value="measure" label="Outcome-measure score" />
                <Radio value="functional" label="Function" />
              </Group>
            </Radio.Group>
          </Group>
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={onRemove}
            aria-label={`Remove goal ${index + 1}`}
          >
            Remove
          </Button>
        </Group>

        {goal.kind === 'measure' ? (
          <Group gap="sm" align="flex-start" wrap="wrap">
            <Select
              id={planFieldId(at('instrument'))}
              label="Outcome measure"
              data={INSTRUMENT_OPTIONS}
              value={goal.instrument}
              onChange={(instrument) =>
                onChange({ instrument, baseline: latestScore(chart, instrument)?.score ?? goal.baseline })
              }
              error={errors[at('instrument')]}
              autoFocus={autoFocus}
              allowDeselect={false}
              withAsterisk
              style={{ flex: '3 1 260px' }}
            />
            <NumberInput
              id={planFieldId(at('baseline'))}
              label="Baseline"
              description={
                latest
                  ? `Latest: ${formatScore(latest.score, goal.instrument!)} on ${formatDay(latest.date)}`
                  : 'No score recorded yet'
              }
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={goal.baseline}
              onChange={(v) => onChange({ baseline: typeof v === 'number' ? v : '' })}
              min={facts?.min ?? 0}
              max={facts?.max ?? 100}
              decimalScale={1}
              suffix={unit}
              error={errors[at('baseline')]}
              withAsterisk
              style={{ flex: '1 1 130px' }}
            />
            <NumberInput
              id={planFieldId(at('target'))}
              label="Target"
              description={
                facts ? (facts.higherIsBetter ? 'Higher is better' : 'Lower is better') : undefined
              }
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={goal.target}
              onChange={(v) => onChange({ target: typeof v === 'number' ? v : '' })}
              min={facts?.min ?? 0}
              max={facts?.max ?? 100}
              decimalScale={1}
              suffix={unit}
              error={errors[at('target')]}
              withAsterisk
              style={{ flex: '1 1 130px' }}
            />
            <TextInput
              id={planFieldId(at('targetDate'))}
              label="Target date"
              type="date"
              value={goal.targetDate}
              onChange={(e) => onChange({ targetDate: e.currentTarget.value })}
              error={errors[at('targetDate')]}
              withAsterisk
              style={{ flex: '1 1 150px' }}
            />
          </Group>
        ) : (
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              id={planFieldId(at('text'))}
              label="Goal, in the client's terms"
              placeholder="e.g. Check the blind spot when driving without pain"
              value={goal.text}
              onChange={(e) => onChange({ text: e.currentTarget.value })}
              error={errors[at('text')]}
              autoFocus={autoFocus}
              maxLength={500}
              withAsterisk
              style={{ flex: '3 1 280px' }}
            />
            <TextInput
              id={planFieldId(at('targetDate'))}
              label="Target date"
              type="date"
              value={goal.targetDate}
              onChange={(e) => onChange({ targetDate: e.currentTarget.value })}
              error={errors[at('targetDate')]}
              withAsterisk
              style={{ flex: '1 1 160px' }}
            />
          </Group>
        )}

        <TextInput
          id={planFieldId(at('note'))}
          label="Note (optional)"
          value={goal.note}
          onChange={(e) => onChange({ note: e.currentTarget.value })}
          error={errors[at('note')]}
          maxLength={1000}
        />

        <Stack gap={4} aria-live="polite">
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconTarget size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            {preview ? (
              <Text size="sm" fw={600}>
                {preview}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                Fill in the fields to see the goal as it will read.
              </Text>
            )}
          </Group>
          {direction && !errors[at('target')] && (
            <Group gap={6} wrap="nowrap" align="flex-start" c="orange.9">
              <IconAlertTriangle size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="sm">{direction}</Text>
            </Group>
          )}
        </Stack>
      </Stack>
    </Fieldset>
  );
}
