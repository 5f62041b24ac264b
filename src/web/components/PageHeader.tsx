import { useEffect, useRef, type ReactNode } from 'react';
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';

let firstHeading = true;

/** Sets `document.title` for the page. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = !title ? 'Palpa' : title.includes('Palpa') ? title : `${title} · Palpa`;
  }, [title]);
}

type PageHeaderProps = {
  /** The page's one <h1>. */
  title: ReactNode;
  /** The document title, when the heading is not plain text. */
  documentTitle?: string;
  description?: ReactNode;
  actions?: ReactNode;
  back?: { to: string; label: string };
  children?: ReactNode;
};

/**
 * The page's heading. After a client-side navigation it takes the focus, so screen-reader and keyboard
 * users start at the new page's top (the way a full page load would) instead of in the old page's spot.
 */
export function PageHeader({ title, documentTitle, description, actions, back, children }: PageHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(documentTitle ?? (typeof title === 'string' ? title : ''));

  useEffect(() => {
    if (firstHeading) {
      firstHeading = false;
      return;
    }
    heading.current?.focus({ preventScroll: false });
  }, []);

  return (
    <Stack gap={6} mb="lg">
      {back && (
        <Anchor component={Link} to={back.to} size="sm" c="dimmed" w="fit-content" className="no-print">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={14} aria-hidden />
            {back.label}
          </Group>
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Title order={1} ref={heading} tabIndex={-1}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          )}
          {children}
        </Stack>
        {actions && (
          <Group gap="sm" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
