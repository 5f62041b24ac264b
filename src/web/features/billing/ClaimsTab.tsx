/**
 * Claims, newest first, with a status filter; sending every ready claim as one 837P batch (the file is
 * downloaded for the clearinghouse), and the batches sent so far.
 */
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileExport, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { CLAIM_STATUSES, type ClaimStatus } from '../../../modules/claims/domain/claim-lifecycle.js';
import {
  batchFile,
  billingKeys,
  listBatches,
  listClaims,
  saveFile,
  sendReadyClaims,
} from '../../api/billing.js';
import { useCan, useSessionMemory } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { formatDay } from '../episodes/episode-ui.js';
import {
  claimPath,
  ClaimStatusBadge,
  claimStatusLabel,
  dateRange,
  DownloadButton,
  formatMoney,
  Money,
} from './billing-ui.js';

type Filter = ClaimStatus | 'all';
const FILTER_OPTIONS = [
  { value: 'all', label: 'All statuses' },
  ...CLAIM_STATUSES.map((status) => ({ value: status, label: claimStatusLabel(status) })),
];

export function ClaimsTab() {
  const canWrite = useCan('billing:write');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [filter, setFilter] = useSessionMemory<Filter>('billing.claims.filter', 'all');
  const status = filter === 'all' ? undefined : filter;
  const claims = useQuery({
    queryKey: billingKeys.claims({ status }),
    queryFn: () => listClaims({ status }),
  });
  const ready = useQuery({
    queryKey: billingKeys.claims({ status: 'ready' }),
    queryFn: () => listClaims({ status: 'ready' }),
  });
  const batches = useQuery({ queryKey: billingKeys.batches, queryFn: listBatches });
  const readyCount = ready.data?.items.length ?? 0;
  const readyTotal = ready.data?.items.reduce((sum, claim) => sum + claim.totalChargeCents, 0) ?? 0;
  const [lastBatch, setLastBatch] = useState<{ fileName: string; count: string | null } | null>(null);

  const send = useMutation({
    mutationFn: () => sendReadyClaims(),
    onSuccess: (file) => {
      saveFile(file);
      const count = file.headers.get('x-claim-count');
      setLastBatch({ fileName: file.fileName, count });
      notifications.show({
        color: 'teal',
        title: 'Batch made',
        message: `${count ?? 'The'} ${count === '1' ? 'claim was' : 'claims were'} put in ${file.fileName}: upload it to the clearinghouse.`,
      });
      void queryClient.invalidateQueries({ queryKey: billingKeys.all });
    },
  });

  return (
    <Stack gap="lg">
      <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="claims-heading">
        <Group justify="space-between" align="flex-end" gap="sm" mb="md">
          <Stack gap={2} style={{ flex: '1 1 260px' }}>
            <Title order={2} id="claims-heading">
              Claims
            </Title>
            <Text size="sm" c="dimmed">
              Newest first. Open a claim to check, fix and send it.
            </Text>
          </Stack>
          <Group gap="sm" align="flex-end">
            <NativeSelect
              label="Status"
              data={FILTER_OPTIONS}
              value={filter}
              onChange={(event) => setFilter(event.currentTarget.value as Filter)}
              w={220}
            />
          </Group>
        </Group>

        {claims.isPending ? (
          <Stack gap="xs" aria-busy="true" aria-label="Loading claims">
            <Skeleton height={20} />
            <Skeleton height={20} />
            <Skeleton height={20} />
          </Stack>
        ) : claims.isError ? (
          <ApiErrorAlert error={claims.error} title="The claims could not be loaded" />
        ) : claims.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {filter === 'all'
              ? 'No claims yet. Create one from the visits to bill.'
              : `No claim is ${claimStatusLabel(filter).toLowerCase()}.`}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table horizontalSpacing="sm" striped="even" stripedColor="gray.0">
              <VisuallyHidden component="caption">Claims, newest first</VisuallyHidden>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>Control no.</Table.Th>
                  <Table.Th>Client</Table.Th>
                  <Table.Th>Payer</Table.Th>
                  <Table.Th>Dates of service</Table.Th>
                  <Table.Th ta="right">Total</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {claims.data.items.map((claim) => (
                  <Table.Tr
                    key={claim.id}
                    className="row-link"
                    onClick={(event) => {
                      if ((event.target as HTMLElement).closest('a')) return;
                      void navigate(claimPath(claim.id));
                    }}
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor
                        component={Link}
                        to={claimPath(claim.id)}
                        fw={600}
                        c="palpa.8"
                        ff="monospace"
                        size="sm"
                      >
                        {claim.controlNumber}
                      </Anchor>
                      {claim.frequencyCode !== '1' && (
                        <Text size="xs" c="dimmed">
                          {claim.frequencyCode === '7' ? 'Replacement' : 'Void'}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{claim.clientName}</Table.Td>
                    <Table.Td>{claim.payerName}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {dateRange(claim.firstServiceDate, claim.lastServiceDate, formatDay)}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money cents={claim.totalChargeCents} />
                    </Table.Td>
                    <Table.Td>
                      <ClaimStatusBadge status={claim.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="batches-heading">
        <Group justify="space-between" align="flex-start" gap="sm" mb="md">
          <Stack gap={2} style={{ flex: '1 1 260px' }}>
            <Title order={2} id="batches-heading">
              Send to the clearinghouse
            </Title>
            <Text size="sm" c="dimmed">
              {readyCount === 0
                ? 'No claim is marked ready. Mark claims ready on their page after the check passes.'
                : `${readyCount} ${readyCount === 1 ? 'claim is' : 'claims are'} ready, ${formatMoney(readyTotal)} in all. Sending makes one 837P file and marks them submitted.`}
            </Text>
          </Stack>
          {canWrite && (
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              onClick={() => send.mutate()}
              loading={send.isPending}
              disabled={readyCount === 0}
            >
              Send ready claims (837P)
            </Button>
          )}
        </Group>
        {send.error !== null && (
          <ApiErrorAlert
            error={send.error}
            title="No batch was made"
            mb="md"
            withCloseButton
            onClose={() => send.reset()}
          />
        )}
        {lastBatch && (
          <Alert color="teal" variant="light" icon={<IconInfoCircle aria-hidden />} mb="md" role="status">
            {lastBatch.fileName} was downloaded
            {lastBatch.count
              ? ` with ${lastBatch.count} ${lastBatch.count === '1' ? 'claim' : 'claims'}`
              : ''}
            . Upload it to the clearinghouse; its acknowledgement comes back as a 999 and 277CA.
          </Alert>
        )}
        <Title order={3} mb="xs">
          Batches sent
        </Title>
        {batches.isPending ? (
          <Skeleton height={60} />
        ) : batches.isError ? (
          <ApiErrorAlert error={batches.error} title="The batches could not be loaded" />
        ) : batches.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No batch sent yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table horizontalSpacing="sm">
              <VisuallyHidden component="caption">837P batches sent, newest first</VisuallyHidden>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>Interchange no.</Table.Th>
                  <Table.Th>Made</Table.Th>
                  <Table.Th ta="right">Claims</Table.Th>
                  <Table.Th ta="right">Total</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>File</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {batches.data.items.map((batch) => {
                  const number = String(batch.interchangeControlNumber).padStart(9, '0');
                  return (
                    <Table.Tr key={batch.id}>
                      <Table.Td ff="monospace">{number}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(batch.createdAt)}</Table.Td>
                      <Table.Td ta="right">{batch.claimCount}</Table.Td>
                      <Table.Td ta="right">
                        <Money cents={batch.totalChargeCents} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <DownloadButton
                          size="xs"
                          icon={<IconFileExport size={14} aria-hidden />}
                          fetcher={() => batchFile(batch.id)}
                          aria-label={`Download batch ${number} (837P)`}
                        >
                          837P file
                        </DownloadButton>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
