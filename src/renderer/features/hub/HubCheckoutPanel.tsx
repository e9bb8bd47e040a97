/** A coder asks the hub for more charts: assigned to them first, then their settings' pools. */
import { useState } from 'react';
import { useRoute } from '../../app/route-store';
import { ErrorText } from '../../components/ErrorText';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useHub } from './hub-store';

/** `forAudit`: an auditor's second panel, submitted charts of other coders to audit. */
export function HubCheckoutPanel({ forAudit = false }: { forAudit?: boolean }) {
  const [count, setCount] = useState('20');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const n = Number(count);

  const checkOut = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    const r = forAudit ? await call('hub.auditCheckout', { count: n }) : await call('hub.checkout', { count: n });
    setBusy(false);
    if (!r.ok) return setError(describeError(r.error));
    const { imported, renewed, clashing } = r.value;
    const none = forAudit ? 'No submitted charts are waiting for audit on the hub.' : 'No charts are waiting for you on the hub.';
    const got = `${imported} chart${imported === 1 ? '' : 's'} ${forAudit ? 'to audit ' : ''}checked out to this computer.`;
    const parts = [imported === 0 && renewed === 0 ? none : got];
    if (renewed > 0) parts.push(`${renewed} already here leased to you again (your work on them is kept).`);
    if (clashing > 0) parts.push(`${clashing} clash with charts here that did not come from the hub and were left out.`);
    setDone(parts.join(' '));
    void useHub.getState().load();
  };

  return (
    <section className="hub-section" aria-labelledby={forAudit ? 'hub-audit-checkout' : 'hub-checkout'}>
      <h2 id={forAudit ? 'hub-audit-checkout' : 'hub-checkout'}>{forAudit ? 'Get charts to audit' : 'Get charts'}</h2>
      <p className="muted">
        {forAudit
          ? 'Submitted charts of other coders, with their codes: sample and audit them on the Audits screen; committed audits go to the hub at the next sync.'
          : 'Charts you check out are leased to this computer: code them online or offline, and your work goes back at the next sync.'}
      </p>
      <div className="hub-form">
        <label className="field">
          <span>How many</span>
          <input type="number" min={1} max={200} value={count} onChange={(e) => setCount(e.target.value)} />
        </label>
        <button type="button" className="primary" disabled={busy || !Number.isInteger(n) || n < 1 || n > 200} onClick={() => void checkOut()}>
          {busy ? 'Checking out…' : forAudit ? 'Check out for audit' : 'Check out charts'}
        </button>
        {done ? (
          <button type="button" onClick={() => (forAudit ? useRoute.getState().showAudits() : useRoute.getState().showQueue())}>
            {forAudit ? 'Open Audits' : 'Open the queue'}
          </button>
        ) : null}
      </div>
      {done ? <p className="hub-done" role="status">{done}</p> : null}
      <ErrorText message={error} />
    </section>
  );
}
