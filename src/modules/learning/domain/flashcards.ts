import type { MuscleNote } from './learning-content.js';

/** One card per attribute of a muscle note, the way an Anki "note" makes several cards. */
export function expandMuscleNote(
  note: MuscleNote,
): { id: string; front: string; back: string; tags: string[]; reference: string }[] {
  const fields = [
    ['origin', 'Origin', note.origin],
    ['insertion', 'Insertion', note.insertion],
    ['action', 'Action', note.action],
    ['innervation', 'Innervation', note.innervation],
  ] as const;
  return fields.map(([key, label, value]) => ({
    id: `${note.id}-${key}`,
    front: `${note.muscle}: ${label.toLowerCase()}?`,
    back: value,
    tags: ['muscles', note.region, key],
    reference: note.reference,
  }));
}
