import { DatePicker, Flex, Grid, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

const DATE = 'DD/MM/YYYY';
const TIME = 'HH:mm';

/**
 * A day and a time of day, Vietnamese format. A wide screen has one picker; a phone has
 * two side by side (day, then time), because the combined panel is wider than the phone.
 */
export default function DateTimeField({
  id,
  value,
  onChange,
  placeholder,
}: {
  id?: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  placeholder?: string;
}) {
  const screens = Grid.useBreakpoint();
  if (screens.sm === true) {
    return (
      <DatePicker
        id={id}
        value={value}
        onChange={(next: Dayjs | null) => onChange?.(next)}
        showTime={{ format: TIME, minuteStep: 5 }}
        format={`${DATE} ${TIME}`}
        placeholder={placeholder}
        style={{ width: '100%' }}
      />
    );
  }
  return (
    <Flex gap={8}>
      <DatePicker
        id={id}
        value={value}
        inputReadOnly
        format={DATE}
        onChange={(day: Dayjs | null) => {
          if (!day) return onChange?.(null);
          const time = value ?? dayjs().hour(8).minute(0);
          onChange?.(day.hour(time.hour()).minute(time.minute()).second(0));
        }}
        style={{ flex: '1 1 60%' }}
      />
      <TimePicker
        value={value}
        inputReadOnly
        format={TIME}
        minuteStep={5}
        needConfirm={false}
        showNow={false}
        onChange={(time: Dayjs | null) => {
          if (!time) return;
          const day = value ?? dayjs();
          onChange?.(day.hour(time.hour()).minute(time.minute()).second(0));
        }}
        style={{ flex: '1 1 40%' }}
      />
    </Flex>
  );
}
