/**
 * Route /learning/exams/:examId — one runner for full timed exams and practice sets. Items are answered in
 * order with no going back (the server refuses anything else with 409). A full exam counts down from the
 * server's deadline, so the clock keeps running through a reload; it warns at 10 and 1 minute left and
 * finishes by itself when the time is up. Practice with "after each answer" shows right or wrong and every
 * option's rationale before the next item. After finishing: the result, the per-area breakdown and the
 * review of every item.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type Ref } from 'react';
import {
  Alert,
  Button,
  Group,
  Kbd,
  Loader,
  Modal,
  Paper,
  Progress,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlarm, IconCheck, IconClock, IconFlag, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { isApiError } from '../../api/http.js';
import {
  answerItem,
  finishExam,
  getExam,
  learningKeys,
  listAreas,
  type Exam,
  type ItemFeedback,
} from '../../api/learning.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { plural } from '../../components/format.js';
import { ExamResultView } from './exam/ExamResult.js';
import { AnswerChoices, Rationales } from './exam/ItemOptions.js';
import {
  clockInWords,
  dialogOpen,
  formatClock,
  isTypingTarget,
  OPTION_KEYS,
  shortAreaName,
  timeWarning,
  WARNING_TEXT,
} from './exam/learning-ui.js';
import classes from './exam/learning.module.css';

export function ExamPage() {
  const { examId = '' } = useParams();
  const exam = useQuery({
    queryKey: learningKeys.exam(examId),
    queryFn: () => getExam(examId),
    staleTime: 0,
    refetchOnMount: 'always',
  });
  const areas = useQuery({ queryKey: learningKeys.areas, queryFn: listAreas, staleTime: Infinity });

  if (exam.isPending)
    return (
      <>
        <PageHeader title="Exam" back={{ to: '/learning', label: 'Learning' }} />
        <Stack gap="md" aria-busy="true">
          <Skeleton height={56} />
          <Skeleton height={320} />
        </Stack>
      </>
    );
  if (exam.isError)
    return (
      <>
        <PageHeader title="Exam" back={{ to: '/learning', label: 'Learning' }} />
        <ApiErrorAlert
          error={exam.error}
          title={
            isApiError(exam.error) && exam.error.status === 404
              ? 'This exam was not found'
              : 'The exam could not be loaded'
          }
        />
      </>
    );

  const area = areas.data?.items.find((a) => a.id === exam.data.area);
  const subtopic = area?.subtopics.find((s) => s.id === exam.data.subtopic);
  const title =
    exam.data.mode === 'full'
      ? 'Full timed exam'
      : `Practice: ${area ? shortAreaName(area.id, area.name) : (exam.data.area ?? 'area')}`;
  return (
    <ExamRunner
      key={exam.data.id}
      exam={exam.data}
      fetchedAt={exam.dataUpdatedAt}
      title={title}
      subtitle={subtopic?.name}
    />
  );
}

type RunnerProps = { exam: Exam; fetchedAt: number; title: string; subtitle: string | undefined };

function ExamRunner({ exam, fetchedAt, title, subtitle }: RunnerProps) {
  const queryClient = useQueryClient();
  const total = exam.items.length;
  const finished = exam.status === 'finished' && exam.result !== null;
  /** The index of the item on screen; until the learner answers here, the server's count of answers. */
  const [position, setPosition] = useState<number | null>(null);
  const current = Math.min(position ?? exam.answered, total);
  const [choice, setChoice] = useState<string | null>(null);
  const [missingChoice, setMissingChoice] = useState(false);
  const [feedback, setFeedback] = useState<ItemFeedback | null>(null);
  const [confirmFinish, setConfirmFinish] = useState(false);
  const answeredCount = feedback ? current + 1 : current;
  const unanswered = total - answeredCount;

  const finish = useMutation({
    mutationFn: () => finishExam(exam.id),
    onSuccess: async (result) => {
      queryClient.setQueryData<Exam>(learningKeys.exam(exam.id), (old) =>
        old ? { ...old, status: 'finished', result } : old,
      );
      setConfirmFinish(false);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: learningKeys.progress }),
        queryClient.invalidateQueries({ queryKey: learningKeys.exams }),
        queryClient.invalidateQueries({ queryKey: ['learning', 'review'] }),
        queryClient.invalidateQueries({ queryKey: learningKeys.plan }),
      ]);
    },
  });

  const answer = useMutation({
    mutationFn: (input: { itemId: string; optionId: string }) =>
      answerItem(exam.id, input.itemId, input.optionId),
    onSuccess: (recorded) => {
      if (recorded.feedback) {
        setFeedback(recorded.feedback);
      } else {
        setPosition(recorded.answered);
        setChoice(null);
      }
    },
    onError: async (error) => {
      if (!isApiError(error) || error.status !== 409) return;
      if (/time is up/i.test(error.detail)) {
        finish.mutate();
        return;
      }
      // Answered elsewhere (another tab): pick up where the server is.
      await queryClient.invalidateQueries({ queryKey: learningKeys.exam(exam.id) });
      setPosition(null);
      setChoice(null);
    },
  });

  // The clock: the server's remaining seconds at load, then a local timer.
  const deadline = useMemo(
    () => (exam.remainingSeconds === null ? null : fetchedAt + exam.remainingSeconds * 1000),
    [exam.remainingSeconds, fetchedAt],
  );
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null || finished) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [deadline, finished]);
  const remaining = deadline === null ? null : Math.max(0, Math.ceil((deadline - now) / 1000));
  const warning = remaining === null || finished ? 'none' : timeWarning(remaining);

  // Time up (here or while away): finish by itself, once.
  const autoFinished = useRef(false);
  const timeUp = !finished && (exam.status === 'time_up' || remaining === 0);
  const finishNow = finish.mutate;
  useEffect(() => {
    if (!timeUp || autoFinished.current) return;
    autoFinished.current = true;
    finishNow();
  }, [timeUp, finishNow]);

  const item = current < total ? exam.items[current] : undefined;

  const submit = (optionId?: string) => {
    if (!item || answer.isPending || feedback || timeUp) return;
    const chosen = optionId ?? choice;
    if (!chosen) {
      setMissingChoice(true);
      return;
    }
    setChoice(chosen);
    setMissingChoice(false);
    answer.reset();
    answer.mutate({ itemId: item.id, optionId: chosen });
  };

  const next = () => {
    setFeedback(null);
    setChoice(null);
    answer.reset();
    setPosition(current + 1);
  };

  const askToFinish = () => {
    finish.reset();
    if (unanswered > 0) setConfirmFinish(true);
    else finish.mutate();
  };

  // Keyboard: 1–4 choose A–D, Enter answers (or goes on after the feedback).
  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keyHandler.current = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (finished || !item || isTypingTarget(event.target) || dialogOpen()) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const onOption = target?.getAttribute('role') === 'radio' ? target : null;
    // Enter belongs to a focused button, link or input; the digits are free everywhere.
    const onOtherControl = !onOption && target?.closest('button, a, input') != null;
    if (onOtherControl && event.key === 'Enter') return;
    if (feedback) {
      if (event.key === 'Enter') {
        event.preventDefault();
        next();
      }
      return;
    }
    const letter = OPTION_KEYS[event.key];
    if (letter && item.options.some((o) => o.id === letter)) {
      event.preventDefault();
      setChoice(letter);
      setMissingChoice(false);
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      submit(onOption?.dataset.option ?? undefined);
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  // A new item, or the feedback on the last one: move the focus there (not on the first render).
  const itemHeading = useRef<HTMLHeadingElement>(null);
  const feedbackHeading = useRef<HTMLHeadingElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);
  const shown = useRef<number | null>(null);
  useEffect(() => {
    if (shown.current === null) {
      shown.current = current;
      return;
    }
    if (shown.current === current) return;
    shown.current = current;
    if (current >= total) doneButton.current?.focus();
    else itemHeading.current?.focus();
  }, [current, total]);
  useEffect(() => {
    if (feedback) feedbackHeading.current?.focus();
  }, [feedback]);

  const description =
    exam.mode === 'full'
      ? `${total} items, ${exam.durationMinutes ?? 110} minutes. As in the real exam, answers are final: there is no going back.`
      : `${[subtitle, plural(total, 'item')].filter(Boolean).join(' · ')} · rationale ${
          exam.feedback === 'each' ? 'after each answer' : 'at the end'
        }`;

  if (finished && exam.result)
    return (
      <>
        <PageHeader title={title} back={{ to: '/learning', label: 'Learning' }} description={description} />
        <ExamResultView exam={exam} result={exam.result} />
      </>
    );

  return (
    <>
      <PageHeader title={title} back={{ to: '/learning', label: 'Learning' }} description={description} />
      <Stack gap="md">
        <Paper p="sm" shadow="xs" className={classes.sticky} aria-label="Exam progress" component="section">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Stack gap={4} style={{ flex: '1 1 220px' }}>
              <Text size="sm" fw={600}>
                {answeredCount} of {total} answered
              </Text>
              <Progress
                value={(100 * answeredCount) / total}
                size="md"
                aria-label={`${answeredCount} of ${total} answered`}
              />
            </Stack>
            <Group gap="sm" wrap="nowrap">
              {remaining !== null && (
                <Paper
                  px="sm"
                  py={6}
                  bg={warning === 'none' ? 'gray.0' : warning === 'ten' ? 'yellow.0' : 'red.0'}
                  withBorder
                >
                  <Group gap={6} wrap="nowrap">
                    {warning === 'none' ? (
                      <IconClock size={18} aria-hidden />
                    ) : (
                      <IconAlarm size={18} aria-hidden color="var(--mantine-color-red-8)" />
                    )}
                    <Text size="xs" c="dimmed">
                      Time left
                    </Text>
                    <Text
                      fw={700}
                      size="lg"
                      role="timer"
                      aria-label={clockInWords(remaining)}
                      data-testid="exam-timer"
                      style={{ fontVariantNumeric: 'tabular-nums' }}
                    >
                      {formatClock(remaining)}
                    </Text>
                  </Group>
                </Paper>
              )}
              <Button
                variant="default"
                leftSection={<IconFlag size={16} aria-hidden />}
                onClick={askToFinish}
                loading={finish.isPending && !confirmFinish}
              >
                Finish
              </Button>
            </Group>
          </Group>
        </Paper>

        {warning !== 'none' && (
          <Alert
            color={warning === 'ten' ? 'yellow' : 'red'}
            variant="light"
            role="alert"
            icon={<IconAlarm aria-hidden />}
            title={warning === 'ten' ? '10 minutes left' : warning === 'one' ? '1 minute left' : 'Time is up'}
          >
            {WARNING_TEXT[warning]}
          </Alert>
        )}
        {finish.isError && !confirmFinish && (
          <Stack gap="xs" align="flex-start">
            <ApiErrorAlert error={finish.error} title="The exam could not be finished" w="100%" />
            <Button size="xs" variant="default" onClick={() => finish.mutate()}>
              Try finishing again
            </Button>
          </Stack>
        )}
        {timeUp && finish.isPending && (
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text>The time is up. Scoring your answers…</Text>
          </Group>
        )}

        {item ? (
          <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="item-heading">
            <Title
              order={2}
              id="item-heading"
              ref={itemHeading}
              tabIndex={-1}
              className={classes.focusTarget}
              size="h4"
              c="dimmed"
              mb="sm"
            >
              Item {current + 1} of {total}
            </Title>
            <form
              onSubmit={(event: FormEvent) => {
                event.preventDefault();
                submit();
              }}
              aria-label={`Item ${current + 1}`}
            >
              <Stack gap="md">
                <AnswerChoices
                  key={item.id}
                  stem={item.stem}
                  options={item.options}
                  value={choice}
                  onChange={(optionId) => {
                    setChoice(optionId);
                    setMissingChoice(false);
                  }}
                  answered={feedback ? { chosen: feedback.chosen, correct: feedback.correct } : null}
                  error={missingChoice ? 'Choose one of the four answers first.' : undefined}
                />
                {answer.isError && <ApiErrorAlert error={answer.error} title="The answer was not recorded" />}
                {!feedback && (
                  <Group gap="md">
                    <Button type="submit" loading={answer.isPending} disabled={timeUp}>
                      Answer
                    </Button>
                    <Text size="xs" c="dimmed" visibleFrom="sm">
                      <Kbd className={classes.kbd}>1</Kbd>–<Kbd className={classes.kbd}>4</Kbd> choose,{' '}
                      <Kbd className={classes.kbd}>Enter</Kbd> answers. Answers are final.
                    </Text>
                  </Group>
                )}
              </Stack>
            </form>
            {feedback && (
              <FeedbackPanel
                feedback={feedback}
                options={item.options}
                headingRef={feedbackHeading}
                last={current + 1 >= total}
                onNext={current + 1 >= total ? () => finish.mutate() : next}
                finishing={finish.isPending}
              />
            )}
          </Paper>
        ) : (
          <Paper p={{ base: 'md', sm: 'lg' }} component="section">
            <Stack gap="sm" align="flex-start">
              <Title order={2}>You have answered every item</Title>
              <Text>Finish to see your score, the breakdown by area and the review of every item.</Text>
              <Button ref={doneButton} onClick={() => finish.mutate()} loading={finish.isPending}>
                Finish and see the result
              </Button>
            </Stack>
          </Paper>
        )}
      </Stack>

      <Modal
        opened={confirmFinish}
        onClose={() => setConfirmFinish(false)}
        title={exam.mode === 'full' ? 'Finish the exam now?' : 'Finish this practice set now?'}
      >
        <Stack gap="md">
          <Text size="sm">
            {plural(unanswered, 'item')} {unanswered === 1 ? 'is' : 'are'} still unanswered. If you finish
            now, {unanswered === 1 ? 'it counts' : 'they count'} as wrong and you cannot come back to{' '}
            {unanswered === 1 ? 'it' : 'them'}.
          </Text>
          {finish.isError && <ApiErrorAlert error={finish.error} title="The exam could not be finished" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmFinish(false)}>
              Keep going
            </Button>
            <Button onClick={() => finish.mutate()} loading={finish.isPending}>
              Finish now
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function FeedbackPanel(props: {
  feedback: ItemFeedback;
  options: { id: string; text: string }[];
  headingRef: Ref<HTMLHeadingElement>;
  last: boolean;
  onNext: () => void;
  finishing: boolean;
}) {
  const { feedback } = props;
  return (
    <Stack gap="sm" mt="lg">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon color={feedback.isCorrect ? 'teal' : 'red'} radius="xl" size="lg" aria-hidden>
          {feedback.isCorrect ? <IconCheck size={20} /> : <IconX size={20} />}
        </ThemeIcon>
        <Title order={3} ref={props.headingRef} tabIndex={-1} className={classes.focusTarget}>
          {feedback.isCorrect
            ? `Correct: ${feedback.correct} is right.`
            : `Not quite: the answer is ${feedback.correct}.`}
        </Title>
      </Group>
      <Text size="sm" c="dimmed">
        Why each option is right or wrong:
      </Text>
      <Rationales
        options={props.options}
        chosen={feedback.chosen}
        correct={feedback.correct}
        rationales={feedback.rationales}
        reference={feedback.reference}
      />
      <Group gap="md">
        <Button onClick={props.onNext} loading={props.finishing}>
          {props.last ? 'See the result' : 'Next item'}
        </Button>
        <Text size="xs" c="dimmed" visibleFrom="sm">
          <Kbd className={classes.kbd}>Enter</Kbd> goes on.
        </Text>
      </Group>
    </Stack>
  );
}
