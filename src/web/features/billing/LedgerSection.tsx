/**
 * A client's account: what insurance and the client owe, every ledger entry (never edited: a mistake is
 * reversed), payments at the desk, adjustments and write-offs with their reason, and the statement and
 * superbill PDFs for a period.
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAdjustmentsDollar,
  IconArrowBackUp,
  IconCash,
  IconFileInvoice,
  IconFileTypePdf,
  IconInfoCircle,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  billingKeys,
  getLedger,
  recordAdjustment,
  recordPayment,
  reverseEntry,
  statementFile,
  superbillFile,
  superbillProblems,
  type AdjustmentInput,
  type ClientLedger,
  type LedgerEntry,
  type PaymentInput,
} from '../../api/billing.js';
import { isApiError } from '../../api/http.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { Section } from '../../components/Section.js';
import { formatDay } from '../episodes/episode-ui.js';
import { centsFromDollars, claimPath, DownloadButton, formatMoney, Money, MoneyInput } from './billing-ui.js';
import { BUCKET_LABELS, PAYMENT_METHOD_LABELS } from './coverage-labels.js';

type Dialog = { kind: 'payment' } | { kind: 'adjustment' } | { kind: 'reverse'; entry: LedgerEntry } | null;

export function LedgerSection({ clientId, clientName }: { clientId: string; clientName: string }) {
  const canCollect = useCan('payments:collect');
  const canWrite = useCan('billing:write');
  const query = useQuery({ queryKey: billingKeys.ledger(clientId), queryFn: () => getLedger(clientId) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <Section
      title="Account"
      id="ledger"
      description="Charges, payments and adjustments. Entries are never changed: a mistake is reversed."
      actions={
        (canCollect || canWrite) && (
          <Group gap="xs" justify="flex-end">
            {canCollect && (
              <Button
                leftSection={<IconCash size={16} aria-hidden />}
                onClick={() => setDialog({ kind: 'payment' })}
              >
                Record payment
              </Button>
            )}
            {canWrite && (
              <Button
                variant="default"
                leftSection={<IconAdjustmentsDollar size={16} aria-hidden />}
                onClick={() => setDialog({ kind: 'adjustment' })}
              >
                Adjust / write off / refund
              </Button>
            )}
          </Group>
        )
      }
    >
      {query.isPending ? (
        <Stack gap="sm">
          <Skeleton height={64} />
          <Skeleton height={120} />
        </Stack>
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The account could not be loaded" />
      ) : (
        <Stack gap="lg">
          <Balances ledger={query.data} />
          <EntriesTable
            entries={query.data.entries}
            canReverse={canWrite}
            onReverse={(entry) => setDialog({ kind: 'reverse', entry })}
          />
          <DocumentsRow clientId={clientId} />
        </Stack>
      )}

      <Modal
        opened={dialog?.kind === 'payment'}
        onClose={close}
        title={`Record a payment from ${clientName}`}
      >
        {dialog?.kind === 'payment' && query.data && (
          <PaymentForm clientId={clientId} ledger={query.data} onDone={close} />
        )}
      </Modal>
      <Modal
        opened={dialog?.kind === 'adjustment'}
        onClose={close}
        title="Adjust, write off or refund"
        size="lg"
      >
        {dialog?.kind === 'adjustment' && query.data && (
          <AdjustmentForm clientId={clientId} ledger={query.data} onDone={close} />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'reverse'} onClose={close} title="Reverse this entry?">
        {dialog?.kind === 'reverse' && (
          <ReverseForm clientId={clientId} entry={dialog.entry} onDone={close} />
        )}
      </Modal>
    </Section>
  );
}

function Balance({
  label,
  cents,
  detail,
  strong,
}: {
  label: string;
  cents: number;
  detail: string;
  strong?: boolean;
}) {
  return (
    <Paper p="sm" bg={strong ? 'palpa.0' : 'gray.0'} withBorder={false}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatMoney(cents)}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Paper>
  );
}

function Balances({ ledger }: { ledger: ClientLedger }) {
  const { insuranceCents, patientCents, totalCents } = ledger.balances;
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" role="group" aria-label="Balances">
      <Balance label="Insurance owes" cents={insuranceCents} detail="Claims sent, not yet paid" />
      <Balance
        label={patientCents < 0 ? 'Client credit' : 'Client owes'}
        cents={Math.abs(patientCents)}
        detail={patientCents < 0 ? 'Paid in advance or overpaid' : 'Copays, coinsurance, self-pay visits'}
        strong
      />
      <Balance label="Total balance" cents={totalCents} detail="Insurance and client together" />
    </SimpleGrid>
  );
}

function entryDetail(entry: LedgerEntry): string {
  const parts: string[] = [];
  if (entry.method && entry.kind !== 'charge') parts.push(PAYMENT_METHOD_LABELS[entry.method]);
  if (entry.adjustmentGroup || entry.reasonCode)
    parts.push([entry.adjustmentGroup, entry.reasonCode].filter(Boolean).join('-'));
  if (entry.reference) parts.push(`ref. ${entry.reference}`);
  return parts.join(' · ');
}

function EntriesTable({
  entries,
  canReverse,
  onReverse,
}: {
  entries: LedgerEntry[];
  canReverse: boolean;
  onReverse: (entry: LedgerEntry) => void;
}) {
  const [view, setView] = useState<'all' | LedgerEntry['bucket']>('all');
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Nothing posted yet. Charges appear when a claim is sent or a self-pay visit is charged.
      </Text>
    );
  let running = 0;
  const rows = entries
    .filter((entry) => view === 'all' || entry.bucket === view)
    .map((entry) => {
      running += entry.amountCents;
      return { entry, balance: running };
    });
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="sm">
        <SegmentedControl
          aria-label="Entries to show"
          size="xs"
          value={view}
          onChange={(value) => setView(value)}
          data={[
            { value: 'all', label: 'All entries' },
            { value: 'patient', label: 'Client balance' },
            { value: 'insurance', label: 'Insurance balance' },
          ]}
        />
        <Text size="xs" c="dimmed">
          {rows.length} {rows.length === 1 ? 'entry' : 'entries'}, oldest first
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={680}>
        <Table horizontalSpacing="xs" striped="even" stripedColor="gray.0">
          <VisuallyHidden component="caption">
            Account entries, oldest first, with the running balance
          </VisuallyHidden>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>Posted</Table.Th>
              <Table.Th>Entry</Table.Th>
              <Table.Th>Service</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th ta="right">Balance</Table.Th>
              {canReverse && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ entry, balance }) => {
              const detail = entryDetail(entry);
              return (
                <Table.Tr key={entry.id} style={entry.reversed ? { opacity: 0.7 } : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(entry.postedOn)}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="wrap">
                      <Text size="sm" fw={600} td={entry.reversed ? 'line-through' : undefined}>
                        {entry.kindLabel}
                      </Text>
                      {entry.reversed && (
                        <Badge size="xs" color="gray" variant="outline">
                          Reversed
                        </Badge>
                      )}
                      <Badge
                        size="xs"
                        variant="light"
                        color={entry.bucket === 'insurance' ? 'blue' : 'grape'}
                      >
                        {entry.bucket === 'insurance' ? 'Insurance' : 'Client'}
                      </Badge>
                    </Group>
                    {(detail || entry.memo) && (
                      <Text size="xs" c="dimmed">
                        {[detail, entry.memo].filter(Boolean).join(' · ')}
                      </Text>
                    )}
                    {entry.claimId && entry.kind === 'charge' && (
                      <Anchor component={Link} to={claimPath(entry.claimId)} size="xs">
                        View claim
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDay(entry.serviceDate)}
                    </Text>
                    {entry.code && (
                      <Text size="xs" c="gray.7" ff="monospace">
                        {entry.code}
                        {entry.units ? ` × ${entry.units}` : ''}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money cents={entry.amountCents} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money cents={balance} />
                  </Table.Td>
                  {canReverse && (
                    <Table.Td ta="right">
                      {!entry.reversed && entry.kind !== 'reversal' && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="gray"
                          leftSection={<IconArrowBackUp size={12} aria-hidden />}
                          onClick={() => onReverse(entry)}
                          aria-label={`Reverse the ${entry.kindLabel.toLowerCase()} of ${formatMoney(entry.amountCents)} posted ${formatDay(entry.postedOn)}`}
                        >
                          Reverse
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function DocumentsRow({ clientId }: { clientId: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const period = { from: from || undefined, to: to || undefined };
  const badPeriod = Boolean(from && to && from > to);
  return (
    <Paper p="sm" bg="gray.0" withBorder={false} component="section" aria-labelledby="ledger-documents">
      <Title order={3} fz="sm" id="ledger-documents" mb={4}>
        Statement and superbill
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        A statement lists the activity and what is due; a superbill lists self-pay visits with codes and
        diagnoses, for the client to claim from their insurer. Leave the dates empty for everything.
      </Text>
      <Group gap="sm" align="flex-end">
        <TextInput
          type="date"
          label="From"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={160}
          size="sm"
        />
        <TextInput
          type="date"
          label="To"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={160}
          size="sm"
          error={badPeriod ? 'Ends before it starts.' : undefined}
        />
        <DownloadButton
          icon={<IconFileTypePdf size={16} aria-hidden />}
          fetcher={() => statementFile(clientId, period)}
          disabled={badPeriod}
        >
          Statement (PDF)
        </DownloadButton>
        <DownloadButton
          icon={<IconFileInvoice size={16} aria-hidden />}
          fetcher={() => superbillFile(clientId, period)}
          onFetched={(file) => setMissing(superbillProblems(file.headers))}
          disabled={badPeriod}
        >
          Superbill (PDF)
        </DownloadButton>
      </Group>
      {missing.length > 0 && (
        <Alert
          mt="sm"
          color="yellow"
          variant="light"
          icon={<IconInfoCircle aria-hidden />}
          title="The superbill has gaps"
        >
          <Text size="sm">The client may need to write these in before sending it: {missing.join(' ')}</Text>
        </Alert>
      )}
    </Paper>
  );
}

// ---------------------------------------------------------------------------------------------------------

const PAYMENT_METHODS = ['card', 'cash', 'cheque', 'eft', 'other'] as const;

function PaymentForm({
  clientId,
  ledger,
  onDone,
}: {
  clientId: string;
  ledger: ClientLedger;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const owed = ledger.balances.patientCents;
  const [amount, setAmount] = useState<number | string>(owed > 0 ? owed / 100 : '');
  const [method, setMethod] = useState<PaymentInput['method']>('card');
  const [reference, setReference] = useState('');
  const [memo, setMemo] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (cents: number) =>
      recordPayment(clientId, {
        amountCents: cents,
        method,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        ...(memo.trim() ? { memo: memo.trim() } : {}),
      }),
    onSuccess: (saved, cents) => {
      queryClient.setQueryData(billingKeys.ledger(clientId), saved);
      void queryClient.invalidateQueries({ queryKey: billingKeys.arAging });
      notifications.show({
        color: 'teal',
        title: 'Payment recorded',
        message: `${formatMoney(cents)} by ${PAYMENT_METHOD_LABELS[method].toLowerCase()}. The client ${
          saved.balances.patientCents > 0
            ? `still owes ${formatMoney(saved.balances.patientCents)}`
            : 'owes nothing now'
        }.`,
      });
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsFrom(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cents = centsFromDollars(amount);
    if (!cents || cents <= 0) {
      setErrors({ amountCents: 'Enter the amount received.' });
      return;
    }
    save.mutate(cents);
  };
  const general =
    save.error && (!isApiError(save.error) || save.error.errors.length === 0) ? save.error : null;
  return (
    <form onSubmit={submit} noValidate aria-label="Record a payment">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          The client owes {formatMoney(Math.max(0, owed))}.
        </Text>
        {general && <ApiErrorAlert error={general} />}
        <MoneyInput
          label="Amount received"
          required
          value={amount}
          onChange={(value) => {
            setAmount(value);
            setErrors({});
          }}
          max={100_000}
          error={errors.amountCents}
          data-autofocus
          w={220}
        />
        <Radio.Group label="Paid by" value={method} onChange={(value) => setMethod(value)}>
          <Group gap="md" mt={6}>
            {PAYMENT_METHODS.map((m) => (
              <Radio key={m} value={m} label={PAYMENT_METHOD_LABELS[m]} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput
          label="Reference (optional)"
          description="Cheque number, last 4 digits of the card…"
          maxLength={60}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
        />
        <TextInput
          label="Memo (optional)"
          maxLength={300}
          value={memo}
          onChange={(e) => setMemo(e.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Record payment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const ADJUSTMENT_KINDS: { value: AdjustmentInput['kind']; label: string; description: string }[] = [
  {
    value: 'adjustment',
    label: 'Adjustment',
    description: 'Lowers the balance (a courtesy discount, a correction).',
  },
  {
    value: 'write_off',
    label: 'Write-off',
    description: 'The clinic gives up collecting it (bad debt, small balance).',
  },
  { value: 'refund', label: 'Refund', description: 'Money paid back to the client (an overpayment).' },
];

function AdjustmentForm({
  clientId,
  ledger,
  onDone,
}: {
  clientId: string;
  ledger: ClientLedger;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<AdjustmentInput['kind']>('adjustment');
  const [bucket, setBucket] = useState<AdjustmentInput['bucket']>('patient');
  const [amount, setAmount] = useState<number | string>('');
  const [reasonCode, setReasonCode] = useState('');
  const [method, setMethod] = useState<NonNullable<AdjustmentInput['method']>>('card');
  const [memo, setMemo] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (cents: number) =>
      recordAdjustment(clientId, {
        kind,
        bucket,
        amountCents: cents,
        memo: memo.trim(),
        ...(reasonCode.trim() ? { reasonCode: reasonCode.trim() } : {}),
        ...(kind === 'refund' ? { method } : {}),
      }),
    onSuccess: (saved, cents) => {
      queryClient.setQueryData(billingKeys.ledger(clientId), saved);
      void queryClient.invalidateQueries({ queryKey: billingKeys.all });
      notifications.show({
        color: 'teal',
        title: `${ADJUSTMENT_KINDS.find((k) => k.value === kind)!.label} posted`,
        message: `${formatMoney(cents)}: ${memo.trim()}`,
      });
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsFrom(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldErrors = {};
    const cents = centsFromDollars(amount);
    if (!cents || cents <= 0) problems.amountCents = 'Enter the amount.';
    if (memo.trim().length < 3) problems.memo = 'Say why (it shows on the write-off report).';
    if (Object.keys(problems).length) {
      setErrors(problems);
      return;
    }
    save.mutate(cents!);
  };
  const general =
    save.error && (!isApiError(save.error) || save.error.errors.length === 0) ? save.error : null;
  const balance = bucket === 'insurance' ? ledger.balances.insuranceCents : ledger.balances.patientCents;
  return (
    <form onSubmit={submit} noValidate aria-label="Adjust, write off or refund">
      <Stack gap="md">
        {general && <ApiErrorAlert error={general} />}
        <Radio.Group label="What" value={kind} onChange={(value) => setKind(value)}>
          <Stack gap={6} mt={6}>
            {ADJUSTMENT_KINDS.map((k) => (
              <Radio key={k.value} value={k.value} label={k.label} description={k.description} />
            ))}
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <NativeSelect
            label="On"
            description={`Now ${formatMoney(balance)}`}
            data={(['patient', 'insurance'] as const).map((b) => ({ value: b, label: BUCKET_LABELS[b] }))}
            value={bucket}
            onChange={(e) => setBucket(e.currentTarget.value as AdjustmentInput['bucket'])}
          />
          <MoneyInput
            label="Amount"
            required
            value={amount}
            onChange={(value) => {
              setAmount(value);
              setErrors((current) => ({ ...current, amountCents: '' }));
            }}
            max={100_000}
            error={errors.amountCents || undefined}
          />
          {kind === 'refund' ? (
            <NativeSelect
              label="Paid back by"
              data={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))}
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value as NonNullable<AdjustmentInput['method']>)}
            />
          ) : (
            <TextInput
              label="Reason code (optional)"
              description="A CARC, e.g. 45, when there is one."
              maxLength={10}
              value={reasonCode}
              onChange={(e) => setReasonCode(e.currentTarget.value)}
            />
          )}
        </SimpleGrid>
        <Textarea
          label="Why"
          description="Required: it shows on the write-off report and in the audit log."
          required
          maxLength={300}
          autosize
          minRows={2}
          value={memo}
          onChange={(e) => {
            setMemo(e.currentTarget.value);
            setErrors((current) => ({ ...current, memo: '' }));
          }}
          error={errors.memo || undefined}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Post {ADJUSTMENT_KINDS.find((k) => k.value === kind)!.label.toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReverseForm({
  clientId,
  entry,
  onDone,
}: {
  clientId: string;
  entry: LedgerEntry;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => reverseEntry(entry.id, reason.trim()),
    onSuccess: (saved) => {
      queryClient.setQueryData(billingKeys.ledger(clientId), saved);
      void queryClient.invalidateQueries({ queryKey: billingKeys.all });
      notifications.show({
        color: 'teal',
        title: 'Entry reversed',
        message: `${entry.kindLabel} of ${formatMoney(entry.amountCents)} reversed.`,
      });
      onDone();
    },
    onError: (failure) => setError(fieldErrorsFrom(failure).reason ?? null),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setError('Say why the entry is reversed.');
      return;
    }
    save.mutate();
  };
  const general =
    save.error && (!isApiError(save.error) || save.error.errors.length === 0) ? save.error : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {entry.kindLabel} of {formatMoney(entry.amountCents)} posted {formatDay(entry.postedOn)}
          {entry.code ? ` (${entry.code})` : ''}. A reversing entry of {formatMoney(-entry.amountCents)} is
          posted; the original stays on the account, marked reversed.
        </Text>
        {general && <ApiErrorAlert error={general} />}
        <Textarea
          label="Why"
          required
          maxLength={300}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={save.isPending}>
            Reverse entry
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
