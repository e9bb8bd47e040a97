/**
 * Adding an auditor or supervisor profile to a device with profiles: a supervisor of this
 * device approves it with their passphrase (main enforces it; users/profile-approval.ts).
 */
import type { ProfileSummary } from '../../../shared/domain';
import './session.css';

export interface ApprovalValue {
  profileId: string;
  passphrase: string;
}

export function ApprovalFields(props: { supervisors: ProfileSummary[]; value: ApprovalValue; onChange(value: ApprovalValue): void }) {
  const { supervisors, value, onChange } = props;
  return (
    <fieldset className="approval">
      <legend>Approval by a supervisor</legend>
      <label className="field">
        <span>Approving supervisor</span>
        <select value={value.profileId || supervisors[0]?.id} onChange={(e) => onChange({ ...value, profileId: e.target.value })}>
          {supervisors.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Supervisor’s passphrase</span>
        <input
          type="password"
          value={value.passphrase}
          onChange={(e) => onChange({ ...value, passphrase: e.target.value })}
          autoComplete="off"
        />
      </label>
    </fieldset>
  );
}
