import type { TClinic, TClinicSignupRequest } from '../../modules/clinics/clinics.schemas.js';
import { apiRequest } from './http.js';

export type SetupStatus = { setupRequired: boolean };

export const getSetupStatus = (): Promise<SetupStatus> =>
  apiRequest<SetupStatus>('/setup', { sessionRequired: false });

/** Creates the first clinic and its owner, and signs the owner in (the answer carries no session info). */
export const setupClinic = (input: TClinicSignupRequest): Promise<unknown> =>
  apiRequest<unknown>('/setup', { method: 'POST', body: input, sessionRequired: false });

export const getClinic = (): Promise<TClinic> => apiRequest<TClinic>('/clinic');

export type BackupResult = { file: string; bytes: number };

export const createBackup = (): Promise<BackupResult> =>
  apiRequest<BackupResult>('/backups', { method: 'POST' });
