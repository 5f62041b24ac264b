/** Set-up › payers: who the clinic bills, with each payer's claim type and rules the scrubber applies. */
import { useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CLAIM_TYPES,
  FILING_INDICATOR_LABELS,
  FILING_INDICATORS,
} from '../../../modules/billing/domain/billing-setup.js';
import {
  billingKeys,
  createPayer,
  listPayers,
  updatePayer,
  type Payer,
  type PayerInput,
} from '../../api/billing.js';
import { isApiError } from '../../api/http.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { Section } from '../../components/Section.js';
import { CLAIM_TYPE_LABELS, UNIT_METHOD_LABELS, UNIT_METHOD_SHORT } from './coverage-labels.js';

type Editing = { payer: Payer | null } | null;

export function SetupPayers({ canSetup }: { canSetup: boolean }) {
  const query = useQuery({ queryKey: billingKeys.payers, queryFn: listPayers });
  const [editing, setEditing] = useState<Editing>(null);
  const payers = (query.data?.items ?? [])
    .slice()
    .sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name));

  return (
    <Section
      title="Payers"
      id="billing-payers"
      description="Insurers, auto carriers and workers' comp carriers the clinic bills, with their rules."
      actions={
        canSetup && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing({ payer: null })}
          >
            Add payer
          </Button>
        )
      }
    >
      {query.isPending ? (
        <Skeleton height={80} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The payers could not be loaded" />
      ) : payers.length === 0 ? (
        <Text size="sm" c="dimmed">
          No payer yet.{' '}
          {canSetup ? 'Add the insurers you bill, with the payer ID from the clearinghouse list.' : ''}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table horizontalSpacing="sm" aria-label="Payers">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Payer</Table.Th>
                <Table.Th>Claim type</Table.Th>
                <Table.Th>Units</Table.Th>
                <Table.Th>Rules</Table.Th>
                {canSetup && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {payers.map((payer) => (
                <Table.Tr key={payer.id} style={payer.archived ? { opacity: 0.7 } : undefined}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" fw={600}>
                        {payer.name}
                      </Text>
                      {payer.archived && (
                        <Badge size="xs" color="gray" variant="outline">
                          Archived
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      Payer ID {payer.payerId}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{CLAIM_TYPE_LABELS[payer.claimType]}</Text>
                    <Text size="xs" c="dimmed">
                      {payer.filingIndicator} · {FILING_INDICATOR_LABELS[payer.filingIndicator]}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{UNIT_METHOD_SHORT[payer.unitMethod]}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {payer.requiresGp && (
                        <Badge size="sm" variant="light" color="blue">
                          GP required
                        </Badge>
                      )}
                      {payer.bundles97124With97140 && (
                        <Badge size="sm" variant="light" color="grape">
                          Bundles 97124 + 97140
                        </Badge>
                      )}
                      {payer.requiresReferringProvider && (
                        <Badge size="sm" variant="light" color="teal">
                          Prescription required
                        </Badge>
                      )}
                      {!payer.requiresGp &&
                        !payer.bundles97124With97140 &&
                        !payer.requiresReferringProvider && (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                    </Group>
                  </Table.Td>
                  {canSetup && (
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        onClick={() => setEditing({ payer })}
                        aria-label={`Edit ${payer.name}`}
                      >
                        Edit
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.payer ? `Edit ${editing.payer.name}` : 'Add a payer'}
        size="lg"
      >
        {editing && <PayerForm payer={editing.payer} onDone={() => setEditing(null)} />}
      </Modal>
    </Section>
  );
}

type PayerForm = {
  name: string;
  payerId: string;
  claimType: Payer['claimType'];
  filingIndicator: Payer['filingIndicator'];
  unitMethod: Payer['unitMethod'];
  requiresGp: boolean;
  bundles97124With97140: boolean;
  requiresReferringProvider: boolean;
  line1: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  archived: boolean;
};

function toForm(payer: Payer | null): PayerForm {
  return {
    name: payer?.name ?? '',
    payerId: payer?.payerId ?? '',
    claimType: payer?.claimType ?? 'health',
    filingIndicator: payer?.filingIndicator ?? 'CI',
    unitMethod: payer?.unitMethod ?? 'cms',
    requiresGp: payer?.requiresGp ?? false,
    bundles97124With97140: payer?.bundles97124With97140 ?? false,
    requiresReferringProvider: payer?.requiresReferringProvider ?? true,
    line1: payer?.address?.line1 ?? '',
    city: payer?.address?.city ?? '',
    state: payer?.address?.state ?? '',
    zip: payer?.address?.zip ?? '',
    phone: payer?.phone ?? '',
    archived: payer?.archived ?? false,
  };
}

/** The filing indicator that usually goes with a claim type. */
const DEFAULT_FILING: Record<Payer['claimType'], Payer['filingIndicator']> = {
  health: 'CI',
  auto: 'AM',
  workers_comp: 'WC',
};

const PATH_TO_FIELD: Record<string, string> = {
  'address.line1': 'line1',
  'address.city': 'city',
  'address.state': 'state',
  'address.zip': 'zip',
};

function PayerForm({ payer, onDone }: { payer: Payer | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => toForm(payer));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof PayerForm>(key: K, value: PayerForm[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: '' }));
  };
  const hasAddress = [values.line1, values.city, values.state, values.zip].some((v) => v.trim());

  const save = useMutation({
    mutationFn: () => {
      const input: PayerInput = {
        name: values.name.trim(),
        payerId: values.payerId.trim(),
        claimType: values.claimType,
        filingIndicator: values.filingIndicator,
        unitMethod: values.unitMethod,
        requiresGp: values.requiresGp,
        bundles97124With97140: values.bundles97124With97140,
        requiresReferringProvider: values.requiresReferringProvider,
        address: hasAddress
          ? {
              line1: values.line1.trim(),
              city: values.city.trim(),
              state: values.state.trim(),
              zip: values.zip.trim(),
            }
          : null,
        phone: values.phone.trim() || null,
      };
      return payer
        ? updatePayer(payer.id, { ...input, archived: values.archived, version: payer.version })
        : createPayer(input);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: billingKeys.all });
      notifications.show({
        color: 'teal',
        title: payer ? 'Payer saved' : 'Payer added',
        message: saved.name,
      });
      onDone();
    },
    onError: (error) => {
      const mapped: FieldErrors = {};
      for (const [path, message] of Object.entries(fieldErrorsFrom(error)))
        mapped[PATH_TO_FIELD[path] ?? path] = message;
      setErrors(mapped);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!values.name.trim()) problems.name = 'Enter the payer name.';
    if (!values.payerId.trim()) problems.payerId = 'Enter the payer ID from the clearinghouse list.';
    if (Object.keys(problems).length) {
      setErrors(problems);
      return;
    }
    save.mutate();
  };
  const general =
    save.error && (!isApiError(save.error) || save.error.errors.length === 0) ? save.error : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {general && <ApiErrorAlert error={general} />}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label="Name"
            required
            maxLength={60}
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name || undefined}
            data-autofocus
          />
          <TextInput
            label="Payer ID"
            description="As in the clearinghouse's payer list."
            required
            maxLength={80}
            value={values.payerId}
            onChange={(e) => set('payerId', e.currentTarget.value.toUpperCase())}
            error={errors.payerId || undefined}
          />
          <NativeSelect
            label="Claim type"
            data={CLAIM_TYPES.map((type) => ({ value: type, label: CLAIM_TYPE_LABELS[type] }))}
            value={values.claimType}
            onChange={(e) => {
              const claimType = e.currentTarget.value as Payer['claimType'];
              setValues((current) => ({ ...current, claimType, filingIndicator: DEFAULT_FILING[claimType] }));
            }}
          />
          <NativeSelect
            label="Claim filing indicator"
            description="837P SBR09: what kind of plan this is."
            data={FILING_INDICATORS.map((code) => ({
              value: code,
              label: `${code} · ${FILING_INDICATOR_LABELS[code]}`,
            }))}
            value={values.filingIndicator}
            onChange={(e) => set('filingIndicator', e.currentTarget.value as Payer['filingIndicator'])}
            error={errors.filingIndicator || undefined}
          />
        </SimpleGrid>
        <Radio.Group
          label="Units for timed codes"
          description="Ask the payer which rule it follows; Medicare-style plans use the 8-minute rule."
          value={values.unitMethod}
          onChange={(value) => set('unitMethod', value)}
        >
          <Stack gap={6} mt={6}>
            <Radio value="cms" label={UNIT_METHOD_LABELS.cms} />
            <Radio value="per-code" label={UNIT_METHOD_LABELS['per-code']} />
          </Stack>
        </Radio.Group>
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            Rules the claim check applies
          </Text>
          <Checkbox
            label="Requires the GP modifier on therapy codes"
            checked={values.requiresGp}
            onChange={(e) => set('requiresGp', e.currentTarget.checked)}
          />
          <Checkbox
            label="Bundles 97124 with 97140 on the same region"
            description="The payer pays only one of them for one body region on a day."
            checked={values.bundles97124With97140}
            onChange={(e) => set('bundles97124With97140', e.currentTarget.checked)}
          />
          <Checkbox
            label="Requires a prescription (referring provider, box 17)"
            checked={values.requiresReferringProvider}
            onChange={(e) => set('requiresReferringProvider', e.currentTarget.checked)}
          />
        </Stack>
        <Title order={3} fz="sm">
          Claims address (for paper claims)
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label="Street or PO box"
            value={values.line1}
            onChange={(e) => set('line1', e.currentTarget.value)}
            error={errors.line1 || undefined}
          />
          <TextInput
            label="City"
            value={values.city}
            onChange={(e) => set('city', e.currentTarget.value)}
            error={errors.city || undefined}
          />
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <TextInput
              label="State"
              maxLength={2}
              w={90}
              value={values.state}
              onChange={(e) => set('state', e.currentTarget.value.toUpperCase())}
              error={errors.state || undefined}
            />
            <TextInput
              label="ZIP"
              maxLength={10}
              style={{ flex: 1 }}
              value={values.zip}
              onChange={(e) => set('zip', e.currentTarget.value)}
              error={errors.zip || undefined}
            />
          </Group>
          <TextInput
            label="Phone"
            type="tel"
            value={values.phone}
            onChange={(e) => set('phone', e.currentTarget.value)}
            error={errors.phone || undefined}
          />
        </SimpleGrid>
        {payer && (
          <Switch
            label="Archived"
            description="Hidden when adding coverage; claims already made keep it."
            checked={values.archived}
            onChange={(e) => set('archived', e.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {payer ? 'Save payer' : 'Add payer'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
