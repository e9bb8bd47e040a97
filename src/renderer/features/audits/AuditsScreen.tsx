/**
 * Audits. An auditor draws a seeded sample, audits a chart blind or in review, reads the typed
 * findings and decides on rebuttals, and sends the findings to the coder (or every committed audit to a supervisor); a coder answers the
 * findings on their charts; everyone sees accuracy, both measures labelled, with 95% intervals.
 */
import { useEffect, useState } from 'react';
import type { AccuracyGroup, AccuracyMeasure } from '../../../shared/accuracy';
import type { AuditAccuracyReport } from '../../../shared/audits';
import type { ChartSetting } from '../../../shared/domain';
import { SETTING_LABELS } from '../../lib/labels';
import { ErrorText } from '../../components/ErrorText';
import { useRoute } from '../../app/route-store';
import { call } from '../../lib/api';
import { useSession } from '../session/session-store';
import { AuditFindings } from './AuditFindings';
import { useAudits } from './audits-store';
import './audits.css';

const measure = (m: AccuracyMeasure): string =>
  m.percent === null ? '—' : `${m.percent}%${m.ci ? ` (95% CI ${m.ci.low}–${m.ci.high}%)` : ''}`;

function SampleForm() {
  const [size, setSize] = useState('10');
  const [strata, setStrata] = useState<'none' | 'coder' | 'setting'>('none');
  const [seed, setSeed] = useState('');
  const busy = useAudits((s) => s.busy);
  const sample = useAudits((s) => s.sample);
  const draw = () => {
    const percent = /^(\d+(?:\.\d+)?)%$/.exec(size.trim());
    void useAudits.getState().draw({ size: percent ? { percent: Number(percent[1]) } : { count: Number(size) }, strata, ...(seed.trim() ? { seed: seed.trim() } : {}) });
  };
  const start = async (chartId: string, mode: 'blind' | 'review') => {
    const view = await useAudits.getState().start(chartId, mode);
    if (view) useRoute.getState().openAudit(view.chartId, view.id);
  };
  return (
    <section className="audit-panel" aria-labelledby="sample-title">
      <h2 id="sample-title">Draw a sample</h2>
      <form className="audit-sample-form" noValidate onSubmit={(e) => (e.preventDefault(), draw())}>
        <label className="field">
          <span>Size (a count, or a percent such as 5%)</span>
          <input value={size} onChange={(e) => setSize(e.target.value)} />
        </label>
        <label className="field">
          <span>Stratified by</span>
          <select value={strata} onChange={(e) => setStrata(e.target.value as 'none' | 'coder' | 'setting')}>
            <option value="none">Nothing (simple random)</option>
            <option value="coder">Coder</option>
            <option value="setting">Setting</option>
          </select>
        </label>
        <label className="field">
          <span>Seed (optional)</span>
          <input value={seed} onChange={(e) => setSeed(e.target.value)} placeholder="random" />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          Draw
        </button>
      </form>
      {sample ? (
        <>
          <p role="status">
            {sample.chartIds.length} of {sample.population} submitted charts coded by others, seed <strong>{sample.seed}</strong> (the same seed on the same charts draws the same sample).
          </p>
          <ul className="audit-sample">
            {sample.chartIds.map((id) => (
              <li key={id}>
                <span className="mono">{id}</span>
                <button type="button" onClick={() => void start(id, 'blind')}>
                  Audit blind
                </button>
                <button type="button" onClick={() => void start(id, 'review')}>
                  Audit in review
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Findings to a coder (to agree or rebut), or every committed audit to a supervisor (the team's accuracy). */
function SendFindings({ coderIds, supervisorIds, names }: { coderIds: string[]; supervisorIds: string[]; names: Record<string, string> }) {
  const [to, setTo] = useState('');
  const [path, setPath] = useState('');
  return (
    <section className="audit-panel" aria-labelledby="send-title">
      <h2 id="send-title">Send audits</h2>
      <div className="audit-sample-form">
        <label className="field">
          <span>To</span>
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">Choose…</option>
            {coderIds.length > 0 ? (
              <optgroup label="A coder: the findings on their charts, to answer">
                {coderIds.map((id) => (
                  <option key={id} value={id}>
                    {names[id] ?? id}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {supervisorIds.length > 0 ? (
              <optgroup label="A supervisor: all your committed audits, for the team’s accuracy">
                {supervisorIds.map((id) => (
                  <option key={id} value={id}>
                    {names[id] ?? id}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </label>
        <label className="field">
          <span>Package file (full path)</span>
          <input value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} />
        </label>
        <button type="button" disabled={!to || !path.trim()} onClick={() => void useAudits.getState().send(to, path.trim())}>
          Write package
        </button>
      </div>
    </section>
  );
}

/** Both measures per coder, per setting and per week, each with its interval. */
function AccuracyTables({ report, names }: { report: AuditAccuracyReport; names: Record<string, string> }) {
  const groups: [string, AccuracyGroup[], (key: string) => string][] = [
    ['Coder', report.byCoder, (k) => names[k] ?? k],
    ['Setting', report.bySetting, (k) => SETTING_LABELS[k as ChartSetting] ?? k],
    ['Week', report.byWeek, (k) => k],
  ];
  return (
    <section className="audit-panel audit-accuracy-tables" aria-label="Accuracy by coder, setting and week">
      {groups.map(([title, rows, label]) => (
        <table key={title} className="data-table">
          <thead>
            <tr>
              <th>{title}</th>
              <th className="num">Code level</th>
              <th className="num">Record level</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.key}>
                <td>{label(g.key)}</td>
                <td className="num">{measure(g.summary.codeLevel)}</td>
                <td className="num">{measure(g.summary.recordLevel)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

export function AuditsScreen() {
  const role = useSession((s) => s.status?.profile?.role ?? 'coder');
  const audits = useAudits((s) => s.audits);
  const accuracy = useAudits((s) => s.accuracy);
  const openId = useAudits((s) => s.openId);
  const error = useAudits((s) => s.error);
  const notice = useAudits((s) => s.notice);
  const routeNotice = useRoute((s) => s.notice);
  useEffect(() => {
    void useAudits.getState().load();
  }, []);
  const open = audits.find((a) => a.id === openId) ?? null;
  const [names, setNames] = useState<Record<string, string>>({});
  const [supervisorIds, setSupervisorIds] = useState<string[]>([]);
  useEffect(() => {
    void call('packages.recipients', {}).then((r) => {
      if (!r.ok) return;
      setNames(Object.fromEntries([r.value.self, ...r.value.recipients].map((p) => [p.profileId, p.displayName])));
      setSupervisorIds(r.value.recipients.filter((p) => p.role === 'supervisor').map((p) => p.profileId));
    });
  }, []);
  const coderIds = [...new Set(audits.filter((a) => a.status === 'committed').map((a) => a.coderId))];
  return (
    <main className="audits-screen" aria-label="Audits">
      <h1>{role === 'coder' ? 'Audits of my charts' : 'Audits'}</h1>
      {routeNotice || notice ? (
        <p className="notice" role="status">
          {notice ?? routeNotice}
        </p>
      ) : null}
      <ErrorText message={error} />
      {accuracy ? (
        <section className="audit-accuracy" aria-label="Accuracy, last 90 days">
          <div>
            <span className="metric-label-plain">{accuracy.team.codeLevel.label}</span>
            <strong>{measure(accuracy.team.codeLevel)}</strong>
            <span className="muted">
              {accuracy.team.codeLevel.agreed} of {accuracy.team.codeLevel.considered} codes
            </span>
          </div>
          <div>
            <span className="metric-label-plain">{accuracy.team.recordLevel.label}</span>
            <strong>{measure(accuracy.team.recordLevel)}</strong>
            <span className="muted">
              {accuracy.team.recordLevel.unchanged} of {accuracy.team.recordLevel.audited} charts with no change
            </span>
          </div>
        </section>
      ) : null}
      {accuracy && accuracy.team.recordLevel.audited > 0 ? <AccuracyTables report={accuracy} names={names} /> : null}
      {role === 'auditor' ? <SampleForm /> : null}
      <section className="audit-panel" aria-labelledby="audits-title">
        <h2 id="audits-title">{role === 'coder' ? 'Findings on my charts' : 'Audits'}</h2>
        {audits.length === 0 ? <p className="muted">No audits yet.</p> : null}
        <table className="data-table">
          <tbody>
            {audits.map((a) => (
              <tr key={a.id} className={a.id === openId ? 'selected' : undefined}>
                <td className="mono">{a.chartId}</td>
                <td>{a.mode}</td>
                <td>{a.status === 'committed' ? `committed ${a.committedAt?.slice(0, 10)}` : 'in progress'}</td>
                <td>{a.status === 'committed' ? `${a.findings.length} finding(s), ${a.findings.filter((f) => f.outcome === 'open' || f.outcome === 'rebutted').length} awaiting an answer` : ''}</td>
                <td>
                  {a.status === 'committed' ? (
                    <button type="button" onClick={() => useAudits.getState().open(a.id)}>
                      Findings
                    </button>
                  ) : role === 'auditor' ? (
                    <button type="button" onClick={() => useRoute.getState().openAudit(a.chartId, a.id)}>
                      Continue
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {open ? <AuditFindings audit={open} role={role} /> : null}
      {role === 'auditor' && coderIds.length > 0 ? <SendFindings coderIds={coderIds} supervisorIds={supervisorIds} names={names} /> : null}
    </main>
  );
}
