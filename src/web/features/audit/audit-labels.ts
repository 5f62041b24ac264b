import type { AuditAction } from '../../../modules/audit/domain/audit-actions.js';
import { ROLE_LABELS, ROLES, type Role } from '../../../platform/authz/permissions.js';
import type { AuditEvent } from '../../api/audit.js';
import { formatDateTime } from '../../components/format.js';

/** Each audit action in plain words, as a sentence about what the person did. */
export const ACTION_LABELS: Record<AuditAction, string> = {
  'clinic.setup': 'Set up the clinic',
  'clinic.signup': 'Created the clinic',
  'clinic.updated': 'Changed the clinic letterhead',
  'auth.login': 'Signed in',
  'auth.login_failed': 'Failed to sign in',
  'auth.account_locked': 'Account locked',
  'auth.logout': 'Signed out',
  'auth.session_expired': 'Session ended (inactive)',
  'auth.totp_enabled': 'Turned on two-factor sign-in',
  'auth.totp_disabled': 'Turned off two-factor sign-in',
  'staff.invited': 'Invited a staff member',
  'staff.invitation_revoked': 'Revoked an invitation',
  'staff.joined': 'Joined the clinic',
  'staff.updated': 'Changed a staff account',
  'client.created': 'Added a client',
  'client.read': 'Viewed a client',
  'client.listed': 'Searched clients',
  'client.updated': 'Edited a client',
  'client.archived': 'Archived a client',
  'client.restored': 'Restored a client',
  'audit.read': 'Viewed the audit log',
  'episode.created': 'Opened an episode of care',
  'episode.listed': "Listed a client's episodes",
  'episode.read': 'Viewed an episode',
  'episode.updated': 'Changed an episode',
  'chart.read': 'Viewed a clinical chart',
  'services.read': 'Viewed services for billing',
  'prescription.created': 'Recorded a prescription',
  'prescription.updated': 'Corrected a prescription',
  'intake.saved': 'Saved an intake',
  'intake.read': 'Viewed an intake or alerts',
  'consent.signed': 'Recorded a signed consent',
  'consent.read': 'Viewed consents',
  'assessment.created': 'Recorded an assessment',
  'assessment.updated': 'Edited an assessment',
  'assessment.signed': 'Signed an assessment',
  'assessment.read': 'Viewed an assessment',
  'treatment_plan.saved': 'Saved a treatment plan',
  'treatment_plan.read': 'Viewed a treatment plan',
  'note.created': 'Started a session note',
  'note.updated': 'Edited a session note',
  'note.deleted': 'Deleted a draft note',
  'note.signed': 'Signed a session note',
  'note.read': 'Viewed a session note',
  'note.addendum_added': 'Added an addendum',
  'report.generated': 'Generated a progress report',
  'library.condition_saved': "Saved the clinic's own library condition",
  'library.condition_removed': "Removed the clinic's own library condition",
  'billing.profile_saved': 'Saved the billing profile',
  'billing.provider_saved': "Saved a therapist's NPI",
  'billing.payer_saved': 'Saved a payer',
  'billing.service_code_saved': 'Saved a service code',
  'billing.fee_saved': 'Changed a fee',
  'billing.code_pairs_saved': 'Replaced the code-pair edit table',
  'coverage.policy_saved': 'Saved an insurance policy',
  'coverage.case_saved': "Saved an auto / workers' comp case",
  'coverage.read': 'Viewed insurance coverage',
  'claim.created': 'Created a claim',
  'claim.updated': 'Edited a claim',
  'claim.scrubbed': 'Checked a claim',
  'claim.status_changed': "Changed a claim's status",
  'claim.read': 'Viewed a claim',
  'claim.form_generated': 'Printed a claim (CMS-1500 / 837P)',
  'claim.batch_created': 'Created an 837P batch',
  'claim.deleted': 'Deleted a draft claim',
  'remittance.posted': 'Posted a remittance (835)',
  'remittance.read': 'Viewed a remittance',
  'ledger.entry_posted': 'Posted a ledger entry',
  'ledger.read': 'Viewed a client ledger',
  'ledger.statement_generated': 'Printed a statement',
  'superbill.generated': 'Printed a superbill',
  'report.ar_aging': 'Viewed the A/R aging report',
  'report.write_offs': 'Viewed the write-off report',
  'appointment.created': 'Booked an appointment',
  'appointment.listed': 'Viewed the calendar',
  'appointment.read': 'Opened an appointment',
  'appointment.updated': 'Changed an appointment',
  'appointment.cancelled': 'Cancelled an appointment',
  'schedule.service_saved': 'Saved a service on the menu',
  'schedule.room_saved': 'Saved a room',
  'schedule.hours_saved': 'Saved working hours',
  'schedule.time_blocked': 'Blocked or freed time',
  'calendar_feed.created': 'Made a calendar feed',
  'calendar_feed.revoked': 'Revoked a calendar feed',
  'calendar_feed.read': 'Calendar feed read by a calendar app',
  'message.listed': 'Read the outbox',
  'message.resent': 'Resent a message',
  'portal.invited': 'Invited to the client portal',
  'portal.signed_in': 'Signed in to the client portal',
  'portal.read': 'Client viewed their portal',
  'portal.submitted': 'Client submitted a form',
  'portal.submissions_read': 'Read forms completed by the client',
  'portal.submission_reviewed': 'Reviewed a form completed by the client',
  'testimonial.listed': 'Read testimonials',
  'testimonial.reviewed': 'Approved or declined a testimonial',
  'testimonial.submitted': 'Client wrote a testimonial',
};

export type ActionTone = 'read' | 'change' | 'auth' | 'warning' | 'admin';

export function actionTone(action: AuditAction): ActionTone {
  if (action === 'auth.login_failed' || action === 'auth.account_locked') return 'warning';
  if (action.startsWith('auth.')) return 'auth';
  if (/\.(read|listed)$/.test(action) || action === 'report.generated') return 'read';
  if (/^(client|episode|prescription|intake|consent|assessment|treatment_plan|note)\./.test(action))
    return 'change';
  return 'admin';
}

export const TONE_COLORS: Record<ActionTone, string> = {
  read: 'gray',
  change: 'palpa',
  auth: 'indigo',
  warning: 'red',
  admin: 'grape',
};

const CLIENT_FIELD_LABELS: Record<string, string> = {
  givenName: 'given name',
  familyName: 'family name',
  preferredName: 'preferred name',
  dateOfBirth: 'date of birth',
  sex: 'sex',
  genderIdentity: 'gender identity',
  pronouns: 'pronouns',
  phone: 'phone',
  email: 'email',
  address: 'address',
  emergencyContact: 'emergency contact',
  preferredContactMethod: 'preferred contact method',
  notes: 'notes',
};

const QUERY_KINDS: Record<string, string> = {
  all: 'all clients',
  text: 'by name or email',
  phone: 'by phone',
  dateOfBirth: 'by date of birth',
};

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** A short line of what the event's detail says (field names and counts only; the log holds no values). */
export function describeDetail(event: AuditEvent, staffNames: Map<string, string>): string | null {
  const d = event.detail;
  switch (event.action) {
    case 'client.created':
    case 'client.updated': {
      const fields = Array.isArray(d.fields)
        ? (d.fields as unknown[])
            .filter((f): f is string => typeof f === 'string' && f in CLIENT_FIELD_LABELS)
            .map((f) => CLIENT_FIELD_LABELS[f])
        : [];
      if (!fields.length) return null;
      return event.action === 'client.updated'
        ? `Changed: ${fields.join(', ')}`
        : `With: ${fields.join(', ')}`;
    }
    case 'client.listed': {
      const kind = typeof d.queryKind === 'string' ? (QUERY_KINDS[d.queryKind] ?? d.queryKind) : 'clients';
      const count = typeof d.resultCount === 'number' ? d.resultCount : event.clientIds.length;
      const archived =
        d.archived === 'include' ? ', archived included' : d.archived === 'only' ? ', archived only' : '';
      return `${kind === 'all clients' ? 'Listed all clients' : `Searched ${kind}`}${archived} — ${count} result${count === 1 ? '' : 's'}`;
    }
    case 'auth.login_failed':
      if (d.reason === 'password') return 'Wrong password';
      if (d.reason === 'totp') return 'Wrong two-factor code';
      if (d.reason === 'locked') return 'Account was locked';
      return null;
    case 'auth.account_locked':
      return typeof d.until === 'string' ? `Locked until ${formatDateTime(d.until)}` : null;
    case 'auth.session_expired':
      return typeof d.idleMinutes === 'number' ? `After ${d.idleMinutes} minutes without activity` : null;
    case 'staff.invited':
    case 'staff.joined':
      return isRole(d.role) ? `As ${ROLE_LABELS[d.role]}` : null;
    case 'staff.updated': {
      const who = (event.entityId && staffNames.get(event.entityId)) || 'Staff member';
      const parts: string[] = [];
      if (isRole(d.role)) parts.push(`role set to ${ROLE_LABELS[d.role]}`);
      if (d.active === false) parts.push('deactivated');
      if (d.active === true) parts.push('reactivated');
      return parts.length ? `${who}: ${parts.join(', ')}` : who;
    }
    case 'audit.read': {
      const filter = (d.filter ?? {}) as { clientId?: unknown; userId?: unknown };
      if (typeof filter.userId === 'string') {
        return `Filtered by ${staffNames.get(filter.userId) ?? 'a staff member'}`;
      }
      if (typeof filter.clientId === 'string') return 'Filtered by client';
      return null;
    }
    default:
      return null;
  }
}
