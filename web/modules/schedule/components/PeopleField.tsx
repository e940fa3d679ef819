import { Select, Typography } from 'antd';
import { foldVietnamese as fold } from '../../../../common/text/fold';
import { errorMessage } from '../../../app/api/client';
import { personLabel, useSchedulePeople } from '../api/schedule.api';
import { tsch } from '../schedule.i18n';

/** The accounts an item goes to, for their phone calendars; searchable by name without accents too. */
export default function PeopleField({
  id,
  organizationId,
  value,
  onChange,
}: {
  id?: string;
  organizationId: string;
  value?: string[];
  onChange?: (value: string[]) => void;
}) {
  const people = useSchedulePeople(organizationId);
  const known = new Set((people.data?.people ?? []).map((p) => p.id));
  // Someone chosen earlier who is no longer listed stays chosen, shown by id, rather than dropped silently.
  const options = [
    ...(people.data?.people ?? []).map((p) => ({ value: p.id, label: personLabel(p), search: fold(personLabel(p)) })),
    ...(value ?? []).filter((v) => !known.has(v)).map((v) => ({ value: v, label: v, search: v })),
  ];
  return (
    <>
      <Select<string[]>
        id={id}
        mode="multiple"
        value={value}
        onChange={(next) => onChange?.(next)}
        loading={people.isLoading}
        placeholder={tsch.item.peoplePlaceholder}
        options={options}
        showSearch={{
          filterOption: (input, option) => (option?.search ?? '').includes(fold(input)),
        }}
        style={{ width: '100%' }}
      />
      {people.isError ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {errorMessage(people.error)}
        </Typography.Text>
      ) : null}
    </>
  );
}
