import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client';
import { downloadEdxml } from '../api/exchange.api';
import { txw } from '../exchange.i18n';

/**
 * The document as an edXML package, to carry by hand to an office outside the system. The server
 * makes it on request and may refuse (no number yet, no national identifier): the package is fetched
 * first, so a refusal is said in the server's words instead of a broken download.
 */
export default function EdxmlDownloadButton({ documentId }: { documentId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadEdxml(documentId);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={8} className="vp-edxml-download">
      <div>
        <Button icon={<DownloadOutlined />} loading={busy} onClick={download}>
          {txw.download.label}
        </Button>
      </div>
      {error ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setError(null) }}
          title={txw.download.failed}
          description={error}
        />
      ) : null}
    </Flex>
  );
}
