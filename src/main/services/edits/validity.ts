/**
 * Validity: each code exists in the code set in force on the date and is billable; a wrong or
 * missing 7th character and a missing placeholder X are named as such; modifiers are known;
 * duplicates; a claim needs a diagnosis. Rule ids match the chart validation's v1 ids.
 */
import type { Finding } from '../../../shared/claim';
import type { CodeSystem } from '../../../shared/domain';
import { SYSTEM_LABELS } from '../codesets/code-format';
import type { EditContext } from './context';
import { finding } from './finding';
import { rows as readRows } from '../db/rows';
import { EDIT_SQL } from './statements';

/** CPT modifiers (Level I, two digits); Level II modifiers come from the HCPCS file. */
const CPT_MODIFIERS = new Set(
  '22 23 24 25 26 27 32 33 47 50 51 52 53 54 55 56 57 58 59 62 63 66 73 74 76 77 78 79 80 81 82 90 91 92 93 95 96 97 99'.split(' '),
);

interface Target {
  system: CodeSystem;
  codes: { code: string; display: string }[];
}

function versionSource(label: string, source: string): string {
  return `${source} (${label})`;
}

/** Codes in the version that share `prefix` (for 7th-character and placeholder hints). */
function codesStartingWith(ctx: EditContext, versionId: number, prefix: string): string[] {
  const rows = readRows<{ code: string }>(ctx.db, EDIT_SQL.codesLike, versionId, prefix, `${prefix}\uffff`);
  return rows.map((r) => r.code);
}

function checkTarget(ctx: EditContext, target: Target, out: Finding[]): void {
  if (target.codes.length === 0) return;
  const name = SYSTEM_LABELS[target.system];
  const date = ctx.lines.date;
  const set = ctx.codeSet(target.system);
  const all = target.codes.map((c) => c.display);
  if (!set) {
    const blocking = target.system === 'icd10cm' || target.system === 'icd10pcs';
    out.push(
      blocking
        ? finding('codeset.missing', 'error', all, `No ${name} code set is in force on ${date}: import the ${name} files for that year to check these codes.`, 'no code set imported')
        : finding('codeset.unverified', 'warning', all, `No ${name} code set is imported for ${date}, so these codes could not be checked.`, 'no code set imported'),
    );
    return;
  }
  const { version } = set;
  const source = versionSource(version.label, version.source);
  // Every code of the system at once (remembered per version); findings follow the claim's order.
  const found = set.find(target.codes.map((c) => c.code));
  const seen = new Set<string>();
  for (const { code, display } of target.codes) {
    if (seen.has(code)) continue;
    seen.add(code);
    const row = found.get(code);
    if (row) {
      if (row.billable !== 1) {
        out.push(finding('code.not-billable', 'error', [row.display_code], `${row.display_code} is a header, not a billable code: choose a more specific code below it.`, source));
      }
      continue;
    }
    out.push(unknownCode(ctx, version.id, target.system, code, display, `${name} ${version.label}`, source));
  }
}

/** Why a code is not in the version: a placeholder X or a 7th character, else plainly unknown. */
function unknownCode(ctx: EditContext, versionId: number, system: CodeSystem, code: string, display: string, versionName: string, source: string): Finding {
  if (system === 'icd10cm' && code.length >= 4 && code.length <= 7) {
    const last = code.slice(-1);
    const stem = code.slice(0, -1);
    const padded = `${stem.padEnd(6, 'X')}${last}`;
    if (padded !== code && codesStartingWith(ctx, versionId, padded).includes(padded)) {
      return finding('code.placeholder', 'error', [display], `${display} needs the placeholder X: the valid code is ${padded.slice(0, 3)}.${padded.slice(3)}.`, source);
    }
    if (code.length === 7) {
      const valid = codesStartingWith(ctx, versionId, code.slice(0, 6)).filter((c) => c.length === 7).map((c) => c.slice(6));
      if (valid.length > 0) {
        return finding('code.seventh-character', 'error', [display], `${display} has a 7th character not valid for its category: use one of ${valid.join(', ')}.`, source);
      }
    }
    if (code.length === 6) {
      const chars = codesStartingWith(ctx, versionId, code).filter((c) => c.length === 7).map((c) => c.slice(6));
      if (chars.length > 0) {
        return finding('code.seventh-character', 'error', [display], `${display} needs a 7th character (${chars.join(', ')}).`, source);
      }
    }
  }
  return finding('code.unknown', 'error', [display], `${display} is not a valid code in ${versionName} (in force on ${ctx.lines.date}).`, source);
}

function checkModifiers(ctx: EditContext, out: Finding[]): void {
  for (const p of ctx.lines.px) {
    if (p.system === 'icd10pcs') continue;
    for (const m of p.modifiers) {
      if (CPT_MODIFIERS.has(m)) continue;
      const hcpcs = ctx.codeSet('hcpcs');
      if (!hcpcs) continue; // Level II modifiers cannot be checked without the HCPCS file
      if (hcpcs.find([m]).has(m)) continue;
      out.push(finding('code.modifier', 'error', [p.display], `Modifier ${m} on ${p.display} is not a valid CPT or HCPCS modifier on ${ctx.lines.date}.`, versionSource(hcpcs.version.label, hcpcs.version.source)));
    }
  }
}

function duplicates(codes: readonly { code: string; display: string }[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const c of codes) {
    if (seen.has(c.code)) dups.add(c.display);
    seen.add(c.code);
  }
  return [...dups];
}

export function validityEdits(ctx: EditContext): Finding[] {
  const out: Finding[] = [];
  const { lines } = ctx;
  const inpatient = lines.setting === 'inpatient';
  if (lines.dx.length === 0) {
    const message = inpatient ? 'Add a principal diagnosis: every inpatient claim needs one.' : 'Add a first-listed diagnosis: every claim needs one.';
    out.push(finding('dx.principal-missing', 'error', [], message, 'claim'));
  }
  checkTarget(ctx, { system: 'icd10cm', codes: lines.dx }, out);
  const principal = lines.principal?.code;
  for (const dup of duplicates(lines.dx)) {
    // A secondary equal to the principal is the MCE's own edit (3) on inpatient claims.
    if (inpatient && dup.replace('.', '') === principal && ctx.table('mce') !== null) continue;
    out.push(finding('dx.duplicate', 'error', [dup], `${dup} is listed more than once.`, 'claim'));
  }
  for (const system of ['icd10pcs', 'hcpcs', 'cpt'] as const) {
    const codes = lines.px.filter((p) => p.system === system);
    checkTarget(ctx, { system, codes }, out);
    if (system === 'icd10pcs') {
      for (const dup of duplicates(codes)) out.push(finding('px.duplicate', 'warning', [dup], `${dup} is listed more than once.`, 'claim'));
    }
  }
  const pcs = lines.px.filter((p) => p.system === 'icd10pcs').map((p) => p.display);
  if (!inpatient && pcs.length > 0) {
    out.push(finding('px.pcs-not-inpatient', 'warning', pcs, 'ICD-10-PCS codes are reported on inpatient facility claims; this claim is not inpatient.', 'claim'));
  }
  checkModifiers(ctx, out);
  return out;
}
