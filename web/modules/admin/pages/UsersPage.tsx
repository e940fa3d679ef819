import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ROLE_LABELS } from '../../../../common/roles';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatDateTime } from '../../../app/format';
import { t } from '../../../app/i18n';
import { type UserAccount, useUsers } from '../api/users.api';
import CreateUserModal from '../components/CreateUserModal';
import EditRolesModal from '../components/EditRolesModal';
import ResetLinkModal, { type ResetLink } from '../components/ResetLinkModal';
import TemporaryPasswordModal from '../components/TemporaryPasswordModal';
import UserActions, { isLocked } from '../components/UserActions';

const PAGE_SIZE = 20;

function UserStatus({ user }: { user: UserAccount }) {
  return (
    <Flex wrap gap={4}>
      {user.disabled ? <Tag color="default">{t.admin.users.statusDisabled}</Tag> : null}
      {!user.disabled && isLocked(user) ? (
        <Tag color="warning">{t.admin.users.statusLocked(formatDateTime(user.lockedUntil))}</Tag>
      ) : null}
      {!user.disabled && !isLocked(user) ? <Tag color="success">{t.admin.users.statusActive}</Tag> : null}
      {user.totpEnabled ? <Tag color="blue">{t.admin.users.statusTotp}</Tag> : null}
    </Flex>
  );
}

export default function UsersPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const users = useUsers({ q, page, pageSize: PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [resetLink, setResetLink] = useState<ResetLink | null>(null);
  const [temporaryFor, setTemporaryFor] = useState<UserAccount | null>(null);

  const update = (next: { q?: string; page?: number }) => {
    const merged = new URLSearchParams(params);
    if (next.q !== undefined) next.q ? merged.set('q', next.q) : merged.delete('q');
    if (next.page !== undefined) next.page > 1 ? merged.set('page', String(next.page)) : merged.delete('page');
    setParams(merged, { replace: true });
  };

  const columns: TableColumnsType<UserAccount> = [
    {
      key: 'name',
      title: t.admin.users.colName,
      render: (_, user) => (
        <Flex vertical>
          <Typography.Text strong>{user.fullName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {user.username}
            {user.email ? ` · ${user.email}` : ''}
          </Typography.Text>
          {user.position ? <Typography.Text style={{ fontSize: 12 }}>{user.position}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      key: 'roles',
      title: t.admin.users.colRoles,
      render: (_, user) =>
        user.roles.length === 0 ? (
          <Typography.Text type="secondary">{t.common.none}</Typography.Text>
        ) : (
          <Flex vertical gap={2}>
            {user.roles.map((grant) => (
              <Typography.Text key={`${grant.organizationId}:${grant.role}`} style={{ fontSize: 13 }}>
                {ROLE_LABELS[grant.role]} — {grant.organizationName}
              </Typography.Text>
            ))}
          </Flex>
        ),
    },
    { key: 'status', title: t.admin.users.colStatus, render: (_, user) => <UserStatus user={user} /> },
    {
      key: 'lastSignInAt',
      title: t.admin.users.colLastSignIn,
      responsive: ['md'],
      render: (_, user) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t.common.never),
    },
    {
      key: 'actions',
      title: t.common.actions,
      width: 260,
      render: (_, user) => (
        <UserActions
          user={user}
          onEditRoles={setEditing}
          onResetLink={setResetLink}
          onTemporaryPassword={setTemporaryFor}
        />
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t.admin.users.title}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t.admin.users.create}
          </Button>
        }
      />
      <Input.Search
        defaultValue={q}
        placeholder={t.admin.users.searchPlaceholder}
        allowClear
        enterButton={t.common.search}
        onSearch={(value) => update({ q: value.trim(), page: 1 })}
        style={{ maxWidth: 480, marginBottom: 16 }}
      />
      {users.isError ? (
        <QueryErrorAlert error={users.error} onRetry={() => users.refetch()} retrying={users.isFetching} />
      ) : null}
      <Table<UserAccount>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty description={users.isError ? t.common.loadFailed : t.admin.users.empty} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: users.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t.common.total(total),
          onChange: (nextPage) => update({ page: nextPage }),
        }}
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <EditRolesModal user={editing} onClose={() => setEditing(null)} />
      <ResetLinkModal link={resetLink} onClose={() => setResetLink(null)} />
      <TemporaryPasswordModal user={temporaryFor} onClose={() => setTemporaryFor(null)} />
    </>
  );
}
