import { Empty, Table, type TableColumnsType } from 'antd';
import type { SavingsReport } from '../../../../common/schemas/savings';
import { tstat } from '../statistics.i18n';
import { formatNumber, formatVnd } from './money';

type Row = SavingsReport['byOrganization'][number];
const ts = tstat.savings;

const columns: TableColumnsType<Row> = [
  {
    key: 'name',
    title: ts.colOrganization,
    dataIndex: 'organizationName',
    sorter: (a, b) => a.organizationName.localeCompare(b.organizationName, 'vi'),
  },
  {
    key: 'pages',
    title: ts.colPages,
    dataIndex: 'pages',
    align: 'right',
    width: 120,
    responsive: ['sm'],
    sorter: (a, b) => a.pages - b.pages,
    render: (v: number) => formatNumber(v),
  },
  {
    key: 'copies',
    title: ts.colCopies,
    dataIndex: 'copies',
    align: 'right',
    width: 110,
    responsive: ['md'],
    sorter: (a, b) => a.copies - b.copies,
    render: (v: number) => formatNumber(v),
  },
  {
    key: 'money',
    title: ts.colMoney,
    dataIndex: 'money',
    align: 'right',
    width: 150,
    defaultSortOrder: 'descend',
    sorter: (a, b) => a.money - b.money,
    render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatVnd(v)}</span>,
  },
];

/** Every organization that saved paper this year, sortable by any figure (largest saving first). */
export default function OrganizationTable({ report }: { report: SavingsReport }) {
  return (
    <Table<Row>
      rowKey="organizationId"
      size="small"
      columns={columns}
      dataSource={report.byOrganization}
      showSorterTooltip={false}
      pagination={report.byOrganization.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={ts.noOrganizations} /> }}
    />
  );
}
