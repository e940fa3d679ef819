import { Select, Spin } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { useOrganizationSearch } from '../api/directory.api';
import { td } from '../directory.i18n';

export interface KnownOrganization {
  id: string;
  name: string;
}

/**
 * One organization, found by typing part of its name (with or without diacritics), code or
 * abbreviation. `known` labels values already set that the current search may not return.
 */
export default function OrganizationPicker({
  id,
  value,
  onChange,
  known = [],
  placeholder = td.people.filterOrganization,
  allowClear = false,
  exclude,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null, organization: KnownOrganization | null) => void;
  known?: KnownOrganization[];
  placeholder?: string;
  allowClear?: boolean;
  /** An organization that may not be chosen (itself, when choosing a new parent). */
  exclude?: string;
}) {
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 300);
  const organizations = useOrganizationSearch(query);
  const labels = new Map<string, string>();
  for (const o of known) labels.set(o.id, o.name);
  for (const o of organizations.data?.items ?? []) {
    if (o.id !== exclude) labels.set(o.id, `${o.name} (${o.abbreviation})`);
  }
  return (
    <Select
      id={id}
      value={value ?? undefined}
      allowClear={allowClear}
      placeholder={placeholder}
      aria-label={placeholder}
      onChange={(next: string | undefined) => {
        const chosen = next ? { id: next, name: labels.get(next) ?? next } : null;
        onChange?.(next ?? null, chosen);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      options={[...labels.entries()].map(([optionValue, label]) => ({ value: optionValue, label }))}
      notFoundContent={
        organizations.isFetching ? (
          <Spin size="small" />
        ) : organizations.isError ? (
          errorMessage(organizations.error)
        ) : (
          td.groups.searchNothing
        )
      }
      popupMatchSelectWidth={false}
      style={{ width: '100%', minWidth: 0 }}
    />
  );
}
