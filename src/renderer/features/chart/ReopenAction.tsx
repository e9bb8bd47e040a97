/** "Reopen for correction" on a submitted chart, for the roles that code; and the version tag of the header. */
import { useState } from 'react';
import type { ChartDetail } from '../../../shared/domain';
import { REOPEN_REASON_LABELS } from '../../lib/labels';
import { CODE_SEARCH_ID } from '../coding/CodePicker';
import { useSession } from '../session/session-store';
import { ReopenDialog } from './ReopenDialog';
import { useVersions } from './versions-store';
import './versions.css';

export function ReopenAction({ detail }: { detail: ChartDetail }) {
  const role = useSession((s) => s.status?.profile?.role ?? null);
  const [open, setOpen] = useState(false);
  // Supervisors review but do not code, so they cannot take a chart back into coding.
  if (detail.status !== 'submitted' || (role !== 'coder' && role !== 'auditor')) return null;
  const close = () => {
    useVersions.getState().clearReopenError();
    setOpen(false);
  };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Reopen for correction…
      </button>
      {open ? (
        <ReopenDialog
          chartId={detail.id}
          version={detail.version}
          onClose={close}
          onReopened={() => {
            setOpen(false);
            // Ready for typing the correction, as a freshly opened chart is.
            setTimeout(() => document.getElementById(CODE_SEARCH_ID)?.focus(), 0);
          }}
        />
      ) : null}
    </>
  );
}

/** "v2 (reopened: Audit finding)"; nothing for a chart never reopened. */
export function VersionTag({ detail }: { detail: ChartDetail }) {
  if (detail.version < 2) return null;
  const reason = detail.reopened ? REOPEN_REASON_LABELS[detail.reopened.reason] : null;
  return (
    <span className="version-tag" title={detail.reopened?.note || undefined}>
      v{detail.version}
      {reason ? ` (reopened: ${reason})` : ''}
    </span>
  );
}
