/**
 * Small pieces shared by the billing screens: money (shown and typed in dollars, sent in cents), claim
 * status badges, file downloads, and the wording of codes billers read every day.
 */
import { useState, type ReactNode } from 'react';
import { Badge, Button, NumberInput, Text, type ButtonProps, type NumberInputProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { CLAIM_STATUS_LABELS, type ClaimStatus } from '../../../modules/claims/domain/claim-lifecycle.js';
import { formatUsd } from '../../../platform/domain/money.js';
import { saveFile, type FetchedFile } from '../../api/billing.js';
import { errorMessage } from '../../api/http.js';

/** $1,234.56 (a minus sign for credits). */
export const formatMoney = (cents: number): string => formatUsd(cents);

/** Dollars typed in a NumberInput → integer cents; null when empty or not a number. */
export function centsFromDollars(value: number | string | null | undefined): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const number = typeof value === 'number' ? value : Number(String(value).replace(/[$,\s]/g, ''));
  return Number.isFinite(number) ? Math.round(number * 100) : null;
}

/** Cents → the number a MoneyInput shows (or '' for none). */
export const dollarsFromCents = (cents: number | null | undefined): number | '' =>
  cents === null || cents === undefined ? '' : cents / 100;

/** A dollar amount field: "$" prefix, two decimals, thousands separators. */
export function MoneyInput(props: NumberInputProps) {
  return (
    <NumberInput
      prefix="$"
      decimalScale={2}
      fixedDecimalScale
      thousandSeparator=","
      min={0}
      hideControls
      inputMode="decimal"
      allowNegative={false}
      {...props}
    />
  );
}

/** Right-aligned money in a table cell, tabular figures so columns line up. */
export function Money({ cents, strong, dimZero }: { cents: number; strong?: boolean; dimZero?: boolean }) {
  return (
    <Text
      span
      size="sm"
      fw={strong ? 700 : undefined}
      c={dimZero && cents === 0 ? 'dimmed' : undefined}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {formatMoney(cents)}
    </Text>
  );
}

export const CLAIM_STATUS_COLORS: Record<ClaimStatus, string> = {
  draft: 'gray',
  ready: 'blue',
  submitted: 'indigo',
  accepted: 'cyan',
  rejected: 'red',
  paid: 'teal',
  partially_paid: 'yellow',
  denied: 'red',
  appealed: 'orange',
  corrected: 'gray',
  voided: 'gray',
};

/** Short labels for the status badge (the long ones read in sentences). */
const SHORT_STATUS: Partial<Record<ClaimStatus, string>> = {
  ready: 'Ready',
  accepted: 'Accepted',
  corrected: 'Replaced',
};

export const claimStatusLabel = (status: ClaimStatus): string => CLAIM_STATUS_LABELS[status];

export function ClaimStatusBadge({
  status,
  size = 'md',
}: {
  status: ClaimStatus;
  size?: 'sm' | 'md' | 'lg';
}) {
  return (
    <Badge
      color={CLAIM_STATUS_COLORS[status]}
      variant="light"
      size={size}
      title={CLAIM_STATUS_LABELS[status]}
      style={{ whiteSpace: 'nowrap' }}
    >
      {SHORT_STATUS[status] ?? CLAIM_STATUS_LABELS[status]}
    </Badge>
  );
}

export const FREQUENCY_LABELS: Record<'1' | '7' | '8', string> = {
  '1': 'Original claim',
  '7': 'Replacement of a prior claim',
  '8': 'Void of a prior claim',
};

export type BillingTab = 'to-bill' | 'claims' | 'remittances' | 'reports' | 'setup';
export const billingTabPath = (tab: BillingTab) => `/billing/${tab}`;
export const claimPath = (claimId: string) => `/billing/claims/${claimId}`;
export const remittancePath = (remittanceId: string) => `/billing/remittances/${remittanceId}`;
export const clientBillingPath = (clientId: string, section: 'coverage' | 'ledger' = 'ledger') =>
  `/clients/${clientId}#${section}`;

/** A–L for diagnosis pointers 1–12 (CMS-1500 box 21 / 24E). */
export const pointerLetter = (pointer: number): string => 'ABCDEFGHIJKL'[pointer - 1] ?? String(pointer);

/** "Nov 18 – Nov 20, 2026", or one date. */
export function dateRange(first: string | null, last: string | null, format: (d: string) => string): string {
  if (!first) return '—';
  if (!last || last === first) return format(first);
  return `${format(first)} – ${format(last)}`;
}

/**
 * A button that fetches a file from the API and hands it to the browser. A refusal (no billing profile,
 * nothing charged in the period) is shown as a notification with the server's words.
 */
export function DownloadButton({
  fetcher,
  children,
  onFetched,
  icon,
  ...props
}: {
  fetcher: () => Promise<FetchedFile>;
  children: ReactNode;
  onFetched?: (file: FetchedFile) => void;
  icon?: ReactNode;
} & Omit<ButtonProps, 'children' | 'onClick'>) {
  const [pending, setPending] = useState(false);
  const run = async () => {
    setPending(true);
    try {
      const file = await fetcher();
      saveFile(file);
      onFetched?.(file);
    } catch (error) {
      notifications.show({ color: 'red', title: 'The file could not be made', message: errorMessage(error) });
    } finally {
      setPending(false);
    }
  };
  return (
    <Button
      variant="default"
      leftSection={icon ?? <IconDownload size={16} aria-hidden />}
      loading={pending}
      onClick={() => void run()}
      {...props}
    >
      {children}
    </Button>
  );
}
