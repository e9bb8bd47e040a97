/** The one-line outcome of each package action, counted in words a coder reads at a glance ("1 chart", not "1 charts"). */
import type { PackageCreated, PackageOpened, ResultApplied, ResultCreated } from '../../../shared/packages';

const count = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;
const charts = (n: number): string => count(n, 'chart', 'charts');

export const packagedText = (v: PackageCreated): string =>
  `Package for ${v.recipient.displayName}: ${charts(v.charts)}, expires ${v.expiresAt.slice(0, 10)}.`;

export const openedText = (v: PackageOpened): string =>
  v.alreadyOpened
    ? 'This package was opened before: nothing changed.'
    : `Opened ${charts(v.charts)} from ${v.sender.displayName}.${v.audits ? ` ${count(v.audits, 'audit', 'audits')} of your charts to answer: see Audits.` : ''}${v.missingCodeSets.length ? ` Import first: ${v.missingCodeSets.map((m) => `${m.system} ${m.label}`).join(', ')}.` : ''}`;

export const resultText = (v: ResultCreated): string =>
  `Result package number ${v.seq}: ${charts(v.charts)}, ${count(v.activity, 'activity entry', 'activity entries')}.`;

export const appliedText = (v: ResultApplied): string =>
  v.alreadyApplied
    ? 'This result was applied before: nothing changed.'
    : `Applied result number ${v.seq}: ${count(v.applied.length, 'chart', 'charts')} updated, ${v.unchanged.toLocaleString()} unchanged, ${count(v.conflicts.length, 'conflict', 'conflicts')}.`;
