/**
 * Billing set-up: the clinic's billing profile (box 25, 33; the 837P sender), each therapist's NPI, the
 * payers and their rules, service codes and fees, and the code-pair edits the scrubber checks. The owner
 * changes it (billing:setup); billers and the front desk read it.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  MASSAGE_THERAPIST_TAXONOMY,
  PLACE_OF_SERVICE_CODES,
} from '../../../modules/billing/domain/billing-setup.js';
import { isValidNpi } from '../../../modules/prescriptions/domain/npi.js';
import {
  billingKeys,
  getBillingProfile,
  saveBillingProfile,
  type BillingProfile,
  type BillingProfileInput,
} from '../../api/billing.js';
import { isApiError } from '../../api/http.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { SaveBar } from '../../components/SaveBar.js';
import { Section } from '../../components/Section.js';
import { SetupCodes } from './SetupCodes.js';
import { SetupPayers } from './SetupPayers.js';
import { SetupProviders } from './SetupProviders.js';

export function SetupTab() {
  const canSetup = useCan('billing:setup');
  return (
    <Stack gap="lg">
      {!canSetup && (
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
          Billing set-up is the clinic owner&apos;s: you can read it here. Ask the owner to change fees,
          payers or the clinic&apos;s identifiers.
        </Alert>
      )}
      <ProfileSection canSetup={canSetup} />
      <SetupProviders canSetup={canSetup} />
      <SetupPayers canSetup={canSetup} />
      <SetupCodes canSetup={canSetup} />
    </Stack>
  );
}

type ProfileForm = {
  legalName: string;
  taxId: string;
  taxIdType: 'EIN' | 'SSN';
  billingNpi: string;
  taxonomy: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  placeOfService: string;
  acceptAssignment: boolean;
  submitterId: string;
  submitterContact: string;
  receiverId: string;
  receiverName: string;
  usage: 'T' | 'P';
};

function toForm(profile: BillingProfile | null): ProfileForm {
  return {
    legalName: profile?.legalName ?? '',
    taxId: profile?.taxId ?? '',
    taxIdType: profile?.taxIdType ?? 'EIN',
    billingNpi: profile?.billingNpi ?? '',
    taxonomy: profile?.taxonomy ?? MASSAGE_THERAPIST_TAXONOMY,
    line1: profile?.address.line1 ?? '',
    line2: profile?.address.line2 ?? '',
    city: profile?.address.city ?? '',
    state: profile?.address.state ?? '',
    zip: profile?.address.zip ?? '',
    phone: profile?.phone ?? '',
    placeOfService: profile?.placeOfService ?? '11',
    acceptAssignment: profile?.acceptAssignment ?? true,
    submitterId: profile?.submitterId ?? '',
    submitterContact: profile?.submitterContact ?? '',
    receiverId: profile?.receiverId ?? '',
    receiverName: profile?.receiverName ?? '',
    usage: profile?.usage ?? 'T',
  };
}

function toInput(form: ProfileForm, version: number | undefined): BillingProfileInput {
  return {
    ...(version === undefined ? {} : { version }),
    legalName: form.legalName.trim(),
    taxId: form.taxId.trim(),
    taxIdType: form.taxIdType,
    billingNpi: form.billingNpi.trim(),
    taxonomy: form.taxonomy.trim(),
    address: {
      line1: form.line1.trim(),
      line2: form.line2.trim() || null,
      city: form.city.trim(),
      state: form.state.trim(),
      zip: form.zip.trim(),
    },
    phone: form.phone.trim() || null,
    placeOfService: form.placeOfService,
    acceptAssignment: form.acceptAssignment,
    submitterId: form.submitterId.trim(),
    submitterContact: form.submitterContact.trim(),
    receiverId: form.receiverId.trim(),
    receiverName: form.receiverName.trim(),
    usage: form.usage,
  };
}

const placeLabel = (code: string) => {
  const place = PLACE_OF_SERVICE_CODES.find((p) => p.code === code);
  return place ? `${place.code} · ${place.label}` : code;
};

/** Server paths (address.zip) → form keys (zip). */
const PATH_TO_FIELD: Record<string, keyof ProfileForm> = {
  'address.line1': 'line1',
  'address.line2': 'line2',
  'address.city': 'city',
  'address.state': 'state',
  'address.zip': 'zip',
};

function ProfileSection({ canSetup }: { canSetup: boolean }) {
  const query = useQuery({ queryKey: billingKeys.profile, queryFn: getBillingProfile });
  return (
    <Section
      title="Billing profile"
      id="billing-profile"
      description="Who bills: the practice's legal name, tax ID and billing NPI (boxes 25 and 33), and the clearinghouse it sends to."
    >
      {query.isPending ? (
        <Stack gap="sm">
          <Skeleton height={36} />
          <Skeleton height={36} />
          <Skeleton height={36} />
        </Stack>
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The billing profile could not be loaded" />
      ) : (
        <ProfileEditor
          key={query.data.profile?.version ?? 0}
          profile={query.data.profile}
          canSetup={canSetup}
        />
      )}
    </Section>
  );
}

function ProfileEditor({ profile, canSetup }: { profile: BillingProfile | null; canSetup: boolean }) {
  const queryClient = useQueryClient();
  const initial = toForm(profile);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: '' }));
  };

  const save = useMutation({
    mutationFn: () => saveBillingProfile(toInput(values, profile?.version)),
    onSuccess: (saved) => {
      queryClient.setQueryData(billingKeys.profile, { profile: saved });
      void queryClient.invalidateQueries({ queryKey: billingKeys.all });
      notifications.show({ color: 'teal', title: 'Saved', message: 'The billing profile was saved.' });
    },
    onError: (error) => {
      const byPath = fieldErrorsFrom(error);
      const mapped: FieldErrors = {};
      for (const [path, message] of Object.entries(byPath)) mapped[PATH_TO_FIELD[path] ?? path] = message;
      setErrors(mapped);
      const first = Object.keys(mapped)[0];
      if (first) document.getElementById(`profile-${first}`)?.focus();
    },
  });

  const npiWarning =
    values.billingNpi.trim().length === 10 && !isValidNpi(values.billingNpi.trim())
      ? 'This NPI fails its check digit: look for a mistyped digit.'
      : undefined;
  const field = (key: keyof ProfileForm) => ({
    id: `profile-${key}`,
    error: errors[key] || undefined,
    readOnly: !canSetup,
  });
  const text = (key: keyof ProfileForm) => ({
    ...field(key),
    value: values[key] as string,
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(key, event.currentTarget.value as never),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canSetup) return;
    setErrors({});
    save.mutate();
  };

  const general =
    save.error && (!isApiError(save.error) || save.error.errors.length === 0) ? save.error : null;

  return (
    <form onSubmit={submit} noValidate aria-label="Billing profile">
      <Stack gap="md">
        {!profile && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />}>
            No billing profile yet: claims cannot be made until it is saved.
          </Alert>
        )}
        {general && <ApiErrorAlert error={general} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Legal name"
            description="As registered with the IRS."
            required
            maxLength={60}
            {...text('legalName')}
          />
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <TextInput
              label="Tax ID"
              description="9 digits"
              required
              style={{ flex: 1 }}
              {...text('taxId')}
            />
            {canSetup ? (
              <NativeSelect
                label="Type"
                description="EIN or SSN"
                data={[
                  { value: 'EIN', label: 'EIN' },
                  { value: 'SSN', label: 'SSN' },
                ]}
                value={values.taxIdType}
                onChange={(event) => set('taxIdType', event.currentTarget.value as 'EIN' | 'SSN')}
                w={100}
              />
            ) : (
              <TextInput label="Type" description="EIN or SSN" value={values.taxIdType} readOnly w={100} />
            )}
          </Group>
          <TextInput
            label="Billing NPI"
            description="Type 2 (organisation) NPI, or the owner's own when billing as an individual."
            required
            inputMode="numeric"
            maxLength={10}
            {...text('billingNpi')}
            error={errors.billingNpi || npiWarning}
          />
          <TextInput
            label="Taxonomy"
            description={`${MASSAGE_THERAPIST_TAXONOMY} is Massage Therapist.`}
            required
            maxLength={10}
            {...text('taxonomy')}
          />
        </SimpleGrid>
        <Title order={3}>Billing address</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label="Street" required maxLength={55} {...text('line1')} />
          <TextInput label="Suite, unit (optional)" maxLength={55} {...text('line2')} />
          <TextInput label="City" required maxLength={30} {...text('city')} />
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <TextInput label="State" required maxLength={2} w={90} {...text('state')} />
            <TextInput
              label="ZIP"
              description="ZIP+4 for electronic claims"
              required
              maxLength={10}
              style={{ flex: 1 }}
              {...text('zip')}
            />
          </Group>
          <TextInput label="Phone" type="tel" maxLength={30} {...text('phone')} />
          {canSetup ? (
            <NativeSelect
              label="Place of service"
              description="Box 24B on every line."
              data={PLACE_OF_SERVICE_CODES.map((p) => ({ value: p.code, label: `${p.code} · ${p.label}` }))}
              value={values.placeOfService}
              onChange={(event) => set('placeOfService', event.currentTarget.value)}
              id="profile-placeOfService"
              error={errors.placeOfService || undefined}
            />
          ) : (
            <TextInput
              label="Place of service"
              description="Box 24B on every line."
              value={placeLabel(values.placeOfService)}
              readOnly
            />
          )}
        </SimpleGrid>
        {canSetup ? (
          <Switch
            label="Accept assignment"
            description="Payers pay the clinic directly (box 27)."
            checked={values.acceptAssignment}
            onChange={(event) => set('acceptAssignment', event.currentTarget.checked)}
          />
        ) : (
          <TextInput
            label="Accept assignment (box 27)"
            value={values.acceptAssignment ? 'Yes: payers pay the clinic directly' : 'No'}
            readOnly
            maw={420}
          />
        )}
        <Title order={3}>Clearinghouse (837P)</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Submitter ID"
            description="Your ID at the clearinghouse."
            required
            {...text('submitterId')}
          />
          <TextInput
            label="Billing contact"
            description="A name the clearinghouse can ask for."
            required
            {...text('submitterContact')}
          />
          <TextInput
            label="Receiver ID"
            description="The clearinghouse's own ID."
            required
            {...text('receiverId')}
          />
          <TextInput label="Clearinghouse name" required {...text('receiverName')} />
        </SimpleGrid>
        {canSetup ? (
          <Radio.Group
            label="Files are marked as"
            description="Keep “Test” until the clearinghouse has approved your test files."
            value={values.usage}
            onChange={(value) => set('usage', value)}
          >
            <Group gap="lg" mt={6}>
              <Radio value="T" label="Test" />
              <Radio value="P" label="Production" />
            </Group>
          </Radio.Group>
        ) : (
          <TextInput
            label="Files are marked as"
            value={values.usage === 'P' ? 'Production' : 'Test'}
            readOnly
            maw={240}
          />
        )}
      </Stack>
      {canSetup && (dirty || save.isPending) && (
        <SaveBar dirty={dirty}>
          {dirty && (
            <Button variant="default" onClick={() => setValues(initial)}>
              Discard changes
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            Save billing profile
          </Button>
        </SaveBar>
      )}
    </form>
  );
}
