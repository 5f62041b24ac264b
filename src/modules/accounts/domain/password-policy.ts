/**
 * NIST SP 800-63B §3.1.1.2: at least 8 characters (we ask 10 for staff handling health records), allow at
 * least 64, no composition rules, and refuse passwords that are obviously tied to the account.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export function passwordProblem(password: string, email: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lowered = password.toLowerCase();
  if (lowered === email.toLowerCase() || lowered === email.toLowerCase().split('@')[0]) {
    return 'The password must not be your email address.';
  }
  if (/^(.)\1+$/.test(password)) return 'The password must not be one repeated character.';
  return undefined;
}
