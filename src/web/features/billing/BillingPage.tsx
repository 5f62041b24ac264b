/**
 * Route /billing/:tab — the biller's desk: visits to bill, claims and 837P batches, remittances (835),
 * A/R reports and the billing set-up, one tab each, each with its own address.
 */
import { type ReactNode } from 'react';
import { Badge, Tabs } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconChartBar,
  IconFileInvoice,
  IconListCheck,
  IconReceipt2,
  IconSettings,
} from '@tabler/icons-react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.js';
import { billingTabPath, type BillingTab } from './billing-ui.js';
import { ClaimsTab } from './ClaimsTab.js';
import { RemittancesTab } from './RemittancesTab.js';
import { ReportsTab } from './ReportsTab.js';
import { SetupTab } from './SetupTab.js';
import { ToBillTab, useToBillQueue } from './ToBillTab.js';

export const BILLING_TABS = [
  { value: 'to-bill', label: 'To bill', icon: IconListCheck },
  { value: 'claims', label: 'Claims', icon: IconFileInvoice },
  { value: 'remittances', label: 'Remittances', icon: IconReceipt2 },
  { value: 'reports', label: 'Reports', icon: IconChartBar },
  { value: 'setup', label: 'Set-up', icon: IconSettings },
] as const satisfies readonly { value: BillingTab; label: string; icon: unknown }[];

const isTab = (value: string | undefined): value is BillingTab =>
  BILLING_TABS.some((tab) => tab.value === value);

export function BillingPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const withIcons = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  // The count on the "To bill" tab: signed visits waiting.
  const { waiting } = useToBillQueue();
  if (!isTab(tab)) return <Navigate to={billingTabPath('to-bill')} replace />;

  let panel: ReactNode;
  switch (tab) {
    case 'to-bill':
      panel = <ToBillTab />;
      break;
    case 'claims':
      panel = <ClaimsTab />;
      break;
    case 'remittances':
      panel = <RemittancesTab />;
      break;
    case 'reports':
      panel = <ReportsTab />;
      break;
    case 'setup':
      panel = <SetupTab />;
      break;
  }

  const label = BILLING_TABS.find((item) => item.value === tab)!.label;
  return (
    <>
      <PageHeader
        title="Billing"
        documentTitle={`Billing · ${label}`}
        description="Claims from signed visits, payments from remittances, and what each client and payer owes."
      />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (isTab(value ?? undefined)) void navigate(billingTabPath(value as BillingTab));
        }}
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List aria-label="Parts of billing" style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          {BILLING_TABS.map((item) => (
            <Tabs.Tab
              key={item.value}
              value={item.value}
              leftSection={withIcons ? <item.icon size={16} aria-hidden /> : undefined}
              rightSection={
                item.value === 'to-bill' && waiting > 0 ? (
                  <Badge size="xs" variant="light" circle={waiting < 10} aria-label={`${waiting} waiting`}>
                    {waiting}
                  </Badge>
                ) : undefined
              }
              style={{ flexShrink: 0 }}
            >
              {item.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={tab} pt="lg">
          {panel}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
