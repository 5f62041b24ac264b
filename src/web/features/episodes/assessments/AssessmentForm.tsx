import { SaveBar } from '../../../components/SaveBar.js';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Input,
  Menu,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconLock,
  IconPlus,
  IconRefresh,
  IconSignature,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ASSESSMENT_KIND_LABELS,
  ASSESSMENT_KINDS,
  type AssessmentKind,
} from '../../../../modules/assessments/domain/assessment.js';
import {
  clinicalKeys,
  createAssessment,
  getChart,
  getOutcomeMeasures,
  signAssessment,
  updateAssessment,
  type Assessment,
  type ClinicalChart,
} from '../../../api/clinical.js';
import { isApiError } from '../../../api/http.js';
import { useCan, useSession } from '../../../app/session.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { ErrorSummary, type SummaryItem } from '../../../components/ErrorSummary.js';
import { Section } from '../../../components/Section.js';
import { formatDateOnly, formatDateTime, todayDateOnly } from '../../../components/format.js';
import { BodyChart } from '../../body-chart/BodyChart.js';
import {
  emptyOutcomeValue,
  OutcomeMeasureEntry,
  type OutcomeMeasureValue,
} from '../shared/OutcomeMeasureEntry.js';
import {
  assessmentFieldId,
  assessmentToForm,
  describeAssessmentPath,
  emptyAssessmentForm,
  fieldIdFor,
  formPathFor,
  goalSuggestions,
  reviewsGoals,
  snapshot,
  toRequest,
  validateAssessment,
  type AssessmentFormValues,
  type RowIndex,
} from './assessment-form.js';
import { RangeOfMotionTable } from './RangeOfMotionTable.js';
import { GoalReviews, MeasureComparisons, RecommendationFields } from './ReviewFields.js';
import { SpecialTestsList } from './SpecialTestsList.js';

export const outcomeMeasuresKey = ['outcome-measures'] as const;

const KIND_SHORT: Record<AssessmentKind, string> = {
  initial: 'Initial',
  re_evaluation: 'Re-evaluation',
  discharge: 'Discharge',
};

const NPRS_OPTIONS = [
  { value: '', label: '–' },
  ...Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: String(n) })),
];

type Problem = { title: string; description?: string; items: SummaryItem[] };

type Props = {
  chart: ClinicalChart;
  /** The assessment to show or edit; null for a new one. */
  assessment: Assessment | null;
  initialKind: AssessmentKind;
  onSaved: (assessment: Assessment) => void;
  onDirtyChange: (dirty: boolean) => void;
  onClose: () => void;
};

/**
 * One assessment: a new one, a draft to edit (saved with its version), or a signed one to read. Signing
 * locks it for good, so it asks first.
 */
export function AssessmentForm({ chart, assessment, initialKind, onSaved, onDirtyChange, onClose }: Props) {
  const canWrite = useCan('clinical:write');
  const session = useSession();
  const queryClient = useQueryClient();
  const measuresQuery = useQuery({
    queryKey: outcomeMeasuresKey,
    queryFn: getOutcomeMeasures,
    staleTime: Infinity,
  });
  const measures = useMemo(() => measuresQuery.data?.items ?? [], [measuresQuery.data]);

  const [current, setCurrent] = useState<Assessment | null>(assessment);
  const [values, setValues] = useState<AssessmentFormValues>(() =>
    assessment ? assessmentToForm(assessment, chart) : emptyAssessmentForm(initialKind, chart),
  );
  const [baseline, setBaseline] = useState(() => snapshot(values));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [confirmSign, setConfirmSign] = useState(false);
  const [status, setStatus] = useState('');
  const [reloading, setReloading] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rowIndexRef = useRef<RowIndex>({ rangeOfMotion: [], specialTests: [], goalReviews: [] });

  const dirty = snapshot(values) !== baseline;
  const signed = current?.signedAt != null;
  const readOnly = !canWrite || signed;

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    if (problem) summaryRef.current?.focus();
  }, [problem]);
  useWindowEvent('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });

  const adopt = useCallback(
    (saved: Assessment) => {
      const next = assessmentToForm(saved, chart);
      setCurrent(saved);
      setValues(next);
      setBaseline(snapshot(next));
      setErrors({});
      setProblem(null);
    },
    [chart],
  );

  const update = useCallback((patch: Partial<AssessmentFormValues>, touched?: string) => {
    setValues((v) => ({ ...v, ...patch }));
    if (touched)
      setErrors((currentErrors) => {
        const prefixes = touched.split(' ');
        const next = Object.fromEntries(
          Object.entries(currentErrors).filter(
            ([path]) => !prefixes.some((p) => path === p || path.startsWith(`${p}.`)),
          ),
        );
        return Object.keys(next).length === Object.keys(currentErrors).length ? currentErrors : next;
      });
  }, []);

  const measureName = (index: number) => {
    const id = values.outcomeMeasures[index]?.instrument;
    return measures.find((m) => m.id === id)?.name ?? id?.toUpperCase() ?? `Outcome measure ${index + 1}`;
  };

  const showFieldErrors = (found: Record<string, string>, extra: SummaryItem[] = []) => {
    setErrors(found);
    setProblem({
      title: signed ? 'The assessment was not signed' : 'The assessment was not saved',
      description: 'Please correct the following:',
      items: [
        ...Object.entries(found).map(([path, message]) => ({
          label: describeAssessmentPath(path, measureName),
          message,
          fieldId: fieldIdFor(path),
        })),
        ...extra,
      ],
    });
  };

  const persist = useMutation({
    mutationFn: async ({ andSign }: { andSign: boolean }) => {
      let saved = current;
      if (!saved || dirty) {
        const { body, rowIndex } = toRequest(values, suggestions);
        rowIndexRef.current = rowIndex;
        saved = saved
          ? await updateAssessment(saved.id, { ...body, version: saved.version })
          : await createAssessment(chart.episode.id, body);
        adopt(saved);
        onSaved(saved);
      }
      if (andSign) {
        saved = await signAssessment(saved.id, saved.version);
        adopt(saved);
        onSaved(saved);
      }
      return { saved, andSign };
    },
    onSuccess: ({ saved, andSign }) => {
      setConflict(null);
      setConfirmSign(false);
      const when = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(
        new Date(),
      );
      setStatus(andSign ? 'Signed. The assessment is locked.' : `Draft saved at ${when}.`);
      notifications.show({
        color: 'teal',
        title: andSign ? 'Assessment signed' : 'Assessment saved',
        message: `${ASSESSMENT_KIND_LABELS[saved.kind]} of ${formatDateOnly(saved.assessedOn)}${andSign ? ' is signed and locked.' : ' saved as a draft.'}`,
      });
      if (andSign) headingRef.current?.focus();
    },
    onError: (error) => {
      setConfirmSign(false);
      setStatus('');
      if (isApiError(error) && error.status === 409) {
        setConflict(error.detail);
        setProblem(null);
        return;
      }
      if (isApiError(error) && error.errors.length > 0) {
        const found: Record<string, string> = {};
        const extra: SummaryItem[] = [];
        for (const { path, message } of error.errors) {
          const formPath = formPathFor(path, rowIndexRef.current);
          if (formPath === 'version' || formPath === '(body)') extra.push({ message });
          else found[formPath] ??= message;
        }
        showFieldErrors(found, extra);
        return;
      }
      setErrors({});
      setProblem({
        title: isApiError(error) ? error.title : 'The assessment was not saved',
        items: [{ message: isApiError(error) ? error.detail : 'Something went wrong. Please try again.' }],
      });
    },
  });

  const check = (): boolean => {
    const names = Object.fromEntries(measures.map((m) => [m.id, m.name]));
    const found = validateAssessment(values, names);
    if (Object.keys(found).length > 0) {
      showFieldErrors(found);
      return false;
    }
    setProblem(null);
    return true;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Forms in portals (the body chart's mark dialog) bubble their submit through the React tree.
    if (event.target !== event.currentTarget) return;
    if (readOnly || persist.isPending) return;
    if (current && !dirty) {
      setStatus('No changes to save.');
      return;
    }
    if (check()) persist.mutate({ andSign: false });
  };

  const askToSign = () => {
    if (readOnly || persist.isPending) return;
    if (check()) setConfirmSign(true);
  };

  const reload = async () => {
    if (!current) return;
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery({
        queryKey: clinicalKeys.chart(chart.episode.id),
        queryFn: () => getChart(chart.episode.id),
        staleTime: 0,
      });
      const latest = fresh.assessments.find((a) => a.id === current.id);
      if (latest) adopt(latest);
      setConflict(null);
      setStatus('The latest saved version is shown.');
    } catch (error) {
      setProblem({
        title: 'The assessment could not be reloaded',
        items: [{ message: isApiError(error) ? error.detail : 'Please try again.' }],
      });
    } finally {
      setReloading(false);
    }
  };

  const reviewing = reviewsGoals(values.kind);
  const suggestions = useMemo(
    () => goalSuggestions(chart.plan, values.outcomeMeasures),
    [chart.plan, values.outcomeMeasures],
  );
  /** The visit to compare with: the latest earlier assessment, a signed one when there is one. */
  const previous = useMemo(() => {
    const earlier = chart.assessments
      .filter(
        (a) =>
          a.id !== current?.id &&
          (a.assessedOn < values.assessedOn ||
            (a.assessedOn === values.assessedOn && (!current || a.createdAt < current.createdAt))),
      )
      .sort((a, b) => b.assessedOn.localeCompare(a.assessedOn) || b.createdAt.localeCompare(a.createdAt));
    return earlier.find((a) => a.signedAt !== null) ?? earlier[0];
  }, [chart.assessments, current, values.assessedOn]);

  const added = new Set(values.outcomeMeasures.map((m) => m.instrument));
  const addable = measures.filter((m) => !added.has(m.id));

  const addMeasure = (id: string) => {
    const measure = measures.find((m) => m.id === id);
    if (!measure) return;
    const index = values.outcomeMeasures.length;
    update({ outcomeMeasures: [...values.outcomeMeasures, emptyOutcomeValue(measure)] });
    requestAnimationFrame(() => {
      const first =
        document.getElementById(`assessment-outcomeMeasures-${index}-labels-0`) ??
        document.getElementById(`assessment-outcomeMeasures-${index}-answers-0`);
      first?.focus();
    });
  };
  const setMeasure = (index: number, value: OutcomeMeasureValue) =>
    update(
      { outcomeMeasures: values.outcomeMeasures.map((m, i) => (i === index ? value : m)) },
      `outcomeMeasures.${index}`,
    );
  const removeMeasure = (index: number) => {
    update({ outcomeMeasures: values.outcomeMeasures.filter((_, i) => i !== index) }, 'outcomeMeasures');
    requestAnimationFrame(() => document.getElementById('assessment-add-measure')?.focus());
  };
  const entryErrors = (index: number) => {
    const prefix = `outcomeMeasures.${index}.`;
    return Object.fromEntries(
      Object.entries(errors)
        .filter(([path]) => path.startsWith(prefix))
        .map(([path, message]) => [path.slice(prefix.length), message]),
    );
  };

  const title = current
    ? `${ASSESSMENT_KIND_LABELS[current.kind]} · ${formatDateOnly(current.assessedOn)}`
    : `New ${ASSESSMENT_KIND_LABELS[values.kind].toLowerCase()}`;

  const kindLabelId = 'assessment-kind-label';
  const painLabelId = 'assessment-pain-label';

  return (
    <form onSubmit={submit} noValidate aria-labelledby="assessment-form-heading" id="assessment-form">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Group gap="sm" align="center">
              <Title order={2} id="assessment-form-heading" ref={headingRef} tabIndex={-1}>
                {title}
              </Title>
              {current && (
                <Badge color={signed ? 'teal' : 'orange'} variant="light" size="lg">
                  {signed ? 'Signed' : 'Draft'}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {current
                ? signed
                  ? `Signed by ${current.signedByName ?? current.therapistName} on ${formatDateTime(current.signedAt!)}.`
                  : `Draft by ${current.therapistName}, last saved ${formatDateTime(current.updatedAt)}.`
                : 'Not saved yet.'}
            </Text>
          </div>
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Group>

        {signed && (
          <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
            Signed records are locked. Record anything new in a later assessment or a session note.
          </Alert>
        )}
        {!canWrite && !signed && (
          <Alert color="gray" variant="light">
            Your role can read assessments but not change them.
          </Alert>
        )}
        {conflict && (
          <Alert
            color="orange"
            variant="light"
            title="This assessment was changed elsewhere"
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
          >
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{conflict}</Text>
              <Text size="sm" c="gray.7">
                What you changed here is not saved. Reloading shows the saved version.
              </Text>
              {current && (
                <Button
                  size="sm"
                  leftSection={<IconRefresh size={16} aria-hidden />}
                  loading={reloading}
                  onClick={() => void reload()}
                >
                  Reload the assessment
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {problem && <ErrorSummary ref={summaryRef} {...problem} />}

        <Section title="Visit" order={3}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Input.Wrapper
                label="Kind"
                labelElement="div"
                labelProps={{ id: kindLabelId }}
                error={errors.kind}
              >
                {readOnly ? (
                  <Text>{ASSESSMENT_KIND_LABELS[values.kind]}</Text>
                ) : (
                  <SegmentedControl
                    id={assessmentFieldId('kind')}
                    aria-labelledby={kindLabelId}
                    display="flex"
                    value={values.kind}
                    onChange={(kind) => update({ kind: kind }, 'kind')}
                    data={ASSESSMENT_KINDS.map((k) => ({ value: k, label: KIND_SHORT[k] }))}
                  />
                )}
              </Input.Wrapper>
              <TextInput
                id={assessmentFieldId('assessedOn')}
                label="Date"
                type="date"
                withAsterisk={!readOnly}
                max={todayDateOnly()}
                value={values.assessedOn}
                onChange={(e) => update({ assessedOn: e.currentTarget.value }, 'assessedOn')}
                readOnly={readOnly}
                variant={readOnly ? 'filled' : 'default'}
                error={errors.assessedOn}
                maw={220}
              />
            </SimpleGrid>
            <Input.Wrapper
              label="Pain now (NPRS)"
              labelElement="div"
              labelProps={{ id: painLabelId }}
              description={
                readOnly ? undefined : '0 = no pain, 10 = the worst pain imaginable. “–” when not asked.'
              }
              error={errors.painNprs}
              inputWrapperOrder={['label', 'description', 'input', 'error']}
            >
              {readOnly ? (
                <Text fw={600}>{values.painNprs === '' ? 'Not recorded' : `${values.painNprs} / 10`}</Text>
              ) : (
                <SegmentedControl
                  id={assessmentFieldId('painNprs')}
                  aria-labelledby={painLabelId}
                  mt={6}
                  fullWidth
                  value={values.painNprs}
                  onChange={(painNprs) => update({ painNprs }, 'painNprs')}
                  data={NPRS_OPTIONS}
                />
              )}
            </Input.Wrapper>
          </Stack>
        </Section>

        <Section title="Observation" order={3}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Textarea
              id={assessmentFieldId('posture')}
              label="Posture and visual findings"
              // A signed record must not show an example as if it had been written.
              placeholder={readOnly ? 'Not recorded' : 'e.g. Forward head posture; right shoulder elevated.'}
              value={values.posture}
              onChange={(e) => update({ posture: e.currentTarget.value }, 'posture')}
              readOnly={readOnly}
              variant={readOnly ? 'filled' : 'default'}
              error={errors.posture}
              autosize
              minRows={3}
              maxRows={10}
            />
            <Textarea
              id={assessmentFieldId('gait')}
              label="Gait"
              placeholder={readOnly ? 'Not recorded' : 'e.g. Normal cadence; reduced arm swing on the right.'}
              value={values.gait}
              onChange={(e) => update({ gait: e.currentTarget.value }, 'gait')}
              readOnly={readOnly}
              variant={readOnly ? 'filled' : 'default'}
              error={errors.gait}
              autosize
              minRows={3}
              maxRows={10}
            />
          </SimpleGrid>
        </Section>

        <Section
          title="Palpation"
          id="assessment-palpation"
          order={3}
          description={
            reviewing && previous
              ? `Faint marks are from the ${ASSESSMENT_KIND_LABELS[previous.kind].toLowerCase()} of ${formatDateOnly(previous.assessedOn)}.`
              : undefined
          }
        >
          {Object.entries(errors)
            .filter(([path]) => path.startsWith('marks'))
            .map(([path, message]) => (
              <Text key={path} size="sm" c="red.8" mb="xs">
                {describeAssessmentPath(path, measureName)}: {message}
              </Text>
            ))}
          <BodyChart
            marks={values.marks}
            onChange={readOnly ? undefined : (marks) => update({ marks }, 'marks')}
            readOnly={readOnly}
            compareWith={reviewing && previous ? previous.marks : undefined}
          />
        </Section>

        <Section
          title="Range of motion"
          order={3}
          description="Active range in degrees. Below 75% of normal is flagged; norms vary by source and age, so read it as a guide."
        >
          <RangeOfMotionTable
            rows={values.rangeOfMotion}
            onChange={(rangeOfMotion, touched) => update({ rangeOfMotion }, touched)}
            readOnly={readOnly}
            errors={errors}
          />
        </Section>

        <Section title="Special tests" order={3}>
          <SpecialTestsList
            rows={values.specialTests}
            onChange={(specialTests, touched) => update({ specialTests }, touched)}
            readOnly={readOnly}
            errors={errors}
          />
        </Section>

        <Section
          title="Outcome measures"
          order={3}
          description={
            readOnly
              ? undefined
              : 'Scores update as answers are entered; the server scores them again when you save.'
          }
          actions={
            !readOnly &&
            addable.length > 0 && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    id="assessment-add-measure"
                    variant="light"
                    size="sm"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    rightSection={<IconChevronDown size={14} aria-hidden />}
                    style={{ flexShrink: 0 }}
                  >
                    Add a measure
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {addable.map((m) => (
                    <Menu.Item key={m.id} onClick={() => addMeasure(m.id)}>
                      <Text size="sm" fw={600} span>
                        {m.name}
                      </Text>{' '}
                      <Text size="xs" c="dimmed" span>
                        {m.fullName}
                      </Text>
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )
          }
        >
          {measuresQuery.isPending ? (
            <Stack gap="xs" aria-busy="true" aria-label="Loading the outcome measures">
              <Skeleton height={20} width={200} />
              <Skeleton height={80} />
            </Stack>
          ) : measuresQuery.isError ? (
            <ApiErrorAlert error={measuresQuery.error} title="The outcome measures could not be loaded" />
          ) : values.outcomeMeasures.length === 0 ? (
            <Text size="sm" c="dimmed">
              {readOnly
                ? 'No outcome measures were taken.'
                : 'None yet. Add the questionnaires the client filled in.'}
            </Text>
          ) : (
            <Stack gap="md">
              {values.outcomeMeasures.map((value, index) => {
                const measure = measures.find((m) => m.id === value.instrument);
                if (!measure) return null;
                const saved = current?.outcomeMeasures.find((r) => r.instrument === value.instrument);
                return (
                  <OutcomeMeasureEntry
                    key={value.instrument}
                    measure={measure}
                    value={value}
                    onChange={readOnly ? undefined : (next) => setMeasure(index, next)}
                    onRemove={() => removeMeasure(index)}
                    readOnly={readOnly}
                    errors={entryErrors(index)}
                    idPrefix={`assessment-outcomeMeasures-${index}`}
                    saved={saved ? { score: saved.score, band: saved.band } : null}
                  />
                );
              })}
            </Stack>
          )}
        </Section>

        <Section title="Findings" order={3}>
          <Textarea
            id={assessmentFieldId('findings')}
            label="Assessment findings"
            description="Your clinical impression: what the findings mean for treatment."
            value={values.findings}
            onChange={(e) => update({ findings: e.currentTarget.value }, 'findings')}
            readOnly={readOnly}
            variant={readOnly ? 'filled' : 'default'}
            error={errors.findings}
            autosize
            minRows={3}
            maxRows={14}
            inputWrapperOrder={['label', 'description', 'input', 'error']}
          />
        </Section>

        {reviewing && (
          <>
            <Section title="Progress since baseline" order={3}>
              <MeasureComparisons
                chart={chart}
                assessmentId={current?.id}
                values={values.outcomeMeasures}
                measures={measures}
              />
            </Section>
            <Section
              title="Goal review"
              order={3}
              description="Measured goals are pre-filled from the scores; change any that the client's report contradicts."
            >
              <GoalReviews
                plan={chart.plan}
                rows={values.goalReviews}
                suggestions={suggestions}
                onChange={(goalReviews, touched) => update({ goalReviews }, touched)}
                readOnly={readOnly}
                errors={errors}
              />
            </Section>
            <Section title="Recommendation" order={3}>
              <RecommendationFields
                recommendation={values.recommendation}
                note={values.recommendationNote}
                onChange={(patch, touched) => update(patch, touched)}
                readOnly={readOnly}
                errors={errors}
              />
            </Section>
          </>
        )}
      </Stack>

      {!readOnly && (
        <SaveBar
          dirty={dirty}
          message={
            persist.isPending
              ? 'Saving…'
              : dirty
                ? 'You have unsaved changes.'
                : status || (current ? 'All changes saved as a draft.' : 'Nothing entered yet.')
          }
        >
          <Button
            type="submit"
            variant={current && !dirty ? 'default' : 'filled'}
            loading={persist.isPending && !confirmSign}
          >
            Save draft
          </Button>
          <Button
            variant="outline"
            leftSection={<IconSignature size={16} aria-hidden />}
            onClick={askToSign}
            disabled={persist.isPending}
          >
            {dirty || !current ? 'Save and sign…' : 'Sign…'}
          </Button>
        </SaveBar>
      )}

      <Modal
        opened={confirmSign}
        onClose={() => !persist.isPending && setConfirmSign(false)}
        title="Sign this assessment?"
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            Signing locks the record: nobody can change this{' '}
            {ASSESSMENT_KIND_LABELS[values.kind].toLowerCase()} afterwards. It is signed as{' '}
            {session.user.name}, today.
          </Text>
          {dirty && (
            <Text size="sm" c="dimmed">
              Your unsaved changes are saved first.
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmSign(false)} disabled={persist.isPending}>
              Cancel
            </Button>
            <Button
              leftSection={<IconLock size={16} aria-hidden />}
              loading={persist.isPending}
              onClick={() => persist.mutate({ andSign: true })}
            >
              Sign and lock
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
