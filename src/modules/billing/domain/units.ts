/**
 * Billing units from documented minutes, by the two methods payers use (billing-standards.md §1).
 *
 * CMS ("8-minute rule", Pub. 100-04 ch. 5 §20.2): timed minutes of the day are pooled; the total decides
 * how many units are billed (8–22 → 1, 23–37 → 2, …); each code first gets its full 15-minute units, then
 * the remaining units go one each to the codes with the most minutes left over.
 * Per-code (AMA CPT time rule, "substantial portion"): each timed code on its own, a unit once the
 * midpoint (8 of 15 minutes) is passed; minutes are never pooled.
 * Untimed codes bill 1 unit each and their minutes do not count toward the timed total.
 */

export type UnitMethod = 'cms' | 'per-code';

export type ServiceMinutes = { code: string; minutes: number; timed: boolean };

export type UnitLine = { code: string; minutes: number; timed: boolean; units: number };

export type UnitResult = {
  method: UnitMethod;
  totalTimedMinutes: number;
  totalUnits: number;
  lines: UnitLine[];
  explanation: string;
};

const UNIT_MINUTES = 15;
const MIDPOINT_MINUTES = 8;

/** Units for a span of timed minutes: the CMS chart, and the per-code rule for one code (same formula). */
export function unitsForMinutes(minutes: number): number {
  if (minutes < MIDPOINT_MINUTES) return 0;
  return Math.floor((minutes - MIDPOINT_MINUTES) / UNIT_MINUTES) + 1;
}

export function computeUnits(method: UnitMethod, services: readonly ServiceMinutes[]): UnitResult {
  const lines = mergeByCode(services);
  const timed = lines.filter((line) => line.timed);
  const totalTimedMinutes = timed.reduce((sum, line) => sum + line.minutes, 0);

  for (const line of lines) {
    if (!line.timed) line.units = 1;
  }
  if (method === 'per-code') {
    for (const line of timed) line.units = unitsForMinutes(line.minutes);
  } else {
    allocateCmsUnits(timed, unitsForMinutes(totalTimedMinutes));
  }

  const totalUnits = lines.reduce((sum, line) => sum + line.units, 0);
  return {
    method,
    totalTimedMinutes,
    totalUnits,
    lines,
    explanation: explainUnits(method, lines, totalTimedMinutes, totalUnits),
  };
}

/** One line per code: the same code documented twice on one day is one service (§1.1 rule 2). */
function mergeByCode(services: readonly ServiceMinutes[]): UnitLine[] {
  const byCode = new Map<string, UnitLine>();
  for (const service of services) {
    const existing = byCode.get(service.code);
    if (existing) existing.minutes += service.minutes;
    else
      byCode.set(service.code, {
        code: service.code,
        minutes: service.minutes,
        timed: service.timed,
        units: 0,
      });
  }
  return [...byCode.values()];
}

function allocateCmsUnits(timed: UnitLine[], totalUnits: number): void {
  // Full 15-minute units first (§1.1 rule 3): a code done 30 minutes keeps at least 2 units.
  for (const line of timed) line.units = Math.floor(line.minutes / UNIT_MINUTES);
  let remaining = totalUnits - timed.reduce((sum, line) => sum + line.units, 0);
  // Then largest leftover first (rule 4, and rule 5 for several short services). CMS lets either code
  // take a tied unit; ties go to the lower code so the answer never depends on the order of entry.
  const byLeftover = [...timed]
    .filter((line) => line.minutes % UNIT_MINUTES > 0)
    .sort((a, b) => (b.minutes % UNIT_MINUTES) - (a.minutes % UNIT_MINUTES) || compareCodes(a.code, b.code));
  for (const line of byLeftover) {
    if (remaining <= 0) break;
    line.units += 1;
    remaining -= 1;
  }
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function explainUnits(
  method: UnitMethod,
  lines: UnitLine[],
  totalTimedMinutes: number,
  totalUnits: number,
): string {
  const timed = lines.filter((line) => line.timed);
  const untimed = lines.filter((line) => !line.timed);
  const parts: string[] = [];
  if (timed.length > 0) {
    if (method === 'cms') {
      const billed = timed.filter((line) => line.units > 0).map((line) => `${line.code} ×${line.units}`);
      const timedUnits = timed.reduce((sum, line) => sum + line.units, 0);
      let sentence = `${totalTimedMinutes} timed minutes → ${plural(timedUnits, 'unit')}${billed.length ? `: ${billed.join(', ')}` : ''}`;
      const unbilled = timed.filter((line) => line.units === 0);
      if (unbilled.length > 0) {
        sentence += `; not billed: ${unbilled.map((line) => `${line.code} (${line.minutes} min)`).join(', ')}`;
      }
      if (totalTimedMinutes < MIDPOINT_MINUTES) sentence += ' (under 8 timed minutes bill no unit)';
      parts.push(sentence);
    } else {
      const perCode = timed.map((line) => `${line.code} ${line.minutes} min → ${line.units}`);
      parts.push(`Per-code rule (8 minutes per unit, minutes not pooled): ${perCode.join(', ')}`);
    }
  }
  if (untimed.length > 0) {
    parts.push(`untimed: ${untimed.map((line) => `${line.code} ×1`).join(', ')}`);
  }
  parts.push(`total ${plural(totalUnits, 'unit')}`);
  return parts.join('; ') + '.';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
