import { Modal, Typography } from 'antd';
import type { ResetLink as ResetLinkAnswer } from '../../../../common/schemas/users';
import CopyableText from '../../../app/components/CopyableText';
import { formatDateTime } from '../../../app/format';
import { t } from '../../../app/i18n';

/** The link as the server made it, with whom it is for. */
export type ResetLink = ResetLinkAnswer & { fullName: string };

/** Shows a freshly made one-time link; it is never shown again, so it must be copied now. */
export default function ResetLinkModal({ link, onClose }: { link: ResetLink | null; onClose: () => void }) {
  return (
    <Modal
      open={link !== null}
      title={t.admin.users.resetLinkTitle}
      onCancel={onClose}
      onOk={onClose}
      okText={t.common.close}
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
    >
      {link ? (
        <>
          <Typography.Paragraph>{t.admin.users.resetLinkIntro(link.fullName)}</Typography.Paragraph>
          <CopyableText text={link.url} />
          <Typography.Paragraph type="secondary">
            {t.admin.users.resetLinkExpires(formatDateTime(link.expiresAt))}
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
