import { EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Empty, Flex, Grid, Input, List, Row, Tag, Typography } from 'antd';
import { lazy, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { MailListItem } from '../../../../common/schemas/mail';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import PageLoading from '../../../app/components/PageLoading';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatDateTimeShort } from '../../../app/format';
import { PAGE_SIZE, useMailboxes, useMailList } from '../api/mailbox.api';
import { type ComposeStart, useRestoredCompose } from '../components/composeStart';
import FolderNav from '../components/FolderNav';
import { tmail } from '../mailbox.i18n';

// The compose window (recipients, upload) comes when a message is written.
const ComposeDrawer = lazy(() => import('../components/ComposeDrawer'));

function Row1({ item, folder, onOpen }: { item: MailListItem; folder: string; onOpen: () => void }) {
  const unread = item.readAt === null;
  const who =
    folder === 'sent' || folder === 'drafts'
      ? `${tmail.toShort}: ${item.to.map((p) => p.name ?? p.address).join(', ') || '—'}`
      : (item.from.name ?? item.from.address);
  return (
    <List.Item
      onClick={onOpen}
      style={{ cursor: 'pointer', background: unread ? '#fff7f7' : undefined, paddingInline: 12 }}
      className="vp-mail-row"
    >
      <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
        <Flex justify="space-between" gap={8}>
          <Typography.Text strong={unread} ellipsis style={{ minWidth: 0 }}>
            {who}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
            {formatDateTimeShort(item.at)}
          </Typography.Text>
        </Flex>
        <Flex gap={6} align="center" style={{ minWidth: 0 }}>
          {item.status === 'draft' ? <Tag color="orange">{tmail.draftTag}</Tag> : null}
          {item.registeredDocumentId ? <Tag color="green">{tmail.registeredTag}</Tag> : null}
          {item.attachments > 0 ? <PaperClipOutlined aria-label={tmail.attachments} /> : null}
          <Typography.Text strong={unread} ellipsis style={{ minWidth: 0 }}>
            {item.subject || tmail.noSubject}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 13 }}>
          {item.snippet}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

/** The mailbox: folders on the left (a picker on a phone), the messages of one folder or of a search. */
export default function MailboxPage() {
  const { mailboxId } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md === true;
  const boxes = useMailboxes();
  const [compose, setCompose] = useState<ComposeStart | null>(null);
  useRestoredCompose(setCompose);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const folder = params.get('folder') ?? 'inbox';
  const q = params.get('q') ?? '';
  const unread = params.get('unread') === '1';
  const page = Number(params.get('page') ?? '1') || 1;
  const box = boxes.data?.find((b) => b.id === mailboxId) ?? boxes.data?.[0];
  const list = useMailList(box?.id ?? '', folder, q, unread, page);

  if (boxes.isPending) return <PageLoading />;
  if (boxes.isError) return <QueryErrorAlert error={boxes.error} onRetry={() => boxes.refetch()} />;
  if (!box) return <Alert type="info" showIcon title={tmail.noMailbox} />;

  const pick = (id: string, f: string) =>
    navigate(`/mailbox/${encodeURIComponent(id)}?folder=${encodeURIComponent(f)}`);
  const set = (next: Record<string, string | null>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') merged.delete(k);
      else merged.set(k, v);
    }
    setParams(merged);
  };
  const open = (item: MailListItem) => {
    if (item.status === 'draft')
      navigate(`/mailbox/${encodeURIComponent(box.id)}/${encodeURIComponent(item.id)}?edit=1`);
    else navigate(`/mailbox/${encodeURIComponent(box.id)}/${encodeURIComponent(item.id)}`);
  };
  const folderName = box.folders.find((f) => f.id === folder)?.name ?? '';

  return (
    <>
      <PageTitle
        title={tmail.title}
        extra={
          <Button type="primary" icon={<EditOutlined />} onClick={() => setCompose({ mailboxId: box.id })}>
            {tmail.compose}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {box.name} · {box.address}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={7} lg={5}>
          <FolderNav boxes={boxes.data} box={box} folder={folder} onPick={pick} compact={!wide} />
        </Col>
        <Col xs={24} md={17} lg={19}>
          <Card size="small" styles={{ body: { padding: 0 } }}>
            <Flex gap={8} wrap align="center" style={{ padding: 12, borderBottom: '1px solid #f0f0f0' }}>
              <Input.Search
                aria-label={tmail.search}
                placeholder={tmail.search}
                allowClear
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                onSearch={(value) => set({ q: value.trim() || null, page: null })}
                style={{ flex: '1 1 260px' }}
              />
              <Checkbox checked={unread} onChange={(e) => set({ unread: e.target.checked ? '1' : null, page: null })}>
                {tmail.unreadOnly}
              </Checkbox>
            </Flex>
            {q ? (
              <Typography.Paragraph type="secondary" style={{ padding: '8px 12px 0', margin: 0 }}>
                {tmail.searchAll}
              </Typography.Paragraph>
            ) : (
              <Typography.Title level={5} style={{ padding: '8px 12px 0', margin: 0 }}>
                {folderName}
              </Typography.Title>
            )}
            {list.isError ? (
              <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} />
            ) : (
              <List<MailListItem>
                loading={list.isFetching && !list.data}
                dataSource={list.data?.items ?? []}
                locale={{ emptyText: <Empty description={q ? tmail.emptySearch : tmail.empty} /> }}
                renderItem={(item) => <Row1 item={item} folder={folder} onOpen={() => open(item)} />}
                pagination={
                  (list.data?.total ?? 0) > PAGE_SIZE
                    ? {
                        current: page,
                        pageSize: PAGE_SIZE,
                        total: list.data?.total ?? 0,
                        showSizeChanger: false,
                        align: 'center',
                        showTotal: (n) => tmail.count(n),
                        onChange: (p) => set({ page: String(p) }),
                      }
                    : false
                }
              />
            )}
          </Card>
        </Col>
      </Row>
      <MountWhenOpened open={compose !== null}>
        <ComposeDrawer start={compose} mailboxes={boxes.data} onClose={() => setCompose(null)} />
      </MountWhenOpened>
    </>
  );
}
