/** What a restore did, shown once before the restored workspace opens. */
import { ResultList } from '../../components/ResultList';
import { formatBytes } from '../../lib/paths';
import { useSession, type RestoreDone } from './session-store';
import './session.css';

function trailLine(givenUp: number): string {
  if (givenUp === 0) return 'No entries given up; the restore is recorded.';
  const entries = givenUp === 1 ? '1 entry' : `${givenUp} entries`;
  return `${entries} recorded after the backup ${givenUp === 1 ? 'is' : 'are'} given up; the restore is recorded.`;
}

export function RestoreDoneNotice({ restored }: { restored: RestoreDone }) {
  const time = new Date(restored.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const rows = [
    { label: 'From', value: restored.path, path: true },
    { label: 'Size', value: formatBytes(restored.bytes) },
    { label: 'Restored at', value: time },
    { label: 'Audit trail', value: trailLine(restored.entriesGivenUp) },
    ...(restored.replacedFile ? [{ label: 'Old workspace kept as', value: restored.replacedFile, path: true }] : []),
  ];
  return (
    <section className="gate-card gate-card-wide" aria-labelledby="restored-title">
      <h1 id="restored-title">Workspace restored</h1>
      <ResultList rows={rows} label="Restore result" />
      <button type="button" className="primary" onClick={() => useSession.getState().acknowledgeRestore()}>
        Continue
      </button>
    </section>
  );
}
