import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Progress,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { CASE_KIND_LABELS, CASE_KINDS, type CaseKind, INSPECTION_LIMITS } from '../../../../common/inspection';
import { errorMessage } from '../../../app/api/client';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { useAddProgrammeItem, useCreateProgramme, useInspectionOptions, useProgramme } from '../api/inspection.api';
import { caseLink, StageTag } from '../components/CaseTags';
import CreateCaseModal from '../components/CreateCaseModal';
import { ti } from '../inspection.i18n';

const pr = ti.programme;
const thisYear = new Date().getFullYear();

/** The year's inspection and supervision programme by quarter, and how far each planned case got. */
export default function ProgrammePage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const query = useProgramme(year);
  const options = useInspectionOptions();
  const createProgramme = useCreateProgramme();
  const [adding, setAdding] = useState(false);
  const [starting, setStarting] = useState<{ kind: CaseKind; title: string; programmeItemId: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const data = query.data?.year === year ? query.data : undefined;

  return (
    <>
      <PageTitle
        title={`${pr.title} ${year}`}
        extra={
          <>
            <Select<number>
              aria-label={ti.reports.year}
              value={year}
              onChange={(y) => setParams({ year: String(y) }, { replace: true })}
              options={Array.from({ length: 5 }, (_, i) => thisYear + 1 - i).map((y) => ({
                value: y,
                label: `Năm ${y}`,
              }))}
              style={{ width: 120 }}
            />
            {data?.programme && data.canEdit ? (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {pr.addItem}
              </Button>
            ) : null}
          </>
        }
      />
      {query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} retrying={query.isFetching} />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {!data ? (
        query.isError ? null : (
          <Skeleton active />
        )
      ) : !data.programme ? (
        <Card size="small">
          <Empty description={pr.none(year)}>
            {data.canEdit ? (
              <Button
                type="primary"
                loading={createProgramme.isPending}
                onClick={async () => {
                  const organizationId = options.data?.commissions[0]?.id;
                  if (!organizationId) return;
                  try {
                    await createProgramme.mutateAsync({
                      organizationId,
                      year,
                      title: `Chương trình kiểm tra, giám sát năm ${year}`,
                    });
                  } catch (failure) {
                    setError(errorMessage(failure));
                  }
                }}
              >
                {pr.create}
              </Button>
            ) : null}
          </Empty>
        </Card>
      ) : (
        <Flex vertical gap={12}>
          <Card size="small" title={data.programme.title}>
            <Flex wrap gap={24} align="center">
              <Progress
                type="circle"
                size={72}
                percent={data.totals.planned ? Math.round((data.totals.closed / data.totals.planned) * 100) : 0}
              />
              <Typography.Text>{pr.progress(data.totals.closed, data.totals.planned)}</Typography.Text>
            </Flex>
          </Card>
          <Row gutter={[12, 12]}>
            {data.byQuarter.map((q) => (
              <Col key={q.quarter} xs={24} md={12} xl={6}>
                <Card
                  size="small"
                  title={pr.quarterLabel(q.quarter)}
                  extra={`${q.closed}/${q.started}/${q.planned}`}
                  data-quarter={q.quarter}
                >
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {pr.closed} {q.closed} · {pr.started} {q.started} · {pr.planned} {q.planned}
                  </Typography.Text>
                  <List
                    size="small"
                    dataSource={data.items.filter((i) => i.quarter === q.quarter)}
                    locale={{ emptyText: ' ' }}
                    renderItem={(i) => (
                      <List.Item>
                        <Flex vertical gap={2} style={{ width: '100%' }}>
                          <span>{i.title}</span>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {CASE_KIND_LABELS[i.kind]}
                            {i.unitOrganizationName ? ` · ${i.unitOrganizationName}` : ''}
                          </Typography.Text>
                          {i.caseId && i.caseStage && i.caseStatus ? (
                            <Link to={caseLink({ id: i.caseId })}>
                              <StageTag stage={i.caseStage} status={i.caseStatus} />
                            </Link>
                          ) : data.canEdit ? (
                            <Button
                              size="small"
                              style={{ alignSelf: 'flex-start' }}
                              onClick={() => setStarting({ kind: i.kind, title: i.title, programmeItemId: i.id })}
                            >
                              {pr.startCase}
                            </Button>
                          ) : (
                            <Typography.Text type="secondary">{pr.notStarted}</Typography.Text>
                          )}
                        </Flex>
                      </List.Item>
                    )}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        </Flex>
      )}
      {adding && data?.programme ? (
        <AddItemModal programmeId={data.programme.id} onClose={() => setAdding(false)} />
      ) : null}
      {starting ? <CreateCaseModal preset={starting} onClose={() => setStarting(null)} /> : null}
    </>
  );
}

function AddItemModal({ programmeId, onClose }: { programmeId: string; onClose: () => void }) {
  const add = useAddProgrammeItem(programmeId);
  const [form] = Form.useForm<{ quarter: number; kind: CaseKind; title: string }>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={pr.addItem}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ quarter: 1 }}
        onFinish={async (v) => {
          try {
            await add.mutateAsync(v);
            message.success(pr.addItem);
            onClose();
          } catch (failure) {
            setError(errorMessage(failure));
          }
        }}
      >
        <Form.Item name="quarter" label={pr.quarter} rules={[{ required: true }]}>
          <Select options={[1, 2, 3, 4].map((q) => ({ value: q, label: pr.quarterLabel(q) }))} />
        </Form.Item>
        <Form.Item name="kind" label={ti.form.kind} rules={[{ required: true, message: ti.form.required }]}>
          <Select
            options={CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_LABELS[k] }))}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Form.Item name="title" label={pr.itemTitle} rules={[{ required: true, message: ti.form.required }]}>
          <Input maxLength={INSPECTION_LIMITS.title} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
