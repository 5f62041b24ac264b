import type { ReactNode } from 'react';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';

type SectionProps = {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  /** Heading level inside the page (the page's own title is the h1). */
  order?: 2 | 3;
  id?: string;
};

/** A titled white card: the building block of every page body. */
export function Section({ title, description, actions, children, order = 2, id }: SectionProps) {
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} component="section" id={id}>
      <Group justify="space-between" align="flex-start" mb="md" gap="sm" wrap="nowrap">
        <Stack gap={2}>
          <Title order={order}>{title}</Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
