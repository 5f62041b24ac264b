/**
 * Route /library/conditions/:id/edit — the clinic's own version of a condition. It starts from the condition
 * as the clinic sees it (shipped, or its own version) and saves the whole condition with PUT: the fields not
 * edited here are copied from the loaded one. The server validates it; its field errors show at the top and
 * at the fields.
 */
import { useRef, useState } from 'react';
import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { BODY_REGIONS, regionLabel } from '../../../modules/assessments/domain/body-regions.js';
import { POSITIONS } from '../../../modules/library/domain/library-content.js';
import { PRESSURE_LEVELS, SERVICE_CODES } from '../../../modules/session-notes/domain/session-note.js';
import { isApiError } from '../../api/http.js';
import { saveClinicCondition, type LibraryCondition } from '../../api/library.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Section } from '../../components/Section.js';
import { conditionPath, humanize, positionLabel } from './library-format.js';
import { useAllConditions, useCondition, useTechniques } from './library-queries.js';

type Step = LibraryCondition['protocol']['steps'][number];
type StepRow = Step & { key: number };

const MAX_STEPS = 12;
const MIN_STEPS = 2;

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const REGION_OPTIONS = [...new Set(BODY_REGIONS.map((r) => r.view))].map((view) => ({
  group: humanize(view),
  items: BODY_REGIONS.filter((r) => r.view === view).map((r) => ({ value: r.id, label: regionLabel(r.id) })),
}));
const POSITION_OPTIONS = POSITIONS.map((p) => ({ value: p, label: positionLabel(p) }));
const PRESSURE_OPTIONS = PRESSURE_LEVELS.map((p) => ({ value: String(p.level), label: p.label }));
const SERVICE_OPTIONS = SERVICE_CODES.map((s) => ({ value: s.code, label: `${s.code} ${s.label}` }));

const STEP_FIELD_LABELS: Record<string, string> = {
  technique: 'technique',
  regions: 'regions',
  position: 'position',
  pressure: 'pressure',
  minutes: 'minutes',
  serviceCode: 'service code',
  purpose: 'purpose',
};

/** Where a server error path is shown: a label for the summary and the id of the field to focus. */
function describePath(path: string): { label: string; fieldId?: string } {
  const parts = path.split('.');
  const line = (n: string | undefined) => (n === undefined ? '' : ` (line ${Number(n) + 1})`);
  if (parts[0] === 'name') return { label: 'Name', fieldId: 'condition-name' };
  if (parts[0] === 'aliases') return { label: 'Other names', fieldId: 'condition-aliases' };
  if (parts[0] === 'summary') return { label: 'Summary', fieldId: 'condition-summary' };
  if (parts[0] === 'cautions') return { label: `Cautions${line(parts[1])}`, fieldId: 'condition-cautions' };
  if (parts[0] === 'course' && parts[1] === 'frequencyPerWeek')
    return { label: 'Sessions per week', fieldId: 'condition-frequency' };
  if (parts[0] === 'course' && parts[1] === 'durationWeeks')
    return { label: 'Weeks', fieldId: 'condition-duration' };
  if (parts[0] === 'protocol' && parts[1] === 'homeCare')
    return { label: `Home care${line(parts[2])}`, fieldId: 'condition-home-care' };
  if (parts[0] === 'protocol' && parts[1] === 'steps') {
    if (parts[2] === undefined) return { label: 'Protocol steps', fieldId: 'condition-steps' };
    const index = Number(parts[2]);
    const field = parts[3];
    const label = `Step ${index + 1}${field ? ` ${STEP_FIELD_LABELS[field] ?? humanize(field)}` : ''}`;
    return field && field in STEP_FIELD_LABELS
      ? { label, fieldId: `step-${index}-${field}` }
      : { label, fieldId: 'condition-steps' };
  }
  return { label: path ? humanize(parts.filter((p) => !/^\d+$/.test(p)).join(' ')) : 'Condition' };
}

/** The first server message for a path or anything under it. */
function errorAt(errors: FieldErrors, prefix: string): string | undefined {
  const key = Object.keys(errors).find((path) => path === prefix || path.startsWith(`${prefix}.`));
  return key === undefined ? undefined : errors[key];
}

/** Edits the clinic's version of a condition, or (asNew) starts a new condition of the clinic's own from it. */
export function ConditionEditorPage({ asNew = false }: { asNew?: boolean }) {
  const { id = '' } = useParams();
  const query = useCondition(id);
  const back = { to: conditionPath(id), label: 'Condition' };

  if (query.isPending) {
    return (
      <Stack gap="lg" aria-busy="true">
        <PageHeader title="Our version of a condition" back={back} />
        <Paper p="lg">
          <Stack gap="md">
            <Skeleton height={36} />
            <Skeleton height={80} />
            <Skeleton height={160} />
          </Stack>
        </Paper>
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageHeader title="Our version of a condition" back={back} />
        <Stack gap="sm" align="flex-start">
          <ApiErrorAlert error={query.error} w="100%" />
          <Button variant="default" onClick={() => void query.refetch()} loading={query.isFetching}>
            Try again
          </Button>
        </Stack>
      </>
    );
  }
  return <ConditionEditor key={`${query.data.id}-${asNew}`} condition={query.data} asNew={asNew} />;
}

/** A link-friendly id from a name: "Neck protocol B" → "neck-protocol-b". */
function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

function ConditionEditor({ condition, asNew }: { condition: LibraryCondition; asNew: boolean }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const techniques = useTechniques();
  const own = useAllConditions().data?.items.find((c) => c.id === condition.id)?.own ?? false;
  const summaryRef = useRef<HTMLDivElement>(null);
  const nextKey = useRef(condition.protocol.steps.length);

  const [name, setName] = useState(asNew ? `${condition.name} (our protocol)` : condition.name);
  const newId = slugOf(name);
  const [aliases, setAliases] = useState<string[]>(condition.aliases);
  const [summary, setSummary] = useState(condition.summary);
  const [cautions, setCautions] = useState(condition.cautions.join('\n'));
  const [homeCare, setHomeCare] = useState(condition.protocol.homeCare.join('\n'));
  const [frequency, setFrequency] = useState<number | string>(condition.course.frequencyPerWeek);
  const [duration, setDuration] = useState<number | string>(condition.course.durationWeeks);
  const [steps, setSteps] = useState<StepRow[]>(() =>
    condition.protocol.steps.map((step, key) => ({ ...step, key })),
  );

  const save = useMutation({
    mutationFn: (next: LibraryCondition) => saveClinicCondition(next),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['library'] });
      notifications.show({
        color: 'teal',
        title: 'Saved',
        message: `Your clinic's version of ${name.trim()} was saved.`,
      });
      void navigate(conditionPath(asNew ? newId : condition.id));
    },
    onError: () => {
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
  });

  const errors = fieldErrorsFrom(save.error);
  const summaryItems: SummaryItem[] = Object.entries(errors).map(([path, message]) => ({
    message,
    ...describePath(path),
  }));
  const validationFailed = isApiError(save.error) && save.error.status === 400;

  const techniqueOptions = (() => {
    const items = (techniques.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }));
    const known = new Set(items.map((t) => t.value));
    for (const s of steps)
      if (s.technique && !known.has(s.technique)) {
        known.add(s.technique);
        items.push({ value: s.technique, label: humanize(s.technique) });
      }
    return items.sort((a, b) => a.label.localeCompare(b.label));
  })();

  const updateStep = (index: number, patch: Partial<Step>) =>
    setSteps((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const moveStep = (index: number, by: -1 | 1) =>
    setSteps((rows) => {
      const next = rows.slice();
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
  const removeStep = (index: number) => setSteps((rows) => rows.filter((_, i) => i !== index));
  const addStep = () =>
    setSteps((rows) => [
      ...rows,
      {
        key: nextKey.current++,
        technique: '',
        regions: [],
        position: rows.at(-1)?.position ?? 'prone',
        pressure: rows.at(-1)?.pressure ?? 2,
        minutes: 5,
        serviceCode: '97124',
        purpose: '',
      },
    ]);

  const submit = () => {
    const next: LibraryCondition = {
      ...condition,
      id: asNew ? newId : condition.id,
      name: name.trim(),
      aliases,
      summary: summary.trim(),
      cautions: lines(cautions),
      protocol: {
        ...condition.protocol,
        homeCare: lines(homeCare),
        steps: steps.map(({ key: _key, ...step }) => ({ ...step, purpose: step.purpose.trim() })),
      },
      course: {
        ...condition.course,
        frequencyPerWeek: Number(frequency),
        durationWeeks: Number(duration),
      },
    };
    save.mutate(next);
  };

  const totalMinutes = steps.reduce((sum, s) => sum + (Number(s.minutes) || 0), 0);

  return (
    <>
      <PageHeader
        title={
          asNew
            ? `New condition from ${condition.name}`
            : own
              ? `Edit our version: ${condition.name}`
              : `Customize ${condition.name}`
        }
        documentTitle={`Our version of ${condition.name}`}
        description={
          asNew
            ? `A new condition of your clinic's own, starting from ${condition.name}. Its address will be /library/conditions/${newId || '…'}.`
            : own
              ? "Your clinic's version replaces the library text for everyone in your clinic."
              : 'Your changes are saved as your clinic’s version; the library text stays available and shows again if you remove it.'
        }
        back={{ to: conditionPath(condition.id), label: condition.name }}
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="lg">
          {save.isError &&
            (validationFailed || summaryItems.length > 0 ? (
              <ErrorSummary
                ref={summaryRef}
                title="The condition could not be saved"
                description={
                  summaryItems.length === 0 && isApiError(save.error) ? save.error.message : undefined
                }
                items={summaryItems}
              />
            ) : (
              <ApiErrorAlert error={save.error} title="The condition could not be saved" />
            ))}

          <Section title="Description">
            <Stack gap="md">
              <TextInput
                id="condition-name"
                label="Name"
                required
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={errorAt(errors, 'name')}
                maxLength={120}
              />
              <TagsInput
                id="condition-aliases"
                label="Other names"
                description="Names people search with: lay words, older terms, abbreviations. Press Enter after each."
                value={aliases}
                onChange={setAliases}
                error={errorAt(errors, 'aliases')}
                clearable
              />
              <Textarea
                id="condition-summary"
                label="Summary"
                required
                autosize
                minRows={3}
                value={summary}
                onChange={(event) => setSummary(event.currentTarget.value)}
                error={errorAt(errors, 'summary')}
              />
              <Textarea
                id="condition-cautions"
                label="Cautions"
                description="One per line."
                required
                autosize
                minRows={3}
                value={cautions}
                onChange={(event) => setCautions(event.currentTarget.value)}
                error={errorAt(errors, 'cautions')}
              />
            </Stack>
          </Section>

          <Section
            title="Protocol steps"
            description={`${steps.length} step${steps.length === 1 ? '' : 's'}, ${totalMinutes} min. Between ${MIN_STEPS} and ${MAX_STEPS} steps.`}
          >
            <Stack gap="sm" id="condition-steps" tabIndex={-1}>
              {errorAt(errors, 'protocol.steps') &&
                !Object.keys(errors).some((p) => /^protocol\.steps\.\d/.test(p)) && (
                  <Text size="sm" c="red.8">
                    {errorAt(errors, 'protocol.steps')}
                  </Text>
                )}
              {steps.map((step, index) => (
                <Paper key={step.key} p="md" withBorder component="fieldset" style={{ margin: 0 }}>
                  <Group justify="space-between" mb="xs" wrap="nowrap">
                    <Title order={3} fz="sm" component="legend" style={{ float: 'left', padding: 0 }}>
                      Step {index + 1}
                    </Title>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label="Move up">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Move step ${index + 1} up`}
                          disabled={index === 0}
                          onClick={() => moveStep(index, -1)}
                        >
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Move down">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Move step ${index + 1} down`}
                          disabled={index === steps.length - 1}
                          onClick={() => moveStep(index, 1)}
                        >
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={steps.length <= MIN_STEPS ? `At least ${MIN_STEPS} steps` : 'Remove'}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove step ${index + 1}`}
                          disabled={steps.length <= MIN_STEPS}
                          onClick={() => removeStep(index)}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Group>
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" style={{ clear: 'both' }}>
                    <Select
                      id={`step-${index}-technique`}
                      label="Technique"
                      required
                      searchable
                      data={techniqueOptions}
                      value={step.technique || null}
                      onChange={(value) => updateStep(index, { technique: value ?? '' })}
                      error={errorAt(errors, `protocol.steps.${index}.technique`)}
                      nothingFoundMessage="No technique"
                    />
                    <MultiSelect
                      id={`step-${index}-regions`}
                      label="Regions"
                      required
                      searchable
                      data={REGION_OPTIONS}
                      value={step.regions}
                      onChange={(value) => updateStep(index, { regions: value })}
                      error={errorAt(errors, `protocol.steps.${index}.regions`)}
                      maxDropdownHeight={300}
                      style={{ gridColumn: 'span 1' }}
                    />
                    <Select
                      id={`step-${index}-position`}
                      label="Position"
                      data={POSITION_OPTIONS}
                      value={step.position}
                      onChange={(value) => value && updateStep(index, { position: value })}
                      allowDeselect={false}
                      error={errorAt(errors, `protocol.steps.${index}.position`)}
                    />
                    <Select
                      id={`step-${index}-pressure`}
                      label="Pressure (0–5)"
                      data={PRESSURE_OPTIONS}
                      value={String(step.pressure)}
                      onChange={(value) => value && updateStep(index, { pressure: Number(value) })}
                      allowDeselect={false}
                      error={errorAt(errors, `protocol.steps.${index}.pressure`)}
                    />
                    <NumberInput
                      id={`step-${index}-minutes`}
                      label="Minutes"
                      min={1}
                      max={60}
                      allowDecimal={false}
                      value={step.minutes}
                      onChange={(value) => updateStep(index, { minutes: Number(value) || 0 })}
                      error={errorAt(errors, `protocol.steps.${index}.minutes`)}
                    />
                    <Select
                      id={`step-${index}-serviceCode`}
                      label="Service code"
                      data={SERVICE_OPTIONS}
                      value={step.serviceCode}
                      onChange={(value) => value && updateStep(index, { serviceCode: value })}
                      allowDeselect={false}
                      error={errorAt(errors, `protocol.steps.${index}.serviceCode`)}
                    />
                    <Textarea
                      id={`step-${index}-purpose`}
                      label="Purpose"
                      required
                      autosize
                      minRows={1}
                      value={step.purpose}
                      onChange={(event) => updateStep(index, { purpose: event.currentTarget.value })}
                      error={errorAt(errors, `protocol.steps.${index}.purpose`)}
                      style={{ gridColumn: 'span 2' }}
                    />
                  </SimpleGrid>
                </Paper>
              ))}
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={addStep}
                  disabled={steps.length >= MAX_STEPS}
                >
                  Add a step
                </Button>
              </Group>
            </Stack>
          </Section>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Section title="Home care">
              <Textarea
                id="condition-home-care"
                label="Home care advice"
                description="One per line."
                required
                autosize
                minRows={4}
                value={homeCare}
                onChange={(event) => setHomeCare(event.currentTarget.value)}
                error={errorAt(errors, 'protocol.homeCare')}
              />
            </Section>
            <Section title="Typical course">
              <Group grow align="flex-start">
                <NumberInput
                  id="condition-frequency"
                  label="Sessions per week"
                  min={1}
                  max={5}
                  allowDecimal={false}
                  value={frequency}
                  onChange={setFrequency}
                  error={errorAt(errors, 'course.frequencyPerWeek')}
                />
                <NumberInput
                  id="condition-duration"
                  label="Weeks"
                  min={1}
                  max={26}
                  allowDecimal={false}
                  value={duration}
                  onChange={setDuration}
                  error={errorAt(errors, 'course.durationWeeks')}
                />
              </Group>
            </Section>
          </SimpleGrid>

          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              Save our version
            </Button>
            <Button component={Link} to={conditionPath(condition.id)} variant="default">
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
