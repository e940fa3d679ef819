import { Flex, Spin } from 'antd';
import { t } from '../i18n';

export default function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin size="large" description={t.common.loading} />
    </Flex>
  );
}
