/**
 * Techniques or pressure in a note that an active screening alert advises against (issue 4): a warning
 * near the services, and the conflicting service rows marked. Flags inform; the therapist decides.
 */
import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { SessionNote } from '../../../api/clinical.js';
import type { NoteFormValues } from './note-form.js';

export type NoteConflict = SessionNote['conflicts'][number];

/**
 * The saved note's conflicts that still hold for what is on screen (a row removed or changed since the
 * last autosave no longer counts), by service row key, plus the pressure ones. Saved services skip rows
 * without a technique, so a conflict's service index counts only those.
 */
export function liveConflicts(note: SessionNote, values: NoteFormValues) {
  const byRow = new Map<string, NoteConflict[]>();
  const current: NoteConflict[] = [];
  let savedIndex = 0;
  for (const row of values.services) {
    if (row.technique === null) continue;
    const saved = note.services[savedIndex];
    const index = savedIndex;
    savedIndex++;
    if (!saved || saved.technique !== row.technique) continue;
    const found = note.conflicts.filter((c) => c.serviceIndex === index);
    if (found.length === 0) continue;
    byRow.set(row.key, found);
    current.push(...found);
  }
  const pressure =
    values.pressureLevel === note.pressureLevel ? note.conflicts.filter((c) => c.serviceIndex === null) : [];
  return { list: [...current, ...pressure], byRow, pressure };
}

/** The warning above the services: one line per conflict ("Cupping is to be avoided: …"). */
export function ConflictsAlert({
  conflicts,
  signed = false,
}: {
  conflicts: readonly NoteConflict[];
  /** A signed note cannot change: no advice to change it. */
  signed?: boolean;
}) {
  return (
    <div aria-live="polite">
      {conflicts.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title="Advised against by the screening alerts"
          mb="md"
        >
          {conflicts.length === 1 ? (
            <Text size="sm">{conflicts[0]!.what}</Text>
          ) : (
            <List size="sm" spacing={4}>
              {conflicts.map((c, i) => (
                <List.Item key={`${c.ruleId}-${c.serviceIndex ?? 'pressure'}-${i}`}>{c.what}</List.Item>
              ))}
            </List>
          )}
          {!signed && (
            <Text size="xs" c="gray.7" mt={6}>
              Change the technique or pressure, or record in the note why it was appropriate.
            </Text>
          )}
        </Alert>
      )}
    </div>
  );
}
