/**
 * "Start from a library protocol" in the plan editor (issue 4): fills the form from a library condition;
 * nothing is saved until the therapist saves the plan. Also applies the protocol chosen with "Use for plan"
 * on the Prescription tab (`requested`).
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconBooks, IconCircleCheck, IconExternalLink } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ClinicalChart } from '../../../api/clinical.js';
import {
  getCondition,
  LIBRARY_STALE_TIME,
  libraryKeys,
  type LibraryCondition,
} from '../../../api/library.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { plural } from '../../../components/format.js';
import { Section } from '../../../components/Section.js';
import { conditionPath } from '../../library/library-format.js';
import { useConditionOptions } from '../../library/library-queries.js';
import { frequencyText } from '../episode-ui.js';
import { applyCondition, hasOwnTreatment, type ConditionApplied, type PlanFormValues } from './plan-form.js';

type Props = {
  chart: ClinicalChart;
  values: PlanFormValues;
  onChange: (update: (values: PlanFormValues) => PlanFormValues) => void;
  /** A condition to apply as soon as it is loaded (from the address), then forgotten. */
  requested?: string | null | undefined;
  onRequestHandled?: (() => void) | undefined;
};

export function ProtocolStarter({ chart, values, onChange, requested, onRequestHandled }: Props) {
  const queryClient = useQueryClient();
  const options = useConditionOptions(chart);
  const [selected, setSelected] = useState<string | null>(requested ?? null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [asking, setAsking] = useState<LibraryCondition | null>(null);
  const [applied, setApplied] = useState<ConditionApplied | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const valuesRef = useRef(values);
  valuesRef.current = values;

  const apply = (condition: LibraryCondition, mode: 'replace' | 'add') => {
    const next = applyCondition(valuesRef.current, condition, chart, mode);
    onChange(() => next.values);
    setAsking(null);
    setApplied(next.applied);
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  const start = async (conditionId: string) => {
    setError(null);
    setLoading(true);
    try {
      const condition = await queryClient.fetchQuery({
        queryKey: libraryKeys.condition(conditionId),
        queryFn: () => getCondition(conditionId),
        staleTime: LIBRARY_STALE_TIME,
      });
      if (hasOwnTreatment(valuesRef.current)) setAsking(condition);
      else apply(condition, 'replace');
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };

  // "Use for plan" on the Prescription tab: apply once.
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!requested) {
      handled.current = null;
      return;
    }
    if (handled.current === requested) return;
    handled.current = requested;
    setSelected(requested);
    void start(requested);
    onRequestHandled?.();
    // Runs once per requested condition.
  }, [requested]);

  const prescription = chart.prescriptions.at(-1);
  const ordered = prescription
    ? frequencyText(prescription.frequencyPerWeek, prescription.durationWeeks)
    : null;
  const planned = frequencyText(
    values.frequencyPerWeek === '' ? null : values.frequencyPerWeek,
    values.durationWeeks === '' ? null : values.durationWeeks,
  );

  return (
    <Section
      title="Start from a library protocol"
      description="Fills in problems, goals, techniques, frequency and precautions from a condition in the library. Review and adapt them; nothing is saved until you save the plan."
    >
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Library protocol"
            placeholder={options.isPending ? 'Loading the library…' : 'Choose a condition'}
            data={options.data}
            value={selected}
            onChange={setSelected}
            searchable
            clearable
            nothingFoundMessage="No condition matches"
            disabled={options.isPending}
            error={options.isError ? 'The library could not be loaded.' : undefined}
            leftSection={<IconBooks size={16} aria-hidden />}
            style={{ flex: '1 1 280px' }}
            maxDropdownHeight={320}
          />
          <Button
            variant="light"
            onClick={() => selected && void start(selected)}
            disabled={!selected}
            loading={loading}
          >
            Fill in the plan
          </Button>
        </Group>
        {error !== null && (
          <ApiErrorAlert
            error={error}
            title="The protocol could not be loaded"
            withCloseButton
            onClose={() => setError(null)}
          />
        )}
        {applied && (
          <Alert
            ref={noticeRef}
            tabIndex={-1}
            role="status"
            color="teal"
            variant="light"
            icon={<IconCircleCheck aria-hidden />}
            title={`Filled in from the ${applied.name} protocol`}
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setApplied(null)}
          >
            <Stack gap={4}>
              <Text size="sm">
                {plural(applied.goals, 'goal')} and {plural(applied.techniques, 'technique')} added, with the
                problems, frequency and precautions.{' '}
                {applied.targetsToSet > 0 &&
                  `Set the target of ${applied.targetsToSet === 1 ? 'the measure goal' : `the ${applied.targetsToSet} measure goals`} (and the baseline where no score is recorded). `}
                Nothing is saved until you press Save plan.
              </Text>
              {ordered && planned && ordered !== planned && (
                <Text size="sm">
                  The prescription orders {ordered}; the plan now says {planned}. Keep to the prescription
                  unless the prescriber agrees.
                </Text>
              )}
              <Anchor href={conditionPath(applied.conditionId)} target="_blank" rel="noopener" size="sm">
                Read the protocol
                <IconExternalLink
                  size={13}
                  aria-label="(opens in a new tab)"
                  style={{ marginLeft: 4, verticalAlign: '-2px' }}
                />
              </Anchor>
            </Stack>
          </Alert>
        )}
      </Stack>

      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title="The plan already has goals or techniques"
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            Add the {asking?.name.toLowerCase()} protocol&apos;s goals and techniques to what is there, or
            replace the goals, techniques and frequency with the protocol&apos;s? Problems and precautions are
            added to in both cases.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setAsking(null)}>
              Cancel
            </Button>
            <Button variant="default" onClick={() => asking && apply(asking, 'replace')}>
              Replace
            </Button>
            <Button onClick={() => asking && apply(asking, 'add')} data-autofocus>
              Add to the plan
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}
