/**
 * Route /library — the condition & protocol library: search as you type (typos and other names tolerated),
 * filter by category and body area, and browse the conditions grouped by category.
 */
import { useEffect, useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  CloseButton,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowRight, IconBook2, IconSearch, IconStethoscope } from '@tabler/icons-react';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import {
  getCondition,
  LIBRARY_STALE_TIME,
  libraryKeys,
  searchConditions,
  type ConditionSummary,
} from '../../api/library.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import {
  BODY_AREA_LABELS,
  bodyAreaLabel,
  capitalize,
  categoryLabel,
  categoryOrder,
  conditionPath,
  matchedAlias,
  nameMatchesAll,
} from './library-format.js';

/** Aliases are looked up (one small request each) for at most this many results whose name does not match. */
const ALIAS_LOOKUPS = 8;

export function LibraryPage() {
  const [params, setParams] = useSearchParams();
  const [input, setInput] = useState(() => params.get('q') ?? '');
  const category = params.get('category');
  const area = params.get('area');
  const [q] = useDebouncedValue(input.trim(), 250);

  // The search and the filter live in the address, so "back" from a condition returns to the same list.
  useEffect(() => {
    if ((params.get('q') ?? '') === q) return;
    const next = new URLSearchParams(params);
    if (q) next.set('q', q);
    else next.delete('q');
    setParams(next, { replace: true, preventScrollReset: true });
  }, [q, params, setParams]);

  const setFilter = (key: 'category' | 'area', value: string) => {
    const next = new URLSearchParams(params);
    if (value === 'all') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true, preventScrollReset: true });
  };

  const all = useQuery({
    queryKey: libraryKeys.conditions(''),
    queryFn: ({ signal }) => searchConditions('', signal),
    staleTime: LIBRARY_STALE_TIME,
  });
  const search = useQuery({
    queryKey: libraryKeys.conditions(q),
    queryFn: ({ signal }) => searchConditions(q, signal),
    enabled: q !== '',
    staleTime: LIBRARY_STALE_TIME,
    placeholderData: keepPreviousData,
  });

  const active = q ? search : all;
  const items = (active.data?.items ?? []).filter(
    (c) => (!category || c.category === category) && (!area || c.bodyAreas.includes(area)),
  );

  // A result whose name does not explain the match was found by another name: show which one.
  const lookups = q
    ? items.filter((c) => !nameMatchesAll(q, c.name)).slice(0, ALIAS_LOOKUPS)
    : ([] as ConditionSummary[]);
  const details = useQueries({
    queries: lookups.map((c) => ({
      queryKey: libraryKeys.condition(c.id),
      queryFn: () => getCondition(c.id),
      staleTime: LIBRARY_STALE_TIME,
    })),
  });
  const aliasOf = (id: string): string | undefined => {
    const index = lookups.findIndex((c) => c.id === id);
    const condition = index === -1 ? undefined : details[index]?.data;
    return condition ? matchedAlias(q, condition) : undefined;
  };

  const categories = [...new Set((all.data?.items ?? []).map((c) => c.category))].sort(
    (a, b) => categoryOrder(a) - categoryOrder(b),
  );
  const counts = new Map<string, number>();
  for (const c of all.data?.items ?? []) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
  const areaCounts = new Map<string, number>();
  for (const c of all.data?.items ?? [])
    for (const a of c.bodyAreas) areaCounts.set(a, (areaCounts.get(a) ?? 0) + 1);
  const typing = input.trim() !== q;
  const filterText = [
    category ? ` in ${categoryLabel(category)}` : '',
    area ? ` for the ${bodyAreaLabel(area).toLowerCase()}` : '',
  ].join('');

  return (
    <>
      <PageHeader
        title="Library"
        description="Conditions with their treatment protocols, and the technique catalogue. Reference for licensed massage therapists: therapists do not diagnose, and red flags say when to refer."
        actions={
          <Button
            component={Link}
            to="/library/techniques"
            variant="default"
            leftSection={<IconBook2 size={16} aria-hidden />}
          >
            Technique catalogue
          </Button>
        }
      />

      <Stack gap="lg">
        <Paper p="md" role="search">
          <Group gap="md" align="flex-start" wrap="wrap">
            <TextInput
              label="Search conditions"
              description="By name, another name (“frozen shoulder”, “tennis elbow”) or an ICD-10-CM code. Typos are fine."
              placeholder="e.g. neck pain, sciatica, M54.2"
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={
                typing || (q !== '' && search.isFetching) ? (
                  <Loader size={16} aria-label="Searching" />
                ) : input ? (
                  <CloseButton size="sm" aria-label="Clear search" onClick={() => setInput('')} />
                ) : null
              }
              value={input}
              onChange={(event) => setInput(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape' && input) setInput('');
              }}
              autoComplete="off"
              spellCheck={false}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              style={{ flex: '3 1 320px' }}
            />
            <Select
              label="Category"
              data={[
                {
                  value: 'all',
                  label: all.data ? `All categories (${all.data.items.length})` : 'All categories',
                },
                ...categories.map((c) => ({
                  value: c,
                  label: `${categoryLabel(c)} (${counts.get(c) ?? 0})`,
                })),
              ]}
              value={category ?? 'all'}
              onChange={(value) => setFilter('category', value ?? 'all')}
              allowDeselect={false}
              disabled={all.isPending}
              maxDropdownHeight={400}
              style={{ flex: '1 1 220px' }}
            />
            <Select
              label="Body area"
              data={[
                { value: 'all', label: 'All body areas' },
                ...Object.entries(BODY_AREA_LABELS).map(([value, label]) => ({
                  value,
                  label: all.data ? `${label} (${areaCounts.get(value) ?? 0})` : label,
                })),
              ]}
              value={area ?? 'all'}
              onChange={(value) => setFilter('area', value ?? 'all')}
              allowDeselect={false}
              disabled={all.isPending}
              maxDropdownHeight={400}
              style={{ flex: '1 1 200px' }}
            />
          </Group>
        </Paper>

        {active.isError && (
          <Stack gap="sm" align="flex-start">
            <ApiErrorAlert error={active.error} title="The library could not be loaded" w="100%" />
            <Button variant="default" onClick={() => void active.refetch()} loading={active.isFetching}>
              Try again
            </Button>
          </Stack>
        )}

        <Text size="sm" c="dimmed" aria-live="polite" mb={-8}>
          {active.isPending || active.isError
            ? ''
            : q
              ? items.length === 0
                ? ''
                : `${items.length} ${items.length === 1 ? 'condition matches' : 'conditions match'} “${q}”${filterText}, best match first.`
              : `${items.length} ${items.length === 1 ? 'condition' : 'conditions'}${filterText}.`}
        </Text>

        {active.isPending ? (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy="true">
            {[0, 1, 2, 3, 4, 5].map((i) => (
              <Paper key={i} p="md">
                <Skeleton height={18} width="70%" mb="sm" />
                <Skeleton height={12} width="40%" mb="xs" />
                <Skeleton height={12} width="55%" />
              </Paper>
            ))}
          </SimpleGrid>
        ) : active.isError ? null : items.length === 0 ? (
          <Paper p="xl">
            <Stack align="center" gap="xs" ta="center">
              <IconStethoscope size={32} color="var(--mantine-color-gray-5)" aria-hidden />
              <Text fw={600}>{q ? `No condition matches “${q}”` : 'No conditions match these filters'}</Text>
              <Text size="sm" c="dimmed" maw={460}>
                {q
                  ? 'Try another name for it, fewer words, or an ICD-10-CM code.'
                  : 'Choose another category or body area.'}
                {(category || area) && ' A filter is on: choose “All” to search every condition.'}
              </Text>
            </Stack>
          </Paper>
        ) : q ? (
          <SimpleGrid
            cols={{ base: 1, sm: 2, lg: 3 }}
            aria-label="Search results"
            component="ul"
            className="plain-list"
          >
            {items.map((c) => (
              <ConditionCard key={c.id} condition={c} alias={aliasOf(c.id)} />
            ))}
          </SimpleGrid>
        ) : (
          <Stack gap="xl">
            {groupByCategory(items).map(([group, list]) => (
              <section key={group} aria-labelledby={`library-group-${group}`}>
                <Title order={2} id={`library-group-${group}`} mb="sm">
                  {categoryLabel(group)}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" className="plain-list">
                  {list.map((c) => (
                    <ConditionCard key={c.id} condition={c} showCategory={false} />
                  ))}
                </SimpleGrid>
              </section>
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}

function groupByCategory(items: readonly ConditionSummary[]): [string, ConditionSummary[]][] {
  const groups = new Map<string, ConditionSummary[]>();
  for (const c of items) groups.set(c.category, [...(groups.get(c.category) ?? []), c]);
  return [...groups].sort(([a], [b]) => categoryOrder(a) - categoryOrder(b));
}

/** A condition as a card; the whole card is the link's click target, the name is its text. */
function ConditionCard({
  condition,
  alias,
  showCategory = true,
}: {
  condition: ConditionSummary;
  alias?: string | undefined;
  showCategory?: boolean;
}) {
  return (
    <Paper component="li" p="md" className="card-link">
      <Stack gap={6} h="100%">
        {alias && (
          <Text size="sm" c="gray.7">
            {capitalize(alias)} <IconArrowRight size={13} aria-hidden style={{ verticalAlign: '-2px' }} />
            <VisuallyHidden>is found under</VisuallyHidden>
          </Text>
        )}
        <Anchor component={Link} to={conditionPath(condition.id)} fw={650} c="palpa.8" lh={1.35}>
          {condition.name}
        </Anchor>
        <Group gap={6} mt="auto" wrap="wrap">
          {condition.own && (
            <Badge variant="light" color="teal" size="sm">
              Our version
            </Badge>
          )}
          {showCategory && (
            <Badge variant="light" color="gray" size="sm">
              {categoryLabel(condition.category)}
            </Badge>
          )}
          <Text size="xs" c="dimmed" ff="monospace" aria-label={`ICD-10-CM ${condition.icd10cm.join(', ')}`}>
            {condition.icd10cm.join(' · ')}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
