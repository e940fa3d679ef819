import { Result } from 'antd';
import { t } from '../i18n';
import BackHomeButton from './BackHomeButton';

export default function ForbiddenPage() {
  return (
    <Result
      status="403"
      title={t.pages.forbidden.title}
      subTitle={t.pages.forbidden.subtitle}
      extra={<BackHomeButton />}
    />
  );
}
