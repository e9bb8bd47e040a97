/** The MCE lists of one imported release, loaded once per file and kept in memory. */
import type { ContentDb } from '../codesets/content-db';
import { rows } from '../db/rows';
import { EDIT_SQL } from './statements';

export interface MceEntry {
  edit: number;
  part: string;
  grp: string;
  line: number;
}

export interface MceLists {
  /** Edit + part ("4A", "11", …) -> active flag and heading line. */
  edits: Map<string, { active: boolean; line: number; title: string }>;
  /** Code -> every list it is on. */
  codes: Map<string, MceEntry[]>;
}

const cache = new WeakMap<ContentDb, Map<number, MceLists>>();

export function mceLists(db: ContentDb, fileId: number): MceLists {
  let byFile = cache.get(db);
  if (!byFile) {
    byFile = new Map();
    cache.set(db, byFile);
  }
  const hit = byFile.get(fileId);
  if (hit) return hit;
  const edits = new Map<string, { active: boolean; line: number; title: string }>();
  for (const e of rows<{ edit: number; part: string; title: string; active: number; line: number }>(db, EDIT_SQL.mceEdits, fileId)) {
    edits.set(`${e.edit}${e.part}`, { active: e.active === 1, line: e.line, title: e.title });
  }
  const codes = new Map<string, MceEntry[]>();
  for (const c of rows<MceEntry & { code: string }>(db, EDIT_SQL.mceCodes, fileId)) {
    const list = codes.get(c.code) ?? [];
    list.push({ edit: c.edit, part: c.part, grp: c.grp, line: c.line });
    codes.set(c.code, list);
  }
  const lists = { edits, codes };
  byFile.set(fileId, lists);
  return lists;
}

/** The entry when `code` is on list edit+part (+grp), null otherwise. */
export function onList(lists: MceLists, code: string, edit: number, part: string, grp?: string): MceEntry | null {
  return lists.codes.get(code)?.find((e) => e.edit === edit && e.part === part && (grp === undefined || e.grp === grp)) ?? null;
}

/** An edit is on unless the release marks it (or its whole edit) deactivated or lacks it. */
export function isActive(lists: MceLists, edit: number, part = ''): boolean {
  const whole = lists.edits.get(String(edit));
  const sub = lists.edits.get(`${edit}${part}`);
  return (whole?.active ?? false) && (part === '' || (sub?.active ?? false));
}
