import type { PostalAddress, Relationship, Sex } from '../../claims/domain/index.js';

export const POLICY_PRIORITIES = ['primary', 'secondary', 'tertiary'] as const;
export type PolicyPriority = (typeof POLICY_PRIORITIES)[number];
export const RELATIONSHIPS = ['self', 'spouse', 'child', 'other'] as const satisfies readonly Relationship[];
/** Auto (PIP / no-fault), workers' compensation, or another accident (CMS-1500 box 10a–c). */
export const CASE_KINDS = ['auto', 'workers_comp', 'other_accident'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** The insured person, when the client is a dependant (box 4, 7, 11a). */
export type Subscriber = {
  givenName: string;
  familyName: string;
  dateOfBirth?: string | null;
  sex?: Sex | null;
  address?: PostalAddress | null;
  phone?: string | null;
};

export type CaseContact = { name: string; phone?: string | null; email?: string | null; fax?: string | null };

/** SBR01 sequence for a policy priority. */
export function sequenceCode(priority: PolicyPriority): 'P' | 'S' | 'T' {
  return priority === 'primary' ? 'P' : priority === 'secondary' ? 'S' : 'T';
}

/** The relatedCause a case puts in CLM11 / box 10: EM employment, AA auto accident, OA other accident. */
export function relatedCause(kind: CaseKind): 'EM' | 'AA' | 'OA' {
  return kind === 'workers_comp' ? 'EM' : kind === 'auto' ? 'AA' : 'OA';
}
