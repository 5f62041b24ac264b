/**
 * ICD-10-CM diagnoses for a prescription: search by code or words as you type, pick up to 12 (CMS-1500
 * box 21 A–L). The order chosen is kept; the first is the primary diagnosis and can be changed.
 */
import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Badge,
  Combobox,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  Tooltip,
  useCombobox,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowUp, IconSearch, IconX } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchIcd10cm, type Icd10cmItem } from '../../../api/clinical.js';
import { errorMessage } from '../../../api/http.js';

export const MAX_DIAGNOSES = 12;
export type Diagnosis = { code: string; description: string };
const LETTERS = 'ABCDEFGHIJKL';

type Props = {
  id: string;
  value: Diagnosis[];
  onChange: (value: Diagnosis[]) => void;
  error?: string | undefined;
  /** Problems the server found with single codes, by code. */
  codeErrors?: Record<string, string>;
};

export function Icd10Picker({ id, value, onChange, error, codeErrors = {} }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const full = value.length >= MAX_DIAGNOSES;
  // Once a code is picked the box is empty: no search (nor spinner) for the debounced old text.
  const enabled = debounced.length >= 2 && search.trim().length >= 2 && !full;

  const results = useQuery({
    queryKey: ['icd10cm', debounced.toLowerCase()],
    queryFn: ({ signal }) => searchIcd10cm(debounced, signal),
    enabled,
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });

  const chosen = new Set(value.map((d) => d.code));
  const found: Icd10cmItem[] = enabled ? (results.data?.items ?? []) : [];
  const items = found.filter((i) => !chosen.has(i.code));
  const alreadyChosen = found.filter((i) => chosen.has(i.code)).map((i) => i.code);
  const searching = enabled && (results.isFetching || debounced !== search.trim());

  // Enter picks the first match once results arrive.
  const firstCode = items[0]?.code;
  useEffect(() => {
    if (firstCode) combobox.selectFirstOption();
  }, [firstCode]);

  const add = (code: string) => {
    const item = items.find((i) => i.code === code);
    if (!item || full) return;
    onChange([...value, { code: item.code, description: item.description }]);
    setSearch('');
    combobox.closeDropdown();
  };
  const remove = (code: string) => onChange(value.filter((d) => d.code !== code));
  const moveUp = (index: number) => {
    if (index <= 0) return;
    const next = value.slice();
    [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
    onChange(next);
  };

  const status = !enabled
    ? ''
    : results.isError
      ? 'The code search failed.'
      : searching
        ? 'Searching…'
        : `${items.length} code${items.length === 1 ? '' : 's'} found.`;

  return (
    <Stack gap="xs">
      <Combobox
        store={combobox}
        onOptionSubmit={add}
        withinPortal={false}
        position="bottom-start"
        middlewares={{ flip: false, shift: true }}
      >
        <Combobox.Target withExpandedAttribute>
          <TextInput
            id={id}
            label="Diagnoses (ICD-10-CM)"
            description={
              full
                ? `The claim form holds ${MAX_DIAGNOSES} diagnoses at most (box 21 A–L).`
                : 'Search by code (M54.2) or words (neck pain). The first diagnosis is the primary one.'
            }
            placeholder={full ? 'Remove a diagnosis to add another' : 'Type at least 2 characters…'}
            required
            disabled={full}
            value={search}
            error={error}
            autoComplete="off"
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={searching ? <Loader size={16} aria-hidden /> : null}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              combobox.openDropdown();
              combobox.updateSelectedOptionIndex();
            }}
            onClick={() => combobox.openDropdown()}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            // Enter picks a code (handled by the combobox); it must never submit the prescription.
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={!enabled}>
          <Combobox.Options mah={300} style={{ overflowY: 'auto' }} aria-label="Matching ICD-10-CM codes">
            {results.isError ? (
              <Combobox.Empty>{errorMessage(results.error)}</Combobox.Empty>
            ) : items.length === 0 ? (
              <Combobox.Empty>
                {searching
                  ? 'Searching…'
                  : alreadyChosen.length
                    ? `Already chosen: ${alreadyChosen.join(', ')}`
                    : 'No billable code matches.'}
              </Combobox.Empty>
            ) : (
              items.map((item) => (
                <Combobox.Option value={item.code} key={item.code}>
                  <Text size="sm">
                    <Text span ff="monospace" fw={700} size="sm">
                      {item.code}
                    </Text>{' '}
                    — {item.description}
                  </Text>
                </Combobox.Option>
              ))
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <VisuallyHidden role="status" aria-live="polite">
        {status}
      </VisuallyHidden>

      {value.length > 0 && (
        <Paper p={0} withBorder>
          <ol aria-label="Chosen diagnoses" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {value.map((diagnosis, index) => {
              const problem = codeErrors[diagnosis.code];
              return (
                <li
                  key={diagnosis.code}
                  style={{
                    borderTop: index ? '1px solid var(--mantine-color-gray-2)' : undefined,
                    background: problem ? 'var(--mantine-color-red-0)' : undefined,
                  }}
                >
                  <Group gap="sm" wrap="nowrap" px="sm" py={8} align="flex-start">
                    <Text size="xs" fw={700} c="dimmed" w={14} mt={2} aria-label={`Box 21 ${LETTERS[index]}`}>
                      {LETTERS[index]}
                    </Text>
                    <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                      <Text size="sm">
                        <Text span ff="monospace" fw={700} size="sm">
                          {diagnosis.code}
                        </Text>{' '}
                        — {diagnosis.description}
                        {index === 0 && (
                          <Badge component="span" size="xs" variant="light" ml={8}>
                            Primary
                          </Badge>
                        )}
                      </Text>
                      {problem && (
                        <Text size="xs" c="red.8">
                          {problem}
                        </Text>
                      )}
                    </Stack>
                    <Group gap={4} wrap="nowrap">
                      {index > 0 && (
                        <Tooltip label="Move up" withArrow>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            onClick={() => moveUp(index)}
                            aria-label={`Move ${diagnosis.code} up${index === 1 ? ' (make primary)' : ''}`}
                          >
                            <IconArrowUp size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      )}
                      <Tooltip label="Remove" withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          onClick={() => remove(diagnosis.code)}
                          aria-label={`Remove ${diagnosis.code}`}
                        >
                          <IconX size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Group>
                </li>
              );
            })}
          </ol>
        </Paper>
      )}
    </Stack>
  );
}
