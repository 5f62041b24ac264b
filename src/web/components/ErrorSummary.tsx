import type { Ref } from 'react';
import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

export type SummaryItem = { message: string; label?: string; fieldId?: string };

type ErrorSummaryProps = {
  title: string;
  description?: string;
  items: SummaryItem[];
  ref?: Ref<HTMLDivElement>;
};

/**
 * The list of problems at the top of a form (GOV.UK error summary pattern): each item links to its field.
 * It takes the focus after a failed submit so screen readers announce it.
 */
export function ErrorSummary({ title, description, items, ref }: ErrorSummaryProps) {
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertCircle aria-hidden />}
      role="alert"
    >
      {description && (
        <Text size="sm" mb={items.length ? 'xs' : 0}>
          {description}
        </Text>
      )}
      {items.length > 0 && (
        <List size="sm" spacing={4}>
          {items.map((item, index) => (
            <List.Item key={`${item.fieldId ?? 'form'}-${index}`}>
              {item.fieldId ? (
                <Anchor
                  href={`#${item.fieldId}`}
                  size="sm"
                  c="red.8"
                  underline="always"
                  onClick={(event) => {
                    event.preventDefault();
                    const field = document.getElementById(item.fieldId!);
                    field?.focus();
                    field?.scrollIntoView({ block: 'center' });
                  }}
                >
                  {item.label ? `${item.label}: ${item.message}` : item.message}
                </Anchor>
              ) : (
                item.message
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
