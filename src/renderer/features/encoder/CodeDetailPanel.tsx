/**
 * The code in focus: title, billable flag, hierarchy, and every Tabular List note at the level
 * it is written (own notes, then inherited ones by level), with codes in notes as links.
 */
import type { CodeDetail } from '../../../shared/encoder';
import { SYSTEM_LABELS } from '../../lib/labels';
import { requestAdd } from './add-flow';
import { useDetail } from './detail-store';
import { groupNotes, NOTE_KIND_LABELS } from './note-groups';
import { NoteText } from './NoteText';
import './encoder.css';

const follow = (system: CodeDetail['system'], code: string) => void useDetail.getState().open({ system, code }, { follow: true });

export function CodeDetailPanel({ canAdd }: { canAdd: boolean }) {
  const detail = useDetail((s) => s.detail);
  const target = useDetail((s) => s.target);
  const loading = useDetail((s) => s.loading);
  const error = useDetail((s) => s.error);
  const canGoBack = useDetail((s) => s.history.length > 0);

  return (
    <section className="code-detail" aria-labelledby="detail-title" aria-busy={loading}>
      <h2 id="detail-title" className="pane-title">
        Code detail
        {canGoBack ? (
          <button type="button" className="link-button detail-back" onClick={() => void useDetail.getState().back()}>
            ← Back
          </button>
        ) : null}
      </h2>
      {!target ? <p className="muted">Highlight a search result or a coded code to see its notes.</p> : null}
      {target && error ? (
        <p className="muted" role="status">
          No detail for {target.code}: {error}
        </p>
      ) : null}
      {target && loading && !detail ? <p className="muted">Loading {target.code}…</p> : null}
      {detail && !error ? <DetailBody detail={detail} canAdd={canAdd} stale={loading} /> : null}
    </section>
  );
}

function DetailBody({ detail, canAdd, stale }: { detail: CodeDetail; canAdd: boolean; stale: boolean }) {
  const groups = groupNotes(detail.notes, detail.hierarchy, detail.code);
  const open = (code: string) => follow(detail.system, code);
  return (
    <div className={stale ? 'detail-body stale' : 'detail-body'}>
      <div className="detail-head">
        <span className="code-value">{detail.code}</span>
        <span className={detail.billable ? 'code-flag billable' : 'code-flag header'}>
          {detail.billable ? 'billable' : 'header — not billable'}
        </span>
        <span className="code-system">{SYSTEM_LABELS[detail.system]}</span>
        {canAdd && (detail.billable || detail.sevenChr) ? (
          <button
            type="button"
            className="detail-add"
            onClick={() => void requestAdd({ system: detail.system, code: detail.code, title: detail.title, billable: detail.billable })}
          >
            Add {detail.code}
          </button>
        ) : null}
      </div>
      <p className="detail-title">{detail.title}</p>
      {detail.hierarchy.length > 0 ? (
        <nav aria-label="Hierarchy">
          <ol className="hierarchy">
            {detail.hierarchy.map((step) => (
              <li key={step.code}>
                <button type="button" className="code-link" onClick={() => open(step.code)} title={step.title}>
                  {step.level === 'chapter' ? `Ch ${step.code}` : step.code}
                </button>{' '}
                <span className="hierarchy-title">{step.title}</span>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {detail.notesSource?.fallback ? (
        <p className="notes-source" role="note">
          Notes from the {detail.notesSource.label} Tabular List (the chart's year is not imported).
        </p>
      ) : null}
      {detail.notesSource === null && detail.system === 'icd10cm' ? (
        <p className="muted">No Tabular List is imported: notes are not available.</p>
      ) : null}
      {groups.map((group) => (
        <section key={group.from} className={group.inherited ? 'note-group inherited' : 'note-group own'} aria-label={group.heading}>
          <h3 className="note-group-title">{group.inherited ? `Inherited from ${group.heading}` : group.heading}</h3>
          {group.kinds.map(({ kind, notes }) => (
            <div key={kind} className={`note-kind note-${kind}`}>
              <h4 className="note-kind-label">{NOTE_KIND_LABELS[kind]}</h4>
              <ul className="note-list">
                {notes.map((note, i) => (
                  <li key={i}>
                    <NoteText note={note} onOpen={open} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {detail.sevenChr ? (
        <section className="note-group" aria-label="7th characters">
          <h3 className="note-group-title">7th characters (from {detail.sevenChr.from})</h3>
          <ul className="seventh-list">
            {detail.sevenChr.definitions.map((d) => (
              <li key={d.char}>
                <span className="seventh-char">{d.char}</span> {d.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {groups.length === 0 && detail.notesSource ? <p className="muted">No Tabular notes apply to this code.</p> : null}
      {detail.children.length > 0 ? (
        <section className="note-group" aria-label="More specific codes">
          <h3 className="note-group-title">More specific codes</h3>
          <ul className="child-list">
            {detail.children.map((c) => (
              <li key={c.code}>
                <button type="button" className="code-link" onClick={() => open(c.code)}>
                  {c.code}
                </button>{' '}
                {c.title}
                {c.billable ? null : <span className="code-flag header"> header</span>}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
