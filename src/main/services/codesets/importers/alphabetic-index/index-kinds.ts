/**
 * The four ICD-10-CM index files and how to tell them apart. All share the root
 * <ICD10CM.index>; the two tables open with <indexHeading> whose first column names the
 * table (Substance / Neoplasm); the two indexes differ by their <title> (CDC: "INDEX TO
 * DISEASES and INJURIES" vs "EXTERNAL CAUSE of INJURIES INDEX"), then by the file name.
 */
export const INDEX_KINDS = ['index', 'eindex', 'drug', 'neoplasm'] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];

export interface IndexKindInfo {
  /** For messages and the summary: "ICD-10-CM Table of Drugs and Chemicals". */
  description: string;
  /** Short name used in labels: "Table of Drugs and Chemicals". */
  name: string;
  /** Tables have columns of codes (<indexHeading>, <cell>). */
  table: boolean;
  /** What the first heading column says, for tables. */
  firstColumn?: string;
}

export const INDEX_KIND_INFO: Record<IndexKind, IndexKindInfo> = {
  index: { description: 'ICD-10-CM Alphabetic Index XML', name: 'Alphabetic Index', table: false },
  eindex: { description: 'ICD-10-CM External Cause index XML', name: 'External Cause Index', table: false },
  drug: { description: 'ICD-10-CM Table of Drugs and Chemicals XML', name: 'Table of Drugs and Chemicals', table: true, firstColumn: 'substance' },
  neoplasm: { description: 'ICD-10-CM Neoplasm table XML', name: 'Neoplasm Table', table: true, firstColumn: 'neoplasm' },
};

const ROOT = /<ICD10CM\.index[\s>]/;

/** Which index file `head` (the file's first KB) is, or null when it is none of them. */
export function detectIndexKind(name: string, head: string): IndexKind | null {
  if (!ROOT.test(head)) return null;
  if (/<indexHeading[\s>]/.test(head)) {
    const first = /<head\s+col\s*=\s*["']1["']\s*>([^<]*)<\/head>/.exec(head)?.[1]?.trim().toLowerCase() ?? '';
    if (first.startsWith('substance')) return 'drug';
    if (first.startsWith('neoplasm')) return 'neoplasm';
    if (/drug/i.test(name)) return 'drug';
    return /neoplasm/i.test(name) ? 'neoplasm' : null;
  }
  // The document title sits before the first <letter>.
  const title = /<title>([^<]*)<\/title>/.exec(head.split(/<letter[\s>]/)[0] ?? '')?.[1]?.toUpperCase() ?? '';
  if (title.includes('EXTERNAL CAUSE')) return 'eindex';
  if (title.includes('INDEX TO DISEASES')) return 'index';
  return /eindex|external/i.test(name) ? 'eindex' : 'index';
}
