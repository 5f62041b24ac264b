import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listStaff } from '../../api/accounts.js';

export const STAFF_KEY = ['staff'] as const;

/** Staff members by id, to name the people an audit event is about. */
export function useStaffNames(enabled = true) {
  const staff = useQuery({ queryKey: STAFF_KEY, queryFn: listStaff, enabled });
  const names = useMemo(
    () => new Map((staff.data?.items ?? []).map((member) => [member.id, member.name])),
    [staff.data],
  );
  return { staff, names };
}
