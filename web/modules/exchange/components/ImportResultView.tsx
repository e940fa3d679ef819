import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Flex, Grid, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatCalendarDate } from '../../../app/format';
import type { ImportResult } from '../api/exchange.api';
import { txw } from '../exchange.i18n';

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;

/**
 * What became of an imported package: the warnings first (taken before, or a document with the
 * same number already registered), then the document as read, what was corrected, and where it is.
 */
export default function ImportResultView({ result, onNavigate }: { result: ImportResult; onNavigate: () => void }) {
  const i = txw.import;
  // On a phone each label sits above its value, leaving the width to the value.
  const wide = Grid.useBreakpoint().sm === true;
  return (
    <Flex vertical gap={12} className="vp-import-result">
      {result.duplicate ? (
        <Alert
          type="warning"
          showIcon
          className="vp-import-duplicate"
          title={i.duplicate}
          description={i.duplicateBody}
        />
      ) : (
        <Alert type="success" showIcon title={result.incomingDocumentId ? i.registered : i.waiting} />
      )}
      {result.registeredBefore.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          className="vp-import-registered-before"
          title={i.registeredBefore}
          description={
            <>
              {i.registeredBeforeBody}
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {result.registeredBefore.map((d) => (
                  <li key={d.id}>
                    <Link to={`/documents/${encodeURIComponent(d.id)}`} onClick={onNavigate}>
                      {i.registeredBeforeItem(
                        d.numberText ?? i.noNumber,
                        d.arrivalNumber !== null
                          ? i.arrivalNumber(d.arrivalNumber, d.arrivalDate ? formatCalendarDate(d.arrivalDate) : '')
                          : '',
                      )}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          }
        />
      ) : null}
      <Descriptions
        column={1}
        size="small"
        bordered={wide}
        layout={wide ? 'horizontal' : 'vertical'}
        styles={wide ? { label: { width: 140 } } : { label: { paddingBottom: 0 } }}
      >
        <Descriptions.Item label={i.issuer}>{result.issuer}</Descriptions.Item>
        <Descriptions.Item label={i.number}>{result.numberText ?? i.noNumber}</Descriptions.Item>
        <Descriptions.Item label={i.subject}>{result.subject}</Descriptions.Item>
        <Descriptions.Item label={i.issueDate}>{formatCalendarDate(result.issueDate)}</Descriptions.Item>
        <Descriptions.Item label={i.attachments}>
          {result.attachments.length === 0 ? (
            <Typography.Text type="secondary">{i.noAttachments}</Typography.Text>
          ) : (
            <Flex vertical gap={2}>
              {result.attachments.map((a) => (
                <span key={`${a.name}:${a.size}`} style={{ overflowWrap: 'anywhere' }}>
                  <PaperClipOutlined /> {a.name}{' '}
                  <Typography.Text type="secondary">({sizeText(a.size)})</Typography.Text>
                </span>
              ))}
            </Flex>
          )}
        </Descriptions.Item>
      </Descriptions>
      {result.corrections.length > 0 ? (
        <Alert
          type="info"
          showIcon
          className="vp-import-corrections"
          title={i.corrections}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {result.corrections.map((c) => (
                <li key={`${c.code}:${c.message}`} data-correction={c.code}>
                  {c.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {result.incomingDocumentId ? (
        <Link to={`/documents/${encodeURIComponent(result.incomingDocumentId)}`} onClick={onNavigate}>
          {i.openDocument}
        </Link>
      ) : result.deliveryId ? (
        <Link to={`/incoming?tab=inbox&delivery=${encodeURIComponent(result.deliveryId)}`} onClick={onNavigate}>
          {i.openInbox}
        </Link>
      ) : null}
    </Flex>
  );
}
