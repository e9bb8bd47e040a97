/**
 * codes.browse: the Tabular List as a tree. Chapters and sections come from the Tabular List
 * release; codes below a category come from the code-set version in force (so codes added
 * since that release are there), with titles and billable flags from that version.
 */
import type { MethodParsedInput } from '../../../../shared/contract';
import type { ContentVersion } from '../../../../shared/domain';
import type { TabularLevel, TabularNode } from '../../../../shared/encoder';
import { AppFailure } from '../../../../shared/result';
import type { ContentDb } from '../content-db';
import { normaliseCode } from '../code-format';
import { versionFor } from '../versions';
import { childRows, codeRow, type CodeTableRow } from './code-table';
import { chapterNodes, childNodes, nodeByKey, tabularReleaseFor, type NodeRow, type TabularRelease } from './release';

export function browseTabular(db: ContentDb, input: MethodParsedInput<'codes.browse'>): TabularNode[] {
  const version = versionFor(db, 'icd10cm', input.date);
  const release = tabularReleaseFor(db, input.date ?? version?.effectiveFrom);
  const parent = input.parent?.trim() ?? null;
  if (parent === null || parent === '') {
    if (!release) throw noTabular();
    return chapterNodes(db, release.id).map(structural);
  }
  if (/^\d{1,2}$/.test(parent)) {
    const chapter = release && nodeByKey(db, release.id, 'chapter', String(Number(parent)));
    if (!chapter) throw notFound(parent);
    return childNodes(db, chapter.id).map(structural);
  }
  const range = /^([A-Z]\d[0-9A-Z])-([A-Z]\d[0-9A-Z])$/i.exec(parent);
  if (range) return sectionChildren(db, release, version, range, parent);
  return codeChildren(db, release, version, normaliseCode('icd10cm', parent), parent);
}

function sectionChildren(
  db: ContentDb,
  release: TabularRelease | null,
  version: ContentVersion | null,
  range: RegExpExecArray,
  asked: string,
): TabularNode[] {
  const [, first = '', last = ''] = range.map((p) => p.toUpperCase());
  // A one-category section is shown as B10-B10 and stored as B10.
  const key = first === last ? first : `${first}-${last}`;
  const section = release && nodeByKey(db, release.id, 'section', key);
  if (!section) throw notFound(asked);
  const nodes: TabularNode[] = [];
  for (const n of childNodes(db, section.id)) {
    const row = version ? codeRow(db, version.id, n.node_key) : null;
    // Categories deleted since the release are left out (a demo subset lacks most: keep them).
    if (version && !version.isDemo && !row) continue;
    nodes.push(row ? fromCodeRow(row) : fromTabular(n));
  }
  return nodes;
}

function codeChildren(
  db: ContentDb,
  release: TabularRelease | null,
  version: ContentVersion | null,
  code: string,
  asked: string,
): TabularNode[] {
  if (version && codeRow(db, version.id, code)) return childRows(db, version.id, code).map(fromCodeRow);
  const node = release && nodeByKey(db, release.id, 'diag', code);
  if (!node) throw notFound(asked);
  return childNodes(db, node.id).map(fromTabular);
}

const structural = (n: NodeRow): TabularNode => ({
  code: n.code,
  title: n.title,
  level: n.level,
  billable: false,
  hasChildren: n.has_children === 1,
});

const levelOf = (code: string, billable: boolean): TabularLevel =>
  code.length === 3 ? 'category' : billable ? 'code' : 'subcategory';

// In ICD-10-CM a billable code is a leaf and a header always has codes below it.
const fromCodeRow = (r: CodeTableRow): TabularNode => ({
  code: r.display_code,
  title: r.long_title,
  level: levelOf(r.code, r.billable === 1),
  billable: r.billable === 1,
  hasChildren: r.billable === 0,
});

const fromTabular = (n: NodeRow): TabularNode => ({
  code: n.code,
  title: n.title,
  level: n.level,
  billable: n.has_children === 0,
  hasChildren: n.has_children === 1,
});

const notFound = (asked: string): AppFailure =>
  new AppFailure('NOT_FOUND', 'There is no such chapter, section or code in the Tabular List.', { parent: asked.slice(0, 20) });

const noTabular = (): AppFailure =>
  new AppFailure('NO_CODE_SET', 'No ICD-10-CM Tabular List has been imported yet: import the Tabular List XML to browse it.');
