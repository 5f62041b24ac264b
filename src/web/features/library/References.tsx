import { Anchor, List, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import type { LibraryCondition } from '../../api/library.js';

type Reference = LibraryCondition['references'][number];

/** A numbered reference list: title (a link when the address was confirmed), source and year. */
export function References({ references }: { references: readonly Reference[] }) {
  return (
    <List type="ordered" spacing="sm" size="sm">
      {references.map((r) => (
        <List.Item key={`${r.title}-${r.source}`}>
          {r.url ? (
            <Anchor href={r.url} target="_blank" rel="noopener noreferrer" size="sm" fw={600}>
              {r.title}
              <IconExternalLink
                size={13}
                aria-label="(opens in a new tab)"
                style={{ marginLeft: 4, verticalAlign: '-2px' }}
              />
            </Anchor>
          ) : (
            <Text span size="sm" fw={600}>
              {r.title}
            </Text>
          )}
          <Text size="sm" c="gray.7">
            {r.source}
            {r.year ? `, ${r.year}` : ''}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
