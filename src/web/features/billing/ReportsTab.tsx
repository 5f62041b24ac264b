/**
 * Reports: accounts-receivable aging (what payers and clients owe, by age of service) as tables and a
 * stacked bar chart, and the write-off report for a period.
 */
import { useState } from 'react';
import { BarChart } from '@mantine/charts';
import {
  Anchor,
  Box,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { AgingBuckets } from '../../../modules/ledger/domain/aging.js';
import { billingKeys, getArAging, getWriteOffs, type ArAging, type WriteOffs } from '../../api/billing.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { todayDateOnly } from '../../components/format.js';
import { formatDay } from '../episodes/episode-ui.js';
import { clientBillingPath, formatMoney, Money } from './billing-ui.js';

const BUCKETS = [
  { key: 'current', label: '0–30 days', color: 'teal.6' },
  { key: 'days31to60', label: '31–60 days', color: 'yellow.5' },
  { key: 'days61to90', label: '61–90 days', color: 'orange.6' },
  { key: 'over90', label: 'Over 90 days', color: 'red.7' },
] as const;

export function ReportsTab() {
  return (
    <Stack gap="lg">
      <AgingSection />
      <WriteOffSection />
    </Stack>
  );
}

type AgingRow = AgingBuckets & { credits: number; name: string; to?: string };

function AgingSection() {
  const query = useQuery({ queryKey: billingKeys.arAging, queryFn: getArAging });
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="aging-heading">
      <Title order={2} id="aging-heading" mb={2}>
        A/R aging
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Open balances by age from the date of service
        {query.data ? `, as of ${formatDay(query.data.today)}` : ''}. Insurance by payer; client balances by
        client.
      </Text>
      {query.isPending ? (
        <Skeleton height={260} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The aging report could not be loaded" />
      ) : (
        <AgingReportView report={query.data} />
      )}
    </Paper>
  );
}

function AgingReportView({ report }: { report: ArAging }) {
  const payerRows: AgingRow[] = report.byPayer.map((row) => ({ ...row, name: row.payerName }));
  const clientRows: AgingRow[] = report.byClient.map((row) => ({
    ...row,
    name: row.clientName,
    to: clientBillingPath(row.clientId),
  }));
  const chartData = [
    ...payerRows.map((row) => ({ name: row.name, ...dollars(row) })),
    ...(report.totals.patient.total > 0 ? [{ name: 'Clients', ...dollars(report.totals.patient) }] : []),
  ];
  const grand = report.totals.insurance.total + report.totals.patient.total;
  const description = `A/R aging chart: insurance ${formatMoney(report.totals.insurance.total)}, clients ${formatMoney(
    report.totals.patient.total,
  )}; ${BUCKETS.map((b) => `${b.label} ${formatMoney(report.totals.insurance[b.key] + report.totals.patient[b.key])}`).join(', ')}.`;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Total label="Insurance owes" cents={report.totals.insurance.total} />
        <Total label="Clients owe" cents={report.totals.patient.total} />
        <Total label="Total receivable" cents={grand} strong />
      </SimpleGrid>
      {chartData.length > 0 ? (
        <Box role="img" aria-label={description}>
          <BarChart
            h={Math.max(200, 60 + chartData.length * 48)}
            data={chartData}
            dataKey="name"
            type="stacked"
            orientation="vertical"
            series={BUCKETS.map((b) => ({ name: b.key, label: b.label, color: b.color }))}
            withLegend
            legendProps={{ verticalAlign: 'bottom', height: 40 }}
            valueFormatter={(value) => formatMoney(Math.round(value * 100))}
            yAxisProps={{ width: 140 }}
            gridAxis="y"
            maxBarWidth={32}
          />
        </Box>
      ) : (
        <Text size="sm" c="dimmed">
          Nothing is owed: no open balance.
        </Text>
      )}
      <AgingTable
        title="Insurance, by payer"
        rows={payerRows}
        totals={report.totals.insurance}
        nameLabel="Payer"
      />
      <AgingTable
        title="Client balances, by client"
        rows={clientRows}
        totals={report.totals.patient}
        nameLabel="Client"
      />
    </Stack>
  );
}

const dollars = (row: AgingBuckets) => ({
  current: row.current / 100,
  days31to60: row.days31to60 / 100,
  days61to90: row.days61to90 / 100,
  over90: row.over90 / 100,
});

function Total({ label, cents, strong }: { label: string; cents: number; strong?: boolean }) {
  return (
    <Paper p="sm" bg={strong ? 'palpa.0' : 'gray.0'} withBorder={false}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatMoney(cents)}
      </Text>
    </Paper>
  );
}

function AgingTable({
  title,
  rows,
  totals,
  nameLabel,
}: {
  title: string;
  rows: AgingRow[];
  totals: AgingBuckets & { credits: number };
  nameLabel: string;
}) {
  const withCredits = totals.credits > 0;
  return (
    <Stack gap="xs">
      <Title order={3}>{title}</Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No open balance.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={620}>
          <Table horizontalSpacing="sm" striped="even" stripedColor="gray.0">
            <VisuallyHidden component="caption">{title}</VisuallyHidden>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{nameLabel}</Table.Th>
                {BUCKETS.map((bucket) => (
                  <Table.Th key={bucket.key} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {bucket.label.replace(' days', '')}
                  </Table.Th>
                ))}
                <Table.Th ta="right">Total</Table.Th>
                {withCredits && <Table.Th ta="right">Credits</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.name + (row.to ?? '')}>
                  <Table.Td>
                    {row.to ? (
                      <Anchor component={Link} to={row.to} size="sm" c="palpa.8" fw={600}>
                        {row.name}
                      </Anchor>
                    ) : (
                      row.name
                    )}
                  </Table.Td>
                  {BUCKETS.map((bucket) => (
                    <Table.Td key={bucket.key} ta="right">
                      <Money cents={row[bucket.key]} dimZero />
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">
                    <Money cents={row.total} strong />
                  </Table.Td>
                  {withCredits && (
                    <Table.Td ta="right">
                      <Money cents={row.credits} dimZero />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>Total</Table.Th>
                {BUCKETS.map((bucket) => (
                  <Table.Th key={bucket.key} ta="right">
                    <Money cents={totals[bucket.key]} strong />
                  </Table.Th>
                ))}
                <Table.Th ta="right">
                  <Money cents={totals.total} strong />
                </Table.Th>
                {withCredits && (
                  <Table.Th ta="right">
                    <Money cents={totals.credits} strong />
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------------------

type Preset = 'month' | 'last-month' | 'year' | 'custom';

function presetPeriod(preset: Exclude<Preset, 'custom'>, today: string): { from: string; to: string } {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const pad = (n: number) => String(n).padStart(2, '0');
  if (preset === 'year') return { from: `${year}-01-01`, to: today };
  if (preset === 'month') return { from: `${year}-${pad(month)}-01`, to: today };
  const lastYear = month === 1 ? year - 1 : year;
  const lastMonth = month === 1 ? 12 : month - 1;
  const lastDay = new Date(Date.UTC(lastYear, lastMonth, 0)).getUTCDate();
  return { from: `${lastYear}-${pad(lastMonth)}-01`, to: `${lastYear}-${pad(lastMonth)}-${pad(lastDay)}` };
}

function WriteOffSection() {
  const today = todayDateOnly();
  const [preset, setPreset] = useState<Preset>('year');
  const [period, setPeriod] = useState(() => presetPeriod('year', today));
  const invalid = !period.from || !period.to || period.from > period.to;
  const query = useQuery({
    queryKey: billingKeys.writeOffs(period),
    queryFn: () => getWriteOffs(period),
    enabled: !invalid,
    placeholderData: keepPreviousData,
  });

  return (
    <Paper p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="writeoffs-heading">
      <Title order={2} id="writeoffs-heading" mb={2}>
        Write-offs
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Contractual adjustments and write-offs posted in the period, by reason, payer and client.
      </Text>
      <Stack gap="sm" mb="md">
        <SegmentedControl
          aria-label="Period"
          value={preset}
          onChange={(value) => {
            const next = value;
            setPreset(next);
            if (next !== 'custom') setPeriod(presetPeriod(next, today));
          }}
          data={[
            { value: 'month', label: 'This month' },
            { value: 'last-month', label: 'Last month' },
            { value: 'year', label: 'This year' },
            { value: 'custom', label: 'Custom' },
          ]}
          w="fit-content"
          maw="100%"
        />
        <Group gap="sm" align="flex-start">
          <TextInput
            type="date"
            label="From"
            value={period.from}
            max={period.to || undefined}
            onChange={(event) => {
              setPreset('custom');
              setPeriod({ ...period, from: event.currentTarget.value });
            }}
            w={170}
          />
          <TextInput
            type="date"
            label="To"
            value={period.to}
            min={period.from || undefined}
            onChange={(event) => {
              setPreset('custom');
              setPeriod({ ...period, to: event.currentTarget.value });
            }}
            error={
              period.from && period.to && period.from > period.to
                ? 'The period ends before it starts.'
                : undefined
            }
            w={170}
          />
        </Group>
      </Stack>
      {invalid ? null : query.isPending ? (
        <Skeleton height={120} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The write-off report could not be loaded" />
      ) : (
        <WriteOffView report={query.data} />
      )}
    </Paper>
  );
}

type WriteOffRow = {
  name: string;
  totalCents: number;
  contractualCents: number;
  writeOffCents: number;
  count: number;
};

function WriteOffView({ report }: { report: WriteOffs }) {
  if (report.totals.count === 0)
    return (
      <Text size="sm" c="dimmed">
        Nothing was written off from {formatDay(report.from)} to {formatDay(report.to)}.
      </Text>
    );
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Total label="Contractual (by the payer's contract)" cents={report.totals.contractualCents} />
        <Total label="Written off by the clinic" cents={report.totals.writeOffCents} />
        <Total label="Total taken off" cents={report.totals.totalCents} strong />
      </SimpleGrid>
      <WriteOffTable
        title="By reason"
        nameLabel="Reason"
        rows={report.byReason.map((r) => ({ ...r, name: r.label }))}
      />
      <WriteOffTable
        title="By payer"
        nameLabel="Payer"
        rows={report.byPayer.map((r) => ({ ...r, name: r.payerName }))}
      />
      <WriteOffTable
        title="By client"
        nameLabel="Client"
        rows={report.byClient.map((r) => ({ ...r, name: r.clientName }))}
      />
    </Stack>
  );
}

function WriteOffTable({
  title,
  nameLabel,
  rows,
}: {
  title: string;
  nameLabel: string;
  rows: WriteOffRow[];
}) {
  return (
    <Stack gap="xs">
      <Title order={3}>{title}</Title>
      <Table.ScrollContainer minWidth={520}>
        <Table horizontalSpacing="sm" striped="even" stripedColor="gray.0">
          <VisuallyHidden component="caption">Write-offs {title.toLowerCase()}</VisuallyHidden>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>{nameLabel}</Table.Th>
              <Table.Th ta="right">Contractual</Table.Th>
              <Table.Th ta="right">Write-off</Table.Th>
              <Table.Th ta="right">Total</Table.Th>
              <Table.Th ta="right">Entries</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.name}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td ta="right">
                  <Money cents={row.contractualCents} dimZero />
                </Table.Td>
                <Table.Td ta="right">
                  <Money cents={row.writeOffCents} dimZero />
                </Table.Td>
                <Table.Td ta="right">
                  <Money cents={row.totalCents} strong />
                </Table.Td>
                <Table.Td ta="right">{row.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
