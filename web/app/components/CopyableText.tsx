import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { CSSProperties } from 'react';
import { t } from '../i18n';

/**
 * A value to hand over (a link, a key), with a labelled copy button. antd's copy falls
 * back to execCommand, which still works on plain-HTTP intranets where the Clipboard API does not.
 */
export default function CopyableText({
  text,
  display = text,
  style,
}: {
  text: string;
  display?: string;
  style?: CSSProperties;
}) {
  return (
    <Typography.Paragraph
      copyable={{
        text,
        icon: [
          <span key="copy">
            <CopyOutlined /> {t.common.copy}
          </span>,
          <span key="copied">
            <CheckOutlined /> {t.common.copied}
          </span>,
        ],
        tooltips: false,
      }}
      style={{ wordBreak: 'break-all', ...style }}
    >
      <Typography.Text code>{display}</Typography.Text>
    </Typography.Paragraph>
  );
}
