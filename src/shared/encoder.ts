/** Encoder types: Tabular List notes, browsing, the PCS table builder, the index tables. */
import type { CodeHit, CodeSystem } from './domain';

export const NOTE_KINDS = [
  'includes',
  'inclusionTerm',
  'excludes1',
  'excludes2',
  'codeFirst',
  'useAdditionalCode',
  'codeAlso',
  'notes',
  'sevenChrNote',
] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface TabularNote {
  kind: NoteKind;
  text: string;
  /** Where it is written: a chapter number, a section id (A00-A09) or a dotted code. */
  from: string;
  /** True when written above the code (a chapter, section, category …) and applying to it. */
  inherited: boolean;
  /** Codes and ranges named in the text, dotted ("E11.-", "I10-I1A"), for links. */
  refs: string[];
}

export interface SevenChrDef {
  char: string;
  title: string;
}

export type TabularLevel = 'chapter' | 'section' | 'category' | 'subcategory' | 'code';

export interface HierarchyStep {
  code: string;
  title: string;
  level: TabularLevel;
}

export interface CodeDetail {
  system: CodeSystem;
  code: string;
  title: string;
  billable: boolean;
  /** The code-set version the code was looked up in. */
  version: { label: string; isDemo: boolean };
  hierarchy: HierarchyStep[];
  notes: TabularNote[];
  /** The 7th-character definitions that apply, and where they are written. */
  sevenChr: { definitions: SevenChrDef[]; from: string } | null;
  /**
   * Which Tabular List the notes come from; `fallback` when it is not the fiscal year of the
   * date asked about (the newest imported one is used). Null when no Tabular List is imported.
   */
  notesSource: { label: string; fallback: boolean } | null;
  children: { code: string; title: string; billable: boolean }[];
}

export interface TabularNode {
  code: string;
  title: string;
  level: TabularLevel;
  billable: boolean;
  hasChildren: boolean;
}

export interface PcsOption {
  value: string;
  label: string;
  definition?: string;
}

/** One step of the ICD-10-PCS builder: the values valid for the next position after `prefix`. */
export interface PcsStep {
  prefix: string;
  /** 1-7: the position being chosen; null when the prefix is a whole code. */
  position: number | null;
  /** Axis title of that position ("Body Part", "Approach" …). */
  axis: string | null;
  options: PcsOption[];
  /** The labels chosen so far, one per position of the prefix. */
  chosen: { position: number; axis: string; value: string; label: string }[];
  /** The finished code, when the prefix has 7 characters and is valid. */
  code: CodeHit | null;
}

export type IndexTable = 'drug' | 'neoplasm';

export interface TableRow {
  /** Main term then subterms, nonessential modifiers in parentheses. */
  path: string[];
  /** One cell per column after the term column; null for "--". Codes dotted. */
  cells: (string | null)[];
}

export interface TableSearchResult {
  table: IndexTable;
  /** Column titles after the term column. */
  columns: string[];
  rows: TableRow[];
  /** Which index release the table comes from. */
  source: string;
}

export interface ChangeSummary {
  system: CodeSystem;
  from: string;
  to: string;
  added: { code: string; title: string }[];
  deleted: { code: string; title: string }[];
  revised: { code: string; before: string; after: string }[];
  /** Codes in both versions whose billable status changed (B88.0 became a header in FY2026). */
  billableChanged: { code: string; title: string; billable: boolean }[];
  /** Where the summary comes from: the addenda file, or a comparison of the two code tables. */
  basis: string;
}
