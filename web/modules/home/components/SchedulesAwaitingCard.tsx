import { CalendarOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import Panel from '../../../app/components/Panel';
import { useSchedulesAwaiting } from '../../schedule/api/schedule.api';
import { tsch } from '../../schedule/schedule.i18n';

/** For a leader: each week's schedule submitted to them, a tile that opens it where it is approved; nothing when none waits. */
export default function SchedulesAwaitingCard() {
  const awaiting = useSchedulesAwaiting();
  const items = awaiting.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Panel title={tsch.awaiting.title(items.length)} className="vp-home-schedules">
      <div className="vp-tiles" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))' }}>
        {items.map((s) => (
          <Link key={s.id} to={`/schedule/${encodeURIComponent(s.id)}`} data-awaiting-schedule={s.id}>
            <div className="vp-tile" style={{ borderColor: '#d48806' }}>
              <strong>
                <CalendarOutlined /> {s.ownerLabel}
              </strong>
              <br />
              <span className="vp-muted" style={{ fontSize: 13 }}>
                {s.weekLabel} · {tsch.awaiting.tag}
              </span>
            </div>
          </Link>
        ))}
      </div>
    </Panel>
  );
}
