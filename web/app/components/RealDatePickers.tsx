import { DatePicker } from 'antd';

/**
 * antd's date pickers (with dayjs and their calendar panels, about 100 KB): fetched only when a
 * person first uses a date field, through LazyDatePicker.
 */
export const RealDatePicker = DatePicker;
export const RealRangePicker = DatePicker.RangePicker;
