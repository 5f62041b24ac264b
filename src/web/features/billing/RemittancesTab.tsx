/**
 * Remittances: upload an 835 from the clearinghouse, see at once what it posted, and the remittances
 * posted before (each with its detail page).
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { billingKeys, listRemittances, postRemittance, type RemittanceSummary } from '../../api/billing.js';
import { isApiError } from '../../api/http.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { formatBytes, formatDateTime } from '../../components/format.js';
import { formatDay } from '../episodes/episode-ui.js';
import { Money, remittancePath } from './billing-ui.js';
import { RemittanceResult } from './RemittanceResult.js';

const MAX_BYTES = 900_000;

export function RemittancesTab() {
  const canWrite = useCan('billing:write');
  const navigate = useNavigate();
  const remittances = useQuery({ queryKey: billingKeys.remittances, queryFn: listRemittances });
  const [posted, setPosted] = useState<RemittanceSummary | null>(null);

  return (
    <Stack gap="lg">
      {canWrite && <UploadSection onPosted={setPosted} />}
      {posted && (
        <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="posted-heading">
          <Title order={2} id="posted-heading" mb="md">
            Remittance posted
          </Title>
          <RemittanceResult summary={posted} />
        </Paper>
      )}
      <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="remittances-heading">
        <Title order={2} id="remittances-heading" mb={2}>
          Remittances posted
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          Newest first. Open one to see what it posted.
        </Text>
        {remittances.isPending ? (
          <Skeleton height={80} />
        ) : remittances.isError ? (
          <ApiErrorAlert error={remittances.error} title="The remittances could not be loaded" />
        ) : remittances.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No remittance posted yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table horizontalSpacing="sm" striped="even" stripedColor="gray.0">
              <VisuallyHidden component="caption">Remittances posted, newest first</VisuallyHidden>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>Paid on</Table.Th>
                  <Table.Th>Payer</Table.Th>
                  <Table.Th>Trace no.</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                  <Table.Th ta="right">Claims</Table.Th>
                  <Table.Th>Check</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {remittances.data.items.map((item) => (
                  <Table.Tr
                    key={item.id}
                    className="row-link"
                    onClick={(event) => {
                      if ((event.target as HTMLElement).closest('a')) return;
                      void navigate(remittancePath(item.id));
                    }}
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={remittancePath(item.id)} fw={600} c="palpa.8" size="sm">
                        {item.paymentDate ? formatDay(item.paymentDate) : formatDateTime(item.postedAt)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{item.payerName ?? '—'}</Table.Td>
                    <Table.Td ff="monospace">{item.traceNumber ?? '—'}</Table.Td>
                    <Table.Td ta="right">
                      <Money cents={item.totalPaidCents} />
                    </Table.Td>
                    <Table.Td ta="right">{item.claims}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {item.balanced ? (
                          <Badge color="teal" variant="light">
                            Balances
                          </Badge>
                        ) : (
                          <Badge color="red" variant="light">
                            Does not balance
                          </Badge>
                        )}
                        {item.unmatchedItems > 0 && (
                          <Badge color="orange" variant="light">
                            {item.unmatchedItems} to post by hand
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

function UploadSection({ onPosted }: { onPosted: (summary: RemittanceSummary) => void }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const post = useMutation({
    mutationFn: async (chosen: File) => postRemittance(await chosen.text()),
    onSuccess: (summary) => {
      onPosted(summary);
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: billingKeys.all });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError('Choose the 835 file first.');
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError(
        `The file is ${formatBytes(file.size)}: the limit is 900 KB. Ask for it in smaller parts.`,
      );
      return;
    }
    setFileError(null);
    post.mutate(file);
  };

  const error = post.error;
  const conflict = isApiError(error) && error.status === 409;
  const notAn835 = isApiError(error) && error.status === 400;
  const earlierId =
    conflict && typeof error.problem.remittanceId === 'string' ? error.problem.remittanceId : null;

  return (
    <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="upload-heading">
      <Title order={2} id="upload-heading" mb={2}>
        Post a remittance (835)
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        The electronic remittance advice from the clearinghouse. Payments, contractual write-downs and what
        each client owes are posted to the claims and ledgers; nothing is posted twice.
      </Text>
      <form onSubmit={submit} noValidate aria-label="Post a remittance">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput
            label="835 file"
            description="Usually .835, .edi or .txt"
            placeholder="Choose a file…"
            accept=".835,.edi,.txt,.x12,.era,text/plain"
            value={file}
            onChange={(value) => {
              setFile(value);
              setFileError(null);
              post.reset();
            }}
            leftSection={<IconFileUpload size={16} aria-hidden />}
            clearable
            error={fileError}
            style={{ flex: '1 1 280px' }}
          />
          <Button type="submit" leftSection={<IconUpload size={16} aria-hidden />} loading={post.isPending}>
            Post remittance
          </Button>
        </Group>
      </form>
      {conflict && (
        <Alert
          mt="md"
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title="Already posted"
          role="alert"
        >
          <Stack gap={4} align="flex-start">
            <Text size="sm">{error.detail} Nothing was posted again.</Text>
            {earlierId && (
              <Anchor component={Link} to={remittancePath(earlierId)} size="sm" fw={600}>
                See what it posted
              </Anchor>
            )}
          </Stack>
        </Alert>
      )}
      {notAn835 && <ApiErrorAlert mt="md" error={error} title="This file is not a readable 835 remittance" />}
      {error && !conflict && !notAn835 && (
        <ApiErrorAlert mt="md" error={error} title="The remittance was not posted" />
      )}
    </Paper>
  );
}
