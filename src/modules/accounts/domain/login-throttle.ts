/**
 * Slows, then locks, repeated failed sign-ins to one account (NIST SP 800-63B §5.2.2 "rate limiting":
 * at most 100 consecutive failures; OWASP Authentication Cheat Sheet: exponential delay, then lockout).
 */
export type LoginThrottlePolicy = {
  /** Consecutive failures that lock the account. */
  maxFailures: number;
  lockMinutes: number;
  /** Delay before answering the first failure; doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
};

export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  maxFailures: 5,
  lockMinutes: 15,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
};

export type LoginThrottleState = { failedLoginCount: number; lockedUntil: Date | null };

export type LoginGate = { allowed: true } | { allowed: false; retryAt: Date };

export function checkLoginGate(state: LoginThrottleState, now: Date): LoginGate {
  if (state.lockedUntil && state.lockedUntil.getTime() > now.getTime()) {
    return { allowed: false, retryAt: state.lockedUntil };
  }
  return { allowed: true };
}

export type FailedLoginOutcome = LoginThrottleState & { delayMs: number; lockedNow: boolean };

export function registerFailedLogin(
  state: LoginThrottleState,
  now: Date,
  policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE,
): FailedLoginOutcome {
  // A lock that has run out starts a fresh count.
  const lockExpired = state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
  const failedLoginCount = (lockExpired ? 0 : state.failedLoginCount) + 1;
  const delayMs = Math.min(policy.baseDelayMs * 2 ** (failedLoginCount - 1), policy.maxDelayMs);
  if (failedLoginCount >= policy.maxFailures) {
    return {
      failedLoginCount,
      lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000),
      delayMs,
      lockedNow: true,
    };
  }
  return { failedLoginCount, lockedUntil: null, delayMs, lockedNow: false };
}

export function registerSuccessfulLogin(): LoginThrottleState {
  return { failedLoginCount: 0, lockedUntil: null };
}
