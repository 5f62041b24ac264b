/**
 * What posting an 835 did, the way a biller checks an EOB: per claim what was paid, written down by
 * contract, and moved to the client; what could not be matched (for manual posting); whether the file
 * balances; and provider-level (PLB) adjustments.
 */
import {
  Alert,
  Anchor,
  Badge,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconHandStop } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ClaimPostingPlan, PostingPlan } from '../../../modules/remittance/domain/remittance-posting.js';
import type { RemittanceSummary } from '../../api/billing.js';
import { readableTextColor } from '../../app/theme.js';
import { formatDay } from '../episodes/episode-ui.js';
import { claimPath, ClaimStatusBadge, formatMoney, Money } from './billing-ui.js';

function Stat({ label, value, tone }: { label: string; value: string; tone?: string }) {
  return (
    <Paper p="sm" bg="gray.0" withBorder={false}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text
        fw={700}
        size="lg"
        c={tone ? readableTextColor(tone) : undefined}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </Text>
    </Paper>
  );
}

function ResultBadge({ plan }: { plan: ClaimPostingPlan }) {
  if (plan.heldReason || plan.resultingStatus === null)
    return (
      <Badge color="orange" variant="light" leftSection={<IconHandStop size={12} aria-hidden />}>
        Held
      </Badge>
    );
  if (plan.resultingStatus === 'reversed')
    return (
      <Badge color="gray" variant="light">
        Payment reversed
      </Badge>
    );
  return <ClaimStatusBadge status={plan.resultingStatus} />;
}

export function RemittanceResult({ summary }: { summary: RemittanceSummary }) {
  const unmatched = summary.unmatchedItems;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat label="Paid by the payer" value={formatMoney(summary.totalPaidCents)} />
        <Stat
          label="Claims posted"
          value={String(summary.claimsPosted)}
          tone={summary.claimsPosted ? 'teal' : undefined}
        />
        <Stat
          label="Claims held"
          value={String(summary.claimsHeld)}
          tone={summary.claimsHeld ? 'orange' : undefined}
        />
        <Stat label="For manual posting" value={String(unmatched)} tone={unmatched ? 'orange' : undefined} />
      </SimpleGrid>
      {summary.plans.map((plan, index) => (
        <PlanResult
          key={`${plan.remittance.transactionControlNumber}-${index}`}
          plan={plan}
          several={summary.plans.length > 1}
        />
      ))}
    </Stack>
  );
}

function PlanResult({ plan, several }: { plan: PostingPlan; several: boolean }) {
  const { remittance } = plan;
  // OA / PI adjustments are rare: their column shows only when there is one.
  const otherColumn = plan.claims.some((claim) => claim.otherAdjustmentCents !== 0);
  return (
    <Stack gap="md">
      {several && (
        <Title order={3}>
          {remittance.payerName} · transaction {remittance.transactionControlNumber}
        </Title>
      )}
      <Text size="sm" c="gray.7">
        {remittance.payerName}
        {remittance.paymentDate ? ` · paid ${formatDay(remittance.paymentDate)}` : ''}
        {remittance.traceNumber ? ` · trace ${remittance.traceNumber}` : ''}
        {remittance.method
          ? ` · ${remittance.method === 'ACH' ? 'EFT (ACH)' : remittance.method === 'CHK' ? 'cheque' : remittance.method}`
          : ''}
        {` · ${formatMoney(remittance.totalPaidCents)}`}
      </Text>

      {plan.balancingProblems.length === 0 ? (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Balances">
          Every line, every claim and the payment total add up.
        </Alert>
      ) : (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Does not balance">
          <Text size="sm" mb={4}>
            The payer&apos;s figures do not add up: check the paper EOB or call the payer before relying on
            these amounts.
          </Text>
          <List size="sm" spacing={2}>
            {plan.balancingProblems.map((problem, index) => (
              <List.Item key={index}>{problem.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      {plan.claims.length > 0 && (
        <Table.ScrollContainer minWidth={otherColumn ? 660 : 580}>
          <Table horizontalSpacing="sm" striped="even" stripedColor="gray.0">
            <VisuallyHidden component="caption">Claims in this remittance</VisuallyHidden>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Claim</Table.Th>
                <Table.Th ta="right">Charge</Table.Th>
                <Table.Th ta="right">Paid</Table.Th>
                <Table.Th ta="right">Contractual</Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  Client owes
                </Table.Th>
                {otherColumn && <Table.Th ta="right">Other adj.</Table.Th>}
                <Table.Th>Result</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.claims.map((claim) => (
                <ClaimRow
                  key={`${claim.claimId}-${claim.payerClaimNumber}`}
                  claim={claim}
                  otherColumn={otherColumn}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {(plan.unmatchedClaims.length > 0 || plan.unmatchedLines.length > 0) && (
        <Alert color="orange" variant="light" icon={<IconHandStop aria-hidden />} title="For manual posting">
          <Text size="sm" mb="xs">
            These could not be tied to one of your claims and lines, so nothing was posted for them. Post them
            by hand on the client&apos;s account after checking the EOB.
          </Text>
          <List size="sm" spacing={4}>
            {plan.unmatchedClaims.map((claim) => (
              <List.Item key={`c-${claim.patientControlNumber}-${claim.payerClaimNumber}`}>
                <Text span fw={600} size="sm">
                  Claim {claim.patientControlNumber}
                </Text>
                {claim.patientName ? ` (${claim.patientName})` : ''}: charge {formatMoney(claim.chargeCents)},
                paid {formatMoney(claim.paidCents)}, client owes{' '}
                {formatMoney(claim.patientResponsibilityCents)}. {claim.reason}
              </List.Item>
            ))}
            {plan.unmatchedLines.map((line, index) => (
              <List.Item key={`l-${index}`}>
                <Text span fw={600} size="sm">
                  Line {line.code}
                  {line.serviceDate ? ` on ${formatDay(line.serviceDate)}` : ''}
                </Text>{' '}
                of claim {line.patientControlNumber}: charge {formatMoney(line.chargeCents)}, paid{' '}
                {formatMoney(line.paidCents)}. {line.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      {plan.providerAdjustments.length > 0 && (
        <Stack gap="xs">
          <Title order={3}>Provider adjustments (PLB)</Title>
          <Text size="sm" c="dimmed">
            Not tied to a client: they change the payment, not any client&apos;s balance.
          </Text>
          <Table.ScrollContainer minWidth={520}>
            <Table horizontalSpacing="sm">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>Reason</Table.Th>
                  <Table.Th>Reference</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                  <Table.Th>Effect</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.providerAdjustments.map((adjustment, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>
                      <Text size="sm">
                        <Text span ff="monospace" fw={600} size="sm">
                          {adjustment.reasonCode}
                        </Text>{' '}
                        {adjustment.reasonLabel}
                      </Text>
                    </Table.Td>
                    <Table.Td>{adjustment.reference ?? '—'}</Table.Td>
                    <Table.Td ta="right">
                      <Money cents={Math.abs(adjustment.amountCents)} />
                    </Table.Td>
                    <Table.Td>{adjustment.effect}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Stack>
  );
}

function ClaimRow({ claim, otherColumn }: { claim: ClaimPostingPlan; otherColumn: boolean }) {
  const details = [
    ...(claim.heldReason ? [claim.heldReason] : []),
    ...claim.notes,
    ...claim.lines.filter((line) => line.recoded).map((line) => `Line ${line.billedCode}: ${line.recoded}.`),
  ];
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Anchor
            component={Link}
            to={claimPath(claim.claimId)}
            ff="monospace"
            fw={600}
            size="sm"
            c="palpa.8"
          >
            {claim.patientControlNumber}
          </Anchor>
          <Text size="xs" c="dimmed">
            Payer no. {claim.payerClaimNumber || '—'} · {claim.statusLabel}
          </Text>
        </Table.Td>
        <Table.Td ta="right">
          <Money cents={claim.chargeCents} />
        </Table.Td>
        <Table.Td ta="right">
          <Money cents={claim.paidCents} strong />
        </Table.Td>
        <Table.Td ta="right">
          <Money cents={claim.contractualCents} dimZero />
        </Table.Td>
        <Table.Td ta="right">
          <Money cents={claim.patientResponsibilityCents} dimZero />
        </Table.Td>
        {otherColumn && (
          <Table.Td ta="right">
            <Money cents={claim.otherAdjustmentCents} dimZero />
          </Table.Td>
        )}
        <Table.Td>
          <ResultBadge plan={claim} />
        </Table.Td>
      </Table.Tr>
      {details.length > 0 && (
        <Table.Tr>
          <Table.Td colSpan={otherColumn ? 7 : 6} pt={0}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconAlertTriangle
                size={14}
                aria-hidden
                color="var(--mantine-color-orange-7)"
                style={{ marginTop: 3, flexShrink: 0 }}
              />
              <Text size="xs" c="gray.7">
                {details.join(' ')}
              </Text>
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
