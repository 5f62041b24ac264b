import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import { ZCeRule } from './domain/ce-rules.js';
import {
  ZAnswerRecorded,
  ZAnswerRequest,
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
  ZGradeRequest,
  ZImportRequest,
  ZImportedItem,
  ZPlanRequest,
  ZProgress,
  ZReviewDue,
  ZReviewParams,
  ZReviewQuery,
  ZStartExamRequest,
  ZStudyPlan,
  ZTeamCe,
  ZTextIdParam,
} from './learning.schemas.js';
import type { LearningService } from './learning.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

/** The learning side (issue 8): practice and full exams, spaced review, progress, study plan, CE record. */
export function learningRoutes(deps: { learning: LearningService; authorize: Authorize }) {
  const { learning, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/areas',
      tags: ['Learning'],
      summary: 'The seven MBLEx content areas with their weights (FSMTB outline, 2018) and subtopics',
      middleware: [authorize('learning:use')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZArea) }), 'Areas'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await learning.areas(requestContext(c)) }, 200),
  );

  // — Exams and practice —

  router.openapi(
    createRoute({
      method: 'post',
      path: '/learning/exams',
      tags: ['Learning'],
      summary: 'Start a full timed exam (100 items, 110 minutes) or a practice set by area and subtopic',
      middleware: [authorize('learning:use')] as const,
      request: { body: json(ZStartExamRequest) },
      responses: { 201: jsonContent(ZExam, 'Started'), ...problemResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await learning.startExam(requestContext(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/exams',
      tags: ['Learning'],
      summary: 'My exams and practice sets, newest first',
      middleware: [authorize('learning:use')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZExamSummary) }), 'History'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await learning.listExams(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/exams/{id}',
      tags: ['Learning'],
      summary:
        'An exam as it stands: items, how many answered, time left on the server clock; the result once finished',
      middleware: [authorize('learning:use')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZExam, 'Exam'), ...problemResponses(401, 403, 404) },
    }),
    async (c) => c.json(await learning.getExam(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/learning/exams/{id}/answers',
      tags: ['Learning'],
      summary: 'Answer the next item (in order; no going back; not after the time is up)',
      middleware: [authorize('learning:use')] as const,
      request: { params: ZIdParam, body: json(ZAnswerRequest) },
      responses: {
        200: jsonContent(ZAnswerRecorded, 'Recorded'),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(await learning.answer(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/learning/exams/{id}/finish',
      tags: ['Learning'],
      summary:
        'Score the exam: per-area breakdown, review with rationales, readiness (full exams); missed items go to review',
      middleware: [authorize('learning:use')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZExamScore, 'Result'), ...problemResponses(401, 403, 404) },
    }),
    async (c) => c.json(await learning.finish(requestContext(c), c.req.valid('param').id), 200),
  );

  // — Spaced review —

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/review/due',
      tags: ['Learning'],
      summary:
        'What is due for review today (missed items and flashcards), plus up to 20 new flashcards a day',
      middleware: [authorize('learning:use')] as const,
      request: { query: ZReviewQuery },
      responses: { 200: jsonContent(ZReviewDue, 'Due'), ...problemResponses(400, 401, 403) },
    }),
    async (c) => c.json(await learning.dueReviews(requestContext(c), c.req.valid('query')), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/learning/review/{kind}/{id}',
      tags: ['Learning'],
      summary: 'Grade a card again, hard, good or easy (FSRS schedules the next review)',
      middleware: [authorize('learning:use')] as const,
      request: { params: ZReviewParams, body: json(ZGradeRequest) },
      responses: {
        200: jsonContent(
          z.object({
            kind: z.string(),
            id: z.string(),
            state: z.string(),
            due: z.string(),
            reps: z.number(),
            lapses: z.number(),
          }),
          'Scheduled',
        ),
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { kind, id } = c.req.valid('param');
      return c.json(await learning.grade(requestContext(c), kind, id, c.req.valid('json').grade), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/flashcards',
      tags: ['Learning'],
      summary: 'The flashcards (terminology, muscles, pathology)',
      middleware: [authorize('learning:use')] as const,
      request: {
        query: z.strictObject({ deck: z.enum(['terminology', 'muscles', 'pathology']).optional() }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(ZFlashcard) }), 'Flashcards'),
        ...problemResponses(400, 401, 403),
      },
    }),
    (c) => c.json({ items: learning.flashcards(c.req.valid('query').deck) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/flashcards/anki.txt',
      tags: ['Learning'],
      summary: 'The flashcards as a text file for Anki (File → Import: tab-separated, with tags)',
      middleware: [authorize('learning:use')] as const,
      request: {
        query: z.strictObject({ deck: z.enum(['terminology', 'muscles', 'pathology']).optional() }),
      },
      responses: { 200: { description: 'Tab-separated text' }, ...problemResponses(400, 401, 403) },
    }),
    (c) => {
      c.header('Content-Type', 'text/plain; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="palpa-flashcards-anki.txt"');
      return c.body(learning.exportFlashcardsForAnki(c.req.valid('query').deck), 200);
    },
  );

  // — Question bank interchange —

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/bank/export',
      tags: ['Learning'],
      summary:
        'Export questions as GIFT (Moodle) text or a QTI 3.0 package (ZIP of item XML with a manifest)',
      middleware: [authorize('learning:use')] as const,
      request: {
        query: z.strictObject({
          format: z.enum(['gift', 'qti']),
          area: z.string().optional(),
          subtopic: z.string().optional(),
        }),
      },
      responses: { 200: { description: 'The file' }, ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      const file = await learning.exportBank(requestContext(c), c.req.valid('query'));
      c.header('Content-Type', file.mime);
      c.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
      return c.body(toArrayBuffer(file.bytes), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/bank/imported',
      tags: ['Learning'],
      summary: 'The questions this clinic imported, newest first',
      middleware: [authorize('learning:use')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZImportedItem) }), 'Imported questions'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await learning.importedItems(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/learning/bank/imported/{id}',
      tags: ['Learning'],
      summary:
        'Take an imported question out of practice and export (past exams and review cards keep showing it)',
      middleware: [authorize('learning:manage')] as const,
      request: {
        params: z.strictObject({
          id: z.string().regex(/^imp-[0-9a-f-]{36}$/, 'Not an imported question id.'),
        }),
      },
      responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      await learning.retireImportedItem(requestContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/learning/bank/import',
      tags: ['Learning'],
      summary:
        "Import a school's questions (GIFT text, one QTI item, or a QTI package as base64 ZIP) for practice",
      middleware: [authorize('learning:manage')] as const,
      request: { body: json(ZImportRequest) },
      responses: {
        200: jsonContent(
          z.object({
            imported: z.number().int(),
            ids: z.array(z.string()),
            skipped: z.array(
              z.object({ position: z.number().int(), title: z.string().nullable(), reason: z.string() }),
            ),
          }),
          'Imported',
        ),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => c.json(await learning.importBank(requestContext(c), c.req.valid('json')), 200),
  );

  // — Progress and plan —

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/progress',
      tags: ['Learning'],
      summary: 'Accuracy by area and subtopic, by week, exam history and the review queue',
      middleware: [authorize('learning:use')] as const,
      responses: { 200: jsonContent(ZProgress, 'Progress'), ...problemResponses(401, 403) },
    }),
    async (c) => c.json(await learning.progress(requestContext(c)), 200),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/learning/plan',
      tags: ['Learning'],
      summary: 'Set the exam date and hours per week; returns the week-by-week plan',
      middleware: [authorize('learning:use')] as const,
      request: { body: json(ZPlanRequest) },
      responses: { 200: jsonContent(ZStudyPlan, 'Plan'), ...problemResponses(400, 401, 403) },
    }),
    async (c) => c.json(await learning.savePlan(requestContext(c), c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/plan',
      tags: ['Learning'],
      summary: 'The study plan, recomputed from the latest results',
      middleware: [authorize('learning:use')] as const,
      responses: { 200: jsonContent(ZStudyPlan, 'Plan'), ...problemResponses(401, 403, 404) },
    }),
    async (c) => c.json(await learning.plan(requestContext(c)), 200),
  );

  // — Case studies —

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/cases',
      tags: ['Learning'],
      summary: 'Medical massage case studies built from the condition library',
      middleware: [authorize('learning:use')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZCaseSummary) }), 'Cases'),
        ...problemResponses(401, 403),
      },
    }),
    (c) => c.json({ items: learning.caseStudies() }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/cases/{id}',
      tags: ['Learning'],
      summary: 'A case study with its questions and model answers',
      middleware: [authorize('learning:use')] as const,
      request: { params: ZTextIdParam },
      responses: { 200: jsonContent(ZCaseStudy, 'Case'), ...problemResponses(401, 403, 404) },
    }),
    (c) => c.json(learning.caseStudy(c.req.valid('param').id), 200),
  );

  // — CE and licences —

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/ce/rules',
      tags: ['Continuing education'],
      summary: 'CE rules: the shipped states and NCBTMB, and the clinic’s own; and the course categories',
      middleware: [authorize('learning:use')] as const,
      responses: {
        200: jsonContent(
          z.object({
            rules: z.array(ZCeRuleView),
            categories: z.array(z.object({ id: z.string(), name: z.string() })),
          }),
          'Rules',
        ),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json(await learning.ceRules(requestContext(c)), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/learning/ce/rules',
      tags: ['Continuing education'],
      summary: 'Add a CE rule for a state Palpa does not ship',
      middleware: [authorize('learning:manage')] as const,
      request: { body: json(ZCeRule.openapi('CeRuleRequest')) },
      responses: { 201: jsonContent(ZCeRuleView, 'Added'), ...problemResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await learning.addCeRule(requestContext(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/ce/credentials',
      tags: ['Continuing education'],
      summary: 'My licences and certifications with CE status (the owner may ask for another person)',
      middleware: [authorize('learning:use')] as const,
      request: { query: z.strictObject({ userId: z.string().uuid().optional() }) },
      responses: {
        200: jsonContent(z.object({ items: z.array(ZCredential) }), 'Credentials'),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) =>
      c.json({ items: await learning.credentials(requestContext(c), c.req.valid('query').userId) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/learning/ce/credentials',
      tags: ['Continuing education'],
      summary: 'Record a licence or certification (state, number, expiry)',
      middleware: [authorize('learning:use')] as const,
      request: { body: json(ZCredentialRequest) },
      responses: { 201: jsonContent(ZCredential, 'Recorded'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await learning.addCredential(requestContext(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/learning/ce/credentials/{id}',
      tags: ['Continuing education'],
      summary: 'Remove a licence or certification',
      middleware: [authorize('learning:use')] as const,
      request: { params: ZIdParam },
      responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      await learning.removeCredential(requestContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/ce/courses',
      tags: ['Continuing education'],
      summary: 'My CE courses, newest first',
      middleware: [authorize('learning:use')] as const,
      request: { query: z.strictObject({ userId: z.string().uuid().optional() }) },
      responses: {
        200: jsonContent(z.object({ items: z.array(ZCeCourse) }), 'Courses'),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) =>
      c.json({ items: await learning.courses(requestContext(c), c.req.valid('query').userId) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/learning/ce/courses',
      tags: ['Continuing education'],
      summary: 'Record a CE course (provider, date, hours, category, in person or online, certificate)',
      middleware: [authorize('learning:use')] as const,
      request: { body: json(ZCeCourseRequest) },
      responses: { 201: jsonContent(ZCeCourse, 'Recorded'), ...problemResponses(400, 401, 403) },
    }),
    async (c) => c.json(await learning.addCourse(requestContext(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/learning/ce/courses/{id}',
      tags: ['Continuing education'],
      summary: 'Remove a CE course',
      middleware: [authorize('learning:use')] as const,
      request: { params: ZIdParam },
      responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      await learning.removeCourse(requestContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/ce/courses/{id}/certificate',
      tags: ['Continuing education'],
      summary: 'The uploaded certificate of a course',
      middleware: [authorize('learning:use')] as const,
      request: { params: ZIdParam },
      responses: { 200: { description: 'The file' }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      const file = await learning.certificate(requestContext(c), c.req.valid('param').id);
      const safeName = file.name.replace(/[^\w.-]+/g, '_');
      c.header('Content-Type', file.mime);
      c.header('Content-Disposition', `inline; filename="${safeName}"`);
      return c.body(toArrayBuffer(file.bytes), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/learning/ce/team',
      tags: ['Continuing education'],
      summary: 'The whole team’s licences and CE status (owner)',
      middleware: [authorize('learning:manage')] as const,
      responses: { 200: jsonContent(ZTeamCe, 'Team'), ...problemResponses(401, 403) },
    }),
    async (c) => c.json({ items: await learning.team(requestContext(c)) }, 200),
  );

  return router;
}

/** A response body of its own: an ArrayBuffer copy (a Uint8Array body stalled readers in tests on PGlite). */
function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}
