/**
 * A client's coverage: insurance policies (primary / secondary, member and group IDs, the insured when it
 * is not the client) and auto / workers' comp cases (claim number, injury, adjuster, employer, attorney).
 */
import { useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCar, IconId, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CASE_KINDS, POLICY_PRIORITIES, RELATIONSHIPS } from '../../../modules/coverage/domain/coverage.js';
import {
  billingKeys,
  createCase,
  createPolicy,
  getCoverage,
  listPayers,
  updateCase,
  updatePolicy,
  type CaseInput,
  type CoverageCase,
  type Policy,
  type PolicyInput,
} from '../../api/billing.js';
import { isApiError } from '../../api/http.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { Section } from '../../components/Section.js';
import { formatDay } from '../episodes/episode-ui.js';
import { centsFromDollars, dollarsFromCents, formatMoney, MoneyInput } from './billing-ui.js';
import { CASE_KIND_LABELS, PRIORITY_LABELS, RELATIONSHIP_LABELS, SEX_LABELS } from './coverage-labels.js';

type Dialog =
  { kind: 'policy'; policy: Policy | null } | { kind: 'case'; coverageCase: CoverageCase | null } | null;

export function CoverageSection({ clientId, clientName }: { clientId: string; clientName: string }) {
  const canWrite = useCan('coverage:write');
  const query = useQuery({ queryKey: billingKeys.coverage(clientId), queryFn: () => getCoverage(clientId) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [showArchived, setShowArchived] = useState(false);
  const policies = (query.data?.policies ?? [])
    .filter((p) => showArchived || !p.archived)
    .sort(
      (a, b) =>
        Number(a.archived) - Number(b.archived) ||
        POLICY_PRIORITIES.indexOf(a.priority) - POLICY_PRIORITIES.indexOf(b.priority),
    );
  const cases = (query.data?.cases ?? []).filter((c) => showArchived || !c.closed);
  const hidden =
    (query.data?.policies.filter((p) => p.archived).length ?? 0) +
    (query.data?.cases.filter((c) => c.closed).length ?? 0);

  return (
    <Section
      title="Insurance and cases"
      id="coverage"
      description="Who pays for this client's care: from the insurance card or the adjuster's letter."
      actions={
        canWrite && (
          <Group gap="xs" justify="flex-end">
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'policy', policy: null })}
            >
              Add policy
            </Button>
            <Button
              variant="default"
              leftSection={<IconCar size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'case', coverageCase: null })}
            >
              Add case
            </Button>
          </Group>
        )
      }
    >
      {query.isPending ? (
        <Skeleton height={90} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The coverage could not be loaded" />
      ) : policies.length === 0 && cases.length === 0 ? (
        <Text size="sm" c="dimmed">
          No insurance or case on file: {clientName} pays for their own visits unless one is added.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {policies.map((policy) => (
            <PolicyCard
              key={policy.id}
              policy={policy}
              canWrite={canWrite}
              onEdit={() => setDialog({ kind: 'policy', policy })}
            />
          ))}
          {cases.map((coverageCase) => (
            <CaseCard
              key={coverageCase.id}
              coverageCase={coverageCase}
              canWrite={canWrite}
              onEdit={() => setDialog({ kind: 'case', coverageCase })}
            />
          ))}
        </SimpleGrid>
      )}
      {hidden > 0 && (
        <Switch
          mt="sm"
          size="sm"
          label={`Show archived policies and closed cases (${hidden})`}
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
        />
      )}
      <Modal
        opened={dialog?.kind === 'policy'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'policy' && dialog.policy ? 'Edit policy' : 'Add an insurance policy'}
        size="lg"
      >
        {dialog?.kind === 'policy' && (
          <PolicyForm clientId={clientId} policy={dialog.policy} onDone={() => setDialog(null)} />
        )}
      </Modal>
      <Modal
        opened={dialog?.kind === 'case'}
        onClose={() => setDialog(null)}
        title={
          dialog?.kind === 'case' && dialog.coverageCase ? 'Edit case' : "Open an auto or workers' comp case"
        }
        size="lg"
      >
        {dialog?.kind === 'case' && (
          <CaseForm clientId={clientId} coverageCase={dialog.coverageCase} onDone={() => setDialog(null)} />
        )}
      </Modal>
    </Section>
  );
}

function Line({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <Text size="sm">
      <Text span size="sm" c="dimmed">
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
}

function PolicyCard({ policy, canWrite, onEdit }: { policy: Policy; canWrite: boolean; onEdit: () => void }) {
  const subscriber = policy.subscriber;
  return (
    <Paper
      p="md"
      component="article"
      aria-label={`${policy.payerName}, ${PRIORITY_LABELS[policy.priority]} policy`}
      bg={policy.archived ? 'gray.0' : undefined}
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb={6} wrap="nowrap">
        <Group gap={6} wrap="wrap">
          <IconId size={18} aria-hidden color="var(--mantine-color-palpa-7)" />
          <Title order={3} fz="md">
            {policy.payerName}
          </Title>
          <Badge variant="light" size="sm" color={policy.priority === 'primary' ? 'blue' : 'gray'}>
            {PRIORITY_LABELS[policy.priority]}
          </Badge>
          {policy.archived && (
            <Badge variant="outline" size="sm" color="gray">
              Archived
            </Badge>
          )}
        </Group>
        {canWrite && (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPencil size={14} aria-hidden />}
            style={{ flexShrink: 0 }}
            onClick={onEdit}
            aria-label={`Edit the ${policy.payerName} policy`}
          >
            Edit
          </Button>
        )}
      </Group>
      <Stack gap={2}>
        <Line label="Member ID" value={policy.memberId} />
        <Line label="Group" value={policy.groupNumber} />
        <Line label="Plan" value={policy.planName} />
        <Line
          label="Relationship"
          value={policy.relationship === 'self' ? 'Self' : RELATIONSHIP_LABELS[policy.relationship]}
        />
        {subscriber && policy.relationship !== 'self' && (
          <Line
            label="Insured"
            value={[
              `${subscriber.givenName} ${subscriber.familyName}`,
              subscriber.dateOfBirth ? `born ${formatDay(subscriber.dateOfBirth)}` : null,
              subscriber.sex ? SEX_LABELS[subscriber.sex] : null,
            ]
              .filter(Boolean)
              .join(', ')}
          />
        )}
        <Line
          label="Effective"
          value={
            policy.effectiveFrom || policy.effectiveTo
              ? `${policy.effectiveFrom ? formatDay(policy.effectiveFrom) : '…'} – ${policy.effectiveTo ? formatDay(policy.effectiveTo) : 'open'}`
              : null
          }
        />
        <Line label="Copay" value={policy.copayCents !== null ? formatMoney(policy.copayCents) : null} />
      </Stack>
    </Paper>
  );
}

function CaseCard({
  coverageCase,
  canWrite,
  onEdit,
}: {
  coverageCase: CoverageCase;
  canWrite: boolean;
  onEdit: () => void;
}) {
  const c = coverageCase;
  return (
    <Paper
      p="md"
      component="article"
      aria-label={`${c.payerName}, ${CASE_KIND_LABELS[c.kind]} case`}
      bg={c.closed ? 'gray.0' : undefined}
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb={6} wrap="nowrap">
        <Group gap={6} wrap="wrap">
          <IconCar size={18} aria-hidden color="var(--mantine-color-orange-7)" />
          <Title order={3} fz="md">
            {c.payerName}
          </Title>
          <Badge variant="light" size="sm" color="orange">
            {c.kind === 'auto' ? 'Auto' : c.kind === 'workers_comp' ? "Workers' comp" : 'Accident'}
          </Badge>
          {c.closed && (
            <Badge variant="outline" size="sm" color="gray">
              Closed
            </Badge>
          )}
        </Group>
        {canWrite && (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPencil size={14} aria-hidden />}
            style={{ flexShrink: 0 }}
            onClick={onEdit}
            aria-label={`Edit the ${c.payerName} case`}
          >
            Edit
          </Button>
        )}
      </Group>
      <Stack gap={2}>
        <Line label="Claim no." value={c.claimNumber} />
        <Line label="Policy no." value={c.policyNumber} />
        <Line
          label="Injury"
          value={
            [c.injuryDate ? formatDay(c.injuryDate) : null, c.accidentState].filter(Boolean).join(', ') ||
            null
          }
        />
        <Line
          label="Adjuster"
          value={
            c.adjuster
              ? [c.adjuster.name, c.adjuster.phone, c.adjuster.email].filter(Boolean).join(' · ')
              : null
          }
        />
        <Line label="Employer" value={c.employerName} />
        <Line
          label="Attorney"
          value={c.attorney ? [c.attorney.name, c.attorney.phone].filter(Boolean).join(' · ') : null}
        />
      </Stack>
    </Paper>
  );
}

// ---------------------------------------------------------------------------------------------------------

/** Active payers, those of the preferred claim types first. */
function usePayerOptions(preferred: readonly string[]) {
  const payers = useQuery({ queryKey: billingKeys.payers, queryFn: listPayers });
  const rank = (type: string) => (preferred.includes(type) ? preferred.indexOf(type) : preferred.length);
  const items = (payers.data?.items ?? [])
    .filter((p) => !p.archived)
    .sort((a, b) => rank(a.claimType) - rank(b.claimType) || a.name.localeCompare(b.name));
  return { payers, options: items.map((p) => ({ value: p.id, label: `${p.name} (${p.payerId})` })) };
}

type PolicyValues = {
  payerId: string;
  priority: Policy['priority'];
  memberId: string;
  groupNumber: string;
  planName: string;
  relationship: Policy['relationship'];
  subGiven: string;
  subFamily: string;
  subDob: string;
  subSex: '' | 'F' | 'M' | 'U';
  effectiveFrom: string;
  effectiveTo: string;
  copay: number | string;
  archived: boolean;
};

function PolicyForm({
  clientId,
  policy,
  onDone,
}: {
  clientId: string;
  policy: Policy | null;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const { payers, options } = usePayerOptions(['health']);
  const [values, setValues] = useState<PolicyValues>({
    payerId: policy?.payerId ?? '',
    priority: policy?.priority ?? 'primary',
    memberId: policy?.memberId ?? '',
    groupNumber: policy?.groupNumber ?? '',
    planName: policy?.planName ?? '',
    relationship: policy?.relationship ?? 'self',
    subGiven: policy?.subscriber?.givenName ?? '',
    subFamily: policy?.subscriber?.familyName ?? '',
    subDob: policy?.subscriber?.dateOfBirth ?? '',
    subSex: policy?.subscriber?.sex ?? '',
    effectiveFrom: policy?.effectiveFrom ?? '',
    effectiveTo: policy?.effectiveTo ?? '',
    copay: dollarsFromCents(policy?.copayCents),
    archived: policy?.archived ?? false,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof PolicyValues>(key: K, value: PolicyValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: '' }));
  };
  const payerId = values.payerId || options[0]?.value || '';

  const save = useMutation({
    mutationFn: () => {
      const input: PolicyInput = {
        payerId,
        priority: values.priority,
        memberId: values.memberId.trim(),
        groupNumber: values.groupNumber.trim() || null,
        planName: values.planName.trim() || null,
        relationship: values.relationship,
        subscriber:
          values.relationship === 'self'
            ? null
            : {
                givenName: values.subGiven.trim(),
                familyName: values.subFamily.trim(),
                dateOfBirth: values.subDob || null,
                sex: values.subSex || null,
              },
        effectiveFrom: values.effectiveFrom || null,
        effectiveTo: values.effectiveTo || null,
        copayCents: centsFromDollars(values.copay),
      };
      return policy
        ? updatePolicy(policy.id, { ...input, archived: values.archived, version: policy.version })
        : createPolicy(clientId, input);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: billingKeys.coverage(clientId) });
      notifications.show({
        color: 'teal',
        title: policy ? 'Policy saved' : 'Policy added',
        message: `${saved.payerName}, member ID ${saved.memberId}`,
      });
      onDone();
    },
    onError: (error) => {
      const mapped: FieldErrors = {};
      for (const [path, message] of Object.entries(fieldErrorsFrom(error))) {
        const key =
          path === 'subscriber' ? 'subGiven' : path.startsWith('subscriber.') ? subscriberKey(path) : path;
        mapped[key] = message;
      }
      setErrors(mapped);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!payerId) problems.payerId = 'Choose the payer (add it in Billing › Set-up first).';
    if (!values.memberId.trim()) problems.memberId = 'Enter the member ID from the card.';
    if (values.relationship !== 'self') {
      if (!values.subGiven.trim()) problems.subGiven = "Enter the insured's first name.";
      if (!values.subFamily.trim()) problems.subFamily = "Enter the insured's last name.";
    }
    if (Object.keys(problems).length) {
      setErrors(problems);
      return;
    }
    save.mutate();
  };
  const general =
    save.error && (!isApiError(save.error) || save.error.errors.length === 0) ? save.error : null;

  return (
    <form onSubmit={submit} noValidate aria-label="Insurance policy">
      <Stack gap="md">
        {general && <ApiErrorAlert error={general} />}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <NativeSelect
            label="Payer"
            required
            data={
              payers.isPending
                ? [{ value: '', label: 'Loading…' }]
                : options.length
                  ? options
                  : [{ value: '', label: 'No health payer set up' }]
            }
            value={payerId}
            onChange={(e) => set('payerId', e.currentTarget.value)}
            error={errors.payerId || undefined}
            data-autofocus
          />
          <NativeSelect
            label="Priority"
            data={POLICY_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
            value={values.priority}
            onChange={(e) => set('priority', e.currentTarget.value as Policy['priority'])}
            error={errors.priority || undefined}
          />
          <TextInput
            label="Member ID"
            description="Box 1a, exactly as on the card."
            required
            maxLength={80}
            value={values.memberId}
            onChange={(e) => set('memberId', e.currentTarget.value)}
            error={errors.memberId || undefined}
          />
          <TextInput
            label="Group number"
            maxLength={50}
            value={values.groupNumber}
            onChange={(e) => set('groupNumber', e.currentTarget.value)}
            error={errors.groupNumber || undefined}
          />
          <TextInput
            label="Plan name"
            maxLength={60}
            value={values.planName}
            onChange={(e) => set('planName', e.currentTarget.value)}
          />
          <NativeSelect
            label="Client's relationship to the insured"
            data={RELATIONSHIPS.map((r) => ({ value: r, label: RELATIONSHIP_LABELS[r] }))}
            value={values.relationship}
            onChange={(e) => set('relationship', e.currentTarget.value as Policy['relationship'])}
          />
        </SimpleGrid>
        {values.relationship !== 'self' && (
          <Paper p="sm" bg="gray.0" withBorder={false}>
            <Title order={3} fz="sm" mb="xs">
              The insured (policy holder)
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                label="First name"
                required
                maxLength={35}
                value={values.subGiven}
                onChange={(e) => set('subGiven', e.currentTarget.value)}
                error={errors.subGiven || undefined}
              />
              <TextInput
                label="Last name"
                required
                maxLength={60}
                value={values.subFamily}
                onChange={(e) => set('subFamily', e.currentTarget.value)}
                error={errors.subFamily || undefined}
              />
              <TextInput
                type="date"
                label="Date of birth"
                value={values.subDob}
                onChange={(e) => set('subDob', e.currentTarget.value)}
                error={errors.subDob || undefined}
              />
              <NativeSelect
                label="Sex"
                data={[
                  { value: '', label: 'Not recorded' },
                  ...(['F', 'M', 'U'] as const).map((s) => ({ value: s, label: SEX_LABELS[s] })),
                ]}
                value={values.subSex}
                onChange={(e) => set('subSex', e.currentTarget.value as PolicyValues['subSex'])}
              />
            </SimpleGrid>
          </Paper>
        )}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <TextInput
            type="date"
            label="Effective from"
            value={values.effectiveFrom}
            onChange={(e) => set('effectiveFrom', e.currentTarget.value)}
            error={errors.effectiveFrom || undefined}
          />
          <TextInput
            type="date"
            label="Effective to"
            value={values.effectiveTo}
            onChange={(e) => set('effectiveTo', e.currentTarget.value)}
            error={errors.effectiveTo || undefined}
          />
          <MoneyInput
            label="Copay"
            value={values.copay}
            onChange={(value) => set('copay', value)}
            max={1000}
            error={errors.copayCents || undefined}
          />
        </SimpleGrid>
        {policy && (
          <Switch
            label="Archived"
            description="No longer in force: kept for past claims."
            checked={values.archived}
            onChange={(e) => set('archived', e.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {policy ? 'Save policy' : 'Add policy'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function subscriberKey(path: string): string {
  if (path.includes('givenName')) return 'subGiven';
  if (path.includes('familyName')) return 'subFamily';
  if (path.includes('dateOfBirth')) return 'subDob';
  return 'subGiven';
}

type CaseValues = {
  payerId: string;
  kind: CoverageCase['kind'];
  claimNumber: string;
  policyNumber: string;
  injuryDate: string;
  accidentState: string;
  adjusterName: string;
  adjusterPhone: string;
  adjusterEmail: string;
  adjusterFax: string;
  attorneyName: string;
  attorneyPhone: string;
  employerName: string;
  unableFrom: string;
  unableTo: string;
  closed: boolean;
};

const contact = (name: string, fields: { phone?: string; email?: string; fax?: string }) =>
  name.trim()
    ? {
        name: name.trim(),
        phone: fields.phone?.trim() || null,
        email: fields.email?.trim() || null,
        fax: fields.fax?.trim() || null,
      }
    : null;

function CaseForm({
  clientId,
  coverageCase,
  onDone,
}: {
  clientId: string;
  coverageCase: CoverageCase | null;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const c = coverageCase;
  const [values, setValues] = useState<CaseValues>({
    payerId: c?.payerId ?? '',
    kind: c?.kind ?? 'auto',
    claimNumber: c?.claimNumber ?? '',
    policyNumber: c?.policyNumber ?? '',
    injuryDate: c?.injuryDate ?? '',
    accidentState: c?.accidentState ?? '',
    adjusterName: c?.adjuster?.name ?? '',
    adjusterPhone: c?.adjuster?.phone ?? '',
    adjusterEmail: c?.adjuster?.email ?? '',
    adjusterFax: c?.adjuster?.fax ?? '',
    attorneyName: c?.attorney?.name ?? '',
    attorneyPhone: c?.attorney?.phone ?? '',
    employerName: c?.employerName ?? '',
    unableFrom: c?.unableToWorkFrom ?? '',
    unableTo: c?.unableToWorkTo ?? '',
    closed: c?.closed ?? false,
  });
  const { payers, options } = usePayerOptions(values.kind === 'workers_comp' ? ['workers_comp'] : ['auto']);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof CaseValues>(key: K, value: CaseValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: '' }));
  };
  const payerId = options.some((o) => o.value === values.payerId)
    ? values.payerId
    : (options[0]?.value ?? '');

  const save = useMutation({
    mutationFn: () => {
      const input: CaseInput = {
        payerId,
        kind: values.kind,
        claimNumber: values.claimNumber.trim() || null,
        policyNumber: values.policyNumber.trim() || null,
        injuryDate: values.injuryDate || null,
        accidentState: values.accidentState.trim() || null,
        adjuster: contact(values.adjusterName, {
          phone: values.adjusterPhone,
          email: values.adjusterEmail,
          fax: values.adjusterFax,
        }),
        attorney: contact(values.attorneyName, { phone: values.attorneyPhone }),
        employerName: values.employerName.trim() || null,
        unableToWorkFrom: values.unableFrom || null,
        unableToWorkTo: values.unableTo || null,
      };
      return c
        ? updateCase(c.id, { ...input, closed: values.closed, version: c.version })
        : createCase(clientId, input);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: billingKeys.coverage(clientId) });
      notifications.show({
        color: 'teal',
        title: c ? 'Case saved' : 'Case opened',
        message: `${saved.payerName}${saved.claimNumber ? `, claim ${saved.claimNumber}` : ''}`,
      });
      onDone();
    },
    onError: (error) => {
      const mapped: FieldErrors = {};
      for (const [path, message] of Object.entries(fieldErrorsFrom(error)))
        mapped[
          path.startsWith('adjuster') ? 'adjusterName' : path.startsWith('attorney') ? 'attorneyName' : path
        ] = message;
      setErrors(mapped);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!payerId) {
      setErrors({ payerId: 'Choose the carrier (add it in Billing › Set-up first).' });
      return;
    }
    save.mutate();
  };
  const general =
    save.error && (!isApiError(save.error) || save.error.errors.length === 0) ? save.error : null;

  return (
    <form onSubmit={submit} noValidate aria-label="Accident case">
      <Stack gap="md">
        {general && <ApiErrorAlert error={general} />}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <NativeSelect
            label="Kind"
            data={CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_LABELS[k] }))}
            value={values.kind}
            onChange={(e) => set('kind', e.currentTarget.value as CoverageCase['kind'])}
            data-autofocus
          />
          <NativeSelect
            label="Carrier"
            required
            data={
              payers.isPending
                ? [{ value: '', label: 'Loading…' }]
                : options.length
                  ? options
                  : [{ value: '', label: 'No carrier set up' }]
            }
            value={payerId}
            onChange={(e) => set('payerId', e.currentTarget.value)}
            error={errors.payerId || undefined}
          />
          <TextInput
            label="Claim number"
            description="The carrier's number for this accident."
            maxLength={50}
            value={values.claimNumber}
            onChange={(e) => set('claimNumber', e.currentTarget.value)}
            error={errors.claimNumber || undefined}
          />
          <TextInput
            label="Policy number"
            maxLength={50}
            value={values.policyNumber}
            onChange={(e) => set('policyNumber', e.currentTarget.value)}
            error={errors.policyNumber || undefined}
          />
          <TextInput
            type="date"
            label="Injury date"
            value={values.injuryDate}
            onChange={(e) => set('injuryDate', e.currentTarget.value)}
            error={errors.injuryDate || undefined}
          />
          <TextInput
            label="Accident state"
            description="Two letters (box 10b)"
            maxLength={2}
            value={values.accidentState}
            onChange={(e) => set('accidentState', e.currentTarget.value.toUpperCase())}
            error={errors.accidentState || undefined}
          />
        </SimpleGrid>
        <Paper p="sm" bg="gray.0" withBorder={false}>
          <Title order={3} fz="sm" mb="xs">
            Adjuster
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label="Name"
              maxLength={80}
              value={values.adjusterName}
              onChange={(e) => set('adjusterName', e.currentTarget.value)}
              error={errors.adjusterName || undefined}
            />
            <TextInput
              label="Phone"
              type="tel"
              maxLength={30}
              value={values.adjusterPhone}
              onChange={(e) => set('adjusterPhone', e.currentTarget.value)}
            />
            <TextInput
              label="Email"
              type="email"
              maxLength={120}
              value={values.adjusterEmail}
              onChange={(e) => set('adjusterEmail', e.currentTarget.value)}
            />
            <TextInput
              label="Fax"
              type="tel"
              maxLength={30}
              value={values.adjusterFax}
              onChange={(e) => set('adjusterFax', e.currentTarget.value)}
            />
          </SimpleGrid>
        </Paper>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          {values.kind === 'workers_comp' && (
            <TextInput
              label="Employer"
              maxLength={60}
              value={values.employerName}
              onChange={(e) => set('employerName', e.currentTarget.value)}
              error={errors.employerName || undefined}
            />
          )}
          <TextInput
            label="Attorney (optional)"
            maxLength={80}
            value={values.attorneyName}
            onChange={(e) => set('attorneyName', e.currentTarget.value)}
            error={errors.attorneyName || undefined}
          />
          <TextInput
            label="Attorney's phone"
            type="tel"
            maxLength={30}
            value={values.attorneyPhone}
            onChange={(e) => set('attorneyPhone', e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label="Unable to work from (box 16)"
            value={values.unableFrom}
            onChange={(e) => set('unableFrom', e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label="Unable to work to"
            value={values.unableTo}
            onChange={(e) => set('unableTo', e.currentTarget.value)}
          />
        </SimpleGrid>
        {c && (
          <Switch
            label="Closed"
            description="The carrier closed the claim."
            checked={values.closed}
            onChange={(e) => set('closed', e.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {c ? 'Save case' : 'Open case'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
