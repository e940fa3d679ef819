import { CheckCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined, SafetyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Flex, Popover, Tag, Typography } from 'antd';
import type { PdfSignature, PdfSignatures } from '../../../common/schemas/files';
import { api } from '../api/client';
import { formatDateTime } from '../format';
import { tsig, type Verdict, verdictOf } from './signatures.i18n';

const LOOK: Record<Verdict, { color: string; icon: React.ReactNode }> = {
  broken: { color: 'error', icon: <CloseCircleOutlined /> },
  revoked: { color: 'error', icon: <CloseCircleOutlined /> },
  expired: { color: 'warning', icon: <ExclamationCircleOutlined /> },
  changed: { color: 'warning', icon: <ExclamationCircleOutlined /> },
  untrusted: { color: 'warning', icon: <ExclamationCircleOutlined /> },
  valid: { color: 'success', icon: <CheckCircleOutlined /> },
};

function Details({ s, checkedAt }: { s: PdfSignature; checkedAt: string }) {
  const named = (name: string | null, organization: string | null) =>
    [name, organization].filter(Boolean).join(' — ') || tsig.unknown;
  return (
    <Flex vertical gap={8} style={{ maxWidth: 'min(420px, 90vw)' }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'signer', label: tsig.signer, children: named(s.signer.name, null) },
          { key: 'org', label: tsig.organization, children: s.signer.organization ?? tsig.unknown },
          { key: 'issuer', label: tsig.issuer, children: named(s.issuer.name, s.issuer.organization) },
          {
            key: 'time',
            label: tsig.time,
            children: s.signingTime ? formatDateTime(s.signingTime) : tsig.unknown,
          },
          ...(s.subFilter ? [{ key: 'kind', label: tsig.kind, children: s.subFilter }] : []),
        ]}
      />
      {s.problems.length > 0 ? (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {s.problems.map((p) => (
            <li key={p}>
              <Typography.Text type="secondary">{p}</Typography.Text>
            </li>
          ))}
        </ul>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {tsig.checkedAt(formatDateTime(checkedAt))}
      </Typography.Text>
    </Flex>
  );
}

/**
 * The digital signatures of one PDF as the server checked them: one tag per signature, the worst
 * that applies (broken, revoked, expired, not trusted, valid), its details on a tap.
 */
export default function FileSignatures({ url }: { url: string }) {
  const checked = useQuery({
    queryKey: ['file-signatures', url],
    queryFn: ({ signal }) => api.get<PdfSignatures>(url, { signal }),
    staleTime: 60_000,
  });
  if (checked.isPending) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <SafetyOutlined /> {tsig.checking}
      </Typography.Text>
    );
  }
  if (checked.isError) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <SafetyOutlined /> {tsig.failed}
      </Typography.Text>
    );
  }
  const report = checked.data;
  return (
    <Flex wrap gap={4} className="vp-signatures" data-signed={report.signed ? 'yes' : 'no'}>
      {report.signatures.length === 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <SafetyOutlined /> {report.unreadable.length > 0 ? tsig.unreadable : tsig.unsigned}
        </Typography.Text>
      ) : (
        report.signatures.map((s) => {
          const verdict = verdictOf(s);
          return (
            <Popover
              key={s.byteRange.join(' ')}
              trigger="click"
              title={tsig.verdict[verdict]}
              content={<Details s={s} checkedAt={report.checkedAt} />}
            >
              <Tag
                color={LOOK[verdict].color}
                icon={LOOK[verdict].icon}
                data-verdict={verdict}
                style={{ cursor: 'pointer', whiteSpace: 'normal' }}
                role="button"
                tabIndex={0}
              >
                {tsig.verdict[verdict]}
                {s.signer.name ? ` — ${s.signer.name}` : ''}
              </Tag>
            </Popover>
          );
        })
      )}
    </Flex>
  );
}
