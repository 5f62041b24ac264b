import type { ReactNode } from 'react';
import { NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { Section } from '../../components/Section.js';
import { todayDateOnly } from '../../components/format.js';
import {
  CONTACT_METHOD_OPTIONS,
  FIELD_LABELS,
  fieldId,
  getFieldValue,
  SEX_OPTIONS,
  type ClientFormValues,
  type FieldPath,
} from './client-form.js';

/** Descriptions go below the input, so inputs side by side line up. */
const WRAPPER_ORDER: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];

type ClientFormProps = {
  values: ClientFormValues;
  errors: Partial<Record<FieldPath, string>>;
  onChange: (path: FieldPath, value: string) => void;
  readOnly: boolean;
};

/** The client record's fields in five sections. Every field has a visible label. */
export function ClientFormFields({ values, errors, onChange, readOnly }: ClientFormProps) {
  const text = (
    path: FieldPath,
    extra: {
      withAsterisk?: boolean;
      description?: ReactNode;
      type?: string;
      placeholder?: string;
      max?: string;
      inputMode?: 'text' | 'tel' | 'email' | 'numeric';
    } = {},
  ) => (
    <TextInput
      id={fieldId(path)}
      label={FIELD_LABELS[path]}
      value={getFieldValue(values, path)}
      onChange={(event) => onChange(path, event.currentTarget.value)}
      error={errors[path]}
      readOnly={readOnly}
      variant={readOnly ? 'filled' : 'default'}
      autoComplete="off"
      inputWrapperOrder={WRAPPER_ORDER}
      {...extra}
    />
  );

  const select = (
    path: FieldPath,
    options: { value: string; label: string }[],
    extra: { description?: ReactNode } = {},
  ) => (
    <NativeSelect
      id={fieldId(path)}
      label={FIELD_LABELS[path]}
      value={getFieldValue(values, path)}
      onChange={(event) => onChange(path, event.currentTarget.value)}
      error={errors[path]}
      disabled={readOnly}
      data={[{ value: '', label: 'Not recorded' }, ...options]}
      inputWrapperOrder={WRAPPER_ORDER}
      {...extra}
    />
  );

  return (
    <Stack gap="lg">
      <Section title="Name & identity">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
            {text('givenName', { withAsterisk: true })}
            {text('familyName', { withAsterisk: true })}
            {text('preferredName', { description: 'What the client likes to be called.' })}
            {text('pronouns', { placeholder: 'e.g. she/her, they/them' })}
            {text('dateOfBirth', { withAsterisk: true, type: 'date', max: todayDateOnly() })}
            {select('sex', SEX_OPTIONS, { description: 'Sex assigned at birth, as on insurance.' })}
          </SimpleGrid>
          {text('genderIdentity', { description: "In the client's own words, if they shared it." })}
        </Stack>
      </Section>

      <Section title="Contact">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          {text('phone', { type: 'tel', inputMode: 'tel', placeholder: '(555) 123-4567' })}
          {text('email', { type: 'email', inputMode: 'email', placeholder: 'name@example.com' })}
          {select('preferredContactMethod', CONTACT_METHOD_OPTIONS)}
        </SimpleGrid>
      </Section>

      <Section title="Address" description="Leave all address fields empty if you do not have it.">
        <Stack gap="md">
          {text('address.line1')}
          {text('address.line2', { description: 'Apartment, suite, unit (optional).' })}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
            {text('address.city')}
            {text('address.region')}
            {text('address.postalCode')}
            {text('address.country')}
          </SimpleGrid>
        </Stack>
      </Section>

      <Section title="Emergency contact" description="Who to call if something happens during a session.">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          {text('emergencyContact.name')}
          {text('emergencyContact.relationship', { placeholder: 'e.g. spouse, parent' })}
          {text('emergencyContact.phone', { type: 'tel', inputMode: 'tel' })}
        </SimpleGrid>
      </Section>

      <Section title="Notes" description="Practical notes for the front desk and therapists.">
        <Textarea
          id={fieldId('notes')}
          label={FIELD_LABELS.notes}
          value={values.notes}
          onChange={(event) => onChange('notes', event.currentTarget.value)}
          error={errors.notes}
          readOnly={readOnly}
          variant={readOnly ? 'filled' : 'default'}
          autosize
          minRows={4}
          maxRows={14}
        />
      </Section>
    </Stack>
  );
}
