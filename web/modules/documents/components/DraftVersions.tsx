import { Alert, Col, Flex, List, Row, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { SECRECY_LABELS, type Secrecy, URGENCY_LABELS, type Urgency } from '../../../../common/documents';
import type { DocumentView, DraftVersion } from '../../../../common/schemas/documents';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatCalendarDate, formatDateTimeShort } from '../../../app/format';
import { t } from '../../../app/i18n';
import { fileUrl, useDraftVersions } from '../api/documents.api';
import { tdoc } from '../documents.i18n';
import { type DiffPart, wordDiff } from './wordDiff';

type Field = keyof DraftVersion['fields'];

/** The compared fields, in the form's order, each as its reader reads it. */
const FIELDS: { key: Field; label: string; text: (v: DraftVersion['fields']) => string }[] = [
  { key: 'typeCode', label: tdoc.form.type, text: (v) => v.typeCode },
  { key: 'summary', label: tdoc.form.summary, text: (v) => v.summary },
  { key: 'signerName', label: tdoc.form.signerName, text: (v) => v.signerName ?? '' },
  { key: 'signerPosition', label: tdoc.form.signerPosition, text: (v) => v.signerPosition ?? '' },
  { key: 'secrecy', label: tdoc.form.secrecy, text: (v) => SECRECY_LABELS[v.secrecy as Secrecy] ?? v.secrecy },
  { key: 'urgency', label: tdoc.form.urgency, text: (v) => URGENCY_LABELS[v.urgency as Urgency] ?? v.urgency },
  { key: 'pageCount', label: tdoc.form.pageCount, text: (v) => (v.pageCount === null ? '' : String(v.pageCount)) },
  { key: 'copies', label: tdoc.form.copies, text: (v) => (v.copies === null ? '' : String(v.copies)) },
  { key: 'dueDate', label: tdoc.form.dueDate, text: (v) => formatCalendarDate(v.dueDate) },
  { key: 'recipients', label: tdoc.form.recipients, text: (v) => v.recipients.join('; ') },
];

function Diff({ parts, side }: { parts: DiffPart[]; side: 'before' | 'after' }) {
  let at = 0;
  const shown = parts
    .filter((p) => p.kind === 'same' || p.kind === (side === 'before' ? 'removed' : 'added'))
    .map((p) => {
      const key = `${p.kind}:${at}`;
      at += p.text.length;
      return { ...p, key };
    });
  if (shown.every((p) => p.text.trim() === ''))
    return <Typography.Text type="secondary">{t.common.none}</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {shown.map((p) =>
        p.kind === 'same' ? (
          <span key={p.key}>{p.text}</span>
        ) : p.kind === 'removed' ? (
          <del key={p.key} className="vp-diff-removed" style={{ background: '#ffe1e1', color: '#a8071a' }}>
            {p.text}
          </del>
        ) : (
          <ins
            key={p.key}
            className="vp-diff-added"
            style={{ background: '#d9f7be', color: '#135200', textDecoration: 'none' }}
          >
            {p.text}
          </ins>
        ),
      )}
    </span>
  );
}

function Files({ doc, version, other }: { doc: DocumentView; version: DraftVersion; other: DraftVersion }) {
  if (version.files.length === 0) return <Typography.Text type="secondary">{tdoc.doc.noFile}</Typography.Text>;
  const theirs = new Set(other.files.map((f) => f.sha256));
  return (
    <Flex vertical gap={2}>
      {version.files.map((f) => (
        <a
          key={f.id}
          href={fileUrl(doc.id, f.id, true)}
          target="_blank"
          rel="noopener"
          style={theirs.has(f.sha256) ? undefined : { background: '#fff1b8', fontWeight: 600 }}
        >
          {f.name}
        </a>
      ))}
    </Flex>
  );
}

/** Two versions side by side: only what changed, the words taken out and put in highlighted. */
function Comparison({ doc, before, after }: { doc: DocumentView; before: DraftVersion; after: DraftVersion }) {
  const changed = FIELDS.filter((f) => f.text(before.fields) !== f.text(after.fields));
  const filesChanged =
    before.files.map((f) => f.sha256).join() !== after.files.map((f) => f.sha256).join() ||
    before.mainFile?.sha256 !== after.mainFile?.sha256;
  if (changed.length === 0 && !filesChanged) return <Alert type="info" showIcon title={tdoc.doc.noChange} />;
  const row = (key: string, label: string, left: React.ReactNode, right: React.ReactNode) => (
    <div
      key={key}
      className="vp-version-change"
      data-field={key}
      style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}
    >
      <Typography.Text strong>{label}</Typography.Text>
      <Row gutter={[12, 4]}>
        <Col xs={24} md={12}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tdoc.doc.versionLabel(before.number)}
          </Typography.Text>
          <div>{left}</div>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tdoc.doc.versionLabel(after.number)}
          </Typography.Text>
          <div>{right}</div>
        </Col>
      </Row>
    </div>
  );
  return (
    <Flex vertical gap={8} className="vp-version-compare">
      {changed.map((f) => {
        const parts = wordDiff(f.text(before.fields), f.text(after.fields));
        return row(f.key, f.label, <Diff parts={parts} side="before" />, <Diff parts={parts} side="after" />);
      })}
      {filesChanged
        ? row(
            'files',
            tdoc.doc.mainFile,
            <Files doc={doc} version={before} other={after} />,
            <Files doc={doc} version={after} other={before} />,
          )
        : null}
    </Flex>
  );
}

/** A draft's kept versions, and a comparison of any two of them. */
export default function DraftVersions({ doc }: { doc: DocumentView }) {
  const versions = useDraftVersions(doc.id, doc.version);
  const items = versions.data?.items ?? [];
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  if (versions.isError) {
    return <QueryErrorAlert error={versions.error} onRetry={() => versions.refetch()} retrying={versions.isFetching} />;
  }
  if (!versions.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const last = items[items.length - 1];
  const from = picked?.from ?? items[items.length - 2]?.number;
  const to = picked?.to ?? last?.number;
  const before = items.find((v) => v.number === from);
  const after = items.find((v) => v.number === to);
  const options = items.map((v) => ({ value: v.number, label: tdoc.doc.versionLabel(v.number) }));
  return (
    <Flex vertical gap={12}>
      <List<DraftVersion>
        className="vp-versions"
        size="small"
        dataSource={[...items].reverse()}
        renderItem={(v) => (
          <List.Item key={v.number} data-version={v.number} style={{ paddingInline: 0 }}>
            <Flex vertical gap={0} style={{ minWidth: 0 }}>
              <Typography.Text strong>{tdoc.doc.versionLabel(v.number)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {v.savedByName} · {formatDateTimeShort(v.savedAt)}
                {v.mainFile ? ` · ${v.mainFile.name}` : ''}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {items.length < 2 ? (
        <Typography.Text type="secondary">{tdoc.doc.oneVersion}</Typography.Text>
      ) : (
        <>
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{tdoc.doc.compare}</Typography.Text>
            <Select
              aria-label={`${tdoc.doc.compare} — 1`}
              value={from}
              options={options}
              onChange={(v) => setPicked({ from: v, to: to ?? v })}
              style={{ width: 130 }}
            />
            <Typography.Text>{tdoc.doc.compareWith}</Typography.Text>
            <Select
              aria-label={`${tdoc.doc.compare} — 2`}
              value={to}
              options={options}
              onChange={(v) => setPicked({ from: from ?? v, to: v })}
              style={{ width: 130 }}
            />
          </Flex>
          {before && after ? <Comparison doc={doc} before={before} after={after} /> : null}
        </>
      )}
    </Flex>
  );
}
