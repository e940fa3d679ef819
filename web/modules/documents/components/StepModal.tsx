import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import type { DocumentView } from '../../../../common/schemas/documents';
import { errorMessage } from '../../../app/api/client';
import { documentKeys, isStale, useDocumentStep } from '../api/documents.api';
import { tdoc } from '../documents.i18n';

/**
 * One workflow step in a small dialog: its fields, then POST with the document's version.
 * When someone else moved the document first, the page reloads it and says so.
 */
export default function StepModal<V extends object>({
  doc,
  step,
  title,
  okText,
  danger = false,
  versioned = true,
  onClose,
  toBody,
  children,
}: {
  doc: DocumentView;
  step: string;
  title: string;
  okText?: string;
  danger?: boolean;
  versioned?: boolean;
  onClose: () => void;
  toBody: (values: V) => object;
  children: (form: FormInstance<V>) => ReactNode;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const mutation = useDocumentStep(doc.id);

  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await mutation.mutateAsync({
        step,
        body: versioned ? { version: doc.version, ...toBody(values) } : toBody(values),
      });
      message.success(tdoc.actions.done);
      onClose();
    } catch (failure) {
      if (isStale(failure)) {
        message.warning(tdoc.doc.stale);
        void client.invalidateQueries({ queryKey: documentKeys.document(doc.id) });
        onClose();
      } else {
        setError(errorMessage(failure));
      }
    }
  };

  return (
    <Modal
      open
      title={title}
      className="vp-step-dialog"
      okText={okText ?? title}
      okButtonProps={{ danger }}
      confirmLoading={mutation.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" requiredMark="optional">
        {children(form)}
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
