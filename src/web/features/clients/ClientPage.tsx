import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, List, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArchive,
  IconArchiveOff,
  IconInfoCircle,
  IconRefresh,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { displayName } from '../../../modules/clients/domain/client.js';
import { archiveClient, getClient, restoreClient, updateClient, type Client } from '../../api/clients.js';
import { isApiError, type ApiError } from '../../api/http.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { ageOn, formatDateOnly, formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ClientActivity } from '../audit/ClientActivity.js';
import { ClientBilling } from '../billing/ClientBilling.js';
import { ClientAlertBadges } from '../episodes/ScreeningAlerts.js';
import { CompletedByClient, InviteToPortalButton } from '../portal/ClientPortalPanel.js';
import {
  clientToForm,
  FIELD_LABELS,
  FIELD_ORDER,
  getFieldValue,
  toUpdateInput,
  type ClientFormValues,
} from './client-form.js';
import { ClientEpisodes } from './ClientEpisodes.js';
import { ClientFormFields } from './ClientForm.js';
import { LeaveGuard, SaveBar } from './FormChrome.js';
import { useClientForm } from './useClientForm.js';

export const clientQueryKey = (id: string) => ['client', id] as const;

export function ClientPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: clientQueryKey(id), queryFn: () => getClient(id) });

  if (query.isPending) {
    return (
      <Stack gap="lg" aria-busy="true">
        <PageHeader title="Client" documentTitle="Client record" back={{ to: '/clients', label: 'Clients' }}>
          <Skeleton height={16} width={260} />
        </PageHeader>
        <Paper p="lg">
          <Stack gap="md">
            <Skeleton height={20} width={180} />
            <Skeleton height={36} />
            <Skeleton height={36} />
            <Skeleton height={36} />
          </Stack>
        </Paper>
      </Stack>
    );
  }

  if (query.isError) {
    const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <>
        <PageHeader
          title={notFound ? 'Client not found' : 'Client'}
          back={{ to: '/clients', label: 'Clients' }}
        />
        {notFound ? (
          <Text>This client does not exist in your clinic, or the link is wrong.</Text>
        ) : (
          <ApiErrorAlert error={query.error} />
        )}
      </>
    );
  }

  return <ClientEditor key={query.data.id} initial={query.data} />;
}

type LostEdit = { label: string; value: string };

function ClientEditor({ initial }: { initial: Client }) {
  const queryClient = useQueryClient();
  const canWrite = useCan('clients:write');
  const canArchive = useCan('clients:archive');
  const canAudit = useCan('audit:read');
  const canSeeEpisodes = useCan('episodes:read');
  const canSeeBilling = useCan('billing:read');
  const canSeeClinical = useCan('clinical:read');
  /** The version the form is based on: every change is sent with its version number. */
  const [original, setOriginal] = useState(initial);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [lostEdits, setLostEdits] = useState<LostEdit[] | null>(null);
  const [reloading, setReloading] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);

  const remember = (client: Client) => {
    setOriginal(client);
    queryClient.setQueryData(clientQueryKey(client.id), client);
    void queryClient.invalidateQueries({ queryKey: ['clients'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };

  const onFailure = (error: unknown, showOnForm: boolean) => {
    if (isApiError(error) && error.code === 'version_conflict') {
      setConflict(error);
      form.clearProblem();
      return;
    }
    if (showOnForm) form.showError(error);
    else setActionError(error);
  };

  const save = useMutation({
    mutationFn: (changes: ReturnType<typeof toUpdateInput>) =>
      updateClient(original.id, { ...changes, version: original.version }),
    onSuccess: (client) => {
      remember(client);
      form.reset(clientToForm(client));
      setLostEdits(null);
      notifications.show({
        color: 'teal',
        title: 'Saved',
        message: `Changes to ${displayName(client)} were saved.`,
      });
    },
    onError: (error) => onFailure(error, true),
  });

  const archive = useMutation({
    mutationFn: (action: 'archive' | 'restore') =>
      action === 'archive'
        ? archiveClient(original.id, original.version)
        : restoreClient(original.id, original.version),
    onSuccess: (client) => {
      remember(client);
      setActionError(null);
      notifications.show({
        color: 'teal',
        title: client.archived ? 'Client archived' : 'Client restored',
        message: client.archived
          ? `${displayName(client)} is archived and hidden from search.`
          : `${displayName(client)} is active again.`,
      });
    },
    onError: (error) => onFailure(error, false),
  });

  const form = useClientForm(clientToForm(initial), { saving: save.isPending });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canWrite || save.isPending) return;
    form.clearProblem();
    setConflict(null);
    if (!form.validate()) return;
    const changes = toUpdateInput(form.values, original);
    if (Object.keys(changes).length === 0) {
      notifications.show({
        color: 'gray',
        title: 'Nothing to save',
        message: 'You have not changed anything.',
      });
      return;
    }
    save.mutate(changes);
  };

  /** Loads the latest version; what the user typed is listed so it can be entered again. */
  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery({
        queryKey: clientQueryKey(original.id),
        queryFn: () => getClient(original.id),
        staleTime: 0,
      });
      const mine = form.values;
      const base = clientToForm(original);
      const latest: ClientFormValues = clientToForm(fresh);
      const lost = FIELD_ORDER.filter(
        (path) =>
          getFieldValue(mine, path) !== getFieldValue(base, path) &&
          getFieldValue(mine, path) !== getFieldValue(latest, path),
      ).map((path) => ({ label: FIELD_LABELS[path], value: getFieldValue(mine, path) || '(empty)' }));
      setOriginal(fresh);
      form.reset(latest);
      setConflict(null);
      setActionError(null);
      setLostEdits(lost.length ? lost : null);
    } catch (error) {
      setActionError(error);
    } finally {
      setReloading(false);
    }
  };

  const age = ageOn(original.dateOfBirth);
  const facts = [
    original.preferredName ? `Goes by ${original.preferredName}` : null,
    original.pronouns,
    `Born ${formatDateOnly(original.dateOfBirth)}${age !== undefined ? ` (${age} years)` : ''}`,
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span" wrap="wrap">
            <span>
              {original.givenName} {original.familyName}
            </span>
            {original.archived && (
              <Badge color="gray" variant="filled" size="lg">
                Archived
              </Badge>
            )}
          </Group>
        }
        // Not the client's name: browser history on a shared computer keeps page titles.
        documentTitle="Client record"
        back={{ to: '/clients', label: 'Clients' }}
        actions={
          <>
            {canWrite && !original.archived && (
              <InviteToPortalButton clientId={original.id} email={original.email} />
            )}
            {canArchive &&
              (original.archived ? (
                <Button
                  variant="default"
                  leftSection={<IconArchiveOff size={16} aria-hidden />}
                  loading={archive.isPending}
                  onClick={() => archive.mutate('restore')}
                >
                  Restore
                </Button>
              ) : (
                <Button
                  variant="default"
                  leftSection={<IconArchive size={16} aria-hidden />}
                  loading={archive.isPending}
                  onClick={() => archive.mutate('archive')}
                >
                  Archive
                </Button>
              ))}
          </>
        }
      >
        <Text size="sm" c="gray.7">
          {facts.join(' · ')}
        </Text>
        <Text size="sm" c="dimmed">
          Last changed by {original.updatedBy.name} on {formatDateTime(original.updatedAt)}
        </Text>
        {canSeeEpisodes && <ClientAlertBadges clientId={original.id} />}
      </PageHeader>

      <Stack gap="lg">
        {conflict && (
          <Alert
            color="orange"
            variant="light"
            title="This client was changed while you were editing"
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
          >
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{conflict.detail}</Text>
              <Text size="sm" c="dimmed">
                Reloading shows their version; the values you typed are listed afterwards so you can enter
                them again.
              </Text>
              <Button
                size="sm"
                leftSection={<IconRefresh size={16} aria-hidden />}
                loading={reloading}
                onClick={() => void reload()}
              >
                Reload
              </Button>
            </Stack>
          </Alert>
        )}
        {lostEdits && (
          <Alert
            color="blue"
            variant="light"
            title="The latest version is shown — your changes were not saved"
            icon={<IconInfoCircle aria-hidden />}
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setLostEdits(null)}
          >
            <Text size="sm" mb="xs">
              You had entered these values. Make the changes again if they are still right:
            </Text>
            <List size="sm" spacing={2}>
              {lostEdits.map((edit) => (
                <List.Item key={edit.label}>
                  <Text span fw={600} size="sm">
                    {edit.label}:
                  </Text>{' '}
                  <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {edit.value}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {actionError !== null && (
          <ApiErrorAlert error={actionError} withCloseButton onClose={() => setActionError(null)} />
        )}
        {original.archived && (
          <Alert color="gray" variant="light" icon={<IconArchive aria-hidden />}>
            This client is archived: hidden from search, with the record kept.
            {canArchive ? ' Restore the client to make them active again.' : ''}
          </Alert>
        )}
        {!canWrite && (
          <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
            Your role can view this client but not change the record.
          </Alert>
        )}

        {canSeeEpisodes && <ClientEpisodes clientId={original.id} archived={original.archived} />}

        {canSeeClinical && <CompletedByClient clientId={original.id} />}

        {canSeeBilling && (
          <ClientBilling clientId={original.id} clientName={`${original.givenName} ${original.familyName}`} />
        )}

        <form onSubmit={submit} noValidate aria-label="Client record">
          <Stack gap="lg">
            {form.problem && <ErrorSummary ref={form.summaryRef} {...form.problem} />}
            <ClientFormFields
              values={form.values}
              errors={form.errors}
              onChange={form.setField}
              readOnly={!canWrite}
            />
          </Stack>
          {canWrite && (
            <SaveBar dirty={form.dirty}>
              {form.dirty && (
                <Button variant="default" onClick={() => form.reset(clientToForm(original))}>
                  Discard changes
                </Button>
              )}
              <Button type="submit" loading={save.isPending}>
                Save client
              </Button>
            </SaveBar>
          )}
        </form>

        {canAudit && <ClientActivity clientId={original.id} />}
        <Text size="xs" c="dimmed">
          Added on {formatDateTime(original.createdAt)}.{' '}
          {canAudit && (
            <Text component={Link} to={`/audit?clientId=${original.id}`} size="xs" c="palpa.8" td="underline">
              View the full history
            </Text>
          )}
        </Text>
      </Stack>
      <LeaveGuard blocker={form.blocker} />
    </>
  );
}
