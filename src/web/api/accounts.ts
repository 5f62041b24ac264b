import type {
  TAcceptInvitationRequest,
  TInvitation,
  TInvitationPreview,
  TInviteRequest,
  TLoginRequest,
  TSessionInfo,
  TStaffMember,
  TTotpSetup,
  TUpdateStaffRequest,
} from '../../modules/accounts/accounts.schemas.js';
import { ApiError, apiRequest } from './http.js';

export type SessionInfo = TSessionInfo;
export type SessionUser = TSessionInfo['user'];
export type StaffMember = TStaffMember;
export type Invitation = TInvitation;
export type InvitationPreview = TInvitationPreview;

/** The current session, or null when nobody is signed in. */
export async function getSession(): Promise<SessionInfo | null> {
  try {
    return await apiRequest<SessionInfo>('/auth/session', { sessionRequired: false });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** Checks the session as the server sees it; a 401 here is reported as the session having ended. */
export const probeSession = (): Promise<SessionInfo> => apiRequest<SessionInfo>('/auth/session');

export const login = (input: TLoginRequest): Promise<SessionInfo> =>
  apiRequest<SessionInfo>('/auth/login', { method: 'POST', body: input, sessionRequired: false });

export const logout = (): Promise<void> =>
  apiRequest<void>('/auth/logout', { method: 'POST', sessionRequired: false });

export const startTotpSetup = (): Promise<TTotpSetup> =>
  apiRequest<TTotpSetup>('/auth/totp/setup', { method: 'POST' });

export const enableTotp = (code: string): Promise<SessionInfo> =>
  apiRequest<SessionInfo>('/auth/totp/enable', { method: 'POST', body: { code } });

export const disableTotp = (password: string): Promise<SessionInfo> =>
  apiRequest<SessionInfo>('/auth/totp/disable', { method: 'POST', body: { password } });

export const listStaff = (): Promise<{ items: StaffMember[] }> =>
  apiRequest<{ items: StaffMember[] }>('/staff');

export const updateStaff = (id: string, input: TUpdateStaffRequest): Promise<StaffMember> =>
  apiRequest<StaffMember>(`/staff/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export const inviteStaff = (input: TInviteRequest): Promise<Invitation> =>
  apiRequest<Invitation>('/staff/invitations', { method: 'POST', body: input });

export const listInvitations = (): Promise<{ items: Invitation[] }> =>
  apiRequest<{ items: Invitation[] }>('/staff/invitations');

export const revokeInvitation = (id: string): Promise<void> =>
  apiRequest<void>(`/staff/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const previewInvitation = (token: string): Promise<InvitationPreview> =>
  apiRequest<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`, { sessionRequired: false });

export const acceptInvitation = (input: TAcceptInvitationRequest): Promise<SessionInfo> =>
  apiRequest<SessionInfo>('/invitations/accept', { method: 'POST', body: input, sessionRequired: false });
