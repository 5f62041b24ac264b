import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Input,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import {
  SIDES,
  SPECIAL_TEST_RESULTS,
  SPECIAL_TESTS,
  sijClusterPositive,
  type SpecialTestResult,
} from '../../../../modules/assessments/domain/assessment.js';
import {
  assessmentFieldId,
  newTestRow,
  RESULT_LABELS,
  SIDE_LABELS,
  specialTest,
  type TestRow,
} from './assessment-form.js';

type Props = {
  rows: TestRow[];
  onChange: (rows: TestRow[], touched?: string) => void;
  readOnly: boolean;
  errors: Record<string, string>;
};

const RESULT_COLORS: Record<SpecialTestResult, string> = {
  positive: 'orange',
  negative: 'teal',
  not_tested: 'gray',
};

/** Orthopaedic special tests, each with what a positive result suggests. */
export function SpecialTestsList({ rows, onChange, readOnly, errors }: Props) {
  const setRow = (index: number, patch: Partial<TestRow>) =>
    onChange(
      rows.map((r, i) => (i === index ? { ...r, ...patch } : r)),
      Object.keys(patch)
        .map((f) => `specialTests.${index}.${f}`)
        .join(' '),
    );
  const add = () => {
    onChange([...rows, newTestRow()]);
    requestAnimationFrame(() =>
      document.getElementById(assessmentFieldId(`specialTests.${rows.length}.test`))?.focus(),
    );
  };
  const remove = (index: number) => {
    onChange(
      rows.filter((_, i) => i !== index),
      'specialTests',
    );
    requestAnimationFrame(() => document.getElementById('assessment-add-specialTests')?.focus());
  };

  const sij = sijClusterPositive(
    rows
      .filter((r) => r.test && r.result)
      .map((r) => ({ test: r.test, side: r.side, result: r.result as SpecialTestResult })),
  );

  if (readOnly && rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No special tests were recorded.
      </Text>
    );

  return (
    <Stack gap="sm">
      {rows.map((row, index) => {
        const n = index + 1;
        const path = `specialTests.${index}`;
        const test = specialTest(row.test);
        if (readOnly)
          return (
            <Paper key={row.key} p="sm" withBorder bg="gray.0">
              <Group justify="space-between" gap="xs">
                <div>
                  <Text fw={600} size="sm">
                    {test?.label ?? row.test} · {SIDE_LABELS[row.side]}
                  </Text>
                  {test && (
                    <Text size="xs" c="dimmed">
                      Suggests: {test.suggests}
                    </Text>
                  )}
                  {row.note && <Text size="sm">{row.note}</Text>}
                </div>
                {row.result && (
                  <Badge color={RESULT_COLORS[row.result]} variant="light">
                    {RESULT_LABELS[row.result]}
                  </Badge>
                )}
              </Group>
            </Paper>
          );
        const resultLabelId = `${assessmentFieldId(`${path}.result`)}-label`;
        return (
          <Paper key={row.key} p="sm" withBorder bg="gray.0" role="group" aria-label={`Special test ${n}`}>
            <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
              <Text size="sm" fw={600} c="gray.7" aria-hidden>
                Special test {n}
              </Text>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => remove(index)}
                aria-label={`Remove special test ${n}`}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            <Group gap="sm" align="flex-start" wrap="wrap">
              <Box style={{ flex: '1 1 220px' }}>
                <NativeSelect
                  id={assessmentFieldId(`${path}.test`)}
                  label="Test"
                  value={row.test}
                  data={[
                    { value: '', label: 'Choose a test…' },
                    ...SPECIAL_TESTS.map((t) => ({ value: t.id, label: t.label })),
                  ]}
                  onChange={(e) => setRow(index, { test: e.currentTarget.value })}
                  error={errors[`${path}.test`]}
                  description={test ? `Positive suggests: ${test.suggests}` : undefined}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
              </Box>
              <NativeSelect
                id={assessmentFieldId(`${path}.side`)}
                label="Side"
                value={row.side}
                data={SIDES.map((s) => ({ value: s, label: SIDE_LABELS[s] }))}
                onChange={(e) => setRow(index, { side: e.currentTarget.value as TestRow['side'] })}
                w={120}
              />
              <Input.Wrapper
                label="Result"
                labelElement="div"
                labelProps={{ id: resultLabelId }}
                error={errors[`${path}.result`]}
              >
                <SegmentedControl
                  id={assessmentFieldId(`${path}.result`)}
                  aria-labelledby={resultLabelId}
                  display="flex"
                  value={row.result}
                  onChange={(value) => setRow(index, { result: value })}
                  data={SPECIAL_TEST_RESULTS.map((r) => ({ value: r, label: RESULT_LABELS[r] }))}
                  color={row.result ? RESULT_COLORS[row.result] : undefined}
                  size="sm"
                />
              </Input.Wrapper>
            </Group>
            <TextInput
              mt="xs"
              id={assessmentFieldId(`${path}.note`)}
              label="Note"
              placeholder="e.g. reproduced pain into the right thumb"
              value={row.note}
              onChange={(e) => setRow(index, { note: e.currentTarget.value })}
              error={errors[`${path}.note`]}
              autoComplete="off"
            />
          </Paper>
        );
      })}
      {sij && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />}>
          Three or more sacroiliac provocation tests are positive: by Laslett&apos;s rule this points to the
          sacroiliac joint.
        </Alert>
      )}
      {!readOnly && (
        <div>
          <Button
            id="assessment-add-specialTests"
            variant="light"
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={add}
          >
            Add a special test
          </Button>
        </div>
      )}
    </Stack>
  );
}
