/**
 * What changed between a submitted version and the coding now: one line per code, in the
 * order a coder reads them (diagnoses, then procedures; each in the newer sequence, with the
 * removed codes where they stood).
 */
import type { CodedDiagnosis, CodedProcedure, Coding } from '../../../shared/domain';

export type VersionChange = 'same' | 'added' | 'removed' | 'changed' | 'moved';

export interface VersionLine {
  key: string;
  kind: 'dx' | 'px';
  code: string;
  /** How the code reads in the submitted version / now (null when absent there). */
  before: string | null;
  after: string | null;
  change: VersionChange;
}

const dxText = (d: CodedDiagnosis): string => (d.poa ? `POA ${d.poa}` : '');

const pxText = (p: CodedProcedure): string =>
  [p.modifiers.length ? `mod ${p.modifiers.join(' ')}` : null, p.units !== 1 ? `×${p.units}` : null, p.date]
    .filter((part): part is string => part !== null)
    .join(' · ');

function diffList<T>(
  kind: 'dx' | 'px',
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
  codeOf: (item: T) => string,
  text: (item: T) => string,
): VersionLine[] {
  const beforeAt = new Map(before.map((item, i) => [keyOf(item), i]));
  const afterKeys = new Set(after.map(keyOf));
  const lines: VersionLine[] = [];
  const removedFrom = (i: number) =>
    before.forEach((item, j) => {
      if (j === i && !afterKeys.has(keyOf(item))) {
        lines.push({ key: `${kind}:${keyOf(item)}`, kind, code: codeOf(item), before: text(item), after: null, change: 'removed' });
      }
    });
  after.forEach((item, i) => {
    removedFrom(i);
    const j = beforeAt.get(keyOf(item));
    const now = text(item);
    if (j === undefined) {
      lines.push({ key: `${kind}:${keyOf(item)}`, kind, code: codeOf(item), before: null, after: now, change: 'added' });
      return;
    }
    const was = text(before[j]!);
    // Sequence matters (the principal diagnosis above all): a moved code is a change of its own.
    const change: VersionChange = j !== i && kind === 'dx' ? 'moved' : was !== now ? 'changed' : 'same';
    lines.push({ key: `${kind}:${keyOf(item)}`, kind, code: codeOf(item), before: was, after: now, change });
  });
  for (let i = after.length; i < before.length; i++) removedFrom(i);
  return lines;
}

export function diffVersions(before: Coding, after: Coding): VersionLine[] {
  return [
    ...diffList('dx', before.diagnoses, after.diagnoses, (d) => d.code, (d) => d.code, dxText),
    ...diffList('px', before.procedures, after.procedures, (p) => `${p.system}:${p.code}`, (p) => p.code, pxText),
  ];
}

/** "2 changes: 1 added, 1 removed", or that nothing changed yet. */
export function changeSummary(lines: readonly VersionLine[]): string {
  const counts = new Map<VersionChange, number>();
  for (const l of lines) if (l.change !== 'same') counts.set(l.change, (counts.get(l.change) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return 'No changes yet';
  const parts = (['added', 'removed', 'changed', 'moved'] as const).filter((c) => counts.has(c)).map((c) => `${counts.get(c)} ${c}`);
  return `${total} change${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
