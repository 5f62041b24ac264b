/**
 * Small pieces shared by the episode screens and the client page: dates, frequency, status, visit usage
 * and prescription warnings, so every screen words and colours them the same way.
 */
import { Badge, Group, List, Progress, Stack, Text, ThemeIcon, type MantineColor } from '@mantine/core';
import { IconAlertTriangle, IconCircleX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { PAYER_CONTEXT_LABELS, type PayerContext } from '../../../modules/episodes/domain/episode.js';
import type { Severity } from '../../../modules/screening/domain/screening-rules.js';
import { formatCalendarDate, isValidCalendarDate } from '../../../platform/domain/calendar-date.js';
import { clinicalKeys, type Episode } from '../../api/clinical.js';
import { readableTextColor } from '../../app/theme.js';

/** "Oct 6, 2026" for "2026-10-06", straight from the string (no time zone); anything else as given. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '';
  const date = value.slice(0, 10);
  return isValidCalendarDate(date) ? formatCalendarDate(date) : value;
}

export const payerLabel = (payer: string): string =>
  PAYER_CONTEXT_LABELS[payer as PayerContext] ?? payer.replace(/_/g, ' ');

export const PAYER_OPTIONS = Object.entries(PAYER_CONTEXT_LABELS).map(([value, label]) => ({ value, label }));

/** "2×/week for 6 weeks", "2×/week", "for 6 weeks", or null. */
export function frequencyText(perWeek: number | null, weeks: number | null): string | null {
  if (perWeek && weeks) return `${perWeek}×/week for ${weeks} week${weeks === 1 ? '' : 's'}`;
  if (perWeek) return `${perWeek}×/week`;
  if (weeks) return `for ${weeks} week${weeks === 1 ? '' : 's'}`;
  return null;
}

export function EpisodeStatusBadge({
  status,
  size = 'md',
}: {
  status: Episode['status'];
  size?: 'sm' | 'md';
}) {
  return status === 'open' ? (
    <Badge color="teal" variant="light" size={size}>
      Open
    </Badge>
  ) : (
    <Badge color="gray" variant="light" size={size}>
      Discharged
    </Badge>
  );
}

export const SEVERITY_COLORS: Record<Severity, MantineColor> = {
  postpone_refer: 'red',
  local_avoid: 'orange',
  modify: 'yellow',
  gentle: 'blue',
};

export const severityColor = (severity: string): MantineColor =>
  SEVERITY_COLORS[severity as Severity] ?? 'gray';

type Usage = { used: number; remaining: number | null; state: string; warnings: string[] };
type UsageTerms = { visitsAuthorised: number | null; usage: Usage };

/** Red when the prescription no longer covers a visit, yellow when it soon will not. */
export function usageColor(usage: Usage): MantineColor {
  if (usage.state === 'expired' || usage.state === 'exhausted') return 'red';
  if (usage.warnings.length > 0 || usage.state === 'not_yet_valid') return 'yellow';
  return 'teal';
}

/** "10 of 12 visits used" with a bar, or "4 visits" when the prescription sets no number. */
export function VisitUsage({ prescription, label }: { prescription: UsageTerms; label?: string }) {
  const { usage, visitsAuthorised } = prescription;
  const color = usageColor(usage);
  if (!visitsAuthorised) {
    return (
      <Text size="sm">
        {usage.used} visit{usage.used === 1 ? '' : 's'} used{' '}
        <Text span size="sm" c="dimmed">
          (no visit limit on the prescription)
        </Text>
      </Text>
    );
  }
  const percent = Math.min(100, Math.round((usage.used / visitsAuthorised) * 100));
  const text = `${usage.used} of ${visitsAuthorised} used`;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {label ? `${label}: ` : ''}
          {text}
        </Text>
        {usage.remaining !== null && (
          <Text size="xs" c={usage.remaining <= 0 ? 'red.8' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
            {usage.remaining > 0 ? `${usage.remaining} left` : 'none left'}
          </Text>
        )}
      </Group>
      <Progress.Root size="sm" radius="xl">
        <Progress.Section
          value={percent}
          color={color}
          withAria={false}
          role="progressbar"
          aria-label="Visits used"
          aria-valuemin={0}
          aria-valuemax={visitsAuthorised}
          aria-valuenow={usage.used}
          aria-valuetext={`${usage.used} of ${visitsAuthorised} visits used`}
        />
      </Progress.Root>
    </Stack>
  );
}

/** The prescription's warnings (renewal soon, expired, visits used up), red when it no longer covers. */
export function UsageWarnings({ usage, compact = false }: { usage: Usage; compact?: boolean }) {
  if (usage.warnings.length === 0) return null;
  const severe = usage.state === 'expired' || usage.state === 'exhausted';
  const color = severe ? 'red' : 'yellow';
  const Icon = severe ? IconCircleX : IconAlertTriangle;
  return (
    <List
      spacing={2}
      size="sm"
      icon={
        <ThemeIcon color={color} variant="light" size={compact ? 18 : 20} radius="xl" aria-hidden>
          <Icon size={compact ? 12 : 14} />
        </ThemeIcon>
      }
      styles={{ itemWrapper: { alignItems: 'flex-start' } }}
    >
      {usage.warnings.map((warning) => (
        <List.Item key={warning}>
          <Text size="sm" c={readableTextColor(severe ? 'red' : 'yellow')} fw={500}>
            {warning}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

export const episodePath = (clientId: string, episodeId: string, tab?: string) =>
  `/clients/${clientId}/episodes/${episodeId}${tab && tab !== 'timeline' ? `?tab=${tab}` : ''}`;

export const notePath = (clientId: string, episodeId: string, noteId: string) =>
  `/clients/${clientId}/episodes/${episodeId}/notes/${noteId}`;

/** After any clinical write: refetch the chart and the client's overview and alerts. */
export function useRefreshEpisode(episodeId: string, clientId: string | undefined) {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: clinicalKeys.chart(episodeId) });
    if (clientId) {
      void queryClient.invalidateQueries({ queryKey: clinicalKeys.overview(clientId) });
      void queryClient.invalidateQueries({ queryKey: clinicalKeys.alerts(clientId) });
    }
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  }, [queryClient, episodeId, clientId]);
}
