/**
 * Route /learning/review — spaced review (FSRS): what is due today, one card at a time. A flashcard shows
 * its front, then on "Show answer" (Space) its back and the four grades with the interval each would give.
 * A missed exam item asks again: the learner picks, sees the correct answer and every rationale, then grades.
 * Keys 1–4 grade. Missed items and flashcards take turns, so both get attention in a short session.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Kbd,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconConfetti, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  getDueReviews,
  gradeReview,
  learningKeys,
  type ReviewCard,
  type ReviewGrade,
} from '../../api/learning.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatWhen } from '../../components/format.js';
import { AnswerChoices, Rationales } from './exam/ItemOptions.js';
import {
  dialogOpen,
  formatInterval,
  GRADE_BUTTONS,
  isTypingTarget,
  OPTION_KEYS,
  shortAreaName,
} from './exam/learning-ui.js';
import classes from './exam/learning.module.css';

const DECKS = [
  { value: 'all', label: 'All' },
  { value: 'items', label: 'Missed items' },
  { value: 'terminology', label: 'Terminology' },
  { value: 'muscles', label: 'Muscles' },
  { value: 'pathology', label: 'Pathology' },
] as const;
type Deck = (typeof DECKS)[number]['value'];

const DECK_NAMES: Record<string, string> = {
  terminology: 'Terminology',
  muscles: 'Muscles',
  pathology: 'Pathology',
};

/** Cards due within this many minutes are shown now (Anki's "learn ahead" limit). */
const LEARN_AHEAD_MS = 20 * 60_000;

const cardKey = (card: ReviewCard) => `${card.kind}:${card.id}:${card.due}`;

/** Missed items and flashcards in turns, each kind in the server's order (most overdue first). */
function interleave(cards: ReviewCard[]): ReviewCard[] {
  const items = cards.filter((c) => c.kind === 'item');
  const flashcards = cards.filter((c) => c.kind === 'flashcard');
  const result: ReviewCard[] = [];
  for (let i = 0; i < Math.max(items.length, flashcards.length); i++) {
    if (items[i]) result.push(items[i]!);
    if (flashcards[i]) result.push(flashcards[i]!);
  }
  return result;
}

export function ReviewPage() {
  const queryClient = useQueryClient();
  const [deck, setDeck] = useState<Deck>('all');
  const due = useQuery({
    queryKey: learningKeys.due(deck),
    queryFn: () =>
      getDueReviews({
        limit: deck === 'items' ? 200 : 100,
        ...(deck !== 'all' && deck !== 'items' ? { deck } : {}),
      }),
    staleTime: 0,
  });
  /** Cards graded in this visit (by kind, id and the due time they had), and what the grades scheduled. */
  const [graded, setGraded] = useState<Set<string>>(() => new Set());
  const [laterDue, setLaterDue] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  // The order is fixed when the cards arrive (kinds in turns); grading only removes cards from it.
  const ordered = useMemo(
    () =>
      interleave(
        (due.data?.items ?? []).filter(
          (c) => deck === 'all' || (deck === 'items' ? c.kind === 'item' : c.kind === 'flashcard'),
        ),
      ),
    [due.data, deck],
  );
  const { queue, later } = useMemo(() => {
    const cards = ordered.filter((c) => !graded.has(cardKey(c)));
    const ready = cards.filter((c) => new Date(c.due).getTime() <= now + LEARN_AHEAD_MS);
    const waiting = cards
      .filter((c) => new Date(c.due).getTime() > now + LEARN_AHEAD_MS)
      .sort((a, b) => a.due.localeCompare(b.due));
    return { queue: ready, later: waiting };
  }, [ordered, graded, now]);
  const card = queue[0];

  // Everything fetched is done: ask again (cards graded "Again" come back, new ones may be allowed).
  const exhausted = due.isSuccess && !due.isFetching && queue.length === 0 && graded.size > 0;
  const refetchDue = due.refetch;
  const lastRefetchSize = useRef(0);
  useEffect(() => {
    if (exhausted && lastRefetchSize.current !== graded.size) {
      lastRefetchSize.current = graded.size;
      void refetchDue();
    }
  }, [exhausted, graded.size, refetchDue]);

  const grade = useMutation({
    mutationFn: (input: { card: ReviewCard; grade: ReviewGrade }) =>
      gradeReview(input.card.kind, input.card.id, input.grade),
    onSuccess: async (result, input) => {
      setGraded((current) => new Set(current).add(cardKey(input.card)));
      setLaterDue((current) => [...current, result.due]);
      const left = queue.length - 1;
      const label = GRADE_BUTTONS.find((g) => g.grade === input.grade)?.label ?? input.grade;
      setAnnouncement(
        `${label}: back in ${formatInterval(Date.now(), result.due)}. ${left > 0 ? `${left} left.` : ''}`,
      );
      await queryClient.invalidateQueries({ queryKey: learningKeys.progress });
    },
  });

  const nextScheduled = [...laterDue]
    .filter((d) => new Date(d).getTime() > now)
    .sort()
    .at(0);

  return (
    <>
      <PageHeader
        title="Review"
        back={{ to: '/learning', label: 'Learning' }}
        description="Spaced review of the items you missed and of flashcards. Grade honestly: the harder a card felt, the sooner it comes back."
      />
      <Stack gap="md">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="deck-label">
              Show
            </Text>
            <SegmentedControl
              aria-labelledby="deck-label"
              value={deck}
              onChange={(value) => {
                setDeck(value);
                grade.reset();
              }}
              data={DECKS.map((d) => ({ value: d.value, label: d.label }))}
            />
          </Stack>
          {due.isSuccess && (
            <Text size="sm" fw={600} role="status" aria-live="polite" data-testid="review-left">
              {queue.length > 0 ? `${queue.length} left` : 'None left'}
              {later.length > 0 ? ` · ${later.length} later today` : ''}
            </Text>
          )}
        </Group>
        <VisuallyHidden role="status" aria-live="polite">
          {announcement}
        </VisuallyHidden>

        {due.isError ? (
          <ApiErrorAlert error={due.error} title="The review queue could not be loaded" />
        ) : due.isPending ? (
          <Skeleton height={300} aria-busy="true" />
        ) : card ? (
          <>
            <ReviewCardView
              key={cardKey(card)}
              card={card}
              fetchedAt={due.dataUpdatedAt}
              grading={grade.isPending}
              takeFocus={graded.size > 0}
              onGrade={(g) => grade.mutate({ card, grade: g })}
            />
            {grade.isError && <ApiErrorAlert error={grade.error} title="The grade was not saved" />}
          </>
        ) : due.isFetching ? (
          <Skeleton height={300} aria-busy="true" />
        ) : (
          <Paper p={{ base: 'md', sm: 'xl' }}>
            <Stack gap="sm" align="flex-start">
              <Group gap="sm">
                <IconConfetti size={28} aria-hidden color="var(--mantine-color-palpa-7)" />
                <Title order={2}>{later.length > 0 ? 'Nothing due right now' : 'Nothing due today'}</Title>
              </Group>
              <Text>
                {later.length > 0
                  ? `The next card is due ${formatWhen(later[0]!.due)}. Come back then, or practise an area meanwhile.`
                  : nextScheduled
                    ? `You are done for today. The next card you reviewed comes back ${formatWhen(nextScheduled)}; new flashcards arrive tomorrow.`
                    : 'You are done for today. New flashcards arrive tomorrow, and the items you miss in practice join the queue.'}
              </Text>
              <Group gap="sm">
                <Button component={Link} to="/learning/practice">
                  Practise an area
                </Button>
                <Button component={Link} to="/learning" variant="default">
                  Back to learning
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  );
}

function ReviewCardView(props: {
  card: ReviewCard;
  fetchedAt: number;
  grading: boolean;
  takeFocus: boolean;
  onGrade: (grade: ReviewGrade) => void;
}) {
  const { card } = props;
  const [revealed, setRevealed] = useState(false);
  const [choice, setChoice] = useState<string | null>(null);
  const [missingChoice, setMissingChoice] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const answerHeading = useRef<HTMLHeadingElement>(null);

  // A new card after a grade takes the focus (on the first card the page heading has it).
  const { takeFocus } = props;
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);
  useEffect(() => {
    if (revealed) answerHeading.current?.focus();
  }, [revealed]);

  const reveal = () => {
    if (card.item && !choice) {
      setMissingChoice(true);
      return;
    }
    setRevealed(true);
  };

  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keyHandler.current = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (isTypingTarget(event.target) || dialogOpen() || props.grading) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const onOption = target?.getAttribute('role') === 'radio' ? target : null;
    // Enter and Space belong to a focused button, link or input; the digits are free everywhere.
    const onOtherControl = !onOption && target?.closest('button, a, input') != null;
    if (revealed) {
      const button = GRADE_BUTTONS.find((g) => g.key === event.key);
      if (button) {
        event.preventDefault();
        props.onGrade(button.grade);
      }
      return;
    }
    if (onOtherControl && (event.key === 'Enter' || event.key === ' ')) return;
    if (card.item) {
      const letter = OPTION_KEYS[event.key];
      if (letter) {
        event.preventDefault();
        setChoice(letter);
        setMissingChoice(false);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        const picked = onOption?.dataset.option ?? choice;
        if (picked) {
          setChoice(picked);
          setRevealed(true);
        } else setMissingChoice(true);
      }
      return;
    }
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      setRevealed(true);
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const kindLabel = card.flashcard
    ? `Flashcard · ${DECK_NAMES[card.flashcard.deck] ?? card.flashcard.deck}`
    : `Missed item · ${shortAreaName(card.item?.area ?? '')}`;

  return (
    <Paper p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="card-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title
          order={2}
          size="h4"
          id="card-heading"
          ref={heading}
          tabIndex={-1}
          className={classes.focusTarget}
          c="dimmed"
        >
          {kindLabel}
        </Title>
        <Badge variant="light" color={card.state === 'new' ? 'blue' : 'gray'}>
          {card.state === 'review'
            ? 'Review'
            : card.state !== 'new'
              ? 'Learning'
              : card.kind === 'item'
                ? 'First review'
                : 'New card'}
        </Badge>
      </Group>

      {card.flashcard ? (
        <Stack gap="lg">
          <div className={classes.flashcard}>
            <Text size="xl" fw={600} ta="center" style={{ whiteSpace: 'pre-line' }}>
              {card.flashcard.front}
            </Text>
          </div>
          {revealed ? (
            <Paper p="md" bg="gray.0" withBorder={false}>
              <Title
                order={3}
                size="h5"
                ref={answerHeading}
                tabIndex={-1}
                className={classes.focusTarget}
                mb={6}
                c="dimmed"
              >
                Answer
              </Title>
              <Text size="lg" style={{ whiteSpace: 'pre-line' }}>
                {card.flashcard.back}
              </Text>
              <Text size="xs" c="dimmed" mt="sm">
                Reference: {card.flashcard.reference}
              </Text>
            </Paper>
          ) : (
            <Group justify="center">
              <Button size="md" onClick={reveal}>
                Show answer
              </Button>
              <Text size="xs" c="dimmed" visibleFrom="sm">
                or press <Kbd className={classes.kbd}>Space</Kbd>
              </Text>
            </Group>
          )}
        </Stack>
      ) : card.item ? (
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            reveal();
          }}
          aria-label="Answer the missed item again"
        >
          <Stack gap="md">
            <AnswerChoices
              stem={card.item.stem}
              options={card.item.options}
              value={choice}
              onChange={(optionId) => {
                setChoice(optionId);
                setMissingChoice(false);
              }}
              answered={revealed ? { chosen: choice, correct: card.item.correct } : null}
              error={missingChoice ? 'Choose an answer first.' : undefined}
            />
            {revealed ? (
              <Stack gap="sm">
                <Group gap="sm" wrap="nowrap">
                  {choice === card.item.correct ? (
                    <IconCheck color="var(--mantine-color-teal-7)" aria-hidden />
                  ) : (
                    <IconX color="var(--mantine-color-red-7)" aria-hidden />
                  )}
                  <Title order={3} ref={answerHeading} tabIndex={-1} className={classes.focusTarget}>
                    {choice === card.item.correct
                      ? `Correct: ${card.item.correct} is right.`
                      : `Not quite: the answer is ${card.item.correct}.`}
                  </Title>
                </Group>
                <Rationales
                  options={card.item.options}
                  chosen={choice}
                  correct={card.item.correct}
                  rationales={card.item.rationales}
                  reference={card.item.reference}
                />
              </Stack>
            ) : (
              <Group gap="md">
                <Button type="submit">Check answer</Button>
                <Text size="xs" c="dimmed" visibleFrom="sm">
                  <Kbd className={classes.kbd}>1</Kbd>–<Kbd className={classes.kbd}>4</Kbd> choose,{' '}
                  <Kbd className={classes.kbd}>Enter</Kbd> checks.
                </Text>
              </Group>
            )}
          </Stack>
        </form>
      ) : (
        <Alert color="gray" variant="light">
          This card is no longer in the bank. Grade it to move on.
        </Alert>
      )}

      {(revealed || (!card.flashcard && !card.item)) && (
        <Stack gap={6} mt="lg">
          <Text size="sm" fw={600} id="grade-label">
            How well did you know it?
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" role="group" aria-labelledby="grade-label">
            {GRADE_BUTTONS.map((g) => {
              const interval = formatInterval(props.fetchedAt, card.next[g.grade]);
              return (
                <Button
                  key={g.grade}
                  color={g.color}
                  variant="light"
                  size="lg"
                  h="auto"
                  py={8}
                  disabled={props.grading}
                  onClick={() => props.onGrade(g.grade)}
                  aria-label={`${g.label}: again in ${interval} (key ${g.key})`}
                  styles={{ label: { flexDirection: 'column', gap: 2, whiteSpace: 'normal' } }}
                >
                  <span>{g.label}</span>
                  <Text span size="xs" fw={500}>
                    {interval} · <Kbd className={classes.kbd}>{g.key}</Kbd>
                  </Text>
                </Button>
              );
            })}
          </SimpleGrid>
        </Stack>
      )}
    </Paper>
  );
}
