/**
 * "From the source system": the conditions, procedures and visit reasons the hospital's system
 * already recorded, with their coding system. For reference while reading: they are never
 * added to the coding, whatever system they are in.
 */
import { useId } from 'react';
import type { SourceHint } from '../../../shared/domain';
import { useChart } from './chart-store';
import './source.css';

const SYSTEM_NAMES: Record<string, string> = {
  'http://snomed.info/sct': 'SNOMED CT',
  'http://loinc.org': 'LOINC',
  'http://hl7.org/fhir/sid/icd-10-cm': 'ICD-10-CM',
  'http://hl7.org/fhir/sid/icd-10': 'ICD-10',
  'http://www.cms.gov/Medicare/Coding/ICD10': 'ICD-10-PCS',
  'http://www.ama-assn.org/go/cpt': 'CPT',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RxNorm',
};

/** A readable name for a coding system URI (or HL7 table), else its last part. */
export function systemName(system: string): string {
  return SYSTEM_NAMES[system] ?? (system.split(/[/:#]/).filter(Boolean).pop() || system);
}

const GROUPS: { kind: SourceHint['kind']; title: string }[] = [
  { kind: 'reason', title: 'Reasons for the visit' },
  { kind: 'condition', title: 'Conditions' },
  { kind: 'procedure', title: 'Procedures' },
];

export function SourceHints() {
  const hints = useChart((s) => s.detail?.hints ?? null);
  const headingId = useId();
  if (!hints || hints.length === 0) return null;
  return (
    <section className="source-hints" aria-labelledby={headingId}>
      <h2 id={headingId}>From the source system</h2>
      <p className="source-hints-note">Not codes — for reference</p>
      {GROUPS.map(({ kind, title }) => {
        const group = hints.filter((h) => h.kind === kind);
        if (group.length === 0) return null;
        return (
          <div key={kind} className="source-hints-group">
            <h3>{title}</h3>
            <ul aria-label={title}>
              {group.map((h, i) => (
                <li key={`${h.system}|${h.code}|${i}`}>
                  <span className="hint-display">{h.display || h.code}</span>
                  <span className="hint-code" title={h.system}>
                    {systemName(h.system)} {h.code}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
