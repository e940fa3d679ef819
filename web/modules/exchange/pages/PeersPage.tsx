import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { lazy, useState } from 'react';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { t } from '../../../app/i18n';
import { type PeerView, usePeers } from '../api/exchange.api';
import { tx } from '../exchange.i18n';

const PeerDialog = lazy(() => import('../components/PeerDialog'));

/** /admin/peers: the other VanPhong deployments documents travel to directly. */
export default function PeersPage() {
  const peers = usePeers();
  const [open, setOpen] = useState(false);
  // Kept while the dialog closes; each opening starts a fresh form.
  const [dialog, setDialog] = useState<{ peer: PeerView | null; opening: number }>({ peer: null, opening: 0 });
  const edit = (peer: PeerView | null) => {
    setDialog((d) => ({ peer, opening: d.opening + 1 }));
    setOpen(true);
  };

  const columns: TableColumnsType<PeerView> = [
    {
      key: 'peer',
      title: tx.peers.colPeer,
      render: (_, peer) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Text strong>{peer.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
            {peer.node}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
            {peer.url}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: tx.peers.colStatus,
      render: (_, peer) => (
        <Flex wrap gap={4}>
          {peer.active ? <Tag color="success">{tx.peers.active}</Tag> : <Tag>{tx.peers.inactive}</Tag>}
          {peer.secretApproved ? <Tag color="red">{tx.peers.secretApprovedTag}</Tag> : null}
        </Flex>
      ),
    },
    {
      key: 'organizations',
      title: tx.peers.colOrganizations,
      align: 'right',
      responsive: ['sm'],
      render: (_, peer) => peer.organizationCount.toLocaleString('vi-VN'),
    },
    {
      key: 'actions',
      title: t.common.actions,
      width: 1,
      render: (_, peer) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => edit(peer)}
          aria-label={`${tx.peers.edit} ${peer.name}`}
        >
          {tx.peers.edit}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle title={tx.peers.title} />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {tx.peers.intro}
      </Typography.Paragraph>
      <Flex style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => edit(null)}>
          {tx.peers.create}
        </Button>
      </Flex>
      {peers.isError ? (
        <QueryErrorAlert error={peers.error} onRetry={() => peers.refetch()} retrying={peers.isFetching} />
      ) : (
        <Table<PeerView>
          rowKey="id"
          size="middle"
          loading={peers.isLoading}
          columns={columns}
          dataSource={peers.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={tx.peers.empty} /> }}
        />
      )}
      <MountWhenOpened open={open}>
        <PeerDialog key={dialog.opening} open={open} peer={dialog.peer} onClose={() => setOpen(false)} />
      </MountWhenOpened>
    </>
  );
}
