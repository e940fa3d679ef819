import { Tag } from 'antd';
import { type CaseStatus, STAGE_LABELS, type Stage } from '../../../../common/inspection';
import { ti } from '../inspection.i18n';

export function StageTag({ stage, status }: { stage: Stage; status: CaseStatus }) {
  return <Tag color={status === 'closed' ? 'default' : 'blue'}>{STAGE_LABELS[stage]}</Tag>;
}

export function OverdueTag({ overdue }: { overdue: boolean }) {
  return overdue ? (
    <Tag color="red" data-overdue="true">
      {ti.list.overdue}
    </Tag>
  ) : null;
}

export const caseLink = (c: { id: string }) => `/inspection/cases/${encodeURIComponent(c.id)}`;
