/**
 * Route /learn/signup — a student without a clinic creates a learner account (issue 8, item 8). Only open
 * when the server runs with PALPA_OPEN_SIGNUP=1; otherwise the server answers 404 and the page says so.
 * On success the server has set the session cookie: the page starts the session and goes to /learning.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDoorOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useNavigate } from 'react-router';
import { getSession } from '../../api/accounts.js';
import { isApiError } from '../../api/http.js';
import { signUpLearner } from '../../api/learning.js';
import { startSession, useSessionQuery } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { FullPageLoader } from '../../components/FullPageState.js';
import { NewPasswordField, newPasswordProblem, SignInEmailField } from '../../components/PasswordField.js';
import { usePageTitle } from '../../components/PageHeader.js';

export function LearnerSignupPage() {
  usePageTitle('Create a learner account');
  const session = useSessionQuery();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});

  const signUp = useMutation({
    mutationFn: async () => {
      await signUpLearner({
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
      });
      return getSession();
    },
    onSuccess: (info) => {
      if (info) startSession(queryClient, info);
      void navigate('/learning', { replace: true });
    },
    onError: (error) => setErrors(fieldErrorsFrom(error)),
  });

  if (session.isPending) return <FullPageLoader />;
  if (session.data && !signUp.isSuccess) return <Navigate to="/learning" replace />;

  const set = (field: keyof typeof values) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: '' }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!values.name.trim()) found.name = 'Enter your name.';
    if (!values.email.trim()) found.email = 'Enter your email address.';
    const passwordIssue = newPasswordProblem(values.password, values.email);
    if (passwordIssue) found.password = passwordIssue;
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    signUp.mutate();
  };

  const closed = isApiError(signUp.error) && signUp.error.status === 404;
  const serverError =
    signUp.error && !closed && !(isApiError(signUp.error) && signUp.error.errors.length)
      ? signUp.error
      : null;

  return (
    <AuthLayout width={480}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={1}>Create a learner account</Title>
            <Text c="dimmed" size="sm">
              For students preparing for the MBLEx: practice questions with a rationale for every answer, full
              timed exams, spaced review, a study plan and medical massage case studies. No clinic needed.
            </Text>
          </Stack>
          {closed && (
            <Alert
              color="yellow"
              variant="light"
              title="Sign-up is not open on this Palpa."
              icon={<IconDoorOff aria-hidden />}
              role="alert"
            >
              This Palpa does not take new learner accounts. If your school or clinic uses it, ask them for an
              invitation; if you already have an account, sign in.
            </Alert>
          )}
          {serverError && <ApiErrorAlert error={serverError} title="Your account was not created" />}
          <TextInput
            label="Your name"
            withAsterisk
            autoComplete="name"
            value={values.name}
            onChange={set('name')}
            error={errors.name || undefined}
          />
          <SignInEmailField value={values.email} onChange={set('email')} error={errors.email || undefined} />
          <NewPasswordField
            value={values.password}
            onChange={set('password')}
            error={errors.password || undefined}
          />
          <Button type="submit" size="md" loading={signUp.isPending} fullWidth mt="xs">
            Create my account
          </Button>
          <Text size="sm" ta="center">
            Already have an account?{' '}
            <Anchor component={Link} to="/login">
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
