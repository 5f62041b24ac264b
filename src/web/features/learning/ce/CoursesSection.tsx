import { useState, type FormEvent } from 'react';
import {
  Anchor,
  Badge,
  Button,
  FileInput,
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
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileCertificate, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../../api/http.js';
import {
  addCourse,
  certificateUrl,
  getCeRules,
  learningKeys,
  listCourses,
  removeCourse,
  type CeCourse,
} from '../../../api/learning.js';
import { useFormFields } from './form-fields.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { Section } from '../../../components/Section.js';
import { fieldErrorsFrom } from '../../../components/form-errors.js';
import { formatDateOnly, todayDateOnly } from '../../../components/format.js';
import { certificateProblem, hours, readAsBase64, type CertificateType } from './ce-ui.js';
import { RemoveButton } from './RemoveButton.js';

const CE_KEY = ['learning', 'ce'] as const;

/** "My CE courses": the list with certificates, and the form to record one. */
export function CoursesSection() {
  const courses = useQuery({ queryKey: learningKeys.courses(), queryFn: () => listCourses() });
  const rules = useQuery({ queryKey: learningKeys.ceRules, queryFn: getCeRules });
  const [adding, setAdding] = useState(false);
  const categoryName = (id: string) => rules.data?.categories.find((c) => c.id === id)?.name ?? id;
  const items = courses.data?.items ?? [];
  const total = items.reduce((sum, c) => sum + c.hours, 0);
  return (
    <Section
      title="My CE courses"
      description={
        items.length > 0
          ? `${items.length} ${items.length === 1 ? 'course' : 'courses'}, ${hours(total)} in all. Only courses inside a licence's renewal cycle count for it.`
          : 'Record each course when you finish it, with its certificate: they count toward every licence whose cycle they fall in.'
      }
      actions={
        !adding && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            style={{ flexShrink: 0 }}
            onClick={() => setAdding(true)}
            className="no-print"
          >
            Add a course
          </Button>
        )
      }
    >
      <Stack gap="md">
        {adding && <AddCourseForm onDone={() => setAdding(false)} />}
        {courses.isError ? (
          <ApiErrorAlert error={courses.error} title="Your courses could not be loaded" />
        ) : courses.isPending ? (
          <Skeleton height={120} />
        ) : items.length === 0 ? (
          <Text c="dimmed" size="sm">
            No courses recorded yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table striped verticalSpacing="xs" aria-label="My CE courses">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Course</Table.Th>
                  <Table.Th>Category</Table.Th>
                  <Table.Th ta="right">Hours</Table.Th>
                  <Table.Th>Certificate</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((course) => (
                  <CourseRow key={course.id} course={course} categoryName={categoryName(course.category)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Section>
  );
}

function CourseRow({ course, categoryName }: { course: CeCourse; categoryName: string }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => removeCourse(course.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: CE_KEY });
      notifications.show({ color: 'green', message: `“${course.title}” removed.` });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(error) }),
  });
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {course.title}
        </Text>
        <Text size="xs" c="dimmed">
          Completed {formatDateOnly(course.completedOn)} · {course.provider}
          {course.providerNumber ? ` · provider no. ${course.providerNumber}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{categoryName}</Text>
        <Badge variant="light" color={course.format === 'in_person' ? 'grape' : 'gray'} size="sm" mt={4}>
          {course.format === 'in_person' ? 'In person' : 'Online'}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">{hours(course.hours)}</Table.Td>
      <Table.Td>
        {course.certificateName ? (
          <Anchor
            href={certificateUrl(course.id)}
            target="_blank"
            rel="noopener"
            size="sm"
            aria-label={`Certificate of ${course.title} (${course.certificateName}, opens in a new tab)`}
          >
            <Group gap={4} wrap="nowrap">
              <IconFileCertificate size={16} aria-hidden />
              View
            </Group>
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            None
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <RemoveButton
          what={`the course “${course.title}”`}
          explanation="Its hours will no longer count toward your licences, and its certificate is removed with it."
          loading={remove.isPending}
          onConfirm={() => remove.mutate()}
        />
      </Table.Td>
    </Table.Tr>
  );
}

type CourseFormValues = {
  title: string;
  provider: string;
  providerNumber: string;
  completedOn: string;
  hours: number | string;
  category: string;
  format: '' | 'in_person' | 'online';
};

function AddCourseForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: learningKeys.ceRules, queryFn: getCeRules });
  const blank: CourseFormValues = {
    title: '',
    provider: '',
    providerNumber: '',
    completedOn: '',
    hours: '',
    category: '',
    format: '',
  };
  const { values, set, reset, missing, setMissing, bind } = useFormFields(blank);
  const [file, setFile] = useState<File | null>(null);

  const add = useMutation({
    mutationFn: async () => {
      const certificate = file
        ? { name: file.name, mime: file.type as CertificateType, data: await readAsBase64(file) }
        : undefined;
      return addCourse({
        title: values.title.trim(),
        provider: values.provider.trim(),
        ...(values.providerNumber.trim() ? { providerNumber: values.providerNumber.trim() } : {}),
        completedOn: values.completedOn,
        hours: Number(values.hours),
        category: values.category,
        format: values.format as 'in_person' | 'online',
        ...(certificate ? { certificate } : {}),
      });
    },
    onSuccess: async (created) => {
      reset();
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: CE_KEY });
      notifications.show({ color: 'green', message: `“${created.title}” saved: ${hours(created.hours)}.` });
      onDone();
    },
  });
  const serverErrors = fieldErrorsFrom(add.error);
  const errors: Record<string, string> = { ...serverErrors, ...missing };
  if (serverErrors['certificate.data'] && !missing.certificate)
    errors.certificate = serverErrors['certificate.data'];

  const field = bind(errors);

  const chooseFile = (chosen: File | null) => {
    const problem = chosen ? certificateProblem(chosen) : null;
    setMissing((current) => ({ ...current, certificate: problem ?? '' }));
    setFile(problem ? null : chosen);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.title.trim()) found.title = 'Enter the course title.';
    if (!values.provider.trim()) found.provider = 'Enter the provider.';
    if (!values.completedOn) found.completedOn = 'Enter the date you completed it.';
    else if (values.completedOn > todayDateOnly()) found.completedOn = 'Cannot be in the future.';
    if (!(Number(values.hours) > 0)) found.hours = 'Enter the hours.';
    if (!values.category) found.category = 'Choose a category.';
    if (!values.format) found.format = 'Choose in person or online.';
    setMissing((current) => ({ ...found, certificate: current.certificate ?? '' }));
    if (Object.values(found).some(Boolean)) return;
    add.mutate();
  };

  return (
    <Paper withBorder p="md" bg="gray.0" className="no-print">
      <form onSubmit={submit} aria-label="Add a CE course" noValidate>
        <Stack gap="sm">
          <Text fw={600}>Add a course</Text>
          {add.isError && !Object.keys(serverErrors).length && (
            <ApiErrorAlert error={add.error} title="Not saved" />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="Course title" withAsterisk {...field('title')} maxLength={200} />
            <TextInput label="Provider" withAsterisk {...field('provider')} maxLength={200} />
            <TextInput
              label="Provider number"
              description="The approval number on the certificate, if there is one."
              {...field('providerNumber')}
              maxLength={60}
            />
            <TextInput
              type="date"
              label="Completed on"
              description="The date on the certificate."
              withAsterisk
              {...field('completedOn')}
              max={todayDateOnly()}
            />
            <NumberInput
              label="Hours"
              description="CE hours on the certificate."
              withAsterisk
              min={0.5}
              max={100}
              step={0.5}
              decimalScale={2}
              value={values.hours}
              onChange={(value) => set('hours', value)}
              error={errors.hours || undefined}
            />
            <NativeSelect
              label="Category"
              description="The subject, as the board counts it."
              withAsterisk
              {...field('category')}
              data={[
                { value: '', label: 'Choose…' },
                ...(rules.data?.categories ?? []).map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
          </SimpleGrid>
          <Radio.Group
            label="How it was taught"
            withAsterisk
            value={values.format}
            onChange={(value) => set('format', value)}
            error={errors.format || undefined}
          >
            <Group gap="lg" mt={6}>
              <Radio value="in_person" label="In person (classroom, hands-on)" />
              <Radio value="online" label="Online or self-study" />
            </Group>
          </Radio.Group>
          <FileInput
            label="Certificate"
            description="PDF, JPEG or PNG, at most 2 MB. Kept with the course for your renewal audit."
            placeholder="Choose a file"
            accept="application/pdf,image/jpeg,image/png"
            clearable
            value={file}
            onChange={chooseFile}
            error={errors.certificate || undefined}
            leftSection={<IconFileCertificate size={16} aria-hidden />}
          />
          <Group gap="sm">
            <Button type="submit" loading={add.isPending}>
              Save course
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
