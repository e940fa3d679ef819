import { AutoComplete } from 'antd';
import { MEETING_LIMITS } from '../../../../common/meetings';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { usePeople } from '../../directory/api/directory.api';
import { tm } from '../meetings.i18n';

/**
 * A person's name, typed freely or picked from the directory while typing (a chair, a
 * presenter, a signer): the name is what the invitation prints.
 */
export default function PersonNameInput({
  id,
  value,
  onChange,
  onPickPosition,
  placeholder = tm.form.chairPlaceholder,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string) => void;
  /** Called with the chosen person's position, for a signer whose position fills in too. */
  onPickPosition?: (position: string | null) => void;
  placeholder?: string;
}) {
  const q = useDebouncedValue((value ?? '').trim(), 300);
  const people = usePeople({ q, page: 1, pageSize: 8 }, q.length >= 2);
  const items = q.length >= 2 ? (people.data?.items ?? []) : [];
  return (
    <AutoComplete
      id={id}
      value={value ?? ''}
      onChange={(next: string) => onChange?.(next)}
      onSelect={(_: string, option: { position?: string | null }) => onPickPosition?.(option.position ?? null)}
      options={items.map((p) => ({
        key: p.id,
        value: p.fullName,
        position: p.position,
        label: p.position ? `${p.fullName} — ${p.position}` : p.fullName,
      }))}
      placeholder={placeholder}
      maxLength={MEETING_LIMITS.name}
      allowClear
    />
  );
}
