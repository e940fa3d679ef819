import { CloseOutlined } from '@ant-design/icons';
import { Button, Flex, List, Select, Tag, Typography } from 'antd';
import { ATTENDEE_ROLE_LABELS, ATTENDEE_ROLES, type AttendeeRole } from '../../../../common/meetings';
import { useGroups } from '../../directory/api/directory.api';
import MemberPicker from '../../directory/components/MemberPicker';
import { tm } from '../meetings.i18n';
import type { InviteeChoice } from './meetingValues';

const keyOf = (i: Pick<InviteeChoice, 'kind' | 'id'>) => `${i.kind}:${i.id}`;
const KIND_LABEL: Record<InviteeChoice['kind'], string> = {
  person: tm.form.kindPerson,
  organization: tm.form.kindOrganization,
  group: tm.form.kindGroup,
};
const KIND_COLOR: Record<InviteeChoice['kind'], string> = { person: 'blue', organization: 'geekblue', group: 'purple' };
const ROLE_OPTIONS = ATTENDEE_ROLES.map((r) => ({ value: r, label: ATTENDEE_ROLE_LABELS[r] }));

/**
 * Who is invited: people and organizations found by typing, or a distribution group,
 * each with a role (delegate, guest, secretary). A group is expanded by the server.
 */
export default function InviteesField({
  value = [],
  onChange,
}: {
  value?: InviteeChoice[];
  onChange?: (next: InviteeChoice[]) => void;
}) {
  const groups = useGroups({ page: 1, pageSize: 100 });
  const keys = new Set(value.map(keyOf));
  const add = (i: InviteeChoice) => {
    if (!keys.has(keyOf(i))) onChange?.([...value, i]);
  };
  const setRole = (key: string, role: AttendeeRole) =>
    onChange?.(value.map((i) => (keyOf(i) === key ? { ...i, role } : i)));

  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {tm.form.inviteesHint}
      </Typography.Text>
      <MemberPicker exclude={keys} onPick={(m) => add({ kind: m.kind, id: m.id, role: 'delegate', label: m.name })} />
      <Select<string>
        value={null}
        placeholder={tm.form.groupsPlaceholder}
        aria-label={tm.form.groups}
        loading={groups.isLoading}
        showSearch={{ optionFilterProp: 'label' }}
        options={(groups.data?.items ?? [])
          .filter((g) => !keys.has(`group:${g.id}`))
          .map((g) => ({ value: g.id, label: g.name }))}
        onSelect={(id: string) => {
          const group = groups.data?.items.find((g) => g.id === id);
          if (group) add({ kind: 'group', id, role: 'delegate', label: group.name });
        }}
      />
      {value.length > 0 ? (
        <List<InviteeChoice>
          size="small"
          bordered
          dataSource={value}
          header={<Typography.Text type="secondary">{tm.form.inviteesCount(value.length)}</Typography.Text>}
          renderItem={(i) => (
            <List.Item key={keyOf(i)} style={{ flexWrap: 'wrap', gap: 8 }}>
              <span style={{ minWidth: 0, flex: '1 1 180px' }}>
                <Tag color={KIND_COLOR[i.kind]}>{KIND_LABEL[i.kind]}</Tag>
                {i.label}
              </span>
              <Flex gap={4}>
                <Select<AttendeeRole>
                  size="small"
                  aria-label={tm.form.role}
                  value={i.role}
                  onChange={(role) => setRole(keyOf(i), role)}
                  options={ROLE_OPTIONS}
                  style={{ width: 120 }}
                />
                <Button
                  size="small"
                  type="text"
                  danger
                  aria-label={tm.form.removeInvitee(i.label)}
                  icon={<CloseOutlined />}
                  onClick={() => onChange?.(value.filter((x) => keyOf(x) !== keyOf(i)))}
                />
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
    </Flex>
  );
}
