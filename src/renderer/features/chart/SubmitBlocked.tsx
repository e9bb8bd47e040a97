/** Why a submit (or another chart action) was refused, shown where the coder cannot miss it. */
import { ProblemList } from '../coding/FindingsPanel';
import { useWorkflow } from './workflow-store';

export function SubmitBlocked() {
  const blocked = useWorkflow((s) => s.blocked);
  const error = useWorkflow((s) => s.error);

  if (!blocked && !error) return null;
  return (
    <div className="submit-blocked" role="alert">
      <div className="submit-blocked-head">
        <strong>{blocked ? 'This chart was not submitted. Fix these first:' : error}</strong>
        <button type="button" className="link-button" onClick={() => useWorkflow.getState().dismiss()}>
          Dismiss
        </button>
      </div>
      {blocked ? <ProblemList problems={blocked} /> : null}
    </div>
  );
}
