/** React Query hooks for the library, shared by the library pages and the episode screens. */
import type { ComboboxData } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ClinicalChart } from '../../api/clinical.js';
import {
  getCondition,
  getSuggestions,
  LIBRARY_STALE_TIME,
  libraryKeys,
  listTechniques,
  searchConditions,
} from '../../api/library.js';
import { episodeDiagnosisCodes } from './library-format.js';

export const useCondition = (id: string | null | undefined) =>
  useQuery({
    queryKey: libraryKeys.condition(id ?? ''),
    queryFn: () => getCondition(id ?? ''),
    enabled: !!id,
    staleTime: LIBRARY_STALE_TIME,
  });

export const useTechniques = () =>
  useQuery({
    queryKey: libraryKeys.techniques,
    queryFn: listTechniques,
    staleTime: LIBRARY_STALE_TIME,
  });

/** Every condition, by name (the list is small: a name, category and codes each). */
export const useAllConditions = (enabled = true) =>
  useQuery({
    queryKey: libraryKeys.conditions(''),
    queryFn: ({ signal }) => searchConditions('', signal),
    staleTime: LIBRARY_STALE_TIME,
    enabled,
  });

/** Conditions that fit the episode's diagnosis codes, best first. */
export function useEpisodeSuggestions(chart: ClinicalChart, enabled = true) {
  const codes = episodeDiagnosisCodes(chart);
  return {
    codes,
    query: useQuery({
      queryKey: libraryKeys.suggestions(codes),
      queryFn: ({ signal }) => getSuggestions(codes, signal),
      enabled: enabled && codes.length > 0,
      staleTime: LIBRARY_STALE_TIME,
    }),
  };
}

/**
 * Select options for choosing a library protocol in an episode: the conditions suggested by its diagnoses
 * first, then all the others by name.
 */
export function useConditionOptions(chart: ClinicalChart, enabled = true) {
  const all = useAllConditions(enabled);
  const { query: suggested } = useEpisodeSuggestions(chart, enabled);
  const suggestions = suggested.data?.items ?? [];
  const suggestedIds = new Set(suggestions.map((s) => s.id));
  const others = (all.data?.items ?? []).filter((c) => !suggestedIds.has(c.id));
  const data: ComboboxData = [
    ...(suggestions.length > 0
      ? [
          {
            group: 'Suggested for this episode',
            items: suggestions.map((s) => ({ value: s.id, label: s.name })),
          },
        ]
      : []),
    ...(others.length > 0
      ? [
          {
            group: suggestions.length > 0 ? 'All other conditions' : 'All conditions',
            items: others.map((c) => ({ value: c.id, label: c.name })),
          },
        ]
      : []),
  ];
  const names = new Map<string, string>();
  for (const c of [...suggestions, ...(all.data?.items ?? [])]) names.set(c.id, c.name);
  return {
    data,
    nameOf: (id: string) => names.get(id),
    isPending: all.isPending && enabled,
    isError: all.isError,
    error: all.error,
    refetch: () => void all.refetch(),
  };
}
