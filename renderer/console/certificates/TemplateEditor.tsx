import {
  certificateNumber,
  fieldAlignments,
  fieldFonts,
  fieldVerticalAlignments,
  pageMm,
  placeholders,
  type CertificateField,
  type CertificateTemplate,
  type PageSetup,
} from '../../../shared/domain/certificates';
import type { MessageKey } from '../../../shared/i18n';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { useT } from '../../ui/i18n';
import { NumberInput, Select } from './inputs';

type PagePreset = 'A4-landscape' | 'A4-portrait' | 'custom';

function presetOf(page: PageSetup): PagePreset {
  return page.size === 'custom' ? 'custom' : page.orientation === 'landscape' ? 'A4-landscape' : 'A4-portrait';
}

const presetPages: Record<Exclude<PagePreset, 'custom'>, PageSetup> = {
  'A4-landscape': { size: 'A4', orientation: 'landscape', widthMm: 297, heightMm: 210 },
  'A4-portrait': { size: 'A4', orientation: 'portrait', widthMm: 210, heightMm: 297 },
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A new page size keeps the layout: every box moves and stretches in proportion. */
export function withPage(template: CertificateTemplate, page: PageSetup): CertificateTemplate {
  const from = pageMm(template.page);
  const to = pageMm(page);
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  return {
    ...template,
    page,
    fields: template.fields.map((f) => ({
      ...f,
      x: round1(f.x * sx),
      width: round1(f.width * sx),
      y: round1(f.y * sy),
      height: round1(f.height * sy),
    })),
    seal: { x: round1(template.seal.x * sx), y: round1(template.seal.y * sy), width: template.seal.width },
  };
}

function FieldCard({
  field,
  onChange,
  onRemove,
}: {
  field: CertificateField;
  onChange: (field: CertificateField) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const set = <K extends keyof CertificateField>(key: K, value: CertificateField[K]) =>
    onChange({ ...field, [key]: value });
  return (
    <details className="certificate-field-card" data-testid={`field-${field.key}`}>
      <summary>
        <strong>{field.label || field.key}</strong>{' '}
        <span className="muted certificate-field-summary">{field.text}</span>
      </summary>
      <div className="certificate-field-text">
        <Field label={t('certificate.field.label')} marker={false}>
          {(control) => (
            <input {...control} value={field.label} maxLength={20} onChange={(e) => set('label', e.target.value)} />
          )}
        </Field>
        <Field label={t('certificate.field.text')} marker={false} className="certificate-text-input">
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={field.text}
              maxLength={500}
              data-testid={`field-${field.key}-text`}
              onChange={(e) => set('text', e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="certificate-field-grid">
        <NumberInput
          label={`${t('certificate.field.x')} (${t('certificates.mm')})`}
          value={field.x}
          step={0.5}
          onChange={(v) => set('x', v)}
          testId={`field-${field.key}-x`}
        />
        <NumberInput
          label={`${t('certificate.field.y')} (${t('certificates.mm')})`}
          value={field.y}
          step={0.5}
          onChange={(v) => set('y', v)}
          testId={`field-${field.key}-y`}
        />
        <NumberInput
          label={`${t('certificate.field.width')} (${t('certificates.mm')})`}
          value={field.width}
          step={0.5}
          min={1}
          onChange={(v) => set('width', v)}
          testId={`field-${field.key}-width`}
        />
        <NumberInput
          label={`${t('certificate.field.height')} (${t('certificates.mm')})`}
          value={field.height}
          step={0.5}
          min={1}
          onChange={(v) => set('height', v)}
        />
        <NumberInput
          label={`${t('certificate.field.fontSize')} (${t('certificates.pt')})`}
          value={field.fontSize}
          step={0.5}
          min={4}
          max={200}
          onChange={(v) => set('fontSize', v)}
          testId={`field-${field.key}-size`}
        />
        <Select
          label={t('certificate.field.font')}
          value={field.font}
          options={fieldFonts.map((f) => [f, t(`certificates.font.${f}`)] as const)}
          onChange={(v) => set('font', v)}
        />
        <Select
          label={t('certificate.field.align')}
          value={field.align}
          options={fieldAlignments.map((a) => [a, t(`certificates.align.${a}`)] as const)}
          onChange={(v) => set('align', v)}
        />
        <Select
          label={t('certificate.field.valign')}
          value={field.valign}
          options={fieldVerticalAlignments.map((a) => [a, t(`certificates.valign.${a}`)] as const)}
          onChange={(v) => set('valign', v)}
        />
        <NumberInput
          label={t('certificate.field.lineHeight')}
          value={field.lineHeight}
          step={0.1}
          min={1}
          max={4}
          onChange={(v) => set('lineHeight', v)}
        />
        <NumberInput
          label={`${t('certificate.field.letterSpacing')} (${t('certificates.pt')})`}
          value={field.letterSpacing}
          step={1}
          min={0}
          max={100}
          onChange={(v) => set('letterSpacing', v)}
        />
        <Field label={t('certificate.field.color')} marker={false}>
          {(control) => (
            <input {...control} type="color" value={field.color} onChange={(e) => set('color', e.target.value)} />
          )}
        </Field>
        <label className="certificate-check">
          <input type="checkbox" checked={field.bold} onChange={(e) => set('bold', e.target.checked)} />
          {t('certificates.bold')}
        </label>
      </div>
      <Button variant="quiet" onClick={onRemove}>
        {t('certificates.removeField')}
      </Button>
    </details>
  );
}

interface EditorProps {
  draft: CertificateTemplate;
  onChange: (draft: CertificateTemplate) => void;
  defaultPrefix: string;
  year: number;
}

/** The wording, the page and every field's box, size and alignment; the seal's place. */
export function TemplateEditor({ draft, onChange, defaultPrefix, year }: EditorProps) {
  const t = useT();
  const preset = presetOf(draft.page);
  const setField = (index: number, field: CertificateField) =>
    onChange({ ...draft, fields: draft.fields.map((f, i) => (i === index ? field : f)) });
  const prefix = draft.numberPrefix || defaultPrefix;

  function addField() {
    let n = draft.fields.length + 1;
    while (draft.fields.some((f) => f.key === `field-${n}`)) n++;
    const base = draft.fields[draft.fields.length - 1];
    const field: CertificateField = {
      key: `field-${n}`,
      label: t('certificates.newField'),
      text: '',
      x: 30,
      y: 30,
      width: 100,
      height: 12,
      fontSize: 16,
      font: base?.font ?? 'serif',
      bold: false,
      align: 'left',
      valign: 'middle',
      lineHeight: 1.5,
      letterSpacing: 0,
      color: '#1f1f1f',
    };
    onChange({ ...draft, fields: [...draft.fields, field] });
  }

  return (
    <div className="certificate-editor">
      <div className="certificate-editor-row">
        <Select<PagePreset>
          label={t('certificates.page')}
          value={preset}
          testId="certificate-page"
          options={[
            ['A4-landscape', t('certificates.page.a4Landscape')],
            ['A4-portrait', t('certificates.page.a4Portrait')],
            ['custom', t('certificates.page.custom')],
          ]}
          onChange={(next) => {
            if (next === 'custom')
              onChange({ ...draft, page: { ...draft.page, ...pageMm(draft.page), size: 'custom' } });
            else onChange(withPage(draft, presetPages[next]));
          }}
        />
        {preset === 'custom' ? (
          <>
            <NumberInput
              label={`${t('certificate.page.width')} (${t('certificates.mm')})`}
              value={draft.page.widthMm}
              min={50}
              max={1000}
              onChange={(v) => onChange(withPage(draft, { ...draft.page, widthMm: v }))}
            />
            <NumberInput
              label={`${t('certificate.page.height')} (${t('certificates.mm')})`}
              value={draft.page.heightMm}
              min={50}
              max={1000}
              onChange={(v) => onChange(withPage(draft, { ...draft.page, heightMm: v }))}
            />
          </>
        ) : null}
        <Select
          label={t('certificate.frame')}
          value={draft.frame}
          testId="certificate-frame"
          options={[
            ['classic', t('certificates.frame.classic')],
            ['none', t('certificates.frame.none')],
          ]}
          onChange={(frame) => onChange({ ...draft, frame })}
        />
      </div>
      <div className="certificate-editor-row">
        <Field
          label={t('certificate.numberPrefix')}
          marker={false}
          hint={t('certificates.prefixHint', { prefix: defaultPrefix, example: certificateNumber(prefix, year, 1) })}
        >
          {(control) => (
            <input
              {...control}
              value={draft.numberPrefix}
              maxLength={8}
              placeholder={defaultPrefix}
              onChange={(e) =>
                onChange({ ...draft, numberPrefix: e.target.value.toUpperCase().replace(/[^A-Z0-9]/g, '') })
              }
            />
          )}
        </Field>
        <Field label={t('certificate.date')} marker={false} hint={t('certificates.dateHint')}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.date ?? ''}
              onChange={(e) => onChange({ ...draft, date: e.target.value === '' ? null : e.target.value })}
            />
          )}
        </Field>
      </div>

      <details className="certificate-placeholders" open>
        <summary>{t('certificates.placeholders')}</summary>
        <dl>
          {placeholders.map((p) => (
            <div key={p}>
              <dt>
                <code>{`{${p}}`}</code>
              </dt>
              <dd>{t(`certificates.placeholder.${p}` satisfies MessageKey)}</dd>
            </div>
          ))}
        </dl>
      </details>

      <h3 className="certificate-subtitle">{t('certificates.fields')}</h3>
      {draft.fields.map((field, index) => (
        <FieldCard
          key={field.key}
          field={field}
          onChange={(f) => setField(index, f)}
          onRemove={() => onChange({ ...draft, fields: draft.fields.filter((_, i) => i !== index) })}
        />
      ))}
      <Button onClick={addField} disabled={draft.fields.length >= 20}>
        {t('certificates.addField')}
      </Button>
    </div>
  );
}
