import {
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  ContactsOutlined,
  FileProtectOutlined,
  InboxOutlined,
  MailOutlined,
  PieChartOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role, Section } from '../../../common/roles';
import type { RoleGrant } from '../../../common/schemas/auth';
import { JOBS_MENU_LABEL } from '../../modules/admin/jobs.menu';
import { EXCHANGE_MENU_LABEL, PEERS_MENU_LABEL } from '../../modules/exchange/exchange.menu';
import { INSPECTION_MENU } from '../../modules/inspection/inspection.menu';
import { MEETINGS_MENU } from '../../modules/meetings/meetings.menu';
import { t } from '../i18n';

export interface SectionLink {
  path: string;
  label: string;
  icon?: ReactNode;
}

export interface SectionEntry extends SectionLink {
  section: Section;
  icon: ReactNode;
  children?: SectionLink[];
}

/** The main menu, in the order people expect to find it. */
export const SECTION_ENTRIES: readonly SectionEntry[] = [
  { section: 'incoming', path: '/incoming', label: t.sections.incoming, icon: <InboxOutlined /> },
  { section: 'outgoing', path: '/outgoing', label: t.sections.outgoing, icon: <SendOutlined /> },
  { section: 'mailbox', path: '/mailbox', label: t.sections.mailbox, icon: <MailOutlined /> },
  {
    section: 'meetings',
    path: '/meetings',
    label: t.sections.meetings,
    icon: <TeamOutlined />,
    children: [
      { path: '/meetings', label: MEETINGS_MENU.all, icon: <TeamOutlined /> },
      { path: '/meetings/mine', label: MEETINGS_MENU.mine, icon: <SolutionOutlined /> },
    ],
  },
  { section: 'schedule', path: '/schedule', label: t.sections.schedule, icon: <CalendarOutlined /> },
  {
    section: 'inspection',
    path: '/inspection',
    label: t.sections.inspection,
    icon: <FileProtectOutlined />,
    children: [
      { path: '/inspection', label: INSPECTION_MENU.cases, icon: <FileProtectOutlined /> },
      { path: '/inspection/programme', label: INSPECTION_MENU.programme, icon: <ScheduleOutlined /> },
      { path: '/inspection/reports', label: INSPECTION_MENU.reports, icon: <PieChartOutlined /> },
    ],
  },
  { section: 'statistics', path: '/statistics', label: t.sections.statistics, icon: <BarChartOutlined /> },
  { section: 'directory', path: '/directory', label: t.sections.directory, icon: <ContactsOutlined /> },
  {
    section: 'admin',
    path: '/admin',
    label: t.sections.admin,
    icon: <SettingOutlined />,
    children: [
      { path: '/admin/users', label: t.sections.adminUsers, icon: <UserOutlined /> },
      { path: '/admin/audit', label: t.sections.adminAudit, icon: <AuditOutlined /> },
      { path: '/admin/jobs', label: JOBS_MENU_LABEL, icon: <CloudUploadOutlined /> },
      { path: '/admin/exchange', label: EXCHANGE_MENU_LABEL, icon: <SwapOutlined /> },
      { path: '/admin/peers', label: PEERS_MENU_LABEL, icon: <ApiOutlined /> },
    ],
  },
];

/** Only the sections the server granted, still in menu order. */
export function visibleSections(granted: readonly string[]): SectionEntry[] {
  return SECTION_ENTRIES.filter((entry) => granted.includes(entry.section));
}

/** Clerks and administrators keep the registers; the server checks the organization on every write. */
export const REGISTER_ROLES: readonly Role[] = ['clerk', 'admin'];
export const REGISTERS_PATH = '/documents/registers';

export function canManageRegisters(roles: readonly Pick<RoleGrant, 'role'>[]): boolean {
  return roles.some((grant) => REGISTER_ROLES.includes(grant.role));
}
