import { Tag } from 'antd';
import {
  type DocumentStatus,
  SECRECY_LABELS,
  type Secrecy,
  statusLabel,
  URGENCY_LABELS,
  type Urgency,
} from '../../../../common/documents';
import { tdoc } from '../documents.i18n';

const STATUS_COLORS: Record<DocumentStatus, string> = {
  registered: 'blue',
  submitted: 'gold',
  in_progress: 'processing',
  done: 'success',
  cancelled: 'default',
  draft: 'default',
  approved: 'cyan',
  issued: 'geekblue',
  dispatched: 'success',
  recalled: 'error',
};

export function StatusTag({ status, direction }: { status: DocumentStatus; direction: 'incoming' | 'outgoing' }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {statusLabel(status, direction)}
    </Tag>
  );
}

/** Urgency and secrecy marks, shown only when they are not "normal", plus "overdue". */
export function MarkTags({ urgency, secrecy, overdue }: { urgency: Urgency; secrecy: Secrecy; overdue?: boolean }) {
  return (
    <>
      {urgency !== 'normal' ? (
        <Tag color={urgency === 'urgent' ? 'orange' : 'red'}>{URGENCY_LABELS[urgency]}</Tag>
      ) : null}
      {secrecy !== 'normal' ? <Tag color="purple">{SECRECY_LABELS[secrecy]}</Tag> : null}
      {overdue ? <Tag color="red">{tdoc.list.overdue}</Tag> : null}
    </>
  );
}
