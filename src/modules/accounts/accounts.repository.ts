import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { GrantablePermission, Role } from '../../platform/authz/permissions.js';
import { clinics } from '../clinics/clinics.tables.js';
import { invitations, sessions, users } from './accounts.tables.js';

export type UserForLogin = {
  id: string;
  clinicId: string;
  clinicName: string;
  clinicTimeZone: string;
  name: string;
  email: string;
  role: Role;
  grants: GrantablePermission[];
  credentials: string | null;
  licenseNumber: string | null;
  passwordHash: string;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  failedLoginCount: number;
  lockedUntil: Date | null;
  deactivatedAt: Date | null;
};

const userForLoginColumns = {
  id: users.id,
  clinicId: users.clinicId,
  clinicName: clinics.name,
  clinicTimeZone: clinics.timeZone,
  name: users.name,
  email: users.email,
  role: users.role,
  grants: users.grants,
  credentials: users.credentials,
  licenseNumber: users.licenseNumber,
  passwordHash: users.passwordHash,
  totpSecret: users.totpSecret,
  totpEnabledAt: users.totpEnabledAt,
  failedLoginCount: users.failedLoginCount,
  lockedUntil: users.lockedUntil,
  deactivatedAt: users.deactivatedAt,
};

/** Sign-in happens before a clinic is known, so this lookup alone is by email across clinics. */
export async function findUserForLoginByEmail(
  db: Db,
  email: string,
  options: { forUpdate: boolean },
): Promise<UserForLogin | undefined> {
  const query = db
    .select(userForLoginColumns)
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  const [row] = options.forUpdate ? await query.for('update', { of: users }) : await query;
  return row;
}

export async function findUserForLogin(
  db: Db,
  clinicId: string,
  userId: string,
): Promise<UserForLogin | undefined> {
  const [row] = await db
    .select(userForLoginColumns)
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(and(eq(users.clinicId, clinicId), eq(users.id, userId)));
  return row;
}

export async function emailExists(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row !== undefined;
}

export async function insertUser(
  db: Db,
  values: { clinicId: string; email: string; name: string; role: Role; passwordHash: string; now: Date },
): Promise<{ id: string }> {
  const [row] = await db
    .insert(users)
    .values({
      clinicId: values.clinicId,
      email: values.email,
      name: values.name,
      role: values.role,
      passwordHash: values.passwordHash,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .returning({ id: users.id });
  if (!row) throw new Error('insert into users returned no row');
  return row;
}

export async function updateLoginState(
  db: Db,
  clinicId: string,
  userId: string,
  state: { failedLoginCount: number; lockedUntil: Date | null; lastFailedLoginAt?: Date; lastLoginAt?: Date },
): Promise<void> {
  await db
    .update(users)
    .set(state)
    .where(and(eq(users.clinicId, clinicId), eq(users.id, userId)));
}

export async function setTotp(
  db: Db,
  clinicId: string,
  userId: string,
  totp: { secret: string | null; enabledAt: Date | null },
): Promise<void> {
  await db
    .update(users)
    .set({ totpSecret: totp.secret, totpEnabledAt: totp.enabledAt })
    .where(and(eq(users.clinicId, clinicId), eq(users.id, userId)));
}

export type StaffRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  grants: GrantablePermission[];
  totpEnabledAt: Date | null;
  lastLoginAt: Date | null;
  deactivatedAt: Date | null;
  version: number;
};

const staffColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  grants: users.grants,
  totpEnabledAt: users.totpEnabledAt,
  lastLoginAt: users.lastLoginAt,
  deactivatedAt: users.deactivatedAt,
  version: users.version,
};

export async function listStaff(db: Db, clinicId: string): Promise<StaffRow[]> {
  return db.select(staffColumns).from(users).where(eq(users.clinicId, clinicId)).orderBy(asc(users.name));
}

export async function findStaff(db: Db, clinicId: string, userId: string): Promise<StaffRow | undefined> {
  const [row] = await db
    .select(staffColumns)
    .from(users)
    .where(and(eq(users.clinicId, clinicId), eq(users.id, userId)));
  return row;
}

export async function updateStaff(
  db: Db,
  clinicId: string,
  userId: string,
  expectedVersion: number,
  changes: { role?: Role; grants?: GrantablePermission[]; deactivatedAt?: Date | null; now: Date },
): Promise<StaffRow | undefined> {
  const [row] = await db
    .update(users)
    .set({
      ...(changes.role ? { role: changes.role } : {}),
      ...(changes.grants ? { grants: changes.grants } : {}),
      ...(changes.deactivatedAt !== undefined ? { deactivatedAt: changes.deactivatedAt } : {}),
      updatedAt: changes.now,
      version: sql`${users.version} + 1`,
    })
    .where(and(eq(users.clinicId, clinicId), eq(users.id, userId), eq(users.version, expectedVersion)))
    .returning(staffColumns);
  return row;
}

export async function countActiveOwners(db: Db, clinicId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.clinicId, clinicId), eq(users.role, 'owner'), sql`${users.deactivatedAt} is null`));
  return row?.n ?? 0;
}

// Sessions

export type SessionRow = {
  tokenHash: string;
  userId: string;
  clinicId: string;
  createdAt: Date;
  lastSeenAt: Date;
};

export async function insertSession(
  db: Db,
  values: SessionRow & { ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  const [row] = await db
    .select({
      tokenHash: sessions.tokenHash,
      userId: sessions.userId,
      clinicId: sessions.clinicId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, clinicId: string, userId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.clinicId, clinicId), eq(sessions.userId, userId)));
}

// Invitations

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(
  db: Db,
  values: Omit<InvitationRow, 'id' | 'acceptedAt' | 'revokedAt'>,
): Promise<InvitationRow> {
  const [row] = await db.insert(invitations).values(values).returning();
  if (!row) throw new Error('insert into invitations returned no row');
  return row;
}

export async function listInvitations(db: Db, clinicId: string): Promise<InvitationRow[]> {
  return db
    .select()
    .from(invitations)
    .where(eq(invitations.clinicId, clinicId))
    .orderBy(desc(invitations.createdAt));
}

/** Looked up by its secret token before anyone is signed in; the token itself is the credential. */
export async function findInvitationByTokenHash(
  db: Db,
  tokenHash: string,
  options: { forUpdate: boolean },
): Promise<(InvitationRow & { clinicName: string }) | undefined> {
  const query = db
    .select({ invitation: invitations, clinicName: clinics.name })
    .from(invitations)
    .innerJoin(clinics, eq(clinics.id, invitations.clinicId))
    .where(eq(invitations.tokenHash, tokenHash));
  const [row] = options.forUpdate ? await query.for('update', { of: invitations }) : await query;
  return row ? { ...row.invitation, clinicName: row.clinicName } : undefined;
}

export async function markInvitation(
  db: Db,
  clinicId: string,
  invitationId: string,
  change: { acceptedAt?: Date; revokedAt?: Date },
): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set(change)
    .where(and(eq(invitations.clinicId, clinicId), eq(invitations.id, invitationId)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

export async function updateProfile(
  db: Db,
  clinicId: string,
  userId: string,
  changes: { name?: string; credentials?: string | null; licenseNumber?: string | null; now: Date },
): Promise<void> {
  const { now, ...values } = changes;
  await db
    .update(users)
    .set({ ...values, updatedAt: now })
    .where(and(eq(users.clinicId, clinicId), eq(users.id, userId)));
}
