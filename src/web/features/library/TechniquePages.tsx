/**
 * Routes /library/techniques (the technique catalogue) and /library/techniques/:id (one technique: what it
 * is, how it is done, when to use it and when not, the evidence and the usual service code).
 */
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  CloseButton,
  Group,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { SCREENING_RULES, SEVERITY_LABELS } from '../../../modules/screening/domain/screening-rules.js';
import { SERVICE_CODES } from '../../../modules/session-notes/domain/session-note.js';
import type { LibraryTechnique } from '../../api/library.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Section } from '../../components/Section.js';
import { severityColor } from '../episodes/episode-ui.js';
import { capitalize, foldWords, techniquePath } from './library-format.js';
import { useTechniques } from './library-queries.js';
import { References } from './References.js';

const serviceCodeText = (code: string): string => {
  const found = SERVICE_CODES.find((s) => s.code === code);
  return found ? `${found.code} — ${found.label}` : code;
};

function matches(technique: LibraryTechnique, query: string): boolean {
  const words = foldWords(query);
  const text = foldWords([technique.name, ...technique.aliases].join(' '));
  return words.every((w) => text.some((t) => t.startsWith(w)));
}

function LoadingCards() {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} aria-busy="true">
      {[0, 1, 2, 3].map((i) => (
        <Paper key={i} p="md">
          <Skeleton height={18} width="50%" mb="sm" />
          <Skeleton height={12} mb={6} />
          <Skeleton height={12} width="80%" />
        </Paper>
      ))}
    </SimpleGrid>
  );
}

export function TechniquesPage() {
  const query = useTechniques();
  const [filter, setFilter] = useState('');
  const techniques = (query.data?.items ?? [])
    .filter((t) => matches(t, filter))
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <PageHeader
        title="Technique catalogue"
        back={{ to: '/library', label: 'Library' }}
        description="What each technique is, how it is done, when to use it and when not, and the usual service code."
      />
      <Stack gap="lg">
        <Paper p="md" role="search">
          <TextInput
            label="Filter techniques"
            placeholder="e.g. friction, MLD, cupping"
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={
              filter ? (
                <CloseButton size="sm" aria-label="Clear filter" onClick={() => setFilter('')} />
              ) : null
            }
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </Paper>
        {query.isError && (
          <Stack gap="sm" align="flex-start">
            <ApiErrorAlert error={query.error} title="The techniques could not be loaded" w="100%" />
            <Button variant="default" onClick={() => void query.refetch()} loading={query.isFetching}>
              Try again
            </Button>
          </Stack>
        )}
        {query.isPending ? (
          <LoadingCards />
        ) : query.isError ? null : techniques.length === 0 ? (
          <Paper p="xl">
            <Text ta="center" fw={600}>
              No technique matches “{filter.trim()}”
            </Text>
          </Paper>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="plain-list" aria-label="Techniques">
            {techniques.map((t) => (
              <Paper key={t.id} component="li" p="md" className="card-link">
                <Stack gap={6}>
                  <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                    <Anchor component={Link} to={techniquePath(t.id)} fw={650} c="palpa.8">
                      {t.name}
                    </Anchor>
                    <Badge variant="light" color="gray" size="sm" ff="monospace" style={{ flexShrink: 0 }}>
                      {t.defaultServiceCode}
                    </Badge>
                  </Group>
                  <Text size="sm" c="gray.7" lineClamp={3}>
                    {t.what}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}

export function TechniquePage() {
  const { id = '' } = useParams();
  const query = useTechniques();
  const back = { to: '/library/techniques', label: 'Technique catalogue' };

  if (query.isPending) {
    return (
      <Stack gap="lg" aria-busy="true">
        <PageHeader title="Technique" documentTitle="Library" back={back}>
          <Skeleton height={16} width={240} />
        </PageHeader>
        <Paper p="lg">
          <Skeleton height={20} width={200} mb="md" />
          <Skeleton height={80} />
        </Paper>
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageHeader title="Technique" back={back} />
        <Stack gap="sm" align="flex-start">
          <ApiErrorAlert error={query.error} w="100%" />
          <Button variant="default" onClick={() => void query.refetch()} loading={query.isFetching}>
            Try again
          </Button>
        </Stack>
      </>
    );
  }
  const technique = query.data.items.find((t) => t.id === id);
  if (!technique) {
    return (
      <>
        <PageHeader title="Technique not found" back={back} />
        <Stack gap="sm" align="flex-start">
          <Text>The catalogue has no technique at this address.</Text>
          <Button component={Link} to="/library/techniques" variant="default">
            See all techniques
          </Button>
        </Stack>
      </>
    );
  }
  return <TechniqueView technique={technique} back={back} />;
}

function TechniqueView({
  technique: t,
  back,
}: {
  technique: LibraryTechnique;
  back: { to: string; label: string };
}) {
  const rules = t.screeningRules
    .map((id) => SCREENING_RULES.find((r) => r.id === id))
    .filter((r) => r !== undefined);
  return (
    <>
      <PageHeader title={t.name} back={back}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light">Usually billed as {serviceCodeText(t.defaultServiceCode)}</Badge>
        </Group>
        {t.aliases.length > 0 && (
          <Text size="sm" c="dimmed">
            Also called: {t.aliases.join(', ')}
          </Text>
        )}
      </PageHeader>

      <Stack gap="lg">
        <Section title="What it is">
          <Text style={{ maxWidth: '75ch' }}>{t.what}</Text>
        </Section>

        <Section title="How it is done">
          <List type="ordered" spacing={6} size="sm" style={{ maxWidth: '80ch' }}>
            {t.how.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Section>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Section title="Indications">
            <List spacing={6} size="sm">
              {t.indications.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Section>
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={
              <Title order={2} fz="h3">
                Contraindications
              </Title>
            }
            className="print-avoid-break"
          >
            <List spacing={6} size="sm">
              {t.contraindications.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Alert>
        </SimpleGrid>

        {rules.length > 0 && (
          <Section
            title="Screening alerts to check"
            description="When the intake raises one of these alerts, this technique needs care or is ruled out."
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6}>
              {rules.map((rule) => (
                <Group key={rule.id} gap="xs" wrap="nowrap" align="flex-start">
                  <Badge
                    size="sm"
                    variant="light"
                    color={severityColor(rule.severity)}
                    style={{ flexShrink: 0 }}
                    mt={2}
                  >
                    {SEVERITY_LABELS[rule.severity]}
                  </Badge>
                  <Text size="sm">{capitalize(rule.title)}</Text>
                </Group>
              ))}
            </SimpleGrid>
          </Section>
        )}

        <Section title="Evidence">
          <Text size="sm" style={{ maxWidth: '80ch' }}>
            {t.evidence}
          </Text>
        </Section>

        <Section title="References">
          <References references={t.references} />
        </Section>
      </Stack>
    </>
  );
}
