import type { Ref } from 'react';
import { Alert, Anchor, Badge, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconCircleCheck,
  IconHandStop,
  IconInfoCircle,
  IconFeather,
} from '@tabler/icons-react';
import type { ScreeningAlert } from '../../../api/clinical.js';
import {
  MODALITIES,
  SEVERITY_LABELS,
  SEVERITY_ORDER,
  type Severity,
} from '../../../../modules/screening/domain/screening-rules.js';
import { CautionLibraryLinks } from '../../library/CautionLibraryLinks.js';

/** Most serious in red; gentle treatment is information, not a warning. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  postpone_refer: 'red',
  local_avoid: 'orange',
  modify: 'yellow',
  gentle: 'blue',
};

const SEVERITY_ICONS: Record<Severity, typeof IconAlertOctagon> = {
  postpone_refer: IconAlertOctagon,
  local_avoid: IconHandStop,
  modify: IconAlertTriangle,
  gentle: IconFeather,
};

const SEVERITY_HINTS: Record<Severity, string> = {
  postpone_refer: 'Do not treat until cleared: must be acknowledged before a session note is signed.',
  local_avoid: 'Treat elsewhere; avoid the named area.',
  modify: 'Treat with changes to pressure, position or technique.',
  gentle: 'Treat gently and watch the response.',
};

const MODALITY_LABELS = new Map<string, string>(MODALITIES.map((m) => [m.code, m.label]));

type Props = {
  alerts: ScreeningAlert[];
  /** True once an intake was saved: "no alerts" then means the history raised none. */
  screened: boolean;
  /** Whether the reader can save the intake (the hint about screening again is for them). */
  canWrite?: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
};

/** The contraindication screening of the saved intake, grouped by severity, each with its source. */
export function ScreeningAlerts({ alerts, screened, canWrite = true, headingRef }: Props) {
  const groups = SEVERITY_ORDER.map((severity) => ({
    severity,
    items: alerts.filter((a) => a.severity === severity),
  })).filter((g) => g.items.length > 0);

  return (
    <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="intake-alerts-heading">
      <Group justify="space-between" align="flex-start" mb={alerts.length ? 'md' : 'xs'} gap="sm">
        <Stack gap={2}>
          <Title order={2} id="intake-alerts-heading" ref={headingRef} tabIndex={-1}>
            Screening alerts{alerts.length > 0 ? ` (${alerts.length})` : ''}
          </Title>
          <Text size="sm" c="dimmed">
            {screened
              ? `From the saved health history.${canWrite ? ' Saving the intake again screens it again.' : ''}`
              : 'The health history is screened for contraindications when the intake is saved.'}
          </Text>
        </Stack>
        {groups.length > 0 && (
          <Group gap={6} aria-label="Alerts by severity">
            {groups.map((g) => (
              <Badge key={g.severity} color={SEVERITY_COLORS[g.severity]} variant="light">
                {g.items.length} {SEVERITY_LABELS[g.severity].toLowerCase()}
              </Badge>
            ))}
          </Group>
        )}
      </Group>

      {screened && alerts.length === 0 && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />}>
          No contraindications or precautions were found in this health history.
        </Alert>
      )}

      <Stack gap="lg">
        {groups.map((group) => {
          const Icon = SEVERITY_ICONS[group.severity];
          const color = SEVERITY_COLORS[group.severity];
          return (
            <Stack
              key={group.severity}
              gap="xs"
              component="section"
              aria-label={SEVERITY_LABELS[group.severity]}
            >
              <Group gap="xs" wrap="nowrap">
                <ThemeIcon color={color} variant="light" size="md" radius="sm" aria-hidden>
                  <Icon size={18} />
                </ThemeIcon>
                <div>
                  <Title order={3}>{SEVERITY_LABELS[group.severity]}</Title>
                  <Text size="xs" c="dimmed">
                    {SEVERITY_HINTS[group.severity]}
                  </Text>
                </div>
              </Group>
              {group.items.map((alert, index) => (
                <AlertCard key={`${alert.ruleId}-${index}`} alert={alert} color={color} />
              ))}
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}

function AlertCard({ alert, color }: { alert: ScreeningAlert; color: string }) {
  const sources = [alert.source, ...alert.otherSources];
  return (
    <Paper
      p="md"
      withBorder
      style={{
        borderLeft: `4px solid var(--mantine-color-${color}-6)`,
        background: `var(--mantine-color-${color}-0)`,
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={650}>{alert.title}</Text>
          {alert.region && (
            <Badge color="gray" variant="outline" size="sm">
              Region: {alert.region}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          <Text span size="sm" fw={600}>
            Because:{' '}
          </Text>
          {alert.because}
        </Text>
        <Text size="sm">{alert.guidance}</Text>
        <CautionLibraryLinks ruleId={alert.ruleId} size="sm" />
        {alert.modalitiesToAvoid.length > 0 && (
          <Group gap={6} align="center">
            <Text size="sm" fw={600}>
              Avoid:
            </Text>
            {alert.modalitiesToAvoid.map((m) => (
              <Badge key={m} color={color === 'yellow' ? 'orange' : color} variant="light" size="sm">
                {MODALITY_LABELS.get(m) ?? m}
              </Badge>
            ))}
          </Group>
        )}
        {alert.weak && (
          <Group gap={4} wrap="nowrap" align="flex-start">
            <IconInfoCircle size={14} aria-hidden style={{ marginTop: 2, flexShrink: 0 }} />
            <Text size="xs" c="gray.7">
              Rests on a secondary or unverified source: confirm before relying on it.
            </Text>
          </Group>
        )}
        <Text size="xs" c="dimmed">
          Source{sources.length > 1 ? 's' : ''}:{' '}
          {sources.map((source, index) => (
            <span key={`${source.ref}-${index}`}>
              {index > 0 && '; '}
              {source.url ? (
                <Anchor href={source.url} target="_blank" rel="noopener noreferrer" size="xs" c="palpa.8">
                  [{source.ref}] {source.title}
                </Anchor>
              ) : (
                `[${source.ref}] ${source.title}`
              )}
            </span>
          ))}
        </Text>
      </Stack>
    </Paper>
  );
}
