/**
 * Outcome-measure series for charts and reports: every score of one instrument in date order, compared
 * with the first (baseline), with the plan's goal line and the MCID band around the baseline.
 */
export type InstrumentFacts = {
  name: string;
  unit: string;
  higherIsBetter: boolean;
  mcid: number;
  range: { min: number; max: number };
};

export type ScoredPoint = {
  instrument: string;
  takenOn: string;
  score: number;
  band: string;
  source: 'assessment' | 'session_note';
  sourceId: string;
};

export type MeasureSeries = InstrumentFacts & {
  instrument: string;
  points: { date: string; score: number; band: string; source: ScoredPoint['source']; sourceId: string }[];
  baseline: number;
  latest: number;
  change: number;
  improved: boolean;
  clinicallyImportant: boolean;
  goal: { target: number; targetDate: string } | null;
};

export function buildMeasureSeries(
  points: readonly ScoredPoint[],
  factsOf: (instrument: string) => InstrumentFacts,
  goals: readonly { instrument: string; target: number; targetDate: string; term: 'short' | 'long' }[],
): MeasureSeries[] {
  const instruments = [...new Set(points.map((p) => p.instrument))];
  return instruments.map((instrument) => {
    const facts = factsOf(instrument);
    const series = points
      .filter((p) => p.instrument === instrument)
      .sort((a, b) => a.takenOn.localeCompare(b.takenOn));
    const baseline = series[0]!.score;
    const latest = series.at(-1)!.score;
    const change = Math.round((latest - baseline) * 10) / 10;
    const improved = facts.higherIsBetter ? change > 0 : change < 0;
    // The long-term goal is the line worth drawing; a short-term one when that is all there is.
    const goal =
      goals.find((g) => g.instrument === instrument && g.term === 'long') ??
      goals.find((g) => g.instrument === instrument);
    return {
      ...facts,
      instrument,
      points: series.map((p) => ({
        date: p.takenOn,
        score: p.score,
        band: p.band,
        source: p.source,
        sourceId: p.sourceId,
      })),
      baseline,
      latest,
      change,
      improved,
      clinicallyImportant: improved && Math.abs(change) >= facts.mcid,
      goal: goal ? { target: goal.target, targetDate: goal.targetDate } : null,
    };
  });
}
