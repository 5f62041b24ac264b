/**
 * Route /learning/bank — the question bank in and out (issue 8, item 6): Palpa's items as GIFT (Moodle) or
 * a QTI 3.0 package, the flashcards as an Anki text file, and, for the owner, a school's own GIFT or QTI
 * questions imported for practice. Imported questions are the clinic's own; no other clinic sees them.
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconCards, IconDownload, IconFileImport, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  ankiExportUrl,
  bankExportUrl,
  importBank,
  learningKeys,
  listAreas,
  listImportedItems,
  retireImportedItem,
  type ImportInput,
  type LearningArea,
} from '../../api/learning.js';
import { useCan } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { fieldErrorsFrom } from '../../components/form-errors.js';
import { formatDate, plural } from '../../components/format.js';
import { readAsBase64 } from './ce/ce-ui.js';
import { RemoveButton } from './ce/RemoveButton.js';
import { shortAreaName } from './exam/learning-ui.js';

/** The server takes GIFT text up to 5 MB and a base64 ZIP up to 14 MB (about 10 MB of file). */
const MAX_TEXT_BYTES = 5_000_000;
const MAX_ZIP_BYTES = 10_000_000;

type FileKind = 'gift' | 'qti-item' | 'qti-package';

/** What a chosen file holds, from its name: schools export GIFT as .gift or .txt, QTI as .xml or a .zip. */
export function fileKind(name: string): FileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.gift') || lower.endsWith('.txt')) return 'gift';
  if (lower.endsWith('.xml')) return 'qti-item';
  if (lower.endsWith('.zip')) return 'qti-package';
  return null;
}

const KIND_LABEL: Record<FileKind, string> = {
  gift: 'GIFT text (Moodle)',
  'qti-item': 'one QTI item (XML)',
  'qti-package': 'a QTI package (ZIP)',
};

export function BankPage() {
  const canImport = useCan('learning:manage');
  const areas = useQuery({ queryKey: learningKeys.areas, queryFn: listAreas, staleTime: Infinity });
  return (
    <>
      <PageHeader
        title="Question bank"
        back={{ to: '/learning', label: 'Learning' }}
        description="Take Palpa's questions to your school's learning system, bring your own in for practice, and study the flashcards in Anki."
      />
      {areas.isError ? (
        <ApiErrorAlert error={areas.error} title="The areas could not be loaded" />
      ) : areas.isPending ? (
        <Stack gap="md" aria-busy="true" aria-label="Loading the question bank">
          <Skeleton height={180} />
          <Skeleton height={140} />
        </Stack>
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <ExportPanel areas={areas.data.items} />
            <AnkiPanel />
          </SimpleGrid>
          {canImport ? (
            <ImportPanel areas={areas.data.items} />
          ) : (
            <Text size="sm" c="dimmed">
              The clinic owner can import a school&apos;s own questions here.
            </Text>
          )}
          <ImportedList areas={areas.data.items} />
        </Stack>
      )}
    </>
  );
}

function AreaSelects({
  areas,
  area,
  subtopic,
  onArea,
  onSubtopic,
  emptyLabel,
  idPrefix,
  errors = {},
}: {
  areas: LearningArea[];
  area: string;
  subtopic: string;
  onArea: (value: string) => void;
  onSubtopic: (value: string) => void;
  emptyLabel: string;
  idPrefix: string;
  errors?: Record<string, string>;
}) {
  const chosen = areas.find((a) => a.id === area);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <NativeSelect
        id={`${idPrefix}-area`}
        label="Area"
        value={area}
        onChange={(event) => {
          onArea(event.currentTarget.value);
          onSubtopic('');
        }}
        data={[
          { value: '', label: emptyLabel },
          ...areas.map((a) => ({ value: a.id, label: shortAreaName(a.id, a.name) })),
        ]}
        error={errors.area}
      />
      <NativeSelect
        id={`${idPrefix}-subtopic`}
        label="Subtopic"
        value={subtopic}
        disabled={!chosen}
        onChange={(event) => onSubtopic(event.currentTarget.value)}
        data={[
          { value: '', label: chosen ? 'Every subtopic' : 'Choose an area first' },
          ...(chosen?.subtopics.map((s) => ({ value: s.id, label: `${s.name} (${s.items})` })) ?? []),
        ]}
        error={errors.subtopic}
      />
    </SimpleGrid>
  );
}

function ExportPanel({ areas }: { areas: LearningArea[] }) {
  const [format, setFormat] = useState<'gift' | 'qti'>('gift');
  const [area, setArea] = useState('');
  const [subtopic, setSubtopic] = useState('');
  const chosen = areas.find((a) => a.id === area);
  const count = chosen
    ? (chosen.subtopics.find((s) => s.id === subtopic)?.items ??
      chosen.subtopics.reduce((sum, s) => sum + s.items, 0))
    : areas.reduce((sum, a) => sum + a.subtopics.reduce((n, s) => n + s.items, 0), 0);
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} withBorder component="section" aria-labelledby="bank-export-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="bank-export-title">
          Export questions
        </Title>
        <Radio.Group
          label="Format"
          value={format}
          onChange={(value) => setFormat(value === 'qti' ? 'qti' : 'gift')}
        >
          <Stack gap={6} mt={4}>
            <Radio value="gift" label="GIFT text, for Moodle (Question bank → Import)" />
            <Radio value="qti" label="QTI 3.0 package (ZIP of item XML with a manifest)" />
          </Stack>
        </Radio.Group>
        <AreaSelects
          areas={areas}
          area={area}
          subtopic={subtopic}
          onArea={setArea}
          onSubtopic={setSubtopic}
          emptyLabel="All seven areas"
          idPrefix="export"
        />
        <Text size="sm" c="dimmed">
          {count.toLocaleString('en-US')} {count === 1 ? 'question' : 'questions'}, each with its correct
          answer, a rationale for every option and its reference.
        </Text>
        <Group>
          <Button
            component="a"
            href={bankExportUrl({
              format,
              ...(area ? { area } : {}),
              ...(subtopic ? { subtopic } : {}),
            })}
            download
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Download {format === 'gift' ? 'GIFT' : 'QTI package'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

const DECKS = [
  { value: '', label: 'All decks' },
  { value: 'terminology', label: 'Terminology' },
  { value: 'muscles', label: 'Muscles (origin, insertion, action, innervation)' },
  { value: 'pathology', label: 'Pathology' },
];

function AnkiPanel() {
  const [deck, setDeck] = useState('');
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} withBorder component="section" aria-labelledby="bank-anki-title">
      <Stack gap="sm">
        <Group gap="xs">
          <IconCards size={20} aria-hidden />
          <Title order={2} size="h3" id="bank-anki-title">
            Flashcards for Anki
          </Title>
        </Group>
        <NativeSelect
          label="Deck"
          value={deck}
          onChange={(event) => setDeck(event.currentTarget.value)}
          data={DECKS}
        />
        <Text size="sm" c="dimmed">
          A tab-separated text file with tags. In Anki: File → Import, choose the file; the header sets the
          separator and the tags column.
        </Text>
        <Group>
          <Button
            component="a"
            href={ankiExportUrl(deck || undefined)}
            download
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Download for Anki
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ImportPanel({ areas }: { areas: LearningArea[] }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [area, setArea] = useState('');
  const [subtopic, setSubtopic] = useState('');
  const [difficulty, setDifficulty] = useState<'easy' | 'medium' | 'hard'>('medium');
  const [fileError, setFileError] = useState<string | null>(null);

  const run = useMutation({
    mutationFn: async (chosen: File) => {
      const kind = fileKind(chosen.name)!;
      const common = {
        ...(area ? { area } : {}),
        ...(subtopic ? { subtopic } : {}),
        difficulty,
      };
      const input: ImportInput =
        kind === 'qti-package'
          ? { format: 'qti', zip: await readAsBase64(chosen), ...common }
          : { format: kind === 'gift' ? 'gift' : 'qti', text: await chosen.text(), ...common };
      return importBank(input);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: learningKeys.imported });
      await queryClient.invalidateQueries({ queryKey: learningKeys.areas });
    },
  });
  const serverErrors = fieldErrorsFrom(run.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let problem: string | null = null;
    if (!file) problem = 'Choose a GIFT, QTI XML or QTI ZIP file.';
    else if (!fileKind(file.name)) problem = 'Choose a .gift, .txt, .xml or .zip file.';
    else if (file.size === 0) problem = 'This file is empty.';
    else if (file.size > (fileKind(file.name) === 'qti-package' ? MAX_ZIP_BYTES : MAX_TEXT_BYTES))
      problem = 'This file is too large: split the bank into smaller files.';
    setFileError(problem);
    if (problem || !file) {
      document.getElementById('import-file')?.focus();
      return;
    }
    run.mutate(file);
  };

  const kind = file ? fileKind(file.name) : null;
  const fileProblem = fileError ?? serverErrors.text ?? serverErrors.zip ?? null;
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} withBorder component="section" aria-labelledby="bank-import-title">
      <form onSubmit={submit} noValidate aria-labelledby="bank-import-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="bank-import-title">
            Import your school&apos;s questions
          </Title>
          <Text size="sm" c="dimmed">
            Four-option single-answer questions from Moodle (GIFT) or any QTI 3.0 or 2.1 system. Palpa&apos;s
            own exports keep their area and subtopic; for other questions choose where they go. True/false,
            essay and other question types are listed as skipped.
          </Text>
          <FileInput
            id="import-file"
            label="File"
            description={
              kind
                ? `Read as ${KIND_LABEL[kind]}.`
                : '.gift or .txt (GIFT), .xml (one QTI item), .zip (QTI package)'
            }
            placeholder="Choose a file…"
            accept=".gift,.txt,.xml,.zip,text/plain,application/xml,application/zip"
            value={file}
            onChange={(value) => {
              setFile(value);
              setFileError(null);
              run.reset();
            }}
            leftSection={<IconFileImport size={16} aria-hidden />}
            clearable
            error={fileProblem}
          />
          <AreaSelects
            areas={areas}
            area={area}
            subtopic={subtopic}
            onArea={setArea}
            onSubtopic={setSubtopic}
            emptyLabel="From the file's categories only"
            idPrefix="import"
            errors={serverErrors}
          />
          <NativeSelect
            label="Difficulty, where the file does not say"
            value={difficulty}
            onChange={(event) => setDifficulty(event.currentTarget.value as 'easy' | 'medium' | 'hard')}
            data={[
              { value: 'easy', label: 'Easy' },
              { value: 'medium', label: 'Medium' },
              { value: 'hard', label: 'Hard' },
            ]}
            maw={340}
          />
          <Group>
            <Button type="submit" loading={run.isPending} leftSection={<IconUpload size={16} aria-hidden />}>
              Import questions
            </Button>
          </Group>
          {run.isError && !fileProblem && (
            <ApiErrorAlert error={run.error} title="The questions were not imported" />
          )}
          {run.isSuccess && (
            <Alert
              color={run.data.imported > 0 ? 'teal' : 'orange'}
              title={`${plural(run.data.imported, 'question')} imported`}
              role="status"
            >
              <Stack gap="xs">
                {run.data.imported > 0 && (
                  <Text size="sm">
                    They are in the practice sets of their subtopics now.{' '}
                    <Anchor component={Link} to="/learning/practice" size="sm">
                      Practise
                    </Anchor>
                  </Text>
                )}
                {run.data.skipped.length > 0 && (
                  <>
                    <Text size="sm" fw={600}>
                      {plural(run.data.skipped.length, 'question')} skipped:
                    </Text>
                    <List size="sm" spacing={2}>
                      {run.data.skipped.map((s) => (
                        <List.Item key={`${s.position}-${s.title ?? ''}`}>
                          No. {s.position}
                          {s.title ? ` (${s.title})` : ''}: {s.reason}
                        </List.Item>
                      ))}
                    </List>
                  </>
                )}
              </Stack>
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

const SHOWN = 25;

function ImportedList({ areas }: { areas: LearningArea[] }) {
  const canRemove = useCan('learning:manage');
  const queryClient = useQueryClient();
  const imported = useQuery({ queryKey: learningKeys.imported, queryFn: listImportedItems });
  const [all, setAll] = useState(false);
  const retire = useMutation({
    mutationFn: retireImportedItem,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: learningKeys.imported });
      await queryClient.invalidateQueries({ queryKey: learningKeys.areas });
    },
  });
  const subtopicName = (areaId: string, subtopicId: string) =>
    areas.find((a) => a.id === areaId)?.subtopics.find((s) => s.id === subtopicId)?.name ?? subtopicId;
  if (imported.isError)
    return <ApiErrorAlert error={imported.error} title="The imported questions could not be loaded" />;
  if (imported.isPending) return <Skeleton height={80} />;
  const items = imported.data.items;
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} withBorder component="section" aria-labelledby="bank-imported-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="bank-imported-title">
            Imported questions
          </Title>
          <Badge variant="light" color="gray">
            {items.length}
          </Badge>
        </Group>
        {retire.isError && <ApiErrorAlert error={retire.error} title="The question was not removed" />}
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            None yet. Imported questions appear here and in practice sets, beside Palpa&apos;s own.
          </Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={560}>
              <Table aria-labelledby="bank-imported-title" striped="even" stripedColor="gray.0">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Question</Table.Th>
                    <Table.Th>Area and subtopic</Table.Th>
                    <Table.Th>Difficulty</Table.Th>
                    <Table.Th>From</Table.Th>
                    <Table.Th>Imported</Table.Th>
                    {canRemove && (
                      <Table.Th>
                        <VisuallyHidden>Remove</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(all ? items : items.slice(0, SHOWN)).map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td maw={420}>
                        <Text size="sm" lineClamp={2}>
                          {item.stem}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{shortAreaName(item.area)}</Text>
                        <Text size="xs" c="dimmed">
                          {subtopicName(item.area, item.subtopic)}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ textTransform: 'capitalize' }}>{item.difficulty}</Table.Td>
                      <Table.Td>{item.source === 'gift' ? 'GIFT' : 'QTI'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.createdAt)}</Table.Td>
                      {canRemove && (
                        <Table.Td>
                          <RemoveButton
                            what={`the question “${item.stem.length > 60 ? `${item.stem.slice(0, 57)}…` : item.stem}”`}
                            explanation="It leaves practice sets and exports. Past exams and review cards that hold it keep showing it."
                            loading={retire.isPending && retire.variables === item.id}
                            onConfirm={() => retire.mutate(item.id)}
                          />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {items.length > SHOWN && (
              <Group>
                <Button variant="subtle" size="xs" onClick={() => setAll((v) => !v)}>
                  {all ? `Show the newest ${SHOWN}` : `Show all ${items.length}`}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
