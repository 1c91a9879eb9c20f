import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fileSafe } from '../../../shared/api/documents';
import type { Reflection, ReflectionAssignment } from '../../../shared/api/reflections';
import { characterCount, reflectionLimits } from '../../../shared/domain/reflections';
import type { ApiClient } from '../../api/client';
import { retry, useEvent, useParticipants } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { LoadError } from '../../ui/LoadError';
import { Empty, Notice } from '../../ui/Notice';
import { useLocale, useT } from '../../ui/i18n';
import { QrCode } from '../QrCode';
import { placeError, type FieldErrors } from '../useForm';
import { useSaveFile } from '../useSaveFile';
import { ConfirmButton } from './ConfirmButton';
import {
  assignmentDraft,
  assignmentInput,
  blankAssignment,
  dueText,
  groupsOf,
  momentText,
  traineesByGroup,
  type AssignmentDraft,
} from './reflections';
import './reflections.css';

const reflectionKeys = {
  assignments: (eventId: number) => ['event', eventId, 'reflection-assignments'] as const,
  list: (eventId: number, assignmentId: number) => ['event', eventId, 'reflections', assignmentId] as const,
};

function useAssignments(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: reflectionKeys.assignments(eventId),
    queryFn: () => api.call('listReflectionAssignments', { params: { id: String(eventId) } }),
    // Trainees hand in from their phones with no live message: the counts are asked again now and then.
    refetchInterval: 30_000,
  });
}

function useReflections(api: ApiClient, eventId: number, assignmentId: number | null) {
  return useQuery({
    queryKey: reflectionKeys.list(eventId, assignmentId ?? 0),
    queryFn: () =>
      api.call('listReflections', { params: { id: String(eventId) }, query: { assignment: String(assignmentId) } }),
    enabled: assignmentId !== null,
    refetchInterval: 30_000,
  });
}

/** 学习心得: assignments with their phone link, the texts by group in a reading pane, 优秀心得, the booklet. */
export function ReflectionsPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const assignments = useAssignments(api, eventId);
  const [chosen, setChosen] = useState<number | null>(null);
  const list = assignments.data ?? [];
  const assignment = list.find((a) => a.id === chosen) ?? list[0] ?? null;
  return (
    <div className="reflections" data-testid="reflections-panel">
      <AssignmentsCard
        api={api}
        eventId={eventId}
        assignments={list}
        loaded={assignments.data !== undefined}
        error={assignments.error}
        onRetry={retry(assignments)}
        chosen={assignment?.id ?? null}
        onChoose={setChosen}
      />
      {assignment ? <ReadingCard key={assignment.id} api={api} eventId={eventId} assignment={assignment} /> : null}
    </div>
  );
}

function AssignmentsCard({
  api,
  eventId,
  assignments,
  loaded,
  error,
  onRetry,
  chosen,
  onChoose,
}: {
  api: ApiClient;
  eventId: number;
  assignments: ReflectionAssignment[];
  loaded: boolean;
  error: Error | null;
  onRetry: () => void;
  chosen: number | null;
  onChoose: (id: number) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const action = useAction();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [shown, setShown] = useState<number | null>(null);

  function remove(a: ReflectionAssignment) {
    action.run(
      'delete',
      () => api.call('deleteReflectionAssignment', { params: { id: String(eventId), aid: String(a.id) } }),
      { done: t('reflectionsConsole.deleted', { title: a.title }), invalidate: [reflectionKeys.assignments(eventId)] },
    );
  }

  return (
    <section className="panel" aria-labelledby="reflection-assignments-heading">
      <div className="panel-head">
        <h2 id="reflection-assignments-heading" className="panel-title">
          {t('reflectionsConsole.assignments')}
        </h2>
        {editing === null ? (
          <Button onClick={() => setEditing('new')} data-testid="reflection-assignment-add">
            {t('reflectionsConsole.add')}
          </Button>
        ) : null}
      </div>
      <p className="muted training-hint">{t('reflectionsConsole.intro')}</p>
      {error ? <LoadError error={error} onRetry={onRetry} /> : null}
      {editing === 'new' ? (
        <AssignmentForm
          api={api}
          eventId={eventId}
          assignment={null}
          onDone={(saved) => {
            setEditing(null);
            if (saved) onChoose(saved.id);
          }}
        />
      ) : null}
      {loaded && assignments.length === 0 && editing !== 'new' ? (
        <Empty>{t('reflectionsConsole.noAssignments')}</Empty>
      ) : null}
      <ul className="reflection-assignments">
        {assignments.map((a) =>
          editing === a.id ? (
            <li key={a.id}>
              <AssignmentForm api={api} eventId={eventId} assignment={a} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li
              key={a.id}
              className={
                a.id === chosen ? 'reflection-assignment reflection-assignment-chosen' : 'reflection-assignment'
              }
              data-testid="reflection-assignment"
            >
              <div className="reflection-assignment-line">
                <button
                  type="button"
                  className="reflection-assignment-title"
                  aria-pressed={a.id === chosen}
                  onClick={() => onChoose(a.id)}
                >
                  {a.title}
                </button>
                <span className={`tag ${a.open ? 'tag-on' : 'tag-off'}`}>
                  {t(a.open ? 'reflectionsConsole.open' : 'reflectionsConsole.closed')}
                </span>
                <span className="muted">{t('reflectionsConsole.due', { date: dueText(a.dueAt, locale) })}</span>
                <span className="strong" data-testid="reflection-handed-in">
                  {t('reflectionsConsole.handedIn', { submitted: a.submitted, expected: a.expected })}
                </span>
                {a.excellent > 0 ? (
                  <span className="reflection-star-count">
                    {t('reflectionsConsole.excellentCount', { count: a.excellent })}
                  </span>
                ) : null}
                <span className="training-row-actions">
                  <Button
                    variant="quiet"
                    onClick={() => setShown(shown === a.id ? null : a.id)}
                    data-testid="reflection-show-qr"
                  >
                    {t(shown === a.id ? 'reflectionsConsole.hide' : 'reflectionsConsole.show')}
                  </Button>
                  <Button variant="quiet" onClick={() => setEditing(a.id)} data-testid="reflection-assignment-edit">
                    {t('reflectionsConsole.edit')}
                  </Button>
                  <ConfirmButton
                    label={t('reflectionsConsole.delete')}
                    question={t('reflectionsConsole.deleteQuestion', { title: a.title, count: a.submitted })}
                    busy={action.busy === 'delete'}
                    testId="reflection-assignment-delete"
                    onConfirm={() => remove(a)}
                  />
                </span>
              </div>
              {a.prompt ? <p className="muted reflection-prompt">{a.prompt}</p> : null}
              {shown === a.id ? (
                <div className="reflection-qr" data-testid="reflection-qr">
                  <QrCode text={a.url} size={160} />
                  <div>
                    <p className="training-small">{t('reflectionsConsole.qrNote')}</p>
                    <code className="url" data-testid="reflection-url">
                      {a.url}
                    </code>
                  </div>
                </div>
              ) : null}
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

const draftFields = ['title', 'prompt', 'dueAt'] as const;
type DraftField = (typeof draftFields)[number];

function AssignmentForm({
  api,
  eventId,
  assignment,
  onDone,
}: {
  api: ApiClient;
  eventId: number;
  assignment: ReflectionAssignment | null;
  onDone: (saved: ReflectionAssignment | null) => void;
}) {
  const t = useT();
  const action = useAction();
  const event = useEvent(api, eventId);
  const lastDay = event.data ? (event.data.endsOn ?? event.data.startsOn) : '';
  const [draft, setDraft] = useState<AssignmentDraft>(() =>
    assignment ? assignmentDraft(assignment) : blankAssignment(lastDay),
  );
  const [errors, setErrors] = useState<FieldErrors<DraftField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const date = draft.date || lastDay;

  function set<K extends keyof AssignmentDraft>(key: K, value: string) {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors({});
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft.title.trim())
      return setErrors({ title: t('form.required', { field: t('reflection.assignment.title') }) });
    if (!date || !draft.time)
      return setErrors({ dueAt: t('form.required', { field: t('reflection.assignment.dueAt') }) });
    const body = assignmentInput({ ...draft, date });
    const params = { id: String(eventId) };
    setFormError(null);
    action.run(
      'save',
      () =>
        assignment
          ? api.call('updateReflectionAssignment', { params: { ...params, aid: String(assignment.id) }, body })
          : api.call('createReflectionAssignment', { params, body }),
      {
        done: (saved) =>
          t(assignment ? 'reflectionsConsole.saved' : 'reflectionsConsole.added', { title: saved.title }),
        invalidate: [reflectionKeys.assignments(eventId)],
        then: onDone,
        failed: (error, text) => {
          const placed = placeError(error, draftFields, text);
          setErrors(placed.fieldErrors);
          setFormError(placed.formError);
        },
      },
    );
  }

  return (
    <form className="form training-inline-form" onSubmit={submit} noValidate data-testid="reflection-assignment-form">
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <Field label={t('reflection.assignment.title')} required error={errors.title}>
        {(control) => (
          <input
            {...control}
            value={draft.title}
            maxLength={100}
            onChange={(e) => set('title', e.target.value)}
            data-testid="reflection-assignment-title"
          />
        )}
      </Field>
      <Field label={t('reflection.assignment.prompt')} error={errors.prompt}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={draft.prompt}
            maxLength={1000}
            onChange={(e) => set('prompt', e.target.value)}
            data-testid="reflection-assignment-prompt"
          />
        )}
      </Field>
      <div className="training-times">
        <Field label={t('reflectionsConsole.dueDate')} required error={errors.dueAt}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={date}
              onChange={(e) => set('date', e.target.value)}
              data-testid="reflection-assignment-date"
            />
          )}
        </Field>
        <Field label={t('reflectionsConsole.dueTime')} required>
          {(control) => (
            <input
              {...control}
              type="time"
              value={draft.time}
              onChange={(e) => set('time', e.target.value)}
              data-testid="reflection-assignment-time"
            />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={action.busy === 'save'} data-testid="reflection-assignment-save">
          {action.busy === 'save'
            ? t('form.saving')
            : t(assignment ? 'reflectionsConsole.save' : 'reflectionsConsole.add')}
        </Button>
        <Button onClick={() => onDone(null)}>{t('reflectionsConsole.cancel')}</Button>
      </div>
    </form>
  );
}

type Download = 'booklet' | 'excellent' | 'workbook';
const noGroup = '\u0000';

function ReadingCard({
  api,
  eventId,
  assignment,
}: {
  api: ApiClient;
  eventId: number;
  assignment: ReflectionAssignment;
}) {
  const t = useT();
  const { locale } = useLocale();
  const action = useAction();
  const saveFile = useSaveFile();
  const event = useEvent(api, eventId);
  const reflections = useReflections(api, eventId, assignment.id);
  const [group, setGroup] = useState<string | null | undefined>(undefined);
  const [excellentOnly, setExcellentOnly] = useState(false);
  const [reading, setReading] = useState<number | null>(null);
  const [entering, setEntering] = useState(false);

  const all = reflections.data ?? [];
  const groups = groupsOf(all);
  const shown = all.filter((r) => (group === undefined || r.group === group) && (!excellentOnly || r.excellent));
  const open = shown.find((r) => r.id === reading) ?? shown[0] ?? null;
  const id = String(eventId);

  function mark(r: Reflection) {
    action.run(
      'mark',
      () => api.call('markReflection', { params: { id, rid: String(r.id) }, body: { excellent: !r.excellent } }),
      {
        done: t(r.excellent ? 'reflectionsConsole.unmarked' : 'reflectionsConsole.marked', { name: r.name }),
        invalidate: [reflectionKeys.list(eventId, assignment.id), reflectionKeys.assignments(eventId)],
      },
    );
  }

  function download(job: Download) {
    const names = { title: fileSafe(event.data?.title ?? ''), assignment: fileSafe(assignment.title) };
    const query = { assignment: String(assignment.id) };
    action.run(job, async () => {
      if (job === 'workbook')
        return saveFile(
          t('reflections.file.xlsx', names),
          await api.call('reflectionsXlsx', { params: { id }, query }),
        );
      const excellent = job === 'excellent' ? 'true' : 'false';
      const data = await api.call('reflectionsPdf', { params: { id }, query: { ...query, excellent } });
      return saveFile(t('reflections.file.pdf', names), data);
    });
  }

  const downloadButton = (job: Download, label: string, disabled: boolean) => (
    <Button
      busy={action.busy === job}
      disabled={disabled || (action.busy !== null && action.busy !== job)}
      onClick={() => download(job)}
      data-testid={`reflections-download-${job}`}
    >
      {action.busy === job ? t('reflectionsConsole.working') : label}
    </Button>
  );

  return (
    <section className="panel" aria-labelledby="reflections-reading-heading">
      <div className="panel-head">
        <h2 id="reflections-reading-heading" className="panel-title">
          {t('reflectionsConsole.list')} · {assignment.title}
        </h2>
        <span className="training-row-actions">
          {downloadButton('booklet', t('reflectionsConsole.booklet'), all.length === 0)}
          {downloadButton('excellent', t('reflectionsConsole.bookletExcellent'), !all.some((r) => r.excellent))}
          {downloadButton('workbook', t('reflectionsConsole.workbook'), false)}
          {entering ? null : (
            <Button onClick={() => setEntering(true)} data-testid="reflection-enter">
              {t('reflectionsConsole.enter')}
            </Button>
          )}
        </span>
      </div>
      {entering ? (
        <PaperForm
          api={api}
          eventId={eventId}
          assignment={assignment}
          handedIn={all}
          onDone={(entered) => {
            setEntering(false);
            if (entered) {
              setGroup(undefined);
              setExcellentOnly(false);
              setReading(entered.id);
            }
          }}
        />
      ) : null}
      {reflections.error ? <LoadError error={reflections.error} onRetry={retry(reflections)} /> : null}
      <div className="reflection-filters">
        <label className="reflection-filter">
          <span>{t('reflectionsConsole.group')}</span>
          <select
            className="reflection-select"
            value={group === undefined ? '' : (group ?? noGroup)}
            onChange={(e) => {
              const v = e.target.value;
              setGroup(v === '' ? undefined : v === noGroup ? null : v);
            }}
            data-testid="reflections-group"
          >
            <option value="">{t('reflectionsConsole.allGroups')}</option>
            {groups.map((g) => (
              <option key={g ?? noGroup} value={g ?? noGroup}>
                {g ?? t('reflectionsConsole.noGroup')}
              </option>
            ))}
          </select>
        </label>
        <label className="reflection-filter">
          <input
            type="checkbox"
            checked={excellentOnly}
            onChange={(e) => setExcellentOnly(e.target.checked)}
            data-testid="reflections-excellent-only"
          />
          <span>{t('reflectionsConsole.excellentOnly')}</span>
        </label>
      </div>
      {reflections.data && all.length === 0 ? <Empty>{t('reflectionsConsole.none')}</Empty> : null}
      {all.length > 0 && shown.length === 0 ? <Empty>{t('reflectionsConsole.noneFiltered')}</Empty> : null}
      {shown.length > 0 ? (
        <div className="reflection-reader">
          <ul className="reflection-list" aria-label={t('reflectionsConsole.list')} data-testid="reflection-list">
            {shown.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className={r.id === open?.id ? 'reflection-item reflection-item-open' : 'reflection-item'}
                  aria-current={r.id === open?.id}
                  onClick={() => setReading(r.id)}
                  data-testid="reflection-item"
                >
                  <span className="reflection-item-who">
                    {r.excellent ? (
                      <span className="reflection-star" aria-label={t('reflectionsConsole.star')}>
                        ★
                      </span>
                    ) : null}
                    <span className="strong">{r.name}</span>
                    <span className="muted">{r.group ?? t('reflectionsConsole.noGroup')}</span>
                  </span>
                  <span className="reflection-item-title">{r.title}</span>
                </button>
              </li>
            ))}
          </ul>
          {open ? (
            <article className="reflection-pane" data-testid="reflection-pane">
              <div className="reflection-pane-head">
                <h3 className="reflection-pane-title" data-testid="reflection-title">
                  {open.title}
                </h3>
                <Button
                  variant={open.excellent ? 'primary' : 'secondary'}
                  busy={action.busy === 'mark'}
                  aria-pressed={open.excellent}
                  onClick={() => mark(open)}
                  data-testid="reflection-star"
                >
                  {open.excellent ? `★ ${t('reflectionsConsole.unmark')}` : `☆ ${t('reflectionsConsole.mark')}`}
                </Button>
              </div>
              <p className="reflection-pane-name">
                <span className="strong">{open.name}</span>
              </p>
              <p className="muted training-small">
                {t('reflectionsConsole.meta', {
                  organization: open.organization ?? '—',
                  group: open.group ?? t('reflectionsConsole.noGroup'),
                  count: open.length,
                  time: momentText(open.updatedAt, locale),
                })}
              </p>
              <div className="reflection-body" data-testid="reflection-body">
                {open.body}
              </div>
            </article>
          ) : (
            <p className="muted">{t('reflectionsConsole.pick')}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}

const paperFields = ['participantId', 'title', 'body'] as const;
type PaperField = (typeof paperFields)[number];

/** 录入纸质心得: the class teacher types in one handed in on paper (after the deadline too). */
function PaperForm({
  api,
  eventId,
  assignment,
  handedIn,
  onDone,
}: {
  api: ApiClient;
  eventId: number;
  assignment: ReflectionAssignment;
  handedIn: readonly Reflection[];
  onDone: (entered: Reflection | null) => void;
}) {
  const t = useT();
  const action = useAction();
  const participants = useParticipants(api, eventId);
  const [participantId, setParticipantId] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldErrors<PaperField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const trainees = traineesByGroup(participants.data ?? []);
  const earlier = handedIn.find((r) => String(r.participantId) === participantId);
  const count = characterCount(body);

  function submit(e: FormEvent) {
    e.preventDefault();
    const required = (field: PaperField, label: string) => setErrors({ [field]: t('form.required', { field: label }) });
    if (!participantId) return required('participantId', t('reflection.participant'));
    if (!title.trim()) return required('title', t('reflection.title'));
    if (count === 0) return required('body', t('reflection.body'));
    setFormError(null);
    action.run(
      'enter',
      () =>
        api.call('enterReflection', {
          params: { id: String(eventId) },
          body: { assignmentId: assignment.id, participantId: Number(participantId), title, body },
        }),
      {
        done: (entered) => t('reflectionsConsole.entered', { name: entered.name }),
        invalidate: [reflectionKeys.list(eventId, assignment.id), reflectionKeys.assignments(eventId)],
        then: onDone,
        failed: (error, text) => {
          const placed = placeError(error, paperFields, text);
          setErrors(placed.fieldErrors);
          setFormError(placed.formError);
        },
      },
    );
  }

  return (
    <form className="form training-inline-form" onSubmit={submit} noValidate data-testid="reflection-paper-form">
      <p className="muted training-small">{t('reflectionsConsole.enterHint')}</p>
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <Field label={t('reflection.participant')} required error={errors.participantId}>
        {(control) => (
          <select
            {...control}
            value={participantId}
            onChange={(e) => {
              setParticipantId(e.target.value);
              setErrors({});
            }}
            data-testid="reflection-paper-trainee"
          >
            <option value="">{t('reflectionsConsole.chooseTrainee')}</option>
            {trainees.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {[p.group, p.name, p.organization].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        )}
      </Field>
      {earlier ? (
        <Notice>{t('reflectionsConsole.replaces', { name: earlier.name, title: earlier.title })}</Notice>
      ) : null}
      <Field label={t('reflection.title')} required error={errors.title}>
        {(control) => (
          <input
            {...control}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="reflection-paper-title"
          />
        )}
      </Field>
      <Field
        label={t('reflection.body')}
        required
        error={errors.body}
        hint={t('reflectPage.count', { count, max: reflectionLimits.body })}
      >
        {(control) => (
          <textarea
            {...control}
            rows={8}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            data-testid="reflection-paper-body"
          />
        )}
      </Field>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={action.busy === 'enter'} data-testid="reflection-paper-save">
          {action.busy === 'enter' ? t('form.saving') : t('reflectionsConsole.enterSave')}
        </Button>
        <Button onClick={() => onDone(null)}>{t('reflectionsConsole.cancel')}</Button>
      </div>
    </form>
  );
}
