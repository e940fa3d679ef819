import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ORGANIZATION_REACH_LABELS } from '../../../../common/exchange';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { type OrganizationListItem, reachOf, useOutsideOrganizations } from '../api/directory.api';
import { td } from '../directory.i18n';

const PAGE_SIZE = 20;

/** The organizations outside the deployment, found by name or identifier, a page at a time. */
export default function OutsideOrganizations({
  selectedId,
  onSelect,
  onCreate,
}: {
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Absent for those who may not add one. */
  onCreate?: () => void;
}) {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useOutsideOrganizations({ q, page, pageSize: PAGE_SIZE });
  const data = list.data;

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8}>
        <Input.Search
          placeholder={td.organizations.outsideSearch}
          aria-label={td.organizations.outsideSearch}
          allowClear
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          style={{ flex: '1 1 200px' }}
        />
        {onCreate ? (
          <Button icon={<PlusOutlined />} onClick={onCreate}>
            {td.organizations.outsideCreate}
          </Button>
        ) : null}
      </Flex>
      {list.isError ? (
        <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} />
      ) : (
        <List<OrganizationListItem>
          size="small"
          loading={list.isLoading}
          dataSource={data?.items ?? []}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={q ? td.organizations.outsideNoMatch : td.organizations.outsideEmpty}
              />
            ),
          }}
          pagination={
            data && data.total > PAGE_SIZE
              ? {
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: data.total,
                  onChange: setPage,
                  size: 'small',
                  showSizeChanger: false,
                  align: 'center',
                }
              : false
          }
          renderItem={(o) => (
            <List.Item
              key={o.id}
              onClick={() => onSelect(o.id)}
              style={{
                cursor: 'pointer',
                paddingInline: 8,
                background: o.id === selectedId ? 'var(--ant-control-item-bg-active, #fff1f0)' : undefined,
              }}
            >
              <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
                <a
                  href={`?view=outside&org=${encodeURIComponent(o.id)}`}
                  onClick={(e) => e.preventDefault()}
                  aria-current={o.id === selectedId ? 'true' : undefined}
                  style={{ fontWeight: 500, overflowWrap: 'anywhere' }}
                >
                  {o.name}
                </a>
                <Flex wrap gap={4} align="center">
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                    {o.nationalId ?? td.organizations.noNationalId}
                  </Typography.Text>
                  <Tag color="orange" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
                    {ORGANIZATION_REACH_LABELS[reachOf(o)]}
                    {reachOf(o) === 'peer' && o.peerName ? ` — ${o.peerName}` : ''}
                  </Tag>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {data && data.total > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {td.organizations.outsideCount(data.total)}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
