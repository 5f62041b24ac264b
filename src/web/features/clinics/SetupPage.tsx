import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { getSession } from '../../api/accounts.js';
import { setupClinic } from '../../api/clinics.js';
import { isApiError } from '../../api/http.js';
import { SETUP_KEY, startSession } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { NewPasswordField, newPasswordProblem, SignInEmailField } from '../../components/PasswordField.js';
import { usePageTitle } from '../../components/PageHeader.js';

export function SetupPage() {
  usePageTitle('Set up Palpa');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ clinicName: '', ownerName: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});

  const setup = useMutation({
    mutationFn: async () => {
      await setupClinic(values);
      return getSession();
    },
    onSuccess: (session) => {
      if (session) startSession(queryClient, session);
      queryClient.setQueryData(SETUP_KEY, { setupRequired: false });
      void navigate('/clients', { replace: true });
    },
    onError: (error) => setErrors(fieldErrorsFrom(error)),
  });

  const set = (field: keyof typeof values) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: '' }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!values.clinicName.trim()) found.clinicName = 'Enter the clinic name.';
    if (!values.ownerName.trim()) found.ownerName = 'Enter your name.';
    if (!values.email.trim()) found.email = 'Enter your email address.';
    const passwordIssue = newPasswordProblem(values.password, values.email);
    if (passwordIssue) found.password = passwordIssue;
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setup.mutate();
  };

  const serverError =
    setup.error && !(isApiError(setup.error) && setup.error.errors.length) ? setup.error : null;

  return (
    <AuthLayout width={480}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={1}>Set up Palpa</Title>
            <Text c="dimmed" size="sm">
              Create your clinic and your own account. You will be the clinic&rsquo;s owner and can invite
              your staff afterwards.
            </Text>
          </Stack>
          {serverError && <ApiErrorAlert error={serverError} />}
          <TextInput
            label="Clinic name"
            withAsterisk
            autoComplete="organization"
            value={values.clinicName}
            onChange={set('clinicName')}
            error={errors.clinicName || undefined}
          />
          <TextInput
            label="Your name"
            description="As your staff and the audit log will see it."
            withAsterisk
            autoComplete="name"
            value={values.ownerName}
            onChange={set('ownerName')}
            error={errors.ownerName || undefined}
          />
          <SignInEmailField value={values.email} onChange={set('email')} error={errors.email || undefined} />
          <NewPasswordField
            value={values.password}
            onChange={set('password')}
            error={errors.password || undefined}
          />
          <Button type="submit" size="md" loading={setup.isPending} fullWidth mt="xs">
            Create clinic
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
