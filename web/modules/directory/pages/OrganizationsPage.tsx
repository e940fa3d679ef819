import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Collapse, Empty, Grid, Modal, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../app/api/client';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { useOrganizationTree, useSaveOrganization } from '../api/directory.api';
import OrganizationDetail from '../components/OrganizationDetail';
import OrganizationForm, { nationalIdOf, type OrganizationFormValues } from '../components/OrganizationForm';
import OrganizationTree from '../components/OrganizationTree';
import TransferButtons from '../components/TransferButtons';
import { td } from '../directory.i18n';
import { useDirectoryRights } from '../directory.rights';

/** The organization tree beside the chosen organization; on a phone the tree folds away above it. */
export default function OrganizationsPage() {
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const [params, setParams] = useSearchParams();
  const selected = params.get('org');
  const tree = useOrganizationTree();
  const [treeOpen, setTreeOpen] = useState(selected === null);
  const [creatingRoot, setCreatingRoot] = useState(false);
  const save = useSaveOrganization();
  const rights = useDirectoryRights();

  const select = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('org', id);
    else next.delete('org');
    setParams(next);
    setTreeOpen(false);
  };
  const createRoot = (values: OrganizationFormValues) =>
    save.mutate(
      {
        id: null,
        body: {
          parentId: null,
          name: values.name.trim(),
          code: values.code.trim(),
          abbreviation: values.abbreviation.trim(),
          type: values.type,
          mailbox: values.mailbox?.trim() ? values.mailbox.trim() : null,
          nationalId: nationalIdOf(values.nationalId),
          sortOrder: values.sortOrder ?? 0,
        },
      },
      {
        onSuccess: (created) => {
          message.success(td.organizations.created);
          setCreatingRoot(false);
          select(created.id);
        },
        onError: (error) => message.error(errorMessage(error)),
      },
    );

  const canCreateRoot = tree.data?.actions.includes('createRoot') ?? false;
  const treePanel = tree.isError ? (
    <QueryErrorAlert error={tree.error} onRetry={() => tree.refetch()} retrying={tree.isFetching} />
  ) : tree.data ? (
    <OrganizationTree nodes={tree.data.items} selectedId={selected} onSelect={select} height={wide ? 640 : undefined} />
  ) : (
    <Skeleton active />
  );

  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}>
        {canCreateRoot ? (
          <Button icon={<PlusOutlined />} onClick={() => setCreatingRoot(true)}>
            {td.organizations.createRoot}
          </Button>
        ) : null}
        <TransferButtons kind="organizations" canImport={rights.canAddAnywhere} />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          {wide ? (
            <Card title={td.organizations.treeTitle} styles={{ body: { padding: 12 } }}>
              {treePanel}
            </Card>
          ) : (
            <Collapse
              activeKey={treeOpen ? ['tree'] : []}
              onChange={(keys) => setTreeOpen(keys.length > 0)}
              items={[{ key: 'tree', label: td.organizations.showTree, children: treePanel }]}
            />
          )}
        </Col>
        <Col xs={24} lg={16}>
          {selected ? (
            <OrganizationDetail id={selected} onSelect={select} />
          ) : (
            <Card>
              <Empty description={td.organizations.pickOne} />
            </Card>
          )}
        </Col>
      </Row>
      <Modal
        open={creatingRoot}
        onCancel={() => setCreatingRoot(false)}
        footer={null}
        title={td.organizations.createTitle(null)}
        destroyOnHidden
      >
        <OrganizationForm
          organization={null}
          saving={save.isPending}
          onSubmit={createRoot}
          onCancel={() => setCreatingRoot(false)}
        />
      </Modal>
    </>
  );
}
