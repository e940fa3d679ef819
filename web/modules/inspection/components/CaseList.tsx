import { Empty, Flex, Grid, List, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { CASE_KIND_LABELS } from '../../../../common/inspection';
import type { CaseSummary } from '../../../../common/schemas/inspection';
import { formatCalendarDate } from '../../../app/format';
import { t } from '../../../app/i18n';
import { ti } from '../inspection.i18n';
import { caseLink, OverdueTag, StageTag } from './CaseTags';

interface Paging {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

const due = (c: CaseSummary) => (c.status === 'closed' ? ti.list.closed : formatCalendarDate(c.stageDueDate));

/** Cases as a table on a wide screen and as cards on a phone. */
export default function CaseList({
  items,
  loading,
  paging,
}: {
  items: CaseSummary[];
  loading: boolean;
  paging: Paging;
}) {
  const screens = Grid.useBreakpoint();
  const empty = (
    <Empty
      description={
        <>
          {ti.list.empty}
          <br />
          <Typography.Text type="secondary">{ti.list.emptyHint}</Typography.Text>
        </>
      }
    />
  );
  const pagination = {
    current: paging.page,
    pageSize: paging.pageSize,
    total: paging.total,
    showSizeChanger: false,
    hideOnSinglePage: true,
    showTotal: (total: number) => t.common.total(total),
    onChange: paging.onChange,
    size: 'small' as const,
  };
  if (screens.md !== true) {
    return (
      <List<CaseSummary>
        loading={loading}
        dataSource={items}
        locale={{ emptyText: empty }}
        pagination={{ ...pagination, align: 'center' }}
        renderItem={(c) => (
          <List.Item key={c.id} style={{ background: '#fff', padding: 12, marginBottom: 8, borderRadius: 6 }}>
            <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {CASE_KIND_LABELS[c.kind]}
              </Typography.Text>
              <Link to={caseLink(c)} style={{ fontWeight: 600, fontSize: 15 }}>
                {c.title}
              </Link>
              <Typography.Text style={{ fontSize: 13 }}>{c.subjectNames.join(', ')}</Typography.Text>
              <Flex gap={4} wrap align="center">
                <StageTag stage={c.stage} status={c.status} />
                <OverdueTag overdue={c.overdue} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {due(c)}
                </Typography.Text>
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    );
  }
  const columns: TableColumnsType<CaseSummary> = [
    {
      key: 'title',
      title: ti.list.colTitle,
      render: (_, c) => (
        <Flex vertical gap={2}>
          <Link to={caseLink(c)}>{c.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {CASE_KIND_LABELS[c.kind]}
            {c.unitOrganizationName ? ` · ${c.unitOrganizationName}` : ''} · {formatCalendarDate(c.openedOn)}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'subjects', title: ti.list.colSubjects, width: 240, render: (_, c) => c.subjectNames.join(', ') },
    {
      key: 'stage',
      title: ti.list.colStage,
      width: 220,
      render: (_, c) => (
        <Flex gap={4} wrap>
          <StageTag stage={c.stage} status={c.status} />
          <OverdueTag overdue={c.overdue} />
        </Flex>
      ),
    },
    { key: 'due', title: ti.list.colDue, width: 120, render: (_, c) => due(c) },
  ];
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={items}
      locale={{ emptyText: empty }}
      pagination={pagination}
    />
  );
}
