/** Which exports to import (typed or pasted, one per line, as on the Code sets screen) and what AMB encounters become. */
import { PathsField } from '../../components/PathsField';
import { pathsOf } from '../codesets/import-store';
import { useChartImport, type AmbulatorySetting } from './chart-import-store';

const AMBULATORY: { value: AmbulatorySetting; label: string }[] = [
  { value: 'outpatient_surgery', label: 'Outpatient facility charts' },
  { value: 'professional', label: 'Professional fee charts' },
];

export function ChartImportForm() {
  const paths = useChartImport((s) => s.paths);
  const ambulatory = useChartImport((s) => s.ambulatory);
  const running = useChartImport((s) => s.running);
  const canStart = !running && pathsOf(paths).length > 0;
  const start = () => void useChartImport.getState().start();

  return (
    <form
      className="import-form"
      onSubmit={(event) => {
        event.preventDefault();
        start();
      }}
    >
      <PathsField
        label="Exports to import"
        placeholder="/home/you/exports/encounters-2026-03.json"
        value={paths}
        disabled={running}
        canStart={canStart}
        onChange={(value) => useChartImport.getState().setPaths(value)}
        onStart={start}
        hint={
          <>
            One path per line: a FHIR R4 bundle (.json), a FHIR Bulk Data export (a folder or .zip of .ndjson files), or HL7 v2 files (ADT, MDM).
            The kind is read from the content. Importing the same export again changes nothing.
          </>
        }
      />
      <fieldset className="ambulatory-choice" disabled={running}>
        <legend>Ambulatory encounters (FHIR class AMB, HL7 patient class O) become</legend>
        {AMBULATORY.map((a) => (
          <label key={a.value} className="option-row">
            <input
              type="radio"
              name="ambulatory"
              value={a.value}
              checked={ambulatory === a.value}
              onChange={() => useChartImport.getState().setAmbulatory(a.value)}
            />
            {a.label}
          </label>
        ))}
      </fieldset>
      <div className="import-actions">
        <span />
        <button type="submit" className="primary" disabled={!canStart} title="Import (Ctrl+Enter)">
          {running ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
}
