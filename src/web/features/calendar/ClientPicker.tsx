/** A client chooser that searches on the server as the user types (the booking dialog and the waitlist). */
import { useMemo, useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { searchClients } from '../../api/clients.js';

export function ClientPicker(props: {
  value: string | null;
  onChange: (clientId: string | null, name: string | null) => void;
  error?: string | undefined;
  label?: string;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const clients = useQuery({
    queryKey: ['clients', 'picker-search', debounced],
    queryFn: ({ signal }) => searchClients({ q: debounced, limit: 10 }, signal),
    enabled: debounced.trim().length >= 2 && debounced !== chosen?.label,
  });
  const options = useMemo(() => {
    const found = (clients.data?.items ?? []).map((c) => ({
      value: c.id,
      label: `${c.preferredName ?? c.givenName} ${c.familyName}`,
    }));
    if (chosen && !found.some((f) => f.value === chosen.value)) found.unshift(chosen);
    return found;
  }, [clients.data, chosen]);
  return (
    <Select
      label={props.label ?? 'Client'}
      placeholder="Type a name to search"
      required
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options}
      value={props.value}
      onChange={(value, option) => {
        setChosen(value && option ? { value, label: option.label } : null);
        props.onChange(value, option?.label ?? null);
      }}
      nothingFoundMessage={
        debounced.trim().length < 2
          ? 'Type at least two letters'
          : clients.isFetching
            ? 'Searching…'
            : 'No client found'
      }
      error={props.error}
    />
  );
}
