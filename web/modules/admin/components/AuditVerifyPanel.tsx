import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import type { VerifyAuditMutation } from '../api/audit.api';

const SHOWN_PROBLEMS = 20;

/** Re-checks the hash chain of the audit log on the server and says whether it is intact. */
export function AuditVerifyButton({ verify }: { verify: VerifyAuditMutation }) {
  const { message } = App.useApp();
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={verify.isPending}
      disabled={verify.isPending}
      onClick={() => verify.mutate(undefined, { onError: (error) => message.error(errorMessage(error)) })}
    >
      {t.admin.audit.verify}
    </Button>
  );
}

export function AuditVerifyResult({ verify }: { verify: VerifyAuditMutation }) {
  const result = verify.data;
  if (!result) return null;
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        closable={{ onClose: () => verify.reset() }}
        title={t.admin.audit.verifyOk(result.checked)}
        style={{ marginBottom: 16 }}
      />
    );
  }
  const hidden = result.problems.length - SHOWN_PROBLEMS;
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose: () => verify.reset() }}
      title={t.admin.audit.verifyFailed(result.problems.length, result.checked)}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {/* Several checkpoint files can be wrong at once, all about no entry (seq 0). */}
          {result.problems.slice(0, SHOWN_PROBLEMS).map((problem) => (
            <li key={`${problem.seq}:${problem.kind}:${problem.message}`}>
              {t.admin.audit.verifyProblem(problem.seq, problem.kind, problem.message)}
            </li>
          ))}
          {hidden > 0 ? <li>{t.admin.audit.verifyMore(hidden)}</li> : null}
        </ul>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
