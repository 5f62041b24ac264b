/**
 * Route /billing/claims/:id — one claim: its header, the claim check (scrubber), the service lines and
 * boxes a biller edits while it is a draft, the lifecycle actions the claim allows, the CMS-1500 and
 * 837P files, and the status history.
 */
import { useRef, useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Chip,
  Group,
  Menu,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowDown,
  IconArrowUp,
  IconChevronDown,
  IconCircleCheck,
  IconCode,
  IconFileTypePdf,
  IconPencilCheck,
  IconPlus,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { PLACE_OF_SERVICE_CODES } from '../../../modules/billing/domain/billing-setup.js';
import {
  CLAIM_STATUS_LABELS,
  MANUAL_TRANSITIONS,
  type ClaimStatus,
} from '../../../modules/claims/domain/claim-lifecycle.js';
import {
  billingKeys,
  cms1500File,
  deleteClaim,
  getClaim,
  listProviders,
  resubmitClaim,
  scrubClaim,
  transitionClaim,
  updateClaim,
  x837File,
  type Claim,
  type ClaimUpdate,
  type ScrubProblem,
} from '../../api/billing.js';
import { isApiError } from '../../api/http.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { SaveBar } from '../../components/SaveBar.js';
import { Section } from '../../components/Section.js';
import { formatDay } from '../episodes/episode-ui.js';
import {
  billingTabPath,
  claimPath,
  ClaimStatusBadge,
  clientBillingPath,
  dateRange,
  DownloadButton,
  formatMoney,
  FREQUENCY_LABELS,
  Money,
  MoneyInput,
  pointerLetter,
} from './billing-ui.js';
import {
  changesOf,
  checkForm,
  claimToForm,
  problemLine,
  type ClaimForm,
  type FormProblems,
  type LineForm,
} from './claim-form.js';
import { ScrubberPanel } from './ScrubberPanel.js';

export function ClaimPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: billingKeys.claim(id), queryFn: () => getClaim(id) });
  const back = { to: billingTabPath('claims'), label: 'Claims' };

  if (query.isPending)
    return (
      <Stack gap="lg" aria-busy="true">
        <PageHeader title="Claim" back={back}>
          <Skeleton height={16} width={280} />
        </PageHeader>
        <Skeleton height={120} />
        <Skeleton height={240} />
      </Stack>
    );
  if (query.isError) {
    const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <>
        <PageHeader title={notFound ? 'Claim not found' : 'Claim'} back={back} />
        {notFound ? (
          <Text>This claim does not exist in your clinic, or the link is wrong.</Text>
        ) : (
          <ApiErrorAlert error={query.error} />
        )}
      </>
    );
  }
  // A new version from the server (saved, moved) starts the editor afresh.
  return <ClaimView key={`${query.data.id}-${query.data.version}`} claim={query.data} />;
}

function ClaimView({ claim }: { claim: Claim }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const canWrite = useCan('billing:write');
  const editable = canWrite && claim.status === 'draft';
  const [form, setForm] = useState<ClaimForm>(() => claimToForm(claim));
  const [formProblems, setFormProblems] = useState<FormProblems>({});
  const [dialog, setDialog] = useState<'correct' | 'void' | 'delete' | ClaimStatus | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const providers = useQuery({ queryKey: billingKeys.providers, queryFn: listProviders, staleTime: 60_000 });
  const therapist = providers.data?.items.find((p) => p.userId === claim.renderingProviderId);
  const update = changesOf(form, claim);
  const dirty = editable && update !== null;

  const setProblems = (problems: ScrubProblem[]) =>
    queryClient.setQueryData<Claim>(billingKeys.claim(claim.id), (current) =>
      current ? { ...current, problems } : current,
    );
  const refreshLists = () => {
    void queryClient.invalidateQueries({ queryKey: billingKeys.claimLists });
    void queryClient.invalidateQueries({ queryKey: billingKeys.toBill });
  };
  const focusPanel = () => window.setTimeout(() => panel.current?.focus(), 50);

  const save = useMutation({
    mutationFn: (body: ClaimUpdate) => updateClaim(claim.id, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(billingKeys.claim(claim.id), saved);
      refreshLists();
      const errors = saved.problems?.filter((p) => p.severity === 'error').length ?? 0;
      notifications.show({
        color: 'teal',
        title: 'Claim saved',
        message: errors
          ? `Checked again: ${errors} ${errors === 1 ? 'error remains' : 'errors remain'}.`
          : 'Checked again: no errors.',
      });
    },
    onError: (error, body) => {
      // Server paths name the position in the request's `lines`; map them back to the table's rows.
      if (!isApiError(error)) return;
      const mapped: FormProblems = {};
      for (const { path, message } of error.errors) {
        const match = /^lines\[(\d+)\]\.(\w+)/.exec(path);
        const lineId = match ? body.lines?.[Number(match[1])]?.id : undefined;
        const index = lineId ? form.lines.findIndex((l) => l.id === lineId) : -1;
        mapped[index >= 0 ? `lines[${index}].${match![2]}` : path] = message;
      }
      setFormProblems(mapped);
    },
  });

  const check = useMutation({
    mutationFn: () => scrubClaim(claim.id),
    onSuccess: (result) => {
      setProblems(result.problems);
      focusPanel();
    },
  });

  const transition = useMutation({
    mutationFn: (input: { status: ClaimStatus; note?: string; payerClaimNumber?: string }) =>
      transitionClaim(claim.id, input),
    onSuccess: (moved) => {
      queryClient.setQueryData(billingKeys.claim(claim.id), moved);
      refreshLists();
      setDialog(null);
      notifications.show({
        color: 'teal',
        title: 'Status changed',
        message: `${moved.controlNumber}: ${moved.statusLabel}.`,
      });
    },
    onError: (error) => {
      if (isApiError(error) && Array.isArray(error.problem.problems)) {
        setProblems(error.problem.problems as ScrubProblem[]);
        focusPanel();
      }
    },
  });

  const remove = useMutation({
    mutationFn: () => deleteClaim(claim.id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: billingKeys.claim(claim.id) });
      refreshLists();
      notifications.show({
        color: 'teal',
        title: 'Draft deleted',
        message: `${claim.controlNumber} was deleted; its visits are back in "To bill".`,
      });
      void navigate(billingTabPath('claims'));
    },
  });

  // Leaving with unsaved edits (e.g. to fix the NPI in Set-up) asks first.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !save.isPending && currentLocation.pathname !== nextLocation.pathname,
  );
  useWindowEvent('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!editable || !update) return;
    const problems = checkForm(form);
    setFormProblems(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      document.getElementById(fieldIdOf(first))?.focus();
      return;
    }
    save.mutate(update);
  };

  const setLine = (index: number, patch: Partial<LineForm>) => {
    setForm((current) => ({
      ...current,
      lines: current.lines.map((line, i) => (i === index ? { ...line, ...patch } : line)),
    }));
    setFormProblems((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch))
        delete next[
          `lines[${index}].${key === 'pointers' ? 'diagnosisPointers' : key === 'charge' ? 'chargeCents' : key}`
        ];
      return next;
    });
  };

  const allowed = claim.allowedTransitions;
  const manual = allowed.filter((s) => s !== 'ready' && s !== 'draft' && MANUAL_TRANSITIONS.includes(s));
  const transitionError =
    transition.error && !(isApiError(transition.error) && Array.isArray(transition.error.problem.problems))
      ? transition.error
      : null;
  const notReady =
    transition.error && isApiError(transition.error) && Array.isArray(transition.error.problem.problems);

  const actions = canWrite && (
    <>
      {allowed.includes('ready') && (
        <Tooltip label="Save your changes first" disabled={!dirty}>
          <Button
            leftSection={<IconCircleCheck size={16} aria-hidden />}
            onClick={() => transition.mutate({ status: 'ready' })}
            loading={transition.isPending && transition.variables.status === 'ready'}
            disabled={dirty}
            aria-describedby={dirty ? 'claim-unsaved-hint' : undefined}
          >
            Mark ready
          </Button>
        </Tooltip>
      )}
      {allowed.includes('draft') && (
        <Button
          variant="default"
          leftSection={<IconArrowBackUp size={16} aria-hidden />}
          onClick={() => transition.mutate({ status: 'draft' })}
          loading={transition.isPending && transition.variables.status === 'draft'}
        >
          Back to draft
        </Button>
      )}
      {claim.canCorrect && (
        <Button
          variant="default"
          leftSection={<IconPencilCheck size={16} aria-hidden />}
          onClick={() => setDialog('correct')}
        >
          Correct
        </Button>
      )}
      {claim.canVoid && (
        <Button
          variant="default"
          color="red"
          leftSection={<IconX size={16} aria-hidden />}
          onClick={() => setDialog('void')}
        >
          Void
        </Button>
      )}
      {manual.length > 0 && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>
              Set status
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>What the payer did</Menu.Label>
            {manual.map((status) => (
              <Menu.Item key={status} onClick={() => setDialog(status)}>
                {status === 'submitted'
                  ? 'Sent outside Palpa (paper or portal)'
                  : CLAIM_STATUS_LABELS[status]}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {claim.status === 'draft' && (
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => setDialog('delete')}
        >
          Delete draft
        </Button>
      )}
    </>
  );

  const firstDate = claim.lines[0]?.serviceDate ?? null;
  const lastDate = claim.lines.at(-1)?.serviceDate ?? null;

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span" wrap="wrap">
            <span>Claim {claim.controlNumber}</span>
            <ClaimStatusBadge status={claim.status} size="lg" />
          </Group>
        }
        documentTitle={`Claim ${claim.controlNumber}`}
        back={{ to: billingTabPath('claims'), label: 'Claims' }}
        actions={actions}
      >
        <Text size="sm" c="gray.7">
          <Anchor component={Link} to={clientBillingPath(claim.clientId)} fw={600} size="sm">
            {claim.clientName}
          </Anchor>
          {' · '}
          {claim.payerName}
          {' · '}
          {FREQUENCY_LABELS[claim.frequencyCode]} ({claim.frequencyCode})
        </Text>
        {claim.originalClaimId && (
          <Text size="sm" c="gray.7">
            {claim.frequencyCode === '8' ? 'Voids' : 'Replaces'}{' '}
            <Anchor component={Link} to={claimPath(claim.originalClaimId)} size="sm">
              the original claim
            </Anchor>
            {claim.payerClaimNumber ? ` (payer no. ${claim.payerClaimNumber})` : ''}
          </Text>
        )}
      </PageHeader>

      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Fact label="Total charge" value={formatMoney(claim.totalChargeCents)} strong />
          <Fact label="Dates of service" value={dateRange(firstDate, lastDate, formatDay)} />
          <Fact
            label="Treating therapist"
            value={therapist ? therapist.name : '—'}
            detail={therapist ? (therapist.npi ? `NPI ${therapist.npi}` : 'No NPI on file') : undefined}
          />
          <Fact
            label={claim.submittedAt ? 'Submitted' : 'Payer claim no.'}
            value={claim.submittedAt ? formatDateTime(claim.submittedAt) : (claim.payerClaimNumber ?? '—')}
            detail={
              claim.submittedAt && claim.payerClaimNumber ? `Payer no. ${claim.payerClaimNumber}` : undefined
            }
          />
        </SimpleGrid>

        {notReady && (
          <Alert
            color="red"
            variant="light"
            title="Not marked ready"
            role="alert"
            withCloseButton
            onClose={() => transition.reset()}
          >
            The claim check found errors: fix them (listed below), then mark the claim ready again.
          </Alert>
        )}
        {transitionError && (
          <ApiErrorAlert
            error={transitionError}
            title="The status was not changed"
            withCloseButton
            onClose={() => transition.reset()}
          />
        )}
        {check.error !== null && <ApiErrorAlert error={check.error} title="The check could not run" />}
        {claim.status === 'ready' && canWrite && (
          <Alert color="blue" variant="light">
            Ready to send: it goes out with the next batch (Claims › Send ready claims). Move it back to draft
            to change it.
          </Alert>
        )}

        <ScrubberPanel
          claim={claim}
          editable={editable}
          onCheck={() => check.mutate()}
          checking={check.isPending}
          ref={panel}
        />

        <form onSubmit={submit} noValidate aria-label="Claim details">
          <Stack gap="lg">
            {save.error !== null && (!isApiError(save.error) || save.error.errors.length === 0) && (
              <ApiErrorAlert error={save.error} title="The claim was not saved" />
            )}
            <LinesSection
              claim={claim}
              form={form}
              editable={editable}
              problems={formProblems}
              setLine={setLine}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              <DiagnosesSection
                form={form}
                editable={editable}
                problem={formProblems.diagnoses}
                onChange={(diagnoses) => {
                  setForm((current) => ({ ...current, diagnoses }));
                  setFormProblems((current) => ({ ...current, diagnoses: '' }));
                }}
              />
              <BoxesSection
                form={form}
                editable={editable}
                problems={formProblems}
                onChange={(patch) => setForm((current) => ({ ...current, ...patch }))}
              />
            </SimpleGrid>
          </Stack>
          {editable && (dirty || save.isPending) && (
            <SaveBar
              dirty={dirty}
              message={
                save.isPending ? (
                  'Saving and checking…'
                ) : dirty ? (
                  <span id="claim-unsaved-hint">
                    You have unsaved changes: save them to check the claim again.
                  </span>
                ) : undefined
              }
            >
              {dirty && (
                <Button variant="default" onClick={() => setForm(claimToForm(claim))}>
                  Discard changes
                </Button>
              )}
              <Button type="submit" loading={save.isPending} disabled={!dirty}>
                Save changes
              </Button>
            </SaveBar>
          )}
        </form>

        <DocumentsSection claim={claim} />
        <HistorySection claim={claim} />
      </Stack>

      <ResubmitModal
        claim={claim}
        kind={dialog === 'correct' || dialog === 'void' ? dialog : null}
        onClose={() => setDialog(null)}
      />
      <StatusModal
        claim={claim}
        status={dialog && dialog !== 'correct' && dialog !== 'void' && dialog !== 'delete' ? dialog : null}
        pending={transition.isPending}
        onClose={() => setDialog(null)}
        onConfirm={(input) => transition.mutate(input)}
      />
      <Modal
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title="Leave without saving?"
        centered
      >
        <Text size="sm" mb="lg">
          Your changes to this claim are not saved yet. If you leave now, they are lost.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            Stay on this page
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            Leave without saving
          </Button>
        </Group>
      </Modal>
      <Modal
        opened={dialog === 'delete'}
        onClose={() => setDialog(null)}
        title="Delete this draft claim?"
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            {claim.controlNumber} was never sent. Deleting it puts its visits back in “To bill”. This cannot
            be undone.
          </Text>
          {remove.error !== null && <ApiErrorAlert error={remove.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDialog(null)}>
              Keep the draft
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              Delete draft
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The id of a form field named by a problem path (see LinesSection, BoxesSection). */
function fieldIdOf(path: string): string {
  const match = /^lines\[(\d+)\]\.(\w+)/.exec(path);
  if (match) return `claim-line-${match[1]}-${match[2]}`;
  if (path.startsWith('referringProvider.npi')) return 'claim-referring-npi';
  if (path.startsWith('referringProvider')) return 'claim-referring-family';
  if (path.startsWith('diagnoses')) return 'claim-diagnosis-add';
  return path;
}

function Fact({
  label,
  value,
  detail,
  strong,
}: {
  label: string;
  value: string;
  detail?: string | undefined;
  strong?: boolean;
}) {
  return (
    <Paper p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text
        fw={strong ? 700 : 600}
        size={strong ? 'lg' : 'sm'}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

function LinesSection({
  claim,
  form,
  editable,
  problems,
  setLine,
}: {
  claim: Claim;
  form: ClaimForm;
  editable: boolean;
  problems: FormProblems;
  setLine: (index: number, patch: Partial<LineForm>) => void;
}) {
  const scrubbedLines = new Set(
    (claim.problems ?? []).filter((p) => p.severity === 'error').map((p) => problemLine(p.field)),
  );
  const diagnosisCount = form.diagnoses.length;
  return (
    <Section
      title="Service lines"
      description={
        editable
          ? 'Box 24. Modifiers separated by commas; pointers name the diagnoses (box 21) each line treats, primary first.'
          : 'Box 24: one line per code and date of service.'
      }
    >
      <Table.ScrollContainer minWidth={editable ? 640 : 560}>
        <Table horizontalSpacing="xs" verticalSpacing="xs" aria-label="Service lines">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>Service</Table.Th>
              <Table.Th ta="right" w={editable ? 80 : undefined}>
                Units
              </Table.Th>
              <Table.Th w={editable ? 120 : undefined}>Modifiers</Table.Th>
              <Table.Th>Diagnoses</Table.Th>
              <Table.Th ta="right" w={editable ? 120 : undefined}>
                Charge
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {claim.lines.map((line, index) => {
              const value = form.lines[index]!;
              const flagged = scrubbedLines.has(line.lineNumber);
              const err = (key: string) => problems[`lines[${index}].${key}`] || undefined;
              return (
                <Table.Tr key={line.id} bg={flagged ? 'red.0' : undefined}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <Badge
                        size="sm"
                        variant={flagged ? 'filled' : 'light'}
                        color={flagged ? 'red' : 'gray'}
                        circle
                        aria-label={`Line ${line.lineNumber}`}
                      >
                        {line.lineNumber}
                      </Badge>
                      <div>
                        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          <Text span ff="monospace" fw={700} size="sm">
                            {line.code}
                          </Text>{' '}
                          · {formatDay(line.serviceDate)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {line.minutes !== null ? `${line.minutes} min` : 'untimed'}
                        </Text>
                      </div>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    {editable ? (
                      <NumberInput
                        id={`claim-line-${index}-units`}
                        aria-label={`Units, line ${line.lineNumber}`}
                        value={value.units}
                        onChange={(units) => setLine(index, { units })}
                        min={0}
                        max={99}
                        allowDecimal={false}
                        allowNegative={false}
                        hideControls
                        size="xs"
                        w={64}
                        ml="auto"
                        error={err('units')}
                      />
                    ) : (
                      line.units
                    )}
                  </Table.Td>
                  <Table.Td>
                    {editable ? (
                      <TextInput
                        id={`claim-line-${index}-modifiers`}
                        aria-label={`Modifiers, line ${line.lineNumber}`}
                        value={value.modifiers}
                        onChange={(event) =>
                          setLine(index, { modifiers: event.currentTarget.value.toUpperCase() })
                        }
                        placeholder="GP, 59"
                        size="xs"
                        w={104}
                        error={err('modifiers')}
                      />
                    ) : line.modifiers.length ? (
                      <Text size="sm" ff="monospace">
                        {line.modifiers.join(' ')}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {editable ? (
                      <PointerToggles
                        index={index}
                        lineNumber={line.lineNumber}
                        value={value.pointers}
                        diagnoses={form.diagnoses}
                        count={diagnosisCount}
                        onChange={(pointers) => setLine(index, { pointers })}
                        error={err('diagnosisPointers')}
                      />
                    ) : (
                      <Text size="sm" ff="monospace">
                        {line.diagnosisPointers.map(pointerLetter).join(' ') || '—'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {editable ? (
                      <MoneyInput
                        id={`claim-line-${index}-chargeCents`}
                        aria-label={`Charge, line ${line.lineNumber}`}
                        value={value.charge}
                        onChange={(charge) => setLine(index, { charge })}
                        size="xs"
                        w={108}
                        ml="auto"
                        error={err('chargeCents')}
                        styles={{ input: { textAlign: 'right' } }}
                      />
                    ) : (
                      <Money cents={line.chargeCents} />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={4}>
                Total ({claim.lines.length} {claim.lines.length === 1 ? 'line' : 'lines'})
              </Table.Th>
              <Table.Th ta="right">
                <Money cents={claim.totalChargeCents} strong />
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

/** Letters A–L, one toggle per diagnosis on the claim; at most four per line, in the order chosen. */
function PointerToggles({
  index,
  lineNumber,
  value,
  diagnoses,
  count,
  onChange,
  error,
}: {
  index: number;
  lineNumber: number;
  value: number[];
  diagnoses: string[];
  count: number;
  onChange: (pointers: number[]) => void;
  error: string | undefined;
}) {
  const letters = Array.from({ length: Math.max(count, ...value, 0) }, (_, i) => i + 1);
  return (
    <Stack gap={2}>
      <Group
        gap={4}
        wrap="wrap"
        id={`claim-line-${index}-diagnosisPointers`}
        role="group"
        aria-label={`Diagnosis pointers, line ${lineNumber}`}
        tabIndex={-1}
      >
        {letters.map((pointer) => {
          const on = value.includes(pointer);
          const beyond = pointer > count;
          return (
            <Chip
              key={pointer}
              size="xs"
              checked={on}
              color={beyond ? 'red' : undefined}
              disabled={!on && (value.length >= 4 || beyond)}
              onChange={(checked) =>
                onChange(checked ? [...value, pointer] : value.filter((p) => p !== pointer))
              }
              aria-label={`${pointerLetter(pointer)}: ${diagnoses[pointer - 1] ?? 'no such diagnosis'}`}
              title={diagnoses[pointer - 1] ?? 'No diagnosis with this letter'}
            >
              {pointerLetter(pointer)}
            </Chip>
          );
        })}
      </Group>
      {value.length > 1 && (
        <Text size="xs" c="dimmed">
          Order: {value.map(pointerLetter).join(', ')}
        </Text>
      )}
      {error && (
        <Text size="xs" c="red.8">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function DiagnosesSection({
  form,
  editable,
  problem,
  onChange,
}: {
  form: ClaimForm;
  editable: boolean;
  problem: string | undefined;
  onChange: (diagnoses: string[]) => void;
}) {
  const [adding, setAdding] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const list = form.diagnoses;
  const move = (from: number, to: number) => {
    const next = [...list];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange(next);
  };
  const add = () => {
    const code = adding.trim().toUpperCase();
    if (!/^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/.test(code)) {
      setAddError('Type an ICD-10-CM code, e.g. M54.2.');
      return;
    }
    if (list.includes(code)) {
      setAddError(`${code} is already on the claim.`);
      return;
    }
    if (list.length >= 12) {
      setAddError('A claim holds at most 12 diagnoses (A–L).');
      return;
    }
    onChange([...list, code]);
    setAdding('');
    setAddError(null);
  };

  return (
    <Section title="Diagnoses" description="Box 21, primary first. Lines point to them by letter.">
      <Stack gap="sm">
        {list.length === 0 ? (
          <Text size="sm" c="dimmed">
            No diagnosis.
          </Text>
        ) : (
          <Stack gap={4} component="ol" className="plain-list" aria-label="Diagnoses on the claim">
            {list.map((code, index) => (
              <Group key={code} component="li" gap="xs" wrap="nowrap" justify="space-between">
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light" circle aria-hidden>
                    {pointerLetter(index + 1)}
                  </Badge>
                  <Text ff="monospace" fw={700} size="sm">
                    {code}
                  </Text>
                  {index === 0 && (
                    <Badge size="xs" variant="outline">
                      Primary
                    </Badge>
                  )}
                </Group>
                {editable && (
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                      aria-label={`Move ${code} up`}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={index === list.length - 1}
                      onClick={() => move(index, index + 1)}
                      aria-label={`Move ${code} down`}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => onChange(list.filter((c) => c !== code))}
                      aria-label={`Remove ${code}`}
                    >
                      <IconX size={16} />
                    </ActionIcon>
                  </Group>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {editable && (
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              id="claim-diagnosis-add"
              aria-label="Add a diagnosis code"
              placeholder="ICD-10-CM code, e.g. M54.2"
              value={adding}
              onChange={(event) => {
                setAdding(event.currentTarget.value.toUpperCase());
                setAddError(null);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  add();
                }
              }}
              error={addError ?? problem}
              style={{ flex: 1 }}
              size="sm"
            />
            <Button variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
              Add
            </Button>
          </Group>
        )}
        {editable && (
          <Text size="xs" c="dimmed">
            Changing the order changes the letters: check the lines&apos; pointers afterwards.
          </Text>
        )}
      </Stack>
    </Section>
  );
}

function BoxesSection({
  form,
  editable,
  problems,
  onChange,
}: {
  form: ClaimForm;
  editable: boolean;
  problems: FormProblems;
  onChange: (patch: Partial<ClaimForm>) => void;
}) {
  const pos = PLACE_OF_SERVICE_CODES.find((p) => p.code === form.placeOfService);
  if (!editable) {
    const referring = [form.referringGiven, form.referringFamily].filter(Boolean).join(' ');
    return (
      <Section title="Referral and authorisation" description="Boxes 17, 23, 24B and 14.">
        <Stack gap="xs" component="dl" m={0}>
          <ReadOnlyBox label="Referring provider (17)" value={referring || '—'} />
          <ReadOnlyBox label="Referring NPI (17b)" value={form.referringNpi || '—'} mono />
          <ReadOnlyBox label="Prior authorisation (23)" value={form.priorAuthNumber || '—'} mono />
          <ReadOnlyBox
            label="Place of service (24B)"
            value={pos ? `${pos.code} · ${pos.label}` : form.placeOfService}
          />
          <ReadOnlyBox
            label="Onset / injury date (14)"
            value={form.onsetDate ? formatDay(form.onsetDate) : '—'}
          />
        </Stack>
      </Section>
    );
  }
  return (
    <Section title="Referral and authorisation" description="Boxes 17, 23, 24B and 14.">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          Referring provider (box 17)
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label="First name"
            value={form.referringGiven}
            onChange={(e) => onChange({ referringGiven: e.currentTarget.value })}
            maxLength={35}
          />
          <TextInput
            id="claim-referring-family"
            label="Last name"
            value={form.referringFamily}
            onChange={(e) => onChange({ referringFamily: e.currentTarget.value })}
            maxLength={60}
            error={problems['referringProvider.familyName'] || undefined}
          />
        </SimpleGrid>
        <TextInput
          id="claim-referring-npi"
          label="Referring NPI (box 17b)"
          inputMode="numeric"
          maxLength={10}
          value={form.referringNpi}
          onChange={(e) => onChange({ referringNpi: e.currentTarget.value })}
          error={problems['referringProvider.npi'] || undefined}
        />
        <TextInput
          label="Prior authorisation no. (box 23)"
          value={form.priorAuthNumber}
          onChange={(e) => onChange({ priorAuthNumber: e.currentTarget.value })}
          maxLength={50}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label="Place of service (24B)"
            data={PLACE_OF_SERVICE_CODES.map((p) => ({ value: p.code, label: `${p.code} · ${p.label}` }))}
            value={form.placeOfService}
            onChange={(e) => onChange({ placeOfService: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label="Onset date (box 14)"
            value={form.onsetDate}
            onChange={(e) => onChange({ onsetDate: e.currentTarget.value })}
          />
        </SimpleGrid>
      </Stack>
    </Section>
  );
}

function ReadOnlyBox({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <Group gap="sm" wrap="nowrap" align="baseline">
      <Text component="dt" size="sm" c="dimmed" w={170} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text component="dd" size="sm" fw={500} ff={mono ? 'monospace' : undefined} m={0}>
        {value}
      </Text>
    </Group>
  );
}

function DocumentsSection({ claim }: { claim: Claim }) {
  const [offsetX, setOffsetX] = useState<number | string>(0);
  const [offsetY, setOffsetY] = useState<number | string>(0);
  const offset = { x: Number(offsetX) || 0, y: Number(offsetY) || 0 };
  return (
    <Section
      title="Claim files"
      description="Opening a file is recorded in the audit log. Making a file does not mark the claim sent."
    >
      <Stack gap="md">
        <Group gap="sm">
          <DownloadButton
            icon={<IconFileTypePdf size={16} aria-hidden />}
            fetcher={() => cms1500File(claim.id, 'full')}
          >
            CMS-1500 (PDF)
          </DownloadButton>
          <DownloadButton icon={<IconCode size={16} aria-hidden />} fetcher={() => x837File(claim.id)}>
            837P file
          </DownloadButton>
        </Group>
        <Paper p="sm" bg="gray.0" withBorder={false}>
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              Print on the red CMS-1500 form
            </Text>
            <Text size="xs" c="dimmed">
              Data only, to print on pre-printed forms. If the text lands off the boxes, move it in points (72
              per inch): positive X moves right, positive Y moves up.
            </Text>
            <Group gap="sm" align="flex-end">
              <NumberInput
                label="Move right (pt)"
                value={offsetX}
                onChange={setOffsetX}
                min={-36}
                max={36}
                step={1}
                w={130}
                size="sm"
              />
              <NumberInput
                label="Move up (pt)"
                value={offsetY}
                onChange={setOffsetY}
                min={-36}
                max={36}
                step={1}
                w={130}
                size="sm"
              />
              <DownloadButton
                icon={<IconFileTypePdf size={16} aria-hidden />}
                fetcher={() => cms1500File(claim.id, 'data-only', offset)}
              >
                CMS-1500 data only
              </DownloadButton>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </Section>
  );
}

function HistorySection({ claim }: { claim: Claim }) {
  const events = claim.events;
  return (
    <Section title="History" description="Every status the claim went through.">
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          No history.
        </Text>
      ) : (
        <Timeline active={events.length - 1} bulletSize={16} lineWidth={2}>
          {events.map((event, index) => (
            <Timeline.Item
              key={`${event.at}-${index}`}
              title={
                <Group gap="xs">
                  <ClaimStatusBadge status={event.toStatus} size="sm" />
                  <Text size="sm" fw={600}>
                    {event.fromStatus
                      ? `from ${CLAIM_STATUS_LABELS[event.fromStatus].toLowerCase()}`
                      : 'Created'}
                  </Text>
                </Group>
              }
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(event.at)} · {event.byName}
              </Text>
              {event.note && (
                <Text size="sm" mt={2}>
                  {event.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <VisuallyHidden>End of history.</VisuallyHidden>
    </Section>
  );
}

function ResubmitModal({
  claim,
  kind,
  onClose,
}: {
  claim: Claim;
  kind: 'correct' | 'void' | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [note, setNote] = useState('');
  const run = useMutation({
    mutationFn: (which: 'correct' | 'void') => resubmitClaim(claim.id, which, note),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: billingKeys.all });
      onClose();
      notifications.show({
        color: 'teal',
        title: kind === 'void' ? 'Void claim made' : 'Corrected claim made',
        message: `${created.controlNumber} (frequency ${created.frequencyCode}) is a draft: check it and send it.`,
      });
      void navigate(claimPath(created.id));
    },
  });
  return (
    <Modal
      opened={kind !== null}
      onClose={onClose}
      title={kind === 'void' ? 'Void this claim?' : 'Make a corrected claim?'}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (kind) run.mutate(kind);
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            {kind === 'void'
              ? `A void (frequency 8) tells ${claim.payerName} to cancel ${claim.controlNumber}; it is sent like any claim. The original becomes “voided”.`
              : `A replacement (frequency 7) with ${claim.payerName}'s claim number is made as a draft to edit and send. The original becomes “replaced”.`}
          </Text>
          {!claim.payerClaimNumber && (
            <Alert color="yellow" variant="light">
              The payer&apos;s claim number is not on file: the payer may reject the{' '}
              {kind === 'void' ? 'void' : 'replacement'}.
            </Alert>
          )}
          <Textarea
            label="Why (optional, kept in the history)"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            data-autofocus
          />
          {run.error !== null && <ApiErrorAlert error={run.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={kind === 'void' ? 'red' : undefined} loading={run.isPending}>
              {kind === 'void' ? 'Make void claim' : 'Make corrected claim'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function StatusModal({
  claim,
  status,
  pending,
  onClose,
  onConfirm,
}: {
  claim: Claim;
  status: ClaimStatus | null;
  pending: boolean;
  onClose: () => void;
  onConfirm: (input: { status: ClaimStatus; note?: string; payerClaimNumber?: string }) => void;
}) {
  const [note, setNote] = useState('');
  const [payerNumber, setPayerNumber] = useState(claim.payerClaimNumber ?? '');
  return (
    <Modal
      opened={status !== null}
      onClose={onClose}
      title={status ? `Set the claim to “${CLAIM_STATUS_LABELS[status]}”` : 'Set status'}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!status) return;
          onConfirm({
            status,
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(payerNumber.trim() && payerNumber.trim() !== claim.payerClaimNumber
              ? { payerClaimNumber: payerNumber.trim() }
              : {}),
          });
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            Use this for what the payer reported outside a remittance file (a portal, a letter, a phone call).
            Payments are posted from the 835 or on the client&apos;s account.
          </Text>
          <TextInput
            label="Payer's claim number (optional)"
            value={payerNumber}
            onChange={(e) => setPayerNumber(e.currentTarget.value)}
            maxLength={50}
          />
          <Textarea
            label="Note (optional)"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Set status
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
