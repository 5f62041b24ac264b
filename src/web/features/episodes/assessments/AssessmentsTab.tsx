import { useCallback, useEffect, useRef, useState } from 'react';
import { Badge, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import {
  ASSESSMENT_KIND_LABELS,
  type AssessmentKind,
} from '../../../../modules/assessments/domain/assessment.js';
import { OUTCOME_MEASURES } from '../../../../modules/outcome-measures/domain/instruments.js';
import type { Assessment, ClinicalChart } from '../../../api/clinical.js';
import { useCan } from '../../../app/session.js';
import { Section } from '../../../components/Section.js';
import { formatDateOnly } from '../../../components/format.js';
import { AssessmentForm } from './AssessmentForm.js';

type Editor = { key: number; assessmentId: string | null; kind: AssessmentKind };

/** Newest first: the date assessed, then when it was written. */
const byDateDesc = (a: Assessment, b: Assessment) =>
  b.assessedOn.localeCompare(a.assessedOn) || b.createdAt.localeCompare(a.createdAt);

function keyScores(a: Assessment): string[] {
  const parts: string[] = [];
  if (a.painNprs !== null) parts.push(`Pain ${a.painNprs}/10`);
  for (const m of a.outcomeMeasures) {
    const measure = OUTCOME_MEASURES[m.instrument];
    parts.push(`${measure.name} ${m.score}${measure.scoreUnit === 'percent' ? '%' : `/${measure.scoreMax}`}`);
  }
  const reduced = a.rangeOfMotion.filter((r) => r.percentOfNormal !== null && r.percentOfNormal < 75).length;
  if (reduced > 0) parts.push(`${reduced} reduced ROM`);
  return parts;
}

/**
 * The episode's assessments: the list (newest first) and the form of the one being written or read. A
 * re-evaluation or discharge also reviews the plan's goals and compares the measures with their baseline.
 */
export function AssessmentsTab({ chart, onChanged }: { chart: ClinicalChart; onChanged: () => void }) {
  const canWrite = useCan('clinical:write');
  const sorted = [...chart.assessments].sort(byDateDesc);
  const [editor, setEditor] = useState<Editor | null>(() =>
    chart.assessments.length === 0 && canWrite ? { key: 1, assessmentId: null, kind: 'initial' } : null,
  );
  const [formDirty, setFormDirty] = useState(false);
  const [pending, setPending] = useState<Editor | null | undefined>(undefined);
  const nextKey = useRef(2);
  const scrollToForm = useRef(false);

  useEffect(() => {
    if (!scrollToForm.current) return;
    scrollToForm.current = false;
    const heading = document.getElementById('assessment-form-heading');
    heading?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    heading?.focus({ preventScroll: true });
  });

  const go = (next: Editor | null) => {
    setEditor(next);
    setFormDirty(false);
    scrollToForm.current = next !== null;
  };
  /** Switching away from unsaved changes asks first. */
  const open = (next: Editor | null) => {
    if (formDirty) setPending(next);
    else go(next);
  };
  const openNew = () =>
    open({
      key: nextKey.current++,
      assessmentId: null,
      kind: chart.assessments.length === 0 ? 'initial' : 're_evaluation',
    });
  const openExisting = (a: Assessment) => open({ key: nextKey.current++, assessmentId: a.id, kind: a.kind });

  const onSaved = useCallback(
    (saved: Assessment) => {
      setEditor((e) => (e ? { ...e, assessmentId: saved.id } : e));
      onChanged();
    },
    [onChanged],
  );

  const editing = editor?.assessmentId
    ? (chart.assessments.find((a) => a.id === editor.assessmentId) ?? null)
    : null;

  return (
    <Stack gap="lg">
      <Section
        title="Assessments"
        description="Initial assessment, re-evaluations and discharge: the measured basis of the plan and of progress reports."
        actions={
          canWrite && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={openNew}
              style={{ flexShrink: 0 }}
            >
              New assessment
            </Button>
          )
        }
      >
        {sorted.length === 0 ? (
          <Text size="sm" c="dimmed">
            No assessments yet.{canWrite ? ' Start with the initial assessment below.' : ''}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Therapist</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Key scores</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Action</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((a) => {
                  const selected = editor?.assessmentId === a.id;
                  const draft = a.signedAt === null;
                  return (
                    <Table.Tr
                      key={a.id}
                      className="row-link"
                      bg={selected ? 'palpa.0' : undefined}
                      aria-current={selected ? 'true' : undefined}
                      onClick={() => openExisting(a)}
                    >
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateOnly(a.assessedOn)}</Table.Td>
                      <Table.Td>{ASSESSMENT_KIND_LABELS[a.kind]}</Table.Td>
                      <Table.Td>{a.therapistName}</Table.Td>
                      <Table.Td>
                        <Badge color={draft ? 'orange' : 'teal'} variant="light">
                          {draft ? 'Draft' : 'Signed'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {keyScores(a).map((part, index) => (
                            <span key={part}>
                              {index > 0 && ' · '}
                              <span style={{ whiteSpace: 'nowrap' }}>{part}</span>
                            </span>
                          ))}
                          {keyScores(a).length === 0 && '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>
                        <Button
                          size="compact-sm"
                          variant={selected ? 'light' : 'subtle'}
                          onClick={(event) => {
                            event.stopPropagation();
                            openExisting(a);
                          }}
                          aria-label={`${draft && canWrite ? 'Edit' : 'Open'} the ${ASSESSMENT_KIND_LABELS[a.kind].toLowerCase()} of ${formatDateOnly(a.assessedOn)}`}
                        >
                          {draft && canWrite ? 'Edit' : 'Open'}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      {editor && (
        <AssessmentForm
          key={editor.key}
          chart={chart}
          assessment={editing}
          initialKind={editor.kind}
          onSaved={onSaved}
          onDirtyChange={setFormDirty}
          onClose={() => open(null)}
        />
      )}

      <Modal
        opened={pending !== undefined}
        onClose={() => setPending(undefined)}
        title="Leave without saving?"
        centered
      >
        <Text size="sm" mb="lg">
          The assessment you are editing has unsaved changes. If you leave it now, they are lost.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => setPending(undefined)}>
            Keep editing
          </Button>
          <Button
            color="red"
            onClick={() => {
              const next = pending;
              setPending(undefined);
              go(next ?? null);
            }}
          >
            Discard changes
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
