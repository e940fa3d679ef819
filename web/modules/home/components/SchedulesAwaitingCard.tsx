import { CalendarOutlined } from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useSchedulesAwaiting } from '../../schedule/api/schedule.api';
import { tsch } from '../../schedule/schedule.i18n';

/** For a leader: each week's schedule submitted to them, a tile that opens it where it is approved; nothing when none waits. */
export default function SchedulesAwaitingCard() {
  const awaiting = useSchedulesAwaiting();
  const items = awaiting.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={tsch.awaiting.title(items.length)} className="vp-home-schedules">
      <Row gutter={[12, 12]}>
        {items.map((s) => (
          <Col key={s.id} xs={24} sm={12} lg={8}>
            <Link to={`/schedule/${encodeURIComponent(s.id)}`} data-awaiting-schedule={s.id}>
              <Card hoverable size="small" style={{ height: '100%', borderColor: '#d48806' }}>
                <Typography.Text strong>
                  <CalendarOutlined /> {s.ownerLabel}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {s.weekLabel} · {tsch.awaiting.tag}
                </Typography.Text>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
