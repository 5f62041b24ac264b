/**
 * The episode's prescriptions (newest first): prescriber, diagnoses, order and terms, visits used, and
 * warnings; clinical staff who write can add a renewal or correct one.
 */
import { useState, type ReactNode } from 'react';
import {
  Badge,
  Blockquote,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPlus, IconPrescription } from '@tabler/icons-react';
import type { ClinicalChart, Prescription } from '../../../api/clinical.js';
import { useCan } from '../../../app/session.js';
import { Section } from '../../../components/Section.js';
import { formatDay, frequencyText, usageColor, UsageWarnings, VisitUsage } from '../episode-ui.js';
import { PrescriptionForm } from './PrescriptionForm.js';
import { SuggestedProtocols } from './SuggestedProtocols.js';

const STATE_LABELS: Record<string, string> = {
  active: 'Active',
  exhausted: 'Visits used up',
  expired: 'Expired',
  not_yet_valid: 'Not yet valid',
};

export function PrescriptionTab({ chart, onChanged }: { chart: ClinicalChart; onChanged: () => void }) {
  const canWrite = useCan('clinical:write');
  const prescriptions = chart.prescriptions.slice().reverse();
  // 'new', the id of the prescription being corrected, or null.
  const [editing, setEditing] = useState<string | null>(() =>
    canWrite && chart.prescriptions.length === 0 ? 'new' : null,
  );
  const [announcement, setAnnouncement] = useState('');

  const saved = (prescription: Prescription, created: boolean) => {
    const message = created
      ? `Prescription from ${prescription.prescriberName} saved.`
      : `Corrections to the prescription from ${prescription.prescriberName} saved.`;
    setAnnouncement(message);
    notifications.show({ color: 'teal', title: 'Saved', message });
    setEditing(null);
    onChanged();
  };

  return (
    <Stack gap="lg">
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>

      {editing === 'new' ? (
        <Section
          title={prescriptions.length ? 'New prescription or renewal' : 'Record the prescription'}
          description="From the referral or prescription the client brought. Diagnoses must be billable ICD-10-CM codes."
        >
          <PrescriptionForm
            episodeId={chart.episode.id}
            onSaved={(p) => saved(p, true)}
            onCancel={prescriptions.length ? () => setEditing(null) : undefined}
          />
        </Section>
      ) : (
        canWrite && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              A renewal counts the visits from the day it was written.
            </Text>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              Add prescription
            </Button>
          </Group>
        )
      )}

      {prescriptions.length === 0 && editing !== 'new' && (
        <Paper p="xl">
          <Stack align="center" gap="xs">
            <IconPrescription size={32} color="var(--mantine-color-gray-5)" aria-hidden />
            <Text fw={600}>No prescription on file</Text>
            <Text size="sm" c="dimmed" ta="center" maw={420}>
              Medical massage billed to insurance needs a prescription with diagnoses. A therapist records it
              here.
            </Text>
          </Stack>
        </Paper>
      )}

      {prescriptions.map((prescription, index) =>
        editing === prescription.id ? (
          <Section
            key={prescription.id}
            title={`Correct the prescription from ${prescription.prescriberName}`}
            description="Fix what was entered wrongly. For a new prescription from the prescriber, add a renewal instead."
          >
            <PrescriptionForm
              episodeId={chart.episode.id}
              prescription={prescription}
              onSaved={(p) => saved(p, false)}
              onCancel={() => setEditing(null)}
            />
          </Section>
        ) : (
          <PrescriptionCard
            key={prescription.id}
            prescription={prescription}
            current={index === 0}
            onEdit={canWrite && editing === null ? () => setEditing(prescription.id) : undefined}
          />
        ),
      )}

      {prescriptions.length > 0 && (
        <SuggestedProtocols chart={chart} canPlan={canWrite && chart.episode.status === 'open'} />
      )}
    </Stack>
  );
}

function PrescriptionCard({
  prescription: p,
  current,
  onEdit,
}: {
  prescription: Prescription;
  current: boolean;
  onEdit: (() => void) | undefined;
}) {
  const headingId = `rx-${p.id}`;
  const frequency = frequencyText(p.frequencyPerWeek, p.durationWeeks);
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="md">
        <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Group gap="xs">
            <Title order={2} id={headingId}>
              {p.prescriberName}
            </Title>
            <Badge color={usageColor(p.usage)} variant="light">
              {STATE_LABELS[p.usage.state] ?? p.usage.state}
            </Badge>
            {current && (
              <Badge color="gray" variant="outline">
                Current
              </Badge>
            )}
          </Group>
          {p.prescriberPractice && (
            <Text size="sm" c="gray.7">
              {p.prescriberPractice}
            </Text>
          )}
        </Stack>
        {onEdit && (
          <Button
            variant="default"
            size="sm"
            leftSection={<IconEdit size={16} aria-hidden />}
            onClick={onEdit}
            aria-label={`Correct the prescription from ${p.prescriberName}`}
          >
            Correct
          </Button>
        )}
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
        <Stack gap="md">
          <Stack gap={6}>
            <VisitUsage prescription={p} label="Visits" />
            <UsageWarnings usage={p.usage} />
          </Stack>
          <div>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4} style={{ letterSpacing: '0.04em' }}>
              Diagnoses
            </Text>
            <List spacing={4} listStyleType="none">
              {p.diagnoses.map((diagnosis, index) => (
                <List.Item key={diagnosis.code}>
                  <Text size="sm">
                    <Text span ff="monospace" fw={700} size="sm">
                      {diagnosis.code}
                    </Text>{' '}
                    — {diagnosis.description}
                    {index === 0 && (
                      <Badge component="span" size="xs" variant="light" ml={8}>
                        Primary
                      </Badge>
                    )}
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
        </Stack>
        <SimpleGrid cols={2} spacing="md" verticalSpacing="xs">
          <Detail label="Written">{formatDay(p.writtenOn)}</Detail>
          <Detail label="Expires">{p.expiresOn ? formatDay(p.expiresOn) : 'No expiry date'}</Detail>
          <Detail label="Frequency">{frequency ?? '—'}</Detail>
          <Detail label="Prior authorisation">{p.priorAuthNumber ?? '—'}</Detail>
          <Detail label="NPI">
            {p.prescriberNpi ? (
              <Text ff="monospace" size="sm" span>
                {p.prescriberNpi}
              </Text>
            ) : (
              '—'
            )}
          </Detail>
          <Detail label="Phone">{p.prescriberPhone ?? '—'}</Detail>
          <Detail label="Fax">{p.prescriberFax ?? '—'}</Detail>
        </SimpleGrid>
      </SimpleGrid>

      {p.orderText && (
        <Blockquote color="gray" mt="md" p="sm" fz="sm" iconSize={0} cite="— Order as written">
          {p.orderText}
        </Blockquote>
      )}
    </Paper>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}
