// The 学习心得 tab's logic that is not drawing: an assignment's form, how a deadline and a time read, the groups to
// filter by. Pure (tests/unit/reflections-console.test.ts).
import type { ReflectionAssignment, ReflectionAssignmentInput } from '../../../shared/api/reflections';
import { formatDate } from '../../../shared/domain/dates';
import { wallClock } from '../../../shared/domain/sessionTime';
import type { Locale } from '../../../shared/domain/vocabulary';
import { compareNames } from '../../../shared/domain/names';
import { compareGroups } from './roster';

export interface AssignmentDraft {
  title: string;
  prompt: string;
  date: string;
  time: string;
}

/** A new assignment: due at 17:00 on the class's last day. */
export function blankAssignment(lastDay: string): AssignmentDraft {
  return { title: '', prompt: '', date: lastDay, time: '17:00' };
}

export function assignmentDraft(a: Pick<ReflectionAssignment, 'title' | 'prompt' | 'dueAt'>): AssignmentDraft {
  const due = wallClock(a.dueAt);
  return { title: a.title, prompt: a.prompt ?? '', date: due.date, time: due.time || '17:00' };
}

/** The request body: the deadline as a wall-clock time of the host (no offset), as session times are sent. */
export function assignmentInput(draft: AssignmentDraft): ReflectionAssignmentInput {
  return {
    title: draft.title.trim(),
    prompt: draft.prompt.trim(),
    dueAt: `${draft.date}T${draft.time}:00`,
  };
}

/** "2026年3月4日 17:00": a deadline as the class's clock reads it. */
export function dueText(dueAt: string, locale: Locale): string {
  const due = wallClock(dueAt);
  return `${formatDate(due.date, locale)} ${due.time}`.trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026年3月4日 16:20": when the host recorded something, in this computer's time. */
export function momentText(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${formatDate(date, locale)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The groups present among the reflections, in their natural order (第一组, 第二组 … 第十组), no-group last. */
export function groupsOf(reflections: ReadonlyArray<{ group: string | null }>): Array<string | null> {
  return [...new Set(reflections.map((r) => r.group))].sort(compareGroups);
}

/** Trainees to choose from: by group, then by the pinyin of the name (as the lists and papers order them). */
export function traineesByGroup<P extends { name: string; group: string | null }>(people: readonly P[]): P[] {
  return [...people].sort((a, b) => compareGroups(a.group, b.group) || compareNames(a.name, b.name));
}
