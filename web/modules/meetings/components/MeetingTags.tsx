import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import { SECRECY_LABELS, type Secrecy } from '../../../../common/documents';
import {
  ATTENDANCE_LABELS,
  type Attendance,
  MEETING_STATUS_LABELS,
  type MeetingStatus,
  REPLY_LABELS,
  type Reply,
} from '../../../../common/meetings';

const STATUS_COLORS: Record<MeetingStatus, string> = {
  draft: 'default',
  invited: 'processing',
  postponed: 'warning',
  cancelled: 'error',
};

export const REPLY_COLORS: Record<Reply, string> = {
  pending: 'gold',
  attending: 'success',
  absent: 'error',
  deputy: 'blue',
};

const ATTENDANCE_COLORS: Record<Attendance, string> = {
  unknown: 'default',
  present: 'success',
  absent: 'error',
};

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-meeting-status={status}>
      {MEETING_STATUS_LABELS[status]}
    </Tag>
  );
}

/** A reply; `big` for a delegate's own, read at a glance on a phone. */
export function ReplyTag({ reply, big = false }: { reply: Reply; big?: boolean }) {
  const style: CSSProperties | undefined = big ? { fontSize: 14, padding: '2px 10px', lineHeight: '22px' } : undefined;
  return (
    <Tag color={REPLY_COLORS[reply]} style={style} data-reply={reply}>
      {REPLY_LABELS[reply]}
    </Tag>
  );
}

export function AttendanceTag({ attendance }: { attendance: Attendance }) {
  return <Tag color={ATTENDANCE_COLORS[attendance]}>{ATTENDANCE_LABELS[attendance]}</Tag>;
}

export function SecrecyTag({ secrecy }: { secrecy: Secrecy }) {
  return secrecy === 'normal' ? null : <Tag color="purple">{SECRECY_LABELS[secrecy]}</Tag>;
}
