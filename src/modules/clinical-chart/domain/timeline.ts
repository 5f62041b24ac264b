/**
 * The episode timeline (issue 3, item 10): every record of the episode in date order, so the story of the
 * care reads top to bottom. Pure: the service hands in already-loaded records.
 */
export type TimelineKind =
  | 'episode_opened'
  | 'prescription'
  | 'intake'
  | 'consent'
  | 'assessment'
  | 're_evaluation'
  | 'discharge_assessment'
  | 'treatment_plan'
  | 'session_note'
  | 'addendum'
  | 'discharged';

export type TimelineItem = {
  date: string;
  /** Orders items of the same day: the moment they were recorded (ISO), or '' for date-only items. */
  at: string;
  kind: TimelineKind;
  title: string;
  detail: string | null;
  refId: string | null;
  status: 'draft' | 'signed' | null;
};

const KIND_ORDER: Record<TimelineKind, number> = {
  episode_opened: 0,
  prescription: 1,
  intake: 2,
  consent: 3,
  assessment: 4,
  treatment_plan: 5,
  session_note: 6,
  addendum: 7,
  re_evaluation: 8,
  discharge_assessment: 9,
  discharged: 10,
};

export function sortTimeline(items: readonly TimelineItem[]): TimelineItem[] {
  return [...items].sort(
    (a, b) =>
      a.date.localeCompare(b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.at.localeCompare(b.at),
  );
}
