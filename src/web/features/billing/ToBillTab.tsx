/**
 * "To bill": visits with services not yet on a claim, by client and episode. Signed visits of one episode
 * are selected and made into a claim; unsigned ones say what blocks them. Self-pay episodes are charged
 * to the client's account visit by visit instead.
 */
import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCash, IconCircleCheck, IconFilePlus, IconLock } from '@tabler/icons-react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { billingKeys, chargeSelfPayVisit, getToBill, type ToBillItem } from '../../api/billing.js';
import { clinicalKeys, getClinicalOverview } from '../../api/clinical.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { readableTextColor } from '../../app/theme.js';
import { episodePath, formatDay, payerLabel } from '../episodes/episode-ui.js';
import { clientBillingPath, formatMoney } from './billing-ui.js';
import { CreateClaimModal } from './CreateClaimModal.js';

type EpisodeGroup = { episodeId: string; payerContext: string; visits: ToBillItem[] };
type ClientGroup = { clientId: string; clientName: string; episodes: EpisodeGroup[] };

function groupItems(items: ToBillItem[]): ClientGroup[] {
  const clients = new Map<string, ClientGroup>();
  for (const item of items) {
    let client = clients.get(item.clientId);
    if (!client) {
      client = { clientId: item.clientId, clientName: item.clientName, episodes: [] };
      clients.set(item.clientId, client);
    }
    let episode = client.episodes.find((e) => e.episodeId === item.episodeId);
    if (!episode) {
      episode = { episodeId: item.episodeId, payerContext: item.payerContext, visits: [] };
      client.episodes.push(episode);
    }
    episode.visits.push(item);
  }
  for (const client of clients.values())
    for (const episode of client.episodes)
      episode.visits.sort((a, b) => a.sessionDate.localeCompare(b.sessionDate));
  return [...clients.values()].sort((a, b) => a.clientName.localeCompare(b.clientName));
}

/** What a self-pay visit was charged: the sum of its charge entries (one per code). */
export type VisitCharge = { cents: number; postedOn: string };

/** The queue of visits to bill (the server leaves out visits on a claim and charged self-pay visits). */
export function useToBillQueue() {
  const query = useQuery({ queryKey: billingKeys.toBill, queryFn: getToBill });
  const waiting = (query.data?.items ?? []).filter((item) => item.signed).length;
  return { query, waiting };
}

type ChargedVisit = { item: ToBillItem; charge: VisitCharge };

export function ToBillTab() {
  const canCharge = useCan('payments:collect');
  const canClaim = useCan('billing:write');
  const canSeeEpisodes = useCan('episodes:read');
  const { query } = useToBillQueue();
  // A self-pay visit charged here leaves the server's queue at once; it stays in view, with what it cost,
  // until the page is left, so the person sees what they just did.
  const [chargedHere, setChargedHere] = useState<Map<string, ChargedVisit>>(new Map());
  const queued = query.data?.items ?? [];
  const queuedIds = new Set(queued.map((item) => item.sessionNoteId));
  const all = [
    ...queued,
    ...[...chargedHere.values()]
      .filter((charged) => !queuedIds.has(charged.item.sessionNoteId))
      .map((charged) => charged.item),
  ];
  const charges = new Map([...chargedHere].map(([noteId, charged]) => [noteId, charged.charge]));
  const groups = groupItems(all);

  // Episode titles (the queue carries ids only).
  const overviews = useQueries({
    queries: groups.map((group) => ({
      queryKey: clinicalKeys.overview(group.clientId),
      queryFn: () => getClinicalOverview(group.clientId),
      enabled: canSeeEpisodes,
      staleTime: 5 * 60_000,
    })),
  });
  const episodeTitles = new Map<string, string>();
  for (const overview of overviews)
    for (const item of overview.data?.items ?? []) episodeTitles.set(item.episode.id, item.episode.title);

  if (query.isPending)
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading visits to bill">
        <Skeleton height={160} />
        <Skeleton height={120} />
      </Stack>
    );
  if (query.isError)
    return <ApiErrorAlert error={query.error} title="The visits to bill could not be loaded" />;

  const open = all.filter((item) => !charges.has(item.sessionNoteId));
  const signed = open.filter((item) => item.signed).length;
  const unsigned = open.length - signed;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 320px' }}>
          <Title order={2}>Visits to bill</Title>
          <Text size="sm" c="dimmed">
            {open.length === 0
              ? 'Every visit with services is on a claim or charged.'
              : `${signed} signed ${signed === 1 ? 'visit' : 'visits'} ready to bill${
                  unsigned ? ` · ${unsigned} waiting for a signature` : ''
                }. Choose the visits of one episode, then create the claim.`}
          </Text>
        </Stack>
      </Group>

      {groups.length === 0 ? (
        <Paper p="xl">
          <Stack align="center" gap="xs" ta="center">
            <ThemeIcon size={48} radius="xl" variant="light" color="teal" aria-hidden>
              <IconCircleCheck size={26} />
            </ThemeIcon>
            <Text fw={600}>Nothing to bill</Text>
            <Text size="sm" c="dimmed" maw={420}>
              Signed session notes with services appear here until they are on a claim.
            </Text>
          </Stack>
        </Paper>
      ) : (
        groups.map((group) => (
          <Paper
            key={group.clientId}
            p={{ base: 'md', sm: 'lg' }}
            component="section"
            aria-labelledby={`tobill-${group.clientId}`}
          >
            <Group justify="space-between" gap="sm" mb="sm">
              <Title order={3} id={`tobill-${group.clientId}`}>
                <Anchor
                  component={Link}
                  to={clientBillingPath(group.clientId)}
                  inherit
                  c="inherit"
                  underline="hover"
                >
                  {group.clientName}
                </Anchor>
              </Title>
            </Group>
            <Stack gap="lg">
              {group.episodes.map((episode) => (
                <EpisodeVisits
                  key={episode.episodeId}
                  client={group}
                  episode={episode}
                  title={episodeTitles.get(episode.episodeId)}
                  canClaim={canClaim}
                  canCharge={canCharge}
                  charges={charges}
                  onCharged={(item, charge) =>
                    setChargedHere((current) => new Map(current).set(item.sessionNoteId, { item, charge }))
                  }
                />
              ))}
            </Stack>
          </Paper>
        ))
      )}
    </Stack>
  );
}

function ServicesText({ services }: { services: ToBillItem['services'] }) {
  if (services.length === 0) return <Text size="sm">—</Text>;
  return (
    <Stack gap={0}>
      {services.map((service, index) => (
        <Text key={`${service.code}-${index}`} size="sm" style={{ whiteSpace: 'nowrap' }}>
          <Text span ff="monospace" fw={600} size="sm">
            {service.code}
          </Text>{' '}
          · {service.minutes} min
        </Text>
      ))}
    </Stack>
  );
}

function EpisodeVisits({
  client,
  episode,
  title,
  canClaim,
  canCharge,
  charges,
  onCharged,
}: {
  client: ClientGroup;
  episode: EpisodeGroup;
  title: string | undefined;
  canClaim: boolean;
  canCharge: boolean;
  charges: Map<string, VisitCharge>;
  onCharged: (item: ToBillItem, charge: VisitCharge) => void;
}) {
  const queryClient = useQueryClient();
  const selfPay = episode.payerContext === 'self_pay';
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const selectable = episode.visits.filter((visit) => visit.signed);
  const chosen = selectable.filter((visit) => selected.has(visit.sessionNoteId));
  const allChosen = selectable.length > 0 && chosen.length === selectable.length;
  const headingId = `tobill-episode-${episode.episodeId}`;

  const charge = useMutation({
    mutationFn: (visit: ToBillItem) => chargeSelfPayVisit(client.clientId, visit.sessionNoteId),
    onSuccess: (ledger, visit) => {
      const entries = ledger.entries.filter(
        (e) => e.sessionNoteId === visit.sessionNoteId && e.kind === 'charge' && !e.reversed,
      );
      const cents = entries.reduce((sum, e) => sum + e.amountCents, 0);
      const postedOn = entries.reduce((latest, e) => (e.postedOn > latest ? e.postedOn : latest), '');
      onCharged(visit, { cents, postedOn });
      queryClient.setQueryData(billingKeys.ledger(client.clientId), ledger);
      void queryClient.invalidateQueries({ queryKey: billingKeys.all });
      notifications.show({
        color: 'teal',
        title: 'Visit charged',
        message: `${client.clientName}, ${formatDay(visit.sessionDate)}: ${formatMoney(cents)}. The client now owes ${formatMoney(ledger.balances.patientCents)}.`,
      });
    },
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: 'The visit was not charged',
        message: error instanceof Error ? error.message : 'Please try again.',
      }),
  });

  const toggle = (noteId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(noteId);
      else next.delete(noteId);
      return next;
    });

  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Title order={4} id={headingId} fz="md">
            {title ?? 'Episode of care'}
          </Title>
          <Group gap="xs">
            <Badge variant="light" color={selfPay ? 'grape' : 'blue'} size="sm">
              {payerLabel(episode.payerContext)}
            </Badge>
            <Anchor
              component={Link}
              to={episodePath(client.clientId, episode.episodeId)}
              size="xs"
              c="dimmed"
            >
              Open the episode
            </Anchor>
          </Group>
        </Stack>
        {!selfPay && canClaim && (
          <Button
            leftSection={<IconFilePlus size={16} aria-hidden />}
            disabled={chosen.length === 0}
            onClick={() => setCreating(true)}
            aria-describedby={`${headingId}-hint`}
          >
            {chosen.length > 0
              ? `Create claim (${chosen.length} ${chosen.length === 1 ? 'visit' : 'visits'})`
              : 'Create claim'}
          </Button>
        )}
      </Group>
      {!selfPay && canClaim && (
        <VisuallyHidden id={`${headingId}-hint`}>
          {chosen.length === 0 ? 'Select signed visits first.' : `${chosen.length} selected.`}
        </VisuallyHidden>
      )}
      <Table.ScrollContainer minWidth={560}>
        <Table aria-labelledby={headingId} horizontalSpacing="sm" striped="even" stripedColor="gray.0">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {!selfPay && canClaim && (
                <Table.Th w={44}>
                  <Checkbox
                    aria-label="Select every signed visit of this episode"
                    checked={allChosen}
                    indeterminate={chosen.length > 0 && !allChosen}
                    disabled={selectable.length === 0}
                    onChange={(event) =>
                      setSelected(
                        event.currentTarget.checked
                          ? new Set(selectable.map((visit) => visit.sessionNoteId))
                          : new Set(),
                      )
                    }
                  />
                </Table.Th>
              )}
              <Table.Th>Date</Table.Th>
              <Table.Th>Therapist</Table.Th>
              <Table.Th>Services</Table.Th>
              <Table.Th>Note</Table.Th>
              {selfPay && (
                <Table.Th ta="right">
                  <VisuallyHidden>Charge</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {episode.visits.map((visit) => {
              const charged = charges.get(visit.sessionNoteId);
              const blockerId = `blocker-${visit.sessionNoteId}`;
              return (
                <Table.Tr
                  key={visit.sessionNoteId}
                  bg={selected.has(visit.sessionNoteId) ? 'palpa.0' : undefined}
                >
                  {!selfPay && canClaim && (
                    <Table.Td>
                      <Checkbox
                        aria-label={`Select the visit of ${formatDay(visit.sessionDate)}`}
                        aria-describedby={visit.blocker ? blockerId : undefined}
                        checked={selected.has(visit.sessionNoteId)}
                        disabled={!visit.signed}
                        onChange={(event) => toggle(visit.sessionNoteId, event.currentTarget.checked)}
                      />
                    </Table.Td>
                  )}
                  <Table.Td style={{ whiteSpace: 'nowrap' }} fw={600}>
                    {formatDay(visit.sessionDate)}
                  </Table.Td>
                  <Table.Td>{visit.therapistName}</Table.Td>
                  <Table.Td>
                    <ServicesText services={visit.services} />
                  </Table.Td>
                  <Table.Td>
                    {visit.signed ? (
                      <Badge color="teal" variant="light" leftSection={<IconLock size={12} aria-hidden />}>
                        Signed
                      </Badge>
                    ) : (
                      <Stack gap={2}>
                        <Badge color="orange" variant="light" w="fit-content">
                          Not signed
                        </Badge>
                        <Text id={blockerId} size="xs" c={readableTextColor('orange')} maw={260}>
                          {visit.blocker}
                        </Text>
                      </Stack>
                    )}
                  </Table.Td>
                  {selfPay && (
                    <Table.Td ta="right">
                      {charged ? (
                        <Stack gap={0} align="flex-end">
                          <Badge color="grape" variant="light">
                            Charged {formatMoney(charged.cents)}
                          </Badge>
                          <Text size="xs" c="dimmed">
                            on {formatDay(charged.postedOn)}
                          </Text>
                        </Stack>
                      ) : canCharge ? (
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconCash size={14} aria-hidden />}
                          disabled={!visit.signed}
                          loading={
                            charge.isPending && charge.variables?.sessionNoteId === visit.sessionNoteId
                          }
                          onClick={() => charge.mutate(visit)}
                          aria-label={`Charge the visit of ${formatDay(visit.sessionDate)}`}
                        >
                          Charge visit
                        </Button>
                      ) : (
                        <Text size="xs" c="dimmed">
                          Not charged yet
                        </Text>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!selfPay && canClaim && (
        <CreateClaimModal
          opened={creating}
          onClose={() => setCreating(false)}
          clientId={client.clientId}
          clientName={client.clientName}
          episodeId={episode.episodeId}
          payerContext={episode.payerContext}
          visits={chosen}
        />
      )}
    </Stack>
  );
}
