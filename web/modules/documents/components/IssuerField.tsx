import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { DOCUMENT_LIMITS } from '../../../../common/documents';
import type { IssuerSuggestion } from '../../../../common/schemas/documents';
import { api } from '../../../app/api/client';
import { tdoc } from '../documents.i18n';

const SOURCES: IssuerSuggestion['source'][] = ['seen', 'directory', 'outside'];

/**
 * The issuing body, picked from what the office knows (the directory, outside organizations,
 * issuers registered before) or typed as it stands on the paper. Suggestions match without
 * diacritics; choosing a directory organization keeps its id with the name.
 */
export default function IssuerField({
  value,
  onChange,
  onOrganization,
  id,
}: {
  value?: string;
  onChange?: (value: string) => void;
  onOrganization: (organizationId: string | null) => void;
  id?: string;
}) {
  const [typed, setTyped] = useState(value ?? '');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const suggestions = useQuery({
    queryKey: ['documents', 'issuers', query],
    queryFn: ({ signal }) =>
      api.get<{ items: IssuerSuggestion[] }>('/api/documents/issuers', { query: { q: query }, signal }),
    staleTime: 60_000,
  });
  const items = suggestions.data?.items ?? [];
  const options = SOURCES.map((source) => ({
    label: <Typography.Text type="secondary">{tdoc.form.issuerSources[source]}</Typography.Text>,
    options: items
      .filter((s) => s.source === source)
      .map((s) => ({ value: s.name, label: s.name, organizationId: s.organizationId })),
  })).filter((group) => group.options.length > 0);

  return (
    <AutoComplete
      id={id}
      value={value}
      options={options}
      onSearch={(text) => {
        setTyped(text);
        onOrganization(null);
      }}
      onChange={(text: string) => onChange?.(text)}
      onSelect={(_, option) => onOrganization((option as { organizationId?: string | null }).organizationId ?? null)}
      maxLength={DOCUMENT_LIMITS.issuerName}
      placeholder={tdoc.form.issuerPlaceholder}
      popupMatchSelectWidth
      className="vp-issuer"
    />
  );
}
