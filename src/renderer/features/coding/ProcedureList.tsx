/**
 * Procedures: system, code, up to 4 modifiers, units, a date for ICD-10-PCS, and diagnosis
 * pointers on professional charts. Each row is two lines whatever the pane's width: the code
 * and its title (two lines at most, whole in the tooltip), then the system and the fields.
 */
import { useState } from 'react';
import { MODIFIER_EXAMPLES, type ChartSetting, type CodedProcedure } from '../../../shared/domain';
import { SYSTEM_LABELS } from '../../lib/labels';
import { parseModifiers, togglePointer } from './coding-edit';
import { useCoding } from './coding-store';
import { useIsHighlighted } from './findings-focus-store';
import { RowButtons } from './DiagnosisList';
import { reorderDelta } from './reorder-keys';
import { titleKey, useTitles } from './titles-store';
import { CodeButton } from '../encoder/CodeButton';
import { PointerField } from './PointerField';
import './coding.css';
import './procedure-row.css';

/** Keys stay stable when rows move (the same code may appear twice). */
function procedureKeys(procedures: readonly CodedProcedure[]): string[] {
  const seen = new Map<string, number>();
  return procedures.map((p) => {
    const base = `${p.system}:${p.code}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}:${n}`;
  });
}

export function ProcedureList({ setting, readOnly }: { setting: ChartSetting; readOnly: boolean }) {
  const procedures = useCoding((s) => s.coding.procedures);
  const keys = procedureKeys(procedures);

  return (
    <section className="coded-section" aria-labelledby="px-title">
      <h2 id="px-title" className="pane-title">
        Procedures <span className="count">{procedures.length}</span>
      </h2>
      {procedures.length === 0 ? <p className="muted">No procedures.</p> : null}
      <ol className="coded-list" aria-labelledby="px-title">
        {procedures.map((p, index) => (
          <ProcedureRow
            key={keys[index]}
            procedure={p}
            index={index}
            last={index === procedures.length - 1}
            // Facility claims (UB-04) have no line pointers.
            pointers={setting === 'professional' && p.system !== 'icd10pcs'}
            readOnly={readOnly}
          />
        ))}
      </ol>
    </section>
  );
}

function ProcedureRow(props: { procedure: CodedProcedure; index: number; last: boolean; pointers: boolean; readOnly: boolean }) {
  const { procedure: p, index, last, readOnly } = props;
  const title = useTitles((s) => s.titles[titleKey(p.system, p.code)] ?? '');
  const diagnoses = useCoding((s) => s.coding.diagnoses);
  const [modText, setModText] = useState(p.modifiers.join(' '));
  const [modProblem, setModProblem] = useState<string | null>(null);
  const [pointerProblem, setPointerProblem] = useState<string | null>(null);
  const update = useCoding.getState().updateProcedure;
  const toggle = (code: string) => {
    const next = togglePointer(useCoding.getState().coding, index, code);
    setPointerProblem(next.problem);
    if (next.problem === null) update(index, { pointers: next.coding.procedures[index]?.pointers ?? [] });
  };
  const problem = modProblem ?? pointerProblem;

  const highlighted = useIsHighlighted(p.code);
  const commitModifiers = () => {
    const parsed = parseModifiers(modText);
    setModProblem(parsed.problem);
    if (parsed.problem === null && parsed.modifiers.join(' ') !== p.modifiers.join(' ')) {
      update(index, { modifiers: parsed.modifiers });
      setModText(parsed.modifiers.join(' '));
    }
  };

  return (
    <li
      className={`coded-row procedure${highlighted ? ' finding-highlight' : ''}`}
      onKeyDown={(e) => {
        const delta = readOnly ? 0 : reorderDelta(e);
        if (delta === 0) return;
        e.preventDefault();
        useCoding.getState().moveProcedure(index, delta);
      }}
    >
      <span className="seq-label">{index + 1}</span>
      <CodeButton system={p.system} code={p.code} />
      <span className="code-title" title={title}>
        {title}
      </span>
      {readOnly ? null : (
        <RowButtons
          code={p.code}
          canUp={index > 0}
          canDown={!last}
          onMove={(delta) => useCoding.getState().moveProcedure(index, delta)}
          onRemove={() => useCoding.getState().removeProcedure(index)}
        />
      )}
      <span className="px-fields">
        <span className="code-system">{SYSTEM_LABELS[p.system]}</span>
        {p.system === 'icd10pcs' ? (
          <label className="inline-field">
            <span>Date</span>
            <input
              type="date"
              aria-label={`Date of ${p.code}`}
              value={p.date ?? ''}
              disabled={readOnly}
              onChange={(e) => update(index, { date: e.target.value || null })}
            />
          </label>
        ) : (
          <>
            <label className="inline-field">
              <span>Mod</span>
              <input
                className="modifier-input"
                aria-label={`Modifiers for ${p.code}`}
                aria-invalid={modProblem !== null}
                value={modText}
                disabled={readOnly}
                placeholder={`e.g. ${MODIFIER_EXAMPLES.join(' ')}`}
                spellCheck={false}
                onChange={(e) => setModText(e.target.value)}
                onBlur={commitModifiers}
                onKeyDown={(e) => e.key === 'Enter' && commitModifiers()}
              />
            </label>
            <label className="inline-field">
              <span>Units</span>
              <input
                className="units-input"
                type="number"
                min={1}
                max={999}
                aria-label={`Units for ${p.code}`}
                value={p.units}
                disabled={readOnly}
                onChange={(e) => {
                  const units = Number(e.target.value);
                  if (Number.isInteger(units) && units >= 1 && units <= 999) update(index, { units });
                }}
              />
            </label>
          </>
        )}
        {props.pointers ? <PointerField line={p.code} pointers={p.pointers ?? []} diagnoses={diagnoses} readOnly={readOnly} onToggle={toggle} /> : null}
      </span>
      {problem ? (
        <p className="error-text row-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
