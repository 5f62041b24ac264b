/**
 * Route /book/:slug — the clinic's public booking page, for clients (no staff layout, no session): the
 * clinic, its service menu, therapists, offers and approved testimonials, and the booking flow (service →
 * therapist or first available → day and time → details → confirmation).
 */
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Avatar,
  Badge,
  Box,
  Button,
  Container,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarCheck,
  IconClockHour4,
  IconMapPin,
  IconPhone,
  IconQuote,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  bookingKeys,
  bookPublic,
  getBookingPage,
  getPublicSlots,
  type BookingPage,
  type PublicBooked,
  type Slot,
} from '../../api/booking.js';
import { isApiError } from '../../api/http.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { FullPageLoader } from '../../components/FullPageState.js';
import { usePageTitle } from '../../components/PageHeader.js';
import { formatCents, whenIn } from './booking-time.js';
import classes from './booking.module.css';
import { ANY_THERAPIST, SlotPicker } from './SlotPicker.js';

export function PublicBookingPage() {
  const { slug = '' } = useParams();
  const page = useQuery({ queryKey: bookingKeys.page(slug), queryFn: () => getBookingPage(slug) });
  usePageTitle(page.data ? `Book with ${page.data.clinic.name}` : 'Book a visit');
  if (page.isPending) return <FullPageLoader label="Loading the booking page…" />;
  if (page.isError) {
    const missing = isApiError(page.error) && page.error.status === 404;
    return (
      <Container size="sm" py={64} component="main">
        <Title order={1} mb="sm">
          {missing ? 'This booking page is not available' : 'The booking page could not load'}
        </Title>
        {missing ? (
          <Text>
            The address may be mistyped, or the clinic has turned online booking off. Please call the clinic.
          </Text>
        ) : (
          <ApiErrorAlert error={page.error} />
        )}
      </Container>
    );
  }
  return <BookingPageView slug={slug} page={page.data} />;
}

function BookingPageView({ slug, page }: { slug: string; page: BookingPage }) {
  const { clinic } = page;
  const [serviceId, setServiceId] = useState<string | null>(
    page.services.length === 1 ? page.services[0]!.id : null,
  );
  const [therapistId, setTherapistId] = useState(ANY_THERAPIST);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [taken, setTaken] = useState(false);
  const [booked, setBooked] = useState<PublicBooked | null>(null);
  const flowRef = useRef<HTMLDivElement>(null);
  const confirmationRef = useRef<HTMLHeadingElement>(null);
  const onChoose = useCallback((slot: Slot | null) => {
    setChosen(slot);
    if (slot) setTaken(false);
  }, []);

  useEffect(() => {
    if (booked) confirmationRef.current?.focus();
  }, [booked]);

  const service = page.services.find((s) => s.id === serviceId);
  const therapistName = (id: string) => page.therapists.find((t) => t.id === id)?.name ?? 'your therapist';

  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" className={classes.hero} py={{ base: 'lg', sm: 40 }}>
        <Container size="md">
          <Stack gap={8}>
            <Text size="sm" fw={600} tt="uppercase" style={{ letterSpacing: '0.06em', opacity: 0.85 }}>
              Book online
            </Text>
            <Title order={1} c="white" fz={{ base: 28, sm: 36 }}>
              {clinic.name}
            </Title>
            <Group gap="lg" wrap="wrap">
              {clinic.addressLines.length > 0 && (
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <IconMapPin size={18} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
                  <Text size="sm" component="address" style={{ fontStyle: 'normal' }}>
                    {clinic.addressLines.join(', ')}
                  </Text>
                </Group>
              )}
              {clinic.phone && (
                <Group gap={6} wrap="nowrap">
                  <IconPhone size={18} aria-hidden />
                  <Anchor
                    href={`tel:${clinic.phone.replace(/[^\d+]/g, '')}`}
                    c="white"
                    size="sm"
                    underline="always"
                  >
                    {clinic.phone}
                  </Anchor>
                </Group>
              )}
            </Group>
            {!booked && (
              <Group mt="xs">
                <Button
                  variant="white"
                  leftSection={<IconCalendarCheck size={18} aria-hidden />}
                  onClick={() => flowRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
                >
                  Book a visit
                </Button>
              </Group>
            )}
          </Stack>
        </Container>
      </Box>

      <Container size="md" py="xl" component="main" id="main">
        <Stack gap="xl">
          {booked ? (
            <Paper p={{ base: 'md', sm: 'xl' }} radius="md" shadow="xs">
              <Stack gap="sm">
                <Group gap="sm" wrap="nowrap">
                  <IconCalendarCheck size={32} color="var(--mantine-color-green-7)" aria-hidden />
                  <Title order={2} ref={confirmationRef} tabIndex={-1}>
                    You are booked
                  </Title>
                </Group>
                <Text size="lg" fw={600}>
                  {booked.serviceName} with {booked.therapistName}
                </Text>
                <Text>{whenIn(booked.start, clinic.timeZone)} (the clinic&apos;s local time)</Text>
                <Alert color="green" variant="light" role="status">
                  {booked.message}
                </Alert>
                <Text size="sm" c="dimmed">
                  To change or cancel, use the link in the email or call the clinic
                  {clinic.phone ? ` at ${clinic.phone}` : ''}
                  {clinic.lateCancelHours > 0
                    ? ` at least ${clinic.lateCancelHours} hours before the visit`
                    : ''}
                  .
                </Text>
                <Group>
                  <Button variant="default" component={Link} to="/portal/login">
                    Go to the client portal
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ) : (
            <Paper
              p={{ base: 'md', sm: 'xl' }}
              radius="md"
              shadow="xs"
              ref={flowRef}
              component="section"
              aria-labelledby="book-heading"
            >
              <Title order={2} id="book-heading" mb="md">
                Book a visit
              </Title>
              {page.services.length === 0 ? (
                <Text c="dimmed">
                  No visits can be booked online at the moment.{' '}
                  {clinic.phone ? `Please call ${clinic.phone}.` : 'Please call the clinic.'}
                </Text>
              ) : (
                <Stack gap="xl">
                  <SlotPicker
                    zone={clinic.timeZone}
                    services={page.services}
                    therapists={page.therapists}
                    serviceId={serviceId}
                    onServiceChange={setServiceId}
                    therapistId={therapistId}
                    onTherapistChange={setTherapistId}
                    chosen={chosen}
                    onChoose={onChoose}
                    loadSlots={(q) => getPublicSlots(slug, q)}
                    slotsKey={(q) => bookingKeys.slots(slug, q)}
                    notice={
                      taken && (
                        <Alert
                          color="orange"
                          variant="light"
                          role="alert"
                          icon={<IconAlertTriangle aria-hidden />}
                        >
                          Someone has just booked that time. The free times below are up to date: please
                          choose another.
                        </Alert>
                      )
                    }
                  />
                  {chosen && service && (
                    <DetailsForm
                      slug={slug}
                      clinicPhone={clinic.phone}
                      summary={`${service.name} with ${therapistName(chosen.therapistId)}, ${whenIn(chosen.start, clinic.timeZone)}`}
                      slot={chosen}
                      serviceId={service.id}
                      onBooked={setBooked}
                      onTaken={() => {
                        setChosen(null);
                        setTaken(true);
                      }}
                    />
                  )}
                </Stack>
              )}
            </Paper>
          )}

          {page.services.length > 0 && (
            <Section title="Services">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {page.services.map((s) => (
                  <Paper key={s.id} p="md" radius="md" withBorder>
                    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                      <Title order={3} size="h4">
                        {s.name}
                      </Title>
                      <Text fw={700} c="palpa.8" style={{ whiteSpace: 'nowrap' }}>
                        {formatCents(s.priceCents)}
                      </Text>
                    </Group>
                    <Group gap={6} mt={4}>
                      <IconClockHour4 size={16} aria-hidden color="var(--mantine-color-gray-6)" />
                      <Text size="sm" c="dimmed">
                        {s.durationMinutes} minutes
                      </Text>
                      {s.introductoryOffer && (
                        <Badge size="sm" color="grape" variant="light">
                          First visit offer
                        </Badge>
                      )}
                    </Group>
                    {s.description && (
                      <Text size="sm" mt="xs">
                        {s.description}
                      </Text>
                    )}
                  </Paper>
                ))}
              </SimpleGrid>
            </Section>
          )}

          {page.therapists.length > 0 && (
            <Section title="Our therapists">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {page.therapists.map((t) => (
                  <Paper key={t.id} p="md" radius="md" withBorder>
                    <Group align="flex-start" wrap="nowrap" gap="md">
                      <Avatar
                        src={t.photoUrl}
                        alt={t.photoUrl ? `Photo of ${t.name}` : undefined}
                        size={72}
                        radius="xl"
                        color="palpa"
                      >
                        {initials(t.name)}
                      </Avatar>
                      <Stack gap={4} style={{ minWidth: 0 }}>
                        <Title order={3} size="h4">
                          {t.name}
                          {t.credentials ? (
                            <Text span c="dimmed" fw={500} size="sm">
                              {' '}
                              {t.credentials}
                            </Text>
                          ) : null}
                        </Title>
                        {t.bio ? (
                          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                            {t.bio}
                          </Text>
                        ) : null}
                      </Stack>
                    </Group>
                  </Paper>
                ))}
              </SimpleGrid>
            </Section>
          )}

          {page.packages.length > 0 && (
            <Section title="Packages and offers">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
                {page.packages.map((p) => (
                  <Paper key={p.id} p="md" radius="md" withBorder>
                    <Group gap={6} mb={4}>
                      <Title order={3} size="h4">
                        {p.name}
                      </Title>
                      {p.introductory && (
                        <Badge size="sm" color="grape" variant="light">
                          New clients
                        </Badge>
                      )}
                    </Group>
                    <Text fw={700} c="palpa.8">
                      {formatCents(p.priceCents)} · {p.visits} visit{p.visits === 1 ? '' : 's'}
                    </Text>
                    {p.description && (
                      <Text size="sm" mt={4}>
                        {p.description}
                      </Text>
                    )}
                  </Paper>
                ))}
              </SimpleGrid>
              <Text size="sm" c="dimmed" mt="sm">
                Ask about packages when you book or at your visit.
              </Text>
            </Section>
          )}

          {page.testimonials.length > 0 && (
            <Section title="What clients say">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {page.testimonials.map((t) => (
                  <Paper key={t.id} p="md" radius="md" withBorder component="figure" m={0}>
                    <IconQuote size={22} aria-hidden color="var(--mantine-color-palpa-5)" />
                    <Text component="blockquote" m={0} style={{ fontStyle: 'italic' }}>
                      {t.text}
                    </Text>
                    <Text component="figcaption" size="sm" c="dimmed" mt="xs">
                      — {t.displayName}
                    </Text>
                  </Paper>
                ))}
              </SimpleGrid>
            </Section>
          )}

          <Text size="xs" c="dimmed" ta="center">
            Already a client?{' '}
            <Anchor component={Link} to="/portal/login" size="xs">
              Sign in to the client portal
            </Anchor>{' '}
            to see your visits and forms.
          </Text>
        </Stack>
      </Container>
    </Box>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section">
      <Title order={2} mb="md">
        {title}
      </Title>
      {children}
    </Box>
  );
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

const EMPTY = {
  givenName: '',
  familyName: '',
  dateOfBirth: '',
  email: '',
  phone: '',
  reason: '',
  website: '',
};

function DetailsForm(props: {
  slug: string;
  clinicPhone: string | null;
  summary: string;
  slot: Slot;
  serviceId: string;
  onBooked: (booked: PublicBooked) => void;
  onTaken: () => void;
}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [props.slot.start]);
  const set = (key: keyof typeof EMPTY, value: string) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: '' }));
  };
  const book = useMutation({
    mutationFn: () =>
      bookPublic(props.slug, {
        serviceId: props.serviceId,
        therapistId: props.slot.therapistId,
        start: props.slot.start,
        givenName: values.givenName.trim(),
        familyName: values.familyName.trim(),
        dateOfBirth: values.dateOfBirth,
        email: values.email.trim(),
        phone: values.phone.trim(),
        ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
        ...(values.website ? { website: values.website } : {}),
      }),
    onSuccess: (booked) => props.onBooked(booked),
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) {
        await queryClient.invalidateQueries({ queryKey: ['public-booking', props.slug, 'slots'] });
        props.onTaken();
        return;
      }
      setErrors(fieldErrorsFrom(error));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!values.givenName.trim()) missing.givenName = 'Enter your first name.';
    if (!values.familyName.trim()) missing.familyName = 'Enter your last name.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dateOfBirth)) missing.dateOfBirth = 'Enter your date of birth.';
    if (!/^\S+@\S+\.\S+$/.test(values.email.trim()))
      missing.email = 'Enter an email address, like name@example.com.';
    if (values.phone.replace(/\D/g, '').length < 7)
      missing.phone = 'Enter a phone number we can reach you on.';
    setErrors(missing);
    if (Object.keys(missing).length) {
      document.getElementById(`booking-${Object.keys(missing)[0]}`)?.focus();
      return;
    }
    book.mutate();
  };
  const rateLimited = isApiError(book.error) && book.error.status === 429;
  const otherError =
    book.isError &&
    !rateLimited &&
    !Object.keys(fieldErrorsFrom(book.error)).length &&
    !(isApiError(book.error) && book.error.status === 409);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="details-heading">
      <Stack gap="md">
        <div>
          <Title order={3} size="h4" id="details-heading" ref={headingRef} style={{ scrollMarginTop: 16 }}>
            <Group gap={8} component="span">
              <span className={classes.step} aria-hidden>
                4
              </span>
              Your details
            </Group>
          </Title>
          <Text size="sm" mt={4}>
            {props.summary}
          </Text>
        </div>
        {rateLimited && (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            title="Too many bookings from here"
            icon={<IconAlertTriangle aria-hidden />}
          >
            For everyone&apos;s safety the page takes only a few bookings an hour from one connection. Please
            try again later{props.clinicPhone ? `, or call ${props.clinicPhone}` : ', or call the clinic'}.
          </Alert>
        )}
        {otherError && <ApiErrorAlert error={book.error} title="The visit was not booked" />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            id="booking-givenName"
            label="First name"
            required
            autoComplete="given-name"
            value={values.givenName}
            onChange={(e) => set('givenName', e.currentTarget.value)}
            error={errors.givenName}
          />
          <TextInput
            id="booking-familyName"
            label="Last name"
            required
            autoComplete="family-name"
            value={values.familyName}
            onChange={(e) => set('familyName', e.currentTarget.value)}
            error={errors.familyName}
          />
          <TextInput
            id="booking-dateOfBirth"
            label="Date of birth"
            type="date"
            required
            autoComplete="bday"
            value={values.dateOfBirth}
            onChange={(e) => set('dateOfBirth', e.currentTarget.value)}
            error={errors.dateOfBirth}
          />
          <TextInput
            id="booking-phone"
            label="Phone"
            type="tel"
            required
            autoComplete="tel"
            value={values.phone}
            onChange={(e) => set('phone', e.currentTarget.value)}
            error={errors.phone}
          />
          <TextInput
            id="booking-email"
            label="Email"
            type="email"
            required
            autoComplete="email"
            description="We send the confirmation and your intake form here."
            value={values.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors.email}
          />
        </SimpleGrid>
        <Textarea
          label="Reason for the visit (optional)"
          description="A few words about what brings you in."
          autosize
          minRows={2}
          maxLength={500}
          value={values.reason}
          onChange={(e) => set('reason', e.currentTarget.value)}
          error={errors.reason}
        />
        {/* A field people never see: only robots fill it in, and their booking is ignored. */}
        <div className={classes.honeypot} aria-hidden="true">
          <label htmlFor="booking-website">Website</label>
          <input
            id="booking-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={values.website}
            onChange={(e) => set('website', e.currentTarget.value)}
          />
        </div>
        <Group>
          <Button
            type="submit"
            size="md"
            loading={book.isPending}
            leftSection={<IconCalendarCheck size={18} aria-hidden />}
          >
            Book this time
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
