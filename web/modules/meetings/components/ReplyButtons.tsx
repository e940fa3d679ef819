import { CheckOutlined, CloseOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { MEETING_LIMITS, type Reply } from '../../../../common/meetings';
import { errorMessage } from '../../../app/api/client';
import { type ReplyBody, useReply } from '../api/meetings.api';
import { tm } from '../meetings.i18n';

type Asked = 'absent' | 'deputy';

/**
 * The three answers to an invitation, big enough for a thumb: attending in one tap; absent
 * asks the reason, a deputy asks the name, in a small dialog.
 */
export default function ReplyButtons({
  meetingId,
  inviteeId,
  current,
  block = false,
}: {
  meetingId: string;
  /** An organization's invitation answered by its clerk or leader; absent: the caller's own. */
  inviteeId?: string;
  current: Reply;
  /** Full-width buttons stacked on a phone card. */
  block?: boolean;
}) {
  const { message } = App.useApp();
  const reply = useReply();
  const [asking, setAsking] = useState<Asked | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (body: ReplyBody) => {
    setError(null);
    try {
      await reply.mutateAsync({ id: meetingId, body: inviteeId ? { ...body, inviteeId } : body });
      message.success(tm.reply.done);
      setAsking(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  const pending = reply.isPending ? reply.variables?.body.reply : undefined;
  // On a phone card the buttons fill the width: attending on its own row, the other two under it.
  const style = (basis: string) => (block ? { flex: `1 1 ${basis}` } : { minWidth: 120 });
  const common = { size: 'large' as const };

  return (
    <>
      <Flex gap={8} wrap className="vp-reply-buttons">
        <Button
          {...common}
          type={current === 'attending' ? 'primary' : 'default'}
          icon={<CheckOutlined />}
          loading={pending === 'attending'}
          onClick={() => void send({ reply: 'attending' })}
          style={style('100%')}
        >
          {tm.reply.attending}
        </Button>
        <Button
          {...common}
          type={current === 'absent' ? 'primary' : 'default'}
          danger={current === 'absent'}
          icon={<CloseOutlined />}
          onClick={() => setAsking('absent')}
          style={style('40%')}
        >
          {tm.reply.absent}
        </Button>
        <Button
          {...common}
          type={current === 'deputy' ? 'primary' : 'default'}
          icon={<UserSwitchOutlined />}
          onClick={() => setAsking('deputy')}
          style={style('40%')}
        >
          {tm.reply.deputy}
        </Button>
      </Flex>
      {error && asking === null ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
      {asking ? (
        <AskDialog
          kind={asking}
          loading={reply.isPending}
          error={error}
          onCancel={() => {
            setAsking(null);
            setError(null);
          }}
          onSubmit={(text) =>
            void send(asking === 'absent' ? { reply: 'absent', reason: text } : { reply: 'deputy', deputyName: text })
          }
        />
      ) : null}
    </>
  );
}

function AskDialog({
  kind,
  loading,
  error,
  onCancel,
  onSubmit,
}: {
  kind: Asked;
  loading: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (text: string) => void;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const absent = kind === 'absent';
  return (
    <Modal
      open
      title={absent ? tm.reply.absentTitle : tm.reply.deputyTitle}
      okText={tm.reply.send}
      okButtonProps={{ size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      confirmLoading={loading}
      onOk={() =>
        void form
          .validateFields()
          .then((v) => onSubmit(v.text.trim()))
          .catch(() => undefined)
      }
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="text"
          label={absent ? tm.reply.reason : tm.reply.deputyName}
          rules={[
            {
              required: true,
              whitespace: true,
              message: absent ? tm.reply.reasonRequired : tm.reply.deputyNameRequired,
            },
          ]}
        >
          {absent ? (
            <Input.TextArea autoFocus maxLength={MEETING_LIMITS.reason} autoSize={{ minRows: 2, maxRows: 5 }} />
          ) : (
            <Input autoFocus size="large" maxLength={MEETING_LIMITS.name} />
          )}
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
