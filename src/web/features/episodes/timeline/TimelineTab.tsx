/**
 * The story of the episode: outcome measures over time, then every record in date order, each linking to
 * the tab (or note) where it lives.
 */
import { lazy, Suspense } from 'react';
import {
  Anchor,
  Badge,
  Group,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconCircleCheck,
  IconClipboardHeart,
  IconDoorExit,
  IconFileCertificate,
  IconFlag,
  IconNotes,
  IconPencilPlus,
  IconPrescription,
  IconReportMedical,
  IconRoute,
  IconSignature,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ClinicalChart, TimelineItem } from '../../../api/clinical.js';
import { Section } from '../../../components/Section.js';
import { episodePath, formatDay, notePath } from '../episode-ui.js';

// The charting library is large and only this tab draws charts: load it when the tab opens.
const MeasureCharts = lazy(() => import('./MeasureChart.js').then((m) => ({ default: m.MeasureCharts })));

const KIND_ICONS: Record<string, typeof IconNotes> = {
  episode_opened: IconFlag,
  prescription: IconPrescription,
  intake: IconClipboardHeart,
  consent: IconSignature,
  assessment: IconReportMedical,
  re_evaluation: IconReportMedical,
  discharge_assessment: IconFileCertificate,
  treatment_plan: IconRoute,
  session_note: IconNotes,
  addendum: IconPencilPlus,
  discharged: IconDoorExit,
};

const KIND_TABS: Record<string, string> = {
  prescription: 'prescription',
  intake: 'intake',
  consent: 'intake',
  assessment: 'assessments',
  re_evaluation: 'assessments',
  discharge_assessment: 'assessments',
  treatment_plan: 'plan',
  discharged: 'report',
};

/** Where a timeline item lives: a tab of this page, or the note editor. */
function targetOf(item: TimelineItem, clientId: string, episodeId: string): string | null {
  if ((item.kind === 'session_note' || item.kind === 'addendum') && item.refId)
    return notePath(clientId, episodeId, item.refId);
  const tab = KIND_TABS[item.kind];
  return tab ? episodePath(clientId, episodeId, tab) : null;
}

export function TimelineTab({ chart }: { chart: ClinicalChart }) {
  const { episode, client } = chart;
  const items = chart.timeline;

  return (
    <Stack gap="lg">
      <Section
        title="Outcome measures"
        description="Scores from assessments and session notes. The dashed line is the plan's goal; the shaded band is the baseline ± the minimal clinically important difference (MCID)."
      >
        {chart.measures.length === 0 ? (
          <Text size="sm" c="dimmed">
            No outcome measures yet. Score one (NDI, ODI, LEFS, QuickDASH, PSFS or pain) in the initial
            assessment to see progress here.
          </Text>
        ) : (
          <Suspense fallback={<Skeleton height={290} aria-label="Loading the charts" />}>
            <MeasureCharts measures={chart.measures} />
          </Suspense>
        )}
      </Section>

      <Section title="Timeline" description="Every record of this episode, oldest first.">
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing recorded yet.
          </Text>
        ) : (
          <Timeline
            bulletSize={30}
            lineWidth={2}
            color="palpa"
            active={items.length - 1}
            role="list"
            aria-label="Records of this episode"
          >
            {items.map((item, index) => {
              const Icon = KIND_ICONS[item.kind] ?? IconCircleCheck;
              const to = targetOf(item, client.id, episode.id);
              const draft = item.status === 'draft';
              return (
                <Timeline.Item
                  role="listitem"
                  key={`${item.kind}-${item.refId ?? ''}-${item.at}-${index}`}
                  color={draft ? 'orange' : item.kind === 'discharged' ? 'gray' : 'palpa'}
                  bullet={
                    <ThemeIcon
                      size={30}
                      radius="xl"
                      variant={draft ? 'light' : 'filled'}
                      color={draft ? 'orange' : item.kind === 'discharged' ? 'gray' : 'palpa'}
                      aria-hidden
                    >
                      <Icon size={16} stroke={1.8} />
                    </ThemeIcon>
                  }
                  lineVariant={draft ? 'dashed' : 'solid'}
                  title={
                    <Group gap="xs" wrap="wrap" component="span">
                      {to ? (
                        <Anchor component={Link} to={to} fw={600} size="sm" c="palpa.8">
                          {item.title}
                          {/* Several notes share a title: the date tells the links apart. */}
                          <VisuallyHidden component="span">, {formatDay(item.date)}</VisuallyHidden>
                        </Anchor>
                      ) : (
                        <Text span fw={600} size="sm">
                          {item.title}
                        </Text>
                      )}
                      {item.status === 'draft' && (
                        <Badge component="span" size="xs" color="orange" variant="light">
                          Draft
                        </Badge>
                      )}
                      {item.status === 'signed' && (
                        <Badge component="span" size="xs" color="teal" variant="light">
                          Signed
                        </Badge>
                      )}
                    </Group>
                  }
                >
                  <Text size="xs" c="dimmed" mt={2}>
                    <time dateTime={item.date}>{formatDay(item.date)}</time>
                  </Text>
                  {item.detail && (
                    <Text size="sm" c="gray.8" mt={2}>
                      {item.detail}
                    </Text>
                  )}
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
      </Section>
    </Stack>
  );
}
