import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Grid,
  Input,
  Popconfirm,
  Skeleton,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { lazy, useState } from 'react';
import { ORGANIZATION_TYPE_LABELS } from '../../../../common/directory';
import { ORGANIZATION_REACH_LABELS } from '../../../../common/exchange';
import type { PersonView } from '../../../../common/schemas/directory';
import { errorMessage } from '../../../app/api/client';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatDateTime } from '../../../app/format';
import { t } from '../../../app/i18n';
import {
  type OrganizationDetails,
  reachOf,
  useDeleteOrganization,
  useOrganization,
  useSaveOrganization,
} from '../api/directory.api';
import { td } from '../directory.i18n';
import { useDirectoryRights } from '../directory.rights';
import GroupEditor from './GroupEditor';
import GroupsTable from './GroupsTable';
import OrganizationForm, { type OrganizationFormValues, organizationBody } from './OrganizationForm';
import PeopleTable from './PeopleTable';
import PersonDrawer from './PersonDrawer';

const NewOrganizationModal = lazy(() => import('./NewOrganizationModal'));

/** How documents reach an organization, and through which peer. */
export function reachText(organization: OrganizationDetails): string {
  const reach = reachOf(organization);
  const label = ORGANIZATION_REACH_LABELS[reach];
  return reach === 'peer' && organization.peerName ? `${label} — ${organization.peerName}` : label;
}

function InfoTab({
  organization,
  onSelect,
}: {
  organization: OrganizationDetails;
  onSelect: (id: string | null) => void;
}) {
  const { message } = App.useApp();
  const save = useSaveOrganization();
  const remove = useDeleteOrganization();
  const [creating, setCreating] = useState(false);
  const canEdit = organization.actions.includes('update');

  const update = (values: OrganizationFormValues) =>
    save
      .mutateAsync({ id: organization.id, body: { ...organizationBody(values), version: organization.version } })
      .then(() => {
        message.success(td.organizations.saved);
      });

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        {organization.actions.includes('createChild') ? (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {td.organizations.createChild}
          </Button>
        ) : null}
        {organization.actions.includes('delete') ? (
          <Popconfirm
            title={td.organizations.deleteConfirm(organization.name)}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove.mutateAsync(organization.id).then(
                () => {
                  message.success(td.organizations.deleted);
                  onSelect(organization.ancestors.at(-1)?.id ?? null);
                },
                (error: unknown) => message.error(errorMessage(error)),
              )
            }
          >
            <Button danger>{td.organizations.delete}</Button>
          </Popconfirm>
        ) : null}
      </Flex>
      {canEdit ? (
        <OrganizationForm
          key={`${organization.id}:${organization.version}`}
          organization={organization}
          saving={save.isPending}
          onSubmit={update}
        />
      ) : (
        <>
          <Alert type="info" showIcon title={td.organizations.readOnly} style={{ marginBottom: 16 }} />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={td.organizations.code}>{organization.code}</Descriptions.Item>
            <Descriptions.Item label={td.organizations.abbreviation}>{organization.abbreviation}</Descriptions.Item>
            <Descriptions.Item label={td.organizations.type}>
              {ORGANIZATION_TYPE_LABELS[organization.type]}
            </Descriptions.Item>
            <Descriptions.Item label={td.organizations.reach}>{reachText(organization)}</Descriptions.Item>
            <Descriptions.Item label={td.organizations.nationalId}>
              {organization.nationalId ?? t.common.none}
            </Descriptions.Item>
            <Descriptions.Item label={td.organizations.mailbox}>
              {organization.mailbox ?? t.common.none}
            </Descriptions.Item>
            <Descriptions.Item label={td.organizations.childCount}>{organization.childCount}</Descriptions.Item>
          </Descriptions>
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {td.organizations.updatedAt}: {formatDateTime(organization.updatedAt)}
      </Typography.Paragraph>
      <MountWhenOpened open={creating}>
        <NewOrganizationModal
          open={creating}
          parent={{ id: organization.id, name: organization.name }}
          onClose={() => setCreating(false)}
          onCreated={onSelect}
        />
      </MountWhenOpened>
    </>
  );
}

function MembersTab({ organization }: { organization: OrganizationDetails }) {
  const rights = useDirectoryRights();
  const [q, setQ] = useState('');
  const [includeDescendants, setIncludeDescendants] = useState(false);
  const [editing, setEditing] = useState<PersonView | 'new' | null>(null);
  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder={td.people.search}
          aria-label={td.people.search}
          allowClear
          onSearch={(value) => setQ(value.trim())}
          style={{ maxWidth: 320 }}
        />
        <Flex gap={6} align="center">
          <Switch size="small" checked={includeDescendants} onChange={setIncludeDescendants} id="vp-members-below" />
          <label htmlFor="vp-members-below">{td.people.includeDescendants}</label>
        </Flex>
        {rights.canAddWithin(organization) ? (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {td.people.create}
          </Button>
        ) : null}
      </Flex>
      <PeopleTable q={q} organizationId={organization.id} includeDescendants={includeDescendants} onEdit={setEditing} />
      <PersonDrawer
        open={editing !== null}
        person={editing === 'new' ? null : editing}
        defaultOrganization={{ id: organization.id, name: organization.name }}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

function GroupsTab({ organization }: { organization: OrganizationDetails }) {
  const rights = useDirectoryRights();
  const [open, setOpen] = useState<string | 'new' | null>(null);
  return (
    <>
      {rights.canAddWithin(organization) ? (
        <Button icon={<PlusOutlined />} onClick={() => setOpen('new')} style={{ marginBottom: 12 }}>
          {td.groups.create}
        </Button>
      ) : null}
      <GroupsTable q="" ownerOrganizationId={organization.id} showOwner={false} onOpen={(g) => setOpen(g.id)} />
      <GroupEditor
        open={open !== null}
        groupId={open === 'new' ? null : open}
        defaultOwner={{ id: organization.id, name: organization.name }}
        onClose={() => setOpen(null)}
      />
    </>
  );
}

/** One organization: its information (editable when allowed), its people and its groups. */
export default function OrganizationDetail({ id, onSelect }: { id: string; onSelect: (id: string | null) => void }) {
  const organization = useOrganization(id);
  const screens = Grid.useBreakpoint();
  if (organization.isError) {
    return (
      <QueryErrorAlert
        error={organization.error}
        onRetry={() => organization.refetch()}
        retrying={organization.isFetching}
      />
    );
  }
  const org = organization.data;
  if (!org) return <Skeleton active />;
  return (
    <Card styles={{ body: { padding: screens.md ? 24 : 12 } }}>
      {org.ancestors.length > 0 ? (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={org.ancestors.map((a) => ({
            key: a.id,
            title: (
              <a
                href={`?org=${a.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  onSelect(a.id);
                }}
              >
                {a.name}
              </a>
            ),
          }))}
        />
      ) : null}
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {org.name}
        </Typography.Title>
        <Tag>{org.abbreviation}</Tag>
        <Tag color="red">{ORGANIZATION_TYPE_LABELS[org.type]}</Tag>
        {reachOf(org) !== 'inside' ? <Tag color="orange">{reachText(org)}</Tag> : null}
      </Flex>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'info',
            label: td.organizations.tabInfo,
            children: <InfoTab organization={org} onSelect={onSelect} />,
          },
          { key: 'members', label: td.organizations.tabMembers, children: <MembersTab organization={org} /> },
          { key: 'groups', label: td.organizations.tabGroups, children: <GroupsTab organization={org} /> },
        ]}
      />
    </Card>
  );
}
