/**
 * Spaced review with FSRS (ts-fsrs): a card per missed item and per flashcard, graded Again / Hard / Good /
 * Easy. Fuzz is off so a schedule is a pure function of the card, the grade and the clock (stack notes:
 * ts-fsrs 5 is deterministic with enable_fuzz false). Default FSRS-6 weights, 90 % desired retention.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';

export const GRADES = ['again', 'hard', 'good', 'easy'] as const;
export type ReviewGrade = (typeof GRADES)[number];

const RATING: Record<ReviewGrade, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

export const STATE_NAMES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardStateName = (typeof STATE_NAMES)[number];

/** The stored state of a card (one row per learner and card). */
export type ReviewCardState = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateName;
  lastReview: Date | null;
};

const scheduler = fsrs(generatorParameters({ enable_fuzz: false, request_retention: 0.9 }));

function toCard(s: ReviewCardState): Card {
  return {
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: STATE_NAMES.indexOf(s.state),
    ...(s.lastReview ? { last_review: s.lastReview } : {}),
  };
}

function fromCard(c: Card): ReviewCardState {
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: STATE_NAMES[c.state],
    lastReview: c.last_review ?? null,
  };
}

export function newCard(now: Date): ReviewCardState {
  return fromCard(createEmptyCard(now));
}

/** The card after a grade at `now`, and when it is due next. */
export function gradeCard(card: ReviewCardState, grade: ReviewGrade, now: Date): ReviewCardState {
  return fromCard(scheduler.next(toCard(card), now, RATING[grade]).card);
}

/** What each grade would schedule: shown on the buttons ("Good · 3 days"). */
export function previewGrades(card: ReviewCardState, now: Date): Record<ReviewGrade, Date> {
  const outcomes = scheduler.repeat(toCard(card), now);
  return {
    again: outcomes[Rating.Again].card.due,
    hard: outcomes[Rating.Hard].card.due,
    good: outcomes[Rating.Good].card.due,
    easy: outcomes[Rating.Easy].card.due,
  };
}

/** A missed exam item goes (back) into review: new if never reviewed, otherwise due again now. */
export function missedAgain(card: ReviewCardState | undefined, now: Date): ReviewCardState {
  if (!card) return newCard(now);
  return { ...card, due: now < card.due ? now : card.due };
}
