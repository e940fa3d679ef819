import { Card, Col, Flex, Row, Typography, theme } from 'antd';
import { Link } from 'react-router-dom';
import RoleList from '../../../app/components/RoleList';
import { useMarkUsable } from '../../../app/hooks/useMarkUsable';
import { t } from '../../../app/i18n';
import { useCurrentUser } from '../../../app/layout/currentUser';
import { useQueueCounts } from '../../../app/layout/queueCounts';
import { visibleSections } from '../../../app/layout/sections';
import QueueCards from '../components/QueueCards';
import SchedulesAwaitingCard from '../components/SchedulesAwaitingCard';
import UpcomingMeetingsCard from '../components/UpcomingMeetingsCard';

export default function HomePage() {
  const user = useCurrentUser();
  const sections = visibleSections(user.sections);
  const { token } = theme.useToken();
  const counts = useQueueCounts();
  const hasDocuments = user.sections.includes('incoming') || user.sections.includes('outgoing');
  // Usable once the person's work is shown: the links are there from the start, the counts when they arrive.
  useMarkUsable('home', !hasDocuments || counts !== undefined);
  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t.home.welcome(user.fullName)}
        </Typography.Title>
        {user.position ? <Typography.Paragraph type="secondary">{user.position}</Typography.Paragraph> : null}
        <Typography.Title level={5}>{t.home.rolesTitle}</Typography.Title>
        <RoleList roles={user.roles} emptyText={t.home.noRoles} />
      </Card>
      {user.sections.includes('meetings') ? <UpcomingMeetingsCard /> : null}
      {user.roles.some((r) => r.role === 'leader') ? <SchedulesAwaitingCard /> : null}
      {hasDocuments ? <QueueCards counts={counts} /> : null}
      {sections.length > 0 ? (
        <Card title={t.home.sectionsTitle}>
          <Row gutter={[12, 12]}>
            {sections.flatMap((entry) =>
              (entry.children ?? [entry]).map((link) => (
                <Col key={link.path} xs={12} sm={8} lg={6}>
                  <Link to={link.path}>
                    <Card hoverable size="small" style={{ height: '100%' }}>
                      <Flex vertical align="center" gap={8} style={{ textAlign: 'center' }}>
                        <span aria-hidden style={{ fontSize: 28, color: token.colorPrimary }}>
                          {link.icon ?? entry.icon}
                        </span>
                        <Typography.Text strong>{link.label}</Typography.Text>
                      </Flex>
                    </Card>
                  </Link>
                </Col>
              )),
            )}
          </Row>
        </Card>
      ) : null}
    </Flex>
  );
}
