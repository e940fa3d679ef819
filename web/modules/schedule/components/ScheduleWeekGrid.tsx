import { Tag, Typography } from 'antd';
import type { Schedule, ScheduleItem } from '../../../../common/schemas/schedules';
import { weekDays } from '../../../../common/time/calendar';
import { vietnamToday } from '../../../app/format';
import { tsch } from '../schedule.i18n';
import { dayHeading, dayShort, timeRange } from '../week';
import { ChangeNote, ItemTags, itemClass, itemsByDay } from './ItemMarks';
import './schedule.css';

function Labelled({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div className="vp-sched-struck">
      <Typography.Text type="secondary" style={{ fontSize: 'inherit' }}>
        {label}:
      </Typography.Text>{' '}
      {value}
    </div>
  );
}

function GridItem({ item }: { item: ScheduleItem }) {
  return (
    <div className={`vp-week-item ${itemClass(item)}`}>
      <div>
        <strong className="vp-sched-struck">{timeRange(item.startTime, item.endTime)}</strong> <ItemTags item={item} />
      </div>
      <div className="vp-sched-struck">{item.content}</div>
      <Labelled label={tsch.col.lead} value={item.leadText} />
      <Labelled label={tsch.col.place} value={item.place} />
      <ChangeNote item={item} fontSize="inherit" />
    </div>
  );
}

/** The week as seven columns; below a laptop's width, one day under the other. */
export default function ScheduleWeekGrid({ schedule }: { schedule: Pick<Schedule, 'weekStart' | 'items'> }) {
  const byDay = itemsByDay(schedule.items);
  const today = vietnamToday();
  return (
    <div className="vp-week-grid">
      {weekDays(schedule.weekStart).map((day) => (
        <section key={day} className={`vp-week-day${day === today ? ' vp-today' : ''}`} aria-label={dayHeading(day)}>
          <header>
            <span>{dayShort(day)}</span>
            {day === today ? (
              <Tag color="red" className="vp-today-tag" style={{ marginInlineEnd: 0 }}>
                {tsch.today}
              </Tag>
            ) : null}
          </header>
          <div className="vp-week-items">
            {(byDay.get(day) ?? []).map((item) => (
              <GridItem key={item.id} item={item} />
            ))}
            {byDay.has(day) ? null : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {tsch.noItemsDay}
              </Typography.Text>
            )}
          </div>
        </section>
      ))}
    </div>
  );
}
