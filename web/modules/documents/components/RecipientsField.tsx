import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DOCUMENT_LIMITS } from '../../../../common/documents';
import { useGroups } from '../../directory/api/directory.api';
import MemberPicker from '../../directory/components/MemberPicker';
import OutsideTag from '../../directory/components/OutsideTag';
import { tdoc } from '../documents.i18n';
import type { RecipientChoice } from './outgoingValues';

const keyOf = (r: RecipientChoice) => (r.kind === 'external' ? `external:${r.name}` : `${r.kind}:${r.id}`);
const KIND_LABEL: Record<RecipientChoice['kind'], string> = {
  person: tdoc.form.kindPerson,
  organization: tdoc.form.kindOrganization,
  group: tdoc.form.kindGroup,
  external: tdoc.form.kindExternal,
};

/** Recipients from the directory (people, organizations, groups) and outside it (paper or e-mail). */
export default function RecipientsField({
  value = [],
  onChange,
}: {
  value?: RecipientChoice[];
  onChange?: (next: RecipientChoice[]) => void;
}) {
  const groups = useGroups({ page: 1, pageSize: 100 });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [channel, setChannel] = useState<'paper' | 'email'>('paper');
  const keys = new Set(value.map(keyOf));
  const add = (r: RecipientChoice) => {
    if (!keys.has(keyOf(r))) onChange?.([...value, r]);
  };

  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {tdoc.form.recipientsHint}
      </Typography.Text>
      <MemberPicker
        exclude={keys}
        onPick={(m) => add({ kind: m.kind, id: m.id, label: m.name, ...(m.outside ? { outside: true } : {}) })}
      />
      <Select<string>
        value={null}
        placeholder={tdoc.form.groupsPlaceholder}
        aria-label={tdoc.form.groups}
        loading={groups.isLoading}
        options={(groups.data?.items ?? [])
          .filter((g) => !keys.has(`group:${g.id}`))
          .map((g) => ({ value: g.id, label: g.name }))}
        onSelect={(id: string) => {
          const group = groups.data?.items.find((g) => g.id === id);
          if (group) add({ kind: 'group', id, label: group.name });
        }}
      />
      <Flex gap={6} wrap>
        <Input
          placeholder={tdoc.form.externalName}
          aria-label={tdoc.form.externalName}
          maxLength={DOCUMENT_LIMITS.recipientName}
          value={name}
          onChange={(e) => setName(e.target.value)}
          style={{ flex: '2 1 200px' }}
        />
        <Select
          value={channel}
          onChange={setChannel}
          options={[
            { value: 'paper', label: 'Bản giấy' },
            { value: 'email', label: 'Thư điện tử' },
          ]}
          style={{ flex: '0 0 130px' }}
        />
        {channel === 'email' ? (
          <Input
            type="email"
            placeholder={tdoc.form.externalEmail}
            aria-label={tdoc.form.externalEmail}
            maxLength={DOCUMENT_LIMITS.recipientEmail}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            style={{ flex: '2 1 200px' }}
          />
        ) : null}
        <Button
          icon={<PlusOutlined />}
          disabled={!name.trim() || (channel === 'email' && !email.trim())}
          onClick={() => {
            add({
              kind: 'external',
              name: name.trim(),
              channel,
              email: channel === 'email' ? email.trim() : null,
              label: name.trim(),
            });
            setName('');
            setEmail('');
          }}
        >
          {tdoc.form.addExternal}
        </Button>
      </Flex>
      <Flex gap={4} wrap>
        {value.map((r) => (
          <Tag
            key={keyOf(r)}
            closable
            onClose={() => onChange?.(value.filter((x) => keyOf(x) !== keyOf(r)))}
            color={r.kind === 'external' ? 'orange' : r.kind === 'group' ? 'purple' : 'blue'}
            style={{ whiteSpace: 'normal', marginBottom: 4 }}
          >
            {KIND_LABEL[r.kind]}: {r.label}
            {r.kind === 'external' && r.email ? ` <${r.email}>` : ''}
            {r.kind !== 'external' && r.outside ? <OutsideTag /> : null}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}
