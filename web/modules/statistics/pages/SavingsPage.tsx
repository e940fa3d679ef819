import { Card, Col, Empty, Flex, Row, Select, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { vietnamToday } from '../../../app/format';
import { useCurrentUser } from '../../../app/layout/currentUser';
import { useSavingsReport } from '../api/savings.api';
import KindBreakdown from '../components/KindBreakdown';
import MonthChart from '../components/MonthChart';
import OrganizationTable from '../components/OrganizationTable';
import PricesCard from '../components/PricesCard';
import SavingsHeadline from '../components/SavingsHeadline';
import { tstat } from '../statistics.i18n';

const ts = tstat.savings;
const YEARS_BACK = 6;

/** Today's year and month in Vietnam. */
function thisMonthInVietnam(): { year: number; month: number } {
  const [year = '2000', month = '1'] = vietnamToday().split('-');
  return { year: Number(year), month: Number(month) };
}

/** The paper, ink and carrying an electronic office saved, by month, kind and organization. */
export default function SavingsPage() {
  const user = useCurrentUser();
  const isAdmin = user.roles.some((r) => r.role === 'admin');
  const today = thisMonthInVietnam();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= today.year ? asked : today.year;
  const report = useSavingsReport(year);
  const data = report.data?.year === year ? report.data : undefined;
  const running = year === today.year;
  const lastMonth = running ? today.month : 12;
  const years = Array.from({ length: YEARS_BACK }, (_, i) => today.year - i);

  return (
    <>
      <PageTitle
        title={ts.title}
        extra={
          <Select<number>
            aria-label={ts.year}
            value={year}
            onChange={(y) => setParams(y === today.year ? {} : { year: String(y) }, { replace: true })}
            options={years.map((y) => ({ value: y, label: ts.yearOption(y) }))}
            style={{ width: 120 }}
          />
        }
      />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {ts.intro} {ts.howCounted}
      </Typography.Paragraph>
      {report.isError ? (
        <QueryErrorAlert error={report.error} onRetry={() => report.refetch()} retrying={report.isFetching} />
      ) : null}
      {!data ? (
        report.isError ? null : (
          <Skeleton active paragraph={{ rows: 8 }} />
        )
      ) : (
        <Flex vertical gap={16} style={{ opacity: report.isFetching && report.isPlaceholderData ? 0.6 : 1 }}>
          <div>
            {data.totals.pages === 0 ? null : <SavingsHeadline report={data} running={running} />}
            {data.totals.pages === 0 ? (
              <Card size="small">
                <Empty
                  description={
                    <>
                      {ts.empty(year)}
                      <br />
                      <Typography.Text type="secondary">{ts.emptyHint}</Typography.Text>
                    </>
                  }
                />
              </Card>
            ) : (
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={14}>
                  <Card size="small" title={ts.byMonth}>
                    <MonthChart report={data} lastMonth={lastMonth} />
                  </Card>
                </Col>
                <Col xs={24} lg={10}>
                  <Card size="small" title={ts.byKind} style={{ height: '100%' }}>
                    <KindBreakdown report={data} />
                  </Card>
                </Col>
                <Col xs={24}>
                  <Card size="small" title={ts.byOrganization} styles={{ body: { padding: 0 } }}>
                    <OrganizationTable report={data} />
                  </Card>
                </Col>
              </Row>
            )}
          </div>
          <div style={{ maxWidth: 560 }}>
            <PricesCard settings={data.settings} canEdit={isAdmin} />
          </div>
        </Flex>
      )}
    </>
  );
}
