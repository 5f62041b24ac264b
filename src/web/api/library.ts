/**
 * The condition & protocol library's API (issue 4): reference content written for Palpa, readable without
 * signing in. Types come from the content format, so both sides agree by construction.
 */
import type { Condition, Technique } from '../../modules/library/domain/library-content.js';
import type { TConditionList } from '../../modules/library/library.schemas.js';
import { apiRequest } from './http.js';

export type LibraryCondition = Condition;
export type LibraryTechnique = Technique;
export type ConditionSummary = TConditionList['items'][number];
export type ConditionSuggestion = ConditionSummary & { score: number; matchedCodes: string[] };

const id = encodeURIComponent;

/** React Query keys. The content changes only with a new Palpa version, so it can be cached for long. */
export const libraryKeys = {
  conditions: (q: string) => ['library', 'conditions', q] as const,
  condition: (conditionId: string) => ['library', 'condition', conditionId] as const,
  techniques: ['library', 'techniques'] as const,
  suggestions: (codes: readonly string[]) => ['library', 'suggestions', codes.join(',')] as const,
  cautions: (ruleId: string) => ['library', 'cautions', ruleId] as const,
};

/** Library pages that explain a screening alert's caution. */
export type CautionLinks = {
  ruleId: string;
  conditions: { id: string; name: string }[];
  techniques: { id: string; name: string }[];
};

/** How long library answers stay fresh in the cache. */
export const LIBRARY_STALE_TIME = 30 * 60 * 1000;

export const searchConditions = (q: string, signal?: AbortSignal) =>
  apiRequest<TConditionList>('/library/conditions', { query: { q, limit: 200 }, signal });

export const getCondition = (conditionId: string) =>
  apiRequest<LibraryCondition>(`/library/conditions/${id(conditionId)}`);

export const listTechniques = () => apiRequest<{ items: LibraryTechnique[] }>('/library/techniques');

/** Conditions that fit ICD-10-CM codes, best first (at most 12 codes). */
export const getSuggestions = (codes: readonly string[], signal?: AbortSignal) =>
  apiRequest<{ items: ConditionSuggestion[] }>('/library/suggestions', {
    query: { codes: codes.join(',') },
    signal,
  });

export const educationSheetUrl = (conditionId: string) =>
  `/api/library/conditions/${id(conditionId)}/education-sheet.pdf`;

export const getCautionLinks = (ruleId: string, signal?: AbortSignal) =>
  apiRequest<CautionLinks>(`/library/cautions/${id(ruleId)}`, { signal });

/** Saves the clinic's own version of a condition (a shipped id makes it the clinic's override). */
export const saveClinicCondition = (condition: LibraryCondition) =>
  apiRequest<LibraryCondition>(`/library/conditions/${id(condition.id)}`, { method: 'PUT', body: condition });

/** Removes the clinic's own version; the shipped condition shows again. */
export const deleteClinicCondition = (conditionId: string) =>
  apiRequest<void>(`/library/conditions/${id(conditionId)}`, { method: 'DELETE' });
