import { Modal, Table, Tag, Typography } from 'antd';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { t } from '../../../app/i18n';
import { useGroupExpansion } from '../api/directory.api';
import { td } from '../directory.i18n';
import { displayPhone } from './PersonDrawer';

/** Everyone a group reaches, each person once: what an invitation sent to the group will address. */
export default function GroupRecipients({
  groupId,
  name,
  onClose,
}: {
  groupId: string | null;
  name: string;
  onClose: () => void;
}) {
  const expansion = useGroupExpansion(groupId);
  const data = expansion.data;
  const organizationName = new Map(data?.organizations.map((o) => [o.id, o.name]) ?? []);
  return (
    <Modal open={groupId !== null} onCancel={onClose} footer={null} title={td.groups.recipientsTitle(name)} width={720}>
      {expansion.isError ? (
        <QueryErrorAlert error={expansion.error} onRetry={() => expansion.refetch()} retrying={expansion.isFetching} />
      ) : null}
      {data ? (
        <Typography.Paragraph type="secondary">
          {td.groups.recipientsSummary(data.people.length, data.organizations.length)}
        </Typography.Paragraph>
      ) : null}
      <Table
        rowKey="id"
        size="small"
        loading={expansion.isFetching}
        dataSource={data?.people ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, size: 'small', showSizeChanger: false }}
        columns={[
          {
            key: 'name',
            title: td.people.colName,
            render: (_, p) => (
              <span>
                <strong>{p.fullName}</strong>
                {p.position ? <Typography.Text type="secondary"> — {p.position}</Typography.Text> : null}
              </span>
            ),
          },
          {
            key: 'contact',
            title: td.people.colContact,
            render: (_, p) =>
              [displayPhone(p.phone), p.mailbox ?? p.email].filter(Boolean).join(' · ') || t.common.none,
          },
          {
            key: 'how',
            title: td.groups.members,
            render: (_, p) => (
              <>
                {p.direct ? <Tag>{td.groups.direct}</Tag> : null}
                {p.viaOrganizationIds.map((id) => (
                  <Tag key={id} color="blue">
                    {td.groups.viaOrganization}: {organizationName.get(id) ?? id}
                  </Tag>
                ))}
              </>
            ),
          },
        ]}
      />
    </Modal>
  );
}
