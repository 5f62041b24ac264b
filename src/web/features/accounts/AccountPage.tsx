import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport, IconShieldCheck, IconShieldLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS } from '../../../platform/authz/permissions.js';
import { disableTotp, enableTotp, startTotpSetup, type SessionInfo } from '../../api/accounts.js';
import { createBackup } from '../../api/clinics.js';
import { isApiError } from '../../api/http.js';
import { SESSION_KEY, useCan, useSession } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { formatBytes } from '../../components/format.js';
import { fieldErrorsFrom } from '../../components/form-errors.js';
import { PasswordField } from '../../components/PasswordField.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Section } from '../../components/Section.js';
import { ROLE_DESCRIPTIONS } from './roles.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

export function AccountPage() {
  const { user } = useSession();
  const canBackUp = useCan('backups:create');
  return (
    <>
      <PageHeader title="My account" description="Your sign-in details and security settings." />
      <Stack gap="lg">
        <Section title="Profile">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            <Fact label="Name">{user.name}</Fact>
            <Fact label="Email">{user.email}</Fact>
            <Fact label="Role">
              <Group gap="xs">
                <Badge variant="light">{ROLE_LABELS[user.role]}</Badge>
                <Text size="xs" c="dimmed">
                  {ROLE_DESCRIPTIONS[user.role]}
                </Text>
              </Group>
            </Fact>
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="md">
            To change your name, email or role, ask the clinic owner.
          </Text>
        </Section>
        <TwoFactorSection />
        {canBackUp && <BackupSection />}
      </Stack>
    </>
  );
}

function TwoFactorSection() {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [passwordError, setPasswordError] = useState<string | undefined>();

  const updated = (session: SessionInfo) => queryClient.setQueryData(SESSION_KEY, session);

  const setup = useMutation({ mutationFn: startTotpSetup });
  const enable = useMutation({
    mutationFn: () => enableTotp(code.trim()),
    onSuccess: (session) => {
      updated(session);
      setup.reset();
      setCode('');
      notifications.show({
        color: 'teal',
        title: 'Two-factor sign-in is on',
        message: 'From now on, you sign in with your password and a code from your phone.',
      });
    },
    onError: (error) => setCodeError(fieldErrorsFrom(error).code),
  });
  const disable = useMutation({
    mutationFn: () => disableTotp(password),
    onSuccess: (session) => {
      updated(session);
      setPassword('');
      notifications.show({
        color: 'teal',
        title: 'Two-factor sign-in is off',
        message: 'You sign in with your password only.',
      });
    },
    onError: (error) => setPasswordError(fieldErrorsFrom(error).password),
  });

  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setCodeError('Enter the 6-digit code from your authenticator app.');
      return;
    }
    enable.mutate();
  };

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setPasswordError('Enter your password.');
      return;
    }
    disable.mutate();
  };

  const status = user.totpEnabled ? (
    <Badge color="teal" variant="light" leftSection={<IconShieldCheck size={12} aria-hidden />}>
      On
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      Off
    </Badge>
  );

  return (
    <Section
      title="Two-factor sign-in"
      description="A code from an authenticator app on your phone, asked at every sign-in. It protects client records if your password is ever guessed or seen."
      actions={status}
    >
      {user.totpEnabled ? (
        <form onSubmit={submitPassword} noValidate>
          <Stack gap="md" maw={420}>
            <Text size="sm">
              Two-factor sign-in is on. To turn it off, for example to move it to a new phone, confirm with
              your password.
            </Text>
            {disable.error && !(isApiError(disable.error) && disable.error.errors.length) && (
              <ApiErrorAlert error={disable.error} />
            )}
            <PasswordField
              label="Password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
                setPasswordError(undefined);
              }}
              error={passwordError}
            />
            <Group>
              <Button type="submit" color="red" variant="light" loading={disable.isPending}>
                Turn off two-factor sign-in
              </Button>
            </Group>
          </Stack>
        </form>
      ) : setup.data ? (
        <form onSubmit={submitCode} noValidate>
          <Stack gap="md">
            <Text size="sm">
              1. Scan this QR code with an authenticator app (for example Google Authenticator, Microsoft
              Authenticator or 1Password). If you cannot scan it, enter the key below in the app.
            </Text>
            <Group align="flex-start" gap="lg" wrap="wrap">
              <Paper p="xs" withBorder radius="md" bg="white">
                <Image
                  src={setup.data.qrCodeDataUrl}
                  alt="QR code to add Palpa to your authenticator app"
                  w={180}
                  h={180}
                  fit="contain"
                />
              </Paper>
              <Stack gap={4} style={{ flex: '1 1 240px', minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  Setup key
                </Text>
                <Code block style={{ wordBreak: 'break-all', fontSize: 14, letterSpacing: '0.08em' }}>
                  {setup.data.secret}
                </Code>
              </Stack>
            </Group>
            <Text size="sm">2. Enter the 6-digit code the app shows now.</Text>
            {enable.error && !(isApiError(enable.error) && enable.error.errors.length) && (
              <ApiErrorAlert error={enable.error} />
            )}
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                label="6-digit code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(event) => {
                  setCode(event.currentTarget.value.replace(/\D/g, ''));
                  setCodeError(undefined);
                }}
                error={codeError}
                w={200}
                styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
              />
            </Group>
            <Group gap="sm">
              <Button type="submit" loading={enable.isPending}>
                Turn on two-factor sign-in
              </Button>
              <Button variant="default" onClick={() => setup.reset()}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="md" align="flex-start">
          {setup.error && <ApiErrorAlert error={setup.error} />}
          <Text size="sm">
            You need a phone with an authenticator app. Setting it up takes about a minute.
          </Text>
          <Button
            leftSection={<IconShieldLock size={16} aria-hidden />}
            loading={setup.isPending}
            onClick={() => setup.mutate()}
          >
            Set up two-factor sign-in
          </Button>
        </Stack>
      )}
    </Section>
  );
}

function BackupSection() {
  const backup = useMutation({ mutationFn: createBackup });
  const unavailable = isApiError(backup.error) && backup.error.status === 404;
  return (
    <Section
      title="Backup"
      description="Palpa backs up the clinic's data every day. Make an extra backup now, for example before an update."
    >
      <Stack gap="md" align="flex-start">
        <Button
          leftSection={<IconDatabaseExport size={16} aria-hidden />}
          loading={backup.isPending}
          onClick={() => backup.mutate()}
        >
          Back up now
        </Button>
        {backup.data && (
          <Alert color="teal" variant="light" title="Backup written" role="status">
            <Text size="sm">
              <Code>{backup.data.file}</Code> ({formatBytes(backup.data.bytes)}) is in the backup folder on
              the server.
            </Text>
          </Alert>
        )}
        {unavailable && (
          <Alert color="gray" variant="light" title="Not available here">
            This Palpa uses an external PostgreSQL database; back it up with your database provider&rsquo;s
            tools.
          </Alert>
        )}
        {backup.error && !unavailable && <ApiErrorAlert error={backup.error} title="The backup failed" />}
      </Stack>
    </Section>
  );
}
