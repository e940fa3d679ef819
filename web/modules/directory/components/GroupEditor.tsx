import { ApartmentOutlined, DeleteOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Form, Grid, Input, List, Popconfirm, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { DIRECTORY_LIMITS } from '../../../../common/directory';
import { errorMessage } from '../../../app/api/client';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { t } from '../../../app/i18n';
import { useDeleteGroup, useGroup, useSaveGroup } from '../api/directory.api';
import { td } from '../directory.i18n';
import GroupRecipients from './GroupRecipients';
import MemberPicker, { type GroupMemberChoice } from './MemberPicker';
import OrganizationPicker, { type KnownOrganization } from './OrganizationPicker';

interface GroupFormValues {
  name: string;
  description?: string | null;
  ownerOrganizationId: string;
}

const keyOf = (m: { kind: string; id: string }) => `${m.kind}:${m.id}`;

/** Creates a distribution group or edits one: its name, owner and members (people or organizations). */
export default function GroupEditor({
  open,
  groupId,
  defaultOwner,
  onClose,
}: {
  open: boolean;
  /** null to create. */
  groupId: string | null;
  defaultOwner?: KnownOrganization | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<GroupFormValues>();
  const group = useGroup(open ? groupId : null);
  const save = useSaveGroup();
  const remove = useDeleteGroup();
  const [members, setMembers] = useState<GroupMemberChoice[]>([]);
  const [showRecipients, setShowRecipients] = useState(false);
  const loaded = groupId === null ? null : group.data;
  const editable = groupId === null || (loaded?.actions.includes('update') ?? false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (groupId === null) {
      setMembers([]);
      if (defaultOwner) form.setFieldsValue({ ownerOrganizationId: defaultOwner.id });
    } else if (loaded) {
      setMembers(loaded.members);
      form.setFieldsValue({
        name: loaded.name,
        description: loaded.description,
        ownerOrganizationId: loaded.ownerOrganizationId,
      });
    }
  }, [open, groupId, loaded, defaultOwner, form]);

  const submit = (values: GroupFormValues) => {
    const body = {
      name: values.name.trim(),
      description: values.description?.trim() ? values.description.trim() : null,
      ownerOrganizationId: values.ownerOrganizationId,
      members: members.map(({ kind, id }) => ({ kind, id })),
    };
    save.mutate(loaded ? { id: loaded.id, body: { ...body, version: loaded.version } } : { id: null, body }, {
      onSuccess: () => {
        message.success(loaded ? td.groups.saved : td.groups.created);
        onClose();
      },
      onError: (error) => message.error(errorMessage(error)),
    });
  };

  const owners: KnownOrganization[] = [
    ...(loaded ? [{ id: loaded.ownerOrganizationId, name: loaded.ownerOrganizationName }] : []),
    ...(defaultOwner ? [defaultOwner] : []),
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={loaded ? td.groups.editTitle(loaded.name) : td.groups.createTitle}
      size={screens.md ? 600 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="space-between" gap={8} wrap>
          <Flex gap={8}>
            {loaded?.actions.includes('delete') ? (
              <Popconfirm
                title={td.groups.deleteConfirm(loaded.name)}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutateAsync(loaded.id).then(
                    () => {
                      message.success(td.groups.deleted);
                      onClose();
                    },
                    (error: unknown) => message.error(errorMessage(error)),
                  )
                }
              >
                <Button danger>{td.groups.delete}</Button>
              </Popconfirm>
            ) : null}
            {loaded ? <Button onClick={() => setShowRecipients(true)}>{td.groups.recipients}</Button> : null}
          </Flex>
          <Flex gap={8}>
            <Button onClick={onClose}>{editable ? t.common.cancel : t.common.close}</Button>
            {editable ? (
              <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
                {t.common.save}
              </Button>
            ) : null}
          </Flex>
        </Flex>
      }
    >
      {groupId !== null && group.isError ? (
        <QueryErrorAlert error={group.error} onRetry={() => group.refetch()} retrying={group.isFetching} />
      ) : null}
      {groupId !== null && group.isPending ? (
        <Skeleton active />
      ) : (
        <Form<GroupFormValues>
          form={form}
          layout="vertical"
          requiredMark="optional"
          onFinish={submit}
          disabled={!editable}
        >
          {editable ? null : <Alert type="info" showIcon title={td.groups.readOnly} style={{ marginBottom: 16 }} />}
          <Form.Item
            name="name"
            label={td.groups.name}
            rules={[{ required: true, whitespace: true, message: td.groups.nameRequired }]}
          >
            <Input maxLength={DIRECTORY_LIMITS.groupName} placeholder={td.groups.namePlaceholder} />
          </Form.Item>
          <Form.Item name="description" label={td.groups.description}>
            <Input.TextArea maxLength={DIRECTORY_LIMITS.groupDescription} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Form.Item
            name="ownerOrganizationId"
            label={td.groups.owner}
            rules={[{ required: true, message: td.groups.ownerRequired }]}
          >
            <OrganizationPicker known={owners} placeholder={td.groups.ownerRequired} />
          </Form.Item>
          <Typography.Title level={5}>
            {td.groups.members} ({members.length.toLocaleString('vi-VN')})
          </Typography.Title>
          {editable ? (
            <div style={{ marginBottom: 12 }}>
              <MemberPicker
                exclude={new Set(members.map(keyOf))}
                onPick={(member) => setMembers((current) => [...current, member])}
              />
            </div>
          ) : null}
          <List
            size="small"
            bordered
            dataSource={members}
            locale={{ emptyText: td.groups.noMembers }}
            pagination={members.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
            renderItem={(member) => (
              <List.Item
                key={keyOf(member)}
                actions={
                  editable
                    ? [
                        <Button
                          key="remove"
                          type="text"
                          danger
                          size="small"
                          icon={<DeleteOutlined />}
                          aria-label={`${td.groups.removeMember}: ${member.name}`}
                          onClick={() => setMembers((current) => current.filter((m) => keyOf(m) !== keyOf(member)))}
                        />,
                      ]
                    : []
                }
              >
                <Flex gap={8} align="center">
                  {member.kind === 'person' ? <UserOutlined /> : <ApartmentOutlined />}
                  <span>{member.name}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {member.kind === 'person' ? td.groups.person : td.groups.organization}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Form>
      )}
      {loaded ? (
        <GroupRecipients
          groupId={showRecipients ? loaded.id : null}
          name={loaded.name}
          onClose={() => setShowRecipients(false)}
        />
      ) : null}
    </Drawer>
  );
}
