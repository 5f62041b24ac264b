/** "To document": the signed-in therapist's completed visits without a signed session note. */
import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconNotes } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/http.js';
import { getToDo, openVisitNote, scheduleKeys, type Appointment } from '../../api/scheduling.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { Section } from '../../components/Section.js';
import { formatVisitTime } from './calendar-time.js';

export function ToDocumentList({ therapistId, zone }: { therapistId: string; zone: string }) {
  const query = useQuery({ queryKey: scheduleKeys.toDo(therapistId), queryFn: () => getToDo(therapistId) });
  const canDocument = useCan('clinical:write');
  const items = query.data?.items ?? [];
  return (
    <Section
      title="To document"
      description="Your completed visits without a signed session note, oldest first."
    >
      {query.isPending ? (
        <Skeleton height={40} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The list could not be loaded" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing to document: every completed visit has a signed note.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((a) => (
            <ToDocumentItem key={a.id} appointment={a} zone={zone} canDocument={canDocument} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function ToDocumentItem({
  appointment: a,
  zone,
  canDocument,
}: {
  appointment: Appointment;
  zone: string;
  canDocument: boolean;
}) {
  const navigate = useNavigate();
  const open = useMutation({
    mutationFn: () => openVisitNote(a.id),
    onSuccess: ({ noteId, episodeId }) =>
      void navigate(`/clients/${a.clientId}/episodes/${episodeId}/notes/${noteId}`),
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: 'The note could not be opened',
        message: errorMessage(error),
      }),
  });
  return (
    <Group component="li" justify="space-between" gap="sm" wrap="wrap">
      <div>
        <Text size="sm" fw={600}>
          {a.clientName}
          {a.serviceName ? ` · ${a.serviceName}` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {formatVisitTime(a.start, a.end, zone)}
          {a.sessionNoteId ? ' · draft note started' : ''}
          {a.episodeTitle ? ` · ${a.episodeTitle}` : ' · no episode of care chosen'}
        </Text>
      </div>
      {canDocument && a.episodeId && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconNotes size={14} aria-hidden />}
          loading={open.isPending}
          onClick={() => open.mutate()}
          aria-label={`Open session note for ${a.clientName}, ${formatVisitTime(a.start, a.end, zone)}`}
        >
          Open session note
        </Button>
      )}
    </Group>
  );
}
