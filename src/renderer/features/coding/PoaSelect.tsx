/**
 * The POA indicator of one diagnosis. Closed, it shows just the value (Y/N/U/W/1) so the row
 * keeps its room for the title; the open list and the tooltip say what each value means.
 */
import { POA_VALUES, type PoaValue } from '../../../shared/domain';
import { POA_MEANINGS } from '../../lib/labels';

const optionText = (v: PoaValue): string => `${v} – ${POA_MEANINGS[v]}`;

export function PoaSelect(props: { code: string; value: PoaValue | null; disabled: boolean; onChange(value: PoaValue | null): void }) {
  const { code, value, disabled } = props;
  return (
    <span className="poa-field">
      {/* The native select paints the chosen option's full text; this covers it with the value. */}
      <span className="poa-shown" aria-hidden="true">
        {value ?? 'POA'}
      </span>
      <select
        className="poa-select"
        aria-label={`POA for ${code}`}
        title={value ? `POA ${optionText(value)}` : 'POA not set'}
        value={value ?? ''}
        disabled={disabled}
        onChange={(e) => props.onChange(e.target.value ? (e.target.value as PoaValue) : null)}
      >
        <option value="">POA not set</option>
        {POA_VALUES.map((v) => (
          <option key={v} value={v}>
            {optionText(v)}
          </option>
        ))}
      </select>
    </span>
  );
}
