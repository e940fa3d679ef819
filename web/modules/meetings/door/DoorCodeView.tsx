import { QrcodeOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { doorUrl, useDoorCode } from './door.api';
import { td } from './door.i18n';

// The QR code generator comes with the first opening of the door's code.
const QrSvg = lazy(() => import('./QrSvg'));

/** For the organizer and the secretary: the code of the door, full screen, to show at the entrance. */
export default function DoorCodeButton({ meetingId }: { meetingId: string }) {
  const [open, setOpen] = useState(false);
  const door = useDoorCode(meetingId, open);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <>
      <Button icon={<QrcodeOutlined />} onClick={() => setOpen(true)}>
        {td.show}
      </Button>
      {open ? (
        <div
          role="dialog"
          aria-modal="true"
          aria-label={td.title}
          className="vp-door-modal"
          style={{
            position: 'fixed',
            inset: 0,
            zIndex: 1100,
            background: '#fff',
            overflow: 'auto',
            padding: 16,
          }}
        >
          <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>
            {td.title}
          </Typography.Title>
          {door.isError ? <QueryErrorAlert error={door.error} onRetry={() => door.refetch()} /> : null}
          {door.data ? (
            <Flex vertical align="center" gap={12}>
              <Typography.Text style={{ fontSize: 16, textAlign: 'center' }}>{td.scanHint}</Typography.Text>
              <Flex gap={32} align="center" justify="center" wrap>
                <Suspense
                  fallback={
                    <Skeleton.Node active style={{ width: 'min(70vmin, 420px)', height: 'min(70vmin, 420px)' }} />
                  }
                >
                  <QrSvg text={doorUrl(door.data)} />
                </Suspense>
                <Typography.Text
                  data-door-code={door.data.code}
                  strong
                  style={{ fontSize: 'clamp(40px, 12vw, 96px)', letterSpacing: '0.15em', fontFamily: 'monospace' }}
                >
                  {door.data.code}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary">{td.rotates(door.data.rotatesEverySeconds)}</Typography.Text>
              <Button size="large" onClick={() => setOpen(false)} autoFocus>
                {td.close}
              </Button>
            </Flex>
          ) : door.isError ? null : (
            <Skeleton active />
          )}
        </div>
      ) : null}
    </>
  );
}
