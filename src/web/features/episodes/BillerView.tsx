/**
 * The biller's view of an episode (minimum necessary): diagnoses, prescriptions' visit counts and the
 * signed sessions' services and minutes — never the notes' narrative.
 */
import { Alert, Badge, Button, Group, List, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { SERVICE_CODES } from '../../../modules/session-notes/domain/session-note.js';
import { getClient } from '../../api/clients.js';
import { getEpisodeServices } from '../../api/clinical.js';
import { isApiError } from '../../api/http.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Section } from '../../components/Section.js';
import {
  EpisodeStatusBadge,
  formatDay,
  frequencyText,
  payerLabel,
  UsageWarnings,
  VisitUsage,
} from './episode-ui.js';

const SERVICE_LABELS = new Map<string, string>(SERVICE_CODES.map((s) => [s.code, s.label]));

export function BillerView({ clientId, episodeId }: { clientId: string; episodeId: string }) {
  const services = useQuery({
    queryKey: ['episode-services', episodeId],
    queryFn: () => getEpisodeServices(episodeId),
  });
  // Demographics for the header (billers read client records for claims).
  const client = useQuery({
    queryKey: ['client', clientId],
    queryFn: () => getClient(clientId),
    enabled: !!clientId,
  });
  const clientName = client.data ? `${client.data.givenName} ${client.data.familyName}` : 'Client';
  const back = { to: `/clients/${clientId}`, label: clientName };

  if (services.isPending) {
    return (
      <Stack gap="lg" aria-busy="true">
        <PageHeader title="Episode of care" back={back}>
          <Skeleton height={16} width={260} />
        </PageHeader>
        <Skeleton height={120} />
        <Skeleton height={200} />
      </Stack>
    );
  }
  if (services.isError) {
    const notFound =
      isApiError(services.error) && (services.error.status === 404 || services.error.status === 400);
    return (
      <>
        <PageHeader title={notFound ? 'Episode not found' : 'Episode of care'} back={back} />
        {notFound ? (
          <Text>This episode does not exist in your clinic, or the link is wrong.</Text>
        ) : (
          <Stack gap="sm" align="flex-start">
            <ApiErrorAlert error={services.error} w="100%" />
            <Button variant="default" onClick={() => void services.refetch()} loading={services.isFetching}>
              Try again
            </Button>
          </Stack>
        )}
      </>
    );
  }

  const { episode, diagnoses, prescriptions, sessions } = services.data;
  const totalMinutes = sessions.reduce((sum, session) => sum + session.totalMinutes, 0);
  const sorted = sessions.slice().sort((a, b) => a.sessionDate.localeCompare(b.sessionDate));

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span" wrap="wrap">
            <span>{episode.title}</span>
            <EpisodeStatusBadge status={episode.status} />
          </Group>
        }
        documentTitle="Episode services"
        back={back}
      >
        {client.data && (
          <Text size="sm" c="gray.7">
            <Text span fw={600} size="sm" c="gray.9">
              {clientName}
            </Text>
            {' · '}Born {formatDay(client.data.dateOfBirth)}
          </Text>
        )}
        <Text size="sm" c="gray.7">
          {payerLabel(episode.payerContext)} · Started {formatDay(episode.startedOn)}
          {episode.dischargedOn ? ` · Discharged ${formatDay(episode.dischargedOn)}` : ''}
        </Text>
      </PageHeader>

      <Stack gap="lg">
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
          Billing view: diagnoses, visits and the services of signed sessions. Session narratives are not
          shown to billing staff unless the clinic owner grants it.
        </Alert>

        <Section
          title="Diagnoses"
          description="ICD-10-CM codes from the prescriptions, in the order written."
        >
          {diagnoses.length === 0 ? (
            <Text size="sm" c="dimmed">
              No prescription with diagnoses yet.
            </Text>
          ) : (
            <List spacing={6} listStyleType="none" aria-label="Diagnoses">
              {diagnoses.map((diagnosis, index) => (
                <List.Item key={`${diagnosis.prescriptionId}-${diagnosis.code}`}>
                  <Group gap="xs" wrap="nowrap" align="baseline">
                    <Text ff="monospace" fw={700} size="sm" miw={80}>
                      {diagnosis.code}
                    </Text>
                    <Text size="sm">— {diagnosis.description}</Text>
                    {index === 0 && (
                      <Badge size="xs" variant="light">
                        Primary
                      </Badge>
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </Section>

        {prescriptions.length > 0 && (
          <Section title="Prescriptions">
            <Stack gap="md">
              {prescriptions
                .slice()
                .reverse()
                .map((prescription) => (
                  <Paper key={prescription.id} p="md" bg="gray.0">
                    <Stack gap={6}>
                      <Text size="sm" fw={600}>
                        {prescription.prescriberName}
                        <Text span size="sm" c="dimmed" fw={400}>
                          {' · '}written {formatDay(prescription.writtenOn)}
                          {prescription.expiresOn ? ` · expires ${formatDay(prescription.expiresOn)}` : ''}
                          {frequencyText(prescription.frequencyPerWeek, prescription.durationWeeks)
                            ? ` · ${frequencyText(prescription.frequencyPerWeek, prescription.durationWeeks)}`
                            : ''}
                        </Text>
                      </Text>
                      <VisitUsage prescription={prescription} label="Visits" />
                      <UsageWarnings usage={prescription.usage} compact />
                    </Stack>
                  </Paper>
                ))}
            </Stack>
          </Section>
        )}

        <Section
          title="Signed sessions"
          description="Services as the therapist recorded them when signing the note."
        >
          {sorted.length === 0 ? (
            <Text size="sm" c="dimmed">
              No signed sessions yet.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table aria-label="Signed sessions" striped="even" stripedColor="gray.0">
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th>Date</Table.Th>
                    <Table.Th>Therapist</Table.Th>
                    <Table.Th>Services</Table.Th>
                    <Table.Th ta="right">Minutes</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sorted.map((session) => (
                    <Table.Tr key={session.noteId}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(session.sessionDate)}</Table.Td>
                      <Table.Td>{session.therapistName}</Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          {session.services.map((service, index) => (
                            <Text size="sm" key={`${service.serviceCode}-${index}`}>
                              <Text span ff="monospace" fw={600} size="sm">
                                {service.serviceCode}
                              </Text>{' '}
                              <Text span size="sm" c="dimmed">
                                {SERVICE_LABELS.get(service.serviceCode) ?? ''}
                              </Text>{' '}
                              · {service.minutes} min
                            </Text>
                          ))}
                        </Stack>
                      </Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {session.totalMinutes}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th colSpan={3}>
                      Total ({sorted.length} session{sorted.length === 1 ? '' : 's'})
                    </Table.Th>
                    <Table.Th ta="right">{totalMinutes} min</Table.Th>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          )}
        </Section>
      </Stack>
    </>
  );
}
