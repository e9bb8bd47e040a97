/**
 * Why a submit (or another chart action) was refused, shown where the coder cannot miss it.
 * Errors must be fixed; warnings only need the coder's acknowledgement, which is recorded.
 */
import { problemKey } from '../../../shared/domain';
import { useChart } from './chart-store';
import { useCoding } from '../coding/coding-store';
import { ProblemList } from '../coding/FindingsPanel';
import { useWorkflow } from './workflow-store';

export function SubmitBlocked() {
  const blocked = useWorkflow((s) => s.blocked);
  const error = useWorkflow((s) => s.error);
  const busy = useWorkflow((s) => s.busy);
  const current = useCoding((s) => s.problems);
  const chartId = useChart((s) => s.chartId);

  // What the coder has fixed since the refused submit leaves the banner as the findings refresh.
  const stillOpen = blocked ? blocked.filter((p) => current.some((c) => problemKey(c) === problemKey(p))) : [];
  const errors = stillOpen.filter((p) => p.severity === 'error');
  const warnings = stillOpen.filter((p) => p.severity === 'warning');
  if (!error && errors.length === 0 && warnings.length === 0) return null;

  const title = errors.length > 0 ? 'This chart was not submitted. Fix these first:' : warnings.length > 0 ? 'Review these warnings before submitting:' : error;
  return (
    <div className="submit-blocked" role="alert">
      <div className="submit-blocked-head">
        <strong>{title}</strong>
        <button type="button" className="link-button" onClick={() => useWorkflow.getState().dismiss()}>
          Dismiss
        </button>
      </div>
      {errors.length > 0 ? <ProblemList problems={errors} /> : null}
      {errors.length === 0 && warnings.length > 0 ? (
        <>
          <ProblemList problems={warnings} />
          <button
            type="button"
            className="primary"
            disabled={busy !== null || !chartId}
            onClick={() => chartId && void useWorkflow.getState().submit(chartId, warnings.map(problemKey))}
          >
            I have reviewed these warnings: submit
          </button>
        </>
      ) : null}
    </div>
  );
}
