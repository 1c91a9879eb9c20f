/** What an edit changed, as the audit log keeps it: only the fields that differ, old and new side by side. */
export function changedFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const changed = fields.filter((f) => (before[f] ?? null) !== (after[f] ?? null));
  if (changed.length === 0) return null;
  return {
    before: Object.fromEntries(changed.map((f) => [f, before[f] ?? null])),
    after: Object.fromEntries(changed.map((f) => [f, after[f] ?? null])),
  };
}
