import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { useDirectorySearch } from '../api/inspection.api';

/** A person or an organization of the directory, found by typing part of the name. */
export default function DirectorySelect({
  kind,
  value,
  onChange,
  id,
  placeholder,
}: {
  kind: 'people' | 'organizations';
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
}) {
  const [search, setSearch] = useState('');
  const [labels, setLabels] = useState(new Map<string, string>());
  const q = useDebouncedValue(search);
  const found = useDirectorySearch(kind, q);
  const options = (found.data?.items ?? []).map((item) => ({
    value: item.id,
    label: item.fullName ? `${item.fullName}${item.position ? ` — ${item.position}` : ''}` : (item.name ?? item.id),
  }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: labels.get(value) ?? value });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      allowClear
      value={value}
      placeholder={placeholder ?? 'Gõ ít nhất 2 chữ để tìm'}
      loading={found.isFetching}
      notFoundContent={null}
      options={options}
      onChange={(v: string | undefined, option) => {
        if (v && option && !Array.isArray(option)) setLabels(new Map(labels).set(v, String(option.label)));
        onChange?.(v);
      }}
      style={{ width: '100%' }}
    />
  );
}
