import { Grid, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

const FORMAT = 'HH:mm';
const toDayjs = (value: string | null | undefined): Dayjs | null => (value ? dayjs(`2000-01-01T${value}:00`) : null);

/** A time of day held as "HH:mm", picked in five-minute steps. */
export default function TimeField({
  id,
  value,
  onChange,
  allowClear = false,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  allowClear?: boolean;
}) {
  // A phone picks from the panel; a keyboard types faster on a desktop.
  const phone = Grid.useBreakpoint().md !== true;
  return (
    <TimePicker
      id={id}
      value={toDayjs(value)}
      format={FORMAT}
      minuteStep={5}
      needConfirm={false}
      showNow={false}
      inputReadOnly={phone}
      allowClear={allowClear}
      onChange={(time: Dayjs | null) => onChange?.(time ? time.format(FORMAT) : null)}
      style={{ width: '100%' }}
    />
  );
}
