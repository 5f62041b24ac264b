import {
  Anchor,
  Badge,
  Button,
  Center,
  CloseButton,
  EmptyState,
  Group,
  Loader,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { searchClients, type ArchivedFilter, type Client } from '../../api/clients.js';
import { useCan, useSessionMemory } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { ageOn, formatDateOnly } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';

const PAGE_SIZE = 25;

function ClientRow({ client }: { client: Client }) {
  const navigate = useNavigate();
  const age = ageOn(client.dateOfBirth);
  const to = `/clients/${client.id}`;
  return (
    <Table.Tr
      className="row-link"
      onClick={(event) => {
        // The name link handles keyboard and middle clicks; a click elsewhere on the row opens it too.
        if ((event.target as HTMLElement).closest('a')) return;
        void navigate(to);
      }}
    >
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={to} fw={600} c="palpa.8">
            {client.givenName} {client.familyName}
          </Anchor>
          {client.archived && (
            <Badge color="gray" variant="light" size="sm">
              Archived
            </Badge>
          )}
        </Group>
        {client.preferredName && (
          <Text size="xs" c="dimmed">
            Goes by {client.preferredName}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {formatDateOnly(client.dateOfBirth)}
        {age !== undefined && (
          <Text span size="sm" c="dimmed">
            {' '}
            ({age})
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {client.phone ?? (
          <Text span c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ wordBreak: 'break-word' }}>
        {client.email ?? (
          <Text span c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function LoadingRows() {
  return (
    <>
      {[0, 1, 2, 3, 4].map((row) => (
        <Table.Tr key={row}>
          {[40, 28, 22, 30].map((width, cell) => (
            <Table.Td key={cell}>
              <Skeleton height={14} width={`${width + ((row * 7) % 20)}%`} miw={60} />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </>
  );
}

export function ClientsPage() {
  const canWrite = useCan('clients:write');
  // Search words are client data: they stay in this tab's memory (forgotten at sign-out), never in the
  // address, where the browser's history on a shared front-desk computer would keep them.
  const [input, setInput] = useSessionMemory('clients.search', '');
  const [showArchived, setShowArchived] = useSessionMemory('clients.showArchived', false);
  const archived: ArchivedFilter = showArchived ? 'include' : 'exclude';
  const [q] = useDebouncedValue(input.trim(), 300);

  const results = useInfiniteQuery({
    queryKey: ['clients', 'search', { q, archived }],
    queryFn: ({ pageParam, signal }) =>
      searchClients({ q: q || undefined, archived, limit: PAGE_SIZE, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    placeholderData: keepPreviousData,
  });

  const clients = results.data?.pages.flatMap((page) => page.items) ?? [];
  const searching = q !== '' || archived !== 'exclude';
  const noClientsYet = !results.isPending && !results.isError && clients.length === 0 && !searching;
  const typing = input.trim() !== q;

  return (
    <>
      <PageHeader
        title="Clients"
        description="Find a client by name, phone, email or date of birth."
        actions={
          canWrite && (
            <Button component={Link} to="/clients/new" leftSection={<IconPlus size={16} aria-hidden />}>
              New client
            </Button>
          )
        }
      />

      <Paper p={0}>
        <Stack gap={0}>
          <Group p="md" gap="md" align="flex-end" wrap="wrap" role="search">
            <TextInput
              label="Search clients"
              placeholder="Name, phone, email or date of birth"
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={
                typing || (results.isFetching && !results.isFetchingNextPage) ? (
                  <Loader size={16} aria-label="Searching" />
                ) : input ? (
                  <CloseButton size="sm" aria-label="Clear search" onClick={() => setInput('')} />
                ) : null
              }
              value={input}
              onChange={(event) => setInput(event.currentTarget.value)}
              style={{ flex: '1 1 280px' }}
              autoComplete="off"
              spellCheck={false}
            />
            <Switch
              label="Show archived clients"
              checked={archived === 'include'}
              onChange={(event) => setShowArchived(event.currentTarget.checked)}
              mb={8}
            />
          </Group>

          {results.isError && (
            <ApiErrorAlert error={results.error} m="md" mt={0} title="The clients could not be loaded" />
          )}

          {noClientsYet ? (
            <EmptyState
              py={48}
              px="md"
              variant="light"
              icon={<IconUsers size={28} aria-hidden />}
              title="No clients yet"
              description="Add your clinic's first client to start keeping records in Palpa."
            >
              {canWrite && (
                <EmptyState.Actions>
                  <Button
                    component={Link}
                    to="/clients/new"
                    leftSection={<IconUserPlus size={16} aria-hidden />}
                  >
                    Add the first client
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table highlightOnHover={false} aria-label="Clients" aria-busy={results.isFetching}>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Date of birth</Table.Th>
                    <Table.Th>Phone</Table.Th>
                    <Table.Th>Email</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {results.isPending ? (
                    <LoadingRows />
                  ) : (
                    clients.map((client) => <ClientRow key={client.id} client={client} />)
                  )}
                  {!results.isPending && !results.isError && clients.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={4}>
                        <Stack gap={4} py="lg" align="center">
                          <Text fw={600}>{q ? `No clients match “${q}”` : 'No clients to show'}</Text>
                          <Text size="sm" c="dimmed" ta="center">
                            Try part of the name, a phone number, an email address, or a date of birth like
                            1985-03-14.
                            {archived === 'exclude' && ' Archived clients are hidden unless you show them.'}
                          </Text>
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}

          {results.hasNextPage && (
            <Center p="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
              <Button
                variant="default"
                loading={results.isFetchingNextPage}
                onClick={() => void results.fetchNextPage()}
              >
                Load more
              </Button>
            </Center>
          )}
        </Stack>
      </Paper>
      <Text size="xs" c="dimmed" mt="sm" aria-live="polite">
        {!results.isPending &&
          clients.length > 0 &&
          `Showing ${clients.length} client${clients.length === 1 ? '' : 's'}${results.hasNextPage ? ' — more below' : ''}.`}
      </Text>
    </>
  );
}
