/**
 * Route /learning/practice — a practice set: one of the seven MBLEx areas (with its weight on the exam),
 * optionally one subtopic, 10–50 items, and the rationale after each answer or at the end. Start opens the
 * runner at /learning/exams/{id}.
 */
import { useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { getProgress, learningKeys, listAreas, startExam } from '../../api/learning.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { fieldErrorsFrom } from '../../components/form-errors.js';
import { plural } from '../../components/format.js';
import { shortAreaName } from './exam/learning-ui.js';
import classes from './exam/learning.module.css';

export function PracticePage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const areas = useQuery({ queryKey: learningKeys.areas, queryFn: listAreas, staleTime: Infinity });
  const progress = useQuery({ queryKey: learningKeys.progress, queryFn: getProgress });
  const [area, setArea] = useState<string | null>(null);
  const [subtopic, setSubtopic] = useState('');
  const [count, setCount] = useState<number | string>(20);
  const [feedback, setFeedback] = useState<'each' | 'end'>('each');
  const [problems, setProblems] = useState<Record<string, string>>({});

  const start = useMutation({
    mutationFn: () =>
      startExam({
        mode: 'practice',
        area: area!,
        ...(subtopic ? { subtopic } : {}),
        count: Number(count),
        feedback,
      }),
    onSuccess: async (exam) => {
      queryClient.setQueryData(learningKeys.exam(exam.id), exam);
      await queryClient.invalidateQueries({ queryKey: learningKeys.exams });
      await navigate(`/learning/exams/${exam.id}`);
    },
  });
  const serverErrors = fieldErrorsFrom(start.error);
  const errors = { ...serverErrors, ...problems };

  const chosenArea = areas.data?.items.find((a) => a.id === area);
  const chosenSubtopic = chosenArea?.subtopics.find((s) => s.id === subtopic);
  const available = chosenSubtopic
    ? chosenSubtopic.items
    : (chosenArea?.subtopics.reduce((sum, s) => sum + s.items, 0) ?? null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!area) found.area = 'Choose the area to practise.';
    const n = Number(count);
    if (count === '' || !Number.isInteger(n) || n < 10 || n > 50) found.count = 'Choose 10 to 50 items.';
    setProblems(found);
    if (Object.keys(found).length) {
      document.getElementById(found.area ? 'practice-area-first' : 'practice-count')?.focus();
      return;
    }
    start.mutate();
  };

  const accuracyOf = (areaId: string) => progress.data?.byArea.find((a) => a.area === areaId)?.accuracy;

  return (
    <>
      <PageHeader
        title="Practise an area"
        back={{ to: '/learning', label: 'Learning' }}
        description="Pick one of the seven MBLEx content areas, and a subtopic if you like. Short sets of 10 to 50 items, with a rationale for every option."
      />
      {areas.isError ? (
        <ApiErrorAlert error={areas.error} title="The areas could not be loaded" />
      ) : areas.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={28} width={200} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} height={84} />
            ))}
          </SimpleGrid>
        </Stack>
      ) : (
        <form onSubmit={submit} aria-label="Start a practice set" noValidate>
          <Stack gap="lg">
            <Paper p={{ base: 'md', sm: 'lg' }}>
              <Radio.Group
                label={
                  <Title order={2} size="h3" component="span">
                    1. Area
                  </Title>
                }
                description="The share of the real exam is shown for each area; your accuracy so far helps you choose."
                value={area ?? ''}
                onChange={(value) => {
                  setArea(value);
                  setSubtopic('');
                  setProblems((p) => ({ ...p, area: '' }));
                }}
                error={errors.area || undefined}
                required
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
                  {areas.data.items.map((a, index) => {
                    const accuracy = accuracyOf(a.id);
                    const items = a.subtopics.reduce((sum, s) => sum + s.items, 0);
                    return (
                      <Radio.Card
                        key={a.id}
                        value={a.id}
                        className={classes.option}
                        p="sm"
                        radius="md"
                        id={index === 0 ? 'practice-area-first' : undefined}
                      >
                        <Group wrap="nowrap" align="flex-start" gap="sm">
                          <Radio.Indicator mt={3} />
                          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                            <Group gap={6} justify="space-between" wrap="nowrap">
                              <Text fw={600} size="sm">
                                {shortAreaName(a.id, a.name)}
                              </Text>
                              <Badge variant="light" color="gray" style={{ flex: '0 0 auto' }}>
                                {a.weight} % of exam
                              </Badge>
                            </Group>
                            {a.name.toLowerCase() !== shortAreaName(a.id, a.name).toLowerCase() && (
                              <Text size="xs" c="dimmed">
                                {a.name}
                              </Text>
                            )}
                            <Text size="xs" c="dimmed">
                              {plural(a.subtopics.length, 'subtopic')} · {items} items
                              {accuracy !== null && accuracy !== undefined
                                ? ` · your accuracy ${Math.round(accuracy * 100)} %`
                                : ''}
                            </Text>
                          </Stack>
                        </Group>
                      </Radio.Card>
                    );
                  })}
                </SimpleGrid>
              </Radio.Group>
            </Paper>

            <Paper p={{ base: 'md', sm: 'lg' }}>
              <Title order={2} size="h3" mb="sm">
                2. Set
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <NativeSelect
                  label="Subtopic"
                  description={
                    chosenArea ? 'Optional: all subtopics of the area by default.' : 'Choose an area first.'
                  }
                  disabled={!chosenArea}
                  value={subtopic}
                  onChange={(event) => setSubtopic(event.currentTarget.value)}
                  error={errors.subtopic}
                  data={[
                    { value: '', label: 'All subtopics' },
                    ...(chosenArea?.subtopics ?? []).map((s) => ({
                      value: s.id,
                      label: `${s.name} (${s.items} items)`,
                    })),
                  ]}
                />
                <NumberInput
                  id="practice-count"
                  label="Number of items"
                  description={
                    available !== null && available < Number(count)
                      ? `Only ${available} items here: you get all of them.`
                      : '10 to 50 items.'
                  }
                  min={10}
                  max={50}
                  step={5}
                  clampBehavior="blur"
                  allowDecimal={false}
                  value={count}
                  onChange={(value) => {
                    setCount(value);
                    setProblems((p) => ({ ...p, count: '' }));
                  }}
                  error={errors.count || undefined}
                  required
                />
              </SimpleGrid>
              <Radio.Group
                mt="md"
                label="Show the rationale"
                value={feedback}
                onChange={(value) => setFeedback(value === 'end' ? 'end' : 'each')}
              >
                <Group gap="lg" mt={6}>
                  <Radio value="each" label="After each answer" />
                  <Radio value="end" label="At the end" />
                </Group>
              </Radio.Group>
            </Paper>

            {start.isError && !Object.keys(serverErrors).length && (
              <ApiErrorAlert error={start.error} title="The practice set could not start" />
            )}
            <Group>
              <Button
                type="submit"
                size="md"
                loading={start.isPending}
                leftSection={<IconPlayerPlay size={18} aria-hidden />}
              >
                Start practice
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </>
  );
}
