import { CalendarOutlined, DeleteOutlined, MobileOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Popconfirm, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../../../app/api/client';
import CopyableText from '../../../app/components/CopyableText';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatDateTimeShort } from '../../../app/format';
import { t } from '../../../app/i18n';
import { useCalendarFeed, useChangeFeed } from '../api/schedule.api';
import { tsch } from '../schedule.i18n';

const tf = tsch.feed;

/** The server may answer a path; a phone needs the whole address. */
function absolute(url: string): string {
  return url.startsWith('/') ? `${window.location.origin}${url}` : url;
}

/** Phones' calendar apps subscribe to webcal:// addresses in one tap. */
const webcal = (url: string) => url.replace(/^https?:\/\//, 'webcal://');

/** The person's secret calendar address: create, copy, replace or revoke it, and how to use it. */
export default function CalendarFeedModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const feed = useCalendarFeed(open);
  const change = useChangeFeed();
  const url = feed.data?.url ? absolute(feed.data.url) : null;

  const run = (action: 'create' | 'revoke', done: string) =>
    change.mutate(action, {
      onSuccess: () => message.success(done),
      onError: (error) => message.error(errorMessage(error)),
    });

  const replaceOrRevoke = (
    <>
      <Popconfirm
        title={tf.rotateConfirm}
        description={<div style={{ maxWidth: 280 }}>{tf.rotateWarning}</div>}
        okText={tf.rotate}
        cancelText={t.common.cancel}
        onConfirm={() => run('create', tf.rotated)}
      >
        <Button icon={<ReloadOutlined />} loading={change.isPending && change.variables === 'create'}>
          {tf.rotate}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={tf.revokeConfirm}
        description={<div style={{ maxWidth: 280 }}>{tf.revokeWarning}</div>}
        okText={tf.revoke}
        okButtonProps={{ danger: true }}
        cancelText={t.common.cancel}
        onConfirm={() => run('revoke', tf.revoked)}
      >
        <Button danger icon={<DeleteOutlined />} loading={change.isPending && change.variables === 'revoke'}>
          {tf.revoke}
        </Button>
      </Popconfirm>
    </>
  );

  let body: ReactNode;
  if (feed.isError) {
    body = <QueryErrorAlert error={feed.error} onRetry={() => feed.refetch()} retrying={feed.isFetching} />;
  } else if (!feed.data) {
    body = <Skeleton active paragraph={{ rows: 2 }} />;
  } else if (!url && feed.data.createdAt) {
    // Only the secret's hash is kept: the address was shown once, when it was made.
    body = (
      <Flex vertical gap={8}>
        <Typography.Text>{tf.exists(formatDateTimeShort(feed.data.createdAt))}</Typography.Text>
        <Typography.Text type="secondary">{tf.shownOnce}</Typography.Text>
        <Flex gap={8} wrap>
          {replaceOrRevoke}
        </Flex>
      </Flex>
    );
  } else if (!url) {
    body = (
      <Flex vertical gap={12} align="flex-start">
        <Typography.Text type="secondary">{tf.none}</Typography.Text>
        <Button
          type="primary"
          icon={<CalendarOutlined />}
          loading={change.isPending}
          onClick={() => run('create', tf.created)}
        >
          {tf.create}
        </Button>
      </Flex>
    );
  } else {
    body = (
      <Flex vertical gap={8}>
        <Typography.Text strong>{tf.address}</Typography.Text>
        <CopyableText text={url} style={{ marginBottom: 0 }} />
        {feed.data.createdAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tf.createdAt(formatDateTimeShort(feed.data.createdAt))}
          </Typography.Text>
        ) : null}
        <Flex gap={8} wrap>
          <Button type="primary" icon={<MobileOutlined />} href={webcal(url)}>
            {tf.openInApp}
          </Button>
          {replaceOrRevoke}
        </Flex>
        <Alert type="warning" showIcon title={tf.secret} style={{ marginTop: 4 }} />
      </Flex>
    );
  }

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={tf.title}
      footer={<Button onClick={onClose}>{t.common.close}</Button>}
      destroyOnHidden
    >
      <Typography.Paragraph>{tf.intro}</Typography.Paragraph>
      {body}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {tf.howTitle}
      </Typography.Title>
      <ul style={{ paddingInlineStart: 20, marginBottom: 8 }}>
        <li>
          <Typography.Text>{tf.iphone}</Typography.Text>
        </li>
        <li>
          <Typography.Text>{tf.android}</Typography.Text>
        </li>
      </ul>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {tf.network}
      </Typography.Text>
    </Modal>
  );
}
