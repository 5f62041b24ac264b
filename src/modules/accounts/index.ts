/** Accounts module: staff users, sign-in, sessions, two-factor, invitations. */
export {
  createAccountsService,
  type AccountsService,
  type AccountsDeps,
  type RequestMeta,
  type SignedIn,
} from './accounts.service.js';
export { accountsRoutes } from './accounts.routes.js';
export { createAuthorize, createOptionalSession, setSessionCookie, SESSION_COOKIE } from './session-auth.js';
export { DEFAULT_LOGIN_THROTTLE, type LoginThrottlePolicy } from './domain/login-throttle.js';
export {
  ZEmail,
  ZPassword,
  ZPersonName,
  type TSessionInfo,
  type TSessionUser,
  type TStaffMember,
  type TInvitation,
} from './accounts.schemas.js';
export {
  hashPassword,
  hashToken,
  isValidTotpCode,
  newToken,
  newTotpSecret,
  totpCodeAt,
  totpUri,
  verifyAgainstDummy,
  verifyPassword,
} from './credentials.js';
