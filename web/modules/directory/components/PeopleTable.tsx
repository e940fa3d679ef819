import { App, Button, Empty, Flex, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PersonView } from '../../../../common/schemas/directory';
import { errorMessage } from '../../../app/api/client';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { t } from '../../../app/i18n';
import { useDeletePerson, usePeople } from '../api/directory.api';
import { td } from '../directory.i18n';
import { displayPhone } from './PersonDrawer';

const PAGE_SIZE = 20;

/** People, searched and paged on the server, with the buttons each row really allows. */
export default function PeopleTable({
  q,
  organizationId,
  includeDescendants,
  onEdit,
}: {
  q: string;
  organizationId: string | null;
  includeDescendants: boolean;
  onEdit: (person: PersonView) => void;
}) {
  const { message } = App.useApp();
  // A new filter starts again from the first page.
  const filterKey = `${q}|${organizationId ?? ''}|${includeDescendants}`;
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const people = usePeople({ q, organizationId, includeDescendants, page, pageSize: PAGE_SIZE });
  const remove = useDeletePerson();

  const columns: TableColumnsType<PersonView> = [
    {
      key: 'name',
      title: td.people.colName,
      width: 260,
      render: (_, p) => (
        <Flex vertical>
          <Typography.Text strong>
            {p.fullName} {p.hasAccount ? <Tag color="blue">{td.people.hasAccount}</Tag> : null}
          </Typography.Text>
          {p.position ? <Typography.Text style={{ fontSize: 13 }}>{p.position}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      key: 'contact',
      title: td.people.colContact,
      width: 240,
      render: (_, p) => (
        // A long address wraps instead of pushing the row's buttons off the screen.
        <Flex vertical style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
          {p.phone ? <a href={`tel:+${p.phone}`}>{displayPhone(p.phone)}</a> : null}
          {p.email ? <Typography.Text copyable={{ text: p.email }}>{p.email}</Typography.Text> : null}
          {p.mailbox && p.mailbox !== p.email ? <Typography.Text type="secondary">{p.mailbox}</Typography.Text> : null}
          {!p.phone && !p.email && !p.mailbox ? (
            <Typography.Text type="secondary">{t.common.none}</Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'organizations',
      title: td.people.colOrganizations,
      responsive: ['md'],
      render: (_, p) => (
        <Flex vertical gap={2} style={{ fontSize: 13 }}>
          {p.memberships.map((m) => (
            <span key={m.organizationId}>
              {m.isPrimary ? <strong>{m.organizationName}</strong> : m.organizationName}
              {m.position ? <Typography.Text type="secondary"> — {m.position}</Typography.Text> : null}
            </span>
          ))}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t.common.actions,
      width: 140,
      // Always in sight, whatever the other columns hold.
      fixed: 'right',
      render: (_, p) => (
        <Flex gap={4} wrap>
          {p.actions.includes('update') ? (
            <Button size="small" onClick={() => onEdit(p)}>
              {td.people.edit}
            </Button>
          ) : null}
          {p.actions.includes('delete') ? (
            <Popconfirm
              title={td.people.deleteConfirm(p.fullName)}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                remove.mutateAsync(p.id).then(
                  () => message.success(td.people.deleted),
                  (error: unknown) => message.error(errorMessage(error)),
                )
              }
            >
              <Button size="small" danger>
                {td.people.delete}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      {people.isError ? (
        <QueryErrorAlert error={people.error} onRetry={() => people.refetch()} retrying={people.isFetching} />
      ) : null}
      <Table<PersonView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={people.data?.items ?? []}
        loading={people.isFetching}
        tableLayout="fixed"
        scroll={{ x: 720 }}
        locale={{ emptyText: <Empty description={people.isError ? t.common.loadFailed : td.people.empty} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: people.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t.common.total(total),
          onChange: (next) => setPaging({ filterKey, page: next }),
          size: 'small',
        }}
      />
    </>
  );
}
