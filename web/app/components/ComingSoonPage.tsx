import { HourglassOutlined } from '@ant-design/icons';
import { Result, theme } from 'antd';
import type { Section } from '../../../common/roles';
import { t } from '../i18n';
import BackHomeButton from './BackHomeButton';

/** One honest page for every section a later version will fill. */
export default function ComingSoonPage({ section }: { section: Exclude<Section, 'directory' | 'admin'> }) {
  const { token } = theme.useToken();
  return (
    <Result
      icon={<HourglassOutlined style={{ color: token.colorPrimary }} />}
      title={t.pages.comingSoon.title}
      subTitle={t.pages.comingSoon.subtitle(t.sections[section])}
      extra={<BackHomeButton />}
    />
  );
}
