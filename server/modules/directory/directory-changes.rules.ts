/** The fields that differ, before and after, for the audit trail. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: T) {
  const changed = Object.keys(after).filter((k) => after[k] !== undefined && after[k] !== before[k]);
  return {
    changed,
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  };
}
