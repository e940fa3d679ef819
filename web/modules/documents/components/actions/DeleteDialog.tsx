import { Alert, App, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { DocumentView } from '../../../../../common/schemas/documents';
import { errorMessage } from '../../../../app/api/client';
import { useDeleteDraft } from '../../api/documents.api';
import { tdoc } from '../../documents.i18n';

/** Deletes the author's draft after asking; the page then goes back to the list. */
export default function DeleteDialog({
  doc,
  title,
  onClose,
}: {
  doc: DocumentView;
  title: string;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const remove = useDeleteDraft(doc.id);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      await remove.mutateAsync(doc.version);
      message.success(tdoc.actions.deleted);
      onClose();
      navigate('/outgoing', { replace: true });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={title}
      cancelText="Hủy"
      okButtonProps={{ danger: true }}
      confirmLoading={remove.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{tdoc.actions.deleteConfirm}</Typography.Paragraph>
      <Typography.Paragraph strong>{doc.summary}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
