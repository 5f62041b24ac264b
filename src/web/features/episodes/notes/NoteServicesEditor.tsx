import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { readableTextColor } from '../../../app/theme.js';
import { REGION_OPTIONS, SERVICE_CODE_OPTIONS, TECHNIQUE_OPTIONS } from '../shared/notes-format.js';
import { defaultCodeOf, noteFieldId, rowKey, type ServiceRow } from './note-form.js';
import type { NoteConflict } from './NoteConflicts.js';

type Props = {
  rows: ServiceRow[];
  onChange: (rows: ServiceRow[]) => void;
  errors: Record<string, string>;
  onEdited: (path: string) => void;
  totalMinutes: number;
  /** Screening-alert conflicts by row key: those rows are marked. */
  conflicts?: ReadonlyMap<string, readonly NoteConflict[]>;
};

/** The services performed: technique, regions, minutes and service code per row. */
export function NoteServicesEditor({ rows, onChange, errors, onEdited, totalMinutes, conflicts }: Props) {
  const [focusKey, setFocusKey] = useState<string | null>(null);

  const update = (index: number, patch: Partial<ServiceRow>) => {
    onEdited('services');
    for (const key of Object.keys(patch)) onEdited(`services.${index}.${key}`);
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  };

  return (
    <Stack gap="sm">
      {errors.services && (
        <Text size="sm" c="red.8" id={noteFieldId('services')} tabIndex={-1}>
          {errors.services}
        </Text>
      )}
      {rows.length === 0 && !errors.services && (
        <Text size="sm" c="dimmed">
          No services yet. Add each technique you used, with its minutes.
        </Text>
      )}
      {rows.map((row, index) => {
        const at = (field: string) => `services.${index}.${field}`;
        const flagged = conflicts?.get(row.key) ?? [];
        const warningId = `service-${row.key}-conflict`;
        return (
          <Paper
            key={row.key}
            p="sm"
            radius="md"
            bg={flagged.length ? 'orange.0' : 'gray.0'}
            withBorder={false}
            role="group"
            aria-label={`Service ${index + 1}`}
            aria-describedby={flagged.length ? warningId : undefined}
            style={flagged.length ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-orange-6)' } : undefined}
          >
            <Stack gap="xs">
              {flagged.length > 0 && (
                <Group gap={6} wrap="nowrap" align="flex-start" id={warningId}>
                  <IconAlertTriangle
                    size={16}
                    color="var(--mantine-color-orange-7)"
                    aria-hidden
                    style={{ flexShrink: 0, marginTop: 2 }}
                  />
                  <Text size="sm" fw={600} c={readableTextColor('orange')}>
                    Advised against: {flagged.map((c) => c.alertTitle).join(', ')}
                  </Text>
                </Group>
              )}
              <Group gap="sm" align="flex-start" wrap="wrap">
                <Select
                  id={noteFieldId(at('technique'))}
                  label="Technique"
                  placeholder="Choose a technique"
                  data={TECHNIQUE_OPTIONS}
                  value={row.technique}
                  onChange={(value) => {
                    if (!value) return;
                    const technique = value;
                    update(index, { technique, serviceCode: defaultCodeOf(technique) });
                  }}
                  allowDeselect={false}
                  searchable
                  error={errors[at('technique')]}
                  autoFocus={row.key === focusKey}
                  style={{ flex: '2 1 200px' }}
                />
                <NumberInput
                  id={noteFieldId(at('minutes'))}
                  label="Minutes"
                  value={row.minutes === 0 ? '' : row.minutes}
                  onChange={(v) => update(index, { minutes: typeof v === 'number' ? v : 0 })}
                  min={1}
                  max={240}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="strict"
                  error={errors[at('minutes')]}
                  w={84}
                />
                <Select
                  id={noteFieldId(at('serviceCode'))}
                  label="Service code"
                  data={SERVICE_CODE_OPTIONS}
                  value={row.serviceCode}
                  onChange={(value) => value && update(index, { serviceCode: value })}
                  allowDeselect={false}
                  error={errors[at('serviceCode')]}
                  style={{ flex: '1 1 305px' }}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  mt={26}
                  aria-label={`Remove service ${index + 1}`}
                  onClick={() => {
                    onEdited('services');
                    onChange(rows.filter((r) => r.key !== row.key));
                  }}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
              <MultiSelect
                id={noteFieldId(at('regions'))}
                label="Regions"
                placeholder={row.regions.length ? undefined : 'Choose the regions treated'}
                data={REGION_OPTIONS}
                value={row.regions}
                onChange={(regions) => update(index, { regions })}
                searchable
                clearable
                hidePickedOptions
                nothingFoundMessage="No region matches"
                error={errors[at('regions')]}
              />
            </Stack>
          </Paper>
        );
      })}
      <Group justify="space-between" align="center" gap="sm">
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => {
            const row: ServiceRow = {
              key: rowKey(),
              technique: null,
              regions: [],
              minutes: 0,
              serviceCode: '97124',
            };
            setFocusKey(row.key);
            onEdited('services');
            onChange([...rows, row]);
          }}
        >
          Add service
        </Button>
        <Text fw={600} aria-live="polite">
          Total {totalMinutes} min
        </Text>
      </Group>
    </Stack>
  );
}
