import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  Radio,
  ScrollArea,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconSignature, IconKeyboard, IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  getConsentTexts,
  signConsent,
  type ClinicalChart,
  type Consent,
  type ConsentText,
} from '../../../api/clinical.js';
import { isApiError } from '../../../api/http.js';
import { useCan, useSession } from '../../../app/session.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { ErrorSummary, type SummaryItem } from '../../../components/ErrorSummary.js';
import { Section } from '../../../components/Section.js';
import { formatDateTime } from '../../../components/format.js';
import { SignaturePad, SignatureThumbnail, TypedSignature } from '../shared/SignaturePad.js';

type ConsentKind = ConsentText['kind'];

export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  treatment: 'Consent to treatment',
  release_of_information: 'Release of information',
};

export const consentTextsKey = ['consent-texts'] as const;

/** The episode's signed consents, and collecting a new one on this device. */
export function ConsentPanel({ chart, onChanged }: { chart: ClinicalChart; onChanged: () => void }) {
  const canWrite = useCan('clinical:write');
  const [opened, setOpened] = useState(false);
  const consents = chart.consents;
  const signedKinds = new Set(consents.map((c) => c.kind));
  const collectButton = useRef<HTMLButtonElement>(null);

  return (
    <Section
      title="Consent"
      id="intake-consent"
      description="Signed on this device after the client has read the text. Each signature keeps the exact wording signed."
      actions={
        canWrite && (
          <Button
            ref={collectButton}
            leftSection={<IconSignature size={16} aria-hidden />}
            onClick={() => setOpened(true)}
            variant={signedKinds.has('treatment') ? 'default' : 'filled'}
            style={{ flexShrink: 0 }}
          >
            Collect consent
          </Button>
        )
      }
    >
      {!signedKinds.has('treatment') && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} mb="md">
          No consent to treatment is on file for this episode yet.
        </Alert>
      )}
      {consents.length === 0 ? (
        <Text size="sm" c="dimmed">
          No consents signed yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Signed by</Table.Th>
                <Table.Th>Signed</Table.Th>
                <Table.Th>Signature</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.map((consent) => (
                <ConsentRow key={consent.id} consent={consent} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && (
        <Modal
          opened={opened}
          onClose={() => setOpened(false)}
          title="Collect consent"
          size="xl"
          centered
          closeOnClickOutside={false}
          onExitTransitionEnd={() => collectButton.current?.focus()}
        >
          {opened && (
            <CollectConsentForm
              chart={chart}
              initialKind={signedKinds.has('treatment') ? 'release_of_information' : 'treatment'}
              onCancel={() => setOpened(false)}
              onSigned={(consent) => {
                setOpened(false);
                notifications.show({
                  color: 'teal',
                  title: 'Consent recorded',
                  message: `${CONSENT_KIND_LABELS[consent.kind]} signed by ${consent.signerName}.`,
                });
                onChanged();
              }}
            />
          )}
        </Modal>
      )}
    </Section>
  );
}

function ConsentRow({ consent }: { consent: Consent }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {CONSENT_KIND_LABELS[consent.kind]}
        </Text>
        {consent.releaseTo && (
          <Text size="xs" c="gray.7">
            To: {consent.releaseTo}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Text{' '}
          <Code fz="xs" style={{ whiteSpace: 'nowrap' }}>
            {consent.textVersion}
          </Code>
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{consent.signerName}</Text>
        {consent.signerRelationship && (
          <Text size="xs" c="dimmed">
            {consent.signerRelationship}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(consent.signedAt)}</Text>
        <Text size="xs" c="dimmed">
          Witnessed by {consent.witnessedByName}
        </Text>
      </Table.Td>
      <Table.Td>
        {consent.signatureMethod === 'drawn' ? (
          <SignatureThumbnail
            path={consent.signatureData}
            label={`Drawn signature of ${consent.signerName}`}
          />
        ) : (
          <Stack gap={0}>
            <TypedSignature name={consent.signatureData} size={20} />
            <Text size="xs" c="dimmed">
              Typed
            </Text>
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

type Method = 'drawn' | 'typed';

const FIELD_IDS: Record<string, string> = {
  signerName: 'consent-signer-name',
  signerRelationship: 'consent-signer-relationship',
  releaseTo: 'consent-release-to',
  'signature.svgPath': 'consent-signature-pad',
  'signature.typedName': 'consent-typed-name',
  signature: 'consent-signature-pad',
};
const FIELD_LABELS: Record<string, string> = {
  signerName: "Signer's name",
  signerRelationship: 'Relationship to the client',
  releaseTo: 'Release to',
  'signature.svgPath': 'Signature',
  'signature.typedName': 'Typed signature',
  signature: 'Signature',
};

function CollectConsentForm({
  chart,
  initialKind,
  onCancel,
  onSigned,
}: {
  chart: ClinicalChart;
  initialKind: ConsentKind;
  onCancel: () => void;
  onSigned: (consent: Consent) => void;
}) {
  const session = useSession();
  const texts = useQuery({ queryKey: consentTextsKey, queryFn: getConsentTexts, staleTime: 5 * 60_000 });
  const [kind, setKind] = useState<ConsentKind>(initialKind);
  const [signerName, setSignerName] = useState(chart.client.name);
  const [relationship, setRelationship] = useState('');
  const [releaseTo, setReleaseTo] = useState('');
  const [method, setMethod] = useState<Method>('drawn');
  const [svgPath, setSvgPath] = useState('');
  const [typedName, setTypedName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (summary) summaryRef.current?.focus();
  }, [summary]);

  const text = texts.data?.items.find((t) => t.kind === kind);

  const clear = (...paths: string[]) =>
    setErrors((current) => {
      if (!paths.some((p) => current[p])) return current;
      const next = { ...current };
      for (const p of paths) delete next[p];
      return next;
    });

  const showErrors = (found: Record<string, string>, extra: SummaryItem[] = []) => {
    setErrors(found);
    setSummary([
      ...Object.entries(found).map(([path, message]) => ({
        label: FIELD_LABELS[path] ?? path,
        message,
        fieldId: FIELD_IDS[path],
      })),
      ...extra,
    ]);
  };

  const sign = useMutation({
    mutationFn: () =>
      signConsent(chart.episode.id, {
        kind,
        textVersion: text!.version,
        signerName: signerName.trim(),
        signerRelationship: relationship.trim() || undefined,
        releaseTo: kind === 'release_of_information' ? releaseTo.trim() || undefined : undefined,
        signature:
          method === 'drawn'
            ? { method: 'drawn', svgPath }
            : { method: 'typed', typedName: typedName.trim() },
      }),
    onSuccess: onSigned,
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        // The wording changed since it was shown: show the new text, the client reads it and signs again.
        setNotice(error.detail);
        setSummary(null);
        void texts.refetch();
        return;
      }
      if (isApiError(error) && error.errors.length > 0) {
        const found: Record<string, string> = {};
        const extra: SummaryItem[] = [];
        for (const e of error.errors) {
          if (FIELD_IDS[e.path])
            found[
              e.path === 'signature' ? `signature.${method === 'drawn' ? 'svgPath' : 'typedName'}` : e.path
            ] ??= e.message;
          else extra.push({ message: `${e.path}: ${e.message}` });
        }
        showErrors(found, extra);
        return;
      }
      setSummary(null);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text || sign.isPending) return;
    setNotice(null);
    const found: Record<string, string> = {};
    if (!signerName.trim()) found.signerName = "Enter the signer's full name.";
    if (kind === 'release_of_information' && !releaseTo.trim())
      found.releaseTo = 'Name the person or organisation (e.g. the prescriber).';
    if (method === 'drawn' && !/L/.test(svgPath))
      found['signature.svgPath'] = 'Ask the client to sign in the box, or use the Type tab.';
    if (method === 'typed' && !typedName.trim()) found['signature.typedName'] = 'Type the full name to sign.';
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    setSummary(null);
    sign.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Collect consent">
      <Stack gap="md">
        {summary && summary.length > 0 && (
          <ErrorSummary
            ref={summaryRef}
            title="The consent was not recorded"
            description="Please correct the following:"
            items={summary}
          />
        )}
        {notice && (
          <Alert
            color="orange"
            variant="light"
            title="The wording has changed"
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
          >
            {notice}
          </Alert>
        )}
        {sign.isError && !isApiError(sign.error) && <ApiErrorAlert error={sign.error} />}
        {sign.isError &&
          isApiError(sign.error) &&
          sign.error.errors.length === 0 &&
          sign.error.status !== 409 && <ApiErrorAlert error={sign.error} />}

        <Radio.Group
          label="What is being signed"
          value={kind}
          onChange={(value) => {
            setKind(value);
            setNotice(null);
          }}
        >
          <Group gap="lg" mt={6}>
            <Radio value="treatment" label={CONSENT_KIND_LABELS.treatment} />
            <Radio value="release_of_information" label={CONSENT_KIND_LABELS.release_of_information} />
          </Group>
        </Radio.Group>

        {texts.isPending && (
          <Stack gap="xs" aria-busy="true" aria-label="Loading the consent text">
            <Skeleton height={18} width="50%" />
            <Skeleton height={140} />
          </Stack>
        )}
        {texts.isError && <ApiErrorAlert error={texts.error} title="The consent text could not be loaded" />}
        {text && (
          <Paper withBorder p={0} bg="gray.0">
            <Group justify="space-between" px="md" pt="sm" pb={4} gap="xs">
              <Text fw={650} id="consent-text-title">
                {text.title}
              </Text>
              <Badge variant="light" color="gray">
                Version {text.version}
              </Badge>
            </Group>
            <ScrollArea.Autosize mah={230} type="auto" offsetScrollbars>
              <div
                tabIndex={0}
                role="region"
                aria-labelledby="consent-text-title"
                style={{ padding: '4px var(--mantine-spacing-md) var(--mantine-spacing-md)' }}
              >
                {text.body.split(/\n{2,}/).map((paragraph, index) => (
                  <Text key={index} size="sm" mb="xs" style={{ whiteSpace: 'pre-wrap' }}>
                    {paragraph}
                  </Text>
                ))}
              </div>
            </ScrollArea.Autosize>
          </Paper>
        )}

        <Group grow align="flex-start" gap="md" wrap="wrap">
          <TextInput
            id="consent-signer-name"
            label="Signer's name"
            withAsterisk
            value={signerName}
            onChange={(e) => {
              setSignerName(e.currentTarget.value);
              clear('signerName');
            }}
            error={errors.signerName}
            autoComplete="off"
            miw={220}
          />
          <TextInput
            id="consent-signer-relationship"
            label="Relationship to the client"
            description="Only when someone signs for the client, e.g. parent or guardian."
            value={relationship}
            onChange={(e) => setRelationship(e.currentTarget.value)}
            error={errors.signerRelationship}
            autoComplete="off"
            miw={220}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        </Group>
        {kind === 'release_of_information' && (
          <TextInput
            id="consent-release-to"
            label="Release to"
            withAsterisk
            description="The person or organisation that may receive the records."
            placeholder="e.g. Dr. Ødegård, Lakeside Family Medicine"
            value={releaseTo}
            onChange={(e) => {
              setReleaseTo(e.currentTarget.value);
              clear('releaseTo');
            }}
            error={errors.releaseTo}
            autoComplete="off"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        )}

        <Tabs
          value={method}
          onChange={(value) => setMethod((value as Method | null) ?? 'drawn')}
          keepMounted={false}
        >
          <Tabs.List aria-label="How to sign">
            <Tabs.Tab value="drawn" leftSection={<IconPencil size={16} aria-hidden />}>
              Draw
            </Tabs.Tab>
            <Tabs.Tab value="typed" leftSection={<IconKeyboard size={16} aria-hidden />}>
              Type
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="drawn" pt="sm">
            <SignaturePad
              id="consent-signature-pad"
              label="Signature"
              description="Sign with a finger, pen or mouse. Keyboard users: use the Type tab."
              value={svgPath}
              onChange={(path) => {
                setSvgPath(path);
                clear('signature.svgPath');
              }}
              error={errors['signature.svgPath']}
            />
          </Tabs.Panel>
          <Tabs.Panel value="typed" pt="sm">
            <Stack gap="xs">
              <TextInput
                id="consent-typed-name"
                label="Type the full name to sign"
                value={typedName}
                onChange={(e) => {
                  setTypedName(e.currentTarget.value);
                  clear('signature.typedName');
                }}
                error={errors['signature.typedName']}
                autoComplete="off"
              />
              <Paper withBorder p="sm" mih={64} aria-hidden>
                {typedName.trim() ? (
                  <TypedSignature name={typedName} />
                ) : (
                  <Text size="sm" c="dimmed">
                    The typed signature appears here.
                  </Text>
                )}
              </Paper>
            </Stack>
          </Tabs.Panel>
        </Tabs>

        <Text size="xs" c="dimmed">
          Witnessed by {session.user.name}. The date and time are recorded when you sign.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={sign.isPending} disabled={!text}>
            Record signature
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
