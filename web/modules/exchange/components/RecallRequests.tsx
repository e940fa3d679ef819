import { App, Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../app/api/client';
import { type RecallRequest, useAnswerRecall, useRecalls } from '../api/exchange.api';
import { txw } from '../exchange.i18n';

const REASON_MAX = 2000;

/**
 * Outside offices asking to take back a copy they sent: shown above the inbox only when there is
 * one, each answered by agreeing (after a confirmation) or refusing with a reason.
 */
export default function RecallRequests() {
  const { message, modal } = App.useApp();
  const recalls = useRecalls();
  const answer = useAnswerRecall();
  const [refusing, setRefusing] = useState<RecallRequest | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const items = recalls.data?.items ?? [];
  if (items.length === 0) return null;
  const r = txw.recalls;

  const agree = (item: RecallRequest) =>
    modal.confirm({
      title: r.agreeTitle,
      content: (
        <>
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            {item.numberText ?? ''} {item.summary}
          </Typography.Paragraph>
          {r.agreeBody}
        </>
      ),
      okText: r.agree,
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await answer.mutateAsync({ deliveryId: item.deliveryId, agree: true });
          message.success(r.agreed);
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  return (
    <Card
      size="small"
      className="vp-recall-requests"
      title={r.title}
      style={{ marginBottom: 12, borderColor: '#ffd591', background: '#fffbf3' }}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 13 }}>
        {r.intro}
      </Typography.Paragraph>
      <Flex vertical gap={8}>
        {items.map((item) => (
          <Flex
            key={item.deliveryId}
            data-recall={item.deliveryId}
            wrap
            gap={8}
            justify="space-between"
            style={{ background: '#fff', padding: 10, borderRadius: 6, border: '1px solid #f0f0f0' }}
          >
            <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 280px' }}>
              <Typography.Text strong>{item.summary}</Typography.Text>
              <Typography.Text style={{ fontSize: 13 }}>
                {item.numberText ? `${item.numberText} · ` : ''}
                {r.from}: {item.fromName} · {r.to}: {item.organizationName}
              </Typography.Text>
              <Typography.Text type={item.reason ? undefined : 'secondary'} style={{ fontSize: 13 }}>
                {r.reason}: {item.reason ?? r.noReason}
              </Typography.Text>
              {item.incomingDocumentId ? (
                <Link to={`/documents/${encodeURIComponent(item.incomingDocumentId)}`} style={{ fontSize: 13 }}>
                  {r.openDocument}
                </Link>
              ) : null}
            </Flex>
            <Flex gap={8} align="center" wrap>
              <Button size="small" type="primary" danger onClick={() => agree(item)}>
                {r.agree}
              </Button>
              <Button size="small" onClick={() => setRefusing(item)}>
                {r.refuse}
              </Button>
            </Flex>
          </Flex>
        ))}
      </Flex>
      <Modal
        open={refusing !== null}
        title={r.refuseTitle}
        okText={r.refuse}
        confirmLoading={answer.isPending}
        destroyOnHidden
        onCancel={() => setRefusing(null)}
        onOk={async () => {
          if (!refusing) return;
          // Without a reason the field says so and the dialog stays open.
          const values = await form.validateFields().catch(() => null);
          if (!values) return;
          const { reason } = values;
          try {
            await answer.mutateAsync({ deliveryId: refusing.deliveryId, agree: false, reason: reason.trim() });
            message.success(r.refused);
            setRefusing(null);
          } catch (error) {
            message.error(errorMessage(error));
          }
        }}
      >
        {refusing ? <Typography.Paragraph strong>{refusing.summary}</Typography.Paragraph> : null}
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={r.refuseReason}
            rules={[{ required: true, whitespace: true, message: r.refuseReasonRequired }]}
          >
            <Input.TextArea maxLength={REASON_MAX} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
