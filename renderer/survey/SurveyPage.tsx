import { useCallback, useState, type FormEvent } from 'react';
import { EvaluationCode, questionWords, surveyAnswers, type EvaluationQuestion } from '../../shared/api/survey';
import { ratingMax, ratingMin } from '../../shared/domain/evaluation';
import { ApiError } from '../api/client';
import { useApi } from '../api/useApi';
import { sessionWhen } from '../checkin/sessionTime';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { useLocale, useT } from '../ui/i18n';
import { useErrorMessage } from '../ui/useErrorMessage';
import { useLoad } from '../ui/useLoad';
import { missingRating, type Answers } from './answers';
import '../checkin/checkin.css';
import './survey.css';

// A trainee's phone, often inside WeChat: the check-in page's look and limits (renderer/checkin), kept as small.

const ratings = Array.from({ length: ratingMax - ratingMin + 1 }, (_, i) => ratingMin + i);

/** `#/survey/:code`: the session's questions, 1–5 as big buttons, the phone number, a clear answer. */
export function SurveyPage({ code }: { code: string }) {
  const t = useT();
  const valid = EvaluationCode.safeParse(code).success;
  return (
    <Page title={t('survey.title')} width="narrow">
      <div className="phone-checkin survey">
        {valid ? (
          <Survey code={code} />
        ) : (
          <div className="card">
            <h1 className="phone-session">{t('survey.title')}</h1>
            <Notice tone="error">{t('survey.invalid')}</Notice>
          </div>
        )}
      </div>
    </Page>
  );
}

type Outcome = { kind: 'thanks' } | { kind: 'refused'; message: string };

function Survey({ code }: { code: string }) {
  const t = useT();
  const { locale } = useLocale();
  const message = useErrorMessage();
  const api = useApi(null, surveyAnswers);
  const form = useLoad(useCallback(() => api.call('publicEvaluationForm', { params: { code } }), [api, code]));
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  if (!form.data)
    return (
      <div className="card">
        {form.error ? <Notice tone="error">{message(form.error)}</Notice> : <p className="muted">{t('app.loading')}</p>}
      </div>
    );

  const f = form.data;
  // A 409 is "closed" or "already received": the form read again after it says which.
  const closed = !f.open;
  return (
    <div className="card">
      <p className="phone-event">{f.eventTitle}</p>
      <h1 className="phone-session" data-testid="survey-session">
        {f.title}
      </h1>
      <p className="phone-when muted">
        {sessionWhen(f.startsAt, f.endsAt, locale)}
        {f.teacher ? ` · ${t('survey.teacher', { teacher: f.teacher })}` : ''}
      </p>
      {outcome?.kind === 'thanks' ? (
        <div className="phone-result" role="status" data-testid="survey-result">
          <p className="phone-result-status">{t('survey.thanks')}</p>
          <p className="survey-result-note">{t('survey.thanksNote')}</p>
        </div>
      ) : closed || outcome?.kind === 'refused' ? (
        <div className="phone-result survey-refused" role="status" data-testid="survey-result">
          <p className="phone-result-status">{closed ? t('survey.closed') : t('survey.already')}</p>
          <p className="survey-result-note">
            {closed || outcome?.kind !== 'refused' ? t('survey.closedNote') : outcome.message}
          </p>
        </div>
      ) : (
        <SurveyForm
          code={code}
          questions={f.questions}
          maxTextLength={f.maxTextLength}
          onDone={(next) => {
            setOutcome(next);
            if (next.kind === 'refused') form.reload();
          }}
        />
      )}
    </div>
  );
}

function SurveyForm({
  code,
  questions,
  maxTextLength,
  onDone,
}: {
  code: string;
  questions: readonly EvaluationQuestion[];
  maxTextLength: number;
  onDone: (outcome: Outcome) => void;
}) {
  const t = useT();
  const message = useErrorMessage();
  const api = useApi(null, surveyAnswers);
  const [answers, setAnswers] = useState<Answers>({});
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: string, value: number | string) => {
    setAnswers((a) => ({ ...a, [key]: value }));
    setProblem(null);
  };

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    if (busy) return;
    const missing = missingRating(questions, answers);
    if (missing) return setProblem(t('survey.ratingRequired', { label: questionWords(missing, t) }));
    if (phone.trim() === '') return setProblem(t('survey.phoneRequired'));
    setBusy(true);
    try {
      await api.call('publicEvaluationAnswer', { params: { code }, body: { phone, answers } });
      onDone({ kind: 'thanks' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // Already answered, or closed meanwhile: either way this form is done with.
        onDone({ kind: 'refused', message: message(error) });
        return;
      }
      const tooMany = error instanceof ApiError && error.status === 429 && error.code === 'bad_response';
      setProblem(tooMany ? t('survey.tooMany') : message(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="phone-form" onSubmit={(e) => void submit(e)} noValidate>
      {questions.map((q) =>
        q.kind === 'rating' ? (
          <fieldset key={q.key} className="survey-question" data-testid={`survey-q-${q.key}`}>
            <legend className="phone-label">{questionWords(q, t)}</legend>
            <div className="survey-scale">
              {ratings.map((n) => (
                <button
                  key={n}
                  type="button"
                  className="survey-rating"
                  aria-pressed={answers[q.key] === n}
                  onClick={() => set(q.key, n)}
                  data-testid={`survey-${q.key}-${n}`}
                >
                  {n}
                </button>
              ))}
            </div>
            <p className="phone-hint muted">{t('survey.scaleHint')}</p>
          </fieldset>
        ) : (
          <div key={q.key} className="survey-question">
            <label className="phone-label" htmlFor={`survey-${q.key}`}>
              {questionWords(q, t)}
            </label>
            <textarea
              id={`survey-${q.key}`}
              className="phone-input survey-text"
              rows={4}
              maxLength={maxTextLength}
              value={typeof answers[q.key] === 'string' ? String(answers[q.key]) : ''}
              onChange={(e) => set(q.key, e.currentTarget.value)}
              data-testid={`survey-${q.key}`}
            />
            <p className="phone-hint muted">
              {t('survey.textLimit', { count: String(answers[q.key] ?? '').length, max: maxTextLength })}
            </p>
          </div>
        ),
      )}
      <label className="phone-label" htmlFor="survey-phone">
        {t('survey.phone')}
      </label>
      <input
        id="survey-phone"
        className="phone-input"
        type="tel"
        inputMode="numeric"
        autoComplete="tel"
        maxLength={30}
        value={phone}
        onChange={(e) => setPhone(e.currentTarget.value)}
        aria-describedby="survey-phone-hint"
        data-testid="survey-phone"
      />
      <p className="phone-hint muted" id="survey-phone-hint">
        {t('survey.phoneHint')}
      </p>
      {problem !== null ? (
        <p className="phone-error" role="alert" data-testid="survey-error">
          {problem}
        </p>
      ) : null}
      <Button type="submit" variant="primary" className="phone-submit" busy={busy} data-testid="survey-submit">
        {busy ? t('survey.sending') : t('survey.submit')}
      </Button>
    </form>
  );
}
