import { useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldCheck, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, type Role } from '../../../platform/authz/permissions.js';
import {
  listInvitations,
  revokeInvitation,
  updateStaff,
  type Invitation,
  type StaffMember,
} from '../../api/accounts.js';
import { useCan, useSession } from '../../app/session.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { formatDate, formatWhen } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Section } from '../../components/Section.js';
import { STAFF_KEY, useStaffNames } from '../audit/useStaffNames.js';
import { INVITATIONS_KEY, InviteModal } from './InviteModal.js';
import { ROLE_COLORS, ROLE_OPTIONS } from './roles.js';

type Dialog = { kind: 'role' | 'deactivate'; member: StaffMember } | null;

export function StaffPage() {
  const canManage = useCan('staff:manage');
  const me = useSession().user;
  const queryClient = useQueryClient();
  const { staff } = useStaffNames();
  const [inviting, setInviting] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [announcement, setAnnouncement] = useState('');

  const grant = useMutation({
    mutationFn: ({ member, allow }: { member: StaffMember; allow: boolean }) =>
      updateStaff(member.id, { version: member.version, grants: allow ? ['clinical:read'] : [] }),
    onSuccess: (member) => {
      void queryClient.invalidateQueries({ queryKey: STAFF_KEY });
      const allowed = member.grants.includes('clinical:read');
      const message = allowed
        ? `${member.name} may now read clinical notes.`
        : `${member.name} no longer reads clinical notes (billing details only).`;
      setAnnouncement(message);
      notifications.show({ color: 'teal', title: 'Access changed', message });
    },
    onError: () => {
      setAnnouncement('The change was not saved.');
      void queryClient.invalidateQueries({ queryKey: STAFF_KEY });
    },
  });

  const reactivate = useMutation({
    mutationFn: (member: StaffMember) => updateStaff(member.id, { version: member.version, active: true }),
    onSuccess: (member) => {
      void queryClient.invalidateQueries({ queryKey: STAFF_KEY });
      notifications.show({
        color: 'teal',
        title: 'Reactivated',
        message: `${member.name} can sign in again.`,
      });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: STAFF_KEY }),
  });

  const members = (staff.data?.items ?? []).slice().sort((a, b) => {
    if (!!a.deactivatedAt !== !!b.deactivatedAt) return a.deactivatedAt ? 1 : -1;
    return a.name.localeCompare(b.name);
  });

  return (
    <>
      <PageHeader
        title="Staff"
        description="Everyone who can sign in to your clinic's Palpa, and what their role allows."
        actions={
          canManage && (
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setInviting(true)}>
              Invite staff member
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <Section title="Team">
          {staff.isError && <ApiErrorAlert error={staff.error} title="The staff list could not be loaded" />}
          {reactivate.error && <ApiErrorAlert error={reactivate.error} mb="md" />}
          {grant.error && (
            <ApiErrorAlert
              error={grant.error}
              title="Access to clinical notes was not changed"
              mb="md"
              withCloseButton
              onClose={() => grant.reset()}
            />
          )}
          <VisuallyHidden role="status" aria-live="polite">
            {announcement}
          </VisuallyHidden>
          {staff.isPending ? (
            <Stack gap="sm">
              <Skeleton height={18} />
              <Skeleton height={18} />
              <Skeleton height={18} />
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={canManage ? 660 : 560}>
              <Table aria-label="Staff members" horizontalSpacing="sm">
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Last sign-in</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>Two-factor</Table.Th>
                    <Table.Th>Status</Table.Th>
                    {canManage && (
                      <Table.Th>
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.map((member) => {
                    const isMe = member.id === me.id;
                    const active = !member.deactivatedAt;
                    return (
                      <Table.Tr key={member.id} style={active ? undefined : { opacity: 0.75 }}>
                        <Table.Td>
                          <Group gap={6}>
                            <Text size="sm" fw={600}>
                              {member.name}
                            </Text>
                            {isMe && (
                              <Badge size="xs" variant="outline" color="gray">
                                You
                              </Badge>
                            )}
                          </Group>
                          <Text size="xs" c="dimmed">
                            {member.email}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={ROLE_COLORS[member.role]}>
                            {ROLE_LABELS[member.role]}
                          </Badge>
                          {member.role === 'biller' &&
                            (canManage ? (
                              <Switch
                                mt={8}
                                size="sm"
                                label="May read clinical notes"
                                description="Otherwise diagnoses and services only"
                                checked={
                                  grant.isPending && grant.variables?.member.id === member.id
                                    ? grant.variables.allow
                                    : member.grants.includes('clinical:read')
                                }
                                disabled={
                                  !active || (grant.isPending && grant.variables?.member.id === member.id)
                                }
                                onChange={(event) =>
                                  grant.mutate({ member, allow: event.currentTarget.checked })
                                }
                                styles={{
                                  label: { fontSize: 'var(--mantine-font-size-sm)' },
                                  description: { marginTop: 0 },
                                }}
                              />
                            ) : (
                              member.grants.includes('clinical:read') && (
                                <Text size="xs" c="dimmed" mt={4}>
                                  May read clinical notes
                                </Text>
                              )
                            ))}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c={member.lastLoginAt ? undefined : 'dimmed'}>
                            {member.lastLoginAt ? formatWhen(member.lastLoginAt) : 'Never'}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {member.totpEnabled ? (
                            <Badge
                              variant="light"
                              color="teal"
                              leftSection={<IconShieldCheck size={12} aria-hidden />}
                            >
                              On
                            </Badge>
                          ) : (
                            <Badge variant="light" color="gray">
                              Off
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {active ? (
                            <Badge variant="dot" color="teal">
                              Active
                            </Badge>
                          ) : (
                            <Badge variant="dot" color="gray">
                              Deactivated
                            </Badge>
                          )}
                        </Table.Td>
                        {canManage && (
                          <Table.Td>
                            <Group gap={6} justify="flex-end" maw={220} ml="auto">
                              <Button
                                size="xs"
                                variant="default"
                                onClick={() => setDialog({ kind: 'role', member })}
                                aria-label={`Change role of ${member.name}`}
                              >
                                Change role
                              </Button>
                              {!isMe &&
                                (active ? (
                                  <Button
                                    size="xs"
                                    variant="subtle"
                                    color="red"
                                    onClick={() => setDialog({ kind: 'deactivate', member })}
                                    aria-label={`Deactivate ${member.name}`}
                                  >
                                    Deactivate
                                  </Button>
                                ) : (
                                  <Button
                                    size="xs"
                                    variant="subtle"
                                    loading={reactivate.isPending && reactivate.variables?.id === member.id}
                                    onClick={() => reactivate.mutate(member)}
                                    aria-label={`Reactivate ${member.name}`}
                                  >
                                    Reactivate
                                  </Button>
                                ))}
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Section>

        {canManage && <PendingInvitations onInvite={() => setInviting(true)} />}
      </Stack>

      <InviteModal opened={inviting} onClose={() => setInviting(false)} />
      <ChangeRoleModal
        dialog={dialog?.kind === 'role' ? dialog.member : null}
        onClose={() => setDialog(null)}
      />
      <DeactivateModal
        member={dialog?.kind === 'deactivate' ? dialog.member : null}
        onClose={() => setDialog(null)}
      />
    </>
  );
}

function PendingInvitations({ onInvite }: { onInvite: () => void }) {
  const queryClient = useQueryClient();
  const invitations = useQuery({ queryKey: INVITATIONS_KEY, queryFn: listInvitations });
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => revokeInvitation(invitation.id),
    onSuccess: (_result, invitation) => {
      void queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY });
      notifications.show({
        color: 'teal',
        title: 'Invitation revoked',
        message: `The link for ${invitation.name} no longer works.`,
      });
    },
  });
  const pending = (invitations.data?.items ?? []).filter((invitation) => invitation.status === 'pending');

  return (
    <Section
      title="Pending invitations"
      description="Links that have not been used yet. Revoke a link if it went to the wrong person."
    >
      {invitations.isError && <ApiErrorAlert error={invitations.error} />}
      {revoke.error && <ApiErrorAlert error={revoke.error} mb="md" />}
      {invitations.isPending ? (
        <Skeleton height={18} />
      ) : pending.length === 0 ? (
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            No pending invitations.
          </Text>
          <Button size="xs" variant="subtle" onClick={onInvite}>
            Invite someone
          </Button>
        </Group>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Pending invitations">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Invited</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {invitation.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {invitation.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={ROLE_COLORS[invitation.role]}>
                      {ROLE_LABELS[invitation.role]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(invitation.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(invitation.expiresAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={revoke.isPending && revoke.variables?.id === invitation.id}
                        onClick={() => revoke.mutate(invitation)}
                        aria-label={`Revoke invitation for ${invitation.name}`}
                      >
                        Revoke
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function ChangeRoleModal({ dialog: member, onClose }: { dialog: StaffMember | null; onClose: () => void }) {
  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={member ? `Change role of ${member.name}` : ''}
      centered
    >
      {member && <ChangeRoleForm member={member} onClose={onClose} />}
    </Modal>
  );
}

function ChangeRoleForm({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(member.role);
  const save = useMutation({
    mutationFn: () => updateStaff(member.id, { version: member.version, role }),
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: STAFF_KEY });
      void queryClient.invalidateQueries({ queryKey: ['session'] });
      notifications.show({
        color: 'teal',
        title: 'Role changed',
        message: `${updated.name} is now ${ROLE_LABELS[updated.role]}.`,
      });
      onClose();
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: STAFF_KEY }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (role === member.role) onClose();
    else save.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        {save.error && <ApiErrorAlert error={save.error} />}
        <NativeSelect
          label="Role"
          data={ROLE_OPTIONS}
          value={role}
          onChange={(event) => setRole(event.currentTarget.value as Role)}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save role
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeactivateModal({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const deactivate = useMutation({
    mutationFn: (target: StaffMember) => updateStaff(target.id, { version: target.version, active: false }),
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: STAFF_KEY });
      notifications.show({
        color: 'teal',
        title: 'Deactivated',
        message: `${updated.name} was signed out and can no longer sign in.`,
      });
      onClose();
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: STAFF_KEY }),
  });
  return (
    <Modal
      opened={member !== null}
      onClose={() => {
        deactivate.reset();
        onClose();
      }}
      title={member ? `Deactivate ${member.name}?` : ''}
      centered
    >
      {member && (
        <Stack gap="md">
          {deactivate.error && <ApiErrorAlert error={deactivate.error} />}
          <Text size="sm">
            {member.name} is signed out at once and cannot sign in until you reactivate the account. Their
            name stays in the audit log and on the records they changed.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              onClick={() => {
                deactivate.reset();
                onClose();
              }}
              data-autofocus
            >
              Cancel
            </Button>
            <Button color="red" loading={deactivate.isPending} onClick={() => deactivate.mutate(member)}>
              Deactivate
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
