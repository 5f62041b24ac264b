/**
 * Route /learning/ce — licences, certifications and continuing education (issue 8, item 7). Each person
 * records their licences (state, number, expiry) and CE courses (with certificates); Palpa shows the hours
 * done against the rule of the licence's state by category and what is still missing before the renewal.
 * The owner (learning:manage) also sees the whole team's status and can add a rule for another state.
 */
import { Stack, Tabs } from '@mantine/core';
import { IconCertificate, IconGavel, IconUsersGroup } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../app/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { CoursesSection } from './ce/CoursesSection.js';
import { CredentialsSection } from './ce/CredentialsSection.js';
import { RulesPanel } from './ce/RulesPanel.js';
import { TeamPanel } from './ce/TeamPanel.js';

type CeTab = 'mine' | 'team' | 'rules';

export function CePage() {
  const canManage = useCan('learning:manage');
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get('tab');
  const tab: CeTab = asked === 'rules' || (asked === 'team' && canManage) ? asked : 'mine';
  const tabs = [
    { value: 'mine', label: 'My record', icon: IconCertificate },
    ...(canManage ? [{ value: 'team', label: 'Team', icon: IconUsersGroup }] : []),
    { value: 'rules', label: 'CE rules', icon: IconGavel },
  ];
  return (
    <>
      <PageHeader
        title="CE & licences"
        description="Your licences and certifications, the continuing education each renewal needs, and what is still missing."
      />
      <Tabs
        value={tab}
        onChange={(value) =>
          setSearchParams(value && value !== 'mine' ? { tab: value } : {}, { replace: true })
        }
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List aria-label="Parts of CE and licences" style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          {tabs.map((item) => (
            <Tabs.Tab
              key={item.value}
              value={item.value}
              leftSection={<item.icon size={16} aria-hidden />}
              style={{ flexShrink: 0 }}
            >
              {item.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="mine" pt="lg">
          <Stack gap="lg">
            <CredentialsSection />
            <CoursesSection />
          </Stack>
        </Tabs.Panel>
        {canManage && (
          <Tabs.Panel value="team" pt="lg">
            <TeamPanel />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="rules" pt="lg">
          <RulesPanel canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
