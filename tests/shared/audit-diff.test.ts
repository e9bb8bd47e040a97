/** The typed audit diff: one finding per change, of the right kind, and none for agreement. */
import { describe, expect, it } from 'vitest';
import { AUDIT_FINDING_KINDS, auditDiff, findingArea, findingLabel, type AuditFinding } from '../../src/shared/audit-diff';
import type { CodedProcedure, Coding, PoaValue } from '../../src/shared/domain';

const dx = (...codes: string[]): Coding['diagnoses'] => codes.map((code) => ({ code, poa: null }));
const dxPoa = (...pairs: [string, PoaValue | null][]): Coding['diagnoses'] => pairs.map(([code, poa]) => ({ code, poa }));
const px = (code: string, more: Partial<CodedProcedure> = {}): CodedProcedure => ({ system: 'cpt', code, modifiers: [], units: 1, date: null, ...more });
const coding = (diagnoses: Coding['diagnoses'], procedures: CodedProcedure[] = []): Coding => ({ diagnoses, procedures });
const brief = (findings: AuditFinding[]): string[] => findings.map((f) => `${f.kind} ${f.coderCode ?? '-'} ${f.auditorCode ?? '-'}`);

const CODER = coding(dxPoa(['I21.4', 'Y'], ['E11.9', 'Y'], ['I10', 'Y'], ['N18.30', 'Y']), [
  { system: 'icd10pcs', code: '027034Z', modifiers: [], units: 1, date: '2026-05-01' },
  { system: 'icd10pcs', code: 'B2111ZZ', modifiers: [], units: 1, date: '2026-05-01' },
]);

describe('auditDiff: agreement', () => {
  it('finds nothing when the auditor codes the same, in any spelling of the codes', () => {
    expect(auditDiff(CODER, CODER, 'inpatient')).toEqual([]);
    const undotted = coding(dxPoa(['i214', 'Y'], ['E119', 'Y'], ['I10', 'Y'], [' n18.30 ', 'Y']), CODER.procedures.map((p) => ({ ...p, code: p.code.toLowerCase() })));
    expect(auditDiff(CODER, undotted, 'inpatient')).toEqual([]);
  });

  it('finds nothing when only secondaries within the claim’s diagnosis slots change order', () => {
    const auditor = coding(dxPoa(['I21.4', 'Y'], ['N18.30', 'Y'], ['I10', 'Y'], ['E11.9', 'Y']), CODER.procedures);
    expect(auditDiff(CODER, auditor, 'inpatient')).toEqual([]);
  });

  it('does not judge modifier order, and pairs repeated lines with their own twins', () => {
    const coder = coding(dx('M17.11'), [px('20610', { modifiers: ['LT', '59'] }), px('20610', { modifiers: ['RT'] })]);
    const auditor = coding(dx('M17.11'), [px('20610', { modifiers: ['rt'] }), px('20610', { modifiers: ['59', 'LT'] })]);
    expect(auditDiff(coder, auditor, 'professional')).toEqual([]);
  });
});

describe('auditDiff: the principal / first-listed diagnosis', () => {
  it('reports a replaced principal once, labelled by setting', () => {
    const auditor = coding(dxPoa(['I21.09', 'Y'], ['E11.9', 'Y'], ['I10', 'Y'], ['N18.30', 'Y']), CODER.procedures);
    const [finding, ...rest] = auditDiff(CODER, auditor, 'inpatient');
    expect(rest).toEqual([]);
    expect(finding).toEqual({ id: 'principal_changed:I21.4', kind: 'principal_changed', coderCode: 'I21.4', auditorCode: 'I21.09', coderLine: 0, detail: 'Principal diagnosis changed from I21.4 to I21.09' });
    expect(auditDiff(coding(dx('R07.9')), coding(dx('R07.89')), 'emergency')[0]?.detail).toBe('First-listed diagnosis changed from R07.9 to R07.89');
    expect(findingLabel('principal_changed', 'professional')).toBe('First-listed diagnosis changed');
  });

  it('reports a swap with a secondary as a principal change only, not as an added and a deleted secondary', () => {
    const auditor = coding(dxPoa(['E11.9', 'Y'], ['I21.4', 'Y'], ['I10', 'Y'], ['N18.30', 'Y']), CODER.procedures);
    expect(brief(auditDiff(CODER, auditor, 'inpatient'))).toEqual(['principal_changed I21.4 E11.9']);
  });

  it('reports a promoted secondary with the old principal deleted as one principal change', () => {
    const auditor = coding(dxPoa(['E11.9', 'Y'], ['I10', 'Y'], ['N18.30', 'Y']), CODER.procedures);
    expect(brief(auditDiff(CODER, auditor, 'inpatient'))).toEqual(['principal_changed I21.4 E11.9']);
  });

  it('reports a new principal over a demoted one as one principal change', () => {
    const auditor = coding(dxPoa(['I50.9', 'Y'], ['I21.4', 'Y'], ['E11.9', 'Y'], ['I10', 'Y'], ['N18.30', 'Y']), CODER.procedures);
    expect(brief(auditDiff(CODER, auditor, 'inpatient'))).toEqual(['principal_changed I21.4 I50.9']);
  });

  it('names no coder line when the coder had no diagnosis at all', () => {
    expect(auditDiff(coding([]), coding(dx('R51.9')), 'professional')).toMatchObject([{ kind: 'principal_changed', coderCode: null, auditorCode: 'R51.9', coderLine: null }]);
  });
});

describe('auditDiff: secondary diagnoses', () => {
  it('reports an added and a deleted secondary', () => {
    const auditor = coding(dxPoa(['I21.4', 'Y'], ['E11.9', 'Y'], ['I10', 'Y'], ['E78.5', 'Y']), CODER.procedures);
    expect(auditDiff(CODER, auditor, 'inpatient')).toEqual([
      { id: 'secondary_added:E78.5', kind: 'secondary_added', coderCode: null, auditorCode: 'E78.5', coderLine: null, detail: 'E78.5 added' },
      { id: 'secondary_deleted:N18.30', kind: 'secondary_deleted', coderCode: 'N18.30', auditorCode: null, coderLine: 3, detail: 'N18.30 deleted' },
    ]);
  });

  it('reports a code of the same category as a revision, not as added and deleted', () => {
    const auditor = coding(dxPoa(['I21.4', 'Y'], ['E11.65', 'Y'], ['I10', 'Y'], ['N18.30', 'Y']), CODER.procedures);
    expect(auditDiff(CODER, auditor, 'inpatient')).toEqual([
      { id: 'secondary_revised:E11.9', kind: 'secondary_revised', coderCode: 'E11.9', auditorCode: 'E11.65', coderLine: 1, detail: 'E11.9 revised to E11.65 (category E11)' },
    ]);
  });

  it('pairs an exact match before a revision of the same category', () => {
    const coder = coding(dx('I21.4', 'E11.65', 'E11.9'));
    const auditor = coding(dx('I21.4', 'E11.9', 'E11.42'));
    expect(brief(auditDiff(coder, auditor, 'outpatient_surgery'))).toEqual(['secondary_revised E11.65 E11.42']);
  });

  it('reports a secondary moved across the claim’s diagnosis limit as resequenced', () => {
    const tail = Array.from({ length: 12 }, (_, i) => `Z${String(10 + i)}.0`);
    const coder = coding(dx('J18.9', ...tail, 'E87.1'));
    const auditor = coding(dx('J18.9', 'E87.1', ...tail));
    expect(auditDiff(coder, auditor, 'professional')).toEqual([
      { id: 'resequenced:E87.1', kind: 'resequenced', coderCode: 'E87.1', auditorCode: 'E87.1', coderLine: 13, detail: 'E87.1 moved from position 14 to 2; the claim carries the first 12' },
    ]);
    // The same move stays inside an 837I's 25 diagnoses: no finding.
    expect(auditDiff(coder, auditor, 'inpatient')).toEqual([]);
  });

  it('does not call a code resequenced when it only rose onto the claim because another was deleted', () => {
    const tail = Array.from({ length: 12 }, (_, i) => `Z${String(10 + i)}.0`);
    const coder = coding(dx('J18.9', ...tail, 'E87.1'));
    const auditor = coding(dx('J18.9', ...tail.slice(1), 'E87.1'));
    expect(brief(auditDiff(coder, auditor, 'professional'))).toEqual(['secondary_deleted Z10.0 -']);
  });

  it('reports a changed POA indicator on inpatient charts only', () => {
    const auditor = coding(dxPoa(['I21.4', 'Y'], ['E11.9', 'Y'], ['I10', 'Y'], ['N18.30', 'N']), CODER.procedures);
    expect(auditDiff(CODER, auditor, 'inpatient')).toEqual([
      { id: 'poa_changed:N18.30', kind: 'poa_changed', coderCode: 'N18.30', auditorCode: 'N18.30', coderLine: 3, detail: 'POA for N18.30 changed from Y to N' },
    ]);
    expect(auditDiff(CODER, auditor, 'emergency')).toEqual([]);
  });

  it('reports a POA change on a principal that moved, beside the principal change', () => {
    const auditor = coding(dxPoa(['E11.9', 'Y'], ['I21.4', 'N'], ['I10', 'Y'], ['N18.30', 'Y']), CODER.procedures);
    expect(brief(auditDiff(CODER, auditor, 'inpatient'))).toEqual(['principal_changed I21.4 E11.9', 'poa_changed I21.4 I21.4']);
  });
});

describe('auditDiff: procedures', () => {
  it('reports added and deleted procedures', () => {
    const auditor = coding(CODER.diagnoses, [CODER.procedures[0] as CodedProcedure, { system: 'icd10pcs', code: '4A023N7', modifiers: [], units: 1, date: null }]);
    expect(brief(auditDiff(CODER, auditor, 'inpatient'))).toEqual(['procedure_added - 4A023N7', 'procedure_deleted B2111ZZ -']);
  });

  it('reports a PCS code with the same section, body system and operation as a revision', () => {
    const auditor = coding(CODER.diagnoses, [{ ...(CODER.procedures[0] as CodedProcedure), code: '02703DZ' }, CODER.procedures[1] as CodedProcedure]);
    expect(auditDiff(CODER, auditor, 'inpatient')).toEqual([
      { id: 'procedure_revised:027034Z', kind: 'procedure_revised', coderCode: '027034Z', auditorCode: '02703DZ', coderLine: 0, detail: 'ICD-10-PCS 027034Z revised to 02703DZ' },
    ]);
  });

  it('reports a CPT code of the same family (first four characters) as a revision, and another family as added and deleted', () => {
    expect(brief(auditDiff(coding(dx('J06.9'), [px('99213')]), coding(dx('J06.9'), [px('99214')]), 'professional'))).toEqual(['procedure_revised 99213 99214']);
    expect(brief(auditDiff(coding(dx('J06.9'), [px('99203')]), coding(dx('J06.9'), [px('99213')]), 'professional'))).toEqual(['procedure_added - 99213', 'procedure_deleted 99203 -']);
  });

  it('never revises across code systems', () => {
    const findings = auditDiff(coding(dx('Z12.11'), [px('G0121', { system: 'hcpcs' })]), coding(dx('Z12.11'), [px('G0121', { system: 'cpt' })]), 'outpatient_surgery');
    expect(brief(findings)).toEqual(['procedure_added - G0121', 'procedure_deleted G0121 -']);
  });

  it('reports changed modifiers and units on the same code', () => {
    const coder = coding(dx('M17.11'), [px('20610', { modifiers: ['LT'] }), px('J1100', { system: 'hcpcs', units: 1 })]);
    const auditor = coding(dx('M17.11'), [px('20610', { modifiers: ['RT'] }), px('J1100', { system: 'hcpcs', units: 10 })]);
    expect(auditDiff(coder, auditor, 'professional')).toEqual([
      { id: 'modifier_changed:20610', kind: 'modifier_changed', coderCode: '20610', auditorCode: '20610', coderLine: 0, detail: 'Modifiers on 20610 changed from LT to RT' },
      { id: 'units_changed:J1100', kind: 'units_changed', coderCode: 'J1100', auditorCode: 'J1100', coderLine: 1, detail: 'Units on J1100 changed from 1 to 10' },
    ]);
  });

  it('keeps ids unique when one code has two findings of a kind', () => {
    const coder = coding(dx('M17.11'), [px('20610'), px('20610', { modifiers: ['59'] })]);
    const ids = auditDiff(coder, coding(dx('M17.11')), 'professional').map((f) => f.id);
    expect(ids).toEqual(['procedure_deleted:20610', 'procedure_deleted:20610#2']);
  });
});

describe('auditDiff: the kinds', () => {
  it('says which coder list each kind’s line indexes', () => {
    const areas = Object.fromEntries(AUDIT_FINDING_KINDS.map((k) => [k, findingArea(k)]));
    expect(Object.entries(areas).filter(([, a]) => a === 'procedure').map(([k]) => k).sort()).toEqual(['modifier_changed', 'procedure_added', 'procedure_deleted', 'procedure_revised', 'units_changed']);
  });
});
