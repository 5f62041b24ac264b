import { Button, Center, Skeleton, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { listAuditEvents } from '../../api/audit.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { Section } from '../../components/Section.js';
import { AuditEventsTable } from './AuditEventsTable.js';
import { useStaffNames } from './useStaffNames.js';

/** Who opened or changed this client, newest first (owners only). */
export function ClientActivity({ clientId }: { clientId: string }) {
  const { names } = useStaffNames();
  const events = useInfiniteQuery({
    queryKey: ['audit', { clientId }],
    queryFn: ({ pageParam }) => listAuditEvents({ clientId, limit: 20, beforeId: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  // Reading this very list is logged too; those entries would only repeat themselves here.
  const items = (events.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (event) => event.action !== 'audit.read',
  );

  return (
    <Section title="Activity" description="Everyone who viewed or changed this client, newest first.">
      {events.isPending ? (
        <Stack gap="xs">
          <Skeleton height={14} />
          <Skeleton height={14} />
          <Skeleton height={14} width="70%" />
        </Stack>
      ) : events.isError ? (
        <ApiErrorAlert error={events.error} title="The activity could not be loaded" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No activity recorded yet.
        </Text>
      ) : (
        <>
          <AuditEventsTable
            events={items}
            staffNames={names}
            showClient={false}
            label="Activity for this client"
          />
          {events.hasNextPage && (
            <Center mt="sm">
              <Button
                variant="default"
                size="xs"
                loading={events.isFetchingNextPage}
                onClick={() => void events.fetchNextPage()}
              >
                Load older
              </Button>
            </Center>
          )}
        </>
      )}
    </Section>
  );
}
