/** Every kind of event the audit log records. Reads of client data are events too (HIPAA §164.312(b)). */
export const AUDIT_ACTIONS = [
  'clinic.setup',
  'clinic.signup',
  'auth.login',
  'auth.login_failed',
  'auth.account_locked',
  'auth.logout',
  'auth.session_expired',
  'auth.totp_enabled',
  'auth.totp_disabled',
  'staff.invited',
  'staff.invitation_revoked',
  'staff.joined',
  'staff.updated',
  'client.created',
  'client.read',
  'client.listed',
  'client.updated',
  'client.archived',
  'client.restored',
  'audit.read',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
