/**
 * Progress report / discharge summary for a clinical episode: the data the PDF renderer takes, and the pure
 * layout arithmetic it uses (dates, number formats, text wrapping, chart scales). No I/O, no clock: dates
 * arrive as 'YYYY-MM-DD' strings in the clinic's calendar and are formatted from their parts.
 */

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

export type ReportKind = 'progress' | 'discharge';
export type GoalStatus = 'met' | 'progressing' | 'not_progressing';
export type Recommendation = 'continue' | 'modify' | 'discharge' | 'renew';

export type MeasurePoint = { date: IsoDate; score: number };

export type OutcomeMeasure = {
  /** Short instrument name as clinicians write it, e.g. 'NDI', 'PSFS'. */
  instrument: string;
  /** '%' or 'points'. */
  unit: string;
  higherIsBetter: boolean;
  /** Minimal clinically important difference, in the instrument's unit. */
  mcid: number;
  points: MeasurePoint[];
  goal?: { target: number; targetDate: IsoDate } | undefined;
  /** The instrument's possible scores (PSFS 0–10, LEFS 0–80), so the chart's axis stays inside them. */
  range?: { min: number; max: number } | undefined;
};

export type ReportGoal = {
  text: string;
  status: GoalStatus;
  baseline?: string | undefined;
  current?: string | undefined;
};

export type ProgressReportData = {
  kind: ReportKind;
  clinic: {
    name: string;
    addressLines: string[];
    phone?: string | undefined;
    fax?: string | undefined;
    npi?: string | undefined;
  };
  client: { name: string; dateOfBirth: IsoDate };
  prescriber?:
    | {
        name: string;
        practice?: string | undefined;
        phone?: string | undefined;
        fax?: string | undefined;
        npi?: string | undefined;
      }
    | undefined;
  episode: { title: string; startedOn: IsoDate };
  reportDate: IsoDate;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  diagnoses: { code: string; description: string }[];
  visits: { used: number; authorised: number | null };
  measures: OutcomeMeasure[];
  goals: ReportGoal[];
  /** The therapist's narrative; blank lines separate paragraphs. */
  summary: string;
  recommendation: Recommendation;
  recommendationNote?: string | undefined;
  therapist: {
    name: string;
    credentials?: string | undefined;
    licenseNumber?: string | undefined;
    /** Already formatted by the caller in the clinic's time zone, e.g. "Nov 25, 2026 at 4:12 PM EST". */
    signedAtDisplay?: string | undefined;
  };
};

export const REPORT_TITLES: Record<ReportKind, string> = {
  progress: 'Progress report',
  discharge: 'Discharge summary',
};

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  met: 'Met',
  progressing: 'Progressing',
  not_progressing: 'Not progressing',
};

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  continue: 'Continue the current plan of care',
  modify: 'Modify the plan of care',
  discharge: 'Discharge from care',
  renew: 'Renew the prescription / authorization',
};

// ---------------------------------------------------------------------------------------------------------
// Dates

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export type DateParts = { year: number; month: number; day: number };

/** Splits 'YYYY-MM-DD' into numbers; throws on anything that is not a real calendar date. */
export function parseIsoDate(value: IsoDate): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parts = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!parts || parts.month < 1 || parts.month > 12 || parts.day < 1) {
    throw new Error(`Not a YYYY-MM-DD date: ${JSON.stringify(value)}`);
  }
  if (parts.day > daysInMonth(parts.year, parts.month)) throw new Error(`No such date: ${value}`);
  return parts;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** '2026-11-25' → 'Nov 25, 2026' (US style, as the letters go to US prescribers and payers). */
export function formatDisplayDate(value: IsoDate): string {
  const { year, month, day } = parseIsoDate(value);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

/** '2026-11-25' → 'Nov 25': chart axis labels, where the year is in the chart's caption. */
export function formatShortDate(value: IsoDate): string {
  const { month, day } = parseIsoDate(value);
  return `${MONTHS[month - 1]} ${day}`;
}

/** 'Sep 2 – Nov 25, 2026'; both years when the period spans a new year; one date for a one-day period. */
export function formatPeriod(from: IsoDate, to: IsoDate): string {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (from === to) return formatDisplayDate(from);
  if (a.year === b.year) return `${formatShortDate(from)} – ${formatDisplayDate(to)}`;
  return `${formatDisplayDate(from)} – ${formatDisplayDate(to)}`;
}

/**
 * Days since 1970-01-01 for a calendar date, without Date (so no time zone can shift it). The algorithm is
 * Howard Hinnant's days_from_civil.
 */
export function dayNumber(value: IsoDate): number {
  const { year, month, day } = parseIsoDate(value);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers and measures

/** At most one decimal, no trailing '.0'; a real minus sign for negatives. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  const text = Math.abs(rounded).toFixed(1).replace(/\.0$/, '');
  return rounded < 0 ? `−${text}` : text;
}

/** '38%' or '6.5 points'. */
export function formatScore(score: number, unit: string): string {
  if (unit === '%') return `${formatNumber(score)}%`;
  return unit ? `${formatNumber(score)} ${unit}` : formatNumber(score);
}

/** '+2.5' / '−22' / '0': the sign says the direction of the number, not whether it is better. */
export function formatSignedNumber(value: number): string {
  const text = formatNumber(value);
  return value > 0 && text !== '0' ? `+${text}` : text;
}

export type MeasureSummary = {
  baseline: MeasurePoint | undefined;
  latest: MeasurePoint | undefined;
  /** latest − baseline in the instrument's unit (undefined with fewer than two scores). */
  change: number | undefined;
  /** The change turned so that positive means better. */
  improvement: number | undefined;
  direction: 'improved' | 'worse' | 'unchanged' | undefined;
  mcidReached: boolean | undefined;
};

/** Points in date order; the input order is not trusted. Equal dates keep their given order. */
export function sortedPoints(points: MeasurePoint[]): MeasurePoint[] {
  return [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Baseline is the first score of the episode, latest the last one. */
export function summarizeMeasure(measure: OutcomeMeasure): MeasureSummary {
  const points = sortedPoints(measure.points);
  const baseline = points[0];
  const latest = points.length > 1 ? points[points.length - 1] : undefined;
  if (!baseline || !latest) {
    return {
      baseline,
      latest: baseline,
      change: undefined,
      improvement: undefined,
      direction: undefined,
      mcidReached: undefined,
    };
  }
  const change = latest.score - baseline.score;
  const improvement = measure.higherIsBetter ? change : -change;
  // Round before comparing so 7.5 entered as 7.499999 (floating point) still counts as reaching 7.5.
  const rounded = Math.round(improvement * 1000) / 1000;
  return {
    baseline,
    latest,
    change,
    improvement,
    direction: rounded > 0 ? 'improved' : rounded < 0 ? 'worse' : 'unchanged',
    mcidReached: rounded >= measure.mcid,
  };
}

export function visitsLine(visits: ProgressReportData['visits']): string {
  const used = `${visits.used} ${visits.used === 1 ? 'visit' : 'visits'}`;
  if (visits.authorised === null) return `${used} used (no authorization limit)`;
  return `${visits.used} of ${visits.authorised} authorized visits used`;
}

// ---------------------------------------------------------------------------------------------------------
// Text

/** One line of PDF text: tabs, newlines and other control characters become single spaces. */
export function cleanLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
}

/** Paragraphs separated by blank lines; CRLF tolerated; empty paragraphs dropped. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * Greedy word wrap. `measure` gives a string's width in the same unit as `maxWidth`. Single newlines inside
 * the text are kept as line breaks (therapists type short lists); a word wider than the line is cut between
 * characters so nothing runs past the margin.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const hardLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const words = cleanLine(hardLine).split(' ').filter(Boolean);
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let current = '';
    for (const word of words) {
      const candidate = current ? `${current} ${word}` : word;
      if (measure(candidate) <= maxWidth) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      current = '';
      if (measure(word) <= maxWidth) {
        current = word;
        continue;
      }
      for (const piece of breakWord(word, maxWidth, measure)) {
        if (current) lines.push(current);
        current = piece;
      }
    }
    if (current) lines.push(current);
  }
  return lines;
}

/** The text cut at a character boundary and ended with '…' so it fits `maxWidth`; unchanged if it fits. */
export function truncateToWidth(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const chars = [...text];
  // Binary search on the number of characters kept: measure() is the costly part.
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${chars.slice(0, lo).join('').trimEnd()}…`;
}

function breakWord(word: string, maxWidth: number, measure: (s: string) => number): string[] {
  const pieces: string[] = [];
  let piece = '';
  // Iterate code points, not UTF-16 units, so a character outside the BMP is never split in half.
  for (const char of word) {
    if (piece && measure(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = char;
    } else {
      piece += char;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

// ---------------------------------------------------------------------------------------------------------
// Charts

export type Scale = { min: number; max: number; ticks: number[] };

/** A 'nice' step (1, 2, 2.5 or 5 × 10^n) giving about `count` intervals over `span`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * magnitude;
}

/**
 * The y scale for a measure chart: covers every value given (scores, goal, baseline ± MCID), padded by a
 * little and snapped outwards to nice ticks, but never beyond the instrument's own range (`floor`/`ceiling`,
 * e.g. 0–100 for a percentage) so the axis does not show impossible scores.
 */
export function chartScale(
  values: number[],
  options: { floor?: number | undefined; ceiling?: number | undefined; tickCount?: number } = {},
): Scale {
  const finite = values.filter((v) => Number.isFinite(v));
  const tickCount = options.tickCount ?? 4;
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  if (hi - lo < 1e-9) {
    // A flat series still needs a visible range around it.
    const half = Math.max(Math.abs(lo) * 0.1, 1);
    lo -= half;
    hi += half;
  }
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  if (options.floor !== undefined) lo = Math.max(lo, options.floor);
  if (options.ceiling !== undefined) hi = Math.min(hi, options.ceiling);
  const step = niceStep(hi - lo, tickCount);
  let min = Math.floor(lo / step - 1e-9) * step;
  let max = Math.ceil(hi / step + 1e-9) * step;
  if (options.floor !== undefined) min = Math.max(min, options.floor);
  if (options.ceiling !== undefined) max = Math.min(max, options.ceiling);
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-6; t += step) {
    ticks.push(tidy(t));
  }
  return { min: tidy(min), max: tidy(max), ticks };
}

/** Drops floating-point dust (0.30000000000000004) and turns -0 into 0. */
function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0;
}

/** The instrument's possible range: as given, else what the unit tells (0–100 for %, else ≥ 0). */
export function measureBounds(measure: Pick<OutcomeMeasure, 'unit' | 'range'>): {
  floor?: number;
  ceiling?: number;
} {
  if (measure.range) return { floor: measure.range.min, ceiling: measure.range.max };
  return measure.unit === '%' ? { floor: 0, ceiling: 100 } : { floor: 0 };
}

/** Maps a value on `scale` to a coordinate between `from` (scale.min) and `to` (scale.max). */
export function project(
  value: number,
  scale: { min: number; max: number },
  from: number,
  to: number,
): number {
  if (scale.max === scale.min) return (from + to) / 2;
  return from + ((value - scale.min) / (scale.max - scale.min)) * (to - from);
}

/**
 * x coordinates for dates, proportional to the days between them, over [x0, x0 + width]. The range runs
 * from the earliest to the latest of `dates` and `extra` (e.g. a goal's target date). A single day sits in
 * the middle.
 */
export function dateXPositions(dates: IsoDate[], x0: number, width: number, extra: IsoDate[] = []) {
  const all = [...dates, ...extra].map(dayNumber);
  const first = Math.min(...all);
  const last = Math.max(...all);
  const at = (date: IsoDate) =>
    last === first ? x0 + width / 2 : x0 + ((dayNumber(date) - first) / (last - first)) * width;
  return { xs: dates.map(at), at };
}

/**
 * Which axis labels to draw so none overlap: a label is kept when it is `minGap` from the previous kept
 * one and from the last, which is always kept (the latest score matters most). `xs` must be ascending.
 * Returns the indexes to label.
 */
export function labelsToShow(xs: number[], minGap: number): number[] {
  if (xs.length === 0) return [];
  const lastIndex = xs.length - 1;
  const lastX = xs[lastIndex] ?? 0;
  const kept: number[] = [];
  let previousX = -Infinity;
  for (let i = 0; i < lastIndex; i++) {
    const x = xs[i] ?? 0;
    if (x - previousX >= minGap && lastX - x >= minGap) {
      kept.push(i);
      previousX = x;
    }
  }
  kept.push(lastIndex);
  return kept;
}
