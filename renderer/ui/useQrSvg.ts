import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/**
 * A QR code of `text` as an SVG data URL, made on this machine (nothing is sent anywhere); null until it is ready
 * or if it could not be made. For the projector's check-in scene and anything else that draws its own frame.
 */
export function useQrSvg(text: string | null): string | null {
  const [made, setMade] = useState<{ text: string; src: string } | null>(null);

  useEffect(() => {
    if (text === null) return;
    let current = true;
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (svg) => {
        if (current) setMade({ text, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
      },
      () => {
        // The code is shown in digits beside it, so a missing picture costs little.
        if (current) setMade(null);
      },
    );
    return () => {
      current = false;
    };
  }, [text]);

  // A code that has just changed never shows the old picture.
  return made && made.text === text ? made.src : null;
}
