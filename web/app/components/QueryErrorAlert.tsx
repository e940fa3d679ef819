import { Alert, Button } from 'antd';
import { errorMessage } from '../api/client';
import { t } from '../i18n';

/** The error state of a list: what went wrong and a way to try again. */
export default function QueryErrorAlert({
  error,
  onRetry,
  retrying = false,
}: {
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}) {
  return (
    <Alert
      type="error"
      showIcon
      title={t.common.loadFailed}
      description={errorMessage(error)}
      action={
        <Button size="small" onClick={onRetry} loading={retrying}>
          {t.common.retry}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
