import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { romNorm, romPercentOfNormal, SIDES } from '../../../../modules/assessments/domain/assessment.js';
import {
  assessmentFieldId,
  defaultSide,
  jointLabel,
  JOINTS,
  movementLabel,
  movementsOf,
  newRomRow,
  SIDE_LABELS,
  type RomRow,
} from './assessment-form.js';

/** Below this share of the normal range a movement is flagged as reduced. */
const REDUCED_BELOW = 75;

type Props = {
  rows: RomRow[];
  onChange: (rows: RomRow[], touched?: string) => void;
  readOnly: boolean;
  errors: Record<string, string>;
};

/** Active range of motion: joint, movement, side and degrees, with the normal value and % of normal live. */
export function RangeOfMotionTable({ rows, onChange, readOnly, errors }: Props) {
  const setRow = (index: number, patch: Partial<RomRow>) =>
    onChange(
      rows.map((r, i) => (i === index ? { ...r, ...patch } : r)),
      Object.keys(patch)
        .map((f) => `rangeOfMotion.${index}.${f}`)
        .join(' '),
    );

  const add = () => {
    onChange([...rows, newRomRow()]);
    requestAnimationFrame(() =>
      document.getElementById(assessmentFieldId(`rangeOfMotion.${rows.length}.joint`))?.focus(),
    );
  };
  const remove = (index: number) => {
    onChange(
      rows.filter((_, i) => i !== index),
      'rangeOfMotion',
    );
    requestAnimationFrame(() => document.getElementById('assessment-add-rangeOfMotion')?.focus());
  };

  if (readOnly && rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No range of motion was recorded.
      </Text>
    );

  return (
    <Stack gap="sm">
      {errors.rangeOfMotion && (
        <Text size="sm" c="red.8">
          {errors.rangeOfMotion}
        </Text>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={readOnly ? 480 : 630}>
          <Table verticalSpacing={6} horizontalSpacing={6} aria-label="Range of motion">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Joint</Table.Th>
                <Table.Th>Movement</Table.Th>
                <Table.Th>Side</Table.Th>
                <Table.Th>Degrees</Table.Th>
                <Table.Th>% of normal</Table.Th>
                <Table.Th>Painful</Table.Th>
                {!readOnly && (
                  <Table.Th>
                    <VisuallyHidden>Remove</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => (
                <RomRowView
                  key={row.key}
                  row={row}
                  index={index}
                  readOnly={readOnly}
                  errors={errors}
                  onPatch={(patch) => setRow(index, patch)}
                  onRemove={() => remove(index)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!readOnly && (
        <div>
          <Button
            id="assessment-add-rangeOfMotion"
            variant="light"
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={add}
          >
            Add a movement
          </Button>
        </div>
      )}
    </Stack>
  );
}

function RomRowView({
  row,
  index,
  readOnly,
  errors,
  onPatch,
  onRemove,
}: {
  row: RomRow;
  index: number;
  readOnly: boolean;
  errors: Record<string, string>;
  onPatch: (patch: Partial<RomRow>) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const path = `rangeOfMotion.${index}`;
  const degrees = row.degrees.trim() === '' ? undefined : Number(row.degrees);
  const norm = romNorm(row.joint, row.movement);
  const percent =
    degrees === undefined
      ? undefined
      : romPercentOfNormal({ joint: row.joint, movement: row.movement, degrees });
  const reduced = percent !== undefined && percent < REDUCED_BELOW;
  const movements = movementsOf(row.joint);
  const movementOptions = (
    movements.includes(row.movement) || !row.movement ? movements : [row.movement, ...movements]
  ).map((m) => ({ value: m, label: movementLabel(m) }));
  const jointOptions = (JOINTS.includes(row.joint) || !row.joint ? JOINTS : [row.joint, ...JOINTS]).map(
    (j) => ({
      value: j,
      label: jointLabel(j),
    }),
  );

  const percentCell = (
    <Table.Td>
      {percent === undefined ? (
        <Text size="sm" c="dimmed">
          {norm ? `of ${norm.degrees}°` : 'no norm'}
        </Text>
      ) : (
        <Stack gap={0}>
          <Badge
            color={reduced ? 'orange' : 'teal'}
            variant="light"
            size="md"
            aria-label={`${percent}% of normal${reduced ? ', reduced' : ''}`}
          >
            {percent}%
          </Badge>
          <Text size="xs" c="dimmed">
            of {norm?.degrees}°
          </Text>
        </Stack>
      )}
    </Table.Td>
  );

  if (readOnly)
    return (
      <Table.Tr>
        <Table.Td>{jointLabel(row.joint)}</Table.Td>
        <Table.Td>{movementLabel(row.movement)}</Table.Td>
        <Table.Td>{SIDE_LABELS[row.side]}</Table.Td>
        <Table.Td>{row.degrees}°</Table.Td>
        {percentCell}
        <Table.Td>{row.painful ? 'Yes' : 'No'}</Table.Td>
      </Table.Tr>
    );

  return (
    <Table.Tr>
      <Table.Td>
        <NativeSelect
          id={assessmentFieldId(`${path}.joint`)}
          aria-label={`Joint, row ${n}`}
          value={row.joint}
          data={jointOptions}
          error={errors[`${path}.joint`]}
          onChange={(e) => {
            const joint = e.currentTarget.value;
            const movement = movementsOf(joint)[0] ?? '';
            onPatch({ joint, movement, side: defaultSide(joint, movement) });
          }}
          w={112}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          id={assessmentFieldId(`${path}.movement`)}
          aria-label={`Movement, row ${n}`}
          value={row.movement}
          data={movementOptions}
          error={errors[`${path}.movement`]}
          onChange={(e) => {
            const movement = e.currentTarget.value;
            onPatch({ movement, side: defaultSide(row.joint, movement) });
          }}
          w={142}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          id={assessmentFieldId(`${path}.side`)}
          aria-label={`Side, row ${n}`}
          value={row.side}
          data={SIDES.map((s) => ({ value: s, label: SIDE_LABELS[s] }))}
          error={errors[`${path}.side`]}
          onChange={(e) => onPatch({ side: e.currentTarget.value as RomRow['side'] })}
          w={100}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          id={assessmentFieldId(`${path}.degrees`)}
          aria-label={`Degrees, row ${n}`}
          value={row.degrees}
          onChange={(value) => onPatch({ degrees: String(value) })}
          min={0}
          max={360}
          clampBehavior="strict"
          allowDecimal={false}
          allowNegative={false}
          suffix="°"
          hideControls
          inputMode="numeric"
          error={errors[`${path}.degrees`]}
          w={74}
        />
      </Table.Td>
      {percentCell}
      <Table.Td>
        <Checkbox
          id={assessmentFieldId(`${path}.painful`)}
          aria-label={`Painful, row ${n}`}
          checked={row.painful}
          onChange={(e) => onPatch({ painful: e.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={`Remove row ${n}`}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}
