/**
 * A pro-fee line's diagnosis pointers (CMS-1500 box 24E): one toggle per diagnosis A–L, pressed
 * in the order set (the small number; 1 = the line's primary diagnosis). Click, Space, or type
 * the letter while in the group. A pointer whose code is no longer among A–L stays visible as a
 * problem until the coder takes it away: it never moves to another code.
 */
import { POINTER_LETTERS } from '../../../shared/claim';
import type { CodedDiagnosis } from '../../../shared/domain';

const ORDINALS = ['1st', '2nd', '3rd', '4th'];

export function PointerField(props: {
  line: string;
  pointers: readonly string[];
  diagnoses: readonly CodedDiagnosis[];
  readOnly: boolean;
  onToggle(code: string): void;
}) {
  const { line, pointers, diagnoses, readOnly, onToggle } = props;
  const pointable = diagnoses.slice(0, POINTER_LETTERS.length);
  const lost = pointers.filter((code) => !pointable.some((d) => d.code === code));
  const dxCodes = diagnoses.map((d) => d.code);

  return (
    <span
      className="pointer-field"
      role="group"
      aria-label={`Diagnosis pointers for ${line}`}
      onKeyDown={(e) => {
        if (readOnly || e.altKey || e.ctrlKey || e.metaKey || e.key.length !== 1) return;
        const at = POINTER_LETTERS.indexOf(e.key.toUpperCase());
        const dx = at >= 0 ? pointable[at] : undefined;
        if (!dx) return;
        e.preventDefault();
        onToggle(dx.code);
      }}
    >
      <span className="pointer-label">Dx</span>
      {pointable.length === 0 ? <span className="muted pointer-none">add a diagnosis to point at</span> : null}
      {pointable.map((d, i) => {
        const order = pointers.indexOf(d.code);
        const letter = POINTER_LETTERS[i]!;
        return (
          <button
            key={d.code}
            type="button"
            className="pointer-chip"
            aria-pressed={order >= 0}
            aria-label={`Point at ${letter}: ${d.code}${order >= 0 ? ` (${ORDINALS[order]})` : ''}`}
            title={`${letter}: ${d.code}`}
            disabled={readOnly}
            onClick={() => onToggle(d.code)}
          >
            {letter}
            {order >= 0 ? <sup>{order + 1}</sup> : null}
          </button>
        );
      })}
      {lost.map((code) => (
        <button
          key={`lost:${code}`}
          type="button"
          className="pointer-chip lost"
          aria-label={`Remove pointer to ${code}`}
          title={dxCodes.includes(code) ? `${code} is past L: a line can point only at the first 12 diagnoses` : `${code} was removed from the diagnoses`}
          disabled={readOnly}
          onClick={() => onToggle(code)}
        >
          {code} {dxCodes.includes(code) ? 'past L' : 'removed'} ×
        </button>
      ))}
    </span>
  );
}
