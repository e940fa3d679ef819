import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import type { SavingsReport } from '../../../../common/schemas/savings';
import { tstat } from '../statistics.i18n';
import { formatNumber, formatVnd } from './money';

const ts = tstat.savings;

/** The year in four figures: pages, copies, money, and the projection against the article's target. */
export default function SavingsHeadline({ report }: { report: SavingsReport; running?: boolean }) {
  const percent = report.target > 0 ? Math.round((report.projectedYear / report.target) * 100) : 0;
  const figure = (title: string, text: string) => (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic title={title} value={text} formatter={() => text} />
    </Card>
  );
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={12} lg={6}>
        {figure(ts.pages, formatNumber(report.totals.pages))}
      </Col>
      <Col xs={12} lg={6}>
        {figure(ts.copies, formatNumber(report.totals.copies))}
      </Col>
      <Col xs={24} sm={12} lg={6}>
        {figure(ts.money, formatVnd(report.totals.money))}
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Card size="small" style={{ height: '100%' }}>
          <Statistic
            title={ts.projected}
            value={report.projectedYear}
            formatter={() => formatVnd(report.projectedYear)}
          />
          <Progress
            percent={Math.min(100, percent)}
            status={percent >= 100 ? 'success' : 'normal'}
            format={() => (percent >= 100 ? ts.reached : ts.ofTarget(percent))}
            size="small"
            aria-label={ts.ofTarget(percent)}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {ts.projectedHint(formatVnd(report.target))}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
