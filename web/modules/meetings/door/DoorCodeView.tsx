import { QrcodeOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Typography } from 'antd';
import qrcode from 'qrcode-generator';
import { useEffect, useMemo, useState } from 'react';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { doorUrl, useDoorCode } from './door.api';
import { td } from './door.i18n';

/** A QR code as SVG, made here: nothing leaves the office network. */
function QrSvg({ text }: { text: string }) {
  const svg = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    return qr.createSvgTag({ cellSize: 8, margin: 2, scalable: true });
  }, [text]);
  return (
    <div
      className="vp-door-qr"
      role="img"
      aria-label={td.qrLabel}
      data-url={text}
      style={{ width: 'min(70vmin, 420px)', background: '#fff' }}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG is generated here from our own address.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

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
                <QrSvg text={doorUrl(door.data)} />
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
