import { Alert, Button, Center, Loader, Stack, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorMessage } from '../api/http.js';

export function FullPageLoader({ label = 'Loading Palpa…' }: { label?: string }) {
  return (
    <Center mih="100vh" role="status" aria-live="polite">
      <Stack align="center" gap="sm">
        <Loader aria-hidden />
        <VisuallyHidden>{label}</VisuallyHidden>
      </Stack>
    </Center>
  );
}

export function FullPageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Alert
        color="red"
        variant="light"
        title="Palpa could not load"
        icon={<IconAlertTriangle aria-hidden />}
        maw={480}
        w="100%"
      >
        <Stack gap="sm" align="flex-start">
          <span>{errorMessage(error)}</span>
          {onRetry && (
            <Button size="xs" variant="white" color="red" onClick={onRetry}>
              Try again
            </Button>
          )}
        </Stack>
      </Alert>
    </Center>
  );
}
