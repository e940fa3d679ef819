import { Flex, theme } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import Panel from '../../../app/components/Panel';
import RoleList from '../../../app/components/RoleList';
import { useMarkUsable } from '../../../app/hooks/useMarkUsable';
import { t } from '../../../app/i18n';
import { useCurrentUser } from '../../../app/layout/currentUser';
import { useQueueCounts } from '../../../app/layout/queueCounts';
import { visibleSections } from '../../../app/layout/sections';
import { warmLikelyPages } from '../../../app/pageCode';
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
  const usable = !hasDocuments || counts !== undefined;
  useMarkUsable('home', usable);
  // While the person reads, the code of what they most likely open next comes in the background.
  useEffect(() => {
    if (usable) warmLikelyPages(user.sections);
  }, [usable, user.sections]);
  return (
    <Flex vertical gap={16}>
      <section className="vp-panel">
        <div className="vp-panel-body">
          <h1 style={{ margin: '0 0 8px', fontSize: 24, fontWeight: 600, lineHeight: 1.35 }}>
            {t.home.welcome(user.fullName)}
          </h1>
          {user.position ? <p className="vp-muted">{user.position}</p> : null}
          <h2 style={{ margin: '16px 0 8px', fontSize: 16, fontWeight: 600 }}>{t.home.rolesTitle}</h2>
          <RoleList roles={user.roles} emptyText={t.home.noRoles} />
        </div>
      </section>
      {user.sections.includes('meetings') ? <UpcomingMeetingsCard /> : null}
      {user.roles.some((r) => r.role === 'leader') ? <SchedulesAwaitingCard /> : null}
      {hasDocuments ? <QueueCards counts={counts} /> : null}
      {sections.length > 0 ? (
        <Panel title={t.home.sectionsTitle}>
          <div className="vp-tiles">
            {sections.flatMap((entry) =>
              (entry.children ?? [entry]).map((link) => (
                <Link key={link.path} to={link.path}>
                  <div className="vp-tile">
                    <Flex vertical align="center" gap={8} style={{ textAlign: 'center' }}>
                      <span aria-hidden style={{ fontSize: 28, color: token.colorPrimary }}>
                        {link.icon ?? entry.icon}
                      </span>
                      <strong>{link.label}</strong>
                    </Flex>
                  </div>
                </Link>
              )),
            )}
          </div>
        </Panel>
      ) : null}
    </Flex>
  );
}
