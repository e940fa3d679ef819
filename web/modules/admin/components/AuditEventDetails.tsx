import { Descriptions, Typography } from 'antd';
import { t } from '../../../app/i18n';
import type { AuditEvent } from '../api/audit.api';

/** The expanded row of the audit table: everything the row itself has no room for. */
export default function AuditEventDetails({ event }: { event: AuditEvent }) {
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'seq', label: t.admin.audit.seq, children: event.seq },
        {
          key: 'code',
          label: t.admin.audit.code,
          children: <Typography.Text code>{`${event.action} · ${event.entityType}`}</Typography.Text>,
        },
        { key: 'id', label: t.admin.audit.id, children: <Typography.Text code>{event.id}</Typography.Text> },
        { key: 'ip', label: t.admin.audit.ip, children: event.ip ?? t.common.none },
        {
          key: 'userAgent',
          label: t.admin.audit.userAgent,
          children: <span style={{ wordBreak: 'break-all' }}>{event.userAgent ?? t.common.none}</span>,
        },
        {
          key: 'data',
          label: t.admin.audit.data,
          children:
            event.data === null ? (
              <Typography.Text type="secondary">{t.admin.audit.noData}</Typography.Text>
            ) : (
              <pre className="vp-json">{JSON.stringify(event.data, null, 2)}</pre>
            ),
        },
      ]}
    />
  );
}
