/**
 * Who may do what: the one table of rights. Every route names the permission it needs and the HTTP layer
 * checks it against this table (accounts/session-auth.ts); the web app reads the same table to hide actions.
 */
export const ROLES = ['owner', 'therapist', 'front_desk', 'biller', 'learner'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  therapist: 'Therapist',
  front_desk: 'Front desk',
  biller: 'Biller',
  learner: 'Learner',
};

export const PERMISSIONS = [
  'clients:read',
  'clients:write',
  'clients:archive',
  'staff:read',
  'staff:manage',
  'audit:read',
  'backups:create',
  'clinic:manage',
  // Issue 3, item 11 (minimum necessary, HIPAA §164.502(b)): three layers of the clinical record.
  /** Episode list, prescription visit counts and booking alerts: what the front desk needs to book. */
  'episodes:read',
  /** Diagnoses and signed notes' services and minutes: what a biller needs for a claim. */
  'clinical:services',
  /** The whole clinical record: intake, assessments, plans, note narratives. */
  'clinical:read',
  'clinical:write',
  // Issue 5: billing. Set-up (fees, payers, the clinic's tax ID) is the owner's; claims and remittances the
  // biller's; the front desk reads balances and takes payments at the counter.
  'billing:setup',
  'billing:read',
  'billing:write',
  'payments:collect',
  /** Insurance cards and accident cases: captured at the front desk, kept right by the biller. */
  'coverage:write',
  // Issue 7: the calendar. Everyone who works with clients sees it; therapists and the front desk book;
  // the owner sets the service menu, rooms, others' working hours and calendar feeds.
  'schedule:read',
  'schedule:write',
  'schedule:setup',
  // Issue 8: the learning side. Everyone studies and keeps their own CE record; the owner sees the team's
  // CE status, imports question banks and adds CE rules. A learner (a student without a clinic, or a
  // school's student) has only this.
  'learning:use',
  'learning:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  therapist: [
    'clients:read',
    'clients:write',
    'staff:read',
    'episodes:read',
    'clinical:services',
    'clinical:read',
    'clinical:write',
    'schedule:read',
    'schedule:write',
    'learning:use',
  ],
  front_desk: [
    'clients:read',
    'clients:write',
    'clients:archive',
    'staff:read',
    'episodes:read',
    'billing:read',
    'payments:collect',
    'coverage:write',
    'schedule:read',
    'schedule:write',
    'learning:use',
  ],
  // Billers need demographics for claims (box 2, 3, 5) but do not edit the client record; note
  // narratives only when the owner grants 'clinical:read' to that person (GRANTABLE_PERMISSIONS).
  biller: [
    'clients:read',
    'staff:read',
    'episodes:read',
    'clinical:services',
    'billing:read',
    'billing:write',
    'payments:collect',
    'coverage:write',
    'schedule:read',
    'learning:use',
  ],
  learner: ['learning:use'],
};

/** Rights an owner may give one person beyond their role (issue 3, item 11: "unless the owner grants it"). */
export const GRANTABLE_PERMISSIONS = ['clinical:read'] as const satisfies readonly Permission[];
export type GrantablePermission = (typeof GRANTABLE_PERMISSIONS)[number];

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The role's rights plus what the owner granted this person. */
export function hasPermission(
  who: { role: Role; grants?: readonly Permission[] },
  permission: Permission,
): boolean {
  return roleHasPermission(who.role, permission) || (who.grants ?? []).includes(permission);
}
