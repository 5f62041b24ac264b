/**
 * The booking page's set-up, shown in the calendar settings: the page itself (on/off, its address, the
 * clinic's phone and address on it), each therapist's bio and photo, packages and introductory offers,
 * and the testimonials clients wrote, waiting for approval.
 */
import { useState, type FormEvent } from 'react';
import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Checkbox,
  CopyButton,
  FileButton,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconExternalLink, IconPhoto, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  archivePackage,
  bookingKeys,
  createPackage,
  getBookingProfile,
  listPackages,
  listTestimonials,
  reviewTestimonial,
  updateBookingProfile,
  type StaffBookingProfile,
} from '../../api/booking.js';
import { errorMessage } from '../../api/http.js';
import {
  getClinicSettings,
  listTherapists,
  scheduleKeys,
  updateClinicSettings,
  type Clinic,
} from '../../api/scheduling.js';
import { useSession } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { Section } from '../../components/Section.js';
import { formatCents } from './booking-time.js';

const PHOTO_MAX_BYTES = 300 * 1024;

// — The page: on/off, address, the clinic's contact details —

export function BookingPageSection() {
  const query = useQuery({ queryKey: scheduleKeys.clinic, queryFn: getClinicSettings });
  return (
    <Section
      title="Online booking page"
      description="A public page where new and returning clients book the services marked “Bookable online”."
    >
      {query.isPending ? (
        <Skeleton height={120} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The clinic's settings could not be loaded" />
      ) : (
        <BookingPageForm clinic={query.data} />
      )}
    </Section>
  );
}

const suggestSlug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 60);

function BookingPageForm({ clinic }: { clinic: Clinic }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    enabled: clinic.bookingPageEnabled,
    slug: clinic.slug ?? suggestSlug(clinic.name),
    phone: clinic.phone ?? '',
    address: clinic.addressLines.join('\n'),
  });
  const save = useMutation({
    mutationFn: () =>
      updateClinicSettings({
        slug: values.slug.trim() || null,
        bookingPageEnabled: values.enabled,
        phone: values.phone.trim() || null,
        addressLines: values.address
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: 'Booking page settings saved.' });
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.clinic });
    },
  });
  const errors = fieldErrorsFrom(save.error);
  const saved = clinic.bookingPageEnabled && clinic.slug;
  const link = saved ? `${window.location.origin}/book/${clinic.slug}` : null;
  return (
    <form
      aria-label="Online booking page"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="md">
        {save.isError && !Object.keys(errors).length && (
          <ApiErrorAlert error={save.error} title="Not saved" />
        )}
        <Switch
          label="Booking page on"
          description="When off, the page's address shows that online booking is not available."
          checked={values.enabled}
          onChange={(e) => {
            const enabled = e.currentTarget.checked;
            setValues((v) => ({ ...v, enabled }));
          }}
        />
        <TextInput
          label="Page address"
          description="Lower-case letters, digits and hyphens."
          leftSection={
            <Text size="sm" c="dimmed" pl={8} style={{ whiteSpace: 'nowrap' }}>
              /book/
            </Text>
          }
          leftSectionWidth={64}
          value={values.slug}
          onChange={(e) => {
            const slug = e.currentTarget.value;
            setValues((v) => ({ ...v, slug }));
          }}
          error={errors.slug}
          maw={420}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Clinic phone (shown on the page)"
            type="tel"
            value={values.phone}
            onChange={(e) => {
              const phone = e.currentTarget.value;
              setValues((v) => ({ ...v, phone }));
            }}
            error={errors.phone}
          />
          <Textarea
            label="Clinic address (shown on the page)"
            description="One line each, up to four."
            autosize
            minRows={2}
            value={values.address}
            onChange={(e) => {
              const address = e.currentTarget.value;
              setValues((v) => ({ ...v, address }));
            }}
            error={Object.entries(errors).find(([path]) => path.startsWith('addressLines'))?.[1]}
          />
        </SimpleGrid>
        {link && (
          <Group gap="xs" wrap="wrap">
            <Text size="sm">The page is live at</Text>
            <Anchor href={link} target="_blank" rel="noopener" size="sm">
              {link} <IconExternalLink size={14} aria-hidden style={{ verticalAlign: -2 }} />
            </Anchor>
            <CopyButton value={link}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconCopy size={14} aria-hidden />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save booking page
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// — A therapist's bio and photo —

/** Shrinks a photo in the browser (at most 600 px, JPEG) until it fits the server's 300 kB. */
async function photoForUpload(file: File): Promise<{ mime: 'image/jpeg'; data: string }> {
  const bitmap = await createImageBitmap(file);
  let side = 600;
  for (let attempt = 0; attempt < 6; attempt++) {
    const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const data = canvas.toDataURL('image/jpeg', 0.85 - attempt * 0.1).split(',')[1] ?? '';
    if ((data.length * 3) / 4 <= PHOTO_MAX_BYTES) return { mime: 'image/jpeg', data };
    side = Math.round(side * 0.8);
  }
  throw new Error('This photo could not be made small enough. Try another one.');
}

export function BookingProfileSection({ canSetup }: { canSetup: boolean }) {
  const { user } = useSession();
  const therapists = useQuery({ queryKey: scheduleKeys.therapists, queryFn: listTherapists });
  const editable = (therapists.data?.items ?? []).filter((t) => canSetup || t.id === user.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const therapist =
    editable.find((t) => t.id === chosen) ?? editable.find((t) => t.id === user.id) ?? editable[0];
  const profile = useQuery({
    queryKey: bookingKeys.profile(therapist?.id ?? ''),
    queryFn: () => getBookingProfile(therapist!.id),
    enabled: !!therapist,
  });
  return (
    <Section
      title="Therapist profile on the booking page"
      description="A short bio and a photo help new clients choose. The photo is resized in your browser (at most 300 kB)."
    >
      {therapists.isPending || (therapist && profile.isPending) ? (
        <Skeleton height={120} />
      ) : !therapist ? (
        <Text size="sm" c="dimmed">
          Only owners and therapists have a profile.
        </Text>
      ) : profile.isError ? (
        <ApiErrorAlert error={profile.error} title="The profile could not be loaded" />
      ) : (
        <Stack gap="md">
          {editable.length > 1 && (
            <NativeSelect
              label="Therapist"
              value={therapist.id}
              onChange={(event) => setChosen(event.currentTarget.value)}
              data={editable.map((t) => ({ value: t.id, label: t.name }))}
              w={260}
            />
          )}
          {profile.data && <ProfileForm key={therapist.id} profile={profile.data} />}
        </Stack>
      )}
    </Section>
  );
}

function ProfileForm({ profile }: { profile: StaffBookingProfile }) {
  const queryClient = useQueryClient();
  const [bio, setBio] = useState(profile.bio);
  const [shown, setShown] = useState(profile.showOnBookingPage);
  const [photo, setPhoto] = useState<{ mime: 'image/jpeg'; data: string } | null | undefined>(undefined);
  const [photoError, setPhotoError] = useState('');
  const save = useMutation({
    mutationFn: () =>
      updateBookingProfile(profile.userId, {
        bio: bio.trim(),
        showOnBookingPage: shown,
        ...(photo !== undefined ? { photo } : {}),
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: `Profile of ${profile.name} saved.` });
      setPhoto(undefined);
      await queryClient.invalidateQueries({ queryKey: bookingKeys.profile(profile.userId) });
      await queryClient.invalidateQueries({ queryKey: ['public-booking'] });
    },
  });
  const saved = profile.photo ? `data:${profile.photo.mime};base64,${profile.photo.data}` : null;
  const preview = photo ? `data:${photo.mime};base64,${photo.data}` : photo === null ? null : saved;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={`Booking page profile of ${profile.name}`}>
      <Stack gap="sm">
        {save.isError && <ApiErrorAlert error={save.error} title="Not saved" />}
        <Switch
          label="Show on the booking page"
          description="Hidden therapists cannot be chosen or booked online; staff still book them."
          checked={shown}
          onChange={(event) => setShown(event.currentTarget.checked)}
        />
        <Group align="flex-start" gap="md" wrap="wrap">
          <Stack gap={6} align="center">
            <Avatar
              src={preview}
              size={96}
              radius="xl"
              alt={preview ? `Photo of ${profile.name}` : undefined}
            >
              <IconPhoto aria-hidden />
            </Avatar>
            <FileButton
              accept="image/jpeg,image/png,image/webp"
              onChange={(file) => {
                setPhotoError('');
                if (!file) return;
                photoForUpload(file)
                  .then(setPhoto)
                  .catch((error: unknown) => setPhotoError(errorMessage(error)));
              }}
            >
              {(fileProps) => (
                <Button size="xs" variant="default" {...fileProps}>
                  {preview ? 'Change photo' : 'Add photo'}
                </Button>
              )}
            </FileButton>
            {preview && (
              <Button size="xs" variant="subtle" color="red" onClick={() => setPhoto(null)}>
                Remove photo
              </Button>
            )}
            {photoError && (
              <Text size="xs" c="red.8" role="alert" maw={160}>
                {photoError}
              </Text>
            )}
          </Stack>
          <Textarea
            label="Bio"
            description="A few sentences: training, what you treat, how you work."
            autosize
            minRows={4}
            maxLength={2000}
            value={bio}
            onChange={(e) => setBio(e.currentTarget.value)}
            error={fieldErrorsFrom(save.error).bio}
            style={{ flex: '1 1 320px' }}
          />
        </Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// — Packages and introductory offers —

export function PackagesSection() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: bookingKeys.packages, queryFn: listPackages });
  const [values, setValues] = useState({
    name: '',
    description: '',
    visits: 5 as number | string,
    price: '' as number | string,
    introductory: false,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useMutation({
    mutationFn: () =>
      createPackage({
        name: values.name.trim(),
        ...(values.description.trim() ? { description: values.description.trim() } : {}),
        visits: Number(values.visits),
        priceCents: Math.round(Number(values.price) * 100) || 0,
        introductory: values.introductory,
      }),
    onSuccess: async () => {
      setValues({ name: '', description: '', visits: 5, price: '', introductory: false });
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: bookingKeys.packages });
    },
    onError: (error) => {
      const found = fieldErrorsFrom(error);
      if (found.priceCents) found.price = found.priceCents;
      setErrors(found);
    },
  });
  const remove = useMutation({
    mutationFn: archivePackage,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bookingKeys.packages }),
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(error) }),
  });
  const items = query.data?.items ?? [];
  return (
    <Section
      title="Packages and offers"
      description="Shown on the booking page, such as 5 visits for a set price or a first-visit offer."
    >
      <Stack gap="md">
        {query.isPending ? (
          <Skeleton height={40} />
        ) : query.isError ? (
          <ApiErrorAlert error={query.error} title="The packages could not be loaded" />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No packages.
          </Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((p) => (
              <Group key={p.id} component="li" justify="space-between" gap="sm">
                <div>
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {p.name}
                    </Text>
                    {p.introductory && (
                      <Badge size="xs" color="grape" variant="light">
                        New clients
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {p.visits} visit{p.visits === 1 ? '' : 's'} · {formatCents(p.priceCents)}
                    {p.description ? ` · ${p.description}` : ''}
                  </Text>
                </div>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  aria-label={`Remove ${p.name}`}
                  loading={remove.isPending && remove.variables === p.id}
                  onClick={() => remove.mutate(p.id)}
                >
                  Remove
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        <form
          aria-label="Add a package"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Paper p="sm" bg="gray.0">
            <Stack gap="sm">
              {add.isError && !Object.keys(fieldErrorsFrom(add.error)).length && (
                <ApiErrorAlert error={add.error} title="Not added" />
              )}
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput
                  label="Package name"
                  value={values.name}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    setValues((v) => ({ ...v, name }));
                  }}
                  error={errors.name}
                />
                <NumberInput
                  label="Visits"
                  min={1}
                  max={100}
                  value={values.visits}
                  onChange={(visits) => setValues((v) => ({ ...v, visits }))}
                  error={errors.visits}
                />
                <NumberInput
                  label="Package price ($)"
                  min={0}
                  decimalScale={2}
                  value={values.price}
                  onChange={(price) => setValues((v) => ({ ...v, price }))}
                  error={errors.price}
                />
              </SimpleGrid>
              <TextInput
                label="Description (optional)"
                value={values.description}
                onChange={(e) => {
                  const description = e.currentTarget.value;
                  setValues((v) => ({ ...v, description }));
                }}
              />
              <Group justify="space-between">
                <Checkbox
                  label="Introductory offer (new clients)"
                  checked={values.introductory}
                  onChange={(e) => {
                    const introductory = e.currentTarget.checked;
                    setValues((v) => ({ ...v, introductory }));
                  }}
                />
                <Button
                  type="submit"
                  variant="light"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  loading={add.isPending}
                >
                  Add package
                </Button>
              </Group>
            </Stack>
          </Paper>
        </form>
      </Stack>
    </Section>
  );
}

// — Testimonials —

export function TestimonialsSection() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: bookingKeys.testimonials('pending'),
    queryFn: () => listTestimonials('pending'),
  });
  const review = useMutation({
    mutationFn: (input: { id: string; status: 'approved' | 'rejected' }) =>
      reviewTestimonial(input.id, input.status),
    onSuccess: async (t) => {
      notifications.show({
        color: 'green',
        message:
          t.status === 'approved'
            ? 'Approved: it now shows on the booking page.'
            : 'Declined: it will not be shown.',
      });
      await queryClient.invalidateQueries({ queryKey: ['schedule', 'testimonials'] });
      await queryClient.invalidateQueries({ queryKey: ['public-booking'] });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) }),
  });
  const items = query.data?.items ?? [];
  return (
    <Section
      title="Testimonials to review"
      description="Clients write these in the portal after a visit, agreeing to their display. Approved ones appear on the booking page."
    >
      {query.isPending ? (
        <Skeleton height={40} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The testimonials could not be loaded" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          None waiting.
        </Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((t) => (
            <Paper key={t.id} component="li" p="sm" withBorder>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                “{t.text}”
              </Text>
              <Group justify="space-between" mt={6} gap="xs">
                <Text size="xs" c="dimmed">
                  — {t.displayName} · {formatDateTime(t.createdAt)}
                </Text>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="light"
                    color="green"
                    loading={
                      review.isPending &&
                      review.variables.id === t.id &&
                      review.variables.status === 'approved'
                    }
                    onClick={() => review.mutate({ id: t.id, status: 'approved' })}
                    aria-label={`Approve the testimonial from ${t.displayName}`}
                  >
                    Approve
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={
                      review.isPending &&
                      review.variables.id === t.id &&
                      review.variables.status === 'rejected'
                    }
                    onClick={() => review.mutate({ id: t.id, status: 'rejected' })}
                    aria-label={`Decline the testimonial from ${t.displayName}`}
                  >
                    Decline
                  </Button>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}
