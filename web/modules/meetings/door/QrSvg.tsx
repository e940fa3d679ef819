import qrcode from 'qrcode-generator';
import { useMemo } from 'react';
import { td } from './door.i18n';

/** A QR code as SVG, made here: nothing leaves the office network. */
export default function QrSvg({ text }: { text: string }) {
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
