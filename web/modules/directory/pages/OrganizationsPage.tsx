import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Collapse, Empty, Grid, Row, Segmented, Skeleton } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { useOrganizationTree } from '../api/directory.api';
import OrganizationDetail from '../components/OrganizationDetail';
import OrganizationTree from '../components/OrganizationTree';
import TransferButtons from '../components/TransferButtons';
import { td } from '../directory.i18n';
import { useDirectoryRights } from '../directory.rights';

const NewOrganizationModal = lazy(() => import('../components/NewOrganizationModal'));
const OutsideOrganizations = lazy(() => import('../components/OutsideOrganizations'));

type View = 'inside' | 'outside';

/**
 * The organization tree, or the organizations outside the deployment, beside the chosen
 * organization; on a phone the list folds away above it.
 */
export default function OrganizationsPage() {
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const [params, setParams] = useSearchParams();
  const selected = params.get('org');
  const view: View = params.get('view') === 'outside' ? 'outside' : 'inside';
  const tree = useOrganizationTree();
  const [treeOpen, setTreeOpen] = useState(selected === null);
  const [creating, setCreating] = useState<View | null>(null);
  const rights = useDirectoryRights();

  const select = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('org', id);
    else next.delete('org');
    setParams(next);
    setTreeOpen(false);
  };
  const show = (next: View) => {
    const merged = new URLSearchParams(params);
    if (next === 'outside') merged.set('view', 'outside');
    else merged.delete('view');
    merged.delete('org');
    setParams(merged);
    setTreeOpen(true);
  };

  // Outside organizations are at the top level: whoever may add one there may add them.
  const canCreateRoot = tree.data?.actions.includes('createRoot') ?? false;
  const treePanel = tree.isError ? (
    <QueryErrorAlert error={tree.error} onRetry={() => tree.refetch()} retrying={tree.isFetching} />
  ) : tree.data ? (
    <OrganizationTree nodes={tree.data.items} selectedId={selected} onSelect={select} height={wide ? 640 : undefined} />
  ) : (
    <Skeleton active />
  );
  const listPanel =
    view === 'outside' ? (
      <Suspense fallback={<Skeleton active />}>
        <OutsideOrganizations
          selectedId={selected}
          onSelect={select}
          onCreate={canCreateRoot ? () => setCreating('outside') : undefined}
        />
      </Suspense>
    ) : (
      treePanel
    );
  const viewSwitch = (
    <Segmented<View>
      block
      value={view}
      onChange={show}
      aria-label={td.organizations.viewLabel}
      options={[
        { value: 'inside', label: td.organizations.viewInside },
        { value: 'outside', label: td.organizations.viewOutside },
      ]}
      style={{ marginBottom: 12 }}
    />
  );

  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}>
        {canCreateRoot ? (
          <Button icon={<PlusOutlined />} onClick={() => setCreating('inside')}>
            {td.organizations.createRoot}
          </Button>
        ) : null}
        <TransferButtons kind="organizations" canImport={rights.canAddAnywhere} />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          {wide ? (
            <Card styles={{ body: { padding: 12 } }}>
              {viewSwitch}
              {listPanel}
            </Card>
          ) : (
            <>
              {viewSwitch}
              <Collapse
                activeKey={treeOpen ? ['tree'] : []}
                onChange={(keys) => setTreeOpen(keys.length > 0)}
                items={[{ key: 'tree', label: td.organizations.showTree, children: listPanel }]}
              />
            </>
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
      <MountWhenOpened open={creating !== null}>
        <NewOrganizationModal
          open={creating !== null}
          parent={null}
          initialReach={creating === 'outside' ? 'peer' : 'inside'}
          title={creating === 'outside' ? td.organizations.outsideCreateTitle : undefined}
          onClose={() => setCreating(null)}
          onCreated={select}
        />
      </MountWhenOpened>
    </>
  );
}
