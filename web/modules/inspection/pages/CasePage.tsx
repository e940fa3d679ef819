import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Tag, Timeline, Typography } from 'antd';
import { lazy, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { CASE_KIND_LABELS, STAGE_LABELS } from '../../../../common/inspection';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatCalendarDate, formatDateTimeShort } from '../../../app/format';
import { useCase } from '../api/inspection.api';
import { AccessCard, DisciplinesCard, DocumentsCard, SubjectsCard } from '../components/CaseSidePanels';
import { OverdueTag, StageTag } from '../components/CaseTags';
import { ti } from '../inspection.i18n';

// Recording the next stage (a form with a date picker) comes when its button is pressed.
const StageModal = lazy(() => import('../components/StageModal'));

const p = ti.page;

/** One case: what it is about, its stages as a timeline, its decisions, documents and who is given it. */
export default function CasePage() {
  const { id = '' } = useParams();
  const query = useCase(id);
  const [recording, setRecording] = useState(false);
  const view = query.data;
  if (query.isError)
    return <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} retrying={query.isFetching} />;
  if (!view) return <Skeleton active paragraph={{ rows: 10 }} />;
  const canRecord = view.actions.includes('record') && view.nextStages.length > 0;

  return (
    <Flex vertical gap={12}>
      <Link to="/inspection">
        <ArrowLeftOutlined /> {p.back}
      </Link>
      <Flex wrap justify="space-between" align="center" gap={8}>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">{CASE_KIND_LABELS[view.kind]}</Typography.Text>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {view.title}
          </Typography.Title>
          <Flex gap={4} wrap>
            <StageTag stage={view.stage} status={view.status} />
            <OverdueTag overdue={view.overdue} />
            <Tag icon={<LockOutlined />}>Mật</Tag>
          </Flex>
        </Flex>
        {canRecord ? (
          <Button type="primary" onClick={() => setRecording(true)}>
            {p.record}
          </Button>
        ) : null}
      </Flex>
      {view.status === 'closed' ? <Alert type="success" showIcon title={p.finished} /> : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={12}>
            <Card size="small" title={p.info}>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  { key: 'c', label: p.commission, children: view.organizationName },
                  { key: 'u', label: p.unit, children: view.unitOrganizationName ?? '—' },
                  { key: 'o', label: p.opened, children: formatCalendarDate(view.openedOn) },
                  { key: 'd', label: p.stageDue, children: formatCalendarDate(view.stageDueDate) || '—' },
                  { key: 'l', label: p.deadline, children: formatCalendarDate(view.deadline) || '—' },
                  {
                    key: 'v',
                    label: p.violation,
                    children: view.violation === null ? '—' : view.violation ? p.violationYes : p.violationNo,
                  },
                ]}
              />
              {view.summary ? (
                <Typography.Paragraph style={{ marginTop: 8 }}>{view.summary}</Typography.Paragraph>
              ) : null}
            </Card>
            <Card size="small" title={p.stages}>
              <Timeline
                items={view.stages.map((s) => ({
                  key: s.id,
                  color: 'blue',
                  content: (
                    <Flex vertical gap={2} data-stage={s.stage}>
                      <strong>
                        {STAGE_LABELS[s.stage]} · {formatCalendarDate(s.onDate)}
                        {s.documentNumber ? ` · ${s.documentNumber}` : ''}
                      </strong>
                      {s.details.map((d) => (
                        <span key={d}>{d}</span>
                      ))}
                      {s.note ? <span>{s.note}</span> : null}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.recordedBy(s.recordedByName, formatDateTimeShort(s.recordedAt))}
                        {s.dueDate ? ` · ${p.due(formatCalendarDate(s.dueDate))}` : ''}
                      </Typography.Text>
                    </Flex>
                  ),
                }))}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={12}>
            <SubjectsCard view={view} />
            <DisciplinesCard view={view} />
            <DocumentsCard view={view} />
            <AccessCard view={view} />
          </Flex>
        </Col>
      </Row>
      <MountWhenOpened open={recording}>
        {recording ? <StageModal view={view} onClose={() => setRecording(false)} /> : null}
      </MountWhenOpened>
    </Flex>
  );
}
