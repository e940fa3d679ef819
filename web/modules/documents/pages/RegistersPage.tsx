import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Grid, List, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { lazy, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Register } from '../../../../common/schemas/documents';
import ForbiddenPage from '../../../app/components/ForbiddenPage';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { useCurrentUser } from '../../../app/layout/currentUser';
import { canManageRegisters } from '../../../app/layout/sections';
import { useRegisters } from '../api/documents.api';
import { exampleNumber, NOTATION_FONT, ruleShort } from '../components/registerRules';
import { tdoc } from '../documents.i18n';

const RegisterForm = lazy(() => import('../components/RegisterForm'));

const tr = tdoc.registers;

type Filter = 'all' | 'incoming' | 'outgoing';

function NameCell({ register }: { register: Register }) {
  return (
    <Flex gap={4} wrap align="center">
      <Typography.Text strong>{register.name}</Typography.Text>
      {register.secret ? <Tag color="red">{tr.secretTag}</Tag> : null}
      {register.active ? null : <Tag>{tr.inactiveTag}</Tag>}
    </Flex>
  );
}

function NumberingCell({ register }: { register: Register }) {
  return (
    <Flex vertical>
      <Typography.Text strong style={{ whiteSpace: 'nowrap', fontFamily: NOTATION_FONT }}>
        {exampleNumber(register)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {ruleShort(register)}
        {register.reset === 'term' && register.termLabel ? ` (${register.termLabel})` : ''}
      </Typography.Text>
    </Flex>
  );
}

const typesText = (register: Register) => (register.typeCodes.length > 0 ? register.typeCodes.join(', ') : tr.allTypes);

/** The registers of the organizations the clerk or administrator keeps, and how each numbers its documents. */
export default function RegistersPage() {
  const user = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const registers = useRegisters();
  const [editing, setEditing] = useState<Register | null>(null);
  const [creating, setCreating] = useState(false);
  if (!canManageRegisters(user.roles)) return <ForbiddenPage />;

  const filter: Filter =
    params.get('direction') === 'incoming' || params.get('direction') === 'outgoing'
      ? (params.get('direction') as Filter)
      : 'all';
  const items = (registers.data?.items ?? []).filter((r) => filter === 'all' || r.direction === filter);
  const close = () => {
    setEditing(null);
    setCreating(false);
  };
  const editButton = (r: Register) =>
    r.actions.includes('manage') && (
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={`${tr.edit} ${r.name}`}>
        {tr.edit}
      </Button>
    );
  const empty = (
    <Empty
      description={
        <>
          {tr.empty}
          <br />
          <Typography.Text type="secondary">{tr.emptyHint}</Typography.Text>
        </>
      }
    />
  );

  const columns: TableColumnsType<Register> = [
    { key: 'name', title: tr.colName, render: (_, r) => <NameCell register={r} /> },
    { key: 'organization', title: tr.colOrganization, dataIndex: 'organizationName', width: 220 },
    {
      key: 'direction',
      title: tr.colDirection,
      width: 90,
      render: (_, r) => tr.directionShort[r.direction],
    },
    { key: 'numbering', title: tr.colNumbering, width: 260, render: (_, r) => <NumberingCell register={r} /> },
    { key: 'types', title: tr.colTypes, width: 160, responsive: ['lg'], render: (_, r) => typesText(r) },
    { key: 'actions', title: '', width: 90, render: (_, r) => editButton(r) },
  ];

  return (
    <>
      <PageTitle
        title={tr.title}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {tr.create}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{tr.intro}</Typography.Paragraph>
      <Segmented<Filter>
        value={filter}
        onChange={(value) => setParams(value === 'all' ? {} : { direction: value }, { replace: true })}
        options={[
          { value: 'all', label: tr.all },
          { value: 'incoming', label: tr.incoming },
          { value: 'outgoing', label: tr.outgoing },
        ]}
        style={{ marginBottom: 16, maxWidth: '100%' }}
      />
      {registers.isError ? (
        <QueryErrorAlert error={registers.error} onRetry={() => registers.refetch()} retrying={registers.isFetching} />
      ) : null}
      {screens.md ? (
        <Table<Register>
          className="vp-registers"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={registers.isLoading}
          locale={{ emptyText: empty }}
          pagination={false}
        />
      ) : (
        <List<Register>
          className="vp-registers"
          loading={registers.isLoading}
          dataSource={items}
          locale={{ emptyText: empty }}
          renderItem={(r) => (
            <List.Item key={r.id} style={{ background: '#fff', padding: 12, marginBottom: 8, borderRadius: 6 }}>
              <Flex vertical gap={6} style={{ width: '100%', minWidth: 0 }}>
                <Flex justify="space-between" align="flex-start" gap={8}>
                  <NameCell register={r} />
                  {editButton(r)}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {tr.directionShort[r.direction]} · {r.organizationName}
                </Typography.Text>
                <NumberingCell register={r} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {tr.colTypes}: {typesText(r)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <MountWhenOpened open={creating || editing !== null}>
        <RegisterForm open={creating || editing !== null} register={editing} onClose={close} />
      </MountWhenOpened>
    </>
  );
}
