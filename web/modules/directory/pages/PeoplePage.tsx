import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Switch } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PersonView } from '../../../../common/schemas/directory';
import OrganizationPicker from '../components/OrganizationPicker';
import PeopleTable from '../components/PeopleTable';
import PersonDrawer from '../components/PersonDrawer';
import TransferButtons from '../components/TransferButtons';
import { td } from '../directory.i18n';
import { useDirectoryRights } from '../directory.rights';

/** Everyone in the directory, searched without diacritics, filtered by organization. */
export default function PeoplePage() {
  const rights = useDirectoryRights();
  // The header's search opens a person here by name.
  const [params] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [includeDescendants, setIncludeDescendants] = useState(true);
  const [editing, setEditing] = useState<PersonView | 'new' | null>(null);

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        {rights.canAddAnywhere ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {td.people.create}
          </Button>
        ) : null}
        <TransferButtons kind="people" canImport={rights.canAddAnywhere} />
      </Flex>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder={td.people.searchPlaceholder}
          aria-label={td.people.search}
          defaultValue={q}
          allowClear
          onSearch={(value) => setQ(value.trim())}
          style={{ flex: '1 1 260px', maxWidth: 420 }}
        />
        <div style={{ flex: '1 1 220px', maxWidth: 360 }}>
          <OrganizationPicker value={organizationId} onChange={(id) => setOrganizationId(id)} allowClear />
        </div>
        {organizationId ? (
          <Flex gap={6} align="center">
            <Switch size="small" checked={includeDescendants} onChange={setIncludeDescendants} id="vp-people-below" />
            <label htmlFor="vp-people-below">{td.people.includeDescendants}</label>
          </Flex>
        ) : null}
      </Flex>
      <PeopleTable q={q} organizationId={organizationId} includeDescendants={includeDescendants} onEdit={setEditing} />
      <PersonDrawer
        open={editing !== null}
        person={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
