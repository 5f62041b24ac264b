/** Route /portal/book — the booking flow of the public page, for a signed-in client (no details to type). */
import { useCallback, useState } from 'react';
import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Slot } from '../../api/booking.js';
import { isApiError } from '../../api/http.js';
import { bookPortal, getPortalBookingOptions, getPortalSlots, portalKeys } from '../../api/portal.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { usePageTitle } from '../../components/PageHeader.js';
import { whenIn } from '../booking/booking-time.js';
import { ANY_THERAPIST, SlotPicker } from '../booking/SlotPicker.js';
import { PortalHeading, usePortal } from './PortalLayout.js';

export function PortalBookPage() {
  usePageTitle('Client portal: book');
  const { me, client } = usePortal();
  const zone = me.clinic.timeZone;
  const queryClient = useQueryClient();
  const options = useQuery({ queryKey: portalKeys.options, queryFn: getPortalBookingOptions });
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [therapistId, setTherapistId] = useState(ANY_THERAPIST);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [taken, setTaken] = useState(false);
  const [booked, setBooked] = useState<{ start: string; summary: string } | null>(null);
  const onChoose = useCallback((slot: Slot | null) => {
    setChosen(slot);
    if (slot) setTaken(false);
  }, []);
  const services = options.data?.services ?? [];
  const therapists = options.data?.therapists ?? [];
  const service = services.find(
    (s) => s.id === (serviceId ?? (services.length === 1 ? services[0]!.id : null)),
  );
  const summary =
    chosen && service
      ? `${service.name} with ${therapists.find((t) => t.id === chosen.therapistId)?.name ?? 'your therapist'}, ${whenIn(chosen.start, zone)}`
      : '';

  const book = useMutation({
    mutationFn: () =>
      bookPortal(client.id, {
        serviceId: service!.id,
        therapistId: chosen!.therapistId,
        start: chosen!.start,
      }),
    onSuccess: async (result) => {
      setBooked({ start: result.start, summary });
      await queryClient.invalidateQueries({ queryKey: portalKeys.appointments(client.id) });
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) {
        await queryClient.invalidateQueries({ queryKey: ['portal', 'slots'] });
        setChosen(null);
        setTaken(true);
      }
    },
  });

  if (booked)
    return (
      <>
        <PortalHeading title="Book a visit" />
        <Paper p="lg" radius="md" withBorder>
          <Stack gap="sm">
            <Group gap="sm">
              <IconCalendarCheck size={28} color="var(--mantine-color-green-7)" aria-hidden />
              <Title order={2} size="h3">
                You are booked
              </Title>
            </Group>
            <Text>{booked.summary}</Text>
            <Group>
              <Button component={Link} to="/portal">
                See my appointments
              </Button>
              <Button variant="default" onClick={() => setBooked(null)}>
                Book another
              </Button>
            </Group>
          </Stack>
        </Paper>
      </>
    );

  return (
    <>
      <PortalHeading title="Book a visit" />
      {options.isPending ? (
        <Skeleton height={200} />
      ) : options.isError ? (
        <ApiErrorAlert error={options.error} title="The services could not be loaded" />
      ) : services.length === 0 ? (
        <Text c="dimmed">
          No visits can be booked online. Please call the clinic
          {me.clinic.phone ? ` at ${me.clinic.phone}` : ''}.
        </Text>
      ) : (
        <Paper p={{ base: 'md', sm: 'lg' }} radius="md" withBorder>
          <Stack gap="xl">
            <SlotPicker
              zone={zone}
              services={services}
              therapists={therapists}
              serviceId={service?.id ?? null}
              onServiceChange={setServiceId}
              therapistId={therapistId}
              onTherapistChange={setTherapistId}
              chosen={chosen}
              onChoose={onChoose}
              loadSlots={getPortalSlots}
              slotsKey={portalKeys.slots}
              notice={
                taken && (
                  <Alert color="orange" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
                    Someone has just booked that time. The free times below are up to date: please choose
                    another.
                  </Alert>
                )
              }
            />
            {chosen && service && (
              <Stack gap="sm">
                <Text fw={600}>{summary}</Text>
                {book.isError && !(isApiError(book.error) && book.error.status === 409) && (
                  <ApiErrorAlert error={book.error} title="The visit was not booked" />
                )}
                <Group>
                  <Button
                    loading={book.isPending}
                    onClick={() => book.mutate()}
                    leftSection={<IconCalendarCheck size={18} aria-hidden />}
                  >
                    Book this time
                  </Button>
                </Group>
              </Stack>
            )}
          </Stack>
        </Paper>
      )}
    </>
  );
}
