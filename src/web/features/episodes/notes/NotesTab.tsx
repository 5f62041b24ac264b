import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconInfoCircle, IconLock, IconNotes, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import {
  clinicalKeys,
  createNote,
  getNoteReference,
  type ClinicalChart,
  type SessionNote,
} from '../../../api/clinical.js';
import { fieldErrorsFrom } from '../../../components/form-errors.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { todayDateOnly } from '../../../components/format.js';
import { formatDay } from '../episode-ui.js';
import { useCan } from '../../../app/session.js';
import { codesByCode, notesNewestFirst, painSummary } from '../shared/notes-format.js';
import { useConditionOptions } from '../../library/library-queries.js';

export const noteEditorPath = (chart: ClinicalChart, noteId: string) =>
  `/clients/${chart.client.id}/episodes/${chart.episode.id}/notes/${noteId}`;

export const noteReferenceKey = ['note-reference'] as const;

export function NoteStatusBadge({ note }: { note: Pick<SessionNote, 'status'> }) {
  return note.status === 'signed' ? (
    <Badge color="teal" variant="light" leftSection={<IconLock size={12} aria-hidden />}>
      Signed
    </Badge>
  ) : (
    <Badge color="yellow" variant="light">
      Draft
    </Badge>
  );
}

/** "97124 23 min · 97140 15 min", wrapping between codes only (or one code a line when `stacked`). */
export function CodesText({
  services,
  stacked = false,
}: {
  services: SessionNote['services'];
  stacked?: boolean;
}) {
  const codes = codesByCode(services);
  if (codes.length === 0) return <Text size="sm">—</Text>;
  if (stacked)
    return (
      <Stack gap={0}>
        {codes.map(({ code, minutes }) => (
          <Text key={code} size="xs" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
            {code} · {minutes} min
          </Text>
        ))}
      </Stack>
    );
  return (
    <Text size="sm">
      {codes.map(({ code, minutes }, i) => (
        <span key={code}>
          {i > 0 && ' · '}
          <span style={{ whiteSpace: 'nowrap' }}>
            {code} {minutes} min
          </span>
        </span>
      ))}
    </Text>
  );
}

function NoteRow({ note, to }: { note: SessionNote; to: string }) {
  const navigate = useNavigate();
  return (
    <Table.Tr
      className="row-link"
      onClick={(event) => {
        // The date link handles keyboard and middle clicks; a click elsewhere on the row opens it too.
        if ((event.target as HTMLElement).closest('a')) return;
        void navigate(to);
      }}
    >
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Anchor component={Link} to={to} fw={600} c="palpa.8">
          {formatDay(note.sessionDate)}
        </Anchor>
      </Table.Td>
      <Table.Td>{note.therapistName}</Table.Td>
      <Table.Td>
        <NoteStatusBadge note={note} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {note.totalMinutes} min
        </Text>
        <CodesText services={note.services} stacked />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{painSummary(note.painBefore, note.painAfter)}</Table.Td>
      <Table.Td ta="right">{note.addenda.length || '—'}</Table.Td>
    </Table.Tr>
  );
}

/** The episode's session notes, newest first, and the start of a new one. */
export function NotesTab(props: { chart: ClinicalChart; onChanged: () => void }) {
  const { chart } = props;
  const canWrite = useCan('clinical:write');
  const writable = canWrite && chart.episode.status === 'open';
  const [creating, setCreating] = useState(false);
  const notes = notesNewestFirst(chart.notes);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm" wrap="wrap">
        <Stack gap={0}>
          <Title order={2}>Session notes</Title>
          <Text size="sm" c="dimmed">
            {notes.length === 0
              ? 'No sessions recorded yet.'
              : `${notes.length} ${notes.length === 1 ? 'note' : 'notes'}, newest first.`}
          </Text>
        </Stack>
        {writable && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            New session note
          </Button>
        )}
      </Group>

      {canWrite && chart.episode.status !== 'open' && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          This episode is discharged: reopen it to write new session notes.
        </Alert>
      )}

      {notes.length === 0 ? (
        <Paper p="xl">
          <Stack align="center" gap="xs" ta="center">
            <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
              <IconNotes size={26} />
            </ThemeIcon>
            <Text fw={600}>No session notes yet</Text>
            <Text size="sm" c="dimmed" maw={420}>
              Start a note after each session. A template fills in the usual prompts and techniques, so you
              edit rather than type.
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Paper>
          <Table.ScrollContainer minWidth={600}>
            <Table horizontalSpacing="sm">
              <VisuallyHidden component="caption">
                Session notes, newest first. Open a note to edit a draft or read a signed note and its
                addenda.
              </VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Therapist</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Minutes and codes</Table.Th>
                  <Table.Th>Pain</Table.Th>
                  <Table.Th ta="right">Addenda</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {notes.map((note) => (
                  <NoteRow key={note.id} note={note} to={noteEditorPath(chart, note.id)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      {writable && (
        <NewNoteModal
          chart={chart}
          opened={creating}
          onClose={() => setCreating(false)}
          onCreated={props.onChanged}
        />
      )}
    </Stack>
  );
}

function NewNoteModal({
  chart,
  opened,
  onClose,
  onCreated,
}: {
  chart: ClinicalChart;
  opened: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [sessionDate, setSessionDate] = useState(() => todayDateOnly());
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [conditionId, setConditionId] = useState<string | null>(null);
  const conditions = useConditionOptions(chart, opened);
  const reference = useQuery({
    queryKey: noteReferenceKey,
    queryFn: getNoteReference,
    staleTime: Infinity,
    enabled: opened,
  });

  const create = useMutation({
    mutationFn: () =>
      createNote(chart.episode.id, {
        sessionDate,
        ...(templateId ? { templateId } : {}),
        ...(conditionId ? { conditionId } : {}),
      }),
    onSuccess: (note) => {
      queryClient.setQueryData(clinicalKeys.note(note.id), note);
      void queryClient.invalidateQueries({ queryKey: clinicalKeys.chart(chart.episode.id) });
      onCreated();
      void navigate(noteEditorPath(chart, note.id));
    },
  });
  const errors = fieldErrorsFrom(create.error);
  const otherError = create.error && Object.keys(errors).length === 0 ? create.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!create.isPending) create.mutate();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New session note" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Session date"
            type="date"
            value={sessionDate}
            onChange={(e) => setSessionDate(e.currentTarget.value)}
            error={errors.sessionDate}
            required
            data-autofocus
          />
          <Select
            label="Template (optional)"
            description="Pre-fills the SOAP prompts, home care and usual techniques."
            placeholder={reference.isPending ? 'Loading templates…' : 'Blank note'}
            data={(reference.data?.templates ?? []).map((t) => ({ value: t.id, label: t.label }))}
            value={templateId}
            onChange={setTemplateId}
            error={errors.templateId ?? (reference.isError ? 'Templates could not be loaded.' : undefined)}
            clearable
            disabled={reference.isPending}
          />
          <Select
            label="Library protocol (optional)"
            description={
              templateId && conditionId
                ? "The protocol's services, pressure, plan and home care replace the template's."
                : "Pre-fills the services, pressure, plan and home care from a condition's protocol."
            }
            placeholder={conditions.isPending ? 'Loading the library…' : 'None'}
            data={conditions.data}
            value={conditionId}
            onChange={setConditionId}
            error={
              errors.conditionId ?? (conditions.isError ? 'The library could not be loaded.' : undefined)
            }
            searchable
            clearable
            nothingFoundMessage="No condition matches"
            disabled={conditions.isPending}
            maxDropdownHeight={280}
          />
          {otherError !== null && <ApiErrorAlert error={otherError} title="The note was not created" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Start note
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
