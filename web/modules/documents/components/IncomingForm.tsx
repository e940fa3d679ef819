import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Grid, Input, InputNumber, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { CHANNEL_LABELS, CHANNELS, DOCUMENT_LIMITS } from '../../../../common/documents';
import { errorMessage } from '../../../app/api/client';
import { vietnamToday } from '../../../app/format';
import { t } from '../../../app/i18n';
import { REGISTERS_PATH } from '../../../app/layout/sections';
import { useCreateIncoming, useRegisters } from '../api/documents.api';
import { tdoc } from '../documents.i18n';
import { newClientKey } from './clientKey';
import { TYPE_OPTIONS } from './DocumentFilterBar';
import { SecrecyUrgencyFields, SummaryAndSignerFields } from './DocumentFormFields';
import FileUploadField from './FileUploadField';
import IssuerField from './IssuerField';
import {
  type DuplicateMatch,
  duplicateMatches,
  type IncomingValues,
  incomingBody,
  incomingInitialValues,
  incomingRegisters,
  incomingRules,
} from './incomingValues';

/** The clerk's registration of an incoming document, with the duplicate warning of ND 30. */
export default function IncomingForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={tdoc.form.incomingTitle}
      className="vp-incoming-form"
      size={screens.md ? 720 : '100%'}
      destroyOnHidden
    >
      {open ? <IncomingFormBody onClose={onClose} /> : null}
    </Drawer>
  );
}

function IncomingFormBody({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<IncomingValues>();
  const [clientKey] = useState(newClientKey);
  const [uploading, setUploading] = useState(false);
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const registers = useRegisters();
  const create = useCreateIncoming();
  const usable = incomingRegisters(registers.data?.items ?? []);
  // The form reads its starting values once: registers arriving after it opened still choose the only one.
  const onlyRegister = usable.length === 1 ? usable[0]?.id : undefined;
  useEffect(() => {
    if (onlyRegister && !form.getFieldValue('registerId')) form.setFieldValue('registerId', onlyRegister);
  }, [form, onlyRegister]);

  const send = async (confirmDuplicate: boolean) => {
    const v = await form.validateFields();
    const body = incomingBody(v, clientKey, confirmDuplicate);
    setError(null);
    try {
      const result = await create.mutateAsync(body);
      message.success(tdoc.form.registered);
      onClose();
      navigate(`/documents/${encodeURIComponent(result.id)}`);
    } catch (failure) {
      const matches = duplicateMatches(failure);
      if (matches) setDuplicates(matches);
      else setError(errorMessage(failure));
    }
  };

  return (
    <Form<IncomingValues>
      form={form}
      layout="vertical"
      requiredMark="optional"
      initialValues={incomingInitialValues(usable, vietnamToday())}
      onValuesChange={() => setDuplicates(null)}
      onFinish={() => send(false)}
    >
      {registers.isSuccess && usable.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          title={tdoc.form.noRegister}
          action={<Link to={`${REGISTERS_PATH}?direction=incoming`}>{tdoc.registers.create}</Link>}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="registerId" label={tdoc.form.register} rules={incomingRules.registerId}>
            <Select
              loading={registers.isLoading}
              options={usable.map((r) => ({ value: r.id, label: `${r.name} — ${r.organizationName}` }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="channel" label={tdoc.form.channel}>
            <Select options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="issuerName" label={tdoc.form.issuer} rules={incomingRules.issuerName}>
            <IssuerField
              onOrganization={(organizationId) => form.setFieldValue('issuerOrganizationId', organizationId)}
            />
          </Form.Item>
          <Form.Item name="issuerOrganizationId" hidden>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="numberText" label={tdoc.form.numberText} rules={incomingRules.numberText}>
            <Input maxLength={DOCUMENT_LIMITS.numberText} placeholder={tdoc.form.numberTextPlaceholder} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="typeCode" label={tdoc.form.type} rules={incomingRules.typeCode}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={TYPE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="issueDate" label={tdoc.form.issueDate} rules={incomingRules.issueDate}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="arrivalDate" label={tdoc.form.arrivalDate}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="dueDate" label={tdoc.form.dueDate}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="pageCount" label={tdoc.form.pageCount}>
            <InputNumber min={1} max={DOCUMENT_LIMITS.pageCount} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <SummaryAndSignerFields />
        <SecrecyUrgencyFields />
        <Col xs={24}>
          <Form.Item name="uploadIds" label={tdoc.form.files}>
            <FileUploadField onUploadingChange={setUploading} />
          </Form.Item>
        </Col>
      </Row>
      {duplicates ? (
        <Alert
          type="warning"
          showIcon
          title={tdoc.form.duplicateTitle}
          description={
            <Flex vertical gap={4}>
              {duplicates.map((m) => (
                <Link key={m.id} to={`/documents/${encodeURIComponent(m.id)}`} target="_blank">
                  {tdoc.form.duplicateMatch(m.numberText, m.arrivalNumber)}
                </Link>
              ))}
            </Flex>
          }
          action={
            <Button danger onClick={() => void send(true)} loading={create.isPending}>
              {tdoc.form.duplicateConfirm}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {uploading ? <Alert type="info" showIcon title={tdoc.form.uploading} style={{ marginBottom: 16 }} /> : null}
      <Flex justify="end" gap={8}>
        <Button onClick={onClose}>{t.common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending} disabled={uploading}>
          {tdoc.form.submit}
        </Button>
      </Flex>
    </Form>
  );
}
