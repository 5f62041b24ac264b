/**
 * The portal's pages before sign-in: sign in with a password (a code field appears when the server asks
 * for one) or by an emailed one-time link, accept an invitation by setting a password, and redeem a link.
 * They use only /api/portal/* routes.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Divider,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconHeartHandshake } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../../modules/accounts/domain/password-policy.js';
import { isApiError } from '../../api/http.js';
import {
  acceptPortalInvitation,
  portalKeys,
  portalLogin,
  redeemSignInLink,
  requestSignInLink,
  type PortalMe,
} from '../../api/portal.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom, type FieldErrors } from '../../components/form-errors.js';
import { PasswordField } from '../../components/PasswordField.js';
import { usePageTitle } from '../../components/PageHeader.js';

export function PortalAuthLayout({ children }: { children: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <Center component="main" id="main" px="md" py="xl" style={{ flex: 1 }}>
        <Stack w="100%" maw={440} gap="md">
          <Center>
            <IconHeartHandshake size={40} color="var(--mantine-color-palpa-7)" aria-hidden />
          </Center>
          <Paper p={{ base: 'lg', sm: 'xl' }} shadow="xs" radius="md">
            {children}
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            Your health information is private to you and your clinic. Sign out when you leave a shared
            computer.
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}

/** Keeps the signed-in account and leaves for the portal's home. */
function useEnterPortal() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (me: PortalMe) => {
    queryClient.removeQueries({ queryKey: portalKeys.all });
    queryClient.setQueryData(portalKeys.me, me);
    void navigate('/portal', { replace: true });
  };
}

export function PortalLoginPage() {
  usePageTitle('Client portal: sign in');
  const enter = useEnterPortal();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [linkSent, setLinkSent] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  const signIn = useMutation({
    mutationFn: () =>
      portalLogin({ email: email.trim(), password, ...(needsCode ? { totpCode: code.trim() } : {}) }),
    onSuccess: enter,
    onError: (error) => {
      if (isApiError(error) && error.code === 'totp_required') {
        setNeedsCode(true);
        setTimeout(() => codeRef.current?.focus(), 0);
        return;
      }
      setErrors(fieldErrorsFrom(error));
    },
  });
  const sendLink = useMutation({
    mutationFn: () => requestSignInLink(email.trim()),
    onSuccess: () => setLinkSent(true),
    onError: (error) => setErrors(fieldErrorsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!email.trim()) found.email = 'Enter your email address.';
    if (!password) found.password = 'Enter your password, or ask for a sign-in link below.';
    if (needsCode && !/^\d{6}$/.test(code.trim()))
      found.totpCode = 'Enter the 6-digit code from your authenticator app.';
    setErrors(found);
    if (!Object.keys(found).length) signIn.mutate();
  };

  const codeNeededNotice = isApiError(signIn.error) && signIn.error.code === 'totp_required';
  const showError = signIn.isError && !codeNeededNotice && !Object.keys(fieldErrorsFrom(signIn.error)).length;

  return (
    <PortalAuthLayout>
      <form onSubmit={submit} noValidate aria-labelledby="portal-signin-heading">
        <Stack gap="md">
          <div>
            <Title order={1} size="h2" id="portal-signin-heading">
              Client portal
            </Title>
            <Text size="sm" c="dimmed">
              Sign in to see your visits, book, and fill in your forms.
            </Text>
          </div>
          {showError && <ApiErrorAlert error={signIn.error} title="You are not signed in" />}
          {linkSent && (
            <Alert color="green" variant="light" role="status" icon={<IconCircleCheck aria-hidden />}>
              If {email.trim()} has a portal account, a sign-in link is on its way. It works once, for a short
              time.
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              setErrors((c) => ({ ...c, email: '' }));
            }}
            error={errors.email}
          />
          <PasswordField
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setErrors((c) => ({ ...c, password: '' }));
            }}
            error={errors.password}
          />
          {needsCode && (
            <TextInput
              ref={codeRef}
              label="Code from your authenticator app"
              description="Two-factor sign-in is on for this account."
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => {
                setCode(e.currentTarget.value);
                setErrors((c) => ({ ...c, totpCode: '' }));
              }}
              error={errors.totpCode}
            />
          )}
          <Button type="submit" loading={signIn.isPending} fullWidth>
            Sign in
          </Button>
          <Divider label="or" labelPosition="center" />
          <Button
            variant="default"
            fullWidth
            loading={sendLink.isPending}
            onClick={() => {
              if (!email.trim()) {
                setErrors({ email: 'Enter your email address, then ask for the link.' });
                return;
              }
              setLinkSent(false);
              sendLink.mutate();
            }}
          >
            Email me a sign-in link
          </Button>
        </Stack>
      </form>
    </PortalAuthLayout>
  );
}

export function PortalAcceptPage() {
  usePageTitle('Client portal: set your password');
  const { token = '' } = useParams();
  const enter = useEnterPortal();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const accept = useMutation({
    mutationFn: () => acceptPortalInvitation(token, password),
    onSuccess: enter,
    onError: (error) => setErrors(fieldErrorsFrom(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (password.length < PASSWORD_MIN_LENGTH)
      found.password = `Use at least ${PASSWORD_MIN_LENGTH} characters (a few words make a good password).`;
    else if (repeat !== password) found.repeat = 'The two passwords are not the same.';
    setErrors(found);
    if (!Object.keys(found).length) accept.mutate();
  };
  const missing = isApiError(accept.error) && accept.error.status === 404;
  return (
    <PortalAuthLayout>
      <form onSubmit={submit} noValidate aria-labelledby="portal-accept-heading">
        <Stack gap="md">
          <div>
            <Title order={1} size="h2" id="portal-accept-heading">
              Welcome to the client portal
            </Title>
            <Text size="sm" c="dimmed">
              Choose a password. You will use it with your email address to sign in.
            </Text>
          </div>
          {missing ? (
            <Alert color="orange" variant="light" role="alert" title="This invitation cannot be used">
              It has expired or was already used. Ask the clinic for a new one, or{' '}
              <Anchor component={Link} to="/portal/login">
                sign in
              </Anchor>{' '}
              if you have set a password.
            </Alert>
          ) : (
            accept.isError &&
            !Object.keys(fieldErrorsFrom(accept.error)).length && (
              <ApiErrorAlert error={accept.error} title="The password was not set" />
            )
          )}
          <PasswordField
            label="New password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
          />
          <PasswordField
            label="Repeat the password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={errors.repeat}
          />
          <Button type="submit" loading={accept.isPending} fullWidth>
            Set password and continue
          </Button>
        </Stack>
      </form>
    </PortalAuthLayout>
  );
}

export function PortalLinkPage() {
  usePageTitle('Client portal: signing in');
  const { token = '' } = useParams();
  const enter = useEnterPortal();
  const redeem = useMutation({ mutationFn: () => redeemSignInLink(token), onSuccess: enter });
  const started = useRef(false);
  useEffect(() => {
    // Once: a sign-in link works a single time.
    if (started.current) return;
    started.current = true;
    redeem.mutate();
  }, [redeem]);
  return (
    <PortalAuthLayout>
      <Stack gap="md">
        <Title order={1} size="h2">
          Signing you in…
        </Title>
        {redeem.isError && (
          <>
            <ApiErrorAlert error={redeem.error} title="The link did not sign you in" />
            <Button component={Link} to="/portal/login" variant="default">
              Go to sign-in
            </Button>
          </>
        )}
      </Stack>
    </PortalAuthLayout>
  );
}
