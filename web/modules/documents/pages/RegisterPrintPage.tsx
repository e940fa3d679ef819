import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Select, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { STATUS_LABELS } from '../../../../common/documents';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatCalendarDate, formatDateTimeShort } from '../../../app/format';
import { type Direction, useDocumentList } from '../api/documents.api';
import { bookPeriod, useBookRegister } from '../components/bookRegister';
import { useFilterParams } from '../components/useFilterParams';
import { tdoc } from '../documents.i18n';

/** The most a printed book holds at once; a longer one is printed by date range. */
const PRINT_LIMIT = 200;

/**
 * The register book laid out for paper (or "Save as PDF"), with the list's filters: one register
 * of one organization, titled with both and the period it covers.
 */
export default function RegisterPrintPage({ direction }: { direction: Direction }) {
  const navigate = useNavigate();
  const { filters, setFilters } = useFilterParams();
  const { registers, book, loading } = useBookRegister(direction, filters.registerId);
  const period = bookPeriod(book, filters.from, filters.to);
  const list = useDocumentList(
    direction,
    { ...filters, ...period, registerId: book?.id ?? 'none', sort: filters.sort ?? 'register' },
    1,
    PRINT_LIMIT,
  );
  const items = book ? (list.data?.items ?? []) : [];
  const incoming = direction === 'incoming';
  const periodLabel =
    period.from && period.to && !filters.from && !filters.to
      ? tdoc.print.year(period.from.slice(0, 4))
      : period.from || period.to
        ? `${formatCalendarDate(period.from ?? null)} – ${formatCalendarDate(period.to ?? null)}`
        : book?.termLabel
          ? tdoc.print.term(book.termLabel)
          : '';

  return (
    <div style={{ background: '#fff', padding: 16 }}>
      <Flex className="vp-no-print" gap={8} style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {tdoc.print.back}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!list.isSuccess}>
          {tdoc.print.printNow}
        </Button>
        <Select
          aria-label={tdoc.print.register}
          value={book?.id}
          loading={loading}
          onChange={(registerId: string) => setFilters({ ...filters, registerId })}
          options={registers.map((r) => ({ value: r.id, label: `${r.name} — ${r.organizationName}` }))}
          style={{ minWidth: 280, maxWidth: '100%' }}
        />
      </Flex>
      {!loading && !book ? <Alert type="info" showIcon title={tdoc.print.noRegister} /> : null}
      {list.isError ? <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      {book ? (
        <Typography.Paragraph strong style={{ textAlign: 'center', marginBottom: 4 }} className="vp-book-org">
          {book.organizationName.toUpperCase()}
        </Typography.Paragraph>
      ) : null}
      <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>
        {incoming ? tdoc.print.incomingTitle : tdoc.print.outgoingTitle}
      </Typography.Title>
      {book ? (
        <Typography.Paragraph style={{ textAlign: 'center', marginBottom: 4 }} className="vp-book-register">
          {[book.name, periodLabel].filter(Boolean).join(' — ')}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph style={{ textAlign: 'center' }} type="secondary">
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
