/**
 * Who may do what: the one table of rights. Every route names the permission it needs and the HTTP layer
 * checks it against this table (accounts/session-auth.ts); the web app reads the same table to hide actions.
 */
export const ROLES = ['owner', 'therapist', 'front_desk', 'biller'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  therapist: 'Therapist',
  front_desk: 'Front desk',
  biller: 'Biller',
};

export const PERMISSIONS = [
  'clients:read',
  'clients:write',
  'clients:archive',
  'staff:read',
  'staff:manage',
  'audit:read',
  'backups:create',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  therapist: ['clients:read', 'clients:write', 'staff:read'],
  front_desk: ['clients:read', 'clients:write', 'clients:archive', 'staff:read'],
  // Billers need demographics for claims (box 2, 3, 5) but do not edit the client record.
  biller: ['clients:read', 'staff:read'],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
