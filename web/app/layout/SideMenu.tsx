import { BookOutlined, CheckSquareOutlined, HomeOutlined } from '@ant-design/icons';
import { Badge, Flex, Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { t } from '../i18n';
import { useCurrentUser } from './currentUser';
import { sectionBadges, useQueueCounts } from './queueCounts';
import { canManageRegisters, REGISTERS_PATH, type SectionEntry, visibleSections } from './sections';

type MenuItem = Required<MenuProps>['items'][number];

/** A menu label with the count of waiting work beside it (red when it is overdue work). */
function withBadge(label: string, count: number | undefined, danger = false): ReactNode {
  if (!count) return label;
  return (
    <Flex justify="space-between" align="center" gap={8}>
      <span>{label}</span>
      <Badge count={count} overflowCount={99} color={danger ? undefined : '#1677ff'} />
    </Flex>
  );
}

const submenuKey = (entry: SectionEntry) => `section:${entry.section}`;

function toMenuItem(entry: SectionEntry, badges: Record<string, number>): MenuItem {
  if (entry.children) {
    return {
      // A child may link to the section's own path (its first page): the submenu needs a key of its own.
      key: submenuKey(entry),
      icon: entry.icon,
      label: entry.label,
      children: entry.children.map((child) => ({ key: child.path, label: <Link to={child.path}>{child.label}</Link> })),
    };
  }
  return {
    key: entry.path,
    icon: entry.icon,
    label: <Link to={entry.path}>{withBadge(entry.label, badges[entry.path])}</Link>,
  };
}

/** The menu key that owns the current path: the longest registered path that prefixes it. */
function selectedKey(pathname: string, keys: string[]): string | undefined {
  return keys
    .filter((key) => (key === '/' ? pathname === '/' : pathname === key || pathname.startsWith(`${key}/`)))
    .sort((a, b) => b.length - a.length)[0];
}

export default function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const entries = visibleSections(user.sections);
  const badges = sectionBadges(useQueueCounts());
  const hasDocuments = user.sections.includes('incoming') || user.sections.includes('outgoing');
  const queue = '/documents/queue';
  // The registers sit right after the document sections, for those who keep them.
  const registers = hasDocuments && canManageRegisters(user.roles);
  const registersItem: MenuItem = {
    key: REGISTERS_PATH,
    icon: <BookOutlined />,
    label: <Link to={REGISTERS_PATH}>{t.sections.registers}</Link>,
  };
  const lastDocumentEntry = entries.findLastIndex((e) => e.section === 'incoming' || e.section === 'outgoing');
  const items: MenuItem[] = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t.sections.home}</Link> },
    ...(hasDocuments
      ? [
          {
            key: queue,
            icon: <CheckSquareOutlined />,
            label: <Link to={queue}>{withBadge(t.sections.queue, badges[queue], true)}</Link>,
          },
        ]
      : []),
    ...entries.flatMap((entry, i) => [
      toMenuItem(entry, badges),
      ...(registers && i === lastDocumentEntry ? [registersItem] : []),
    ]),
  ];
  const keys = [
    '/',
    ...(hasDocuments ? [queue] : []),
    ...(registers ? [REGISTERS_PATH] : []),
    ...entries.flatMap((entry) => (entry.children ? entry.children.map((c) => c.path) : [entry.path])),
  ];
  const selected = selectedKey(pathname, keys);
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={entries.filter((entry) => entry.children).map(submenuKey)}
      onClick={() => onNavigate?.()}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
