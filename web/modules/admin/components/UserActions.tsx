import { App, Button, Flex, Popconfirm } from 'antd';
import { errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { type UserAccount, useCreateResetLink, useSetUserDisabled, useUnlockUser } from '../api/users.api';
import type { ResetLink } from './ResetLinkModal';

export function isLocked(user: UserAccount, now = Date.now()): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
}

/** The buttons of one row of the accounts table. */
export default function UserActions({
  user,
  onEditRoles,
  onResetLink,
  onTemporaryPassword,
}: {
  user: UserAccount;
  onEditRoles: (user: UserAccount) => void;
  onResetLink: (link: ResetLink) => void;
  onTemporaryPassword: (user: UserAccount) => void;
}) {
  const { message } = App.useApp();
  const setDisabled = useSetUserDisabled();
  const unlock = useUnlockUser();
  const resetLink = useCreateResetLink();
  const onError = (error: unknown) => message.error(errorMessage(error));

  const toggleDisabled = (disabled: boolean) =>
    setDisabled.mutate(
      { id: user.id, disabled },
      {
        onSuccess: () => message.success(disabled ? t.admin.users.disabledDone : t.admin.users.enabledDone),
        onError,
      },
    );

  return (
    <Flex wrap gap={4}>
      <Button size="small" onClick={() => onEditRoles(user)}>
        {t.admin.users.editRoles}
      </Button>
      {isLocked(user) ? (
        <Button
          size="small"
          loading={unlock.isPending}
          disabled={unlock.isPending}
          onClick={() =>
            unlock.mutate({ id: user.id }, { onSuccess: () => message.success(t.admin.users.unlockedDone), onError })
          }
        >
          {t.admin.users.unlock}
        </Button>
      ) : null}
      {user.disabled ? (
        <Button
          size="small"
          loading={setDisabled.isPending}
          disabled={setDisabled.isPending}
          onClick={() => toggleDisabled(false)}
        >
          {t.admin.users.enable}
        </Button>
      ) : (
        <Popconfirm
          title={t.admin.users.disable}
          description={t.admin.users.disableConfirm}
          okText={t.admin.users.disable}
          okButtonProps={{ danger: true }}
          cancelText={t.common.cancel}
          onConfirm={() => toggleDisabled(true)}
        >
          <Button size="small" danger loading={setDisabled.isPending} disabled={setDisabled.isPending}>
            {t.admin.users.disable}
          </Button>
        </Popconfirm>
      )}
      <Button
        size="small"
        loading={resetLink.isPending}
        disabled={resetLink.isPending || user.disabled}
        onClick={() =>
          resetLink.mutate(
            { id: user.id },
            { onSuccess: (link) => onResetLink({ fullName: user.fullName, ...link }), onError },
          )
        }
      >
        {t.admin.users.resetLink}
      </Button>
      <Button size="small" disabled={user.disabled} onClick={() => onTemporaryPassword(user)}>
        {t.admin.users.temporaryPassword}
      </Button>
    </Flex>
  );
}
