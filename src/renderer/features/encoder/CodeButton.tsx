/** A coded code as a button: click (or Enter) shows it in the code detail. */
import type { CodeSystem } from '../../../shared/domain';
import { useDetail } from './detail-store';

export function CodeButton({ system, code }: { system: CodeSystem; code: string }) {
  return (
    <button
      type="button"
      className="code-value code-link coded-code"
      aria-label={`Show ${code} details`}
      onClick={() => void useDetail.getState().open({ system, code })}
    >
      {code}
    </button>
  );
}
