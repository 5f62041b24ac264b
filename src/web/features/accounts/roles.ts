import { ROLE_LABELS, ROLES, type Role } from '../../../platform/authz/permissions.js';

/** What each role may do, in the words of a clinic (the rights themselves are in permissions.ts). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything: clients, clinical records, staff, audit log and backups',
  therapist: 'Views and edits clients and their clinical records',
  front_desk: 'Views, edits and archives clients; sees visit counts for booking',
  biller: 'Views clients, diagnoses and billed services; not the notes unless allowed',
  learner: 'Only the learning side: practice exams, review, study plan, CE record (a student)',
};

export const ROLE_OPTIONS = ROLES.map((role) => ({
  value: role,
  label: `${ROLE_LABELS[role]} — ${ROLE_DESCRIPTIONS[role]}`,
}));

export const ROLE_COLORS: Record<Role, string> = {
  owner: 'palpa',
  therapist: 'teal',
  front_desk: 'indigo',
  biller: 'grape',
  learner: 'orange',
};
