import { ReloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { onUpdateReady } from './register';

/**
 * "Đã có phiên bản mới — Tải lại": shown when a new release's worker is installed and waits.
 * Reloading is the person's choice, so a half-filled form is never lost to an update.
 */
export default function UpdatePrompt() {
  const [reload, setReload] = useState<(() => void) | null>(null);
  useEffect(() => onUpdateReady((apply) => setReload(() => apply)), []);
  if (!reload) return null;
  return (
    <div
      role="status"
      className="vp-update-prompt"
      style={{
        position: 'fixed',
        left: '50%',
        bottom: 16,
        transform: 'translateX(-50%)',
        zIndex: 2000,
        display: 'flex',
        alignItems: 'center',
        gap: 12,
        padding: '8px 8px 8px 16px',
        background: '#fff',
        border: '1px solid #d9d9d9',
        borderRadius: 8,
        boxShadow: '0 6px 16px rgba(0,0,0,0.12)',
        width: 'max-content',
        maxWidth: 'calc(100vw - 32px)',
      }}
    >
      <span style={{ whiteSpace: 'nowrap' }}>Đã có phiên bản mới</span>
      <Button type="primary" icon={<ReloadOutlined />} onClick={reload}>
        Tải lại
      </Button>
    </div>
  );
}
