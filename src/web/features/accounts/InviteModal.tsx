import { useState, type FormEvent } from 'react';
import { Alert, Button, CopyButton, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../platform/authz/permissions.js';
import { inviteStaff, type Invitation } from '../../api/accounts.js';
import { isApiError } from '../../api/http.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { formatDate } from '../../components/format.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { ROLE_OPTIONS } from './roles.js';

export const INVITATIONS_KEY = ['invitations'] as const;

export function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Invite a staff member" size="lg" centered>
      {/* Remounted on every opening, so the form starts empty. */}
      {opened && <InviteForm onClose={onClose} />}
    </Modal>
  );
}

function InviteForm({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('therapist');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<Invitation | null>(null);

  const invite = useMutation({
    mutationFn: () => inviteStaff({ name: name.trim(), email: email.trim(), role }),
    onSuccess: (invitation) => {
      setCreated(invitation);
      void queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY });
    },
    onError: (error) => setErrors(fieldErrorsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!name.trim()) found.name = 'Enter the name of the person you invite.';
    if (!email.trim()) found.email = 'Enter their email address.';
    setErrors(found);
    if (!Object.keys(found).length) invite.mutate();
  };

  if (created) {
    const link = `${window.location.origin}${created.acceptPath ?? ''}`;
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" icon={<IconCheck aria-hidden />} title="Invitation created">
          Send this link to {created.name} ({created.email}) yourself — Palpa does not send email yet. The
          link works once and expires on {formatDate(created.expiresAt)}.
        </Alert>
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            label="Invitation link"
            value={link}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            style={{ flex: 1 }}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          />
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button
                onClick={copy}
                color={copied ? 'teal' : undefined}
                leftSection={
                  copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                }
                miw={120}
              >
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Done
          </Button>
        </Group>
      </Stack>
    );
  }

  const generalError =
    invite.error && !(isApiError(invite.error) && invite.error.errors.length > 0) ? invite.error : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Palpa creates a one-time link for the new staff member to choose their password. You hand the link
          over.
        </Text>
        {generalError && <ApiErrorAlert error={generalError} />}
        <TextInput
          label="Name"
          withAsterisk
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          autoComplete="off"
          data-autofocus
        />
        <TextInput
          label="Email"
          type="email"
          withAsterisk
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
          autoComplete="off"
        />
        <NativeSelect
          label="Role"
          data={ROLE_OPTIONS}
          value={role}
          onChange={(event) => setRole(event.currentTarget.value as Role)}
          error={errors.role}
        />
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} p="xs">
          <Text size="xs">You can change the role later on this page.</Text>
        </Alert>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Create invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
