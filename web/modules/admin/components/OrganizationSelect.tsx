import { Select, Spin } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { t } from '../../../app/i18n';
import { useOrganizationSearch } from '../api/organizations.api';

export interface KnownOrganization {
  id: string;
  name: string;
}

/**
 * Picks one organization by searching on the server. `known` gives labels for values
 * already set (an existing grant) that the current search may not return.
 */
export default function OrganizationSelect({
  value,
  onChange,
  known = [],
  id,
}: {
  value?: string;
  onChange?: (value: string) => void;
  known?: KnownOrganization[];
  id?: string;
}) {
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 300);
  const organizations = useOrganizationSearch(query);

  const options = new Map<string, string>();
  for (const organization of known) options.set(organization.id, organization.name);
  for (const organization of organizations.data?.items ?? []) {
    options.set(organization.id, `${organization.name} (${organization.abbreviation})`);
  }

  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      placeholder={t.admin.users.organizationPlaceholder}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      options={[...options.entries()].map(([optionValue, label]) => ({ value: optionValue, label }))}
      notFoundContent={
        organizations.isFetching ? (
          <Spin size="small" />
        ) : organizations.isError ? (
          errorMessage(organizations.error)
        ) : (
          t.admin.users.organizationNotFound
        )
      }
      loading={organizations.isFetching}
      popupMatchSelectWidth={false}
      style={{ width: '100%', minWidth: 0 }}
    />
  );
}
