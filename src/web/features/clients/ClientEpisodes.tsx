/**
 * The client's episodes of care at a glance (what the front desk needs to book: visits used, expiry,
 * warnings) with the way into each chart, and the dialog that opens a new episode.
 */
import { useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronRight, IconFolderPlus, IconStethoscope } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { PayerContext } from '../../../modules/episodes/domain/episode.js';
import { clinicalKeys, getClinicalOverview, openEpisode, type ClinicalOverview } from '../../api/clinical.js';
import { isApiError } from '../../api/http.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { todayDateOnly } from '../../components/format.js';
import { Section } from '../../components/Section.js';
import {
  EpisodeStatusBadge,
  episodePath,
  formatDay,
  frequencyText,
  PAYER_OPTIONS,
  payerLabel,
  UsageWarnings,
  VisitUsage,
} from '../episodes/episode-ui.js';

type OverviewItem = ClinicalOverview['items'][number];

export function ClientEpisodes({ clientId, archived }: { clientId: string; archived: boolean }) {
  const canOpen = useCan('clinical:write');
  const canReadChart = useCan('clinical:read');
  const canSeeServices = useCan('clinical:services');
  const canChart = canReadChart || canSeeServices;
  const [opening, setOpening] = useState(false);
  const overview = useQuery({
    queryKey: clinicalKeys.overview(clientId),
    queryFn: () => getClinicalOverview(clientId),
  });

  const items = (overview.data?.items ?? [])
    .slice()
    .sort(
      (a, b) =>
        Number(a.episode.status !== 'open') - Number(b.episode.status !== 'open') ||
        b.episode.startedOn.localeCompare(a.episode.startedOn),
    );

  return (
    <Section
      title="Episodes of care"
      id="episodes"
      description="Each complaint or injury, from prescription to discharge."
      actions={
        canOpen &&
        !archived && (
          <Button
            variant="light"
            leftSection={<IconFolderPlus size={16} aria-hidden />}
            onClick={() => setOpening(true)}
          >
            Open new episode
          </Button>
        )
      }
    >
      {overview.isPending ? (
        <Stack gap="sm" aria-busy="true" aria-label="Loading episodes">
          <Skeleton height={110} />
        </Stack>
      ) : overview.isError ? (
        <ApiErrorAlert error={overview.error} title="The episodes could not be loaded" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No episodes yet.
          {canOpen && !archived
            ? ' Open one when the client comes with a prescription or a new complaint.'
            : ''}
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((item) => (
            <EpisodeCard key={item.episode.id} item={item} clientId={clientId} canChart={canChart} />
          ))}
        </Stack>
      )}
      {canOpen && (
        <Modal
          opened={opening}
          onClose={() => setOpening(false)}
          title="Open a new episode of care"
          size="lg"
        >
          <NewEpisodeForm clientId={clientId} onCancel={() => setOpening(false)} />
        </Modal>
      )}
    </Section>
  );
}

function EpisodeCard({
  item,
  clientId,
  canChart,
}: {
  item: OverviewItem;
  clientId: string;
  canChart: boolean;
}) {
  const { episode } = item;
  // The prescription that covers today's visits is the newest one.
  const prescription = item.prescriptions.at(-1);
  const headingId = `episode-${episode.id}`;
  const facts = [
    payerLabel(episode.payerContext),
    `Started ${formatDay(episode.startedOn)}`,
    episode.status === 'discharged' && episode.dischargedOn
      ? `Discharged ${formatDay(episode.dischargedOn)}`
      : null,
  ].filter(Boolean);

  return (
    <Paper
      p="md"
      component="article"
      aria-labelledby={headingId}
      bg={episode.status === 'open' ? undefined : 'gray.0'}
    >
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <Stack gap={4} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={3} id={headingId}>
              {episode.title}
            </Title>
            <EpisodeStatusBadge status={episode.status} size="sm" />
          </Group>
          <Text size="sm" c="gray.7">
            {facts.join(' · ')}
          </Text>
        </Stack>
        {canChart && (
          <Button
            component={Link}
            to={episodePath(clientId, episode.id)}
            variant="default"
            size="sm"
            leftSection={<IconStethoscope size={16} aria-hidden />}
            rightSection={<IconChevronRight size={14} aria-hidden />}
            aria-label={`Open chart: ${episode.title}`}
          >
            Open chart
          </Button>
        )}
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="xs">
        <Stack gap={6}>
          {prescription ? (
            <>
              <VisitUsage prescription={prescription} label="Visits" />
              <Text size="xs" c="dimmed">
                {[
                  `Prescription by ${prescription.prescriberName}`,
                  frequencyText(prescription.frequencyPerWeek, prescription.durationWeeks),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              No prescription on file.
            </Text>
          )}
        </Stack>
        <Stack gap={4}>
          <Group gap="lg" wrap="wrap">
            <Fact label="Expires" value={prescription?.expiresOn ? formatDay(prescription.expiresOn) : '—'} />
            <Fact
              label="Last session"
              value={item.lastSessionOn ? formatDay(item.lastSessionOn) : 'None yet'}
            />
            <Fact label="Sessions" value={String(item.sessionCount)} />
          </Group>
          {prescription && <UsageWarnings usage={prescription.usage} compact />}
          {item.prescriptions.length > 1 && (
            <Badge variant="outline" color="gray" size="sm" w="fit-content">
              {item.prescriptions.length} prescriptions
            </Badge>
          )}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </Stack>
  );
}

type EpisodeForm = { title: string; payerContext: PayerContext; onsetDate: string; startedOn: string };

function NewEpisodeForm({ clientId, onCancel }: { clientId: string; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<EpisodeForm>({
    title: '',
    payerContext: 'health_insurance',
    onsetDate: '',
    startedOn: todayDateOnly(),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof EpisodeForm>(key: K, value: EpisodeForm[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: '' }));
  };

  const open = useMutation({
    mutationFn: () =>
      openEpisode(clientId, {
        title: values.title.trim(),
        payerContext: values.payerContext,
        onsetDate: values.onsetDate || null,
        ...(values.startedOn ? { startedOn: values.startedOn } : {}),
      }),
    onSuccess: (episode) => {
      void queryClient.invalidateQueries({ queryKey: clinicalKeys.overview(clientId) });
      notifications.show({ color: 'teal', title: 'Episode opened', message: episode.title });
      void navigate(episodePath(clientId, episode.id, 'prescription'));
    },
    onError: (error) => setErrors(fieldErrorsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!values.title.trim()) problems.title = 'Enter a title for the episode.';
    if (values.onsetDate && values.startedOn && values.onsetDate > values.startedOn)
      problems.onsetDate = 'The onset cannot be after the start of care.';
    if (Object.values(problems).some(Boolean)) {
      setErrors(problems);
      const first = Object.keys(problems)[0];
      document.getElementById(`new-episode-${first}`)?.focus();
      return;
    }
    open.mutate();
  };

  const generalError =
    open.error && (!isApiError(open.error) || open.error.errors.length === 0) ? open.error : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {generalError && <ApiErrorAlert error={generalError} />}
        <TextInput
          id="new-episode-title"
          label="Title"
          description="The complaint or injury in a few words, e.g. “Neck pain after car accident”."
          required
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          error={errors.title || undefined}
          maxLength={200}
          data-autofocus
        />
        <NativeSelect
          id="new-episode-payerContext"
          label="Who pays"
          description="Shapes the paperwork later (claims, PIP, workers' comp)."
          data={PAYER_OPTIONS}
          value={values.payerContext}
          onChange={(event) => set('payerContext', event.currentTarget.value as PayerContext)}
          error={errors.payerContext || undefined}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            id="new-episode-onsetDate"
            type="date"
            label="Onset date"
            description="When it began (optional)."
            value={values.onsetDate}
            max={values.startedOn || undefined}
            onChange={(event) => set('onsetDate', event.currentTarget.value)}
            error={errors.onsetDate || undefined}
          />
          <TextInput
            id="new-episode-startedOn"
            type="date"
            label="Start of care"
            description="Usually the first visit."
            value={values.startedOn}
            onChange={(event) => set('startedOn', event.currentTarget.value)}
            error={errors.startedOn || undefined}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={open.isPending}>
            Open episode
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
