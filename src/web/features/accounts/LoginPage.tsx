import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconClockHour4, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { login } from '../../api/accounts.js';
import { isApiError } from '../../api/http.js';
import {
  safeNextPath,
  startSession,
  useAuthNotice,
  useSessionQuery,
  type AuthNotice,
} from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { formatTimeOrDateTime } from '../../components/format.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { FullPageLoader } from '../../components/FullPageState.js';
import { PasswordField } from '../../components/PasswordField.js';
import { usePageTitle } from '../../components/PageHeader.js';

function LockedAlert({ retryAt }: { retryAt: string | undefined }) {
  return (
    <Alert color="red" variant="light" title="Account locked" icon={<IconLock aria-hidden />} role="alert">
      This account is locked after too many failed sign-ins.{' '}
      {retryAt
        ? `Try again after ${formatTimeOrDateTime(retryAt)}, or ask the clinic owner.`
        : 'Try again later.'}
    </Alert>
  );
}

export function LoginPage() {
  usePageTitle('Sign in');
  const session = useSessionQuery();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const next = safeNextPath(searchParams.get('next'));
  // The live notice (it can still improve while the last requests fail), else the one the redirect carried.
  const liveNotice = useAuthNotice();
  const notice = liveNotice ?? (location.state as { notice?: AuthNotice } | null)?.notice;

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const codeInput = useRef<HTMLInputElement>(null);

  const signIn = useMutation({
    mutationFn: () => login({ email, password, ...(needsCode ? { totpCode: totpCode.trim() } : {}) }),
    onSuccess: (info) => {
      startSession(queryClient, info);
      void navigate(next, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'totp_required') {
        setNeedsCode(true);
        setErrors({});
        return;
      }
      setErrors(fieldErrorsFrom(error));
    },
  });

  useEffect(() => {
    if (needsCode) codeInput.current?.focus();
  }, [needsCode]);

  if (session.isPending) return <FullPageLoader />;
  if (session.data) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!email.trim()) found.email = 'Enter your email address.';
    if (!password) found.password = 'Enter your password.';
    if (needsCode && !/^\d{6}$/.test(totpCode.trim()))
      found.totpCode = 'Enter the 6-digit code from your authenticator app.';
    setErrors(found);
    if (Object.keys(found).length) return;
    signIn.mutate();
  };

  const error = signIn.error;
  const locked = isApiError(error) && error.code === 'account_locked';
  const showGeneralError =
    error && !locked && !(isApiError(error) && (error.code === 'totp_required' || error.errors.length > 0));

  return (
    <AuthLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={1}>Sign in</Title>
            <Text c="dimmed" size="sm">
              Sign in to your clinic&rsquo;s Palpa.
            </Text>
          </Stack>

          {notice && !error && (
            <Alert
              color={notice.kind === 'expired' ? 'yellow' : 'palpa'}
              variant="light"
              title={notice.kind === 'expired' ? 'Signed out' : undefined}
              icon={
                notice.kind === 'expired' ? <IconClockHour4 aria-hidden /> : <IconInfoCircle aria-hidden />
              }
              role="status"
            >
              {notice.message}
            </Alert>
          )}
          {locked && (
            <LockedAlert
              retryAt={typeof error.problem.retryAt === 'string' ? error.problem.retryAt : undefined}
            />
          )}
          {showGeneralError && (
            <ApiErrorAlert
              error={error}
              title={isApiError(error) && error.status === 401 ? 'Could not sign you in' : undefined}
            />
          )}

          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errors.email}
            readOnly={needsCode}
          />
          <PasswordField
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.password}
          />
          {needsCode && (
            <TextInput
              ref={codeInput}
              label="6-digit code"
              description="Two-factor sign-in is on for this account. Enter the code your authenticator app shows now."
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={totpCode}
              onChange={(event) => setTotpCode(event.currentTarget.value.replace(/\D/g, ''))}
              error={errors.totpCode}
              styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
            />
          )}
          <Button type="submit" size="md" fullWidth loading={signIn.isPending} mt="xs">
            Sign in
          </Button>
          {needsCode && (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => {
                setNeedsCode(false);
                setTotpCode('');
                signIn.reset();
              }}
            >
              Use a different account
            </Button>
          )}
          <Text size="sm" ta="center">
            Studying for the MBLEx?{' '}
            <Anchor component={Link} to="/learn/signup">
              Create a learner account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
