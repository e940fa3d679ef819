import { Alert, App, DatePicker, Form, Input, Modal, Select, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DOCUMENT_LIMITS } from '../../../../common/documents';
import type { MailItemView } from '../../../../common/schemas/mail';
import { ApiError, errorMessage } from '../../../app/api/client';
import { vietnamToday } from '../../../app/format';
import { useRegisters } from '../../documents/api/documents.api';
import { TYPE_OPTIONS } from '../../documents/components/DocumentFilterBar';
import { useRegisterMail } from '../api/mailbox.api';
import { tmail } from '../mailbox.i18n';

interface Values {
  registerId: string;
  typeCode: string;
  numberText: string;
  issuerName: string;
  issueDate: Dayjs;
  summary: string;
  dueDate?: Dayjs | null;
}

/** The clerk's one step from a message to an incoming document, its attachments becoming the document's files. */
export default function RegisterMailModal({
  item,
  organizationId,
  open,
  onClose,
}: {
  item: MailItemView;
  organizationId: string | null;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState(false);
  const registers = useRegisters();
  const register = useRegisterMail();
  const incoming = (registers.data?.items ?? []).filter(
    // Mail is not secret: a secret register would refuse it.
    (r) =>
      r.direction === 'incoming' &&
      r.active &&
      !r.secret &&
      r.organizationId === organizationId &&
      r.actions.includes('register'),
  );
  // The only register there is comes chosen, once the list has loaded.
  const only = incoming.length === 1 ? incoming[0]?.id : undefined;
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const done = await register.mutateAsync({
        id: item.id,
        body: {
          registerId: v.registerId,
          typeCode: v.typeCode,
          numberText: v.numberText.trim(),
          issuerName: v.issuerName.trim(),
          issueDate: v.issueDate.format('YYYY-MM-DD'),
          summary: v.summary.trim(),
          dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
          confirmDuplicate: duplicate,
        },
      });
      message.success(tmail.registered);
      onClose();
      navigate(`/documents/${encodeURIComponent(done.documentId)}`);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'documents.possible_duplicate') setDuplicate(true);
      else setError(errorMessage(failure));
    }
  };
  return (
    <Modal
      open={open}
      title={tmail.registerTitle}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={duplicate ? tmail.register_.confirm : tmail.register}
      cancelText="Hủy"
      confirmLoading={register.isPending}
      destroyOnHidden
      width={640}
    >
      <Alert type="info" showIcon title={tmail.registerHint} style={{ marginBottom: 16 }} />
      {registers.isPending ? (
        <Spin />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            registerId: only,
            issuerName: item.message.from.name ?? item.message.from.address,
            summary: item.message.subject,
            issueDate: dayjs(item.message.at),
          }}
          onValuesChange={() => setDuplicate(false)}
        >
          <Form.Item
            name="registerId"
            label={tmail.register_.register}
            rules={[{ required: true, message: 'Chọn sổ' }]}
          >
            <Select options={incoming.map((r) => ({ value: r.id, label: r.name }))} loading={registers.isPending} />
          </Form.Item>
          <Form.Item
            name="typeCode"
            label={tmail.register_.type}
            rules={[{ required: true, message: 'Chọn loại văn bản' }]}
          >
            <Select showSearch optionFilterProp="label" options={TYPE_OPTIONS} />
          </Form.Item>
          <Form.Item
            name="numberText"
            label={tmail.register_.number}
            rules={[{ required: true, whitespace: true, message: 'Nhập số, ký hiệu' }]}
          >
            <Input maxLength={DOCUMENT_LIMITS.numberText} placeholder="12-CV/ĐU" />
          </Form.Item>
          <Form.Item
            name="issuerName"
            label={tmail.register_.issuer}
            rules={[{ required: true, whitespace: true, message: 'Nhập cơ quan ban hành' }]}
          >
            <Input maxLength={DOCUMENT_LIMITS.issuerName} />
          </Form.Item>
          <Form.Item
            name="issueDate"
            label={tmail.register_.issueDate}
            rules={[{ required: true, message: 'Chọn ngày ban hành' }]}
          >
            <DatePicker
              format="DD/MM/YYYY"
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(vietnamToday()), 'day')}
            />
          </Form.Item>
          <Form.Item
            name="summary"
            label={tmail.register_.summary}
            rules={[{ required: true, whitespace: true, message: 'Nhập trích yếu' }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={DOCUMENT_LIMITS.summary} />
          </Form.Item>
          <Form.Item name="dueDate" label={tmail.register_.dueDate}>
            <DatePicker
              format="DD/MM/YYYY"
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(dayjs(vietnamToday()), 'day')}
            />
          </Form.Item>
        </Form>
      )}
      {duplicate ? <Alert type="warning" showIcon title={tmail.register_.duplicate} /> : null}
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
