import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { STATUS_LABELS } from '../../../../common/documents';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatCalendarDate, formatDateTimeShort } from '../../../app/format';
import { type Direction, useDocumentList } from '../api/documents.api';
import { useFilterParams } from '../components/useFilterParams';
import { tdoc } from '../documents.i18n';

/** The most a printed book holds at once; a longer one is printed by date range. */
const PRINT_LIMIT = 200;

/** The register book laid out for paper (or "Save as PDF"), with the list's filters. */
export default function RegisterPrintPage({ direction }: { direction: Direction }) {
  const navigate = useNavigate();
  const { filters } = useFilterParams();
  const list = useDocumentList(direction, { ...filters, sort: filters.sort ?? 'number' }, 1, PRINT_LIMIT);
  const items = list.data?.items ?? [];
  const incoming = direction === 'incoming';

  return (
    <div style={{ background: '#fff', padding: 16 }}>
      <Flex className="vp-no-print" gap={8} style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {tdoc.print.back}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!list.isSuccess}>
          {tdoc.print.printNow}
        </Button>
      </Flex>
      {list.isError ? <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {incoming ? tdoc.print.incomingTitle : tdoc.print.outgoingTitle}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center' }} type="secondary">
        {filters.from && filters.to ? `${formatCalendarDate(filters.from)} – ${formatCalendarDate(filters.to)} · ` : ''}
        {tdoc.print.printedAt(formatDateTimeShort(new Date()))}
      </Typography.Paragraph>
      {list.data && (list.data.total > items.length || list.data.totalCapped) ? (
        <Alert
          className="vp-no-print"
          type="warning"
          showIcon
          title={tdoc.print.truncated(items.length, list.data.total, list.data.totalCapped === true)}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {list.isLoading ? <Spin /> : null}
      <div style={{ overflowX: 'auto' }}>
        <table className="vp-print">
          <thead>
            <tr>
              <th>{incoming ? tdoc.list.colArrival : tdoc.print.colNo}</th>
              {incoming ? <th>{tdoc.form.arrivalDate}</th> : null}
              <th>{tdoc.list.colNumber}</th>
              <th>{tdoc.form.issueDate}</th>
              {incoming ? <th>{tdoc.list.colIssuer}</th> : null}
              <th>{tdoc.list.colSummary}</th>
              <th>{tdoc.list.colDue}</th>
              <th>{tdoc.list.colStatus}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d, i) => (
              <tr key={d.id}>
                <td>{incoming ? (d.arrivalNumber ?? '') : i + 1}</td>
                {incoming ? <td>{formatCalendarDate(d.arrivalDate)}</td> : null}
                <td>{d.numberText ?? ''}</td>
                <td>{formatCalendarDate(d.issueDate)}</td>
                {incoming ? <td>{d.issuerName}</td> : null}
                <td>{d.summary}</td>
                <td>{formatCalendarDate(d.dueDate)}</td>
                <td>{STATUS_LABELS[d.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
