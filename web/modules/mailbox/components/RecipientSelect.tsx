import { Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MailRecipientWrite } from '../../../../common/schemas/mail';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { useRecipientSearch } from '../api/mailbox.api';
import { tmail } from '../mailbox.i18n';

/** A picked recipient as the select holds it: `mailbox:<id>`, `group:<id>`, or an address typed in. */
export interface Pick {
  value: string;
  label: string;
}

export function toWrite(picks: Pick[] | undefined): MailRecipientWrite[] {
  return (picks ?? []).map((p) => {
    if (p.value.startsWith('mailbox:')) return { kind: 'mailbox', id: p.value.slice(8) };
    if (p.value.startsWith('group:')) return { kind: 'group', id: p.value.slice(6) };
    if (p.value.startsWith('person:')) return { kind: 'person', id: p.value.slice(7) };
    if (p.value.startsWith('organization:')) return { kind: 'organization', id: p.value.slice(13) };
    return { kind: 'address', address: p.value.trim() };
  });
}

/** Picks for an address as shown on a message: written back as the address itself. */
export const addressPick = (p: { address: string; name: string | null }): Pick => ({
  value: p.address,
  label: p.name ? `${p.name} <${p.address}>` : p.address,
});

const KIND_COLORS: Record<string, string> = { organization: 'red', person: 'blue', user: 'blue', group: 'gold' };

/** People, organizations and groups found as one types, with or without diacritics; any other address typed in whole. */
export default function RecipientSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: Pick[];
  onChange?: (value: Pick[]) => void;
}) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 250);
  const found = useRecipientSearch(q);
  const options = (found.data ?? []).map((o) => ({
    value: `${o.kind}:${o.id}`,
    label: o.kind === 'group' ? `Nhóm: ${o.name}` : `${o.name} <${o.address}>`,
    kind: o.kind === 'group' ? 'group' : o.detail,
    name: o.name,
    address: o.address,
  }));
  return (
    <Select<Pick[]>
      id={id}
      mode="tags"
      labelInValue
      value={value}
      onChange={(next) => onChange?.(next.map((p) => ({ value: String(p.value), label: String(p.label ?? p.value) })))}
      onSearch={setSearch}
      filterOption={false}
      tokenSeparators={[',', ';']}
      placeholder={tmail.recipientsHint}
      notFoundContent={null}
      options={options}
      optionRender={(option) => {
        const o = option.data as (typeof options)[number];
        return (
          <span>
            <Tag color={KIND_COLORS[o.kind] ?? 'default'} style={{ marginRight: 6 }}>
              {o.kind === 'group' ? 'Nhóm' : o.kind === 'organization' ? 'Cơ quan' : 'Cá nhân'}
            </Tag>
            {o.name} {o.address ? <Typography.Text type="secondary">{o.address}</Typography.Text> : null}
          </span>
        );
      }}
      style={{ width: '100%' }}
    />
  );
}
