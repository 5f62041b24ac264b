import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CeRule as CeRuleInput } from '../../../../modules/learning/domain/ce-rules.js';
import { apiRequest } from '../../../api/http.js';
import { getCeRules, learningKeys, type CeRule } from '../../../api/learning.js';
import { useFormFields } from './form-fields.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { Section } from '../../../components/Section.js';
import { fieldErrorsFrom } from '../../../components/form-errors.js';
import { hours } from './ce-ui.js';

/** POST /learning/ce/rules (owner): the web API module has no call for it yet. */
const addCeRule = (rule: CeRuleInput) =>
  apiRequest<CeRule>('/learning/ce/rules', { method: 'POST', body: rule });

/** The CE rules Palpa applies, and (for the owner) a form to add one for another state. */
export function RulesPanel({ canManage }: { canManage: boolean }) {
  const rules = useQuery({ queryKey: learningKeys.ceRules, queryFn: getCeRules });
  const [adding, setAdding] = useState(false);
  const categoryName = (id: string) => rules.data?.categories.find((c) => c.id === id)?.name ?? id;
  return (
    <Section
      title="CE rules"
      description="What each state or certification asks for in a renewal cycle. Rules change: check the board's current rule before relying on a figure."
      actions={
        canManage &&
        !adding && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            style={{ flexShrink: 0 }}
            onClick={() => setAdding(true)}
          >
            Add a rule
          </Button>
        )
      }
    >
      <Stack gap="md">
        {canManage && adding && (
          <AddRuleForm categories={rules.data?.categories ?? []} onDone={() => setAdding(false)} />
        )}
        {rules.isError ? (
          <ApiErrorAlert error={rules.error} title="The CE rules could not be loaded" />
        ) : rules.isPending ? (
          <Skeleton height={200} />
        ) : (
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing="sm" striped aria-label="CE rules">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rule</Table.Th>
                  <Table.Th>Cycle</Table.Th>
                  <Table.Th ta="right">Hours</Table.Th>
                  <Table.Th>Of which</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rules.data.rules.map((rule) => (
                  <Table.Tr key={rule.id}>
                    <Table.Td style={{ verticalAlign: 'top', maxWidth: 360 }}>
                      <Group gap={6}>
                        <Text size="sm" fw={600}>
                          {rule.name}
                        </Text>
                        {!rule.shipped && (
                          <Badge size="xs" variant="light" color="teal">
                            Added by your clinic
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {rule.reference}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                      {rule.cycleMonths} months
                    </Table.Td>
                    <Table.Td ta="right" style={{ verticalAlign: 'top' }}>
                      {hours(rule.totalHours)}
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      {rule.requirements.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          Any approved CE
                        </Text>
                      ) : (
                        <Stack gap={2}>
                          {rule.requirements.map((r) => (
                            <Text size="sm" key={r.category}>
                              {hours(r.hours)} {categoryName(r.category)}
                              {r.inPersonOnly ? ' (in person)' : ''}
                            </Text>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Section>
  );
}

type RequirementRow = { key: number; category: string; hours: number | string; inPersonOnly: boolean };

let nextKey = 1;

function AddRuleForm(props: { categories: { id: string; name: string }[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const blank = {
    id: '',
    jurisdiction: '',
    name: '',
    kind: 'licence' as 'licence' | 'certification',
    cycleMonths: 24 as number | string,
    totalHours: '' as number | string,
    reference: '',
  };
  const { values, set, missing, setMissing, bind } = useFormFields(blank);
  const [requirements, setRequirements] = useState<RequirementRow[]>([]);

  const add = useMutation({
    mutationFn: () =>
      addCeRule({
        id: values.id.trim(),
        jurisdiction: values.jurisdiction.trim(),
        name: values.name.trim(),
        kind: values.kind,
        cycleMonths: Number(values.cycleMonths),
        totalHours: Number(values.totalHours),
        requirements: requirements.map((r) => ({
          category: r.category,
          hours: Number(r.hours),
          ...(r.inPersonOnly ? { inPersonOnly: true } : {}),
        })),
        reference: values.reference.trim(),
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: learningKeys.ceRules });
      notifications.show({
        color: 'green',
        message: `${created.name} added: your team can record it now.`,
      });
      props.onDone();
    },
  });
  const serverErrors = fieldErrorsFrom(add.error);
  const errors: Record<string, string> = { ...serverErrors, ...missing };
  const field = bind(errors);
  const setRequirement = (key: number, change: Partial<RequirementRow>) =>
    setRequirements((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.id.trim()))
      found.id = 'Use lowercase letters, digits and single hyphens, e.g. wa-lmt.';
    if (values.jurisdiction.trim().length < 2) found.jurisdiction = 'Enter the state, e.g. WA.';
    if (values.name.trim().length < 3)
      found.name = 'Enter the name, e.g. Washington — licensed massage therapist.';
    const months = Number(values.cycleMonths);
    if (!Number.isInteger(months) || months < 6 || months > 120)
      found.cycleMonths = 'Enter whole months from 6 to 120.';
    if (values.totalHours === '' || Number(values.totalHours) < 0)
      found.totalHours = 'Enter the total hours.';
    requirements.forEach((r, index) => {
      if (!r.category) found[`requirements.${index}.category`] = 'Choose a category.';
      if (!(Number(r.hours) > 0)) found[`requirements.${index}.hours`] = 'Enter the hours.';
    });
    if (values.reference.trim().length < 8)
      found.reference = 'Say where the rule comes from (at least 8 characters).';
    setMissing(found);
    if (Object.values(found).some(Boolean)) return;
    add.mutate();
  };

  return (
    <Paper withBorder p="md" bg="gray.0">
      <form onSubmit={submit} aria-label="Add a CE rule" noValidate>
        <Stack gap="sm">
          <Text fw={600}>Add a rule for another state</Text>
          {add.isError && !Object.keys(serverErrors).length && (
            <ApiErrorAlert error={add.error} title="Not added" />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label="Short id"
              description="Lowercase, e.g. wa-lmt."
              withAsterisk
              {...field('id')}
              maxLength={60}
            />
            <TextInput
              label="State or body"
              description="e.g. WA"
              withAsterisk
              {...field('jurisdiction')}
              maxLength={40}
            />
            <TextInput
              label="Name"
              description="As the team will see it."
              withAsterisk
              {...field('name')}
              maxLength={200}
            />
          </SimpleGrid>
          <Group gap="lg" align="flex-start" wrap="wrap">
            <Radio.Group label="Kind" value={values.kind} onChange={(value) => set('kind', value)}>
              <Group gap="md" mt={6}>
                <Radio value="licence" label="Licence" />
                <Radio value="certification" label="Certification" />
              </Group>
            </Radio.Group>
            <NumberInput
              label="Cycle (months)"
              withAsterisk
              min={6}
              max={120}
              allowDecimal={false}
              w={150}
              value={values.cycleMonths}
              onChange={(value) => set('cycleMonths', value)}
              error={errors.cycleMonths || undefined}
            />
            <NumberInput
              label="Total CE hours"
              withAsterisk
              min={0}
              max={500}
              decimalScale={2}
              w={150}
              value={values.totalHours}
              onChange={(value) => set('totalHours', value)}
              error={errors.totalHours || undefined}
            />
          </Group>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Required categories (part of the total)
            </Text>
            {requirements.length === 0 && (
              <Text size="sm" c="dimmed">
                None: any approved CE counts.
              </Text>
            )}
            {requirements.map((row, index) => (
              <Group key={row.key} gap="sm" align="flex-end" wrap="wrap">
                <NativeSelect
                  label={`Category ${index + 1}`}
                  value={row.category}
                  onChange={(e) => setRequirement(row.key, { category: e.currentTarget.value })}
                  data={[
                    { value: '', label: 'Choose…' },
                    ...props.categories.map((c) => ({ value: c.id, label: c.name })),
                  ]}
                  error={errors[`requirements.${index}.category`] || undefined}
                  style={{ flex: '1 1 220px' }}
                />
                <NumberInput
                  label={`Hours for category ${index + 1}`}
                  min={0.5}
                  max={200}
                  decimalScale={2}
                  w={170}
                  value={row.hours}
                  onChange={(value) => setRequirement(row.key, { hours: value })}
                  error={errors[`requirements.${index}.hours`] || undefined}
                />
                <Checkbox
                  label="In person only"
                  checked={row.inPersonOnly}
                  onChange={(e) => setRequirement(row.key, { inPersonOnly: e.currentTarget.checked })}
                  mb={8}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mb={2}
                  aria-label={`Remove category ${index + 1}`}
                  onClick={() => setRequirements((rows) => rows.filter((r) => r.key !== row.key))}
                >
                  <IconX size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() =>
                  setRequirements((rows) => [
                    ...rows,
                    { key: nextKey++, category: '', hours: '', inPersonOnly: false },
                  ])
                }
              >
                Add a required category
              </Button>
            </Group>
          </Stack>
          <Textarea
            label="Reference"
            description="Where the rule comes from (the board's rule number or page). Check it before the team relies on it."
            withAsterisk
            autosize
            minRows={2}
            {...field('reference')}
          />
          <Group gap="sm">
            <Button type="submit" loading={add.isPending}>
              Add rule
            </Button>
            <Button variant="default" onClick={props.onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
