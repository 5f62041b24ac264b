import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ROLE_LABELS } from '../../../platform/authz/permissions.js';
import { acceptInvitation, previewInvitation } from '../../api/accounts.js';
import { isApiError } from '../../api/http.js';
import { startSession, useSessionQuery } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { NewPasswordField, newPasswordProblem } from '../../components/PasswordField.js';
import { usePageTitle } from '../../components/PageHeader.js';

export function InvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSessionQuery().data;
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => previewInvitation(token),
    retry: false,
  });
  usePageTitle(preview.data ? `Join ${preview.data.clinicName}` : 'Invitation');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const accept = useMutation({
    mutationFn: () => acceptInvitation({ token, password }),
    onSuccess: (info) => {
      startSession(queryClient, info);
      void navigate('/clients', { replace: true });
    },
    onError: (error) => setErrors(fieldErrorsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = newPasswordProblem(password, preview.data?.email ?? '');
    setErrors(problem ? { password: problem } : {});
    if (!problem) accept.mutate();
  };

  if (preview.isPending) {
    return (
      <AuthLayout>
        <Stack gap="md" aria-busy="true">
          <Title order={1}>Invitation</Title>
          <Skeleton height={18} />
          <Skeleton height={18} width="70%" />
          <Skeleton height={36} mt="md" />
        </Stack>
      </AuthLayout>
    );
  }

  if (preview.isError) {
    const gone = isApiError(preview.error) && (preview.error.status === 404 || preview.error.status === 400);
    return (
      <AuthLayout>
        <Stack gap="md">
          <Title order={1}>Invitation not valid</Title>
          {gone ? (
            <Text>
              This invitation link is not valid any more: it was used already, revoked, or it expired. Ask the
              clinic owner for a new one.
            </Text>
          ) : (
            <ApiErrorAlert error={preview.error} />
          )}
          <Anchor component={Link} to="/login">
            Go to sign-in
          </Anchor>
        </Stack>
      </AuthLayout>
    );
  }

  const invitation = preview.data;
  const generalError =
    accept.error && !(isApiError(accept.error) && accept.error.errors.length > 0) ? accept.error : null;

  return (
    <AuthLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={6}>
            <Title order={1}>Join {invitation.clinicName}</Title>
            <Text c="dimmed" size="sm">
              {invitation.name}, you have been invited to {invitation.clinicName}&rsquo;s Palpa. Choose a
              password to create your account.
            </Text>
            <Group gap="xs">
              <Text size="sm" fw={500}>
                Your role:
              </Text>
              <Badge variant="light">{ROLE_LABELS[invitation.role]}</Badge>
            </Group>
          </Stack>
          {session && (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />}>
              You are signed in as {session.user.name} on this computer. Creating this account signs you in as{' '}
              {invitation.name} instead.
            </Alert>
          )}
          {generalError && <ApiErrorAlert error={generalError} />}
          <TextInput label="Name" value={invitation.name} readOnly variant="filled" />
          <TextInput
            label="Email"
            description="You sign in with this address."
            value={invitation.email}
            readOnly
            variant="filled"
            autoComplete="username"
          />
          <NewPasswordField
            label="Choose a password"
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setErrors({});
            }}
            error={errors.password}
          />
          <Button type="submit" size="md" fullWidth loading={accept.isPending} mt="xs">
            Create account
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
