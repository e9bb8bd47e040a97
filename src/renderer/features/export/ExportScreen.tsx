/** Export coded results: choose submitted charts (dates, or ticked in the table), see what will be written, write it. */
import { useEffect } from 'react';
import { useRoute } from '../../app/route-store';
import { ChartPicker } from './ChartPicker';
import { WritePanel } from './WritePanel';
import { useExport } from './export-store';
import './export.css';

export function ExportScreen() {
  const writing = useExport((s) => s.writing);
  useEffect(() => {
    void useExport.getState().load();
  }, []);

  return (
    <main className="export-screen" aria-label="Export coded results">
      <div className="screen-toolbar">
        <h1>Export coded results</h1>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => useRoute.getState().showQueue()} disabled={writing}>
          Back to queue
        </button>
      </div>
      <div className="export-body">
        <ChartPicker />
        <WritePanel />
      </div>
    </main>
  );
}
