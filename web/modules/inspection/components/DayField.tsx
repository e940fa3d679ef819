import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { vietnamToday } from '../../../app/format';

/** A calendar day held as "YYYY-MM-DD" (what the server takes), shown and typed as dd/mm/yyyy. */
export default function DayField({
  value,
  onChange,
  id,
  placeholder,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
}) {
  return (
    <DatePicker
      id={id}
      format="DD/MM/YYYY"
      placeholder={placeholder ?? 'dd/mm/yyyy'}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      style={{ width: '100%' }}
    />
  );
}

export const todayDay = () => vietnamToday();
