import { useEffect, useRef, useState } from 'react';
import { Alert, Group, List, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconShieldCheck } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { BodyChartMark } from '../../../../modules/assessments/domain/body-regions.js';
import {
  clinicalKeys,
  getChart,
  getNote,
  type ClinicalChart,
  type SessionNote,
} from '../../../api/clinical.js';
import { isApiError } from '../../../api/http.js';
import { useCan } from '../../../app/session.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { formatDay } from '../episode-ui.js';
import { AlertBanner } from '../ScreeningAlerts.js';
import { NoteDraftEditor, type LostText } from './NoteDraftEditor.js';
import { NoteSignedView } from './NoteSignedView.js';
import { NoteStatusBadge } from './NotesTab.js';

/** The marks to compare with: the previous note that has marks, else the latest assessment's. */
function comparisonFor(
  note: SessionNote,
  chart: ClinicalChart | undefined,
): { marks: BodyChartMark[]; label: string } | undefined {
  if (!chart) return undefined;
  const earlier = (other: SessionNote) =>
    other.id !== note.id &&
    (other.sessionDate < note.sessionDate ||
      (other.sessionDate === note.sessionDate && other.createdAt < note.createdAt));
  const previous = chart.notes
    .filter((n) => earlier(n) && n.marks.length > 0)
    .sort((a, b) => a.sessionDate.localeCompare(b.sessionDate) || a.createdAt.localeCompare(b.createdAt))
    .at(-1);
  if (previous) return { marks: previous.marks, label: `the note of ${formatDay(previous.sessionDate)}` };
  const assessment = chart.assessments
    .filter((a) => a.marks.length > 0 && a.assessedOn <= note.sessionDate)
    .sort((a, b) => a.assessedOn.localeCompare(b.assessedOn))
    .at(-1);
  if (assessment)
    return {
      marks: assessment.marks,
      label: `the ${assessment.kind === 'initial' ? 'initial assessment' : 'assessment'} of ${formatDay(assessment.assessedOn)}`,
    };
  return undefined;
}

/** Route /clients/:clientId/episodes/:episodeId/notes/:noteId — one session note, draft or signed. */
export function NoteEditorPage() {
  const { clientId = '', episodeId = '', noteId = '' } = useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const canWrite = useCan('clinical:write');
  const [generation, setGeneration] = useState(0);
  const [lostText, setLostText] = useState<LostText[] | null>(null);
  const noteQuery = useQuery({ queryKey: clinicalKeys.note(noteId), queryFn: () => getNote(noteId) });
  const chartQuery = useQuery({
    queryKey: clinicalKeys.chart(episodeId),
    queryFn: () => getChart(episodeId),
  });
  const notesPath = `/clients/${clientId}/episodes/${episodeId}?tab=notes`;
  const back = { to: notesPath, label: 'Session notes' };
  const chart = chartQuery.data;
  // A deleted draft is forgotten once this page (its only observer) is gone; earlier, it would refetch.
  const deletedId = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (deletedId.current) queryClient.removeQueries({ queryKey: clinicalKeys.note(deletedId.current) });
    },
    [queryClient],
  );

  if (noteQuery.isPending) {
    return (
      <Stack gap="lg" aria-busy="true">
        <PageHeader title="Session note" back={back}>
          <Skeleton height={16} width={260} />
        </PageHeader>
        <Paper p="lg">
          <Stack gap="md">
            <Skeleton height={20} width={180} />
            <Skeleton height={80} />
            <Skeleton height={80} />
          </Stack>
        </Paper>
      </Stack>
    );
  }

  if (noteQuery.isError) {
    const notFound =
      isApiError(noteQuery.error) && (noteQuery.error.status === 404 || noteQuery.error.status === 400);
    return (
      <>
        <PageHeader title={notFound ? 'Note not found' : 'Session note'} back={back} />
        {notFound ? (
          <Text>This note does not exist (a draft may have been deleted), or the link is wrong.</Text>
        ) : (
          <ApiErrorAlert error={noteQuery.error} />
        )}
      </>
    );
  }

  const note = noteQuery.data;
  const editable = canWrite && note.status === 'draft' && chart?.episode.status !== 'discharged';
  const compare = comparisonFor(note, chart);

  /** Keeps the cached note current; the chart is refreshed when the episode page is next shown. */
  const remember = (updated: SessionNote, refreshChart: boolean) => {
    queryClient.setQueryData(clinicalKeys.note(updated.id), updated);
    void queryClient.invalidateQueries({
      queryKey: clinicalKeys.chart(episodeId),
      refetchType: refreshChart ? 'active' : 'none',
    });
  };

  return (
    <>
      <PageHeader
        title={`Session note · ${formatDay(note.sessionDate)}`}
        documentTitle="Session note"
        back={back}
      >
        <Group gap="xs" wrap="wrap">
          <NoteStatusBadge note={note} />
          <Text size="sm" c="gray.7">
            {chart ? (
              `${chart.client.name} · ${chart.episode.title}`
            ) : (
              <Skeleton component="span" height={14} width={220} />
            )}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          Therapist: {note.therapistName}
        </Text>
      </PageHeader>

      <Stack gap="lg">
        {note.alerts.length > 0 ? (
          <AlertBanner alerts={note.alerts} />
        ) : (
          <Group gap={6} c="dimmed">
            <IconShieldCheck size={16} aria-hidden />
            <Text size="sm">No screening alerts from the intake.</Text>
          </Group>
        )}
        {chartQuery.isError && (
          <ApiErrorAlert error={chartQuery.error} title="The episode could not be loaded" color="orange" />
        )}
        {lostText && (
          <Alert
            color="blue"
            variant="light"
            title="The latest version is shown — this text of yours was not saved"
            icon={<IconInfoCircle aria-hidden />}
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setLostText(null)}
          >
            <List size="sm" spacing={4}>
              {lostText.map((item) => (
                <List.Item key={item.label}>
                  <Text span fw={600} size="sm">
                    {item.label}:
                  </Text>{' '}
                  <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {item.value}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {editable ? (
          <NoteDraftEditor
            key={`${note.id}-${generation}`}
            note={note}
            alerts={note.alerts}
            compare={compare}
            onSaved={(saved) => remember(saved, false)}
            onSigned={(signed) => {
              remember(signed, true);
              setLostText(null);
              notifications.show({
                color: 'teal',
                title: 'Note signed',
                message: `The note of ${formatDay(signed.sessionDate)} is signed and locked.`,
              });
              window.scrollTo({ top: 0, behavior: 'smooth' });
            }}
            onDeleted={() => {
              void queryClient.invalidateQueries({ queryKey: clinicalKeys.chart(episodeId) });
              notifications.show({
                color: 'gray',
                title: 'Draft deleted',
                message: 'The draft note was deleted.',
              });
              deletedId.current = note.id;
              void navigate(notesPath);
            }}
            onReload={async (lost) => {
              await queryClient.fetchQuery({
                queryKey: clinicalKeys.note(note.id),
                queryFn: () => getNote(note.id),
                staleTime: 0,
              });
              void queryClient.invalidateQueries({ queryKey: clinicalKeys.chart(episodeId) });
              setLostText(lost.length ? lost : null);
              setGeneration((g) => g + 1);
            }}
          />
        ) : (
          <NoteSignedView
            note={note}
            alerts={note.alerts}
            compare={compare}
            canAddAddendum={canWrite && chart?.episode.status !== 'discharged'}
            readOnlyReason={
              canWrite
                ? 'The episode is discharged: reopen it to finish this draft.'
                : 'Your role can read this draft but not change it.'
            }
            onChanged={(updated) => remember(updated, true)}
          />
        )}
      </Stack>
    </>
  );
}
