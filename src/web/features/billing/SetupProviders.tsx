/** Set-up › providers: each therapist's individual NPI, taxonomy and licence state (box 24J, 2310B). */
import { useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Group,
  Modal,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, type Role } from '../../../platform/authz/permissions.js';
import { MASSAGE_THERAPIST_TAXONOMY } from '../../../modules/billing/domain/billing-setup.js';
import { isValidNpi } from '../../../modules/prescriptions/domain/npi.js';
import { billingKeys, listProviders, saveProvider, type ProviderBillingId } from '../../api/billing.js';
import { isApiError } from '../../api/http.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { Section } from '../../components/Section.js';

/** Roles that treat clients, so bill under their own NPI. */
const TREATING_ROLES = ['owner', 'therapist'];

export function SetupProviders({ canSetup }: { canSetup: boolean }) {
  const query = useQuery({ queryKey: billingKeys.providers, queryFn: listProviders });
  const [editing, setEditing] = useState<ProviderBillingId | null>(null);

  return (
    <Section
      title="Providers"
      id="billing-providers"
      description="The treating therapist's own NPI goes on every claim line (box 24J). A claim cannot be sent without it."
    >
      {query.isPending ? (
        <Skeleton height={80} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The providers could not be loaded" />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table horizontalSpacing="sm" aria-label="Providers">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>NPI</Table.Th>
                <Table.Th>Taxonomy</Table.Th>
                <Table.Th>Licence</Table.Th>
                {canSetup && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((provider) => (
                <Table.Tr key={provider.userId}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {provider.name}
                      {provider.credentials ? `, ${provider.credentials}` : ''}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {ROLE_LABELS[provider.role as Role] ?? provider.role}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {provider.npi ? (
                      <Text size="sm" ff="monospace">
                        {provider.npi}
                      </Text>
                    ) : !TREATING_ROLES.includes(provider.role) ? (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    ) : (
                      <Badge color="orange" variant="light">
                        No NPI
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ff="monospace">{provider.taxonomy ?? '—'}</Table.Td>
                  <Table.Td>
                    {[provider.licenseNumber, provider.licenseState].filter(Boolean).join(' · ') || '—'}
                  </Table.Td>
                  {canSetup && (
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        onClick={() => setEditing(provider)}
                        aria-label={`Edit the billing IDs of ${provider.name}`}
                      >
                        Edit
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? `Billing IDs of ${editing.name}` : 'Billing IDs'}
      >
        {editing && <ProviderForm provider={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Section>
  );
}

function ProviderForm({ provider, onDone }: { provider: ProviderBillingId; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [npi, setNpi] = useState(provider.npi ?? '');
  const [taxonomy, setTaxonomy] = useState(provider.taxonomy ?? MASSAGE_THERAPIST_TAXONOMY);
  const [licenseState, setLicenseState] = useState(provider.licenseState ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: () =>
      saveProvider(provider.userId, {
        npi: npi.trim(),
        taxonomy: taxonomy.trim(),
        licenseState: licenseState.trim() || null,
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: billingKeys.all });
      notifications.show({
        color: 'teal',
        title: 'Saved',
        message: `NPI ${saved.npi} saved for ${saved.name}.`,
      });
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsFrom(error)),
  });
  const trimmed = npi.trim();
  const npiHint =
    trimmed.length === 10 ? (isValidNpi(trimmed) ? 'Check digit OK' : undefined) : 'Exactly 10 digits.';
  const npiProblem =
    trimmed.length === 10 && !isValidNpi(trimmed)
      ? 'This NPI fails its check digit: look for a mistyped digit.'
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{10}$/.test(trimmed)) {
      setErrors({ npi: 'An NPI is exactly 10 digits.' });
      return;
    }
    save.mutate();
  };
  const general =
    save.error && (!isApiError(save.error) || save.error.errors.length === 0) ? save.error : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {general && <ApiErrorAlert error={general} />}
        <TextInput
          label="Individual NPI"
          description={npiHint}
          required
          inputMode="numeric"
          maxLength={10}
          value={npi}
          onChange={(event) => {
            setNpi(event.currentTarget.value);
            setErrors({});
          }}
          error={errors.npi || npiProblem}
          data-autofocus
        />
        <TextInput
          label="Taxonomy"
          description={`${MASSAGE_THERAPIST_TAXONOMY} is Massage Therapist.`}
          required
          maxLength={10}
          value={taxonomy}
          onChange={(event) => setTaxonomy(event.currentTarget.value)}
          error={errors.taxonomy}
        />
        <TextInput
          label="Licence state"
          description="Two letters, e.g. IL"
          maxLength={2}
          w={160}
          value={licenseState}
          onChange={(event) => setLicenseState(event.currentTarget.value.toUpperCase())}
          error={errors.licenseState}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
