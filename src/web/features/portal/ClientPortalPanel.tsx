/**
 * On the staff client page: invite the client (or a guardian) to the client portal, and what the client
 * completed there ("Completed by client": intake with its screening alerts, questionnaire scores), each
 * marked reviewed by the therapist.
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  CopyButton,
  Group,
  Modal,
  Paper,
  Radio,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCopy, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  inviteToPortal,
  listSubmissions,
  portalKeys,
  reviewSubmission,
  type PortalInvitation,
  type Submission,
} from '../../api/portal.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { fieldErrorsFrom } from '../../components/form-errors.js';
import { Section } from '../../components/Section.js';

/** The "Invite to portal" button and its dialog. */
export function InviteToPortalButton({ clientId, email }: { clientId: string; email: string | null }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconSend size={16} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        Invite to portal
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Invite to the client portal">
        {open && <InviteForm clientId={clientId} email={email} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}

function InviteForm({
  clientId,
  email,
  onDone,
}: {
  clientId: string;
  email: string | null;
  onDone: () => void;
}) {
  const [values, setValues] = useState({
    email: email ?? '',
    name: '',
    relationship: 'self' as 'self' | 'guardian',
  });
  const [sent, setSent] = useState<PortalInvitation | null>(null);
  const invite = useMutation({
    mutationFn: () =>
      inviteToPortal(clientId, {
        email: values.email.trim(),
        relationship: values.relationship,
        ...(values.relationship === 'guardian' && values.name.trim() ? { name: values.name.trim() } : {}),
      }),
    onSuccess: (result) => {
      if (result.emailed) {
        notifications.show({ color: 'green', message: `Invitation emailed to ${values.email.trim()}.` });
        onDone();
      } else setSent(result);
    },
  });
  const errors = fieldErrorsFrom(invite.error);
  if (sent) {
    const link = `${window.location.origin}${sent.acceptPath}`;
    return (
      <Stack gap="sm">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          The email could not be sent now (it waits in the outbox). Give this link to the client instead: it
          lets them set a password.
        </Alert>
        <Group gap="xs" wrap="nowrap">
          <TextInput
            aria-label="Invitation link"
            value={link}
            readOnly
            style={{ flex: 1 }}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy} leftSection={<IconCopy size={16} aria-hidden />}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end">
          <Button onClick={onDone}>Done</Button>
        </Group>
      </Stack>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Invite to the client portal">
      <Stack gap="sm">
        {invite.isError && !Object.keys(errors).length && (
          <ApiErrorAlert error={invite.error} title="Not invited" />
        )}
        <Radio.Group
          label="Who will sign in"
          value={values.relationship}
          onChange={(value) =>
            setValues((v) => ({ ...v, relationship: value === 'guardian' ? 'guardian' : 'self' }))
          }
        >
          <Stack gap={6} mt={6}>
            <Radio value="self" label="The client" />
            <Radio value="guardian" label="A parent or guardian (for a minor or dependent)" />
          </Stack>
        </Radio.Group>
        {values.relationship === 'guardian' && (
          <TextInput
            label="Guardian's name"
            value={values.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setValues((v) => ({ ...v, name }));
            }}
            error={errors.name}
          />
        )}
        <TextInput
          label="Email"
          type="email"
          required
          value={values.email}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setValues((v) => ({ ...v, email: value }));
          }}
          error={errors.email}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type IntakeScore = { alerts?: { ruleId: string; severity: string; title: string }[] };
type MeasureScore = { valid?: boolean; score?: number; band?: string; unit?: string; reason?: string };

const SEVERITY: Record<string, { label: string; color: string }> = {
  postpone_refer: { label: 'Postpone / refer', color: 'red' },
  local_avoid: { label: 'Avoid locally', color: 'orange' },
  modify: { label: 'Modify', color: 'yellow' },
  gentle: { label: 'Gentle', color: 'blue' },
};

/** "Completed by client": forms the client sent from the portal, newest first. */
export function CompletedByClient({ clientId }: { clientId: string }) {
  const canReview = useCan('clinical:write');
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: portalKeys.submissions(clientId),
    queryFn: () => listSubmissions(clientId),
  });
  const review = useMutation({
    mutationFn: (id: string) => reviewSubmission(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.submissions(clientId) }),
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not marked', message: String(error.message) }),
  });
  const items = query.data?.items ?? [];
  return (
    <Section
      title="Completed by client"
      description="Forms the client filled in the client portal. Read them and mark them reviewed."
    >
      {query.isPending ? (
        <Skeleton height={60} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} title="The client's forms could not be loaded" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing yet. Invite the client to the portal to fill in the intake before the first visit.
        </Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((s) => (
            <Paper
              key={s.id}
              component="li"
              p="sm"
              withBorder
              radius="md"
              bg={s.reviewedAt ? undefined : 'palpa.0'}
            >
              <SubmissionRow submission={s} />
              <Group justify="space-between" mt={6} gap="xs">
                <Text size="xs" c="dimmed">
                  Sent {formatDateTime(s.submittedAt)}
                  {s.submittedByName ? ` by ${s.submittedByName}` : ''}
                  {s.reviewedAt ? ` · reviewed ${formatDateTime(s.reviewedAt)}` : ''}
                </Text>
                {!s.reviewedAt && canReview && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconCheck size={14} aria-hidden />}
                    loading={review.isPending && review.variables === s.id}
                    onClick={() => review.mutate(s.id)}
                  >
                    Reviewed
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function SubmissionRow({ submission: s }: { submission: Submission }) {
  if (s.kind === 'intake') {
    const alerts = (s.score as IntakeScore | null)?.alerts ?? [];
    return (
      <Stack gap={4}>
        <Group gap="xs">
          <Text fw={600} size="sm">
            Health history (intake)
          </Text>
          {!s.reviewedAt && (
            <Badge size="xs" color="palpa">
              New
            </Badge>
          )}
        </Group>
        {alerts.length === 0 ? (
          <Text size="sm" c="dimmed">
            No screening alerts.
          </Text>
        ) : (
          <Stack gap={4} aria-label="Screening alerts">
            {alerts.map((a) => (
              <Group key={a.ruleId + a.title} gap={6} wrap="nowrap" align="flex-start">
                <Badge
                  size="sm"
                  variant="light"
                  color={SEVERITY[a.severity]?.color ?? 'gray'}
                  style={{ flex: 'none' }}
                >
                  {SEVERITY[a.severity]?.label ?? a.severity}
                </Badge>
                <Text size="sm">{a.title}</Text>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    );
  }
  const score = (s.score ?? {}) as MeasureScore;
  return (
    <Group gap="xs">
      <Text fw={600} size="sm">
        {(s.instrumentId ?? 'Questionnaire').toUpperCase()}
      </Text>
      {score.valid === false ? (
        <Text size="sm" c="dimmed">
          Not scored: {score.reason}
        </Text>
      ) : (
        <Text size="sm">
          {score.score}
          {score.unit === 'percent' ? '%' : ''} · {score.band}
        </Text>
      )}
    </Group>
  );
}
