/**
 * Reports for the prescriber (progress report, discharge summary) as PDF downloads, what goes into them,
 * and discharging or reopening the episode.
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCircleCheck,
  IconCircleDashed,
  IconDoorExit,
  IconDownload,
  IconFileText,
  IconRefresh,
} from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { progressReportUrl, updateEpisode, type ClinicalChart } from '../../../api/clinical.js';
import { isApiError } from '../../../api/http.js';
import { useCan } from '../../../app/session.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { fieldErrorsFrom } from '../../../components/form-errors.js';
import { todayDateOnly } from '../../../components/format.js';
import { Section } from '../../../components/Section.js';
import { formatDay } from '../episode-ui.js';

export function ReportTab({ chart, onChanged }: { chart: ClinicalChart; onChanged: () => void }) {
  const canWrite = useCan('clinical:write');
  const { episode } = chart;
  const signedNotes = chart.notes.filter((note) => note.status === 'signed').length;
  const reEvaluation = chart.assessments
    .filter((a) => a.kind !== 'initial')
    .sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))[0];
  const latest = chart.prescriptions.at(-1);

  const contents: { done: boolean; label: string; detail: string }[] = [
    {
      done: !!latest,
      label: 'Prescriber and diagnoses',
      detail: latest
        ? `${latest.prescriberName}; ${latest.diagnoses.map((d) => d.code).join(', ')}`
        : 'No prescription yet',
    },
    {
      done: signedNotes > 0,
      label: 'Visits',
      detail: latest?.visitsAuthorised
        ? `${latest.usage.used} of ${latest.visitsAuthorised} authorised visits used`
        : `${signedNotes} signed session${signedNotes === 1 ? '' : 's'}`,
    },
    {
      done: chart.measures.length > 0,
      label: 'Outcome measures',
      detail: chart.measures.length
        ? chart.measures
            .map((m) => {
              const unit = m.unit === '%' ? '%' : '';
              return `${m.name} ${m.baseline}${unit} → ${m.latest}${unit}`;
            })
            .join('; ')
        : 'No scored outcome measure yet',
    },
    {
      done: !!chart.plan && chart.plan.goals.length > 0,
      label: 'Goals and their status',
      detail: chart.plan
        ? `${chart.plan.goals.length} goal${chart.plan.goals.length === 1 ? '' : 's'} in the plan`
        : 'No plan yet',
    },
    {
      done: !!reEvaluation,
      label: 'Findings and recommendation',
      detail: reEvaluation
        ? `From the ${reEvaluation.kind === 'discharge' ? 'discharge assessment' : 're-evaluation'} of ${formatDay(reEvaluation.assessedOn)}`
        : 'Add a re-evaluation: its findings become the summary',
    },
  ];

  return (
    <Stack gap="lg">
      <Section
        title="Reports for the prescriber"
        description="A PDF letter built from the chart as it stands now, ready to fax or send with a renewal request."
      >
        <Stack gap="md">
          <Text size="sm">What goes into the report:</Text>
          <List spacing={8} listStyleType="none" aria-label="Report contents">
            {contents.map((item) => (
              <List.Item key={item.label}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon
                    size={22}
                    radius="xl"
                    variant="light"
                    color={item.done ? 'teal' : 'gray'}
                    aria-hidden
                    mt={1}
                  >
                    {item.done ? <IconCircleCheck size={15} /> : <IconCircleDashed size={15} />}
                  </ThemeIcon>
                  <div>
                    <Text size="sm" fw={600}>
                      {item.label}
                      <VisuallyHidden>{item.done ? ' (recorded)' : ' (missing)'}</VisuallyHidden>
                    </Text>
                    <Text size="sm" c="dimmed">
                      {item.detail}
                    </Text>
                  </div>
                </Group>
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            Opening a report is recorded in the audit log. The file contains health information: store and
            send it the way your clinic sends other records.
          </Text>
          <Group gap="sm">
            <Button
              component="a"
              href={progressReportUrl(episode.id, 'progress')}
              download
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Download progress report (PDF)
            </Button>
            <Button
              component="a"
              href={progressReportUrl(episode.id, 'discharge')}
              download
              variant="default"
              leftSection={<IconFileText size={16} aria-hidden />}
            >
              Download discharge summary
            </Button>
          </Group>
        </Stack>
      </Section>

      {canWrite && <DischargeSection chart={chart} onChanged={onChanged} />}
    </Stack>
  );
}

function DischargeSection({ chart, onChanged }: { chart: ClinicalChart; onChanged: () => void }) {
  const { episode } = chart;
  const [dischargedOn, setDischargedOn] = useState(todayDateOnly());
  const [reason, setReason] = useState('');
  const [confirmReopen, setConfirmReopen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const drafts = chart.notes.filter((note) => note.status === 'draft').length;

  const change = useMutation({
    mutationFn: (status: 'open' | 'discharged') =>
      updateEpisode(
        episode.id,
        status === 'discharged'
          ? { version: episode.version, status, dischargedOn, dischargeReason: reason.trim() || null }
          : { version: episode.version, status },
      ),
    onSuccess: (updated) => {
      const message =
        updated.status === 'discharged'
          ? `The episode was discharged on ${formatDay(updated.dischargedOn)}.`
          : 'The episode is open again.';
      setAnnouncement(message);
      setConfirmReopen(false);
      notifications.show({
        color: 'teal',
        title: updated.status === 'discharged' ? 'Discharged' : 'Reopened',
        message,
      });
      onChanged();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'version_conflict') onChanged();
    },
  });
  const errors = fieldErrorsFrom(change.error);
  const general =
    change.error && (!isApiError(change.error) || change.error.errors.length === 0) ? change.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!change.isPending) change.mutate('discharged');
  };

  return (
    <Section
      title={episode.status === 'open' ? 'Discharge' : 'Discharged'}
      description={
        episode.status === 'open'
          ? 'When care ends: goals met, the client stops coming, or they are referred on. The record becomes read-only until reopened.'
          : `Discharged on ${formatDay(episode.dischargedOn)}${episode.dischargeReason ? `: ${episode.dischargeReason}` : '.'}`
      }
    >
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {general && <ApiErrorAlert error={general} mb="md" />}
      {episode.status === 'open' ? (
        <form onSubmit={submit} noValidate aria-label="Discharge the episode">
          <Stack gap="md">
            {drafts > 0 && (
              <Alert color="yellow" variant="light">
                {drafts} session note{drafts === 1 ? ' is' : 's are'} still a draft. A discharged episode
                cannot be changed, so sign or delete {drafts === 1 ? 'it' : 'them'} first.
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput
                type="date"
                label="Discharge date"
                description="The last day of care."
                required
                value={dischargedOn}
                min={episode.startedOn}
                onChange={(e) => setDischargedOn(e.currentTarget.value)}
                error={errors.dischargedOn}
              />
              <Textarea
                label="Reason"
                description="For example: goals met; client moved; referred to physical therapy."
                autosize
                minRows={2}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.dischargeReason}
                style={{ gridColumn: 'span 2' }}
              />
            </SimpleGrid>
            <Group>
              <Button
                type="submit"
                color="orange"
                variant="light"
                loading={change.isPending}
                leftSection={<IconDoorExit size={16} aria-hidden />}
              >
                Discharge episode
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <>
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={() => setConfirmReopen(true)}
          >
            Reopen episode
          </Button>
          <Modal
            opened={confirmReopen}
            onClose={() => setConfirmReopen(false)}
            title="Reopen this episode?"
            centered
          >
            <Stack gap="md">
              <Text size="sm">
                Reopening clears the discharge date and reason, so notes and assessments can be added again.
              </Text>
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => setConfirmReopen(false)} data-autofocus>
                  Cancel
                </Button>
                <Button loading={change.isPending} onClick={() => change.mutate('open')}>
                  Reopen
                </Button>
              </Group>
            </Stack>
          </Modal>
        </>
      )}
    </Section>
  );
}
