import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { addDays, isoWeekNumber, mondayOf } from '../../../../common/time/calendar';
import { LazyDatePicker } from '../../../app/components/LazyDatePicker';
import { vietnamToday } from '../../../app/format';
import { tsch } from '../schedule.i18n';
import { weekRange } from '../week';

const tw = tsch.week;

/** Previous and next week, this week, and any week from a picker. */
export default function WeekNavigator({
  week,
  onChange,
  extra,
}: {
  week: string;
  onChange: (week: string) => void;
  /** Shown after "this week", wrapping with it on a phone (the list or calendar switch). */
  extra?: ReactNode;
}) {
  const thisWeek = mondayOf(vietnamToday());
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <Flex gap={4}>
        <Button
          icon={<LeftOutlined />}
          aria-label={tw.previous}
          title={tw.previous}
          onClick={() => onChange(addDays(week, -7))}
        />
        <LazyDatePicker
          picker="week"
          aria-label={tw.pick}
          allowClear={false}
          inputReadOnly
          value={dayjs(week)}
          format={(value) =>
            tw.label(isoWeekNumber(value.format('YYYY-MM-DD')), weekRange(mondayOf(value.format('YYYY-MM-DD'))))
          }
          onChange={(value) => {
            if (value) onChange(mondayOf(value.format('YYYY-MM-DD')));
          }}
          style={{ width: 'min(250px, calc(100vw - 104px))' }}
        />
        <Button
          icon={<RightOutlined />}
          aria-label={tw.next}
          title={tw.next}
          onClick={() => onChange(addDays(week, 7))}
        />
      </Flex>
      <Flex gap={8} align="center" justify="space-between" style={{ flex: '1 1 auto' }}>
        <Button disabled={week === thisWeek} onClick={() => onChange(thisWeek)}>
          {tw.current}
        </Button>
        {extra}
      </Flex>
    </Flex>
  );
}
