import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Select, Skeleton, Statistic, Table } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { CASE_KIND_LABELS, DISCIPLINE_FORM_LABELS, SUBJECT_TYPE_LABELS } from '../../../../common/inspection';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { useInspectionReport } from '../api/inspection.api';
import Bars from '../components/Bars';
import { ti } from '../inspection.i18n';

const r = ti.reports;
const thisYear = new Date().getFullYear();

/** The year's figures as bars and tables, with the same report as a spreadsheet or PDF. */
export default function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const report = useInspectionReport(year);
  const data = report.data?.year === year ? report.data : undefined;

  return (
    <>
      <PageTitle
        title={r.title}
        extra={
          <>
            <Select<number>
              aria-label={r.year}
              value={year}
              onChange={(y) => setParams({ year: String(y) }, { replace: true })}
              options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `Năm ${y}` }))}
              style={{ width: 120 }}
            />
            <Button icon={<DownloadOutlined />} href={`/api/inspection/reports.xlsx?year=${year}`}>
              {r.xlsx}
            </Button>
            <Button icon={<DownloadOutlined />} href={`/api/inspection/reports.pdf?year=${year}`}>
              {r.pdf}
            </Button>
          </>
        }
      />
      {report.isError ? (
        <QueryErrorAlert error={report.error} onRetry={() => report.refetch()} retrying={report.isFetching} />
      ) : null}
      {!data ? (
        report.isError ? null : (
          <Skeleton active paragraph={{ rows: 8 }} />
        )
      ) : data.totals.cases === 0 ? (
        <Card size="small">
          <Empty description={r.empty(year)} />
        </Card>
      ) : (
        <Flex vertical gap={12}>
          <Card size="small" title={r.totals}>
            <Row gutter={[12, 12]}>
              {(
                [
                  ['cases', r.cases, data.totals.cases],
                  ['violations', r.violations, data.totals.violations],
                  ['open', r.open, data.totals.open],
                  ['closed', r.closed, data.totals.closed],
                  ['overdue', r.overdue, data.totals.overdue],
                ] as const
              ).map(([key, title, value]) => (
                <Col key={key} xs={12} sm={8} md={4}>
                  <Statistic title={title} value={value} data-figure={key} />
                </Col>
              ))}
            </Row>
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={`${r.byKind} (${r.cases} / ${r.violations.toLowerCase()})`}>
                <Bars
                  label={r.byKind}
                  partLabel={r.violations}
                  bars={data.byKind.map((k) => ({
                    key: k.kind,
                    label: CASE_KIND_LABELS[k.kind],
                    value: k.cases,
                    part: k.violations,
                  }))}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={r.bySubject}>
                <Bars
                  label={r.bySubject}
                  partLabel={r.violations}
                  bars={data.bySubjectType.map((s) => ({
                    key: s.subjectType,
                    label: SUBJECT_TYPE_LABELS[s.subjectType],
                    value: s.subjects,
                    part: s.violations,
                  }))}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={r.byQuarter}>
                <Bars
                  label={r.byQuarter}
                  partLabel={r.violations}
                  bars={data.byQuarter.map((q) => ({
                    key: String(q.quarter),
                    label: r.quarter(q.quarter),
                    value: q.cases,
                    part: q.violations,
                  }))}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={r.denunciations}>
                <Bars
                  label={r.denunciations}
                  bars={[
                    { key: 'received', label: r.received, value: data.denunciations.received },
                    { key: 'handled', label: r.handled, value: data.denunciations.handled },
                    { key: 'inTime', label: r.inTime, value: data.denunciations.inTime },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={r.disciplines} styles={{ body: { padding: 0 } }}>
                <Table
                  size="small"
                  rowKey={(d) => `${d.form}:${d.subjectType}`}
                  pagination={false}
                  dataSource={data.disciplines}
                  locale={{ emptyText: ti.page.noDisciplines }}
                  columns={[
                    { key: 'f', title: r.form, render: (_, d) => DISCIPLINE_FORM_LABELS[d.form] },
                    { key: 's', title: r.subject, render: (_, d) => SUBJECT_TYPE_LABELS[d.subjectType] },
                    { key: 'n', title: r.count, dataIndex: 'count', align: 'right' },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={r.byOrganization} styles={{ body: { padding: 0 } }}>
                <Table
                  size="small"
                  rowKey={(o) => o.organizationId ?? 'none'}
                  pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
                  dataSource={data.byOrganization}
                  columns={[
                    { key: 'o', title: r.byOrganization, dataIndex: 'organizationName' },
                    { key: 'c', title: r.cases, dataIndex: 'cases', align: 'right' },
                    { key: 'v', title: r.violations, dataIndex: 'violations', align: 'right' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </Flex>
      )}
    </>
  );
}
