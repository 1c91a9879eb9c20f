import { useRef, useState } from 'react';
import { participantFields, type ImportResult } from '../../shared/api/contest';
import type { OpenedFile } from '../../shared/api/bridge';
import { genders, type EventKind } from '../../shared/domain/vocabulary';
import { getBridge } from '../api/bridge';
import type { ApiClient } from '../api/client';
import { Button } from '../ui/Button';
import { Modal } from '../ui/Modal';
import { Notice } from '../ui/Notice';
import { useT } from '../ui/i18n';
import { useToast } from '../ui/Toast';
import { useErrorMessage } from '../ui/useErrorMessage';
import './import.css';

type Field = (typeof participantFields)[number];
/** The organiser's choices only: header → field, null for "do not import". */
type Mapping = Record<string, Field | null>;

function fieldOf(value: string): Field | null {
  return participantFields.find((f) => f === value) ?? null;
}

/**
 * Import from Excel: the organiser picks a file, sees a dry run (what will be created, duplicates,
 * bad rows by their Excel row number, fields that will be left empty, how each column was read),
 * adjusts columns, then confirms.
 */
export function ImportDialog({
  api,
  eventId,
  kind,
  onImported,
}: {
  api: ApiClient;
  eventId: number;
  /** Whose roster this is: the dialog names them (参赛选手 or 学员). */
  kind: EventKind;
  onImported: () => void;
}) {
  const t = useT();
  const toast = useToast();
  const message = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only the newest dry run may show: the organiser can change two columns faster than the host answers.
  const latest = useRef(0);
  function upload(bytes: Uint8Array, choices: Mapping, dryRun: boolean) {
    return api.call('importParticipants', {
      params: { id: String(eventId) },
      query: {
        dryRun: dryRun ? 'true' : 'false',
        mapping: Object.keys(choices).length > 0 ? JSON.stringify(choices) : undefined,
      },
      body: bytes,
    });
  }

  async function dryRun(chosen: OpenedFile, choices: Mapping) {
    const call = ++latest.current;
    setBusy('reading');
    setError(null);
    try {
      const result = await upload(chosen.data, choices, true);
      if (call === latest.current) setPreview(result);
    } catch (e) {
      if (call === latest.current) {
        setPreview(null);
        setError(message(e));
      }
    } finally {
      if (call === latest.current) setBusy(null);
    }
  }

  /** Never rejects: a failure shows as a toast or in the dialog. */
  async function chooseFile() {
    let chosen: OpenedFile | null;
    try {
      chosen = await getBridge().openFile({ extensions: ['xlsx', 'xls'] });
    } catch (e) {
      toast(message(e), 'error');
      return;
    }
    if (!chosen) return;
    setOpen(true);
    setFile(chosen);
    setMapping({});
    setPreview(null);
    setDone(null);
    await dryRun(chosen, {});
  }

  function remap(header: string, value: string) {
    if (!file) return;
    const next = { ...mapping, [header]: fieldOf(value) };
    setMapping(next);
    void dryRun(file, next);
  }

  async function confirm() {
    if (!file) return;
    latest.current++;
    setBusy('importing');
    setError(null);
    try {
      const result = await upload(file.data, mapping, false);
      setDone(result);
      setPreview(result);
      toast(doneText(result));
      onImported();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(null);
    }
  }

  function close() {
    latest.current++;
    setOpen(false);
    setFile(null);
    setPreview(null);
    setDone(null);
    setError(null);
    setBusy(null);
  }

  function doneText(result: ImportResult): string {
    const params = { created: result.created, updated: result.updated, skipped: result.skipped };
    return t(result.updated > 0 ? 'import.doneUpdated' : 'import.done', params);
  }

  const genderLabel = (value: string | null) => {
    const gender = genders.find((g) => g === value);
    return gender ? t(`gender.${gender}`) : '';
  };

  const writable = preview ? preview.created + preview.updated : 0;

  return (
    <>
      <Button className="import-open" onClick={() => void chooseFile()} data-testid="import-open">
        {t('import.open')}
      </Button>
      {open ? (
        <Modal
          className="import-dialog"
          backdropClassName="import-backdrop"
          labelledBy="import-heading"
          onClose={close}
          closable={busy !== 'importing'}
          focusOnOpen
        >
          <div className="import-head">
            <h2 id="import-heading" className="panel-title">
              {t(`import.title.${kind}`)}
            </h2>
            {file ? <span className="muted">{t('import.file', { file: file.name })}</span> : null}
          </div>

          {error ? (
            <Notice
              tone="error"
              action={<Button onClick={() => void chooseFile()}>{t('import.chooseAnother')}</Button>}
            >
              {error}
            </Notice>
          ) : null}
          {busy === 'reading' && !preview && file ? (
            <p className="muted">{t('import.reading', { file: file.name })}</p>
          ) : null}

          {done ? (
            <>
              <Notice tone="success">
                <span data-testid="import-result">{doneText(done)}</span>
              </Notice>
              <ImportWarnings warnings={done.warnings} />
            </>
          ) : null}

          {preview && !done ? (
            <>
              <p className="import-summary" aria-live="polite" data-testid="import-summary">
                {t('import.summary', {
                  created: preview.created,
                  updated: preview.updated,
                  skipped: preview.skipped,
                })}
                {busy === 'reading' ? <span className="muted"> · {t('app.loading')}</span> : null}
              </p>

              <section aria-labelledby="import-columns-heading">
                <h3 id="import-columns-heading" className="subhead">
                  {t('import.columns')}
                </h3>
                <p className="muted import-hint">{t('import.columnsHint')}</p>
                <div className="import-columns">
                  {preview.columns.map((column, index) => (
                    <label key={`${index}-${column.header}`} className="import-column">
                      <span className="import-column-header">{column.header}</span>
                      <select
                        data-testid="import-mapping-select"
                        value={column.field ?? ''}
                        disabled={busy === 'importing'}
                        onChange={(e) => remap(column.header, e.target.value)}
                      >
                        <option value="">{t('import.ignore')}</option>
                        {participantFields.map((field) => (
                          <option key={field} value={field}>
                            {t(`participant.${field}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                  ))}
                </div>
              </section>

              {preview.errors.length > 0 ? (
                <section aria-labelledby="import-errors-heading">
                  <h3 id="import-errors-heading" className="subhead import-bad">
                    {t('import.errorsTitle')}
                  </h3>
                  <CellProblems problems={preview.errors} rowTestId="import-error-row" />
                </section>
              ) : null}

              <ImportWarnings warnings={preview.warnings} />

              {preview.duplicates.length > 0 ? (
                <section aria-labelledby="import-duplicates-heading">
                  <h3 id="import-duplicates-heading" className="subhead">
                    {t('import.duplicatesTitle')}
                  </h3>
                  <div className="table-wrap">
                    <table className="table">
                      <thead>
                        <tr>
                          <th scope="col" className="num">
                            {t('import.row')}
                          </th>
                          <th scope="col">{t('participant.name')}</th>
                          <th scope="col">{t('import.reason')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {preview.duplicates.map((d) => (
                          <tr key={d.row} data-testid="import-duplicate-row">
                            <td className="num">{d.row}</td>
                            <td className="nowrap strong">{d.name}</td>
                            <td>{d.reason}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </section>
              ) : null}

              <section aria-labelledby="import-preview-heading">
                <h3 id="import-preview-heading" className="subhead">
                  {t(`import.previewTitle.${kind}`)}
                </h3>
                {preview.preview.length === 0 ? (
                  <p className="muted">{t(`import.nothing.${kind}`)}</p>
                ) : (
                  <div className="table-wrap" data-testid="import-preview">
                    <table className="table">
                      <thead>
                        <tr>
                          <th scope="col" className="num">
                            {t('import.row')}
                          </th>
                          <th scope="col">{t('participant.name')}</th>
                          <th scope="col">{t('participant.gender')}</th>
                          <th scope="col">{t('participant.organization')}</th>
                          <th scope="col">{t('participant.title')}</th>
                          <th scope="col">{t('participant.phone')}</th>
                          <th scope="col">{t('participant.group')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {preview.preview.map((p) => (
                          <tr key={p.row}>
                            <td className="num">{p.row}</td>
                            <td className="nowrap strong">{p.name}</td>
                            <td className="nowrap">{genderLabel(p.gender)}</td>
                            <td className="cell-place">{p.organization ?? ''}</td>
                            <td>{p.title ?? ''}</td>
                            <td className="nowrap">{p.phone ?? ''}</td>
                            <td className="nowrap">{p.group ?? ''}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {preview.preview.length < writable ? (
                  <p className="muted">{t('import.previewMore', { count: preview.preview.length })}</p>
                ) : null}
              </section>
            </>
          ) : null}

          <div className="form-actions import-actions">
            {done ? (
              <Button variant="primary" onClick={close}>
                {t('import.close')}
              </Button>
            ) : (
              <>
                <Button onClick={close} disabled={busy === 'importing'}>
                  {t('import.cancel')}
                </Button>
                <Button
                  variant="primary"
                  onClick={() => void confirm()}
                  busy={busy === 'importing'}
                  disabled={!preview || writable === 0 || busy === 'reading'}
                  data-testid="import-confirm"
                >
                  {busy === 'importing' ? t('import.importing') : t('import.confirm', { count: writable })}
                </Button>
              </>
            )}
          </div>
        </Modal>
      ) : null}
    </>
  );
}

/** Cells that were bad in rows imported anyway: amber, apart from the refused rows, by Excel row and column. */
function ImportWarnings({ warnings }: { warnings: ImportResult['warnings'] }) {
  const t = useT();
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="import-warnings-heading" className="import-warnings">
      <h3 id="import-warnings-heading" className="subhead import-warn">
        {t('import.warningsTitle')}
      </h3>
      <p className="muted import-hint">{t('import.warningsHint')}</p>
      <CellProblems problems={warnings} rowTestId="import-warning-row" />
    </section>
  );
}

/** Problems of the sheet's cells by Excel row number and column header, as the organiser looks them up in Excel. */
function CellProblems({
  problems,
  rowTestId,
}: {
  problems: ReadonlyArray<{ row: number; column?: string | undefined; message: string }>;
  rowTestId: string;
}) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('import.row')}
            </th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, index) => (
            <tr key={`${p.row}-${index}`} data-testid={rowTestId}>
              <td className="num">{p.row}</td>
              <td className="nowrap">{p.column ?? ''}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
