/**
 * The learning API (issue 8): areas, practice sets and full timed exams, spaced review, progress, study
 * plan, case studies, flashcards, and the CE record (licences, certifications, courses, team status).
 * Types come from the server's schemas, so both sides agree by construction.
 */
import type { z } from 'zod';
import type {
  ZAnswerRecorded,
  ZArea,
  ZCaseStudy,
  ZCaseSummary,
  ZCeCourse,
  ZCeCourseRequest,
  ZCeRuleView,
  ZCredential,
  ZCredentialRequest,
  ZExam,
  ZExamScore,
  ZExamSummary,
  ZFlashcard,
  ZImportedItem,
  ZImportRequest,
  ZProgress,
  ZReviewCard,
  ZStartExamRequest,
  ZStudyPlan,
  ZTeamCe,
} from '../../modules/learning/learning.schemas.js';
import { apiRequest } from './http.js';

export type LearningArea = z.infer<typeof ZArea>;
export type Exam = z.infer<typeof ZExam>;
export type ExamItem = Exam['items'][number];
export type ExamResult = z.infer<typeof ZExamScore>;
export type ItemFeedback = ExamResult['review'][number];
export type ExamSummary = z.infer<typeof ZExamSummary>;
export type AnswerRecorded = z.infer<typeof ZAnswerRecorded>;
export type StartExamInput = z.input<typeof ZStartExamRequest>;
export type ReviewCard = z.infer<typeof ZReviewCard>;
export type ReviewGrade = 'again' | 'hard' | 'good' | 'easy';
export type Progress = z.infer<typeof ZProgress>;
export type StudyPlan = z.infer<typeof ZStudyPlan>;
export type CaseSummary = z.infer<typeof ZCaseSummary>;
export type CaseStudy = z.infer<typeof ZCaseStudy>;
export type Flashcard = z.infer<typeof ZFlashcard>;
export type Credential = z.infer<typeof ZCredential>;
export type CredentialInput = z.input<typeof ZCredentialRequest>;
export type CeCourse = z.infer<typeof ZCeCourse>;
export type CeCourseInput = z.input<typeof ZCeCourseRequest>;
export type CeRule = z.infer<typeof ZCeRuleView>;
export type TeamCe = z.infer<typeof ZTeamCe>;

const id = encodeURIComponent;

/** React Query keys: everything on the learning side starts with 'learning'. */
export const learningKeys = {
  all: ['learning'] as const,
  areas: ['learning', 'areas'] as const,
  exam: (examId: string) => ['learning', 'exam', examId] as const,
  exams: ['learning', 'exams'] as const,
  due: (deck?: string) => ['learning', 'review', deck ?? 'all'] as const,
  progress: ['learning', 'progress'] as const,
  plan: ['learning', 'plan'] as const,
  cases: ['learning', 'cases'] as const,
  case: (caseId: string) => ['learning', 'case', caseId] as const,
  flashcards: (deck?: string) => ['learning', 'flashcards', deck ?? 'all'] as const,
  ceRules: ['learning', 'ce', 'rules'] as const,
  credentials: (userId?: string) => ['learning', 'ce', 'credentials', userId ?? 'me'] as const,
  courses: (userId?: string) => ['learning', 'ce', 'courses', userId ?? 'me'] as const,
  team: ['learning', 'ce', 'team'] as const,
  imported: ['learning', 'bank', 'imported'] as const,
};

export const listAreas = () => apiRequest<{ items: LearningArea[] }>('/learning/areas');

// Exams and practice
export const startExam = (input: StartExamInput) =>
  apiRequest<Exam>('/learning/exams', { method: 'POST', body: input });
export const getExam = (examId: string) => apiRequest<Exam>(`/learning/exams/${id(examId)}`);
export const listExams = () => apiRequest<{ items: ExamSummary[] }>('/learning/exams');
export const answerItem = (examId: string, itemId: string, optionId: string) =>
  apiRequest<AnswerRecorded>(`/learning/exams/${id(examId)}/answers`, {
    method: 'POST',
    body: { itemId, optionId },
  });
export const finishExam = (examId: string) =>
  apiRequest<ExamResult>(`/learning/exams/${id(examId)}/finish`, { method: 'POST' });

// Spaced review
export const getDueReviews = (query: { limit?: number; deck?: string } = {}) =>
  apiRequest<{ items: ReviewCard[]; counts: { due: number; new: number } }>('/learning/review/due', {
    query,
  });
export const gradeReview = (kind: 'item' | 'flashcard', refId: string, grade: ReviewGrade) =>
  apiRequest<{ kind: string; id: string; state: string; due: string; reps: number; lapses: number }>(
    `/learning/review/${kind}/${id(refId)}`,
    { method: 'POST', body: { grade } },
  );
export const listFlashcards = (deck?: string) =>
  apiRequest<{ items: Flashcard[] }>('/learning/flashcards', { query: deck ? { deck } : {} });

// Progress and plan
// Question bank interchange: GIFT (Moodle) and QTI 3.0 out and in, the flashcards out for Anki
export type ImportedItem = z.infer<typeof ZImportedItem>;
export type ImportInput = z.input<typeof ZImportRequest>;
export type ImportOutcome = {
  imported: number;
  ids: string[];
  skipped: { position: number; title: string | null; reason: string }[];
};
export const bankExportUrl = (query: { format: 'gift' | 'qti'; area?: string; subtopic?: string }) =>
  `/api/learning/bank/export?${new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString()}`;
export const ankiExportUrl = (deck?: string) =>
  `/api/learning/flashcards/anki.txt${deck ? `?deck=${encodeURIComponent(deck)}` : ''}`;
export const listImportedItems = () => apiRequest<{ items: ImportedItem[] }>('/learning/bank/imported');
export const retireImportedItem = (itemId: string) =>
  apiRequest<void>(`/learning/bank/imported/${id(itemId)}`, { method: 'DELETE' });
export const importBank = (input: ImportInput) =>
  apiRequest<ImportOutcome>('/learning/bank/import', { method: 'POST', body: input });

export const getProgress = () => apiRequest<Progress>('/learning/progress');
export const getPlan = () => apiRequest<StudyPlan>('/learning/plan');
export const savePlan = (input: { examDate: string; hoursPerWeek: number }) =>
  apiRequest<StudyPlan>('/learning/plan', { method: 'PUT', body: input });

// Case studies
export const listCases = () => apiRequest<{ items: CaseSummary[] }>('/learning/cases');
export const getCase = (caseId: string) => apiRequest<CaseStudy>(`/learning/cases/${id(caseId)}`);

// CE and licences
export const getCeRules = () =>
  apiRequest<{ rules: CeRule[]; categories: { id: string; name: string }[] }>('/learning/ce/rules');
export const addCeRule = (rule: Omit<CeRule, 'shipped'>) =>
  apiRequest<CeRule>('/learning/ce/rules', { method: 'POST', body: rule });
export const listCredentials = (userId?: string) =>
  apiRequest<{ items: Credential[] }>('/learning/ce/credentials', { query: userId ? { userId } : {} });
export const addCredential = (input: CredentialInput) =>
  apiRequest<Credential>('/learning/ce/credentials', { method: 'POST', body: input });
export const removeCredential = (credentialId: string) =>
  apiRequest<void>(`/learning/ce/credentials/${id(credentialId)}`, { method: 'DELETE' });
export const listCourses = (userId?: string) =>
  apiRequest<{ items: CeCourse[] }>('/learning/ce/courses', { query: userId ? { userId } : {} });
export const addCourse = (input: CeCourseInput) =>
  apiRequest<CeCourse>('/learning/ce/courses', { method: 'POST', body: input });
export const removeCourse = (courseId: string) =>
  apiRequest<void>(`/learning/ce/courses/${id(courseId)}`, { method: 'DELETE' });
export const certificateUrl = (courseId: string) => `/api/learning/ce/courses/${id(courseId)}/certificate`;
export const getTeamCe = () => apiRequest<TeamCe>('/learning/ce/team');

// A student without a clinic (PALPA_OPEN_SIGNUP=1)
export const signUpLearner = (input: { name: string; email: string; password: string }) =>
  apiRequest<{
    clinic: { id: string; name: string };
    user: { id: string; name: string; email: string; role: string };
  }>('/learning/signup', { method: 'POST', body: input, sessionRequired: false });
