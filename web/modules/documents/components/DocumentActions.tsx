import { RollbackOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { lazy, useState } from 'react';
import type { DocumentView } from '../../../../common/schemas/documents';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import { type DocumentPeople, useDocumentPeople } from '../api/documents.api';
import { tdoc } from '../documents.i18n';
import { type ActionDialogKind as Dialog, actionLabel as label } from './actions/actionLabel';
import { actionButtons, needsPeople } from './actions/stepBodies';

// Each dialog's code (forms, pickers, upload) comes over the network when its button is pressed.
const StepDialog = lazy(() => import('./actions/StepDialog'));
const DirectDialog = lazy(() => import('./actions/DirectDialog'));
const DeleteDialog = lazy(() => import('./actions/DeleteDialog'));
const DecideExtensionDialog = lazy(() => import('./actions/DecideExtensionDialog'));

/** The buttons the server says this person may use, each opening its own small dialog. */
export default function DocumentActions({
  doc,
  onEdit,
  onReply,
}: {
  doc: DocumentView;
  onEdit: () => void;
  onReply: () => void;
}) {
  const [open, setOpen] = useState<Dialog | null>(null);
  const buttons = actionButtons(doc.actions);
  const people = useDocumentPeople(doc.id, open !== null && needsPeople(open));
  if (buttons.length === 0 && !doc.actions.includes('edit') && !doc.actions.includes('reply')) return null;
  const close = () => setOpen(null);

  return (
    <>
      <Flex gap={8} wrap className="vp-doc-actions">
        {doc.actions.includes('edit') ? <Button onClick={onEdit}>{tdoc.actions.edit}</Button> : null}
        {doc.actions.includes('reply') ? (
          <Button icon={<RollbackOutlined />} onClick={onReply}>
            {tdoc.actions.reply}
          </Button>
        ) : null}
        {buttons.map(({ action, primary, danger }) => (
          <Button key={action} type={primary ? 'primary' : 'default'} danger={danger} onClick={() => setOpen(action)}>
            {label(action, doc)}
          </Button>
        ))}
      </Flex>
      <MountWhenOpened open={open !== null}>
        {open ? <ActionDialog action={open} doc={doc} people={people.data} onClose={close} /> : null}
      </MountWhenOpened>
    </>
  );
}

function ActionDialog({
  action,
  doc,
  people,
  onClose,
}: {
  action: Dialog;
  doc: DocumentView;
  people: DocumentPeople | undefined;
  onClose: () => void;
}) {
  const common = { doc, title: label(action, doc), onClose };
  switch (action) {
    case 'direct':
    case 'reassign':
      return <DirectDialog {...common} step={action} people={people} />;
    case 'delete':
      return <DeleteDialog {...common} />;
    case 'decide_extension':
      return <DecideExtensionDialog {...common} />;
    default:
      return <StepDialog action={action} doc={doc} people={people} onClose={onClose} />;
  }
}
