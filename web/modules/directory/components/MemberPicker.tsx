import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { reachOf, useOrganizationSearch, usePeople } from '../api/directory.api';
import { td } from '../directory.i18n';
import OutsideTag from './OutsideTag';

export interface GroupMemberChoice {
  kind: 'person' | 'organization';
  id: string;
  name: string;
  /** An organization outside the deployment: documents reach it through the exchange. */
  outside?: boolean;
}

/** Adds a person or a whole organization to a group, both found by typing on the server. */
export default function MemberPicker({
  onPick,
  exclude,
}: {
  onPick: (member: GroupMemberChoice) => void;
  /** Keys (`person:id`, `organization:id`) already in the group. */
  exclude: Set<string>;
}) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const people = usePeople({ q, page: 1, pageSize: 10 }, q !== '');
  const organizations = useOrganizationSearch(q, q !== '');
  const choices = new Map<string, GroupMemberChoice>();
  const personOptions = (q ? (people.data?.items ?? []) : []).flatMap((p) => {
    const key = `person:${p.id}`;
    if (exclude.has(key)) return [];
    choices.set(key, { kind: 'person', id: p.id, name: p.fullName });
    return [{ value: key, label: p.position ? `${p.fullName} — ${p.position}` : p.fullName }];
  });
  const organizationOptions = (q ? (organizations.data?.items ?? []) : []).flatMap((o) => {
    const key = `organization:${o.id}`;
    if (exclude.has(key)) return [];
    const outside = reachOf(o) !== 'inside';
    choices.set(key, { kind: 'organization', id: o.id, name: o.name, ...(outside ? { outside } : {}) });
    const text = `${o.name} (${o.abbreviation})`;
    return [
      {
        value: key,
        title: text,
        label: outside ? (
          <>
            {text} <OutsideTag />
          </>
        ) : (
          text
        ),
      },
    ];
  });
  const fetching = people.isFetching || organizations.isFetching;

  return (
    <Select<string>
      value={null}
      placeholder={td.groups.addMemberPlaceholder}
      aria-label={td.groups.addMember}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onSelect={(key: string) => {
        const choice = choices.get(key);
        if (choice) onPick(choice);
      }}
      options={[
        ...(personOptions.length > 0 ? [{ label: td.groups.person, options: personOptions }] : []),
        ...(organizationOptions.length > 0 ? [{ label: td.groups.organization, options: organizationOptions }] : []),
      ]}
      notFoundContent={fetching ? <Spin size="small" /> : q ? td.groups.searchNothing : null}
      style={{ width: '100%' }}
    />
  );
}
