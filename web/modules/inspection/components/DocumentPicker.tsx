import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { DocumentSummary } from '../../../../common/schemas/documents';
import { api } from '../../../app/api/client';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';

/** Finds the documents one may read, incoming and outgoing, by number or words (with or without diacritics). */
export default function DocumentPicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
}) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['inspection-document-search', q],
    enabled: q.length >= 2,
    queryFn: async ({ signal }) => {
      const lists = await Promise.all(
        (['incoming', 'outgoing'] as const).map((direction) =>
          api
            .get<{ items: DocumentSummary[] }>('/api/documents', { query: { direction, q, pageSize: 10 }, signal })
            .then((r) => r.items)
            .catch(() => [] as DocumentSummary[]),
        ),
      );
      return lists.flat();
    },
  });
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      onSearch={setSearch}
      filterOption={false}
      loading={found.isFetching}
      placeholder="Gõ số, ký hiệu hoặc trích yếu văn bản"
      notFoundContent={q.length >= 2 && !found.isFetching ? 'Không tìm thấy văn bản nào' : null}
      options={(found.data ?? []).map((d) => ({
        value: d.id,
        label: `${d.direction === 'incoming' ? 'Đến' : 'Đi'} · ${d.numberText ?? 'chưa số'} — ${d.summary}`,
      }))}
      style={{ width: '100%' }}
    />
  );
}
