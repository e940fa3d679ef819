import { App, Modal } from 'antd';
import type { OrganizationReach } from '../../../../common/exchange';
import { useSaveOrganization } from '../api/directory.api';
import { td } from '../directory.i18n';
import OrganizationForm, { organizationBody } from './OrganizationForm';

/**
 * Adds an organization below `parent`, or at the top level (`parent` null), where it may be
 * outside the deployment. Loaded when first opened.
 */
export default function NewOrganizationModal({
  open,
  parent,
  initialReach = 'inside',
  title,
  onClose,
  onCreated,
}: {
  open: boolean;
  parent: { id: string; name: string } | null;
  initialReach?: OrganizationReach;
  title?: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { message } = App.useApp();
  const save = useSaveOrganization();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      title={title ?? td.organizations.createTitle(parent?.name ?? null)}
      destroyOnHidden
    >
      <OrganizationForm
        organization={null}
        saving={save.isPending}
        reachable={parent === null}
        initialReach={initialReach}
        onSubmit={(values) =>
          save.mutateAsync({ id: null, body: organizationBody(values, parent?.id ?? null) }).then((created) => {
            message.success(td.organizations.created);
            onClose();
            onCreated(created.id);
          })
        }
        onCancel={onClose}
      />
    </Modal>
  );
}
