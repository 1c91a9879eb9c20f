import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useT } from '../ui/i18n';
import './QrCode.css';

/** A QR code of `text` as an image (an SVG made on this machine; nothing is sent anywhere). */
export function QrCode({ text, size = 160 }: { text: string; size?: number }) {
  const t = useT();
  const [src, setSrc] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (svg) => {
        if (current) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      },
      () => {
        // The address is still printed next to it, so a missing picture costs little.
        if (current) setSrc(null);
      },
    );
    return () => {
      current = false;
    };
  }, [text]);

  return (
    <div className="qr" style={{ width: size, height: size }}>
      {src ? <img src={src} width={size} height={size} alt={t('lan.qrAlt', { url: text })} /> : null}
    </div>
  );
}
