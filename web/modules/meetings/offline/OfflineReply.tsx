import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { MEETING_LIMITS } from '../../../../common/meetings';
import { formatDateTimeShort } from '../../../app/format';
import { requestReplySync } from '../../../app/pwa/offlineSync';
import type { SavedPackage } from '../../../app/pwa/papers';
import { flushReplies, queueReply } from '../../../app/pwa/replyQueue';
import { to } from './offline.i18n';
import { useReplyQueue } from './useOffline';

/**
 * The answer to the invitation, given with or without a signal: it goes into the phone's
 * queue with its own id and is sent at once if there is a network, else when it returns.
 */
export default function OfflineReply({ pkg }: { pkg: SavedPackage }) {
  const queue = useReplyQueue();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const meetingId = pkg.meeting.id;
  const last = [...queue.items].reverse().find((r) => r.meetingId === meetingId);
  const current = pkg.myInvitation?.reply ?? 'pending';
  const open = pkg.meeting.status === 'invited' && new Date(pkg.meeting.endsAt) > new Date();

  const send = async (reply: 'attending' | 'absent') => {
    if (reply === 'absent' && !reason.trim()) return setError(to.reasonRequired);
    setError(null);
    await queueReply(meetingId, reply === 'absent' ? { reply, reason: reason.trim() } : { reply });
    setAsking(false);
    await queue.reload();
    void requestReplySync();
    if (navigator.onLine) await flushReplies();
    await queue.reload();
  };

  const shown = last?.state === 'queued' ? last.body.reply : current;
  return (
    <Card size="small" title={to.reply} className="vp-offline-reply">
      <Flex vertical gap={8}>
        <Flex gap={8} wrap align="center">
          <Typography.Text>{to.current}:</Typography.Text>
          <Tag color={shown === 'attending' ? 'green' : shown === 'absent' ? 'red' : 'default'}>
            {to.replies[shown]}
          </Tag>
          {last?.state === 'queued' ? (
            <Tag color="orange" className="vp-reply-queued">
              {to.queued}
            </Tag>
          ) : last?.state === 'sent' ? (
            <Tag color="green" className="vp-reply-sent">
              {to.sent(formatDateTimeShort(last.doneAt ?? last.queuedAt))}
            </Tag>
          ) : null}
        </Flex>
        {last?.state === 'failed' ? (
          <Alert type="error" showIcon message={to.failed} description={last.message} />
        ) : null}
        {open ? (
          asking ? (
            <Flex vertical gap={8}>
              <Input.TextArea
                aria-label={to.reason}
                placeholder={to.reason}
                value={reason}
                maxLength={MEETING_LIMITS.reason}
                autoSize={{ minRows: 2, maxRows: 5 }}
                onChange={(e) => setReason(e.target.value)}
              />
              {error ? <Alert type="error" showIcon message={error} /> : null}
              <Flex gap={8}>
                <Button type="primary" danger onClick={() => void send('absent')}>
                  {to.send}
                </Button>
                <Button onClick={() => setAsking(false)}>{to.cancel}</Button>
              </Flex>
            </Flex>
          ) : (
            <Flex gap={8} wrap>
              <Button size="large" icon={<CheckOutlined />} onClick={() => void send('attending')} style={{ flex: 1 }}>
                {to.attending}
              </Button>
              <Button size="large" icon={<CloseOutlined />} onClick={() => setAsking(true)} style={{ flex: 1 }}>
                {to.absent}
              </Button>
            </Flex>
          )
        ) : null}
      </Flex>
    </Card>
  );
}
