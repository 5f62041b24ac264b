import { useEffect, useRef } from 'react';

/**
 * Keeps a chart's SVG layers out of the Tab order: Chromium stops on recharts' layer groups, which would
 * give keyboard users a row of empty stops (the text summary and the table carry the content).
 */
export function useUntabbableSvg() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return undefined;
    const apply = () =>
      root.querySelectorAll('svg g:not([tabindex])').forEach((g) => g.setAttribute('tabindex', '-1'));
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return ref;
}

/** "67 %" that does not break between the number and the sign (axis ticks and bar labels wrap). */
export const formatPercentTick = (value: number): string => `${value}\u00a0%`;

type TickProps = { x: number | string; y: number | string; payload: { value: unknown } };

/**
 * A category tick on one line: recharts wraps long tick labels word by word, which splits an area's name
 * from its weight. `labels` maps the data key to the name and an optional dimmed note.
 */
export function categoryTick(labels: ReadonlyMap<string, { name: string; note?: string }>) {
  return function CategoryTick({ x, y, payload }: TickProps) {
    const key = String(payload.value);
    const label = labels.get(key);
    return (
      <text
        x={Number(x) - 8}
        y={Number(y)}
        dy={4}
        textAnchor="end"
        fontSize={12}
        fill="var(--mantine-color-gray-8)"
      >
        {label?.name ?? key}
        {label?.note && <tspan fill="var(--mantine-color-gray-6)">{` · ${label.note}`}</tspan>}
      </text>
    );
  };
}
