import { CalendarOutlined } from '@ant-design/icons';
import type { DatePicker, DatePickerProps, GetProps } from 'antd';
import { Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { type KeyboardEvent, useState } from 'react';

type RangePickerProps = GetProps<typeof DatePicker.RangePicker>;
type Pickers = typeof import('./RealDatePickers');

let loaded: Pickers | null = null;
let loading: Promise<Pickers> | null = null;

/** Fetches the real pickers once for the whole app; every lazy field shares the same promise. */
function loadPickers(): Promise<Pickers> {
  loading ??= import('./RealDatePickers').then((pickers) => {
    loaded = pickers;
    return pickers;
  });
  return loading;
}

/** Keys that mean "open the calendar" on a field that cannot be typed into yet. */
const OPENING_KEYS = new Set(['Enter', ' ', 'ArrowDown', 'ArrowUp']);

/**
 * The real picker once its code is here; before that, a read-only field of the same size showing
 * the same text. Focus, a click or a key fetches the real one, which takes the focus and opens.
 */
function useRealPicker() {
  const [pickers, setPickers] = useState<Pickers | null>(loaded);
  const [activated, setActivated] = useState(false);
  const activate = () => {
    if (activated) return;
    setActivated(true);
    void loadPickers().then(setPickers);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (OPENING_KEYS.has(event.key)) event.preventDefault();
    activate();
  };
  return { pickers, activated, lookAlikeHandlers: { onFocus: activate, onClick: activate, onKeyDown } };
}

function formatDay(value: Dayjs | null | undefined, format: DatePickerProps['format']): string {
  if (!value) return '';
  if (typeof format === 'function') return format(value);
  if (typeof format === 'string') return value.format(format);
  return value.format('DD/MM/YYYY');
}

/** antd's DatePicker, with its code fetched on first use. Same props. */
export function LazyDatePicker(props: DatePickerProps<Dayjs, false>) {
  const { pickers, activated, lookAlikeHandlers } = useRealPicker();
  if (pickers) {
    const Real = pickers.RealDatePicker;
    return <Real {...props} autoFocus={props.autoFocus ?? activated} defaultOpen={activated} />;
  }
  const value = props.value as Dayjs | null | undefined;
  return (
    <Input
      readOnly
      id={props.id}
      aria-label={props['aria-label']}
      aria-haspopup="dialog"
      className="vp-lazy-picker"
      disabled={props.disabled}
      placeholder={typeof props.placeholder === 'string' ? props.placeholder : undefined}
      value={formatDay(value, props.format)}
      suffix={<CalendarOutlined style={{ color: 'rgba(0, 0, 0, 0.25)' }} />}
      style={props.style}
      {...lookAlikeHandlers}
    />
  );
}

/** antd's RangePicker, with its code fetched on first use. Same props. */
export function LazyRangePicker(props: RangePickerProps) {
  const { pickers, activated, lookAlikeHandlers } = useRealPicker();
  if (pickers) {
    const Real = pickers.RealRangePicker;
    return <Real {...props} autoFocus={props.autoFocus ?? activated} defaultOpen={activated} />;
  }
  const [from, to] = (props.value ?? [null, null]) as [Dayjs | null | undefined, Dayjs | null | undefined];
  const format = typeof props.format === 'string' ? props.format : 'DD/MM/YYYY';
  const [fromHint, toHint] = Array.isArray(props.placeholder) ? props.placeholder : ['Ngày bắt đầu', 'Ngày kết thúc'];
  return (
    <Input
      readOnly
      id={typeof props.id === 'string' ? props.id : props.id?.start}
      aria-label={props['aria-label']}
      aria-haspopup="dialog"
      className="vp-lazy-picker"
      disabled={props.disabled === true}
      placeholder={`${fromHint} → ${toHint}`}
      value={from || to ? `${from ? from.format(format) : ''} → ${to ? to.format(format) : ''}` : ''}
      suffix={<CalendarOutlined style={{ color: 'rgba(0, 0, 0, 0.25)' }} />}
      style={props.style}
      {...lookAlikeHandlers}
    />
  );
}
