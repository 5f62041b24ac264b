import { Alert, type AlertProps } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { errorMessage, isApiError } from '../api/http.js';

/** A server error (problem+json) or any other failure, as a calm red alert. */
export function ApiErrorAlert({ error, title, ...props }: { error: unknown; title?: string } & AlertProps) {
  const heading = title ?? (isApiError(error) ? error.title : 'Something went wrong');
  return (
    <Alert
      color="red"
      variant="light"
      title={heading}
      icon={<IconAlertCircle aria-hidden />}
      role="alert"
      {...props}
    >
      {errorMessage(error)}
    </Alert>
  );
}
