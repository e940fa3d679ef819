import { Button, Empty, Table, Typography } from 'antd';
import { useState } from 'react';
import type { GroupListItem } from '../../../../common/schemas/directory';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { t } from '../../../app/i18n';
import { useGroups } from '../api/directory.api';
import { td } from '../directory.i18n';

const PAGE_SIZE = 20;

/** Distribution groups, searched and paged on the server; a row opens the group. */
export default function GroupsTable({
  q,
  ownerOrganizationId,
  onOpen,
  showOwner = true,
}: {
  q: string;
  ownerOrganizationId: string | null;
  onOpen: (group: GroupListItem) => void;
  showOwner?: boolean;
}) {
  const filterKey = `${q}|${ownerOrganizationId ?? ''}`;
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const groups = useGroups({ q, ownerOrganizationId, page, pageSize: PAGE_SIZE });
  return (
    <>
      {groups.isError ? (
        <QueryErrorAlert error={groups.error} onRetry={() => groups.refetch()} retrying={groups.isFetching} />
      ) : null}
      <Table<GroupListItem>
        rowKey="id"
        size="middle"
        dataSource={groups.data?.items ?? []}
        loading={groups.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={groups.isError ? t.common.loadFailed : td.groups.empty} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: groups.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t.common.total(total),
          onChange: (next) => setPaging({ filterKey, page: next }),
          size: 'small',
        }}
        columns={[
          {
            key: 'name',
            title: td.groups.colName,
            render: (_, g) => (
              <div>
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => onOpen(g)}
                >
                  {g.name}
                </Button>
                {g.description ? (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2 }}>
                    {g.description}
                  </Typography.Paragraph>
                ) : null}
              </div>
            ),
          },
          ...(showOwner
            ? [
                {
                  key: 'owner',
                  title: td.groups.colOwner,
                  responsive: ['md' as const],
                  render: (_: unknown, g: GroupListItem) => g.ownerOrganizationName,
                },
              ]
            : []),
          { key: 'members', title: td.groups.colMembers, render: (_, g) => td.groups.memberCount(g.memberCount) },
        ]}
      />
    </>
  );
}
