import { Result } from 'antd';
import { t } from '../i18n';
import BackHomeButton from './BackHomeButton';

export default function NotFoundPage() {
  return (
    <Result
      status="404"
      title={t.pages.notFound.title}
      subTitle={t.pages.notFound.subtitle}
      extra={<BackHomeButton />}
    />
  );
}
