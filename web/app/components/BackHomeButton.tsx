import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { t } from '../i18n';

export default function BackHomeButton() {
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t.common.backHome}
    </Button>
  );
}
