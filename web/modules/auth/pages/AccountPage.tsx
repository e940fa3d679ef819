import { BellOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, Row } from 'antd';
import { Link } from 'react-router-dom';
import PageTitle from '../../../app/components/PageTitle';
import RoleList from '../../../app/components/RoleList';
import { t } from '../../../app/i18n';
import { useCurrentUser } from '../../../app/layout/currentUser';
import { tnote } from '../../notifications/notifications.i18n';
import ChangePasswordForm from '../components/ChangePasswordForm';
import TotpSection from '../components/TotpSection';

export default function AccountPage() {
  const user = useCurrentUser();
  return (
    <>
      <PageTitle title={t.account.title} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t.account.profile}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'fullName', label: t.account.fullName, children: user.fullName },
                { key: 'username', label: t.account.username, children: user.username },
                { key: 'email', label: t.account.email, children: user.email ?? t.common.none },
                { key: 'position', label: t.account.position, children: user.position ?? t.common.none },
                {
                  key: 'roles',
                  label: t.account.roles,
                  children: <RoleList roles={user.roles} emptyText={t.account.noRoles} />,
                },
              ]}
            />
            <Link to="/account/notifications" style={{ display: 'inline-block', marginTop: 12 }}>
              <BellOutlined /> {tnote.settingsLink}
            </Link>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <Card title={t.account.changePassword}>
              <ChangePasswordForm />
            </Card>
            <Card title={t.account.totpTitle}>
              <TotpSection />
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}
