import { Modal } from 'antd';
import type { SavedPackage } from '../../../app/pwa/papers';

export type Paper = SavedPackage['files'][number];

/**
 * A kept paper read inside the page. Its URL is the server's own: the worker answers it from
 * the phone's copy, so the same viewer works with or without a signal.
 */
export default function OfflinePaperViewer({ paper, onClose }: { paper: Paper | null; onClose: () => void }) {
  const pdf = paper?.contentType === 'application/pdf';
  return (
    <Modal
      open={paper !== null}
      title={paper?.fileName}
      onCancel={onClose}
      footer={null}
      width="min(960px, 100vw)"
      style={{ top: 8, maxWidth: '100vw', paddingBottom: 0 }}
      className="vp-offline-viewer"
      destroyOnHidden
    >
      {paper && pdf ? (
        <iframe title={paper.fileName} src={paper.url} style={{ width: '100%', height: '72vh', border: 'none' }} />
      ) : paper ? (
        <img src={paper.url} alt={paper.fileName} style={{ maxWidth: '100%', display: 'block', margin: '0 auto' }} />
      ) : null}
    </Modal>
  );
}
