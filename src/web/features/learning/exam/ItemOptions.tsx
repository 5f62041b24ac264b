/**
 * One multiple-choice item: the stem as the label of a radio group of four options (A–D), and, once
 * answered, the rationale of every option with the learner's answer and the correct one marked.
 */
import type { Ref } from 'react';
import { Badge, Group, Paper, Radio, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import classes from './learning.module.css';

type Option = { id: string; text: string };

type ChoicesProps = {
  stem: string;
  options: Option[];
  value: string | null;
  onChange: (optionId: string) => void;
  /** Answered: the options stay visible but cannot change; right and wrong are marked. */
  answered?: { chosen: string | null; correct: string } | null;
  error?: string | undefined;
  /** The first option, to take the focus when a new item shows. */
  firstOptionRef?: Ref<HTMLButtonElement>;
  description?: string;
};

export function AnswerChoices({
  stem,
  options,
  value,
  onChange,
  answered,
  error,
  firstOptionRef,
  description,
}: ChoicesProps) {
  const locked = Boolean(answered);
  return (
    <Radio.Group
      label={stem}
      description={description}
      value={answered ? (answered.chosen ?? '') : (value ?? '')}
      onChange={(next) => {
        if (!locked) onChange(next);
      }}
      readOnly={locked}
      error={error}
      classNames={{ label: classes.stem }}
      inputWrapperOrder={['label', 'description', 'input', 'error']}
    >
      <Stack gap="xs" mt={4}>
        {options.map((option, index) => {
          const result = !answered
            ? undefined
            : option.id === answered.correct
              ? 'correct'
              : option.id === answered.chosen
                ? 'wrong'
                : undefined;
          return (
            <Radio.Card
              key={option.id}
              value={option.id}
              className={classes.option}
              p="sm"
              radius="md"
              data-option={option.id}
              mod={{ result, locked }}
              aria-disabled={locked || undefined}
              ref={index === 0 ? firstOptionRef : undefined}
              aria-label={`${option.id}. ${option.text}${
                result === 'correct' ? ' (correct answer)' : result === 'wrong' ? ' (your answer, wrong)' : ''
              }`}
            >
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <span className={classes.letter} aria-hidden>
                  {option.id}
                </span>
                <Text size="md" style={{ flex: 1 }} pt={3}>
                  {option.text}
                </Text>
                {result === 'correct' && (
                  <ThemeIcon color="teal" variant="light" size="md" radius="xl" aria-hidden>
                    <IconCheck size={16} />
                  </ThemeIcon>
                )}
                {result === 'wrong' && (
                  <ThemeIcon color="red" variant="light" size="md" radius="xl" aria-hidden>
                    <IconX size={16} />
                  </ThemeIcon>
                )}
              </Group>
            </Radio.Card>
          );
        })}
      </Stack>
    </Radio.Group>
  );
}

type RationalesProps = {
  options: Option[];
  chosen: string | null;
  correct: string;
  rationales: Record<string, string>;
  reference?: string | undefined;
  /** Heading level of "Why each option is right or wrong". */
  compact?: boolean;
};

/** Why each option is right or wrong, the learner's answer and the correct one marked. */
export function Rationales({ options, chosen, correct, rationales, reference, compact }: RationalesProps) {
  return (
    <Stack gap="xs">
      <Stack component="ul" gap="xs" className="plain-list" aria-label="Why each option is right or wrong">
        {options.map((option) => {
          const isCorrect = option.id === correct;
          const isChosen = option.id === chosen;
          return (
            <li key={option.id}>
              <Paper
                p={compact ? 'xs' : 'sm'}
                withBorder
                bg={isCorrect ? 'teal.0' : isChosen ? 'red.0' : undefined}
                style={{
                  borderColor: isCorrect
                    ? 'var(--mantine-color-teal-6)'
                    : isChosen
                      ? 'var(--mantine-color-red-5)'
                      : undefined,
                }}
              >
                <Group gap={6} mb={4} wrap="wrap">
                  <Text fw={700} size="sm">
                    {option.id}. {option.text}
                  </Text>
                  {isCorrect && (
                    <Badge color="teal" variant="light" size="sm">
                      Correct answer
                    </Badge>
                  )}
                  {isChosen && (
                    <Badge color={isCorrect ? 'teal' : 'red'} variant="outline" size="sm">
                      Your answer
                    </Badge>
                  )}
                </Group>
                <Text size="sm">{rationales[option.id] ?? 'No rationale given.'}</Text>
              </Paper>
            </li>
          );
        })}
      </Stack>
      {reference && (
        <Text size="xs" c="dimmed">
          Reference: {reference}
        </Text>
      )}
    </Stack>
  );
}
