import { type FormEvent } from 'react';
import { Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { displayName } from '../../../modules/clients/domain/client.js';
import { createClient } from '../../api/clients.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { emptyClientForm, toCreateInput } from './client-form.js';
import { ClientFormFields } from './ClientForm.js';
import { LeaveGuard, SaveBar } from './FormChrome.js';
import { useClientForm } from './useClientForm.js';

export function NewClientPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createClient,
    onSuccess: (client) => {
      queryClient.setQueryData(['client', client.id], client);
      void queryClient.invalidateQueries({ queryKey: ['clients'] });
      notifications.show({
        color: 'teal',
        title: 'Client added',
        message: `${displayName(client)} was added.`,
      });
      form.allowLeaving.current = true;
      void navigate(`/clients/${client.id}`, { replace: true });
    },
    onError: (error) => form.showError(error),
  });
  const form = useClientForm(emptyClientForm(), { saving: create.isPending });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clearProblem();
    if (!form.validate()) return;
    create.mutate(toCreateInput(form.values));
  };

  return (
    <>
      <PageHeader
        title="New client"
        description="Fields marked with * are required. You can fill in the rest later."
        back={{ to: '/clients', label: 'Clients' }}
      />
      <form onSubmit={submit} noValidate aria-label="New client">
        <Stack gap="lg">
          {form.problem && <ErrorSummary ref={form.summaryRef} {...form.problem} />}
          <ClientFormFields
            values={form.values}
            errors={form.errors}
            onChange={form.setField}
            readOnly={false}
          />
        </Stack>
        <SaveBar dirty={form.dirty}>
          <Button variant="default" component={Link} to="/clients">
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Save client
          </Button>
        </SaveBar>
      </form>
      <LeaveGuard blocker={form.blocker} />
    </>
  );
}
