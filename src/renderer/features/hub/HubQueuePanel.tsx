/**
 * A supervisor's team queue on the hub: filter by status and setting, pick charts, assign them
 * to a coder or to a setting's pool, or take a checked-out chart back (its holder's later work
 * goes to the conflicts). Ids, settings and dates only: the hub keeps the charts sealed.
 */
import { useCallback, useEffect, useState } from 'react';
import { SETTINGS, type ChartSetting } from '../../../shared/domain';
import type { HubQueueChart, HubUser } from '../../../shared/hub';
import { ErrorText } from '../../components/ErrorText';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { ROLE_LABELS, SETTING_LABELS } from '../../lib/labels';

type QueueStatus = HubQueueChart['status'];
const STATUS_TEXT: Record<QueueStatus, string> = { unassigned: 'Unassigned', assigned: 'Assigned', leased: 'Checked out', submitted: 'Submitted', on_hold: 'On hold' };

export function HubQueuePanel() {
  const [status, setStatus] = useState<QueueStatus | ''>('unassigned');
  const [setting, setSetting] = useState<ChartSetting | ''>('');
  const [rows, setRows] = useState<HubQueueChart[]>([]);
  const [total, setTotal] = useState(0);
  const [users, setUsers] = useState<HubUser[]>([]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [target, setTarget] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const r = await call('hub.queue', { ...(status ? { status } : {}), ...(setting ? { setting } : {}) });
    if (r.ok) {
      setRows(r.value.charts);
      setTotal(r.value.total);
      setPicked(new Set());
    } else setError(describeError(r.error));
  }, [status, setting]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    void call('hub.users', {}).then((r) => r.ok && setUsers(r.value.filter((u) => u.role !== 'supervisor' && !u.disabled)));
  }, []);

  const toggle = (id: string) =>
    setPicked((p) => {
      const next = new Set(p);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const assignable = rows.filter((r) => r.status === 'unassigned' || r.status === 'assigned');
  const allPicked = assignable.length > 0 && assignable.every((r) => picked.has(r.id));

  const assign = async () => {
    setError(null);
    setDone(null);
    const chartIds = [...picked];
    const pool = target.startsWith('pool:') ? (target.slice(5) as ChartSetting) : null;
    const r = await call('hub.assign', pool ? { chartIds, pool } : { chartIds, userId: target });
    if (!r.ok) return setError(describeError(r.error));
    const who = pool ? `the ${SETTING_LABELS[pool]} pool` : (users.find((u) => u.id === target)?.name ?? 'the coder');
    setDone(`${r.value.assigned} chart${r.value.assigned === 1 ? '' : 's'} assigned to ${who}.`);
    await reload();
  };

  const revoke = async (chartId: string) => {
    setError(null);
    const r = await call('hub.revokeLease', { chartId });
    if (!r.ok) return setError(describeError(r.error));
    setDone(`Chart ${chartId} taken back: it waits for its assignee again.`);
    await reload();
  };

  return (
    <section className="hub-section hub-wide" aria-labelledby="hub-queue">
      <h2 id="hub-queue">Team queue</h2>
      <div className="hub-form">
        <label className="field">
          <span>Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as QueueStatus | '')}>
            <option value="">Any</option>
            {(Object.keys(STATUS_TEXT) as QueueStatus[]).map((s) => (
              <option key={s} value={s}>
                {STATUS_TEXT[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Setting</span>
          <select value={setting} onChange={(e) => setSetting(e.target.value as ChartSetting | '')}>
            <option value="">Any</option>
            {SETTINGS.map((s) => (
              <option key={s} value={s}>
                {SETTING_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <span className="toolbar-spacer" />
        <label className="field">
          <span>Assign {picked.size} chosen to</span>
          <select value={target} onChange={(e) => setTarget(e.target.value)} aria-label="Assign to">
            <option value="">Choose…</option>
            <optgroup label="A coder">
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({ROLE_LABELS[u.role]})
                </option>
              ))}
            </optgroup>
            <optgroup label="A pool (any coder checks out)">
              {SETTINGS.map((s) => (
                <option key={s} value={`pool:${s}`}>
                  {SETTING_LABELS[s]} pool
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <button type="button" className="primary" disabled={picked.size === 0 || target === ''} onClick={() => void assign()}>
          Assign
        </button>
      </div>
      {done ? <p className="hub-done" role="status">{done}</p> : null}
      <ErrorText message={error} />
      <p className="muted hub-count">
        {rows.length < total ? `The first ${rows.length} of ${total} charts, oldest service date first.` : `${total} chart${total === 1 ? '' : 's'}.`}
      </p>
      <div className="hub-table-wrap">
        <table className="hub-table">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label="Choose every assignable chart shown"
                  checked={allPicked}
                  disabled={assignable.length === 0}
                  onChange={() => setPicked(allPicked ? new Set() : new Set(assignable.map((r) => r.id)))}
                />
              </th>
              <th>Chart</th>
              <th>Setting</th>
              <th>Service date</th>
              <th>Status</th>
              <th>Assigned to</th>
              <th>Checked out by</th>
              <th>Lease ends</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.status === 'unassigned' || r.status === 'assigned' ? (
                    <input type="checkbox" aria-label={`Choose ${r.id}`} checked={picked.has(r.id)} onChange={() => toggle(r.id)} />
                  ) : null}
                </td>
                <td className="mono">{r.id}</td>
                <td>{SETTING_LABELS[r.setting]}</td>
                <td>{r.serviceDate}</td>
                <td>{STATUS_TEXT[r.status]}</td>
                <td>{r.assigneeName ?? (r.pool ? `${SETTING_LABELS[r.pool]} pool` : '—')}</td>
                <td>{r.leaseUserName ?? '—'}</td>
                <td>{r.leaseExpiresAt ? r.leaseExpiresAt.slice(0, 16).replace('T', ' ') : '—'}</td>
                <td>
                  {r.status === 'leased' ? (
                    <button type="button" onClick={() => void revoke(r.id)}>
                      Take back
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
