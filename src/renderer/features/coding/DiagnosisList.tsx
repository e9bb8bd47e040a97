/**
 * Diagnoses in sequence: the first is principal (inpatient) or first-listed (others). POA is
 * asked for inpatient charts only. Alt+↑/↓ moves the focused row; focus follows the row.
 * Y/N/U/W/1 on a focused row sets its POA.
 */
import { POINTER_LETTERS } from '../../../shared/claim';
import type { ChartSetting } from '../../../shared/domain';
import { PoaSelect } from './PoaSelect';
import { useCoding } from './coding-store';
import { normaliseForMatch, useFindingsFocus } from './findings-focus-store';
import { poaKey } from './poa-keys';
import { reorderDelta } from './reorder-keys';
import { titleKey, useTitles } from './titles-store';
import { CodeButton } from '../encoder/CodeButton';
import './coding.css';
import './diagnosis-row.css';

export function DiagnosisList({ setting, readOnly }: { setting: ChartSetting; readOnly: boolean }) {
  const diagnoses = useCoding((s) => s.coding.diagnoses);
  const titles = useTitles((s) => s.titles);
  const highlighted = useFindingsFocus((s) => s.codes);
  const inpatient = setting === 'inpatient';
  const firstLabel = inpatient ? 'Principal' : 'First-listed';

  return (
    <section className="coded-section" aria-labelledby="dx-title">
      <h2 id="dx-title" className="pane-title">
        Diagnoses <span className="count">{diagnoses.length}</span>
      </h2>
      {diagnoses.length === 0 ? <p className="muted">No diagnoses yet. Search above and press Enter to add.</p> : null}
      <ol className="coded-list" aria-labelledby="dx-title">
        {diagnoses.map((dx, index) => (
          <li
            key={dx.code}
            className={`coded-row${index === 0 ? ' first' : ''}${highlighted.includes(normaliseForMatch(dx.code)) ? ' finding-highlight' : ''}`}
            aria-label={`${index === 0 ? firstLabel : `Secondary ${index}`}: ${dx.code}`}
            onKeyDown={(e) => {
              if (readOnly) return;
              const poa = inpatient ? poaKey(e) : null;
              const delta = reorderDelta(e);
              if (poa === null && delta === 0) return;
              e.preventDefault();
              if (poa !== null) useCoding.getState().setPoa(index, poa);
              else useCoding.getState().moveDiagnosis(index, delta);
            }}
          >
            {setting === 'professional' ? <DxLetter index={index} /> : null}
            <span className={index === 0 ? 'seq-label principal' : 'seq-label'}>{index === 0 ? firstLabel : index + 1}</span>
            <CodeButton system="icd10cm" code={dx.code} />
            <CodeTitle title={titles[titleKey('icd10cm', dx.code)] ?? ''} />
            {inpatient ? (
              <PoaSelect
                code={dx.code}
                value={dx.poa}
                disabled={readOnly}
                onChange={(poa) => useCoding.getState().setPoa(index, poa)}
              />
            ) : null}
            {readOnly ? null : (
              <RowButtons
                code={dx.code}
                canUp={index > 0}
                canDown={index < diagnoses.length - 1}
                onMove={(delta) => useCoding.getState().moveDiagnosis(index, delta)}
                onRemove={() => useCoding.getState().removeDiagnosis(index)}
              />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** One line, ellipsised by the row; the full title in the tooltip. */
export function CodeTitle({ title }: { title: string }) {
  return (
    <span className="code-title" title={title || undefined}>
      {title}
    </span>
  );
}

export function RowButtons(props: {
  code: string;
  canUp: boolean;
  canDown: boolean;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}) {
  return (
    <span className="row-buttons">
      <button type="button" className="icon-button" aria-label={`Move ${props.code} up`} disabled={!props.canUp} onClick={() => props.onMove(-1)}>
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Move ${props.code} down`}
        disabled={!props.canDown}
        onClick={() => props.onMove(1)}
      >
        ↓
      </button>
      <button type="button" className="icon-button danger" aria-label={`Remove ${props.code}`} onClick={props.onRemove}>
        ×
      </button>
    </span>
  );
}

/** Pro-fee: the letter procedure lines point at (box 21 A–L); past L a line cannot point. */
function DxLetter({ index }: { index: number }) {
  const letter = POINTER_LETTERS[index];
  return (
    <span className={letter ? 'dx-letter' : 'dx-letter none'} title={letter ? `Pointer ${letter}` : 'Past L: procedure lines cannot point here'}>
      {letter ?? '–'}
    </span>
  );
}
