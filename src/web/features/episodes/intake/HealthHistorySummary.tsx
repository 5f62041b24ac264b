import type { ReactNode } from 'react';
import { Badge, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  ACTIVITY_LEVELS,
  classifyMedication,
  conditionLabel,
  deviceLabel,
  MEDICATION_CLASS_NOUNS,
  type HealthHistory,
} from '../../../../modules/screening/domain/health-history.js';
import { Section } from '../../../components/Section.js';
import { formatDateOnly } from '../../../components/format.js';
import { CONDITION_STATUS_LABELS, PREGNANCY_LABELS } from './intake-form.js';

const join = (...parts: (string | undefined | false)[]) => parts.filter(Boolean).join(' · ');
const dated = (date: string | undefined) => (date ? `since ${formatDateOnly(date)}` : undefined);

function Part({
  title,
  items,
  empty = 'None recorded.',
}: {
  title: string;
  items: ReactNode[];
  empty?: string;
}) {
  return (
    <Stack gap={4}>
      <Title order={3}>{title}</Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {items.map((item, index) => (
            <List.Item key={index}>{item}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** The saved health history as text, for roles that may read but not change it. */
export function HealthHistorySummary({ history, savedLine }: { history: HealthHistory; savedLine?: string }) {
  const activity = ACTIVITY_LEVELS.find((a) => a.code === history.activityLevel)?.label;
  const vitals = history.vitals;
  const pregnancy = history.pregnancy;
  return (
    <Section title="Health history" order={2} description={savedLine}>
      <Stack gap="lg">
        <Part
          title="Current complaints"
          items={history.complaints.map((c) => join(c.description, c.region, dated(c.onsetDate)))}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Part
            title="Conditions"
            items={history.conditions.map((c) => (
              <>
                {conditionLabel(c.condition)}{' '}
                <Badge size="xs" variant="light" color={c.status === 'current' ? 'orange' : 'gray'}>
                  {CONDITION_STATUS_LABELS[c.status]}
                </Badge>
                {c.region || c.note ? ` — ${join(c.region, c.note)}` : ''}
              </>
            ))}
          />
          <Part
            title="Medications"
            items={history.medications.map((m) => {
              const cls = m.medicationClass ?? classifyMedication(m.name);
              return join(
                m.name,
                m.dose,
                m.reason ? `for ${m.reason}` : undefined,
                cls ? MEDICATION_CLASS_NOUNS[cls] : undefined,
              );
            })}
          />
          <Part
            title="Surgeries"
            items={history.surgeries.map((s) =>
              join(s.procedure, s.region, s.date && formatDateOnly(s.date)),
            )}
          />
          <Part
            title="Injuries"
            items={history.injuries.map((i) =>
              join(i.description, i.region, i.date && formatDateOnly(i.date)),
            )}
          />
          <Part title="Allergies" items={history.allergies.map((a) => join(a.substance, a.reaction))} />
          <Part
            title="Implants and devices"
            items={history.devices.map((d) => join(deviceLabel(d.device), d.region))}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <Part
            title="Pregnancy"
            items={[
              join(
                PREGNANCY_LABELS[pregnancy.status],
                pregnancy.weeks !== undefined && `${pregnancy.weeks} weeks`,
                pregnancy.highRisk && 'high risk',
              ),
            ]}
          />
          <Part title="Activity level" items={activity ? [activity] : []} empty="Not recorded." />
          <Part
            title="Vitals"
            items={
              vitals
                ? [
                    join(
                      vitals.temperatureC !== undefined && `${vitals.temperatureC} °C`,
                      vitals.systolic !== undefined &&
                        `BP ${vitals.systolic}/${vitals.diastolic ?? '–'} mmHg`,
                    ),
                  ]
                : []
            }
            empty="Not taken."
          />
        </SimpleGrid>
        <Part
          title="Goals, in the client's words"
          items={history.goalsInClientsWords ? [history.goalsInClientsWords] : []}
          empty="Not recorded."
        />
      </Stack>
    </Section>
  );
}
