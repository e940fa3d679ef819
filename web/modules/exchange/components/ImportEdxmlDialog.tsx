import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Modal, Select, Switch, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client';
import { useCurrentUser } from '../../../app/layout/currentUser';
import { useRegisters } from '../../documents/api/documents.api';
import { incomingRegisters } from '../../documents/components/incomingValues';
import { type ImportResult, useImportEdxml } from '../api/exchange.api';
import { txw } from '../exchange.i18n';
import ImportResultView from './ImportResultView';

interface ImportValues {
  organizationId: string;
  register: boolean;
  registerId?: string;
  file: UploadFile[];
}

/** The organizations the clerk receives for, each once, in the order of the grants. */
function clerkOrganizations(roles: readonly { organizationId: string; organizationName: string; role: string }[]) {
  const seen = new Map<string, string>();
  for (const grant of roles)
    if (grant.role === 'clerk' && !seen.has(grant.organizationId))
      seen.set(grant.organizationId, grant.organizationName);
  return [...seen].map(([value, label]) => ({ value, label }));
}

/**
 * An `.edxml` file brought by hand (e-mail, USB): taken for one of the clerk's organizations, waiting
 * in its inbox or registered at once; the answer is shown with what was corrected and what is already
 * in the register under the same number.
 */
export default function ImportEdxmlDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const user = useCurrentUser();
  const organizations = clerkOrganizations(user.roles);
  const [form] = Form.useForm<ImportValues>();
  const registers = useRegisters();
  const importing = useImportEdxml();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const organizationId = Form.useWatch('organizationId', form);
  const registerNow = Form.useWatch('register', form);
  const usable = incomingRegisters(registers.data?.items ?? []).filter((r) => r.organizationId === organizationId);

  const send = async () => {
    // A field left empty is said under it; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    const file = v?.file[0]?.originFileObj;
    if (!v || !file) return;
    setError(null);
    try {
      setResult(
        await importing.mutateAsync({
          organizationId: v.organizationId,
          register: v.register,
          registerId: v.register ? v.registerId : undefined,
          file,
        }),
      );
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  const again = () => {
    setResult(null);
    setError(null);
    form.setFieldValue('file', []);
  };

  return (
    <Modal
      open={open}
      title={txw.import.title}
      onCancel={onClose}
      className="vp-import-edxml"
      width={640}
      footer={
        result
          ? [
              <Button key="again" onClick={again}>
                {txw.import.another}
              </Button>,
              <Button key="close" type="primary" onClick={onClose}>
                {txw.import.close}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {txw.import.close}
              </Button>,
              <Button key="submit" type="primary" loading={importing.isPending} onClick={send}>
                {txw.import.submit}
              </Button>,
            ]
      }
    >
      {result ? (
        <ImportResultView result={result} onNavigate={onClose} />
      ) : (
        <Form<ImportValues>
          form={form}
          layout="vertical"
          initialValues={{ organizationId: organizations[0]?.value, register: false, file: [] }}
          onValuesChange={(changed: Partial<ImportValues>) => {
            setError(null);
            if ('organizationId' in changed) form.setFieldValue('registerId', undefined);
          }}
        >
          <p style={{ marginTop: 0, color: 'rgba(0,0,0,0.55)' }}>{txw.import.intro}</p>
          <Form.Item
            name="organizationId"
            label={txw.import.organization}
            rules={[{ required: true, message: txw.import.organizationRequired }]}
          >
            <Select options={organizations} popupMatchSelectWidth={false} />
          </Form.Item>
          <Form.Item name="register" label={txw.import.registerNow} valuePropName="checked">
            <Switch />
          </Form.Item>
          {registerNow ? (
            <>
              <Form.Item
                name="registerId"
                label={txw.import.register}
                rules={[{ required: true, message: txw.import.registerRequired }]}
              >
                <Select
                  loading={registers.isLoading}
                  options={usable.map((r) => ({ value: r.id, label: r.name }))}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
              {registers.isSuccess && usable.length === 0 ? (
                <Alert type="warning" showIcon title={txw.import.noRegister} style={{ marginBottom: 16 }} />
              ) : null}
            </>
          ) : null}
          <Form.Item
            name="file"
            label={`${txw.import.file} (${txw.import.fileHint})`}
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
            rules={[{ required: true, type: 'array', min: 1, message: txw.import.fileRequired }]}
          >
            <Upload accept=".edxml,.xml" maxCount={1} beforeUpload={() => false}>
              <Button icon={<UploadOutlined />}>{txw.import.choose}</Button>
            </Upload>
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} className="vp-import-error" /> : null}
        </Form>
      )}
    </Modal>
  );
}
