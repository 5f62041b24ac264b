/**
 * Small helpers shared by the learning pages: short area names for charts, percentages, the exam clock,
 * the time warnings, and the spaced-review intervals shown on the grade buttons ("10 min", "3 days").
 */
import type { ReviewGrade } from '../../../api/learning.js';

/** The MBLEx areas' names are long; charts and tables use these. */
const SHORT_AREA_NAMES: Record<string, string> = {
  'anatomy-physiology': 'Anatomy & physiology',
  kinesiology: 'Kinesiology',
  pathology: 'Pathology & cautions',
  'benefits-effects': 'Benefits & effects',
  'assessment-planning': 'Assessment & planning',
  'ethics-law': 'Ethics & law',
  'professional-practice': 'Professional practice',
};

/** "Ethics & law" for "ethics-law"; an area the app does not know keeps its own name. */
export const shortAreaName = (areaId: string, fallback?: string): string =>
  SHORT_AREA_NAMES[areaId] ?? fallback ?? areaId;

/** One colour per area, the same on every chart. */
export const AREA_COLORS: Record<string, string> = {
  'anatomy-physiology': 'blue.6',
  kinesiology: 'teal.7',
  pathology: 'grape.6',
  'benefits-effects': 'orange.7',
  'assessment-planning': 'cyan.8',
  'ethics-law': 'pink.7',
  'professional-practice': 'indigo.6',
};
export const areaColor = (areaId: string): string => AREA_COLORS[areaId] ?? 'gray.6';

/** The pass mark the readiness estimate uses for "likely ready" (75 % overall, no area under 65 %). */
export const READY_PERCENT = 75;
export const WEAK_PERCENT = 65;

/** Whole percent of a share: 0.625 → 63. */
export const percentOf = (correct: number, total: number): number =>
  total === 0 ? 0 : Math.round((100 * correct) / total);

/** Colour of an accuracy in percent: below 65 red, below 75 yellow, else teal. */
export const accuracyColor = (percent: number): string =>
  percent < WEAK_PERCENT ? 'red.6' : percent < READY_PERCENT ? 'yellow.6' : 'teal.6';

/** The exam clock: "1:49:05" or "9:05". */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The clock in words for screen readers: "1 hour 49 minutes left". */
export function clockInWords(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const parts: string[] = [];
  if (h > 0) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m > 0) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  if (parts.length === 0) parts.push(`${seconds} second${seconds === 1 ? '' : 's'}`);
  return `${parts.join(' ')} left`;
}

/** The warning stage of a timed exam: 10 minutes left, then 1 minute left. */
export type TimeWarning = 'none' | 'ten' | 'one' | 'up';
export function timeWarning(remainingSeconds: number): TimeWarning {
  if (remainingSeconds <= 0) return 'up';
  if (remainingSeconds <= 60) return 'one';
  if (remainingSeconds <= 600) return 'ten';
  return 'none';
}

export const WARNING_TEXT: Record<Exclude<TimeWarning, 'none'>, string> = {
  ten: '10 minutes left. Keep a steady pace; unanswered items count as wrong.',
  one: '1 minute left. The exam finishes by itself when the time is up.',
  up: 'The time is up. Your answers are being scored.',
};

/** How long until `until`, counted from `from`, the way a review app shows it: "1 min", "3 days". */
export function formatInterval(from: Date | number, until: Date | string): string {
  const ms = new Date(until).getTime() - new Date(from).getTime();
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  if (days < 31) return `${days} day${days === 1 ? '' : 's'}`;
  const months = Math.round(days / 30.4);
  if (months < 12) return `${months} month${months === 1 ? '' : 's'}`;
  const years = Math.round((days / 365) * 10) / 10;
  return `${years} year${years === 1 ? '' : 's'}`;
}

export const GRADE_BUTTONS: { grade: ReviewGrade; label: string; key: string; color: string }[] = [
  { grade: 'again', label: 'Again', key: '1', color: 'red' },
  { grade: 'hard', label: 'Hard', key: '2', color: 'orange' },
  { grade: 'good', label: 'Good', key: '3', color: 'teal' },
  { grade: 'easy', label: 'Easy', key: '4', color: 'blue' },
];

export const OPTION_KEYS: Record<string, string> = { '1': 'A', '2': 'B', '3': 'C', '4': 'D' };

/**
 * Whether a key press belongs to a field or another control (typing, a button of its own) rather than
 * to the page's shortcuts.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return type !== 'radio' && type !== 'checkbox';
  }
  return false;
}

/** Whether a dialog (a confirmation) is open: shortcuts wait until it closes. */
export const dialogOpen = (): boolean =>
  document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
