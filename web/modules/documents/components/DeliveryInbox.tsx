import { Alert, App, Button, Descriptions, Empty, Flex, Form, Input, List, Modal, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PARTY_DOCUMENT_TYPES } from '../../../../common/docnumber/format';
import { DOCUMENT_LIMITS } from '../../../../common/documents';
import type { DeliveryView } from '../../../../common/schemas/documents';
import { errorMessage } from '../../../app/api/client';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatCalendarDate, formatDateTimeShort } from '../../../app/format';
import {
  deliveryFileUrl,
  type InboxItem,
  useAcceptDelivery,
  useDeliveries,
  useOpenDelivery,
  useRefuseDelivery,
  useRegisters,
} from '../api/documents.api';
import { tdoc } from '../documents.i18n';
import DocumentFiles from './DocumentFiles';
import { MarkTags } from './DocumentTags';

const typeName = (code: string) => PARTY_DOCUMENT_TYPES[code as keyof typeof PARTY_DOCUMENT_TYPES] ?? code;

/** Documents other organizations sent through the system, waiting for this clerk to accept or refuse. */
export default function DeliveryInbox() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const inbox = useDeliveries(true);
  const registers = useRegisters();
  const open = useOpenDelivery();
  const accept = useAcceptDelivery();
  const refuse = useRefuseDelivery();
  const [opened, setOpened] = useState<DeliveryView | null>(null);
  const [accepting, setAccepting] = useState<InboxItem | null>(null);
  const [refusing, setRefusing] = useState<InboxItem | null>(null);
  const [registerId, setRegisterId] = useState<string | undefined>();
  const [refuseForm] = Form.useForm<{ reason: string }>();
  // A notification leads here with the delivery it announced: open it at once.
  const [params] = useSearchParams();
  const wanted = params.get('delivery');
  const [gone, setGone] = useState(false);
  const openedFromLink = useRef<string | null>(null);
  const openDelivery = open.mutateAsync;
  useEffect(() => {
    if (!wanted || openedFromLink.current === wanted) return;
    openedFromLink.current = wanted;
    setGone(false);
    openDelivery(wanted).then(setOpened, () => setGone(true));
  }, [wanted, openDelivery]);

  const doAccept = async (item: InboxItem) => {
    try {
      const created = await accept.mutateAsync({ id: item.deliveryId, version: item.version, registerId });
      message.success(tdoc.inbox.accepted);
      setAccepting(null);
      setOpened(null);
      navigate(`/documents/${encodeURIComponent(created.id)}`);
    } catch (error) {
      message.error(errorMessage(error));
      void inbox.refetch();
    }
  };

  const actions = (item: InboxItem) => [
    <Button
      key="open"
      size="small"
      loading={open.isPending && open.variables === item.deliveryId}
      onClick={() =>
        open.mutateAsync(item.deliveryId).then(setOpened, (error: unknown) => message.error(errorMessage(error)))
      }
    >
      {tdoc.inbox.open}
    </Button>,
    <Button
      key="accept"
      size="small"
      type="primary"
      onClick={() => {
        setRegisterId(undefined);
        setAccepting(item);
      }}
    >
      {tdoc.inbox.accept}
    </Button>,
    <Button key="refuse" size="small" danger onClick={() => setRefusing(item)}>
      {tdoc.inbox.refuse}
    </Button>,
  ];

  return (
    <>
      {inbox.isError ? (
        <QueryErrorAlert error={inbox.error} onRetry={() => inbox.refetch()} retrying={inbox.isFetching} />
      ) : null}
      {gone ? <Alert type="info" showIcon message={tdoc.inbox.gone} style={{ marginBottom: 12 }} /> : null}
      <List<InboxItem>
        className="vp-inbox"
        loading={inbox.isLoading}
        dataSource={inbox.data?.items ?? []}
        locale={{ emptyText: <Empty description={tdoc.inbox.empty} /> }}
        renderItem={(item) => (
          <List.Item
            key={item.deliveryId}
            style={{ background: '#fff', padding: 12, marginBottom: 8, borderRadius: 6, flexWrap: 'wrap', gap: 8 }}
            actions={actions(item)}
          >
            <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 280px' }}>
              <Typography.Text strong>{item.summary}</Typography.Text>
              <Typography.Text style={{ fontSize: 13 }}>
                {item.numberText ?? tdoc.list.noNumber} · {typeName(item.typeCode)} · {item.fromOrganizationName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {tdoc.inbox.sentAt} {formatDateTimeShort(item.sentAt)}
              </Typography.Text>
              <div>
                <MarkTags urgency={item.urgency} secrecy={item.secrecy} />
              </div>
            </Flex>
          </List.Item>
        )}
      />

      <Modal
        open={opened !== null}
        title={tdoc.inbox.openedTitle}
        onCancel={() => setOpened(null)}
        footer={opened ? actions(opened).slice(1) : null}
        className="vp-delivery-opened"
      >
        {opened ? (
          <Flex vertical gap={12}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={tdoc.form.numberText}>
                {opened.numberText ?? tdoc.list.noNumber}
              </Descriptions.Item>
              <Descriptions.Item label={tdoc.form.type}>{typeName(opened.typeCode)}</Descriptions.Item>
              <Descriptions.Item label={tdoc.form.issueDate}>{formatCalendarDate(opened.issueDate)}</Descriptions.Item>
              <Descriptions.Item label={tdoc.inbox.from}>{opened.fromOrganizationName}</Descriptions.Item>
              <Descriptions.Item label={tdoc.form.summary}>{opened.summary}</Descriptions.Item>
              <Descriptions.Item label={tdoc.inbox.sentAt}>{formatDateTimeShort(opened.sentAt)}</Descriptions.Item>
            </Descriptions>
            <div>
              <Typography.Text strong>{tdoc.inbox.files}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '2px 0 0' }}>
                {tdoc.inbox.filesHint}
              </Typography.Paragraph>
              <DocumentFiles
                files={opened.files}
                url={(fileId, inline) => deliveryFileUrl(opened.deliveryId, fileId, inline)}
              />
            </div>
          </Flex>
        ) : null}
      </Modal>

      <Modal
        open={accepting !== null}
        title={tdoc.inbox.acceptTitle}
        okText={tdoc.inbox.accept}
        confirmLoading={accept.isPending}
        onOk={() => (accepting ? doAccept(accepting) : undefined)}
        onCancel={() => setAccepting(null)}
      >
        {accepting ? <Typography.Paragraph strong>{accepting.summary}</Typography.Paragraph> : null}
        <Typography.Text>{tdoc.inbox.acceptRegister}</Typography.Text>
        <Select
          allowClear
          aria-label={tdoc.inbox.acceptRegister}
          value={registerId}
          onChange={setRegisterId}
          options={(registers.data?.items ?? [])
            .filter((r) => r.direction === 'incoming' && r.active && r.actions.includes('register'))
            .map((r) => ({ value: r.id, label: `${r.name} — ${r.organizationName}` }))}
          style={{ width: '100%', marginTop: 4 }}
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 4 }}>
          {tdoc.inbox.acceptRegisterHint}
        </Typography.Paragraph>
      </Modal>

      <Modal
        open={refusing !== null}
        title={tdoc.inbox.refuseTitle}
        okText={tdoc.inbox.refuse}
        okButtonProps={{ danger: true }}
        confirmLoading={refuse.isPending}
        destroyOnHidden
        onOk={async () => {
          if (!refusing) return;
          const { reason } = await refuseForm.validateFields();
          try {
            await refuse.mutateAsync({ id: refusing.deliveryId, version: refusing.version, reason });
            message.success(tdoc.inbox.refused);
            setRefusing(null);
            setOpened(null);
          } catch (error) {
            message.error(errorMessage(error));
          }
        }}
        onCancel={() => setRefusing(null)}
      >
        <Form form={refuseForm} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={tdoc.inbox.reason}
            rules={[{ required: true, whitespace: true, message: tdoc.inbox.reasonRequired }]}
          >
            <Input.TextArea maxLength={DOCUMENT_LIMITS.reason} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
