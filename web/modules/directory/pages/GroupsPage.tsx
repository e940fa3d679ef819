import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input } from 'antd';
import { useState } from 'react';
import GroupEditor from '../components/GroupEditor';
import GroupsTable from '../components/GroupsTable';
import OrganizationPicker from '../components/OrganizationPicker';
import { td } from '../directory.i18n';
import { useDirectoryRights } from '../directory.rights';

/** Distribution groups ("Ủy viên Ban Thường vụ"...), to address documents and invitations at once. */
export default function GroupsPage() {
  const rights = useDirectoryRights();
  const [q, setQ] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [open, setOpen] = useState<string | 'new' | null>(null);
  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        {rights.canAddAnywhere ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
            {td.groups.create}
          </Button>
        ) : null}
        <Input.Search
          placeholder={td.groups.search}
          aria-label={td.groups.search}
          allowClear
          onSearch={(value) => setQ(value.trim())}
          style={{ flex: '1 1 240px', maxWidth: 380 }}
        />
        <div style={{ flex: '1 1 220px', maxWidth: 360 }}>
          <OrganizationPicker value={owner} onChange={setOwner} allowClear placeholder={td.groups.owner} />
        </div>
      </Flex>
      <GroupsTable q={q} ownerOrganizationId={owner} onOpen={(g) => setOpen(g.id)} />
      <GroupEditor open={open !== null} groupId={open === 'new' ? null : open} onClose={() => setOpen(null)} />
    </>
  );
}
