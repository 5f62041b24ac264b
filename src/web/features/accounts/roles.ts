import { ROLE_LABELS, ROLES, type Role } from '../../../platform/authz/permissions.js';

/** What each role may do, in the words of a clinic (the rights themselves are in permissions.ts). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything: clients, staff, audit log and backups',
  therapist: 'Views and edits clients',
  front_desk: 'Views, edits and archives clients',
  biller: 'Views clients, cannot change them',
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
};
