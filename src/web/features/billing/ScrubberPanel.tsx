/**
 * The claim check (scrubber): every problem a payer would reject the claim for, in plain words, with the
 * place to fix it, errors first. "Check again" re-runs it after fixing something elsewhere (set-up, the
 * client record).
 */
import { type Ref } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconRefresh } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Claim, ScrubProblem } from '../../api/billing.js';
import { readableTextColor } from '../../app/theme.js';
import { billingTabPath, clientBillingPath } from './billing-ui.js';
import { problemLine } from './claim-form.js';

type Target = { label: string; to?: string; fieldId?: string };

const FIELD_WORDS: Record<string, string> = {
  modifiers: 'modifiers',
  diagnosisPointers: 'diagnosis pointers',
  units: 'units',
  chargeCents: 'charge',
  serviceDate: 'date of service',
  code: 'service code',
};

/** Where a problem is fixed: a field on this page, or another screen. */
export function problemTarget(field: string, claim: Claim, editable: boolean): Target {
  const line = problemLine(field);
  if (line !== null) {
    const part = /^lines\[\d+\]\.(\w+)/.exec(field)?.[1];
    const index = claim.lines.findIndex((l) => l.lineNumber === line);
    const fieldId = editable && part && index >= 0 ? `claim-line-${index}-${part}` : undefined;
    return {
      label: `Line ${line}${part ? ` · ${FIELD_WORDS[part] ?? part}` : ''}`,
      ...(fieldId ? { fieldId } : {}),
    };
  }
  if (field.startsWith('renderingProvider'))
    return {
      label: "Treating therapist's NPI (Set-up › Providers)",
      to: `${billingTabPath('setup')}#billing-providers`,
    };
  if (field.startsWith('billingProvider'))
    return { label: 'Billing profile (Set-up)', to: `${billingTabPath('setup')}#billing-profile` };
  if (field.startsWith('payer'))
    return { label: 'Payer (Set-up › Payers)', to: `${billingTabPath('setup')}#billing-payers` };
  if (field.startsWith('subscriber') || field.startsWith('case'))
    return { label: "Client's coverage", to: clientBillingPath(claim.clientId, 'coverage') };
  if (field.startsWith('patient')) return { label: 'Client record', to: `/clients/${claim.clientId}` };
  if (field.startsWith('referringProvider'))
    return editable
      ? {
          label: 'Referring provider (box 17)',
          fieldId: field.endsWith('npi') ? 'claim-referring-npi' : 'claim-referring-family',
        }
      : { label: 'Referring provider (box 17)' };
  if (field.startsWith('diagnoses'))
    return editable
      ? { label: 'Diagnoses (box 21)', fieldId: 'claim-diagnosis-add' }
      : { label: 'Diagnoses (box 21)' };
  if (field.startsWith('prescription'))
    return {
      label: 'Prescription',
      to: `/clients/${claim.clientId}/episodes/${claim.episodeId}?tab=prescription`,
    };
  return { label: field };
}

function ProblemItem({
  problem,
  claim,
  editable,
}: {
  problem: ScrubProblem;
  claim: Claim;
  editable: boolean;
}) {
  const target = problemTarget(problem.field, claim, editable);
  const error = problem.severity === 'error';
  return (
    <List.Item
      icon={
        <ThemeIcon color={error ? 'red' : 'yellow'} variant="light" size={22} radius="xl" aria-hidden>
          {error ? <IconCircleX size={14} /> : <IconAlertTriangle size={14} />}
        </ThemeIcon>
      }
    >
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          <Text span size="sm" fw={700} c={readableTextColor(error ? 'red' : 'yellow')}>
            {error ? 'Error' : 'Warning'}:
          </Text>{' '}
          {problem.message}
        </Text>
        <Text size="xs" c="dimmed">
          Fix in:{' '}
          {target.fieldId ? (
            <Anchor
              href={`#${target.fieldId}`}
              size="xs"
              onClick={(event) => {
                event.preventDefault();
                const element = document.getElementById(target.fieldId!);
                element?.scrollIntoView({ block: 'center' });
                element?.focus();
              }}
            >
              {target.label}
            </Anchor>
          ) : target.to ? (
            <Anchor component={Link} to={target.to} size="xs">
              {target.label}
            </Anchor>
          ) : (
            target.label
          )}
        </Text>
      </Stack>
    </List.Item>
  );
}

export function ScrubberPanel({
  claim,
  editable,
  onCheck,
  checking,
  ref,
}: {
  claim: Claim;
  editable: boolean;
  onCheck: () => void;
  checking: boolean;
  ref?: Ref<HTMLDivElement>;
}) {
  const problems = claim.problems;
  const errors = problems?.filter((p) => p.severity === 'error') ?? [];
  const warnings = problems?.filter((p) => p.severity === 'warning') ?? [];
  const open = claim.status === 'draft' || claim.status === 'ready';

  return (
    <Paper
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="scrubber-heading"
      ref={ref}
      tabIndex={-1}
    >
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <Stack gap={2} style={{ flex: '1 1 260px' }}>
          <Group gap="xs">
            <Title order={2} id="scrubber-heading">
              Claim check
            </Title>
            {problems !== null && errors.length > 0 && (
              <Badge color="red" variant="light">
                {errors.length} {errors.length === 1 ? 'error' : 'errors'}
              </Badge>
            )}
            {problems !== null && warnings.length > 0 && (
              <Badge color="yellow" variant="light">
                {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {open
              ? 'What a payer would reject the claim for. Errors must be fixed before the claim is marked ready.'
              : 'What the last check found, before the claim was sent.'}
          </Text>
        </Stack>
        {open && (
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={onCheck}
            loading={checking}
          >
            Check again
          </Button>
        )}
      </Group>
      <div role="status" aria-live="polite">
        {problems === null ? (
          <Text size="sm" c="dimmed">
            Not checked yet.
          </Text>
        ) : errors.length === 0 && warnings.length === 0 ? (
          <Alert
            color="teal"
            variant="light"
            icon={<IconCircleCheck aria-hidden />}
            title="No problems found"
          >
            The claim passes every check Palpa makes.
          </Alert>
        ) : (
          <Stack gap="sm">
            {errors.length === 0 && (
              <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="No errors">
                {open
                  ? 'Only warnings: read them, then the claim can be marked ready.'
                  : 'Only warnings were found.'}
              </Alert>
            )}
            <List spacing="sm" center={false} aria-label="Problems found">
              {[...errors, ...warnings].map((problem, index) => (
                <ProblemItem
                  key={`${problem.rule}-${problem.field}-${index}`}
                  problem={problem}
                  claim={claim}
                  editable={editable}
                />
              ))}
            </List>
          </Stack>
        )}
      </div>
    </Paper>
  );
}
