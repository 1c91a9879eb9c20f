import { useState } from 'react';
import type { z } from 'zod';
import type { EvaluationState } from '../../../shared/api/evaluations';
import { questionWords } from '../../../shared/api/survey';
import type { ApiClient } from '../../api/client';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { useT } from '../../ui/i18n';
import { addQuestion, toDraft, toInput, type DraftQuestion } from './evaluationForm';
import { evaluationKeys } from './evaluationQueries';

/**
 * 评估表: the session's questions. Until the first answer the organiser may add, remove and reword them; after it
 * only the words (the host refuses other changes with a sentence saying why).
 */
export function EvaluationFormEditor({
  api,
  eventId,
  sessionId,
  state,
  open,
  onToggle,
}: {
  api: ApiClient;
  eventId: number;
  sessionId: number;
  state: z.infer<typeof EvaluationState>;
  open: boolean;
  onToggle: (open: boolean) => void;
}) {
  const t = useT();
  const action = useAction();
  const [draft, setDraft] = useState<DraftQuestion[]>(() => toDraft(state.questions));
  const frozen = state.responses > 0;
  // A default question shows its own words when left blank; a new one needs words of the organiser's.
  const placeholderOf = (key: string) => {
    const words = questionWords({ key, label: null }, t);
    return words === key ? t('evaluationsPanel.labelPlaceholder') : words;
  };
  const change = (index: number, patch: Partial<DraftQuestion>) =>
    setDraft((d) => d.map((q, i) => (i === index ? { ...q, ...patch } : q)));

  function save() {
    action.run(
      'save',
      () =>
        api.call('setEvaluation', {
          params: { id: String(eventId), sid: String(sessionId) },
          body: { open: state.open, questions: toInput(draft) },
        }),
      { done: t('evaluationsPanel.saved'), invalidate: [evaluationKeys.all(eventId)] },
    );
  }

  return (
    <details
      className="evaluation-editor"
      open={open}
      onToggle={(e) => onToggle(e.currentTarget.open)}
      data-testid="evaluation-editor"
    >
      <summary>{t('evaluationsPanel.questions')}</summary>
      {frozen ? <p className="muted training-small">{t('evaluationsPanel.questionsFrozen')}</p> : null}
      <ol className="evaluation-questions">
        {draft.map((q, index) => (
          <li key={q.key} className="evaluation-question">
            <input
              className="evaluation-question-label"
              aria-label={t('evaluation.field.label')}
              value={q.label}
              placeholder={placeholderOf(q.key)}
              maxLength={40}
              onChange={(e) => change(index, { label: e.currentTarget.value })}
            />
            <span className="muted training-small">{t(`evaluationsPanel.kind.${q.kind}`)}</span>
            {q.kind === 'rating' ? (
              <label className="training-small">
                <input
                  type="checkbox"
                  checked={q.required}
                  disabled={frozen}
                  onChange={(e) => change(index, { required: e.currentTarget.checked })}
                />{' '}
                {t('evaluationsPanel.required')}
              </label>
            ) : null}
            {frozen ? null : (
              <Button variant="quiet" onClick={() => setDraft((d) => d.filter((_, i) => i !== index))}>
                {t('evaluationsPanel.remove')}
              </Button>
            )}
          </li>
        ))}
      </ol>
      <div className="contest-row-actions">
        {frozen ? null : (
          <>
            <Button onClick={() => setDraft((d) => addQuestion(d, 'rating'))}>{t('evaluationsPanel.addRating')}</Button>
            <Button onClick={() => setDraft((d) => addQuestion(d, 'text'))}>{t('evaluationsPanel.addText')}</Button>
          </>
        )}
        <Button variant="primary" busy={action.busy === 'save'} onClick={save} data-testid="evaluation-save">
          {t('evaluationsPanel.save')}
        </Button>
      </div>
    </details>
  );
}
