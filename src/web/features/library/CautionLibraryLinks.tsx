/**
 * "In the library: Cupping · Deep tissue massage · Lymphedema …" under a screening alert's guidance: the
 * library pages whose cautions explain the alert. Fetched (once per rule, cached) when the alert's detail is
 * shown; nothing is shown while loading, on error or when no page names the rule.
 */
import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getCautionLinks, LIBRARY_STALE_TIME, libraryKeys } from '../../api/library.js';
import { conditionPath, techniquePath } from './library-format.js';

/** Links shown before "+N more". */
const MAX_LINKS = 5;

export function CautionLibraryLinks({ ruleId, size = 'xs' }: { ruleId: string; size?: 'xs' | 'sm' }) {
  const query = useQuery({
    queryKey: libraryKeys.cautions(ruleId),
    queryFn: ({ signal }) => getCautionLinks(ruleId, signal),
    staleTime: LIBRARY_STALE_TIME,
    retry: false,
  });
  if (!query.data) return null;
  const links = [
    ...query.data.techniques.map((t) => ({ key: `t-${t.id}`, name: t.name, to: techniquePath(t.id) })),
    ...query.data.conditions.map((c) => ({ key: `c-${c.id}`, name: c.name, to: conditionPath(c.id) })),
  ];
  if (links.length === 0) return null;
  const shown = links.slice(0, MAX_LINKS);
  const more = links.length - shown.length;
  return (
    <Text size={size} c="gray.7" lh={1.5}>
      <Text span size={size} fw={600}>
        In the library:
      </Text>{' '}
      {shown.map((link, index) => (
        <span key={link.key}>
          {index > 0 && ' · '}
          <Anchor component={Link} to={link.to} size={size} c="palpa.8">
            {link.name}
          </Anchor>
        </span>
      ))}
      {more > 0 && (
        <>
          {' · '}
          <Anchor
            component={Link}
            to={shown[0]!.to}
            size={size}
            c="palpa.8"
            aria-label={`${more} more library pages; open ${shown[0]!.name}`}
          >
            +{more} more
          </Anchor>
        </>
      )}
    </Text>
  );
}
