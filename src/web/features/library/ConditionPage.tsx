/**
 * Route /library/conditions/:id — one condition as a readable clinical page: what it is and how it
 * presents, red flags, coding, cautions, what to assess, the protocol step by step, the course, typical
 * goals and the references. Printable, with a client education sheet to hand out.
 */
import { useState, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconClock,
  IconFeather,
  IconInfoCircle,
  IconFileTypePdf,
  IconPencil,
  IconPrinter,
  IconRestore,
} from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { regionLabel } from '../../../modules/assessments/domain/body-regions.js';
import { OUTCOME_MEASURES } from '../../../modules/outcome-measures/domain/instruments.js';
import { SCREENING_RULES, SEVERITY_LABELS } from '../../../modules/screening/domain/screening-rules.js';
import {
  PRESSURE_LEVELS,
  SERVICE_CODES,
  TECHNIQUES,
} from '../../../modules/session-notes/domain/session-note.js';
import { deleteClinicCondition, educationSheetUrl, type LibraryCondition } from '../../api/library.js';
import { useCan } from '../../app/session.js';
import { isApiError } from '../../api/http.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Section } from '../../components/Section.js';
import { frequencyText, severityColor } from '../episodes/episode-ui.js';
import {
  bodyAreaLabel,
  capitalize,
  categoryLabel,
  conditionPath,
  HYDROTHERAPY_LABELS,
  humanize,
  positionLabel,
  specialTestLabel,
  techniquePath,
} from './library-format.js';
import { useAllConditions, useCondition, useTechniques } from './library-queries.js';
import { References } from './References.js';

const back = { to: '/library', label: 'Library' };

export function ConditionPage() {
  const { id = '' } = useParams();
  const query = useCondition(id);

  if (query.isPending) {
    return (
      <Stack gap="lg" aria-busy="true">
        <PageHeader title="Condition" documentTitle="Library" back={back}>
          <Skeleton height={16} width={280} />
        </PageHeader>
        <Paper p="lg">
          <Stack gap="md">
            <Skeleton height={20} width={200} />
            <Skeleton height={60} />
            <Skeleton height={120} />
          </Stack>
        </Paper>
      </Stack>
    );
  }

  if (query.isError) {
    const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <>
        <PageHeader title={notFound ? 'Condition not found' : 'Condition'} back={back} />
        {notFound ? (
          <Stack gap="sm" align="flex-start">
            <Text>The library has no condition at this address. It may have been renamed.</Text>
            <Button component={Link} to="/library" variant="default">
              Search the library
            </Button>
          </Stack>
        ) : (
          <Stack gap="sm" align="flex-start">
            <ApiErrorAlert error={query.error} w="100%" />
            <Button variant="default" onClick={() => void query.refetch()} loading={query.isFetching}>
              Try again
            </Button>
          </Stack>
        )}
      </>
    );
  }

  return <ConditionView condition={query.data} />;
}

const techniqueName = (id: string, names: Map<string, string>): string =>
  names.get(id) ?? TECHNIQUES.find((t) => t.id === id)?.label ?? humanize(id);

const pressureText = (level: number): string =>
  PRESSURE_LEVELS.find((p) => p.level === level)?.label ?? String(level);

const serviceLabel = (code: string): string => SERVICE_CODES.find((s) => s.code === code)?.label ?? '';

function Label({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4} style={{ letterSpacing: '0.04em' }}>
      {children}
    </Text>
  );
}

function ConditionView({ condition: c }: { condition: LibraryCondition }) {
  const techniques = useTechniques();
  const names = new Map((techniques.data?.items ?? []).map((t) => [t.id, t.name]));
  const known = new Set((techniques.data?.items ?? []).map((t) => t.id));
  const totalMinutes = c.protocol.steps.reduce((sum, s) => sum + s.minutes, 0);
  const rules = c.screeningRules
    .map((id) => SCREENING_RULES.find((r) => r.id === id))
    .filter((r) => r !== undefined);
  const measureGoals = c.goals.filter((g) => g.kind === 'measure');
  const functionalGoals = c.goals.filter((g) => g.kind === 'functional');
  const canWrite = useCan('clinical:write');
  const own = useAllConditions().data?.items.find((item) => item.id === c.id)?.own ?? false;

  return (
    <>
      <PageHeader
        title={c.name}
        back={back}
        actions={
          <Group gap="sm" className="no-print">
            <Button
              component="a"
              href={educationSheetUrl(c.id)}
              download
              variant="default"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
            >
              Client education sheet (PDF)
            </Button>
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={() => window.print()}
            >
              Print
            </Button>
            {canWrite && (
              <Button
                component={Link}
                to={`${conditionPath(c.id)}/edit`}
                variant={own ? 'default' : 'light'}
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {own ? 'Edit our version' : 'Customize for our clinic'}
              </Button>
            )}
            {canWrite && (
              <Button
                component={Link}
                to={`${conditionPath(c.id)}/copy`}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                New condition from this one
              </Button>
            )}
            {canWrite && own && <RemoveOwnVersion condition={c} />}
          </Group>
        }
      >
        <Group gap="xs" wrap="wrap">
          <Badge variant="light">{categoryLabel(c.category)}</Badge>
          {own && (
            <Badge variant="light" color="teal">
              Our clinic&apos;s version
            </Badge>
          )}
          {c.gentle && (
            <Badge variant="light" color="blue" leftSection={<IconFeather size={12} aria-hidden />}>
              Gentle treatment
            </Badge>
          )}
          <Text size="sm" c="gray.7">
            {c.bodyAreas.map(bodyAreaLabel).join(' · ')}
          </Text>
        </Group>
        {c.aliases.length > 0 && (
          <Text size="sm" c="dimmed">
            Also called: {c.aliases.join(', ')}
          </Text>
        )}
      </PageHeader>

      <Stack gap="lg">
        <Section title="Overview">
          <Stack gap="md">
            <Text style={{ maxWidth: '75ch' }}>{c.summary}</Text>
            <div>
              <Title order={3} mb={6}>
                How it presents
              </Title>
              <List spacing={6} size="sm" style={{ maxWidth: '80ch' }}>
                {c.presentation.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </div>
            {c.gentle && (
              <Alert color="blue" variant="light" icon={<IconFeather aria-hidden />} title="Gentle treatment">
                This condition calls for light pressure and shorter, slower work; progress only as the client
                tolerates.
              </Alert>
            )}
            {c.healingPhase && (
              <div>
                <Title order={3} mb={4}>
                  Healing phase
                </Title>
                <Text size="sm" style={{ maxWidth: '80ch' }}>
                  {c.healingPhase}
                </Text>
              </div>
            )}
          </Stack>
        </Section>

        <Alert
          color="red"
          variant="light"
          icon={<IconAlertOctagon aria-hidden />}
          title={
            <Title order={2} fz="h3">
              Red flags: stop and refer
            </Title>
          }
          className="print-avoid-break"
        >
          <List spacing={6} size="sm">
            {c.redFlags.map((flag) => (
              <List.Item key={flag}>{flag}</List.Item>
            ))}
          </List>
        </Alert>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Section title="Cautions">
            <Stack gap="md">
              <List
                spacing={6}
                size="sm"
                icon={<IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" aria-hidden />}
              >
                {c.cautions.map((caution) => (
                  <List.Item key={caution}>{caution}</List.Item>
                ))}
              </List>
              {rules.length > 0 && (
                <div>
                  <Label>Screening alerts to check</Label>
                  <Stack gap={6}>
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
                        <Text size="sm">
                          <Text span fw={600} size="sm">
                            {rule.title}
                          </Text>
                          {' — '}
                          {rule.guidance}
                        </Text>
                      </Group>
                    ))}
                  </Stack>
                </div>
              )}
            </Stack>
          </Section>

          <Section title="ICD-10-CM codes" description="The prescriber's diagnosis decides the code.">
            <Stack gap="sm">
              <Table withRowBorders verticalSpacing={6} horizontalSpacing="xs">
                <Table.Tbody>
                  {c.icd10cm.map((d) => (
                    <Table.Tr key={d.code}>
                      <Table.Td w={90} style={{ whiteSpace: 'nowrap' }}>
                        <Text ff="monospace" fw={700} size="sm">
                          {d.code}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{d.label}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {c.codingNotes && (
                <Text size="sm" c="gray.7">
                  {c.codingNotes}
                </Text>
              )}
            </Stack>
          </Section>
        </SimpleGrid>

        <Section title="Assessment focus">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            <div>
              <Label>Range of motion</Label>
              {c.assessmentFocus.rom.length === 0 ? (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              ) : (
                <List size="sm" spacing={2}>
                  {c.assessmentFocus.rom.map((r) => (
                    <List.Item key={`${r.joint}-${r.movement}`}>
                      {humanize(r.joint)} {r.movement.replace(/_/g, ' ')}
                    </List.Item>
                  ))}
                </List>
              )}
            </div>
            <div>
              <Label>Special tests</Label>
              {c.assessmentFocus.specialTests.length === 0 ? (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              ) : (
                <List size="sm" spacing={2}>
                  {c.assessmentFocus.specialTests.map((t) => (
                    <List.Item key={t}>{specialTestLabel(t)}</List.Item>
                  ))}
                </List>
              )}
            </div>
            <div>
              <Label>Outcome measures</Label>
              <List size="sm" spacing={2}>
                {c.assessmentFocus.outcomeMeasures.map((m) => (
                  <List.Item key={m}>
                    <Text span fw={600} size="sm">
                      {OUTCOME_MEASURES[m].name}
                    </Text>{' '}
                    — {OUTCOME_MEASURES[m].fullName}
                  </List.Item>
                ))}
              </List>
            </div>
          </SimpleGrid>
          {c.assessmentFocus.notes && (
            <Text size="sm" c="gray.7" mt="md" style={{ maxWidth: '80ch' }}>
              {c.assessmentFocus.notes}
            </Text>
          )}
        </Section>

        <Section
          title="Protocol"
          description="A starting point for a session; adapt it to the client's assessment and alerts."
          actions={
            <Group gap={6} wrap="nowrap" c="gray.7">
              <IconClock size={16} aria-hidden />
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {totalMinutes} min
              </Text>
            </Group>
          }
        >
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="sm" horizontalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={28}>#</Table.Th>
                  <Table.Th>Technique and purpose</Table.Th>
                  <Table.Th>Regions</Table.Th>
                  <Table.Th>Position and pressure</Table.Th>
                  <Table.Th ta="right">Minutes</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.protocol.steps.map((step, index) => (
                  <Table.Tr key={index} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {index + 1}
                      </Text>
                    </Table.Td>
                    <Table.Td miw={190}>
                      {known.has(step.technique) || techniques.isPending ? (
                        <Anchor component={Link} to={techniquePath(step.technique)} fw={600} size="sm">
                          {techniqueName(step.technique, names)}
                        </Anchor>
                      ) : (
                        <Text fw={600} size="sm">
                          {techniqueName(step.technique, names)}
                        </Text>
                      )}
                      <Text size="sm" c="gray.7" mt={2}>
                        {step.purpose}
                      </Text>
                    </Table.Td>
                    <Table.Td miw={130}>
                      <Text size="sm">{step.regions.map(regionLabel).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td miw={130}>
                      <Text size="sm">{positionLabel(step.position)}</Text>
                      <Text size="sm" c="gray.7">
                        Pressure {pressureText(step.pressure)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" fw={600}>
                        {step.minutes}
                      </Text>
                      <Text
                        size="xs"
                        c="gray.7"
                        ff="monospace"
                        title={serviceLabel(step.serviceCode)}
                        aria-label={`Code ${step.serviceCode}, ${serviceLabel(step.serviceCode)}`}
                      >
                        {step.serviceCode}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={4}>Total</Table.Th>
                  <Table.Th ta="right">{totalMinutes} min</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" mt="xs">
            Pressure on Walton&apos;s 0–5 scale. Service codes under the minutes:{' '}
            {[...new Set(c.protocol.steps.map((s) => s.serviceCode))]
              .map((code) => `${code} ${serviceLabel(code)}`)
              .join(' · ')}
            .
          </Text>
        </Section>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Section title="Home care">
            <Stack gap="md">
              <List spacing={6} size="sm">
                {c.protocol.homeCare.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
              {c.protocol.hydrotherapy.length > 0 && (
                <div>
                  <Label>Hydrotherapy</Label>
                  <Stack gap={8}>
                    {c.protocol.hydrotherapy.map((h, i) => (
                      <div key={i}>
                        <Text size="sm" fw={600}>
                          {HYDROTHERAPY_LABELS[h.kind] ?? humanize(h.kind)}, {h.minutes} min ·{' '}
                          <Text span fw={400} size="sm">
                            {h.where}
                          </Text>
                        </Text>
                        <Text size="sm" c="gray.7">
                          {h.when}
                        </Text>
                      </div>
                    ))}
                  </Stack>
                </div>
              )}
            </Stack>
          </Section>

          <Section title="Course and goals">
            <Stack gap="md">
              <div>
                <Label>Typical course</Label>
                <Text size="sm" fw={600}>
                  {capitalize(frequencyText(c.course.frequencyPerWeek, c.course.durationWeeks) ?? '')}
                </Text>
                {c.course.note && (
                  <Text size="sm" c="gray.7">
                    {c.course.note}
                  </Text>
                )}
              </div>
              {measureGoals.length > 0 && (
                <div>
                  <Label>Measured goals</Label>
                  <Stack gap={6}>
                    {measureGoals.map((g) => (
                      <Group key={g.text} gap="xs" wrap="nowrap" align="flex-start">
                        <Badge size="sm" variant="light" mt={2} style={{ flexShrink: 0 }}>
                          {OUTCOME_MEASURES[g.instrument].name}
                        </Badge>
                        <Text size="sm">{g.text}</Text>
                      </Group>
                    ))}
                  </Stack>
                </div>
              )}
              {functionalGoals.length > 0 && (
                <div>
                  <Label>Functional goals</Label>
                  <List spacing={4} size="sm">
                    {functionalGoals.map((g) => (
                      <List.Item key={g.text}>{g.text}</List.Item>
                    ))}
                  </List>
                </div>
              )}
            </Stack>
          </Section>
        </SimpleGrid>

        <Section title="References">
          <References references={c.references} />
        </Section>

        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconInfoCircle
            size={14}
            color="var(--mantine-color-dimmed)"
            aria-hidden
            style={{ marginTop: 2 }}
          />
          <Text size="xs" c="dimmed">
            Written for Palpa from the references above. Reference material for licensed massage therapists,
            not medical advice.
          </Text>
        </Group>
      </Stack>
    </>
  );
}

/** "Remove our version" with a confirmation: the shipped text shows again. */
function RemoveOwnVersion({ condition }: { condition: LibraryCondition }) {
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteClinicCondition(condition.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['library'] });
      setConfirming(false);
      notifications.show({
        color: 'teal',
        title: 'Our version removed',
        message: `The library text of ${condition.name} shows again.`,
      });
    },
  });
  return (
    <>
      <Button
        variant="default"
        color="red"
        leftSection={<IconRestore size={16} aria-hidden />}
        onClick={() => {
          remove.reset();
          setConfirming(true);
        }}
      >
        Remove our version
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Remove our clinic's version?">
        <Stack gap="md">
          <Text size="sm">
            Your clinic&apos;s changes to {condition.name} will be deleted, and the library&apos;s own text
            shows again. A condition your clinic wrote itself is removed from the library.
          </Text>
          {remove.isError && <ApiErrorAlert error={remove.error} title="It could not be removed" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              Remove our version
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
