import { HomeOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { t } from '../i18n';
import { useCurrentUser } from './currentUser';
import { type SectionEntry, visibleSections } from './sections';

type MenuItem = Required<MenuProps>['items'][number];

function toMenuItem(entry: SectionEntry): MenuItem {
  if (entry.children) {
    return {
      key: entry.path,
      icon: entry.icon,
      label: entry.label,
      children: entry.children.map((child) => ({ key: child.path, label: <Link to={child.path}>{child.label}</Link> })),
    };
  }
  return { key: entry.path, icon: entry.icon, label: <Link to={entry.path}>{entry.label}</Link> };
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
  const items: MenuItem[] = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t.sections.home}</Link> },
    ...entries.map(toMenuItem),
  ];
  const keys = ['/', ...entries.flatMap((entry) => [entry.path, ...(entry.children ?? []).map((c) => c.path)])];
  const selected = selectedKey(pathname, keys);
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={entries.filter((entry) => entry.children).map((entry) => entry.path)}
      onClick={() => onNavigate?.()}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
