/**
 * The dialog that turns selected signed visits into a draft claim: choose the policy or accident case to
 * bill (from the client's coverage), check the visits, create, and land on the claim with its scrubber.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, List, Modal, Radio, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { billingKeys, createClaim, getCoverage, type Coverage, type ToBillItem } from '../../api/billing.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { formatDay } from '../episodes/episode-ui.js';
import { claimPath, clientBillingPath } from './billing-ui.js';
import { CASE_KIND_LABELS, PRIORITY_LABELS } from './coverage-labels.js';

type Choice = `policy:${string}` | `case:${string}`;

/** The coverage that fits the episode's payer: an auto case for PIP, a WC case, else the primary policy. */
function defaultChoice(coverage: Coverage, payerContext: string): Choice | null {
  const policies = coverage.policies.filter((p) => !p.archived);
  const cases = coverage.cases.filter((c) => !c.closed);
  const kind = payerContext === 'auto_pip' ? 'auto' : payerContext === 'workers_comp' ? 'workers_comp' : null;
  const matchingCase = kind ? cases.find((c) => c.kind === kind) : undefined;
  if (matchingCase) return `case:${matchingCase.id}`;
  const policy = policies.find((p) => p.priority === 'primary') ?? policies[0];
  if (policy) return `policy:${policy.id}`;
  return cases[0] ? `case:${cases[0].id}` : null;
}

export function CreateClaimModal({
  opened,
  onClose,
  clientId,
  clientName,
  episodeId,
  payerContext,
  visits,
}: {
  opened: boolean;
  onClose: () => void;
  clientId: string;
  clientName: string;
  episodeId: string;
  payerContext: string;
  visits: ToBillItem[];
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create a claim" size="lg">
      {opened && (
        <CreateClaimForm
          clientId={clientId}
          clientName={clientName}
          episodeId={episodeId}
          payerContext={payerContext}
          visits={visits}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}

function CreateClaimForm({
  clientId,
  clientName,
  episodeId,
  payerContext,
  visits,
  onCancel,
}: {
  clientId: string;
  clientName: string;
  episodeId: string;
  payerContext: string;
  visits: ToBillItem[];
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const coverage = useQuery({
    queryKey: billingKeys.coverage(clientId),
    queryFn: () => getCoverage(clientId),
  });
  const [picked, setPicked] = useState<Choice | null>(null);
  const [missingChoice, setMissingChoice] = useState(false);
  const choice = picked ?? (coverage.data ? defaultChoice(coverage.data, payerContext) : null);

  const create = useMutation({
    mutationFn: () => {
      const [kind, coverageId] = (choice ?? '').split(':') as ['policy' | 'case', string];
      return createClaim({
        episodeId,
        sessionNoteIds: visits.map((visit) => visit.sessionNoteId),
        ...(kind === 'policy' ? { policyId: coverageId } : { caseId: coverageId }),
      });
    },
    onSuccess: (claim) => {
      void queryClient.invalidateQueries({ queryKey: billingKeys.all });
      void navigate(claimPath(claim.id));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) {
      setMissingChoice(true);
      return;
    }
    create.mutate();
  };

  const policies = coverage.data?.policies.filter((p) => !p.archived) ?? [];
  const cases = coverage.data?.cases.filter((c) => !c.closed) ?? [];
  const none = coverage.isSuccess && policies.length === 0 && cases.length === 0;

  return (
    <form onSubmit={submit} noValidate aria-label="Create a claim">
      <Stack gap="md">
        <Text size="sm">
          <Text span fw={600} size="sm">
            {clientName}
          </Text>
          {' · '}
          {visits.length === 1 ? '1 signed visit' : `${visits.length} signed visits`}
        </Text>
        <List size="sm" spacing={2} aria-label="Visits on this claim">
          {visits.map((visit) => (
            <List.Item key={visit.sessionNoteId}>
              {formatDay(visit.sessionDate)} · {visit.therapistName} ·{' '}
              {visit.services.map((s) => `${s.code} ${s.minutes} min`).join(', ')}
            </List.Item>
          ))}
        </List>

        {coverage.isPending ? (
          <Stack gap="xs" aria-busy="true" aria-label="Loading coverage">
            <Skeleton height={44} />
            <Skeleton height={44} />
          </Stack>
        ) : coverage.isError ? (
          <ApiErrorAlert error={coverage.error} title="The client's coverage could not be loaded" />
        ) : none ? (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconInfoCircle aria-hidden />}
            title="No coverage on file"
          >
            <Stack gap={6} align="flex-start">
              <Text size="sm">
                {clientName} has no insurance policy or accident case to bill. Add it from the insurance card
                or the adjuster&apos;s letter first.
              </Text>
              <Anchor component={Link} to={clientBillingPath(clientId, 'coverage')} size="sm" fw={600}>
                Add coverage on the client page
              </Anchor>
            </Stack>
          </Alert>
        ) : (
          <Radio.Group
            label="Bill to"
            description="The policy or case this claim goes to."
            value={choice ?? ''}
            onChange={(value) => {
              setPicked(value as Choice);
              setMissingChoice(false);
            }}
            error={missingChoice ? 'Choose the policy or case to bill.' : undefined}
            required
          >
            <Stack gap="xs" mt="xs">
              {policies.map((policy, index) => (
                <Radio
                  key={policy.id}
                  value={`policy:${policy.id}`}
                  data-autofocus={index === 0 ? true : undefined}
                  label={`${policy.payerName} — ${PRIORITY_LABELS[policy.priority]} policy`}
                  description={[
                    `Member ID ${policy.memberId}`,
                    policy.groupNumber ? `group ${policy.groupNumber}` : null,
                    policy.planName,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              ))}
              {cases.map((coverageCase, index) => (
                <Radio
                  key={coverageCase.id}
                  value={`case:${coverageCase.id}`}
                  data-autofocus={policies.length === 0 && index === 0 ? true : undefined}
                  label={`${coverageCase.payerName} — ${CASE_KIND_LABELS[coverageCase.kind]} case`}
                  description={[
                    coverageCase.claimNumber
                      ? `Claim no. ${coverageCase.claimNumber}`
                      : 'No claim number yet',
                    coverageCase.injuryDate ? `injury ${formatDay(coverageCase.injuryDate)}` : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}

        {create.error !== null && <ApiErrorAlert error={create.error} title="The claim was not created" />}
        <Text size="xs" c="dimmed">
          Units follow the payer&apos;s method and fees the clinic&apos;s fee schedule. The claim opens as a
          draft with the scrubber&apos;s findings; nothing is sent yet.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} disabled={none || coverage.isPending}>
            Create claim
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
