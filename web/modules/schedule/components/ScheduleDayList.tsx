import { Flex, Grid, Tag, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import type { Schedule, ScheduleItem } from '../../../../common/schemas/schedules';
import { weekDays } from '../../../../common/time/calendar';
import { vietnamToday } from '../../../app/format';
import { t } from '../../../app/i18n';
import { tsch } from '../schedule.i18n';
import { dayHeading, timeRange } from '../week';
import { ChangeNote, ItemTags, itemClass, itemsByDay } from './ItemMarks';
import './schedule.css';

const c = tsch.col;

interface Props {
  schedule: Pick<Schedule, 'weekStart' | 'items'>;
  /** Buttons beside each item (the editor's edit and cancel). */
  itemActions?: (item: ScheduleItem) => ReactNode;
  /** Something beside each day's heading (the editor's "add"). */
  dayExtra?: (day: string) => ReactNode;
  /** Days without items are left out, as on paper; the editor shows every day. */
  showEmptyDays?: boolean;
}

const text = (value: string | null) => value ?? '';

function DayTitle({ day, extra }: { day: string; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <span>
        {dayHeading(day)}
        {day === vietnamToday() ? (
          <Tag color="red" style={{ marginInlineStart: 8 }}>
            {tsch.today}
          </Tag>
        ) : null}
      </span>
      {extra}
    </Flex>
  );
}

/**
 * The week day by day, with the columns of the printed Vietnamese weekly schedule: time,
 * content, who chairs, who attends, where, who prepares. On a phone each item is a block.
 */
export default function ScheduleDayList({ schedule, itemActions, dayExtra, showEmptyDays = true }: Props) {
  const wide = Grid.useBreakpoint().lg === true;
  const byDay = itemsByDay(schedule.items);
  const days = weekDays(schedule.weekStart).filter((d) => showEmptyDays || byDay.has(d));
  if (days.length === 0) {
    return <Typography.Paragraph type="secondary">{tsch.noItems}</Typography.Paragraph>;
  }

  if (!wide) {
    return (
      <div>
        {days.map((day) => (
          <section key={day} className="vp-sched-mobile-day" aria-label={dayHeading(day)}>
            <header>
              <DayTitle day={day} extra={dayExtra?.(day)} />
            </header>
            {(byDay.get(day) ?? []).map((item) => (
              <MobileItem key={item.id} item={item} actions={itemActions?.(item)} />
            ))}
            {byDay.has(day) ? null : (
              <Typography.Text type="secondary" style={{ display: 'block', padding: '8px 12px' }}>
                {tsch.noItemsDay}
              </Typography.Text>
            )}
          </section>
        ))}
      </div>
    );
  }

  const columns = itemActions ? 7 : 6;
  return (
    <table className="vp-sched">
      <thead>
        <tr>
          <th style={{ width: 110 }}>{c.time}</th>
          <th>{c.content}</th>
          <th style={{ width: '14%' }}>{c.lead}</th>
          <th style={{ width: '18%' }}>{c.attendees}</th>
          <th style={{ width: '14%' }}>{c.place}</th>
          <th style={{ width: '12%' }}>{c.preparers}</th>
          {itemActions ? <th style={{ width: 150 }}>{t.common.actions}</th> : null}
        </tr>
      </thead>
      <tbody>
        {days.map((day) => (
          <Fragment key={day}>
            <tr className="vp-sched-day">
              <td colSpan={columns}>
                <DayTitle day={day} extra={dayExtra?.(day)} />
              </td>
            </tr>
            {(byDay.get(day) ?? []).map((item) => (
              <tr key={item.id} className={itemClass(item)}>
                <td style={{ whiteSpace: 'nowrap' }}>
                  <span className="vp-sched-struck">{timeRange(item.startTime, item.endTime)}</span>
                </td>
                <td>
                  <span className="vp-sched-struck" style={{ whiteSpace: 'pre-line' }}>
                    {item.content}
                  </span>{' '}
                  <ItemTags item={item} />
                  <ChangeNote item={item} />
                </td>
                <td className="vp-sched-struck">{text(item.leadText)}</td>
                <td className="vp-sched-struck" style={{ whiteSpace: 'pre-line' }}>
                  {text(item.attendeesText)}
                </td>
                <td className="vp-sched-struck">{text(item.place)}</td>
                <td className="vp-sched-struck">{text(item.preparersText)}</td>
                {itemActions ? <td>{itemActions(item)}</td> : null}
              </tr>
            ))}
            {byDay.has(day) ? null : (
              <tr>
                <td colSpan={columns}>
                  <Typography.Text type="secondary">{tsch.noItemsDay}</Typography.Text>
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function Line({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div className="vp-sched-struck" style={{ fontSize: 13 }}>
      <Typography.Text type="secondary">{label}: </Typography.Text>
      <span style={{ whiteSpace: 'pre-line' }}>{value}</span>
    </div>
  );
}

function MobileItem({ item, actions }: { item: ScheduleItem; actions?: ReactNode }) {
  return (
    <div className={`vp-sched-mobile-item ${itemClass(item)}`}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong className="vp-sched-struck">
          {timeRange(item.startTime, item.endTime)}
        </Typography.Text>
        <ItemTags item={item} />
      </Flex>
      <div className="vp-sched-struck" style={{ whiteSpace: 'pre-line', margin: '2px 0 4px' }}>
        {item.content}
      </div>
      <ChangeNote item={item} />
      <Line label={c.lead} value={item.leadText} />
      <Line label={c.attendees} value={item.attendeesText} />
      <Line label={c.place} value={item.place} />
      <Line label={c.preparers} value={item.preparersText} />
      {actions ? <div style={{ marginTop: 8 }}>{actions}</div> : null}
    </div>
  );
}
