/** Why a submit (or another chart action) was refused, shown where the coder cannot miss it. */
import type { ValidationProblem } from '../../../shared/domain';
import { useCoding } from '../coding/coding-store';
import { ProblemList } from '../coding/FindingsPanel';
import { useWorkflow } from './workflow-store';

const keyOf = (p: ValidationProblem): string => `${p.rule}|${p.codes.join(',')}`;

export function SubmitBlocked() {
  const blocked = useWorkflow((s) => s.blocked);
  const error = useWorkflow((s) => s.error);
  const current = useCoding((s) => s.problems);

  // Errors the coder has fixed since the refused submit leave the banner as the findings refresh.
  const stillOpen = blocked ? blocked.filter((p) => p.severity === 'error' && current.some((c) => keyOf(c) === keyOf(p))) : null;
  if (!error && (!stillOpen || stillOpen.length === 0)) return null;
  return (
    <div className="submit-blocked" role="alert">
      <div className="submit-blocked-head">
        <strong>{stillOpen && stillOpen.length > 0 ? 'This chart was not submitted. Fix these first:' : error}</strong>
        <button type="button" className="link-button" onClick={() => useWorkflow.getState().dismiss()}>
          Dismiss
        </button>
      </div>
      {stillOpen && stillOpen.length > 0 ? <ProblemList problems={stillOpen} /> : null}
    </div>
  );
}
