import { Select, Spin } from 'antd';
import { useState } from 'react';
import type { DocumentLink } from '../../../../common/schemas/documents';
import { errorMessage } from '../../../app/api/client';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { useReplaceableDocuments } from '../api/documents.api';
import { tdoc } from '../documents.i18n';

/**
 * The earlier outgoing document a draft replaces: searched among the organization's
 * dispatched ones by number or words, shown as "Số … — trích yếu", cleared with the cross.
 * `known` names the one a draft being edited already replaces, which a search may not return.
 */
export default function ReplacesField({
  id,
  value,
  onChange,
  organizationId,
  known,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  organizationId: string | undefined;
  known?: DocumentLink | null;
}) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  // Most drafts replace nothing: the list is asked for only once the field is opened.
  const [opened, setOpened] = useState(false);
  const found = useReplaceableDocuments(organizationId, q, opened);
  // The label of the one picked stays, whatever the search shows afterwards.
  const [picked, setPicked] = useState<Map<string, string>>(
    () => new Map(known ? [[known.documentId, tdoc.doc.numberAndSummary(known.numberText, known.summary)]] : []),
  );

  const options = new Map(picked);
  for (const d of found.data?.items ?? []) {
    if (d.organizationId === organizationId) options.set(d.id, tdoc.doc.numberAndSummary(d.numberText, d.summary));
  }

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => {
        if (next) setPicked(new Map([[next, options.get(next) ?? next]]));
        onChange?.(next ?? null);
      }}
      allowClear
      disabled={organizationId === undefined}
      placeholder={organizationId ? tdoc.form.replacesPlaceholder : tdoc.form.replacesPickOrganization}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={(open) => {
        if (open) setOpened(true);
        else setSearch('');
      }}
      options={[...options.entries()].map(([optionValue, label]) => ({ value: optionValue, label }))}
      // A phone is narrow: long summaries wrap in the list rather than being cut.
      optionRender={(option) => <span style={{ whiteSpace: 'normal' }}>{option.label}</span>}
      notFoundContent={
        found.isFetching ? (
          <Spin size="small" />
        ) : found.isError ? (
          errorMessage(found.error)
        ) : (
          tdoc.form.replacesNotFound
        )
      }
      loading={found.isFetching}
      style={{ width: '100%', minWidth: 0 }}
    />
  );
}
