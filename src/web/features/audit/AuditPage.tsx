import { Anchor, Button, Center, Group, NativeSelect, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { listAuditEvents } from '../../api/audit.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { AuditEventsTable } from './AuditEventsTable.js';
import { useStaffNames } from './useStaffNames.js';

const PAGE_SIZE = 50;

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const userId = params.get('userId') ?? '';
  const clientId = params.get('clientId') ?? '';
  const { staff, names } = useStaffNames();

  const events = useInfiniteQuery({
    queryKey: ['audit', { userId, clientId }],
    queryFn: ({ pageParam }) =>
      listAuditEvents({
        userId: userId || undefined,
        clientId: clientId || undefined,
        beforeId: pageParam,
        limit: PAGE_SIZE,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  const setFilter = (key: 'userId' | 'clientId', value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const staffOptions = [
    { value: '', label: 'Everyone' },
    ...(staff.data?.items ?? [])
      .slice()
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((member) => ({
        value: member.id,
        label: member.deactivatedAt ? `${member.name} (deactivated)` : member.name,
      })),
  ];

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in, every view and every change of client records, newest first. Only owners see this log."
      />
      <Paper p={0}>
        <Group p="md" gap="md" align="flex-end" wrap="wrap">
          <NativeSelect
            label="Staff member"
            data={staffOptions}
            value={userId}
            onChange={(event) => setFilter('userId', event.currentTarget.value)}
            w={{ base: '100%', xs: 280 }}
            disabled={staff.isPending}
          />
          {clientId && (
            <Group gap="sm" mb={6}>
              <Text size="sm">
                Showing one client&rsquo;s events.{' '}
                <Anchor component={Link} to={`/clients/${clientId}`} size="sm">
                  Open client
                </Anchor>
              </Text>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconFilterOff size={14} aria-hidden />}
                onClick={() => setFilter('clientId', '')}
              >
                Show all clients
              </Button>
            </Group>
          )}
        </Group>
        {events.isError && (
          <ApiErrorAlert error={events.error} m="md" mt={0} title="The audit log could not be loaded" />
        )}
        {events.isPending ? (
          <Stack gap="sm" p="md" aria-busy="true">
            {[0, 1, 2, 3, 4, 5].map((row) => (
              <Skeleton key={row} height={18} />
            ))}
          </Stack>
        ) : items.length === 0 && !events.isError ? (
          <Text p="md" c="dimmed" size="sm">
            No events match this filter.
          </Text>
        ) : (
          <AuditEventsTable events={items} staffNames={names} label="Audit events" />
        )}
        {events.hasNextPage && (
          <Center p="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Button
              variant="default"
              loading={events.isFetchingNextPage}
              onClick={() => void events.fetchNextPage()}
            >
              Load older
            </Button>
          </Center>
        )}
      </Paper>
    </>
  );
}
