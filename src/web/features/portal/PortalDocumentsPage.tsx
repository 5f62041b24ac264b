import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getPortalHomeCare, portalDocumentUrl } from '../../api/portal.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { formatDateOnly } from '../../components/format.js';
import { usePageTitle } from '../../components/PageHeader.js';
import { usePortal } from './PortalLayout.js';

/** Home-care advice from the therapist, and the client's statement and superbill to download. */
export function PortalDocumentsPage() {
  usePageTitle('Home care and documents');
  const { client } = usePortal();
  const advice = useQuery({
    queryKey: ['portal', 'home-care', client.id],
    queryFn: () => getPortalHomeCare(client.id),
  });
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Home care and documents
      </Title>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          Your home care
        </Title>
        {advice.isError && <ApiErrorAlert error={advice.error} title="Home care could not be loaded" />}
        {advice.isPending ? (
          <Skeleton height={40} />
        ) : advice.data?.items.length ? (
          <Stack gap="sm">
            {advice.data.items.map((item) => (
              <div key={`${item.date}-${item.text.slice(0, 20)}`}>
                <Text size="xs" c="dimmed">
                  After your visit on {formatDateOnly(item.date)}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{item.text}</Text>
              </div>
            ))}
          </Stack>
        ) : (
          <Text c="dimmed">Your therapist’s advice between visits will appear here.</Text>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Documents
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          A statement lists your visits, payments and what is due. A superbill lists the visits you paid for
          yourself, with the codes your insurer needs to reimburse you.
        </Text>
        <Group>
          {(['statement', 'superbill'] as const).map((kind) => (
            <Button
              key={kind}
              component="a"
              href={portalDocumentUrl(client.id, kind)}
              target="_blank"
              rel="noopener"
              variant="default"
              leftSection={<IconFileText size={16} aria-hidden />}
            >
              {kind === 'statement' ? 'Statement (PDF)' : 'Superbill (PDF)'}
            </Button>
          ))}
        </Group>
      </Paper>
    </Stack>
  );
}
