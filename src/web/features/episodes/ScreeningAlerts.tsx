/**
 * Screening alerts from the intake: the banner at the top of the episode chart (every alert, grouped by
 * severity, with what to do and why) and the badges in the client header (the front desk sees only what
 * changes a booking).
 */
import {
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Popover,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useId } from '@mantine/hooks';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconChevronDown,
  IconChevronUp,
  IconInfoCircle,
  IconShieldCheck,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import {
  SEVERITY_LABELS,
  SEVERITY_ORDER,
  type Severity,
} from '../../../modules/screening/domain/screening-rules.js';
import { clinicalKeys, getClientAlerts, type ScreeningAlert } from '../../api/clinical.js';
import { useSessionMemory } from '../../app/session.js';
import { CautionLibraryLinks } from '../library/CautionLibraryLinks.js';
import { severityColor } from './episode-ui.js';
import { readableTextColor } from '../../app/theme.js';

const SEVERITY_ICONS: Record<Severity, typeof IconAlertTriangle> = {
  postpone_refer: IconAlertOctagon,
  local_avoid: IconAlertTriangle,
  modify: IconAlertTriangle,
  gentle: IconInfoCircle,
};

export function groupBySeverity<T extends { severity: string }>(alerts: readonly T[]) {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    alerts: alerts.filter((alert) => alert.severity === severity),
  })).filter((group) => group.alerts.length > 0);
}

function AlertDetail({ alert }: { alert: ScreeningAlert }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} lh={1.35}>
        {alert.title}
        {alert.region ? (
          <Text span size="sm" fw={400} c="dimmed">
            {' '}
            · {alert.region}
          </Text>
        ) : null}
      </Text>
      <Text size="sm" lh={1.45}>
        {alert.guidance}
      </Text>
      <Text size="xs" c="gray.7">
        <Text span size="xs" fw={600}>
          Because:
        </Text>{' '}
        {alert.because}
      </Text>
      <CautionLibraryLinks ruleId={alert.ruleId} />
    </Stack>
  );
}

/**
 * The chart's alert banner. Folded (the default), each severity is one line of alert titles, and the
 * postpone / refer guidance stays in view; unfolded, every alert shows its guidance and the reason.
 */
export function AlertBanner({ alerts }: { alerts: ScreeningAlert[] }) {
  const [open, setOpen] = useSessionMemory('episode-alert-details', false);
  const detailsId = useId();
  if (alerts.length === 0) return null;
  const groups = groupBySeverity(alerts);
  const top = groups[0]!.severity;
  const color = severityColor(top);
  const Icon = SEVERITY_ICONS[top];
  return (
    <Paper
      component="section"
      aria-labelledby={`${detailsId}-title`}
      p="md"
      bg={`${color}.0`}
      style={{
        borderColor: `var(--mantine-color-${color}-3)`,
        borderLeftWidth: 4,
        borderLeftColor: `var(--mantine-color-${color}-6)`,
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm" align="center" mb="sm">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <ThemeIcon color={color} variant="light" size={26} radius="xl" aria-hidden>
            <Icon size={16} />
          </ThemeIcon>
          <Title order={2} fz="md" id={`${detailsId}-title`}>
            Screening alerts ({alerts.length})
          </Title>
        </Group>
        <Button
          variant="subtle"
          color="gray.8"
          size="xs"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          aria-controls={detailsId}
          rightSection={
            open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />
          }
        >
          {open ? 'Hide guidance' : 'Show all guidance'}
        </Button>
      </Group>
      <Stack gap={open ? 'md' : 8} id={detailsId}>
        {groups.map((group) => {
          const groupColor = severityColor(group.severity);
          const detailed = open || group.severity === 'postpone_refer';
          return (
            <Box
              key={group.severity}
              pl="sm"
              style={{ borderLeft: `3px solid var(--mantine-color-${groupColor}-5)` }}
            >
              <Text
                size="xs"
                fw={700}
                tt="uppercase"
                c={readableTextColor(groupColor)}
                mb={detailed ? 6 : 2}
                style={{ letterSpacing: '0.04em' }}
              >
                {SEVERITY_LABELS[group.severity]}
              </Text>
              {detailed ? (
                <Stack gap="sm">
                  {group.alerts.map((alert) => (
                    <AlertDetail
                      key={`${alert.ruleId}-${alert.region ?? ''}-${alert.because}`}
                      alert={alert}
                    />
                  ))}
                </Stack>
              ) : (
                <Text size="sm" lh={1.5}>
                  {group.alerts.map((alert, index) => (
                    <span key={`${alert.ruleId}-${alert.region ?? ''}-${alert.because}`}>
                      {index > 0 && (
                        <>
                          <Text span c="dimmed" aria-hidden>
                            {'  ·  '}
                          </Text>
                          <VisuallyHidden component="span">, </VisuallyHidden>
                        </>
                      )}
                      <Text span fw={600} size="sm">
                        {alert.title}
                      </Text>
                      {alert.region && (
                        <Text span size="sm" c="gray.7">
                          {' '}
                          ({alert.region})
                        </Text>
                      )}
                    </span>
                  ))}
                </Text>
              )}
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}

function isClinicalAlert(alert: { severity: string; title: string }): alert is ScreeningAlert {
  return 'guidance' in alert;
}

function AlertBadge({ alert }: { alert: ScreeningAlert }) {
  const color = severityColor(alert.severity);
  const Icon = SEVERITY_ICONS[alert.severity];
  return (
    <Popover width={340} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <Badge
          component="button"
          type="button"
          className="mantine-focus-auto"
          color={color}
          variant="light"
          size="lg"
          leftSection={<Icon size={14} aria-hidden />}
          style={{ cursor: 'pointer', border: `1px solid var(--mantine-color-${color}-3)` }}
          aria-label={`${SEVERITY_LABELS[alert.severity]}: ${alert.title}${alert.region ? `, ${alert.region}` : ''}. Show guidance.`}
        >
          {alert.title}
          {alert.region ? ` · ${alert.region}` : ''}
        </Badge>
      </Popover.Target>
      <Popover.Dropdown aria-label={alert.title}>
        <Stack gap={6}>
          <Badge color={color} variant="light" size="sm">
            {SEVERITY_LABELS[alert.severity]}
          </Badge>
          <AlertDetail alert={alert} />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Alert badges for the client header; clinical staff can open each one for guidance and the reason. */
export function ClientAlertBadges({ clientId }: { clientId: string }) {
  const query = useQuery({
    queryKey: clinicalKeys.alerts(clientId),
    queryFn: () => getClientAlerts(clientId),
  });
  if (query.isPending) return <Skeleton height={26} width={220} radius="sm" aria-hidden />;
  if (query.isError)
    return (
      <Text size="sm" c="red.8">
        Screening alerts could not be loaded.
      </Text>
    );
  const { detail, alerts, otherAlertCount } = query.data;
  if (alerts.length === 0 && otherAlertCount === 0) {
    return (
      <Group gap={6} aria-label="Screening alerts">
        <IconShieldCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
        <Text size="sm" c="gray.7">
          No screening alerts
        </Text>
      </Group>
    );
  }
  const ordered = groupBySeverity(alerts).flatMap((group) => group.alerts);
  return (
    <Group gap={6} role="group" aria-label="Screening alerts" mt={4}>
      {detail === 'clinical'
        ? ordered
            .filter(isClinicalAlert)
            .map((alert) => (
              <AlertBadge key={`${alert.ruleId}-${alert.region ?? ''}-${alert.because}`} alert={alert} />
            ))
        : ordered.map((alert) => (
            <Badge
              key={`${alert.severity}-${alert.title}`}
              color={severityColor(alert.severity)}
              variant="light"
              size="lg"
              leftSection={<IconAlertOctagon size={14} aria-hidden />}
              style={{ border: `1px solid var(--mantine-color-${severityColor(alert.severity)}-3)` }}
            >
              {SEVERITY_LABELS[alert.severity as Severity] ?? 'Alert'}: {alert.title}
            </Badge>
          ))}
      {otherAlertCount > 0 && (
        <Badge color="gray" variant="outline" size="lg">
          {otherAlertCount} other precaution{otherAlertCount === 1 ? '' : 's'}
        </Badge>
      )}
    </Group>
  );
}
