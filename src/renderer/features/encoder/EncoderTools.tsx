/** Buttons that open the encoder's tools (each also has an Alt shortcut on the chart screen). */
import { useEncoderUi } from './encoder-ui';

export function EncoderTools() {
  const show = useEncoderUi((s) => s.show);
  return (
    <div className="encoder-tools" role="group" aria-label="Encoder tools">
      <button type="button" onClick={() => show('tree')} aria-keyshortcuts="Alt+T" title="Browse the Tabular List (Alt+T)">
        Tabular
      </button>
      <button type="button" onClick={() => show('pcs')} aria-keyshortcuts="Alt+P" title="ICD-10-PCS builder (Alt+P)">
        PCS builder
      </button>
      <button type="button" onClick={() => show('tables')} aria-keyshortcuts="Alt+D" title="Neoplasm and Drug tables (Alt+D)">
        Neoplasm/Drug
      </button>
    </div>
  );
}
