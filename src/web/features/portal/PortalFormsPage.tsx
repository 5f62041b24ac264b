/**
 * Route /portal/forms — the intake health history before the first visit, then the plan's questionnaires.
 * The intake uses the staff intake's form model (same shape, same validation) with client-friendly fields.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEVICES } from '../../../modules/screening/domain/health-history.js';
import { errorMessage, isApiError } from '../../api/http.js';
import {
  getPortalForms,
  listOutcomeMeasures,
  portalKeys,
  submitPortalIntake,
  submitPortalQuestionnaire,
  type OutcomeMeasure,
} from '../../api/portal.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { usePageTitle } from '../../components/PageHeader.js';
import {
  CONDITION_OPTIONS,
  conditionMatches,
  describeFormPath,
  formPathFor,
  formToHistory,
  historyToForm,
  newRow,
  validateIntake,
  type IntakeFormValues,
  type ListName,
} from '../episodes/intake/intake-form.js';
import { PortalHeading, usePortal } from './PortalLayout.js';

export function PortalFormsPage() {
  usePageTitle('Client portal: forms');
  const { client } = usePortal();
  const forms = useQuery({ queryKey: portalKeys.forms(client.id), queryFn: () => getPortalForms(client.id) });
  const [intakeOpen, setIntakeOpen] = useState(false);
  const [openQuestionnaire, setOpenQuestionnaire] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);

  return (
    <>
      <PortalHeading
        title="Forms"
        description="Your answers go straight to your therapist, who reads them before your visit."
      />
      {sent && (
        <Alert
          color="green"
          variant="light"
          role="status"
          icon={<IconCircleCheck aria-hidden />}
          mb="md"
          withCloseButton
          onClose={() => setSent(null)}
          closeButtonLabel="Dismiss"
        >
          Sent to your therapist. Thank you{sent === 'intake' ? ' for filling in your health history' : ''}.
        </Alert>
      )}
      {forms.isPending ? (
        <Skeleton height={160} />
      ) : forms.isError ? (
        <ApiErrorAlert error={forms.error} title="Your forms could not be loaded" />
      ) : (
        <Stack gap="lg">
          <Paper
            p={{ base: 'md', sm: 'lg' }}
            radius="md"
            withBorder
            component="section"
            aria-labelledby="intake-heading"
          >
            <Group justify="space-between" align="flex-start" gap="sm">
              <Stack gap={4}>
                <Group gap="xs">
                  <Title order={2} size="h3" id="intake-heading">
                    Health history (intake)
                  </Title>
                  {forms.data.intake.due ? (
                    <Badge color="orange" variant="light">
                      To fill in before your first visit
                    </Badge>
                  ) : (
                    <Badge color="green" variant="light">
                      Sent
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {forms.data.intake.lastSubmittedAt
                    ? `Last sent ${formatDateTime(forms.data.intake.lastSubmittedAt)}. Send it again if something has changed.`
                    : 'About 5 minutes: what brings you in, your health conditions, medications and goals.'}
                </Text>
              </Stack>
              {!intakeOpen && (
                <Button
                  onClick={() => setIntakeOpen(true)}
                  variant={forms.data.intake.due ? 'filled' : 'default'}
                >
                  {forms.data.intake.due ? 'Fill in the health history' : 'Update the health history'}
                </Button>
              )}
            </Group>
            {intakeOpen && (
              <IntakeForm
                onCancel={() => setIntakeOpen(false)}
                onSent={() => {
                  setIntakeOpen(false);
                  setSent('intake');
                  window.scrollTo({ top: 0, behavior: 'smooth' });
                }}
              />
            )}
          </Paper>

          <Stack gap="sm" component="section" aria-labelledby="questionnaires-heading">
            <Title order={2} size="h3" id="questionnaires-heading">
              Questionnaires
            </Title>
            {forms.data.questionnaires.length === 0 ? (
              <Text size="sm" c="dimmed">
                None at the moment. Your therapist may add some to your plan of care to follow your progress.
              </Text>
            ) : (
              forms.data.questionnaires.map((q) => (
                <Paper key={q.instrumentId} p="md" radius="md" withBorder>
                  <Group justify="space-between" gap="sm">
                    <div>
                      <Text fw={600}>{q.name}</Text>
                      <Text size="sm" c="dimmed">
                        {q.lastSubmittedAt
                          ? `Last sent ${formatDateTime(q.lastSubmittedAt)}`
                          : 'Not filled in yet'}
                      </Text>
                    </div>
                    {openQuestionnaire !== q.instrumentId && (
                      <Button variant="light" onClick={() => setOpenQuestionnaire(q.instrumentId)}>
                        Fill in {q.name}
                      </Button>
                    )}
                  </Group>
                  {openQuestionnaire === q.instrumentId && (
                    <QuestionnaireForm
                      instrumentId={q.instrumentId}
                      onCancel={() => setOpenQuestionnaire(null)}
                      onSent={() => {
                        setOpenQuestionnaire(null);
                        setSent(q.instrumentId);
                        window.scrollTo({ top: 0, behavior: 'smooth' });
                      }}
                    />
                  )}
                </Paper>
              ))
            )}
          </Stack>
        </Stack>
      )}
    </>
  );
}

// — The intake —

const ROW_NOUN: Record<ListName, string> = {
  complaints: 'Concern',
  conditions: 'Condition',
  medications: 'Medication',
  surgeries: 'Surgery',
  injuries: 'Injury',
  allergies: 'Allergy',
  devices: 'Device',
};

function IntakeForm({ onCancel, onSent }: { onCancel: () => void; onSent: () => void }) {
  const { client } = usePortal();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<IntakeFormValues>(() => {
    const empty = historyToForm();
    return { ...empty, complaints: [newRow.complaints()] };
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<string[]>([]);

  const send = useMutation({
    mutationFn: () => {
      const { history } = formToHistory(values);
      return submitPortalIntake(client.id, history);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: portalKeys.forms(client.id) });
      onSent();
    },
    onError: (error) => {
      if (isApiError(error) && error.errors.length) {
        const { rowIndex } = formToHistory(values);
        const found: Record<string, string> = {};
        for (const e of error.errors) found[formPathFor(e.path, rowIndex)] ??= e.message;
        setErrors(found);
        setProblems(Object.entries(found).map(([path, message]) => `${describeFormPath(path)}: ${message}`));
      } else setProblems([errorMessage(error)]);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateIntake(values);
    setErrors(found);
    setProblems(Object.entries(found).map(([path, message]) => `${describeFormPath(path)}: ${message}`));
    if (Object.keys(found).length === 0) send.mutate();
  };

  const setRow = <L extends ListName>(list: L, index: number, patch: Partial<IntakeFormValues[L][number]>) =>
    setValues((v) => ({
      ...v,
      [list]: (v[list] as IntakeFormValues[L][number][]).map((row, i) =>
        i === index ? { ...row, ...patch } : row,
      ),
    }));
  const addRow = (list: ListName) => setValues((v) => ({ ...v, [list]: [...v[list], newRow[list]()] }));
  const removeRow = (list: ListName, index: number) =>
    setValues((v) => ({ ...v, [list]: (v[list] as { key: string }[]).filter((_, i) => i !== index) }));

  function rows<L extends ListName>(
    list: L,
    addLabel: string,
    render: (row: IntakeFormValues[L][number], index: number) => ReactNode,
  ) {
    const items = values[list] as IntakeFormValues[L][number][];
    return (
      <Stack gap="xs">
        {items.map((row, index) => (
          <Paper
            key={row.key}
            p="sm"
            bg="gray.0"
            radius="md"
            role="group"
            aria-label={`${ROW_NOUN[list]} ${index + 1}`}
          >
            <Group align="flex-end" gap="sm" wrap="nowrap">
              <div style={{ flex: 1, minWidth: 0 }}>{render(row, index)}</div>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={`Remove ${ROW_NOUN[list].toLowerCase()} ${index + 1}`}
                onClick={() => removeRow(list, index)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => addRow(list)}
          >
            {addLabel}
          </Button>
        </Group>
      </Stack>
    );
  }

  const devices = new Set(values.devices.map((d) => d.device));

  return (
    <form onSubmit={submit} noValidate aria-label="Health history">
      <Stack gap="lg" mt="lg">
        {problems.length > 0 && (
          <Alert color="red" variant="light" role="alert" title="Please check these answers">
            <Stack gap={2}>
              {problems.map((p) => (
                <Text key={p} size="sm">
                  {p}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}

        <FormPart title="What brings you in?" hint="Where it hurts or what troubles you, and since when.">
          {rows('complaints', 'Add another concern', (row, i) => (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <TextInput
                label="In your words"
                value={row.description}
                onChange={(e) => setRow('complaints', i, { description: e.currentTarget.value })}
                error={errors[`complaints.${i}.description`]}
                style={{ gridColumn: 'span 1' }}
              />
              <TextInput
                label="Where on the body"
                placeholder="e.g. left shoulder"
                value={row.region}
                onChange={(e) => setRow('complaints', i, { region: e.currentTarget.value })}
              />
              <TextInput
                label="Since (date)"
                type="date"
                value={row.onsetDate}
                onChange={(e) => setRow('complaints', i, { onsetDate: e.currentTarget.value })}
                error={errors[`complaints.${i}.onsetDate`]}
              />
            </SimpleGrid>
          ))}
        </FormPart>

        <FormPart
          title="Health conditions"
          hint="Now or in the past. Search by name or everyday words, like “blood clot”."
        >
          {rows('conditions', 'Add a condition', (row, i) => (
            <Group gap="sm" align="flex-end" wrap="wrap">
              <Select
                label="Condition"
                searchable
                placeholder="Type to search"
                data={CONDITION_OPTIONS}
                filter={({ options, search }) =>
                  options.filter((o) => 'value' in o && conditionMatches(o.value, search))
                }
                value={row.condition || null}
                onChange={(value) => setRow('conditions', i, { condition: value ?? '' })}
                error={errors[`conditions.${i}.condition`]}
                style={{ flex: '1 1 260px' }}
                comboboxProps={{ withinPortal: true }}
              />
              <Radio.Group
                label="Now or in the past"
                value={row.status}
                onChange={(value) =>
                  setRow('conditions', i, { status: value === 'past' ? 'past' : 'current' })
                }
              >
                <Group gap="sm" mt={8} mb={6}>
                  <Radio value="current" label="Now" />
                  <Radio value="past" label="In the past" />
                </Group>
              </Radio.Group>
            </Group>
          ))}
        </FormPart>

        <FormPart
          title="Medications"
          hint="Everything you take, including blood thinners, pain relievers and insulin."
        >
          {rows('medications', 'Add a medication', (row, i) => (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput
                label="Name and dose"
                placeholder="e.g. Warfarin 5 mg"
                value={row.name}
                onChange={(e) => setRow('medications', i, { name: e.currentTarget.value })}
                error={errors[`medications.${i}.name`]}
              />
              <TextInput
                label="What it is for"
                value={row.reason}
                onChange={(e) => setRow('medications', i, { reason: e.currentTarget.value })}
              />
            </SimpleGrid>
          ))}
        </FormPart>

        <FormPart title="Surgeries">
          {rows('surgeries', 'Add a surgery', (row, i) => (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput
                label="Operation"
                value={row.procedure}
                onChange={(e) => setRow('surgeries', i, { procedure: e.currentTarget.value })}
                error={errors[`surgeries.${i}.procedure`]}
              />
              <TextInput
                label="Date"
                type="date"
                value={row.date}
                onChange={(e) => setRow('surgeries', i, { date: e.currentTarget.value })}
                error={errors[`surgeries.${i}.date`]}
              />
            </SimpleGrid>
          ))}
        </FormPart>

        <FormPart title="Allergies" hint="Including to oils, lotions, nuts and latex.">
          {rows('allergies', 'Add an allergy', (row, i) => (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput
                label="Allergic to"
                value={row.substance}
                onChange={(e) => setRow('allergies', i, { substance: e.currentTarget.value })}
                error={errors[`allergies.${i}.substance`]}
              />
              <TextInput
                label="What happens"
                value={row.reaction}
                onChange={(e) => setRow('allergies', i, { reaction: e.currentTarget.value })}
              />
            </SimpleGrid>
          ))}
        </FormPart>

        <FormPart title="Implants and devices">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6}>
            {DEVICES.map((d) => (
              <Checkbox
                key={d.code}
                label={d.label}
                checked={devices.has(d.code)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setValues((v) => ({
                    ...v,
                    devices: on
                      ? [...v.devices, { ...newRow.devices(), device: d.code }]
                      : v.devices.filter((row) => row.device !== d.code),
                  }));
                }}
              />
            ))}
          </SimpleGrid>
        </FormPart>

        <FormPart title="Pregnancy">
          <Radio.Group
            aria-label="Pregnancy"
            value={values.pregnancy.status}
            onChange={(value) =>
              setValues((v) => ({
                ...v,
                pregnancy: { ...v.pregnancy, status: value },
              }))
            }
          >
            <Group gap="md">
              <Radio value="not_applicable" label="Does not apply" />
              <Radio value="not_pregnant" label="Not pregnant" />
              <Radio value="pregnant" label="Pregnant" />
            </Group>
          </Radio.Group>
          {values.pregnancy.status === 'pregnant' && (
            <Group gap="md" mt="sm" align="flex-end">
              <NumberInput
                label="Weeks pregnant"
                min={0}
                max={45}
                w={160}
                value={values.pregnancy.weeks}
                onChange={(value) =>
                  setValues((v) => ({ ...v, pregnancy: { ...v.pregnancy, weeks: String(value) } }))
                }
                error={errors['pregnancy.weeks']}
              />
              <Checkbox
                label="My doctor calls it high-risk"
                checked={values.pregnancy.highRisk}
                onChange={(e) => {
                  const highRisk = e.currentTarget.checked;
                  setValues((v) => ({ ...v, pregnancy: { ...v.pregnancy, highRisk } }));
                }}
                mb={8}
              />
            </Group>
          )}
        </FormPart>

        <FormPart title="Your goals">
          <Textarea
            label="What would you like to be able to do again?"
            placeholder="e.g. Turn my head to drive without pain."
            autosize
            minRows={2}
            maxLength={2000}
            value={values.goalsInClientsWords}
            onChange={(e) => {
              const goalsInClientsWords = e.currentTarget.value;
              setValues((v) => ({ ...v, goalsInClientsWords }));
            }}
          />
        </FormPart>

        <Group>
          <Button type="submit" loading={send.isPending}>
            Send to my therapist
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FormPart({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={700} size="md" p={0}>
        {title}
      </Text>
      {hint && (
        <Text size="sm" c="dimmed" mt={-4}>
          {hint}
        </Text>
      )}
      {children}
    </Stack>
  );
}

// — A questionnaire —

function QuestionnaireForm(props: { instrumentId: string; onCancel: () => void; onSent: () => void }) {
  const { client } = usePortal();
  const queryClient = useQueryClient();
  const measures = useQuery({
    queryKey: portalKeys.measures,
    queryFn: listOutcomeMeasures,
    staleTime: Infinity,
  });
  const measure = measures.data?.items.find((m) => m.id === props.instrumentId);
  if (measures.isPending) return <Skeleton height={120} mt="md" />;
  if (measures.isError)
    return <ApiErrorAlert error={measures.error} title="The questionnaire could not be loaded" mt="md" />;
  if (!measure) return <Text mt="md">This questionnaire is not available.</Text>;
  return (
    <QuestionnaireFields
      measure={measure}
      onCancel={props.onCancel}
      onSend={async (answers, labels) => {
        await submitPortalQuestionnaire(client.id, {
          instrumentId: measure.id,
          answers,
          ...(labels ? { labels } : {}),
        });
        await queryClient.invalidateQueries({ queryKey: portalKeys.forms(client.id) });
        props.onSent();
      }}
    />
  );
}

function QuestionnaireFields({
  measure,
  onCancel,
  onSend,
}: {
  measure: OutcomeMeasure;
  onCancel: () => void;
  onSend: (answers: (number | null)[], labels?: string[]) => Promise<void>;
}) {
  const isPsfs = measure.id === 'psfs';
  const [answers, setAnswers] = useState<(number | null)[]>(() => measure.items.map(() => null));
  const [labels, setLabels] = useState<string[]>(() => measure.items.map(() => ''));
  const send = useMutation({
    mutationFn: () => {
      const count = isPsfs
        ? Math.max(measure.answerCount.min, answers.filter((a) => a !== null).length)
        : answers.length;
      const kept = isPsfs
        ? answers
            .map((a, i) => ({ a, l: labels[i] ?? '' }))
            .filter((x) => x.a !== null)
            .slice(0, count)
        : null;
      return kept
        ? onSend(
            kept.map((x) => x.a),
            kept.map((x) => x.l.trim() || 'Activity'),
          )
        : onSend(answers);
    },
  });
  const range = `${measure.itemMin} to ${measure.itemMax}`;
  const small = measure.itemMax - measure.itemMin <= 10;
  return (
    <form
      aria-label={measure.fullName}
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate();
      }}
    >
      <Stack gap="md" mt="md">
        <Text size="sm" c="dimmed">
          {measure.fullName}. Answer each question with a number from {range}
          {measure.itemTextShipped
            ? '.'
            : ': the clinic gives you the wording of each numbered question on paper.'}
        </Text>
        {send.isError && <ApiErrorAlert error={send.error} title="Not sent" />}
        {measure.items.map((item, index) => {
          const label = item.text ?? `Question ${index + 1}`;
          return (
            <Stack key={item.id} gap={6}>
              {isPsfs && (
                <TextInput
                  label={`Activity ${index + 1}`}
                  placeholder="An activity that is hard for you now"
                  value={labels[index]}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    setLabels((l) => l.map((x, i) => (i === index ? text : x)));
                  }}
                />
              )}
              {small ? (
                <Radio.Group
                  label={
                    isPsfs ? `How well can you do activity ${index + 1} (0 unable, 10 as before)?` : label
                  }
                  description={item.text ? undefined : `From ${range}`}
                  value={answers[index] === null ? null : String(answers[index])}
                  onChange={(value) => setAnswers((a) => a.map((x, i) => (i === index ? Number(value) : x)))}
                >
                  <Group gap={6} mt={6}>
                    {Array.from(
                      { length: measure.itemMax - measure.itemMin + 1 },
                      (_, n) => measure.itemMin + n,
                    ).map((n) => (
                      <Radio key={n} value={String(n)} label={String(n)} />
                    ))}
                  </Group>
                </Radio.Group>
              ) : (
                <NumberInput
                  label={label}
                  description={`From ${range}`}
                  min={measure.itemMin}
                  max={measure.itemMax}
                  w={200}
                  value={answers[index] ?? ''}
                  onChange={(value) =>
                    setAnswers((a) =>
                      a.map((x, i) => (i === index ? (value === '' ? null : Number(value)) : x)),
                    )
                  }
                />
              )}
            </Stack>
          );
        })}
        <Group>
          <Button type="submit" loading={send.isPending}>
            Send to my therapist
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
