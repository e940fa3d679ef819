import { ArrowLeftOutlined, FileOutlined, FilePdfOutlined, WifiOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Layout, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { SavedPackage } from '../../../app/pwa/papers';
import { meetingTimeText } from '../meetingTime';
import OfflinePaperViewer, { type Paper } from './OfflinePaperViewer';
import OfflineReply from './OfflineReply';
import { formatSize, to } from './offline.i18n';
import { useOnline, useSavedPackages } from './useOffline';

/**
 * /meetings/offline: the meetings kept on the phone, read from the phone alone. It stands
 * outside the app's router and sign-in check, which need the server: with no signal the
 * page still opens (the worker keeps the shell), lists the kept meetings, shows one with its
 * agenda and papers, and takes a reply into the queue. The papers are the signed-in
 * person's own: signing out or another person signing in deletes them.
 */
export default function OfflineReaderApp() {
  const online = useOnline();
  const { packages } = useSavedPackages();
  const id = new URLSearchParams(window.location.search).get('id');
  const chosen = id ? packages?.find((p) => p.meeting.id === id) : undefined;
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '0 16px', background: '#a8071a' }}
      >
        <Button
          href={id ? '/meetings/offline' : '/meetings/mine'}
          icon={<ArrowLeftOutlined />}
          aria-label={id ? to.allSaved : to.back}
        />
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
          {to.title}
        </Typography.Text>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, maxWidth: 760, width: '100%', margin: '0 auto' }}>
        {online ? null : (
          <Alert
            type="warning"
            showIcon
            icon={<WifiOutlined />}
            message={to.offlineBanner}
            style={{ marginBottom: 12 }}
          />
        )}
        {packages === null ? (
          <Skeleton active />
        ) : id ? (
          chosen ? (
            <MeetingPapers pkg={chosen} />
          ) : (
            <Empty description={to.notFound} style={{ background: '#fff', padding: 24, borderRadius: 6 }} />
          )
        ) : packages.length === 0 ? (
          <Empty description={to.empty} style={{ background: '#fff', padding: 24, borderRadius: 6 }} />
        ) : (
          <Flex vertical gap={12}>
            {packages.map((p) => (
              <Card key={p.meeting.id} size="small" className="vp-offline-meeting">
                <Flex vertical gap={6}>
                  <a href={`/meetings/offline?id=${encodeURIComponent(p.meeting.id)}`} style={{ fontWeight: 600 }}>
                    {p.meeting.title}
                  </a>
                  <Typography.Text>{meetingTimeText(p.meeting.startsAt, p.meeting.endsAt)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {p.files.length} tài liệu · {formatSize(p.bytes)}
                  </Typography.Text>
                </Flex>
              </Card>
            ))}
          </Flex>
        )}
      </Layout.Content>
    </Layout>
  );
}

function MeetingPapers({ pkg }: { pkg: SavedPackage }) {
  const [open, setOpen] = useState<Paper | null>(null);
  const { meeting, agenda, files } = pkg;
  const invitation = files.filter((f) => f.kind === 'invitation');
  const byItem = (itemId: string) => files.filter((f) => f.kind !== 'invitation' && f.agendaItemId === itemId);
  const others = files.filter(
    (f) => f.kind !== 'invitation' && (!f.agendaItemId || !agenda.some((a) => a.id === f.agendaItemId)),
  );
  const paperList = (list: typeof files) =>
    list.length === 0 ? (
      <Typography.Text type="secondary">{to.noPapers}</Typography.Text>
    ) : (
      <List
        size="small"
        dataSource={list}
        renderItem={(f) => (
          <List.Item
            className="vp-offline-paper"
            data-file={f.id}
            actions={[
              <Button key="open" type="link" onClick={() => setOpen(f)}>
                {to.open}
              </Button>,
            ]}
          >
            <Flex gap={8} align="center" style={{ minWidth: 0 }}>
              {f.contentType === 'application/pdf' ? <FilePdfOutlined /> : <FileOutlined />}
              <span style={{ wordBreak: 'break-word' }}>{f.fileName}</span>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {formatSize(f.size)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    );
  return (
    <Flex vertical gap={12} className="vp-offline-reader" data-meeting={meeting.id}>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {meeting.title}
        </Typography.Title>
        <Flex vertical gap={4}>
          <Typography.Text strong>{meetingTimeText(meeting.startsAt, meeting.endsAt)}</Typography.Text>
          <Typography.Text>
            {to.place}: {meeting.place}
          </Typography.Text>
          {meeting.chairName ? (
            <Typography.Text>
              {to.chair}: {meeting.chairName}
            </Typography.Text>
          ) : null}
          <Typography.Text type="secondary">{meeting.organizationName}</Typography.Text>
          {meeting.status !== 'invited' ? <Tag color="orange">{meeting.status}</Tag> : null}
          {meeting.content ? (
            <Typography.Paragraph style={{ marginTop: 8 }}>{meeting.content}</Typography.Paragraph>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {to.keptUntil(new Date(pkg.keepUntil).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }))}
          </Typography.Text>
        </Flex>
      </Card>
      {pkg.myInvitation ? <OfflineReply pkg={pkg} /> : null}
      <Card size="small" title={`${to.invitation}${meeting.invitationNumber ? ` số ${meeting.invitationNumber}` : ''}`}>
        {paperList(invitation)}
      </Card>
      <Card size="small" title={to.agenda}>
        <Flex vertical gap={12}>
          {agenda.map((item, index) => (
            <div key={item.id} className="vp-offline-agenda-item">
              <Typography.Text strong>
                {index + 1}. {item.title}
              </Typography.Text>
              {item.presenterName ? <Typography.Text type="secondary"> — {item.presenterName}</Typography.Text> : null}
              {paperList(byItem(item.id))}
            </div>
          ))}
        </Flex>
      </Card>
      {others.length > 0 ? (
        <Card size="small" title={to.otherPapers}>
          {paperList(others)}
        </Card>
      ) : null}
      <OfflinePaperViewer paper={open} onClose={() => setOpen(null)} />
    </Flex>
  );
}
