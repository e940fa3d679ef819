import { RollbackOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { lazy, useState } from 'react';
import type { DocumentView } from '../../../../common/schemas/documents';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import { type DocumentPeople, useDocumentPeople } from '../api/documents.api';
import { tdoc } from '../documents.i18n';
import { type ActionDialogKind as Dialog, actionLabel as label } from './actions/actionLabel';

// Each dialog's code (forms, pickers, upload) comes over the network when its button is pressed.
const StepDialog = lazy(() => import('./actions/StepDialog'));
const DirectDialog = lazy(() => import('./actions/DirectDialog'));
const DeleteDialog = lazy(() => import('./actions/DeleteDialog'));
const DecideExtensionDialog = lazy(() => import('./actions/DecideExtensionDialog'));

/** The order buttons appear in: the step that moves the document on comes first. */
const ORDER: Dialog[] = [
  'submit',
  'direct',
  'approve',
  'issue',
  'dispatch',
  'decide_extension',
  'complete',
  'report_progress',
  'request_extension',
  'reassign',
  'extend',
  'attach',
  'comment',
  'grant',
  'remind',
  'withdraw',
  'return',
  'recall',
  'delete',
];
const NEEDS_PEOPLE = new Set<Dialog>(['submit', 'direct', 'reassign', 'grant']);
const DANGER = new Set<Dialog>(['return', 'recall', 'delete']);
const ASIDE = new Set<Dialog>(['attach', 'comment', 'grant', 'remind', 'withdraw']);
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
  const available = ORDER.filter((a) => doc.actions.includes(a));
  const people = useDocumentPeople(doc.id, open !== null && NEEDS_PEOPLE.has(open));
  if (available.length === 0 && !doc.actions.includes('edit') && !doc.actions.includes('reply')) return null;
  const close = () => setOpen(null);
  // Only a step that moves the document on is the primary button; adding files, a comment or a grant never is.
  const primary = available.find((a) => !DANGER.has(a) && !ASIDE.has(a));

  return (
    <>
      <Flex gap={8} wrap className="vp-doc-actions">
        {doc.actions.includes('edit') ? <Button onClick={onEdit}>{tdoc.actions.edit}</Button> : null}
        {doc.actions.includes('reply') ? (
          <Button icon={<RollbackOutlined />} onClick={onReply}>
            {tdoc.actions.reply}
          </Button>
        ) : null}
        {available.map((a) => (
          <Button
            key={a}
            type={a === primary ? 'primary' : 'default'}
            danger={DANGER.has(a)}
            onClick={() => setOpen(a)}
          >
            {label(a, doc)}
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
