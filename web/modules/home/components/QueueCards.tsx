import { Empty, Skeleton } from 'antd';
import { Link } from 'react-router-dom';
import type { QueueCounts } from '../../../../common/schemas/documents';
import Panel from '../../../app/components/Panel';
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
    <Panel
      title={t.home.queueTitle}
      extra={<Link to="/documents/queue">{t.home.queueAll}</Link>}
      className="vp-home-queue"
    >
      {counts === undefined ? (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      ) : waiting.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.home.queueEmpty} style={{ margin: 0 }} />
      ) : (
        <div className="vp-tiles">
          {waiting.map((key) => (
            <Link key={key} to={linkOf(key)} data-queue={key}>
              <div className="vp-tile" style={{ borderColor: COLORS[key] }}>
                <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.2, color: COLORS[key] ?? '#1677ff' }}>
                  {counts[key].toLocaleString('vi-VN')}
                </div>
                <span className="vp-muted" style={{ fontSize: 13 }}>
                  {tdoc.queue[key]}
                </span>
              </div>
            </Link>
          ))}
        </div>
      )}
    </Panel>
  );
}
