/**
 * Route /clients/:clientId/episodes/:episodeId — one episode of care. Clinical staff see the whole chart
 * in tabs; a biller sees diagnoses and signed services only; anyone else is sent back to the client page.
 */
import { type ReactNode } from 'react';
import { Badge, Button, Group, Paper, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import {
  IconCalendarEvent,
  IconClipboardHeart,
  IconFileDescription,
  IconNotes,
  IconPrescription,
  IconReportMedical,
  IconRoute,
  IconTimeline,
} from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { clinicalKeys, getChart, type ClinicalChart } from '../../api/clinical.js';
import { isApiError } from '../../api/http.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { ageOn } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { AssessmentsTab } from './assessments/AssessmentsTab.js';
import { BillerView } from './BillerView.js';
import {
  EpisodeStatusBadge,
  formatDay,
  payerLabel,
  useRefreshEpisode,
  UsageWarnings,
  VisitUsage,
} from './episode-ui.js';
import { IntakeTab } from './intake/IntakeTab.js';
import { NotesTab } from './notes/NotesTab.js';
import { PlanTab } from './plan/PlanTab.js';
import { PrescriptionTab } from './prescription/PrescriptionTab.js';
import { ReportTab } from './report/ReportTab.js';
import { AlertBanner } from './ScreeningAlerts.js';
import { TimelineTab } from './timeline/TimelineTab.js';

export const EPISODE_TABS = [
  { value: 'timeline', label: 'Timeline', icon: IconTimeline },
  { value: 'prescription', label: 'Prescription', icon: IconPrescription },
  { value: 'intake', label: 'Intake', icon: IconClipboardHeart },
  { value: 'assessments', label: 'Assessments', icon: IconReportMedical },
  { value: 'plan', label: 'Plan', icon: IconRoute },
  { value: 'notes', label: 'Notes', icon: IconNotes },
  { value: 'report', label: 'Report', icon: IconFileDescription },
] as const;
export type EpisodeTab = (typeof EPISODE_TABS)[number]['value'];

const isTab = (value: string | null): value is EpisodeTab => EPISODE_TABS.some((tab) => tab.value === value);

export function EpisodePage() {
  const { clientId = '', episodeId = '' } = useParams();
  const canRead = useCan('clinical:read');
  const canServices = useCan('clinical:services');
  if (canRead) return <ChartView clientId={clientId} episodeId={episodeId} />;
  if (canServices) return <BillerView clientId={clientId} episodeId={episodeId} />;
  return (
    <>
      <PageHeader
        title="Episode of care"
        back={{ to: `/clients/${clientId}`, label: 'Client' }}
        description="The clinical record is for therapists."
      />
      <Paper p="lg" maw={560}>
        <Stack gap="md" align="flex-start">
          <Text>You can see this episode&apos;s visit counts on the client page.</Text>
          <Button component={Link} to={`/clients/${clientId}#episodes`}>
            Go to the client page
          </Button>
        </Stack>
      </Paper>
    </>
  );
}

function ChartView({ clientId, episodeId }: { clientId: string; episodeId: string }) {
  const query = useQuery({ queryKey: clinicalKeys.chart(episodeId), queryFn: () => getChart(episodeId) });

  if (query.isPending) {
    return (
      <Stack gap="lg" aria-busy="true">
        <PageHeader title="Episode of care" back={{ to: `/clients/${clientId}`, label: 'Client' }}>
          <Skeleton height={16} width={300} />
        </PageHeader>
        <Skeleton height={40} />
        <Paper p="lg">
          <Stack gap="md">
            <Skeleton height={20} width={200} />
            <Skeleton height={160} />
          </Stack>
        </Paper>
      </Stack>
    );
  }

  if (query.isError) {
    const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <>
        <PageHeader
          title={notFound ? 'Episode not found' : 'Episode of care'}
          back={{ to: `/clients/${clientId}`, label: 'Client' }}
        />
        {notFound ? (
          <Text>This episode does not exist in your clinic, or the link is wrong.</Text>
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

  return <Chart chart={query.data} clientId={clientId} />;
}

function Chart({ chart, clientId }: { chart: ClinicalChart; clientId: string }) {
  const { episode, client } = chart;
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: EpisodeTab = isTab(requested) ? requested : 'timeline';
  const onChanged = useRefreshEpisode(episode.id, client.id);
  const latest = chart.prescriptions.at(-1);
  const age = ageOn(client.dateOfBirth);
  // Seven tabs fit a tablet's width without their icons.
  const withIcons = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });

  const counts: Partial<Record<EpisodeTab, number>> = {
    prescription: chart.prescriptions.length,
    assessments: chart.assessments.length,
    notes: chart.notes.length,
  };
  const drafts = chart.notes.filter((note) => note.status === 'draft').length;

  const selectTab = (value: string | null) => {
    if (!isTab(value)) return;
    const next = new URLSearchParams(params);
    if (value === 'timeline') next.delete('tab');
    else next.set('tab', value);
    setParams(next, { replace: true, preventScrollReset: true });
  };

  let panel: ReactNode;
  switch (tab) {
    case 'timeline':
      panel = <TimelineTab chart={chart} />;
      break;
    case 'prescription':
      panel = <PrescriptionTab chart={chart} onChanged={onChanged} />;
      break;
    case 'intake':
      panel = <IntakeTab chart={chart} onChanged={onChanged} />;
      break;
    case 'assessments':
      panel = <AssessmentsTab chart={chart} onChanged={onChanged} />;
      break;
    case 'plan':
      panel = <PlanTab chart={chart} onChanged={onChanged} />;
      break;
    case 'notes':
      panel = <NotesTab chart={chart} onChanged={onChanged} />;
      break;
    case 'report':
      panel = <ReportTab chart={chart} onChanged={onChanged} />;
      break;
  }

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span" wrap="wrap">
            <span>{episode.title}</span>
            <EpisodeStatusBadge status={episode.status} />
          </Group>
        }
        // Not the client's name: browser history on a shared computer keeps page titles.
        documentTitle="Episode of care"
        back={{ to: `/clients/${clientId || client.id}`, label: client.name }}
        actions={latest && <UsageCard prescription={latest} />}
      >
        <Text size="sm" c="gray.7">
          <Text span fw={600} size="sm" c="gray.9">
            {client.name}
          </Text>
          {' · '}Born {formatDay(client.dateOfBirth)}
          {age !== undefined ? ` (${age} years)` : ''}
        </Text>
        <Group gap="md" wrap="wrap">
          <Text size="sm" c="gray.7">
            {payerLabel(episode.payerContext)}
          </Text>
          <Group gap={4} wrap="nowrap">
            <IconCalendarEvent size={14} aria-hidden color="var(--mantine-color-gray-6)" />
            <Text size="sm" c="gray.7">
              Started {formatDay(episode.startedOn)}
              {episode.onsetDate ? ` · onset ${formatDay(episode.onsetDate)}` : ''}
              {episode.status === 'discharged' && episode.dischargedOn
                ? ` · discharged ${formatDay(episode.dischargedOn)}`
                : ''}
            </Text>
          </Group>
        </Group>
      </PageHeader>

      <Stack gap="lg">
        <AlertBanner alerts={chart.alerts} />

        <Tabs value={tab} onChange={selectTab} keepMounted={false} variant="outline">
          <Tabs.List aria-label="Parts of the chart" style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
            {EPISODE_TABS.map((item) => {
              const count = counts[item.value];
              return (
                <Tabs.Tab
                  key={item.value}
                  value={item.value}
                  leftSection={withIcons ? <item.icon size={16} aria-hidden /> : undefined}
                  rightSection={
                    item.value === 'notes' && drafts > 0 ? (
                      <Badge size="xs" color="orange" variant="light" aria-label={`${drafts} draft`}>
                        {drafts} draft
                      </Badge>
                    ) : count ? (
                      <Badge size="xs" color="gray" variant="light" circle={count < 10}>
                        {count}
                      </Badge>
                    ) : undefined
                  }
                  style={{ flexShrink: 0 }}
                  px={withIcons ? undefined : 'sm'}
                >
                  {item.label}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          <Tabs.Panel value={tab} pt="lg">
            {panel}
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}

function UsageCard({ prescription }: { prescription: ClinicalChart['prescriptions'][number] }) {
  return (
    <Paper p="sm" w={{ base: '100%', xs: 300 }} shadow="xs">
      <Stack gap={6}>
        <VisitUsage prescription={prescription} label="Visits" />
        <Text size="xs" c="dimmed">
          {prescription.expiresOn
            ? `Prescription expires ${formatDay(prescription.expiresOn)}`
            : 'No expiry date'}
        </Text>
        <UsageWarnings usage={prescription.usage} compact />
      </Stack>
    </Paper>
  );
}
