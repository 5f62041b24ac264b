/**
 * Set-up › service codes and fees (the clinic's fee schedule, standard and per payer), adding a code, and
 * the code-pair (NCCI-style) edits the scrubber checks, read-only with their source.
 */
import { useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
  Skeleton,
  Spoiler,
  Stack,
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
  billingKeys,
  getCodePairEdits,
  listPayers,
  listServiceCodes,
  saveFee,
  saveServiceCode,
  type ServiceCodeEntry,
} from '../../api/billing.js';
import { errorMessage, isApiError } from '../../api/http.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { Section } from '../../components/Section.js';
import { centsFromDollars, dollarsFromCents, formatMoney, Money, MoneyInput } from './billing-ui.js';

export function SetupCodes({ canSetup }: { canSetup: boolean }) {
  return (
    <>
      <ServiceCodesSection canSetup={canSetup} />
      <CodePairSection />
    </>
  );
}

function ServiceCodesSection({ canSetup }: { canSetup: boolean }) {
  const query = useQuery({ queryKey: billingKeys.serviceCodes, queryFn: listServiceCodes });
  const [editing, setEditing] = useState<ServiceCodeEntry | null>(null);
  const [adding, setAdding] = useState(false);

  return (
    <Section
      title="Service codes and fees"
      id="billing-fees"
      description="Fees are per unit. A payer's contracted fee replaces the standard fee on its claims."
      actions={
        canSetup && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            Add a code
          </Button>
        )
      }
    >
      {query.isPending ? (
        <Skeleton height={120} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The service codes could not be loaded" />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table
            horizontalSpacing="sm"
            striped="even"
            stripedColor="gray.0"
            aria-label="Service codes and fees"
          >
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Code</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th ta="right">Standard fee</Table.Th>
                <Table.Th>Payer fees</Table.Th>
                {canSetup && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((entry) => (
                <Table.Tr key={entry.code}>
                  <Table.Td ff="monospace" fw={600}>
                    {entry.code}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.description}</Text>
                    <Group gap={4} mt={2}>
                      <Badge size="xs" variant="light" color={entry.timed ? 'blue' : 'gray'}>
                        {entry.timed ? 'Per 15 min' : 'Per service'}
                      </Badge>
                      {entry.source === 'clinic' && (
                        <Badge size="xs" variant="outline" color="gray">
                          Added by the clinic
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    {entry.feeCents === null ? (
                      <Text size="sm" c="dimmed">
                        No fee
                      </Text>
                    ) : (
                      <Money cents={entry.feeCents} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {entry.payerFees.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    ) : (
                      <Stack gap={0}>
                        {entry.payerFees.map((fee) => (
                          <Text key={fee.payerId} size="xs">
                            {fee.payerName}: {formatMoney(fee.feeCents)}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  {canSetup && (
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        onClick={() => setEditing(entry)}
                        aria-label={`Edit the fees of ${entry.code}`}
                      >
                        Fees
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
        title={editing ? `Fees for ${editing.code}` : 'Fees'}
      >
        {editing && <FeesForm entry={editing} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a service code">
        {adding && <AddCodeForm onDone={() => setAdding(false)} />}
      </Modal>
    </Section>
  );
}

type FeeValue = number | string;

function FeesForm({ entry, onDone }: { entry: ServiceCodeEntry; onDone: () => void }) {
  const queryClient = useQueryClient();
  const payers = useQuery({ queryKey: billingKeys.payers, queryFn: listPayers });
  const [standard, setStandard] = useState<FeeValue>(dollarsFromCents(entry.feeCents));
  const [payerFees, setPayerFees] = useState<Record<string, FeeValue>>(() =>
    Object.fromEntries(entry.payerFees.map((fee) => [fee.payerId, dollarsFromCents(fee.feeCents)])),
  );
  const active = (payers.data?.items ?? []).filter((payer) => !payer.archived);

  const save = useMutation({
    mutationFn: async () => {
      const changes: { payerId: string | null; feeCents: number | null }[] = [];
      const standardCents = centsFromDollars(standard);
      if (standardCents !== entry.feeCents) changes.push({ payerId: null, feeCents: standardCents });
      for (const payer of active) {
        const before = entry.payerFees.find((fee) => fee.payerId === payer.id)?.feeCents ?? null;
        const after = centsFromDollars(payerFees[payer.id]);
        if (after !== before) changes.push({ payerId: payer.id, feeCents: after });
      }
      for (const change of changes) await saveFee({ code: entry.code, ...change });
      return changes.length;
    },
    onSuccess: (count) => {
      void queryClient.invalidateQueries({ queryKey: billingKeys.serviceCodes });
      notifications.show({
        color: count ? 'teal' : 'gray',
        title: count ? 'Fees saved' : 'Nothing to save',
        message: count
          ? `${entry.code}: ${count} ${count === 1 ? 'fee' : 'fees'} changed.`
          : 'No fee was changed.',
      });
      onDone();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {entry.description}. Fees are per unit{entry.timed ? ' (15 minutes)' : ''}; leave a payer empty to
          use the standard fee.
        </Text>
        {save.error !== null && <ApiErrorAlert error={save.error} title="Not every fee was saved" />}
        <MoneyInput
          label="Standard fee"
          value={standard}
          onChange={setStandard}
          max={10_000}
          data-autofocus
          w={200}
        />
        {payers.isPending ? (
          <Skeleton height={36} />
        ) : (
          active.length > 0 && (
            <Stack gap="xs">
              <Title order={3} fz="sm">
                Contracted fees
              </Title>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                {active.map((payer) => (
                  <MoneyInput
                    key={payer.id}
                    label={payer.name}
                    placeholder={standard === '' ? 'No fee' : 'Standard fee'}
                    value={payerFees[payer.id] ?? ''}
                    onChange={(value) => setPayerFees((current) => ({ ...current, [payer.id]: value }))}
                    max={10_000}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          )
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save fees
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddCodeForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [description, setDescription] = useState('');
  const [timed, setTimed] = useState(true);
  const [fee, setFee] = useState<FeeValue>('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: async () => {
      const saved = await saveServiceCode(code.trim().toUpperCase(), {
        description: description.trim(),
        timed,
      });
      const cents = centsFromDollars(fee);
      return cents === null ? saved : saveFee({ code: saved.code, payerId: null, feeCents: cents });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: billingKeys.serviceCodes });
      notifications.show({
        color: 'teal',
        title: 'Code added',
        message: `${saved.code} · ${saved.description}`,
      });
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!/^([0-9]{5}|[A-Z][0-9]{4})$/i.test(code.trim()))
      problems.code = 'A service code is 5 digits (CPT) or a letter and 4 digits (HCPCS).';
    if (!description.trim()) problems.description = 'Describe the service in a few words.';
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
        <TextInput
          label="Code"
          description="CPT (5 digits) or HCPCS (a letter and 4 digits)."
          required
          maxLength={5}
          w={200}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value.toUpperCase());
            setErrors({});
          }}
          error={errors.code}
          data-autofocus
        />
        <TextInput
          label="Description"
          description="Your own short words (CPT descriptors are the AMA's)."
          required
          maxLength={80}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        <Checkbox
          label="Timed: billed per 15 minutes"
          checked={timed}
          onChange={(e) => setTimed(e.currentTarget.checked)}
        />
        <MoneyInput
          label="Standard fee per unit (optional)"
          value={fee}
          onChange={setFee}
          max={10_000}
          w={240}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Add code
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CodePairSection() {
  const query = useQuery({ queryKey: billingKeys.codePairEdits, queryFn: getCodePairEdits });
  return (
    <Section
      title="Code-pair edits"
      id="billing-code-pairs"
      description="Pairs of codes payers do not pay together on one day (NCCI procedure-to-procedure style). The claim check warns about them."
    >
      {query.isPending ? (
        <Skeleton height={80} />
      ) : query.isError ? (
        <Text size="sm" c="red.8">
          {errorMessage(query.error)}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap="xs">
            <Text size="sm">Table in use:</Text>
            <Badge variant="light" color={query.data.source === 'clinic' ? 'grape' : 'gray'}>
              {query.data.source === 'clinic' ? "The clinic's own table" : 'Shipped with Palpa'}
            </Badge>
          </Group>
          {query.data.edits.length === 0 ? (
            <Text size="sm" c="dimmed">
              No code pairs.
            </Text>
          ) : (
            <Spoiler
              maxHeight={320}
              showLabel={`Show all ${query.data.edits.length} code pairs`}
              hideLabel="Show fewer"
            >
              <Table.ScrollContainer minWidth={560}>
                <Table horizontalSpacing="sm" aria-label="Code-pair edits">
                  <Table.Thead bg="gray.0">
                    <Table.Tr>
                      <Table.Th>Paid code</Table.Th>
                      <Table.Th>Denied code</Table.Th>
                      <Table.Th>Together?</Table.Th>
                      <Table.Th>Source</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {query.data.edits.map((edit) => (
                      <Table.Tr key={`${edit.column1}-${edit.column2}`}>
                        <Table.Td ff="monospace" fw={600}>
                          {edit.column1}
                        </Table.Td>
                        <Table.Td ff="monospace" fw={600}>
                          {edit.column2}
                        </Table.Td>
                        <Table.Td>
                          {edit.modifierIndicator === '0'
                            ? 'Never on the same day'
                            : `With 59 or an X modifier on ${edit.column2}, when documented as distinct`}
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c="gray.7">
                            {edit.source}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Spoiler>
          )}
        </Stack>
      )}
    </Section>
  );
}
