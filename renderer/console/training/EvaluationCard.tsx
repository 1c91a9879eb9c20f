import { useState } from 'react';
import type { z } from 'zod';
import type { SessionEvaluation } from '../../../shared/api/evaluations';
import { questionWords } from '../../../shared/api/survey';
import type { Session } from '../../../shared/api/training';
import { getBridge } from '../../api/bridge';
import type { ApiClient } from '../../api/client';
import { useNetwork } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { QrCode } from '../QrCode';
import { EvaluationFormEditor } from './EvaluationFormEditor';
import { EvaluationPoster } from './EvaluationPoster';
import { evaluationKeys, useEvaluationForm } from './evaluationQueries';

type Result = z.infer<typeof SessionEvaluation>;

/** One session's evaluation: open or end it, its QR for the projector and a poster, the results as they come in. */
export function EvaluationCard({
  api,
  eventId,
  session,
  result,
}: {
  api: ApiClient;
  eventId: number;
  session: Session;
  result: Result | undefined;
}) {
  const t = useT();
  const action = useAction();
  const network = useNetwork(api);
  const form = useEvaluationForm(api, eventId, session.id);
  const [poster, setPoster] = useState(false);
  // Kept here: saving the questions renews the editor, which should stay open.
  const [editing, setEditing] = useState(false);
  const state = form.data;
  const open = state ? state.open && !state.classEnded : false;

  function toggle() {
    const next = !open;
    action.run(
      'toggle',
      () =>
        api.call('setEvaluation', {
          params: { id: String(eventId), sid: String(session.id) },
          body: { open: next },
        }),
      {
        done: t(next ? 'evaluationsPanel.opened' : 'evaluationsPanel.closedToast', { title: session.title }),
        invalidate: [evaluationKeys.all(eventId)],
      },
    );
  }

  const openProjector = () => action.run('projector', () => getBridge().openProjector(eventId));
  const stateKey = state?.classEnded
    ? 'evaluationsPanel.state.ended'
    : open
      ? 'evaluationsPanel.state.open'
      : state?.code
        ? 'evaluationsPanel.state.closed'
        : 'evaluationsPanel.state.never';

  return (
    <section className="panel evaluation-card" aria-labelledby="evaluation-card-heading" data-testid="evaluation-card">
      <div className="panel-head">
        <h3 id="evaluation-card-heading" className="panel-title">
          {session.title}
        </h3>
        <span className={`tag ${open ? 'tag-on' : 'tag-off'}`} data-testid="evaluation-state">
          {t(stateKey)}
        </span>
      </div>
      {network.data && !network.data.lan ? <Notice tone="error">{t('evaluationsPanel.lanOff')}</Notice> : null}
      <div className="contest-row-actions">
        <Button
          variant={open ? 'secondary' : 'primary'}
          busy={action.busy === 'toggle'}
          disabled={!state || state.classEnded}
          onClick={toggle}
          data-testid="evaluation-toggle"
        >
          {t(open ? 'evaluationsPanel.close' : 'evaluationsPanel.open')}
        </Button>
        {open ? (
          <>
            <Button onClick={openProjector} data-testid="evaluation-projector">
              {t('evaluationsPanel.projector')}
            </Button>
            <Button onClick={() => setPoster(true)} data-testid="evaluation-poster">
              {t('evaluationsPanel.poster')}
            </Button>
          </>
        ) : null}
      </div>
      {open && state?.url ? (
        <div className="evaluation-qr">
          <QrCode text={state.url} size={150} />
          <div>
            <code className="url" data-testid="evaluation-url">
              {state.url}
            </code>
            <p className="muted training-small">{t('evaluationsPanel.reopenNote')}</p>
          </div>
        </div>
      ) : null}
      <Results result={result} />
      {state ? (
        <EvaluationFormEditor
          key={JSON.stringify(state.questions)}
          api={api}
          eventId={eventId}
          sessionId={session.id}
          state={state}
          open={editing}
          onToggle={setEditing}
        />
      ) : null}
      {poster && state?.url ? (
        <EvaluationPoster session={session} url={state.url} onClose={() => setPoster(false)} />
      ) : null}
    </section>
  );
}

function Results({ result }: { result: Result | undefined }) {
  const t = useT();
  if (!result || result.responses === 0)
    return (
      <p className="muted evaluation-results" data-testid="evaluation-responses">
        {t('evaluationsPanel.noAnswers')}
      </p>
    );
  const ratings = result.questions.filter((q) => q.kind === 'rating');
  return (
    <div className="evaluation-results">
      <p data-testid="evaluation-responses">
        <strong>{t('evaluationsPanel.responses', { responses: result.responses, expected: result.expected })}</strong>
        {' · '}
        {result.rate === null ? t('evaluationsPanel.noRate') : t('evaluationsPanel.rate', { rate: result.rate })}
      </p>
      <h4 className="evaluation-subhead">{t('evaluationsPanel.means')}</h4>
      <dl className="evaluation-means">
        {ratings.map((q) => (
          <div key={q.key} className="evaluation-mean">
            <dt>{questionWords(q, t)}</dt>
            <dd data-testid={`evaluation-mean-${q.key}`}>{result.means[q.key] ?? '—'}</dd>
          </div>
        ))}
      </dl>
      <h4 className="evaluation-subhead">{t('evaluationsPanel.comments', { count: result.comments.length })}</h4>
      {result.comments.length === 0 ? (
        <p className="muted">{t('evaluationsPanel.noComments')}</p>
      ) : (
        <ul className="evaluation-comments" data-testid="evaluation-comments">
          {result.comments.map((c, i) => (
            <li key={i}>{c.text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
