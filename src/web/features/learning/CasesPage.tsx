/**
 * Route /learning/cases — the medical massage case studies (issue 8), each built on a condition of Palpa's
 * library: a client's story with questions on assessment, measures, plan, contraindications and
 * documentation, and model answers.
 */
import { useState } from 'react';
import { Anchor, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { learningKeys, listCases } from '../../api/learning.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { plural } from '../../components/format.js';
import { hasCaseAnswers, useConditionNames } from './CasePage.js';

const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

export function CasesPage() {
  const cases = useQuery({ queryKey: learningKeys.cases, queryFn: listCases });
  const conditionName = useConditionNames();
  const [query, setQuery] = useState('');
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const shown = (cases.data?.items ?? []).filter((c) => {
    const text = normalise(`${c.title} ${conditionName(c.conditionId)}`);
    return words.every((w) => text.includes(w));
  });
  return (
    <>
      <PageHeader
        title="Case studies"
        description="Clients as you will meet them in a medical massage practice. Read the story, answer the questions in your own words, then compare with the model answer."
      />
      <Stack gap="md">
        <TextInput
          label="Find a case"
          placeholder="Condition or situation, e.g. neck, shoulder, pregnancy"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          maw={420}
        />
        {cases.isError ? (
          <ApiErrorAlert error={cases.error} title="The case studies could not be loaded" />
        ) : cases.isPending ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} height={110} />
            ))}
          </SimpleGrid>
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {words.length
                ? `${shown.length} of ${cases.data.items.length} case studies match.`
                : `${cases.data.items.length} case ${cases.data.items.length === 1 ? 'study' : 'studies'}.`}
            </Text>
            <SimpleGrid component="ul" className="plain-list" cols={{ base: 1, sm: 2 }} spacing="md">
              {shown.map((c) => (
                <Paper component="li" key={c.id} withBorder p="md">
                  <Stack gap={6}>
                    <Anchor component={Link} to={`/learning/cases/${c.id}`} fw={600} size="md">
                      {c.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      Condition:{' '}
                      <Anchor component={Link} to={`/library/conditions/${c.conditionId}`} size="sm">
                        {conditionName(c.conditionId)}
                      </Anchor>
                    </Text>
                    <Group gap="xs">
                      <Badge variant="light" color="gray" size="sm">
                        {plural(c.questions, 'question')}
                      </Badge>
                      {hasCaseAnswers(c.id) && (
                        <Badge variant="light" color="palpa" size="sm">
                          Started
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                </Paper>
              ))}
            </SimpleGrid>
          </>
        )}
      </Stack>
    </>
  );
}
