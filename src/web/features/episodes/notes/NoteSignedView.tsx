import { useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Code,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  ThemeIcon,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconLock, IconPencilPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { BodyChartMark } from '../../../../modules/assessments/domain/body-regions.js';
import { addAddendum, type ScreeningAlert, type SessionNote } from '../../../api/clinical.js';
import { isApiError } from '../../../api/http.js';
import { readableTextColor } from '../../../app/theme.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../../components/format.js';
import { Section } from '../../../components/Section.js';
import { BodyChart } from '../../body-chart/BodyChart.js';
import { ConflictsAlert } from './NoteConflicts.js';
import { CodesText } from './NotesTab.js';
import {
  painSummary,
  pressureLabel,
  regionNames,
  serviceCodeLabel,
  techniqueLabel,
  alertHeading,
} from '../shared/notes-format.js';

function Narrative({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <Text size="sm" fw={700} c="gray.7">
        {label}
      </Text>
      {text.trim() ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {text}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          Not recorded
        </Text>
      )}
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </div>
  );
}

/** A note as it reads: signed (locked, with its hash and addenda) or a draft the user may not edit. */
export function NoteSignedView({
  note,
  alerts,
  compare,
  canAddAddendum,
  readOnlyReason,
  onChanged,
}: {
  note: SessionNote;
  alerts: readonly ScreeningAlert[];
  compare: { marks: BodyChartMark[]; label: string } | undefined;
  canAddAddendum: boolean;
  /** Why a draft is shown read-only. */
  readOnlyReason: string;
  onChanged: (note: SessionNote) => void;
}) {
  const signed = note.status === 'signed';
  const alertOf = (ruleId: string) => alerts.find((a) => a.ruleId === ruleId);

  return (
    <Stack gap="lg">
      {signed ? (
        <Paper p="md" bg="teal.0" style={{ borderColor: 'var(--mantine-color-teal-3)' }}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon color="teal" variant="light" size="lg" radius="xl" aria-hidden>
              <IconLock size={20} />
            </ThemeIcon>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={600} c="teal.9">
                Signed by {note.signedByName} on {note.signedAt ? formatDateTime(note.signedAt) : '—'}
              </Text>
              <Text size="sm" c="gray.7">
                This note is locked. Corrections are added as addenda below.
              </Text>
              {note.contentSha256 && (
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                  SHA-256 <Code fz="xs">{note.contentSha256}</Code>
                </Text>
              )}
            </Stack>
          </Group>
        </Paper>
      ) : (
        <Paper p="md" bg="yellow.0">
          <Text size="sm">
            <Badge color="yellow" variant="light" mr="xs">
              Draft
            </Badge>
            Not signed yet. {readOnlyReason}
          </Text>
        </Paper>
      )}

      <Section title="Session">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Fact label="Pain before → after" value={painSummary(note.painBefore, note.painAfter)} />
          <Fact label="Pressure" value={pressureLabel(note.pressureLevel)} />
          <Fact label="Total time" value={`${note.totalMinutes} min`} />
          <div>
            <Text size="xs" c="dimmed">
              Codes
            </Text>
            <Text size="sm" fw={600} component="div">
              <CodesText services={note.services} />
            </Text>
          </div>
        </SimpleGrid>
      </Section>

      <Section title="SOAP">
        <Stack gap="md">
          <Narrative label="Subjective" text={note.subjective} />
          <Narrative label="Objective" text={note.objective} />
          <Narrative label="Assessment" text={note.assessment} />
          <Narrative label="Plan" text={note.plan} />
        </Stack>
      </Section>

      <Section title="Services performed">
        <ConflictsAlert conflicts={note.conflicts} signed={signed} />
        {note.services.length === 0 ? (
          <Text size="sm" c="dimmed">
            No services recorded.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Technique</Table.Th>
                  <Table.Th>Regions</Table.Th>
                  <Table.Th ta="right">Minutes</Table.Th>
                  <Table.Th>Service code</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {note.services.map((s, i) => {
                  const flagged = note.conflicts.filter((c) => c.serviceIndex === i);
                  return (
                    <Table.Tr key={i} bg={flagged.length ? 'orange.0' : undefined}>
                      <Table.Td>
                        {flagged.length > 0 ? (
                          <Group gap={6} wrap="nowrap" align="flex-start">
                            <IconAlertTriangle
                              size={16}
                              color="var(--mantine-color-orange-7)"
                              aria-hidden
                              style={{ flexShrink: 0, marginTop: 3 }}
                            />
                            <div>
                              <Text size="sm" fw={600}>
                                {techniqueLabel(s.technique)}
                              </Text>
                              <Text size="xs" c={readableTextColor('orange')}>
                                Advised against: {flagged.map((c) => c.alertTitle).join(', ')}
                              </Text>
                            </div>
                          </Group>
                        ) : (
                          techniqueLabel(s.technique)
                        )}
                      </Table.Td>
                      <Table.Td>{s.regions.length ? regionNames(s.regions) : '—'}</Table.Td>
                      <Table.Td ta="right">{s.minutes}</Table.Td>
                      <Table.Td>{serviceCodeLabel(s.serviceCode)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={2}>Total</Table.Th>
                  <Table.Th ta="right">{note.totalMinutes}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      <Section title="Response and home care">
        <Stack gap="md">
          <Narrative label="Client response" text={note.clientResponse} />
          <Narrative label="Home care given" text={note.homeCare} />
        </Stack>
      </Section>

      {note.acknowledgements.length > 0 && (
        <Section title="Alerts acknowledged">
          <List spacing="sm" size="sm">
            {note.acknowledgements.map((a) => {
              const alert = alertOf(a.ruleId);
              return (
                <List.Item key={a.ruleId}>
                  <Text size="sm" fw={600}>
                    {alert ? alertHeading(alert) : a.ruleId}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {a.reason}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Acknowledged by {a.acknowledgedByName} on {formatDateTime(a.acknowledgedAt)}
                  </Text>
                </List.Item>
              );
            })}
          </List>
        </Section>
      )}

      {note.outcomeMeasures.length > 0 && (
        <Section title="Outcome measures">
          <List size="sm" spacing={4}>
            {note.outcomeMeasures.map((m) => (
              <List.Item key={m.instrument}>
                {m.instrument.toUpperCase()}: {m.score} ({m.band})
              </List.Item>
            ))}
          </List>
        </Section>
      )}

      <Section title="Body chart" description={compare ? `Faint marks: ${compare.label}.` : undefined}>
        <BodyChart marks={note.marks} readOnly {...(compare ? { compareWith: compare.marks } : {})} />
      </Section>

      {signed && <Addenda note={note} canAdd={canAddAddendum} onChanged={onChanged} />}
    </Stack>
  );
}

function Addenda({
  note,
  canAdd,
  onChanged,
}: {
  note: SessionNote;
  canAdd: boolean;
  onChanged: (note: SessionNote) => void;
}) {
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () => addAddendum(note.id, text),
    onSuccess: (updated) => {
      setText('');
      onChanged(updated);
      notifications.show({
        color: 'teal',
        title: 'Addendum added',
        message: 'The addendum is signed and dated.',
      });
    },
  });
  const fieldError = isApiError(add.error) ? add.error.fieldError('text') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    add.mutate();
  };

  return (
    <Section
      title={`Addenda (${note.addenda.length})`}
      description="Corrections and late entries, each signed and dated. The original note stays as signed."
    >
      <Stack gap="md">
        {note.addenda.length === 0 && (
          <Text size="sm" c="dimmed">
            No addenda.
          </Text>
        )}
        {note.addenda.map((a) => (
          <Paper
            key={a.id}
            p="sm"
            bg="gray.0"
            withBorder={false}
            style={{ borderLeft: '3px solid var(--mantine-color-palpa-5)' }}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.text}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              Signed by {a.signedByName} on {formatDateTime(a.signedAt)}
            </Text>
          </Paper>
        ))}
        {canAdd && (
          <form onSubmit={submit} noValidate aria-label="Add addendum">
            <Stack gap="sm">
              <Textarea
                id="note-addendum"
                label="New addendum"
                description="Signed with your name and the current time when you add it."
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={fieldError}
                autosize
                minRows={3}
                maxRows={12}
                maxLength={10000}
              />
              {add.error && !fieldError && (
                <ApiErrorAlert error={add.error} title="The addendum was not added" />
              )}
              <Group justify="flex-end">
                <Button
                  type="submit"
                  leftSection={<IconPencilPlus size={16} aria-hidden />}
                  loading={add.isPending}
                  disabled={text.trim().length === 0}
                >
                  Add addendum
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}
