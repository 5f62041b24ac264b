import { useEffect, useRef, type ReactNode } from 'react';
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { classifyMedication } from '../../../../modules/screening/domain/health-history.js';
import { Section } from '../../../components/Section.js';
import { todayDateOnly } from '../../../components/format.js';
import {
  ACTIVITY_OPTIONS,
  CONDITION_OPTIONS,
  CONDITION_STATUS_LABELS,
  conditionMatches,
  DEVICE_OPTIONS,
  intakeFieldId,
  MEDICATION_CLASS_OPTIONS,
  medicationClassWithArticle,
  newRow,
  PREGNANCY_LABELS,
  type IntakeFormValues,
  type ListName,
} from './intake-form.js';

type Update = (change: (values: IntakeFormValues) => IntakeFormValues, touched?: string) => void;

type Props = {
  values: IntakeFormValues;
  errors: Record<string, string>;
  onUpdate: Update;
  /** Errors under a removed row no longer match their rows: the form forgets that list's errors. */
  onRowsChanged: (list: ListName) => void;
};

const BLEEDING_CLASSES = new Set(['anticoagulant', 'antiplatelet']);

/** The structured health history, one section per part, every field labelled. */
export function HealthHistoryFields({ values, errors, onUpdate, onRowsChanged }: Props) {
  const focusAfterRender = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfterRender.current) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });

  const today = todayDateOnly();

  function setRow<L extends ListName>(list: L, index: number, patch: Partial<IntakeFormValues[L][number]>) {
    const touched = Object.keys(patch)
      .map((field) => `${list}.${index}.${field}`)
      .join(' ');
    onUpdate(
      (v) => ({
        ...v,
        [list]: (v[list] as IntakeFormValues[L][number][]).map((row, i) =>
          i === index ? { ...row, ...patch } : row,
        ),
      }),
      touched,
    );
  }

  function addRow(list: ListName, firstField: string) {
    const index = values[list].length;
    focusAfterRender.current = intakeFieldId(`${list}.${index}.${firstField}`);
    onUpdate((v) => ({ ...v, [list]: [...v[list], newRow[list]()] }));
  }

  function removeRow(list: ListName, index: number) {
    focusAfterRender.current = `intake-add-${list}`;
    onUpdate((v) => ({ ...v, [list]: v[list].filter((_, i) => i !== index) }));
    onRowsChanged(list);
  }

  const text = (
    path: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    extra: {
      placeholder?: string;
      type?: string;
      max?: string;
      withAsterisk?: boolean;
      description?: ReactNode;
    } = {},
  ) => (
    <TextInput
      id={intakeFieldId(path)}
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={errors[path]}
      autoComplete="off"
      {...extra}
    />
  );

  const list = (
    name: ListName,
    noun: string,
    firstField: string,
    renderRow: (index: number) => ReactNode,
  ) => (
    <Stack gap="sm">
      {errors[name] && (
        <Text size="sm" c="red.8" role="alert">
          {errors[name]}
        </Text>
      )}
      {values[name].length === 0 && (
        <Text size="sm" c="dimmed">
          None recorded.
        </Text>
      )}
      {values[name].map((row, index) => (
        <Paper key={row.key} p="sm" withBorder bg="gray.0" role="group" aria-label={`${noun} ${index + 1}`}>
          <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
            <Text size="sm" fw={600} c="gray.7" aria-hidden>
              {noun} {index + 1}
            </Text>
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => removeRow(name, index)}
              aria-label={`Remove ${noun.toLowerCase()} ${index + 1}`}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
          {renderRow(index)}
        </Paper>
      ))}
      <div>
        <Button
          id={`intake-add-${name}`}
          variant="light"
          size="sm"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => addRow(name, firstField)}
        >
          Add {noun.toLowerCase()}
        </Button>
      </div>
    </Stack>
  );

  const cols = { base: 1, sm: 3 } as const;

  return (
    <Stack gap="lg">
      <Section
        title="Current complaints"
        description="What brings the client in, in their words: where it hurts and since when."
        order={3}
      >
        {list('complaints', 'Complaint', 'description', (index) => {
          const row = values.complaints[index]!;
          return (
            <Stack gap="sm">
              <Textarea
                id={intakeFieldId(`complaints.${index}.description`)}
                label="Description"
                withAsterisk
                value={row.description}
                onChange={(e) => setRow('complaints', index, { description: e.currentTarget.value })}
                error={errors[`complaints.${index}.description`]}
                autosize
                minRows={1}
                maxRows={5}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {text(
                  `complaints.${index}.onsetDate`,
                  'Onset date',
                  row.onsetDate,
                  (v) => setRow('complaints', index, { onsetDate: v }),
                  { type: 'date', max: today },
                )}
                {text(
                  `complaints.${index}.region`,
                  'Region',
                  row.region,
                  (v) => setRow('complaints', index, { region: v }),
                  {
                    placeholder: 'e.g. neck, right side',
                  },
                )}
              </SimpleGrid>
            </Stack>
          );
        })}
      </Section>

      <Section
        title="Conditions"
        description="Search by name or by the words clients use (e.g. “blood clot”, “brittle bones”)."
        order={3}
      >
        {list('conditions', 'Condition', 'condition', (index) => {
          const row = values.conditions[index]!;
          const path = `conditions.${index}`;
          return (
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Select
                  id={intakeFieldId(`${path}.condition`)}
                  label="Condition"
                  withAsterisk
                  placeholder="Type to search"
                  searchable
                  data={CONDITION_OPTIONS}
                  value={row.condition || null}
                  onChange={(value) =>
                    setRow('conditions', index, {
                      condition: value ?? '',
                    })
                  }
                  filter={({ options, search }) =>
                    options.filter(
                      (option) => 'value' in option && conditionMatches(String(option.value), search),
                    )
                  }
                  nothingFoundMessage="No condition matches. Describe it in a complaint or note instead."
                  maxDropdownHeight={280}
                  error={errors[`${path}.condition`]}
                  style={{ gridColumn: 'span 2' }}
                  comboboxProps={{ withinPortal: true }}
                />
                <NativeSelect
                  id={intakeFieldId(`${path}.status`)}
                  label="Status"
                  value={row.status}
                  onChange={(e) =>
                    setRow('conditions', index, {
                      status: e.currentTarget.value as IntakeFormValues['conditions'][number]['status'],
                    })
                  }
                  data={Object.entries(CONDITION_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
                  error={errors[`${path}.status`]}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                {text(
                  `${path}.region`,
                  'Region',
                  row.region,
                  (v) => setRow('conditions', index, { region: v }),
                  {
                    placeholder: 'e.g. left arm',
                  },
                )}
                <TextInput
                  id={intakeFieldId(`${path}.note`)}
                  label="Note"
                  value={row.note}
                  onChange={(e) => setRow('conditions', index, { note: e.currentTarget.value })}
                  error={errors[`${path}.note`]}
                  style={{ gridColumn: 'span 2' }}
                  autoComplete="off"
                />
              </SimpleGrid>
            </Stack>
          );
        })}
      </Section>

      <Section
        title="Medications"
        description="The class is recognised from common generic and brand names as you type; change it if it is wrong."
        order={3}
      >
        {list('medications', 'Medication', 'name', (index) => {
          const row = values.medications[index]!;
          const path = `medications.${index}`;
          const recognised = classifyMedication(row.name);
          const hintId = `${intakeFieldId(`${path}.name`)}-hint`;
          return (
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  id={intakeFieldId(`${path}.name`)}
                  label="Name"
                  withAsterisk
                  placeholder="e.g. Eliquis 5 mg"
                  value={row.name}
                  autoComplete="off"
                  aria-describedby={recognised ? hintId : undefined}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    const auto = classifyMedication(name);
                    setRow('medications', index, {
                      name,
                      ...(row.classPicked ? {} : { medicationClass: auto ?? '' }),
                    });
                  }}
                  error={errors[`${path}.name`]}
                />
                <NativeSelect
                  id={intakeFieldId(`${path}.medicationClass`)}
                  label="Class"
                  value={row.medicationClass}
                  onChange={(e) =>
                    setRow('medications', index, {
                      medicationClass: e.currentTarget
                        .value as IntakeFormValues['medications'][number]['medicationClass'],
                      classPicked: true,
                    })
                  }
                  data={[{ value: '', label: 'Not known' }, ...MEDICATION_CLASS_OPTIONS]}
                  error={errors[`${path}.medicationClass`]}
                />
              </SimpleGrid>
              {recognised && (
                <Group gap={6} wrap="nowrap" id={hintId} align="flex-start">
                  {BLEEDING_CLASSES.has(recognised) ? (
                    <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" aria-hidden />
                  ) : (
                    <IconInfoCircle size={16} color="var(--mantine-color-palpa-7)" aria-hidden />
                  )}
                  <Text size="sm" c={BLEEDING_CLASSES.has(recognised) ? 'orange.9' : 'gray.7'}>
                    Recognised as {medicationClassWithArticle(recognised)}
                    {row.medicationClass && row.medicationClass !== recognised
                      ? ': screening still counts it as one.'
                      : '.'}
                  </Text>
                </Group>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {text(`${path}.dose`, 'Dose', row.dose, (v) => setRow('medications', index, { dose: v }), {
                  placeholder: 'e.g. 5 mg twice daily',
                })}
                {text(
                  `${path}.reason`,
                  'Reason',
                  row.reason,
                  (v) => setRow('medications', index, { reason: v }),
                  {
                    placeholder: 'e.g. atrial fibrillation',
                  },
                )}
              </SimpleGrid>
            </Stack>
          );
        })}
      </Section>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Section title="Surgeries" order={3}>
          {list('surgeries', 'Surgery', 'procedure', (index) => {
            const row = values.surgeries[index]!;
            const path = `surgeries.${index}`;
            return (
              <SimpleGrid cols={cols} spacing="sm">
                {text(
                  `${path}.procedure`,
                  'Procedure',
                  row.procedure,
                  (v) => setRow('surgeries', index, { procedure: v }),
                  {
                    withAsterisk: true,
                  },
                )}
                {text(`${path}.date`, 'Date', row.date, (v) => setRow('surgeries', index, { date: v }), {
                  type: 'date',
                  max: today,
                })}
                {text(`${path}.region`, 'Region', row.region, (v) =>
                  setRow('surgeries', index, { region: v }),
                )}
              </SimpleGrid>
            );
          })}
        </Section>

        <Section title="Injuries" order={3}>
          {list('injuries', 'Injury', 'description', (index) => {
            const row = values.injuries[index]!;
            const path = `injuries.${index}`;
            return (
              <SimpleGrid cols={cols} spacing="sm">
                {text(
                  `${path}.description`,
                  'Description',
                  row.description,
                  (v) => setRow('injuries', index, { description: v }),
                  { withAsterisk: true },
                )}
                {text(`${path}.date`, 'Date', row.date, (v) => setRow('injuries', index, { date: v }), {
                  type: 'date',
                  max: today,
                })}
                {text(`${path}.region`, 'Region', row.region, (v) =>
                  setRow('injuries', index, { region: v }),
                )}
              </SimpleGrid>
            );
          })}
        </Section>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Section title="Allergies" description="Including to oils, lotions and latex." order={3}>
          {list('allergies', 'Allergy', 'substance', (index) => {
            const row = values.allergies[index]!;
            const path = `allergies.${index}`;
            return (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {text(
                  `${path}.substance`,
                  'Substance',
                  row.substance,
                  (v) => setRow('allergies', index, { substance: v }),
                  {
                    withAsterisk: true,
                    placeholder: 'e.g. nut oils',
                  },
                )}
                {text(`${path}.reaction`, 'Reaction', row.reaction, (v) =>
                  setRow('allergies', index, { reaction: v }),
                )}
              </SimpleGrid>
            );
          })}
        </Section>

        <Section title="Implants and devices" order={3}>
          {list('devices', 'Device', 'device', (index) => {
            const row = values.devices[index]!;
            const path = `devices.${index}`;
            return (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect
                  id={intakeFieldId(`${path}.device`)}
                  label="Device"
                  withAsterisk
                  value={row.device}
                  onChange={(e) =>
                    setRow('devices', index, {
                      device: e.currentTarget.value as IntakeFormValues['devices'][number]['device'],
                    })
                  }
                  data={[{ value: '', label: 'Choose…' }, ...DEVICE_OPTIONS]}
                  error={errors[`${path}.device`]}
                />
                {text(
                  `${path}.region`,
                  'Region',
                  row.region,
                  (v) => setRow('devices', index, { region: v }),
                  {
                    placeholder: 'e.g. left chest',
                  },
                )}
              </SimpleGrid>
            );
          })}
        </Section>
      </SimpleGrid>

      <Section title="Pregnancy, activity and goals" order={3}>
        <Stack gap="md">
          <Radio.Group
            id={intakeFieldId('pregnancy.status')}
            label="Pregnancy"
            value={values.pregnancy.status}
            onChange={(value) =>
              onUpdate(
                (v) => ({
                  ...v,
                  pregnancy: { ...v.pregnancy, status: value },
                }),
                'pregnancy.status',
              )
            }
            error={errors['pregnancy.status']}
          >
            <Group gap="lg" mt={6}>
              {Object.entries(PREGNANCY_LABELS).map(([value, label]) => (
                <Radio key={value} value={value} label={label} />
              ))}
            </Group>
          </Radio.Group>
          {values.pregnancy.status === 'pregnant' && (
            <Group gap="lg" align="flex-end">
              <NumberInput
                id={intakeFieldId('pregnancy.weeks')}
                label="Weeks pregnant"
                value={values.pregnancy.weeks}
                onChange={(value) =>
                  onUpdate(
                    (v) => ({ ...v, pregnancy: { ...v.pregnancy, weeks: String(value) } }),
                    'pregnancy.weeks',
                  )
                }
                min={0}
                max={45}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="strict"
                w={160}
                error={errors['pregnancy.weeks']}
              />
              <Checkbox
                id={intakeFieldId('pregnancy.highRisk')}
                label="High-risk pregnancy"
                checked={values.pregnancy.highRisk}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  onUpdate(
                    (v) => ({ ...v, pregnancy: { ...v.pregnancy, highRisk: checked } }),
                    'pregnancy.highRisk',
                  );
                }}
                mb={8}
              />
            </Group>
          )}
          <NativeSelect
            id={intakeFieldId('activityLevel')}
            label="Activity level"
            value={values.activityLevel}
            onChange={(e) => {
              const value = e.currentTarget.value as IntakeFormValues['activityLevel'];
              onUpdate((v) => ({ ...v, activityLevel: value }), 'activityLevel');
            }}
            data={[{ value: '', label: 'Not recorded' }, ...ACTIVITY_OPTIONS]}
            error={errors.activityLevel}
            maw={320}
          />
          <Textarea
            id={intakeFieldId('goalsInClientsWords')}
            label="Goals, in the client's words"
            description="What the client wants to be able to do again."
            placeholder="e.g. Turn my head to drive without pain."
            value={values.goalsInClientsWords}
            onChange={(e) => {
              const value = e.currentTarget.value;
              onUpdate((v) => ({ ...v, goalsInClientsWords: value }), 'goalsInClientsWords');
            }}
            error={errors.goalsInClientsWords}
            autosize
            minRows={2}
            maxRows={8}
            inputWrapperOrder={['label', 'description', 'input', 'error']}
          />
        </Stack>
      </Section>

      <Section
        title="Vitals on the day of the visit"
        description="Optional. A fever or very high blood pressure raises an alert."
        order={3}
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {(
            [
              ['temperatureC', 'Temperature (°C)', 1],
              ['systolic', 'Systolic pressure (mmHg)', 0],
              ['diastolic', 'Diastolic pressure (mmHg)', 0],
            ] as const
          ).map(([field, label, decimals]) => (
            <NumberInput
              key={field}
              id={intakeFieldId(`vitals.${field}`)}
              label={label}
              value={values.vitals[field]}
              onChange={(value) =>
                onUpdate(
                  (v) => ({ ...v, vitals: { ...v.vitals, [field]: String(value) } }),
                  `vitals.${field}`,
                )
              }
              decimalScale={decimals}
              allowDecimal={decimals > 0}
              allowNegative={false}
              hideControls
              error={errors[`vitals.${field}`]}
            />
          ))}
        </SimpleGrid>
      </Section>
    </Stack>
  );
}
