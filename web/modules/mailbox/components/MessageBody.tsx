import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography } from 'antd';
import type { MailMessage } from '../../../../common/schemas/mail';
import FileSignatures from '../../../app/components/FileSignatures';
import { formatDateTime } from '../../../app/format';
import { attachmentUrl } from '../api/mailbox.api';
import { tmail } from '../mailbox.i18n';

const who = (p: { name: string | null; address: string }) => (p.name ? `${p.name} <${p.address}>` : p.address);
const sizeOf = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** One message: who wrote to whom, when, the words (rich text arrives sanitized by the server) and the files. */
export default function MessageBody({ message }: { message: MailMessage }) {
  return (
    <Flex vertical gap={8}>
      <Flex vertical gap={2}>
        <Typography.Text>
          <Typography.Text type="secondary">{tmail.from}: </Typography.Text>
          <strong>{who(message.from)}</strong>
        </Typography.Text>
        {message.to.length > 0 ? (
          <Typography.Text>
            <Typography.Text type="secondary">{tmail.to}: </Typography.Text>
            {message.to.map(who).join(', ')}
          </Typography.Text>
        ) : null}
        {message.cc.length > 0 ? (
          <Typography.Text>
            <Typography.Text type="secondary">{tmail.cc}: </Typography.Text>
            {message.cc.map(who).join(', ')}
          </Typography.Text>
        ) : null}
        {message.bcc.length > 0 ? (
          <Typography.Text>
            <Typography.Text type="secondary">{tmail.bcc}: </Typography.Text>
            {message.bcc.map(who).join(', ')}
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {formatDateTime(message.at)}
          {message.source === 'smtp' ? ` · ${tmail.viaSmtp}` : ''}
        </Typography.Text>
      </Flex>
      {message.html ? (
        // The server keeps only safe tags and attributes (no scripts, styles, handlers or remote images).
        <div
          className="vp-mail-html"
          style={{ overflowWrap: 'anywhere' }}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized on the server before it is stored
          dangerouslySetInnerHTML={{ __html: message.html }}
        />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}>
          {message.text}
        </Typography.Paragraph>
      )}
      {message.attachments.length > 0 ? (
        <Flex vertical gap={4} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
          <Typography.Text type="secondary">
            <PaperClipOutlined /> {tmail.attachments}
          </Typography.Text>
          {message.attachments.map((a) => (
            <Space key={a.id} wrap>
              <a href={attachmentUrl(message.itemId, a.id)} target="_blank" rel="noreferrer">
                {a.fileName}
              </a>
              <Typography.Text type="secondary">{sizeOf(a.size)}</Typography.Text>
              <Button
                size="small"
                type="text"
                icon={<DownloadOutlined />}
                href={attachmentUrl(message.itemId, a.id, true)}
                aria-label={`Tải ${a.fileName}`}
              />
              {a.contentType === 'application/pdf' ? (
                <FileSignatures url={`${attachmentUrl(message.itemId, a.id)}/signatures`} />
              ) : null}
            </Space>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}
