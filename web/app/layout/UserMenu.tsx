import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex, type MenuProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useSignOut } from '../api/auth';
import { ApiError, errorMessage } from '../api/client';
import { t } from '../i18n';
import { signInUrl } from '../nextPath';
import { useCurrentUser } from './currentUser';

/** The signed-in person in the header, with their account and sign-out. */
export default function UserMenu({ compact }: { compact: boolean }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const signOut = useSignOut();

  const items: MenuProps['items'] = [
    { key: 'account', icon: <UserOutlined />, label: t.layout.myAccount },
    { type: 'divider' },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t.layout.signOut, disabled: signOut.isPending },
  ];
  // Awaited rather than passed as callbacks: signing out unmounts this menu before the request settles.
  const signOutAndLeave = async () => {
    try {
      await signOut.mutateAsync();
    } catch (error) {
      // A session already over is as good as signed out; anything else keeps the person here.
      if (!(error instanceof ApiError && error.status === 401)) {
        message.error(errorMessage(error));
        return;
      }
    }
    // A full navigation: the sign-in page is a page of its own, and says "Bạn đã đăng xuất."
    window.location.replace(signInUrl('/', 'signed-out'));
  };
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'account') navigate('/account');
    if (key === 'sign-out') void signOutAndLeave();
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        style={{
          color: '#fff',
          height: 'auto',
          paddingBlock: 4,
          maxWidth: compact ? 136 : 320,
          minWidth: 0,
          flexShrink: 1,
        }}
      >
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <UserOutlined />
          <Flex vertical align="flex-start" style={{ minWidth: 0, lineHeight: 1.25 }}>
            <span className="vp-ellipsis" style={{ color: '#fff', maxWidth: compact ? 84 : 260 }}>
              {user.fullName}
            </span>
            {!compact && user.position ? (
              <span className="vp-ellipsis" style={{ color: 'rgba(255,255,255,0.75)', fontSize: 12, maxWidth: 260 }}>
                {user.position}
              </span>
            ) : null}
          </Flex>
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
