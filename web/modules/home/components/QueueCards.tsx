import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { QueueCounts } from '../../../../common/schemas/documents';
import { t } from '../../../app/i18n';
import { tdoc } from '../../documents/documents.i18n';

type CountKey = keyof QueueCounts;

/** Most pressing first; each card opens the queue of its kind (the inbox tab for deliveries). */
const ORDER: CountKey[] = [
  'overdue',
  'dueSoon',
  'toDirect',
  'extensionRequests',
  'toHandle',
  'toCoHandle',
  'toSign',
  'toIssue',
  'toReceive',
  'forInformation',
];
const COLORS: Partial<Record<CountKey, string>> = { overdue: '#cf1322', dueSoon: '#d48806' };

const linkOf = (key: CountKey) =>
  key === 'toReceive' ? '/incoming?tab=inbox' : `/documents/queue?kind=${encodeURIComponent(key)}`;

/** The person's waiting work on the home page: only the kinds that have something in them. */
export default function QueueCards({ counts }: { counts: QueueCounts | undefined }) {
  const waiting = ORDER.filter((key) => (counts?.[key] ?? 0) > 0);
  return (
    <Card
      title={t.home.queueTitle}
      extra={<Link to="/documents/queue">{t.home.queueAll}</Link>}
      className="vp-home-queue"
      styles={{ body: { paddingBottom: waiting.length > 0 ? 12 : undefined } }}
    >
      {counts === undefined ? (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      ) : waiting.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.home.queueEmpty} style={{ margin: 0 }} />
      ) : (
        <Row gutter={[12, 12]}>
          {waiting.map((key) => (
            <Col key={key} xs={12} sm={8} lg={6} xl={4}>
              <Link to={linkOf(key)} data-queue={key}>
                <Card hoverable size="small" style={{ height: '100%', borderColor: COLORS[key] }}>
                  <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.2, color: COLORS[key] ?? '#1677ff' }}>
                    {counts[key].toLocaleString('vi-VN')}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {tdoc.queue[key]}
                  </Typography.Text>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
