import { z } from '@hono/zod-openapi';
import { optionalText, requiredText, ZCalendarDate } from '../../platform/http/zod-fields.js';
import { GRADES } from './domain/spaced-review.js';

export const ZArea = z
  .object({
    id: z.string(),
    number: z.number().int(),
    name: z.string(),
    weight: z.number(),
    /** `items`: how many questions there are to draw, the clinic's imported ones included. */
    subtopics: z.array(z.object({ id: z.string(), name: z.string(), items: z.number().int() })),
  })
  .openapi('LearningArea');

export const ZImportedItem = z
  .object({
    id: z.string(),
    area: z.string(),
    subtopic: z.string(),
    difficulty: z.enum(['easy', 'medium', 'hard']),
    stem: z.string(),
    source: z.enum(['gift', 'qti']),
    reference: z.string(),
    createdAt: z.string(),
  })
  .openapi('ImportedQuestion');

export const ZStartExamRequest = z
  .discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('full') }),
    z.strictObject({
      mode: z.literal('practice'),
      area: z.string().min(1, 'Choose an area.'),
      subtopic: z.string().min(1).optional(),
      count: z
        .number()
        .int()
        .min(10, 'Practise at least 10 items.')
        .max(50, 'Practise at most 50 items.')
        .default(20),
      feedback: z.enum(['each', 'end']).default('each'),
    }),
  ])
  .openapi('StartExamRequest');
export type TStartExamRequest = z.infer<typeof ZStartExamRequest>;

const ZExamItem = z.object({
  id: z.string(),
  area: z.string(),
  subtopic: z.string(),
  stem: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
});

const ZFeedback = z.object({
  itemId: z.string(),
  chosen: z.string().nullable(),
  correct: z.string(),
  isCorrect: z.boolean(),
  rationales: z.record(z.string(), z.string()),
  reference: z.string(),
});

export const ZExamScore = z
  .object({
    correct: z.number().int(),
    total: z.number().int(),
    percent: z.number(),
    byArea: z.array(
      z.object({ area: z.string(), name: z.string(), correct: z.number().int(), total: z.number().int() }),
    ),
    review: z.array(ZFeedback),
    readiness: z
      .object({
        level: z.enum(['ready', 'borderline', 'not_yet']),
        summary: z.string(),
        weakAreas: z.array(z.string()),
      })
      .nullable(),
  })
  .openapi('ExamResult');

export const ZExam = z
  .object({
    id: z.string().uuid(),
    mode: z.enum(['full', 'practice']),
    area: z.string().nullable(),
    subtopic: z.string().nullable(),
    feedback: z.enum(['each', 'end']),
    durationMinutes: z.number().int().nullable(),
    startedAt: z.string().datetime({ offset: true }),
    deadline: z.string().datetime({ offset: true }).nullable(),
    /** Seconds left on the server's clock (null for untimed practice). */
    remainingSeconds: z.number().int().nullable(),
    status: z.enum(['in_progress', 'time_up', 'finished']),
    answered: z.number().int(),
    items: z.array(ZExamItem),
    /** Practice with feedback after each answer: what was answered so far, with rationales. */
    feedbackSoFar: z.array(ZFeedback),
    result: ZExamScore.nullable(),
  })
  .openapi('Exam');

export const ZAnswerRequest = z
  .strictObject({ itemId: z.string().min(1), optionId: z.enum(['A', 'B', 'C', 'D'], 'Choose A, B, C or D.') })
  .openapi('AnswerRequest');

export const ZAnswerRecorded = z
  .object({
    itemId: z.string(),
    position: z.number().int(),
    answered: z.number().int(),
    remaining: z.number().int(),
    feedback: ZFeedback.nullable(),
  })
  .openapi('AnswerRecorded');

export const ZExamSummary = z
  .object({
    id: z.string().uuid(),
    mode: z.enum(['full', 'practice']),
    area: z.string().nullable(),
    subtopic: z.string().nullable(),
    startedAt: z.string().datetime({ offset: true }),
    finishedAt: z.string().datetime({ offset: true }).nullable(),
    deadline: z.string().datetime({ offset: true }).nullable(),
    answered: z.number().int(),
    correct: z.number().int().nullable(),
    total: z.number().int(),
    percent: z.number().nullable(),
  })
  .openapi('ExamSummary');

export const ZReviewCard = z
  .object({
    kind: z.enum(['item', 'flashcard']),
    id: z.string(),
    state: z.enum(['new', 'learning', 'review', 'relearning']),
    due: z.string().datetime({ offset: true }),
    /** When each grade would bring it back. */
    next: z.record(z.enum(GRADES), z.string().datetime({ offset: true })),
    flashcard: z
      .object({ deck: z.string(), front: z.string(), back: z.string(), reference: z.string() })
      .nullable(),
    item: z
      .object({
        area: z.string(),
        subtopic: z.string(),
        stem: z.string(),
        options: z.array(z.object({ id: z.string(), text: z.string() })),
        correct: z.string(),
        rationales: z.record(z.string(), z.string()),
        reference: z.string(),
      })
      .nullable(),
  })
  .openapi('ReviewCard');

export const ZReviewDue = z
  .object({
    items: z.array(ZReviewCard),
    counts: z.object({ due: z.number().int(), new: z.number().int() }),
    /** The next card due after today, for "nothing due today — next on …". */
    nextDue: z.string().datetime({ offset: true }).nullable(),
  })
  .openapi('ReviewDue');

export const ZReviewQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  deck: z.enum(['terminology', 'muscles', 'pathology']).optional(),
});

export const ZGradeRequest = z
  .strictObject({ grade: z.enum(GRADES, 'Grade again, hard, good or easy.') })
  .openapi('GradeRequest');
export const ZReviewParams = z.strictObject({
  kind: z.enum(['item', 'flashcard']),
  id: z.string().min(1).max(120),
});

export const ZProgress = z
  .object({
    byArea: z.array(
      z.object({
        area: z.string(),
        name: z.string(),
        weight: z.number(),
        answered: z.number().int(),
        correct: z.number().int(),
        accuracy: z.number().nullable(),
      }),
    ),
    bySubtopic: z.array(
      z.object({
        area: z.string(),
        subtopic: z.string(),
        name: z.string(),
        answered: z.number().int(),
        correct: z.number().int(),
        accuracy: z.number().nullable(),
      }),
    ),
    weekly: z.array(
      z.object({ week: z.string(), area: z.string(), answered: z.number().int(), correct: z.number().int() }),
    ),
    exams: z.array(ZExamSummary),
    review: z.object({ due: z.number().int(), reviewedToday: z.number().int(), cards: z.number().int() }),
  })
  .openapi('LearningProgress');

export const ZPlanRequest = z
  .strictObject({
    examDate: ZCalendarDate,
    hoursPerWeek: z
      .number()
      .min(1, 'Plan at least one hour a week.')
      .max(60, 'Plan at most 60 hours a week.'),
  })
  .openapi('StudyPlanRequest');

export const ZStudyPlan = z
  .object({
    examDate: z.string(),
    hoursPerWeek: z.number(),
    basedOn: z.object({ answered: z.number().int(), fullExams: z.number().int() }),
    priorities: z.array(
      z.object({ area: z.string(), name: z.string(), share: z.number(), accuracy: z.number().nullable() }),
    ),
    weeks: z.array(
      z.object({
        week: z.number().int(),
        starts: z.string(),
        ends: z.string(),
        hours: z.number(),
        fullExam: z.boolean(),
        review: z.object({ hours: z.number(), what: z.string() }),
        focus: z.array(
          z.object({
            area: z.string(),
            name: z.string(),
            hours: z.number(),
            read: z.array(z.string()),
            practiceItems: z.number().int(),
          }),
        ),
        note: z.string().nullable(),
      }),
    ),
  })
  .openapi('StudyPlan');

export const ZCaseSummary = z
  .object({ id: z.string(), title: z.string(), conditionId: z.string(), questions: z.number().int() })
  .openapi('CaseStudySummary');
export const ZCaseStudy = z
  .object({
    id: z.string(),
    title: z.string(),
    conditionId: z.string(),
    vignette: z.string(),
    questions: z.array(z.object({ topic: z.string(), prompt: z.string(), modelAnswer: z.string() })),
    references: z.array(z.string()),
  })
  .openapi('CaseStudy');
export const ZTextIdParam = z.strictObject({ id: z.string().min(1).max(120) });

export const ZFlashcard = z
  .object({
    id: z.string(),
    deck: z.string(),
    front: z.string(),
    back: z.string(),
    tags: z.array(z.string()),
    reference: z.string(),
  })
  .openapi('Flashcard');

// — CE and licences —

export const ZCredentialRequest = z
  .strictObject({
    ruleId: z.string().min(1, 'Choose the state or certification.'),
    number: optionalText(60),
    issuedOn: ZCalendarDate.nullable().optional(),
    expiresOn: ZCalendarDate,
    firstRenewal: z.boolean().default(false),
    userId: z.string().uuid().optional(),
  })
  .openapi('CredentialRequest');
export type TCredentialRequest = z.infer<typeof ZCredentialRequest>;

export const ZCeCourseRequest = z
  .strictObject({
    title: requiredText('course title', 200),
    provider: requiredText('provider', 200),
    providerNumber: optionalText(60),
    completedOn: ZCalendarDate,
    hours: z.number().positive('Enter the hours.').max(100),
    category: z.string().min(1, 'Choose a category.'),
    format: z.enum(['in_person', 'online']),
    certificate: z
      .strictObject({
        name: z.string().min(1).max(200),
        mime: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
        data: z
          .string()
          .max(2_800_000, 'Use a certificate of at most 2 MB.')
          .regex(/^[A-Za-z0-9+/=]+$/, 'Send the file as base64.'),
      })
      .optional(),
  })
  .openapi('CeCourseRequest');
export type TCeCourseRequest = z.infer<typeof ZCeCourseRequest>;

export const ZCeCourse = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    provider: z.string(),
    providerNumber: z.string().nullable(),
    completedOn: z.string(),
    hours: z.number(),
    category: z.string(),
    format: z.enum(['in_person', 'online']),
    certificateName: z.string().nullable(),
  })
  .openapi('CeCourse');

const ZCeStatus = z.object({
  cycleStarts: z.string(),
  cycleEnds: z.string(),
  requiredHours: z.number(),
  countedHours: z.number(),
  missingHours: z.number(),
  categories: z.array(
    z.object({
      category: z.string(),
      name: z.string(),
      required: z.number(),
      done: z.number(),
      missing: z.number(),
      inPersonOnly: z.boolean(),
    }),
  ),
  exempt: z.boolean(),
  daysLeft: z.number().int(),
  state: z.enum(['complete', 'in_progress', 'due_soon', 'overdue']),
  missing: z.array(z.string()),
});

export const ZCredential = z
  .object({
    id: z.string().uuid(),
    userId: z.string().uuid(),
    ruleId: z.string(),
    ruleName: z.string(),
    kind: z.enum(['licence', 'certification']),
    jurisdiction: z.string(),
    number: z.string().nullable(),
    issuedOn: z.string().nullable(),
    expiresOn: z.string(),
    firstRenewal: z.boolean(),
    status: ZCeStatus,
  })
  .openapi('Credential');

export const ZCeRuleView = z
  .object({
    id: z.string(),
    jurisdiction: z.string(),
    name: z.string(),
    kind: z.enum(['licence', 'certification']),
    cycleMonths: z.number(),
    totalHours: z.number(),
    requirements: z.array(
      z.object({ category: z.string(), hours: z.number(), inPersonOnly: z.boolean().optional() }),
    ),
    firstRenewal: z
      .object({
        hoursPerMonthLicensed: z.number(),
        maxHours: z.number(),
        requirements: z.array(z.object({ category: z.string(), hours: z.number() })),
      })
      .optional(),
    exemptFirstRenewal: z.boolean().optional(),
    maxSelfStudyHours: z.number().optional(),
    maxHoursByCategory: z.array(z.object({ category: z.string(), hours: z.number() })).optional(),
    reference: z.string(),
    shipped: z.boolean(),
  })
  .openapi('CeRule');

export const ZTeamCe = z
  .object({
    items: z.array(
      z.object({
        userId: z.string().uuid(),
        name: z.string(),
        role: z.string(),
        credentials: z.array(ZCredential),
        courses: z.number().int(),
      }),
    ),
  })
  .openapi('TeamCe');

export const ZImportRequest = z
  .strictObject({
    format: z.enum(['gift', 'qti']),
    /** GIFT text, or one QTI item's XML. */
    text: z.string().max(5_000_000).optional(),
    /** A QTI content package (ZIP), base64. */
    zip: z
      .string()
      .max(14_000_000)
      .regex(/^[A-Za-z0-9+/=]+$/, 'Send the ZIP as base64.')
      .optional(),
    /** Where items without Palpa's own category go. */
    area: z.string().optional(),
    subtopic: z.string().optional(),
    difficulty: z.enum(['easy', 'medium', 'hard']).optional(),
  })
  .refine((v) => v.text !== undefined || v.zip !== undefined, {
    message: 'Send the text or the ZIP.',
    path: ['text'],
  })
  .openapi('QuestionImportRequest');
