import type { CertificatePreview as Preview } from '../../../shared/api/certificates';
import { classicFrame, ptToMm, type CertificateTemplate } from '../../../shared/domain/certificates';
import { useT } from '../../ui/i18n';

const fontFamilies = {
  serif: '"Noto Serif SC", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif',
  sans: '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
};

interface PreviewProps {
  template: CertificateTemplate;
  preview: Preview;
  /** Object URLs of the uploaded pictures, when there are any. */
  background: string | null;
  seal: string | null;
  showBackground: boolean;
  showBoxes: boolean;
}

/**
 * Page 1 drawn to scale in mm (an SVG whose units are millimetres), with the lines where the host
 * placed them; each line is stretched to the width the PDF gives it, whatever font this browser has.
 */
export function CertificatePreview({ template, preview, background, seal, showBackground, showBoxes }: PreviewProps) {
  const t = useT();
  const { width, height } = preview.page;
  const laidOut = new Map(preview.fields.map((f) => [f.key, f]));
  return (
    <svg
      className="certificate-page"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t('certificates.preview')}
      data-testid="certificate-preview"
    >
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      {background && showBackground ? (
        <image
          href={background}
          x={0}
          y={0}
          width={width}
          height={height}
          preserveAspectRatio="none"
          opacity={0.9}
          data-testid="preview-background"
        />
      ) : null}
      {template.frame === 'classic' ? (
        <g fill="none" stroke={classicFrame.color}>
          {classicFrame.rules.map(({ inset, lineWidth }) => (
            <rect
              key={inset}
              x={inset}
              y={inset}
              width={width - 2 * inset}
              height={height - 2 * inset}
              strokeWidth={ptToMm(lineWidth)}
            />
          ))}
        </g>
      ) : null}
      {seal ? (
        <image
          href={seal}
          x={template.seal.x}
          y={template.seal.y}
          width={template.seal.width}
          height={template.seal.width * 2}
          preserveAspectRatio="xMidYMin meet"
        />
      ) : null}
      {template.fields.map((field) => {
        const laid = laidOut.get(field.key);
        if (!laid) return null;
        const flagged = laid.overflow ? 'overflow' : laid.shrunk ? 'shrunk' : null;
        return (
          <g key={field.key} data-field={field.key} data-shrunk={laid.shrunk || undefined}>
            {showBoxes || flagged ? (
              <rect
                className={`certificate-box${flagged ? ` certificate-box-${flagged}` : ''}`}
                x={field.x}
                y={field.y}
                width={field.width}
                height={field.height}
              />
            ) : null}
            {laid.lines.map((line, i) =>
              line.text === '' ? null : (
                <text
                  key={i}
                  x={line.x}
                  y={line.y + laid.ascent}
                  fontSize={ptToMm(laid.fontSize)}
                  fontFamily={fontFamilies[field.font]}
                  fontWeight={field.bold ? 700 : 400}
                  fill={field.color}
                  textLength={line.width > 0 ? line.width : undefined}
                  lengthAdjust="spacing"
                  xmlSpace="preserve"
                >
                  {line.text}
                </text>
              ),
            )}
          </g>
        );
      })}
    </svg>
  );
}
