/**
 * Records a prescription (or corrects one, sending its version): prescriber with a live NPI check,
 * ICD-10-CM diagnoses, the order and its terms. The server's field errors land on the matching field.
 */
import { useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { npiProblem } from '../../../../modules/prescriptions/domain/npi.js';
import {
  checkNpi,
  createPrescription,
  updatePrescription,
  type Prescription,
} from '../../../api/clinical.js';
import { isApiError } from '../../../api/http.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { ErrorSummary, type SummaryItem } from '../../../components/ErrorSummary.js';
import { todayDateOnly } from '../../../components/format.js';
import { Icd10Picker, type Diagnosis } from './Icd10Picker.js';

type Values = {
  prescriberName: string;
  prescriberPractice: string;
  prescriberPhone: string;
  prescriberFax: string;
  prescriberNpi: string;
  writtenOn: string;
  diagnoses: Diagnosis[];
  orderText: string;
  frequencyPerWeek: number | string;
  durationWeeks: number | string;
  visitsAuthorised: number | string;
  expiresOn: string;
  priorAuthNumber: string;
};
type Field = keyof Values;

const LABELS: Record<Field, string> = {
  prescriberName: "Prescriber's name",
  prescriberPractice: 'Practice',
  prescriberPhone: 'Phone',
  prescriberFax: 'Fax',
  prescriberNpi: 'NPI',
  writtenOn: 'Date written',
  diagnoses: 'Diagnoses',
  orderText: 'Order',
  frequencyPerWeek: 'Visits per week',
  durationWeeks: 'For how many weeks',
  visitsAuthorised: 'Visits authorised',
  expiresOn: 'Expires on',
  priorAuthNumber: 'Prior authorisation number',
};
const FIELD_ORDER = Object.keys(LABELS) as Field[];
const fieldId = (field: Field) => `rx-${field}`;

function toValues(p: Prescription | undefined): Values {
  return {
    prescriberName: p?.prescriberName ?? '',
    prescriberPractice: p?.prescriberPractice ?? '',
    prescriberPhone: p?.prescriberPhone ?? '',
    prescriberFax: p?.prescriberFax ?? '',
    prescriberNpi: p?.prescriberNpi ?? '',
    writtenOn: p?.writtenOn ?? todayDateOnly(),
    diagnoses: p?.diagnoses ?? [],
    orderText: p?.orderText ?? '',
    frequencyPerWeek: p?.frequencyPerWeek ?? '',
    durationWeeks: p?.durationWeeks ?? '',
    visitsAuthorised: p?.visitsAuthorised ?? '',
    expiresOn: p?.expiresOn ?? '',
    priorAuthNumber: p?.priorAuthNumber ?? '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const numberOrNull = (value: number | string) =>
  typeof value === 'number' ? value : value.trim() === '' ? null : Number(value);

/** `diagnoses[1]`, `diagnoses.1`, `prescriberNpi` → the form field they belong to. */
function fieldOfPath(path: string): Field | null {
  const head = path.split(/[.[]/)[0] as Field;
  return FIELD_ORDER.includes(head) ? head : null;
}
function indexOfPath(path: string): number | null {
  const match = /^[^.[]+(?:\[(\d+)\]|\.(\d+))/.exec(path);
  return match ? Number(match[1] ?? match[2]) : null;
}

type Problems = {
  errors: Partial<Record<Field, string>>;
  codeErrors: Record<string, string>;
  summary: SummaryItem[];
};

export function PrescriptionForm({
  episodeId,
  prescription,
  onSaved,
  onCancel,
}: {
  episodeId: string;
  prescription?: Prescription;
  onSaved: (saved: Prescription) => void;
  onCancel?: () => void;
}) {
  const editing = prescription !== undefined;
  const [values, setValues] = useState<Values>(() => toValues(prescription));
  const [problems, setProblems] = useState<Problems | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const npi = values.prescriberNpi.trim();
  const npiComplete = /^\d{10}$/.test(npi);

  const npiCheck = useQuery({
    queryKey: ['npi-check', npi],
    queryFn: () => checkNpi(npi),
    enabled: npiComplete,
    staleTime: Infinity,
  });

  const set = <K extends Field>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (problems?.errors[field]) {
      setProblems({ ...problems, errors: { ...problems.errors, [field]: undefined } });
    }
  };

  const showProblems = (next: Problems) => {
    setProblems(next);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const save = useMutation({
    mutationFn: () => {
      const body = {
        prescriberName: values.prescriberName.trim(),
        prescriberPractice: orNull(values.prescriberPractice),
        prescriberPhone: orNull(values.prescriberPhone),
        prescriberFax: orNull(values.prescriberFax),
        prescriberNpi: orNull(values.prescriberNpi),
        writtenOn: values.writtenOn,
        diagnoses: values.diagnoses.map((d) => d.code),
        orderText: orNull(values.orderText),
        frequencyPerWeek: numberOrNull(values.frequencyPerWeek),
        durationWeeks: numberOrNull(values.durationWeeks),
        visitsAuthorised: numberOrNull(values.visitsAuthorised),
        expiresOn: orNull(values.expiresOn),
        priorAuthNumber: orNull(values.priorAuthNumber),
      };
      return editing
        ? updatePrescription(prescription.id, { ...body, version: prescription.version })
        : createPrescription(episodeId, body);
    },
    onSuccess: (saved) => {
      setProblems(null);
      onSaved(saved);
    },
    onError: (error) => {
      if (!isApiError(error) || error.errors.length === 0) {
        setProblems(null);
        return;
      }
      const next: Problems = { errors: {}, codeErrors: {}, summary: [] };
      for (const { path, message } of error.errors) {
        const field = fieldOfPath(path);
        if (!field) {
          next.summary.push({ message });
          continue;
        }
        let text = message;
        if (field === 'diagnoses') {
          const code = values.diagnoses[indexOfPath(path) ?? -1]?.code;
          if (code) {
            next.codeErrors[code] = message;
            if (!message.includes(code)) text = `${code}: ${message}`;
          }
        }
        next.errors[field] = next.errors[field] ? `${next.errors[field]} ${text}` : text;
        next.summary.push({ message: text, label: LABELS[field], fieldId: fieldId(field) });
      }
      showProblems(next);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const errors: Partial<Record<Field, string>> = {};
    if (!values.prescriberName.trim()) errors.prescriberName = "Enter the prescriber's name.";
    if (!values.writtenOn) errors.writtenOn = 'Enter the date the prescription was written.';
    if (values.diagnoses.length === 0) errors.diagnoses = 'Add at least one ICD-10-CM diagnosis.';
    if (npi) {
      const problem = npiProblem(npi);
      if (problem) errors.prescriberNpi = problem;
    }
    if (values.expiresOn && values.writtenOn && values.expiresOn < values.writtenOn)
      errors.expiresOn = 'The expiry date is before the date written.';
    const fields = FIELD_ORDER.filter((field) => errors[field]);
    if (fields.length > 0) {
      showProblems({
        errors,
        codeErrors: {},
        summary: fields.map((field) => ({
          message: errors[field]!,
          label: LABELS[field],
          fieldId: fieldId(field),
        })),
      });
      return;
    }
    setProblems(null);
    save.mutate();
  };

  const errorOf = (field: Field) => problems?.errors[field];
  const generalError =
    save.error && (!isApiError(save.error) || save.error.errors.length === 0) ? save.error : null;

  const npiHint = !npi ? (
    '10 digits, from the prescription pad.'
  ) : !npiComplete ? (
    `${npi.replace(/\D/g, '').length} of 10 digits`
  ) : npiCheck.isPending ? (
    'Checking…'
  ) : npiCheck.data?.valid ? (
    <Group gap={4} component="span" c="teal.8">
      <IconCircleCheck size={14} aria-hidden />
      <span>Check digit OK</span>
    </Group>
  ) : null;
  const npiError =
    errorOf('prescriberNpi') ??
    (npiComplete && npiCheck.data && !npiCheck.data.valid ? (npiProblem(npi) ?? undefined) : undefined);

  return (
    <form onSubmit={submit} noValidate aria-label={editing ? 'Correct the prescription' : 'New prescription'}>
      <Stack gap="lg">
        {problems && problems.summary.length > 0 && (
          <ErrorSummary
            ref={summaryRef}
            title="The prescription was not saved"
            description="Correct the fields below:"
            items={problems.summary}
          />
        )}
        {generalError && <ApiErrorAlert error={generalError} />}

        <Stack gap="sm">
          <Title order={3}>Prescriber</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              id={fieldId('prescriberName')}
              label={LABELS.prescriberName}
              placeholder="Dr. Jane Doe"
              required
              value={values.prescriberName}
              onChange={(e) => set('prescriberName', e.currentTarget.value)}
              error={errorOf('prescriberName')}
              maxLength={200}
              data-autofocus
            />
            <TextInput
              id={fieldId('prescriberPractice')}
              label={LABELS.prescriberPractice}
              value={values.prescriberPractice}
              onChange={(e) => set('prescriberPractice', e.currentTarget.value)}
              error={errorOf('prescriberPractice')}
              maxLength={200}
            />
            <TextInput
              id={fieldId('prescriberPhone')}
              label={LABELS.prescriberPhone}
              type="tel"
              autoComplete="off"
              placeholder="(555) 123-4567"
              value={values.prescriberPhone}
              onChange={(e) => set('prescriberPhone', e.currentTarget.value)}
              error={errorOf('prescriberPhone')}
            />
            <TextInput
              id={fieldId('prescriberFax')}
              label={LABELS.prescriberFax}
              type="tel"
              autoComplete="off"
              placeholder="(555) 123-4568"
              value={values.prescriberFax}
              onChange={(e) => set('prescriberFax', e.currentTarget.value)}
              error={errorOf('prescriberFax')}
            />
            <TextInput
              id={fieldId('prescriberNpi')}
              label={LABELS.prescriberNpi}
              inputMode="numeric"
              autoComplete="off"
              maxLength={10}
              value={values.prescriberNpi}
              onChange={(e) => set('prescriberNpi', e.currentTarget.value.replace(/[^\d]/g, ''))}
              description={npiError ? undefined : npiHint}
              error={npiError}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <TextInput
              id={fieldId('writtenOn')}
              label={LABELS.writtenOn}
              type="date"
              required
              value={values.writtenOn}
              onChange={(e) => set('writtenOn', e.currentTarget.value)}
              error={errorOf('writtenOn')}
            />
          </SimpleGrid>
          <VisuallyHidden aria-live="polite">
            {npiComplete && npiCheck.data
              ? npiCheck.data.valid
                ? 'NPI check digit OK'
                : npiProblem(npi)
              : ''}
          </VisuallyHidden>
        </Stack>

        <Stack gap="sm">
          <Title order={3}>Diagnoses and order</Title>
          <Icd10Picker
            id={fieldId('diagnoses')}
            value={values.diagnoses}
            onChange={(next) => set('diagnoses', next)}
            error={errorOf('diagnoses')}
            codeErrors={problems?.codeErrors}
          />
          <Textarea
            id={fieldId('orderText')}
            label={LABELS.orderText}
            description="As written, e.g. “Medical massage for cervical strain; evaluate and treat.”"
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            value={values.orderText}
            onChange={(e) => set('orderText', e.currentTarget.value)}
            error={errorOf('orderText')}
          />
        </Stack>

        <Stack gap="sm">
          <Title order={3}>Terms</Title>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <NumberInput
              id={fieldId('frequencyPerWeek')}
              label={LABELS.frequencyPerWeek}
              min={1}
              max={7}
              allowDecimal={false}
              allowNegative={false}
              value={values.frequencyPerWeek}
              onChange={(v) => set('frequencyPerWeek', v)}
              error={errorOf('frequencyPerWeek')}
            />
            <NumberInput
              id={fieldId('durationWeeks')}
              label={LABELS.durationWeeks}
              min={1}
              max={104}
              allowDecimal={false}
              allowNegative={false}
              value={values.durationWeeks}
              onChange={(v) => set('durationWeeks', v)}
              error={errorOf('durationWeeks')}
            />
            <NumberInput
              id={fieldId('visitsAuthorised')}
              label={LABELS.visitsAuthorised}
              min={1}
              max={500}
              allowDecimal={false}
              allowNegative={false}
              value={values.visitsAuthorised}
              onChange={(v) => set('visitsAuthorised', v)}
              error={errorOf('visitsAuthorised')}
            />
            <TextInput
              id={fieldId('expiresOn')}
              label={LABELS.expiresOn}
              type="date"
              min={values.writtenOn || undefined}
              value={values.expiresOn}
              onChange={(e) => set('expiresOn', e.currentTarget.value)}
              error={errorOf('expiresOn')}
            />
            <TextInput
              id={fieldId('priorAuthNumber')}
              label={LABELS.priorAuthNumber}
              maxLength={50}
              value={values.priorAuthNumber}
              onChange={(e) => set('priorAuthNumber', e.currentTarget.value)}
              error={errorOf('priorAuthNumber')}
            />
          </SimpleGrid>
        </Stack>

        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            {editing ? 'Save corrections' : 'Save prescription'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
