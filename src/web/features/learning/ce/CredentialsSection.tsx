import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../../api/http.js';
import {
  addCredential,
  getCeRules,
  learningKeys,
  listCredentials,
  removeCredential,
  type CeRule,
  type Credential,
} from '../../../api/learning.js';
import { useFormFields } from './form-fields.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { Section } from '../../../components/Section.js';
import { fieldErrorsFrom } from '../../../components/form-errors.js';
import { todayDateOnly } from '../../../components/format.js';
import { CE_STATES, byUrgency, FIRST_RENEWAL_HELP, hours } from './ce-ui.js';
import { CredentialCard } from './CredentialCard.js';
import { RemoveButton } from './RemoveButton.js';

const CE_KEY = ['learning', 'ce'] as const;

/** "My licences and certifications": each with its CE status; add and remove. */
export function CredentialsSection() {
  const credentials = useQuery({ queryKey: learningKeys.credentials(), queryFn: () => listCredentials() });
  const [adding, setAdding] = useState(false);
  const items = credentials.data ? [...credentials.data.items].sort(byUrgency) : [];
  const showForm = adding || (credentials.isSuccess && items.length === 0);
  const summary = items
    .map(
      (c) =>
        `${c.ruleName}: ${CE_STATES[c.status.state].label.toLowerCase()}` +
        (c.status.missingHours > 0 ? `, ${hours(c.status.missingHours)} missing` : ''),
    )
    .join('. ');
  return (
    <Section
      title="My licences and certifications"
      description="Palpa counts your CE courses against the rule of each licence's state, by category, for the current renewal cycle."
    >
      <Stack gap="md">
        {/* Status changes after a course is added elsewhere on the page: say so to screen readers. */}
        <VisuallyHidden aria-live="polite">{summary}</VisuallyHidden>
        {credentials.isError ? (
          <ApiErrorAlert error={credentials.error} title="Your licences could not be loaded" />
        ) : credentials.isPending ? (
          <Stack gap="sm">
            <Skeleton height={180} />
          </Stack>
        ) : (
          items.map((credential) => <OwnCredential key={credential.id} credential={credential} />)
        )}
        {showForm && (
          <AddCredentialForm
            onDone={() => setAdding(false)}
            canCancel={items.length > 0}
            firstOne={items.length === 0}
          />
        )}
        {!showForm && credentials.isSuccess && (
          <Group>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setAdding(true)}
              className="no-print"
            >
              Add a licence or certification
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}

function OwnCredential({ credential }: { credential: Credential }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => removeCredential(credential.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: CE_KEY });
      notifications.show({ color: 'green', message: `${credential.ruleName} removed.` });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(error) }),
  });
  return (
    <CredentialCard
      credential={credential}
      actions={
        <RemoveButton
          what={credential.ruleName}
          explanation="Its CE status will no longer be shown. Your CE courses stay recorded."
          loading={remove.isPending}
          onConfirm={() => remove.mutate()}
        />
      }
    />
  );
}

function ruleOptions(rules: CeRule[]) {
  const group = (label: string, list: CeRule[]) =>
    list.length ? [{ group: label, items: list.map((r) => ({ value: r.id, label: r.name })) }] : [];
  return [
    { value: '', label: 'Choose…' },
    ...group(
      'State licences',
      rules.filter((r) => r.shipped && r.kind === 'licence'),
    ),
    ...group(
      'Certifications',
      rules.filter((r) => r.shipped && r.kind === 'certification'),
    ),
    ...group(
      'Added by your clinic',
      rules.filter((r) => !r.shipped),
    ),
  ];
}

function AddCredentialForm(props: { onDone: () => void; canCancel: boolean; firstOne: boolean }) {
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: learningKeys.ceRules, queryFn: getCeRules });
  const blank = { ruleId: '', number: '', issuedOn: '', expiresOn: '', firstRenewal: false };
  const { values, set, reset, missing, setMissing, bind } = useFormFields(blank);
  const rule = rules.data?.rules.find((r) => r.id === values.ruleId);
  const firstRenewalHelp = rule?.shipped ? FIRST_RENEWAL_HELP[rule.jurisdiction] : undefined;

  const add = useMutation({
    mutationFn: () =>
      addCredential({
        ruleId: values.ruleId,
        ...(values.number.trim() ? { number: values.number.trim() } : {}),
        issuedOn: values.issuedOn || null,
        expiresOn: values.expiresOn,
        firstRenewal: firstRenewalHelp ? values.firstRenewal : false,
      }),
    onSuccess: async (created) => {
      reset();
      await queryClient.invalidateQueries({ queryKey: CE_KEY });
      notifications.show({ color: 'green', message: `${created.ruleName} added.` });
      props.onDone();
    },
  });
  const errors: Record<string, string> = { ...fieldErrorsFrom(add.error), ...missing };
  const field = bind(errors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.ruleId) found.ruleId = 'Choose the state or certification.';
    if (!values.expiresOn) found.expiresOn = 'Enter the expiry date.';
    if (firstRenewalHelp && values.firstRenewal && rule?.jurisdiction === 'FL' && !values.issuedOn)
      found.issuedOn = 'Enter the date the licence was issued.';
    setMissing(found);
    if (Object.values(found).some(Boolean)) return;
    add.mutate();
  };

  return (
    <Paper withBorder p="md" bg="gray.0" className="no-print">
      <form onSubmit={submit} aria-label="Add a licence or certification" noValidate>
        <Stack gap="sm">
          <Text fw={600}>
            {props.firstOne
              ? 'Record your licence or certification to see which CE hours you still need.'
              : 'Add a licence or certification'}
          </Text>
          {add.isError && !Object.keys(fieldErrorsFrom(add.error)).length && (
            <ApiErrorAlert error={add.error} title="Not added" />
          )}
          {rules.isError && <ApiErrorAlert error={rules.error} title="The CE rules could not be loaded" />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label="State or certification"
              withAsterisk
              value={values.ruleId}
              onChange={(e) => {
                set('ruleId', e.currentTarget.value);
                set('firstRenewal', false);
              }}
              data={ruleOptions(rules.data?.rules ?? [])}
              disabled={rules.isPending}
              error={errors.ruleId || undefined}
            />
            <TextInput label="Licence or certificate number" {...field('number')} maxLength={60} />
            <TextInput
              type="date"
              label="Issued on"
              description="The date the licence was first issued."
              {...field('issuedOn')}
              max={todayDateOnly()}
            />
            <TextInput
              type="date"
              label="Expires on"
              description="The next renewal date."
              withAsterisk
              {...field('expiresOn')}
            />
          </SimpleGrid>
          {firstRenewalHelp && (
            <Checkbox
              label="This is the first renewal after the licence was issued"
              description={firstRenewalHelp}
              checked={values.firstRenewal}
              onChange={(e) => set('firstRenewal', e.currentTarget.checked)}
            />
          )}
          {rule && (
            <Text size="xs" c="dimmed">
              {rule.name}: {hours(rule.totalHours)} every {rule.cycleMonths} months. {rule.reference}
            </Text>
          )}
          <Group gap="sm">
            <Button type="submit" loading={add.isPending}>
              {rule?.kind === 'certification' ? 'Save certification' : 'Save licence'}
            </Button>
            {props.canCancel && (
              <Button variant="default" onClick={props.onDone}>
                Cancel
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
