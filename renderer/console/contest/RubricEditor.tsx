import { useMemo, useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../../api/client';
import { keys, retry, useRubric } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { fieldPath } from './format';
import {
  blankForm,
  formOf,
  knownPath,
  localErrors,
  presetCriteria,
  toRubricInput,
  withKeys,
  type Errors,
  type RubricForm,
} from './rubricForm';
import { CriteriaTable, GroupRows, RulesFields, TieBreakChain } from './RubricSections';
import { TimerFields } from './TimerFields';
import { UnfreezeDialog } from './UnfreezeDialog';
import './RubricEditor.css';

export function RubricEditor({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const rubric = useRubric(api, eventId);
  const action = useAction();
  // The saved rubric as a form; what the organiser types is kept apart until saved, so a reload never overwrites it.
  const saved = useMemo(() => (rubric.data ? formOf(rubric.data) : blankForm()), [rubric.data]);
  const [edited, setEdited] = useState<RubricForm | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const form = edited ?? saved;
  // After a lock the rules that change results are read-only until 解除锁定 (names and the timer stay editable).
  const frozen = rubric.data?.frozen ?? false;

  function update(change: Partial<RubricForm>, clear: string[] = []) {
    setEdited((f) => ({ ...(f ?? saved), ...change }));
    if (clear.length) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !clear.includes(k))));
  }

  function preset() {
    const names = [
      t('contest.preset.content'),
      t('contest.preset.delivery'),
      t('contest.preset.image'),
      t('contest.preset.time'),
    ] as const;
    update({ criteria: presetCriteria(form, names) });
    setErrors({});
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const criteria = withKeys(form.criteria, 'c');
    setEdited({ ...form, criteria, groups: withKeys(form.groups, 'g') });
    const local = localErrors(form);
    setFormError(null);
    if (Object.keys(local).length) {
      setErrors(Object.fromEntries(Object.entries(local).map(([path, key]) => [path, t(key)])));
      return;
    }
    setErrors({});
    action.run('save', () => api.call('putRubric', { params: { id: String(eventId) }, body: toRubricInput(form) }), {
      done: t('contest.rubric.saved'),
      invalidate: [keys.topic(eventId, 'rubric')],
      then: () => setEdited(null),
      failed: (error, text) => {
        const path = error instanceof ApiError ? fieldPath(error.field) : null;
        if (path && knownPath(path, criteria.length)) setErrors({ [path]: text });
        else setFormError(text);
      },
    });
  }

  if (rubric.error && !rubric.data) return <LoadError error={rubric.error} onRetry={retry(rubric)} />;

  const sections = { form, err: (path: string) => errors[path], update, frozen };
  return (
    <>
      <form className="panel contest-rubric" onSubmit={save} noValidate>
        <div className="panel-head">
          <h2 className="panel-title">{t('contest.rubric.title')}</h2>
          <Button onClick={preset} disabled={frozen} data-testid="rubric-preset">
            {t('contest.rubric.preset')}
          </Button>
        </div>
        {rubric.data === null ? <Notice>{t('contest.rubric.none')}</Notice> : null}
        {frozen ? (
          <div data-testid="rules-frozen">
            <Notice
              action={
                <Button onClick={() => setAsking(true)} data-testid="rules-unfreeze">
                  {t('rules.unfreeze')}
                </Button>
              }
            >
              <strong>{t('rules.frozen.title')}</strong> {t('rules.frozen.body')}
            </Notice>
          </div>
        ) : null}
        {rubric.data?.unfrozen ? (
          <div data-testid="rules-unfrozen">
            <Notice>{t('rules.unfrozen.body')}</Notice>
          </div>
        ) : null}
        <CriteriaTable {...sections} />
        <RulesFields {...sections} />
        <TieBreakChain {...sections} />
        <GroupRows {...sections} />
        <TimerFields {...sections} />
        {formError ? <Notice tone="error">{formError}</Notice> : null}
        <div className="form-actions rules-save-bar" data-testid="rubric-save-bar">
          <Button
            type="submit"
            variant="primary"
            busy={action.busy === 'save'}
            // Saving before the saved rubric arrives would overwrite it with a blank form.
            disabled={rubric.isPending}
            data-testid="rubric-save"
          >
            {t('contest.rubric.save')}
          </Button>
          {edited ? <span className="muted">{t('contest.unsaved')}</span> : null}
        </div>
      </form>
      {/* Outside the rules' form: a form may not hold another. */}
      {asking ? <UnfreezeDialog api={api} eventId={eventId} onClose={() => setAsking(false)} /> : null}
    </>
  );
}
