/** The only place that reads the wall clock; everything else receives `now` (request context) or a Clock. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move by hand. */
export function createManualClock(
  start: Date,
): Clock & { advance: (ms: number) => void; set: (d: Date) => void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (d) => {
      current = d.getTime();
    },
  };
}
