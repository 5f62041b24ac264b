import { Text } from '@mantine/core';
import { useParams } from 'react-router';

/** Route /clients/:clientId/episodes/:episodeId/notes/:noteId — placeholder until built. */
export function NoteEditorPage() {
  const { noteId } = useParams();
  return <Text c="dimmed">Note {noteId}</Text>;
}
