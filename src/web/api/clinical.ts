/**
 * The clinical record's API: episodes, prescriptions, intake and consent, assessments, plans, session
 * notes, the chart and reports. Types come from the server's schemas, so both sides agree by construction.
 */
import type {
  TAssessment,
  TCreateAssessmentRequest,
  TUpdateAssessmentRequest,
} from '../../modules/assessments/assessments.schemas.js';
import type {
  TClinicalChart,
  TClinicalOverview,
  TEpisodeServices,
} from '../../modules/clinical-chart/clinical-chart.schemas.js';
import type {
  TCreateEpisodeRequest,
  TEpisode,
  TUpdateEpisodeRequest,
} from '../../modules/episodes/episodes.schemas.js';
import type {
  TClientAlerts,
  TConsent,
  TIntake,
  TSaveIntakeRequest,
  TSignConsentRequest,
} from '../../modules/intake/intake.schemas.js';
import type {
  TOutcomeMeasureList,
  TOutcomeMeasureScore,
} from '../../modules/outcome-measures/outcome-measures.schemas.js';
import type {
  TCreatePrescriptionRequest,
  TPrescription,
  TUpdatePrescriptionRequest,
} from '../../modules/prescriptions/prescriptions.schemas.js';
import type { TScreeningVocabulary } from '../../modules/screening/screening.schemas.js';
import type {
  TCreateNoteRequest,
  TSessionNote,
  TUpdateNoteRequest,
} from '../../modules/session-notes/session-notes.schemas.js';
import type {
  TSaveTreatmentPlanRequest,
  TTreatmentPlan,
} from '../../modules/treatment-plans/treatment-plans.schemas.js';
import { apiRequest } from './http.js';

export type Episode = TEpisode;
export type ClinicalChart = TClinicalChart;
export type ClinicalOverview = TClinicalOverview;
export type EpisodeServices = TEpisodeServices;
export type Prescription = TPrescription;
export type Intake = TIntake;
export type Consent = TConsent;
export type ClientAlerts = TClientAlerts;
export type Assessment = TAssessment;
export type TreatmentPlan = TTreatmentPlan;
export type SessionNote = TSessionNote;
export type AssessmentInput = TCreateAssessmentRequest;
export type ScreeningAlert = ClinicalChart['alerts'][number];
export type MeasureSeries = ClinicalChart['measures'][number];
export type TimelineItem = ClinicalChart['timeline'][number];

const id = encodeURIComponent;

/** React Query keys: invalidate ['chart', episodeId] after any clinical write. */
export const clinicalKeys = {
  chart: (episodeId: string) => ['chart', episodeId] as const,
  overview: (clientId: string) => ['clinical-overview', clientId] as const,
  alerts: (clientId: string) => ['client-alerts', clientId] as const,
  note: (noteId: string) => ['note', noteId] as const,
};

// Episodes and the chart
export const openEpisode = (clientId: string, input: TCreateEpisodeRequest) =>
  apiRequest<Episode>(`/clients/${id(clientId)}/episodes`, { method: 'POST', body: input });
export const updateEpisode = (episodeId: string, input: TUpdateEpisodeRequest) =>
  apiRequest<Episode>(`/episodes/${id(episodeId)}`, { method: 'PATCH', body: input });
export const getClinicalOverview = (clientId: string) =>
  apiRequest<ClinicalOverview>(`/clients/${id(clientId)}/clinical-overview`);
export const getClientAlerts = (clientId: string) =>
  apiRequest<ClientAlerts>(`/clients/${id(clientId)}/alerts`);
export const getChart = (episodeId: string) => apiRequest<ClinicalChart>(`/episodes/${id(episodeId)}/chart`);
export const getEpisodeServices = (episodeId: string) =>
  apiRequest<EpisodeServices>(`/episodes/${id(episodeId)}/services`);
export const progressReportUrl = (episodeId: string, kind: 'progress' | 'discharge') =>
  `/api/episodes/${id(episodeId)}/progress-report.pdf?kind=${kind}`;

// Prescriptions
export const createPrescription = (episodeId: string, input: TCreatePrescriptionRequest) =>
  apiRequest<Prescription>(`/episodes/${id(episodeId)}/prescriptions`, { method: 'POST', body: input });
export const updatePrescription = (prescriptionId: string, input: TUpdatePrescriptionRequest) =>
  apiRequest<Prescription>(`/prescriptions/${id(prescriptionId)}`, { method: 'PATCH', body: input });
export const checkNpi = (npi: string) => apiRequest<{ valid: boolean }>(`/npi/${id(npi)}/check`);
export type Icd10cmItem = { code: string; description: string; billable: boolean };
export const searchIcd10cm = (q: string, signal?: AbortSignal) =>
  apiRequest<{ edition: number; items: Icd10cmItem[] }>('/icd10cm', { query: { q, limit: 15 }, signal });

// Intake and consent
export const saveIntake = (episodeId: string, input: TSaveIntakeRequest) =>
  apiRequest<Intake>(`/episodes/${id(episodeId)}/intake`, { method: 'PUT', body: input });
export const getScreeningVocabulary = () => apiRequest<TScreeningVocabulary>('/screening/vocabulary');
export type ConsentText = {
  kind: 'treatment' | 'release_of_information';
  version: string;
  title: string;
  body: string;
};
export const getConsentTexts = () => apiRequest<{ items: ConsentText[] }>('/consent-texts');
export const signConsent = (episodeId: string, input: TSignConsentRequest) =>
  apiRequest<Consent>(`/episodes/${id(episodeId)}/consents`, { method: 'POST', body: input });

// Assessments and outcome measures
export const createAssessment = (episodeId: string, input: TCreateAssessmentRequest) =>
  apiRequest<Assessment>(`/episodes/${id(episodeId)}/assessments`, { method: 'POST', body: input });
export const updateAssessment = (assessmentId: string, input: TUpdateAssessmentRequest) =>
  apiRequest<Assessment>(`/assessments/${id(assessmentId)}`, { method: 'PUT', body: input });
export const signAssessment = (assessmentId: string, version: number) =>
  apiRequest<Assessment>(`/assessments/${id(assessmentId)}/sign`, { method: 'POST', body: { version } });
export type AssessmentReference = {
  bodyRegions: { id: string; view: string; label: string; side: string }[];
  romNorms: { joint: string; movement: string; degrees: number; source: string }[];
  specialTests: { id: string; label: string; suggests: string }[];
};
export const getAssessmentReference = () => apiRequest<AssessmentReference>('/assessment-reference');
export const getOutcomeMeasures = () => apiRequest<TOutcomeMeasureList>('/outcome-measures');
export const scoreOutcomeMeasure = (instrument: string, answers: (number | null)[]) =>
  apiRequest<TOutcomeMeasureScore>(`/outcome-measures/${id(instrument)}/score`, {
    method: 'POST',
    body: { answers },
  });

// Treatment plan
export const saveTreatmentPlan = (episodeId: string, input: TSaveTreatmentPlanRequest) =>
  apiRequest<TreatmentPlan>(`/episodes/${id(episodeId)}/plan`, { method: 'PUT', body: input });

// Session notes
export type NoteReference = {
  templates: { id: string; label: string }[];
  techniques: { id: string; label: string; defaultCode: string }[];
  serviceCodes: { code: string; label: string; timed: boolean }[];
  pressureLevels: { level: number; label: string }[];
};
export const getNoteReference = () => apiRequest<NoteReference>('/note-reference');
export const createNote = (episodeId: string, input: TCreateNoteRequest) =>
  apiRequest<SessionNote>(`/episodes/${id(episodeId)}/notes`, { method: 'POST', body: input });
export const getNote = (noteId: string) => apiRequest<SessionNote>(`/notes/${id(noteId)}`);
export const updateNote = (noteId: string, input: TUpdateNoteRequest) =>
  apiRequest<SessionNote>(`/notes/${id(noteId)}`, { method: 'PATCH', body: input });
export const deleteNote = (noteId: string) => apiRequest<void>(`/notes/${id(noteId)}`, { method: 'DELETE' });
export const signNote = (noteId: string, version: number) =>
  apiRequest<SessionNote>(`/notes/${id(noteId)}/sign`, { method: 'POST', body: { version } });
export const addAddendum = (noteId: string, text: string) =>
  apiRequest<SessionNote>(`/notes/${id(noteId)}/addenda`, { method: 'POST', body: { text } });
