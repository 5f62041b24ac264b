import { Text } from '@mantine/core';
import type { ClinicalChart } from '../../../api/clinical.js';

/** Placeholder until this tab is built. */
export function AssessmentsTab(props: { chart: ClinicalChart; onChanged: () => void }) {
  return <Text c="dimmed">Coming soon ({props.chart.episode.title}).</Text>;
}
