/**
 * Why a file found in a folder is not imported. Official downloads that CodeDesk knows but has
 * no use for get their own reason, so a coder who picked the whole CMS/CDC folder sees that they
 * were looked at and why they were left; anything else is named as not a code-set file.
 */
const KNOWN: readonly { name: RegExp; reason: string }[] = [
  {
    name: /conversion[-_ ]?table/i,
    reason: 'the ICD-10-CM conversion table is not imported: code changes come from the order files and their addenda',
  },
  { name: /^read[-_ ]?me|\.md$/i, reason: 'a read-me, not a code-set file' },
  {
    name: /^appendix_[a-z_]+\.txt$/i,
    reason: 'MS-DRG Definitions Manual appendices are not imported: CodeDesk does not group MS-DRGs',
  },
];

export function skipReason(name: string): string {
  return KNOWN.find((k) => k.name.test(name))?.reason ?? 'not a code-set file CodeDesk recognises';
}
