import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { generate, generateSecret, generateURI, verify as verifyTotpCode } from 'otplib';

// @node-rs/argon2 exports Algorithm as a const enum, which isolated modules cannot read: Argon2id = 2.
const ARGON2ID = 2;

/** OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1. */
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so response time does not reveal whether an email exists. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('palpa-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

/** 256-bit random token for cookies and invitation links; only its SHA-256 is stored. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, accountEmail: string, issuer: string): string =>
  generateURI({ issuer, label: accountEmail, secret });

/** RFC 6238 TOTP, 30 s steps, one step of clock drift allowed either way. */
export async function isValidTotpCode(secret: string, code: string, now: Date): Promise<boolean> {
  const result = await verifyTotpCode({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
  });
  return result.valid;
}

export const totpCodeAt = (secret: string, at: Date): Promise<string> =>
  generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
