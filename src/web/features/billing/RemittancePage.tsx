/** Route /billing/remittances/:id — what one posted remittance (835) did. */
import { Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { billingKeys, getRemittance } from '../../api/billing.js';
import { isApiError } from '../../api/http.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatDay } from '../episodes/episode-ui.js';
import { billingTabPath } from './billing-ui.js';
import { RemittanceResult } from './RemittanceResult.js';

export function RemittancePage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: billingKeys.remittance(id), queryFn: () => getRemittance(id) });
  const back = { to: billingTabPath('remittances'), label: 'Remittances' };

  if (query.isPending)
    return (
      <Stack gap="lg" aria-busy="true">
        <PageHeader title="Remittance" back={back} />
        <Skeleton height={240} />
      </Stack>
    );
  if (query.isError) {
    const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <>
        <PageHeader title={notFound ? 'Remittance not found' : 'Remittance'} back={back} />
        {notFound ? (
          <Text>This remittance does not exist in your clinic, or the link is wrong.</Text>
        ) : (
          <ApiErrorAlert error={query.error} />
        )}
      </>
    );
  }
  const summary = query.data;
  return (
    <>
      <PageHeader
        title={`Remittance from ${summary.payerName ?? 'the payer'}`}
        documentTitle="Remittance"
        back={back}
        description={[
          summary.paymentDate ? `Paid ${formatDay(summary.paymentDate)}` : null,
          summary.traceNumber ? `trace ${summary.traceNumber}` : null,
          `posted ${formatDateTime(summary.postedAt)}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      />
      <Paper p={{ base: 'md', sm: 'lg' }}>
        <RemittanceResult summary={summary} />
      </Paper>
    </>
  );
}
