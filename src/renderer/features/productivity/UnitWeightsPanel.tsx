/**
 * The weights behind "weighted units": everyone sees the ones in use; a supervisor changes them
 * here (0 to 10 per setting, on the audit trail) and the figures on screen are recomputed.
 */
import { useState, type FormEvent } from 'react';
import { SETTINGS, type ChartSetting } from '../../../shared/domain';
import type { UnitWeights } from '../../../shared/productivity';
import { ErrorText } from '../../components/ErrorText';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { SETTING_LABELS } from '../../lib/labels';
import { useProductivity } from './productivity-store';

const MAX_WEIGHT = 10;
const asText = (w: UnitWeights) => Object.fromEntries(SETTINGS.map((k) => [k, String(w[k])])) as Record<ChartSetting, string>;

export function UnitWeightsPanel({ weights, editable }: { weights: UnitWeights; editable: boolean }) {
  const [text, setText] = useState(() => asText(weights));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const changed = SETTINGS.some((k) => text[k].trim() !== String(weights[k]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = SETTINGS.map((k) => [k, Number(text[k].trim())] as const);
    const bad = parsed.find(([k, n]) => text[k].trim() === '' || !Number.isFinite(n) || n < 0 || n > MAX_WEIGHT);
    if (bad) {
      setError(`Enter a weight from 0 to ${MAX_WEIGHT} for ${SETTING_LABELS[bad[0]].toLowerCase()}.`);
      return;
    }
    setBusy(true);
    setError(null);
    const chosen = Object.fromEntries(parsed) as Record<ChartSetting, number>;
    // Figures from the hub use the team's weights, kept on the hub; this workspace's figures use its own.
    const result = useProductivity.getState().source === 'hub' ? await call('hub.setUnitWeights', { weights: chosen }) : await call('settings.setUnitWeights', { weights: chosen });
    setBusy(false);
    if (!result.ok) return setError(describeError(result.error));
    setText(asText(result.value));
    setSaved(true);
    await useProductivity.getState().load();
  };

  return (
    <section className="productivity-export unit-weights" aria-labelledby="unit-weights-title">
      <h2 id="unit-weights-title">Unit weights</h2>
      <form className="unit-weights-row" onSubmit={(e) => void submit(e)} noValidate>
        {SETTINGS.map((k) => (
          <label key={k} className="inline-field">
            <span>{SETTING_LABELS[k]}</span>
            <input
              type="number"
              inputMode="decimal"
              min={0}
              max={MAX_WEIGHT}
              step={0.05}
              value={text[k]}
              readOnly={!editable}
              onChange={(e) => setText({ ...text, [k]: e.target.value })}
              aria-describedby="unit-weights-hint"
            />
          </label>
        ))}
        {editable ? (
          <button type="submit" disabled={busy || !changed}>
            {busy ? 'Saving…' : 'Save weights'}
          </button>
        ) : null}
      </form>
      <p id="unit-weights-hint" className="field-hint">
        A submitted chart counts its setting’s weight in weighted units. Defaults: inpatient 1, outpatient surgery 0.75, ED 0.5, pro-fee 0.25.
        {editable ? ' A change is on the audit trail and applies to every period shown.' : ' Your supervisor sets them.'}
      </p>
      <ErrorText message={error} />
      {saved ? (
        <p className="settings-done" role="status">
          Saved: weighted units now use these weights.
        </p>
      ) : null}
    </section>
  );
}
