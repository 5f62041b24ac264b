/**
 * Route /learning/cases/:caseId — one medical massage case study (issue 8): the client's story, then the
 * questions on assessment, measures, plan, contraindications and documentation. The learner writes their
 * own answer first (kept only in this browser tab), then opens the model answer to compare.
 */
import { useState } from 'react';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Collapse,
  Group,
  List,
  Paper,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconBook2, IconEye, IconEyeOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { getCase, learningKeys, type CaseStudy } from '../../api/learning.js';
import { LIBRARY_STALE_TIME, libraryKeys, searchConditions } from '../../api/library.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Section } from '../../components/Section.js';

/**
 * The learner's own answers to a case study's questions, kept only in this browser tab (sessionStorage):
 * never sent to Palpa, gone when the tab is closed.
 */
const key = (caseId: string) => `palpa.case-answers.${caseId}`;

export function readCaseAnswers(caseId: string): Record<string, string> {
  try {
    const raw = window.sessionStorage.getItem(key(caseId));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function writeCaseAnswers(caseId: string, answers: Record<string, string>): void {
  try {
    const kept = Object.fromEntries(Object.entries(answers).filter(([, text]) => text.trim()));
    if (Object.keys(kept).length) window.sessionStorage.setItem(key(caseId), JSON.stringify(kept));
    else window.sessionStorage.removeItem(key(caseId));
  } catch {
    // Storage can be full or switched off: the answer stays on the page until it is left.
  }
}

export const hasCaseAnswers = (caseId: string): boolean => Object.keys(readCaseAnswers(caseId)).length > 0;

/** "assessment" → "Assessment". */
export const TOPIC_LABELS: Record<string, string> = {
  assessment: 'Assessment',
  measures: 'Outcome measures',
  plan: 'Plan of care',
  contraindications: 'Contraindications and cautions',
  documentation: 'Documentation',
};
export const topicLabel = (topic: string): string =>
  TOPIC_LABELS[topic] ?? topic.charAt(0).toUpperCase() + topic.slice(1).replace(/-/g, ' ');

/** The library's condition names (the library is public, so learners can open it too). */
export function useConditionNames() {
  const conditions = useQuery({
    queryKey: libraryKeys.conditions(''),
    queryFn: ({ signal }) => searchConditions('', signal),
    staleTime: LIBRARY_STALE_TIME,
  });
  return (conditionId: string) =>
    conditions.data?.items.find((c) => c.id === conditionId)?.name ??
    conditionId.charAt(0).toUpperCase() + conditionId.slice(1).replace(/-/g, ' ');
}

export function CasePage() {
  const { caseId = '' } = useParams();
  const study = useQuery({ queryKey: learningKeys.case(caseId), queryFn: () => getCase(caseId) });
  const back = { to: '/learning/cases', label: 'All case studies' };
  if (study.isError)
    return (
      <>
        <PageHeader title="Case study" back={back} />
        <ApiErrorAlert error={study.error} title="This case study could not be loaded" />
      </>
    );
  if (study.isPending)
    return (
      <Stack gap="lg" aria-busy="true">
        <Skeleton height={40} width="60%" />
        <Skeleton height={160} />
        <Skeleton height={220} />
      </Stack>
    );
  return <CaseStudyView key={study.data.id} study={study.data} back={back} />;
}

function CaseStudyView({ study, back }: { study: CaseStudy; back: { to: string; label: string } }) {
  const conditionName = useConditionNames();
  const [answers, setAnswers] = useState<Record<string, string>>(() => readCaseAnswers(study.id));
  const setAnswer = (index: number, text: string) => {
    const next = { ...answers, [String(index)]: text };
    setAnswers(next);
    writeCaseAnswers(study.id, next);
  };
  return (
    <>
      <PageHeader title={study.title} back={back}>
        <Group gap={6}>
          <IconBook2 size={16} aria-hidden color="var(--mantine-color-dimmed)" />
          <Text size="sm" c="dimmed">
            Condition in the library:{' '}
            <Anchor component={Link} to={`/library/conditions/${study.conditionId}`} size="sm">
              {conditionName(study.conditionId)}
            </Anchor>
          </Text>
        </Group>
      </PageHeader>
      <Stack gap="lg">
        <Section title="The client">
          <Text style={{ whiteSpace: 'pre-line', lineHeight: 1.65 }} maw={780}>
            {study.vignette}
          </Text>
        </Section>
        <Text size="sm" c="dimmed">
          Write your own answer to each question first, then compare it with the model answer. What you write
          stays in this browser tab only: it is not sent to Palpa and is gone when you close the tab.
        </Text>
        {study.questions.map((question, index) => (
          <QuestionCard
            key={index}
            index={index}
            total={study.questions.length}
            question={question}
            answer={answers[String(index)] ?? ''}
            onAnswer={(text) => setAnswer(index, text)}
          />
        ))}
        {study.references.length > 0 && (
          <Section title="References" order={2}>
            <List type="ordered" size="sm" spacing={6}>
              {study.references.map((reference) => (
                <List.Item key={reference}>{withLinks(reference)}</List.Item>
              ))}
            </List>
          </Section>
        )}
        <Group>
          <Button component={Link} to="/learning/cases" variant="default">
            Back to all case studies
          </Button>
        </Group>
      </Stack>
    </>
  );
}

/** A reference with its web address (DOI, guideline page) as a link. */
function withLinks(text: string) {
  return text.split(/(https?:\/\/[^\s]+[^\s.,;)])/).map((part, i) =>
    i % 2 === 1 ? (
      <Anchor key={i} href={part} target="_blank" rel="noopener noreferrer" size="sm">
        {part}
      </Anchor>
    ) : (
      part
    ),
  );
}

function QuestionCard(props: {
  index: number;
  total: number;
  question: CaseStudy['questions'][number];
  answer: string;
  onAnswer: (text: string) => void;
}) {
  const { index, question } = props;
  const [open, setOpen] = useState(false);
  const headingId = `case-question-${index}`;
  const modelId = `case-model-${index}`;
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Question {index + 1} of {props.total}
          </Text>
          <Badge variant="light" size="sm">
            {topicLabel(question.topic)}
          </Badge>
        </Group>
        <Title order={2} size="h4" id={headingId} fw={600} style={{ lineHeight: 1.4 }}>
          {question.prompt}
        </Title>
        <Textarea
          label="Your answer"
          description="Only in this browser tab."
          autosize
          minRows={3}
          maxRows={14}
          value={props.answer}
          onChange={(e) => props.onAnswer(e.currentTarget.value)}
        />
        <Group>
          <Button
            variant={open ? 'default' : 'light'}
            leftSection={open ? <IconEyeOff size={16} aria-hidden /> : <IconEye size={16} aria-hidden />}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={modelId}
          >
            {open ? 'Hide model answer' : 'Show model answer'}
          </Button>
        </Group>
        <Collapse expanded={open} id={modelId}>
          <Box
            p="md"
            bg="palpa.0"
            style={{
              borderRadius: 'var(--mantine-radius-md)',
              borderLeft: '4px solid var(--mantine-color-palpa-6)',
            }}
            role="region"
            aria-label={`Model answer to question ${index + 1}`}
          >
            <Text size="xs" fw={700} tt="uppercase" c="palpa.9" mb={4}>
              Model answer
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line', lineHeight: 1.65 }}>
              {question.modelAnswer}
            </Text>
          </Box>
        </Collapse>
      </Stack>
    </Paper>
  );
}
