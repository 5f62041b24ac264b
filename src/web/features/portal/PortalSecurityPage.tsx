/** Route /portal/security — optional two-factor sign-in (TOTP) for the portal account. */
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Code, Group, Image, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enablePortalTotp, portalKeys, startPortalTotp } from '../../api/portal.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { fieldErrorsFrom } from '../../components/form-errors.js';
import { usePageTitle } from '../../components/PageHeader.js';
import { PortalHeading, usePortal } from './PortalLayout.js';

export function PortalSecurityPage() {
  usePageTitle('Client portal: security');
  const { me } = usePortal();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [qr, setQr] = useState<string | null>(null);
  const setup = useMutation({ mutationFn: startPortalTotp });
  const enable = useMutation({
    mutationFn: () => enablePortalTotp(code.trim()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.me }),
  });
  useEffect(() => {
    if (!setup.data) return;
    let live = true;
    const uri = setup.data.uri;
    // Loaded only here: the QR code library is not needed anywhere else.
    import('qrcode')
      .then((QRCode) => QRCode.toDataURL(uri, { margin: 1, width: 200 }))
      .then((url) => live && setQr(url))
      .catch(() => live && setQr(null));
    return () => {
      live = false;
    };
  }, [setup.data]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    enable.mutate();
  };
  return (
    <>
      <PortalHeading title="Security" description={`You sign in as ${me.account.email}.`} />
      <Paper p={{ base: 'md', sm: 'lg' }} radius="md" withBorder>
        <Stack gap="sm">
          <Title order={2} size="h3">
            Two-factor sign-in
          </Title>
          {me.account.totpEnabled || enable.isSuccess ? (
            <Alert color="green" variant="light" icon={<IconShieldCheck aria-hidden />} role="status">
              Two-factor sign-in is on. You will be asked for a code from your authenticator app when you sign
              in with your password.
            </Alert>
          ) : !setup.data ? (
            <>
              <Text size="sm">
                Add a second step to signing in: a 6-digit code from an authenticator app on your phone.
              </Text>
              {setup.isError && <ApiErrorAlert error={setup.error} title="Could not start" />}
              <Group>
                <Button loading={setup.isPending} onClick={() => setup.mutate()}>
                  Turn on two-factor sign-in
                </Button>
              </Group>
            </>
          ) : (
            <form onSubmit={submit} aria-label="Confirm two-factor sign-in">
              <Stack gap="sm">
                <Text size="sm">1. Scan this code with your authenticator app, or type the key into it.</Text>
                {qr && <Image src={qr} alt="QR code for your authenticator app" w={200} h={200} />}
                <Text size="sm">
                  Key: <Code>{setup.data.secret}</Code>
                </Text>
                <Text size="sm">2. Enter the 6-digit code the app shows.</Text>
                <TextInput
                  label="Code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  w={200}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  error={fieldErrorsFrom(enable.error).code}
                />
                {enable.isError && !fieldErrorsFrom(enable.error).code && (
                  <ApiErrorAlert error={enable.error} title="Not turned on" />
                )}
                <Group>
                  <Button type="submit" loading={enable.isPending}>
                    Confirm
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </>
  );
}
