/**
 * The open chart's physician queries beside the documents: each query with its status and
 * dates, what can be done with it now, and the composer (select text in a document to cite it).
 */
import { useState } from 'react';
import { QUERY_STATUS_LABELS, QUERY_TEMPLATE_IDS, type QueryTemplateId } from '../../../shared/queries';
import type { QueryRecord } from '../../../shared/query-records';
import { QUERY_TEMPLATES } from '../../../shared/query-templates';
import { ErrorText } from '../../components/ErrorText';
import { QueryAnswerForm } from './QueryAnswerForm';
import { QueryCompose } from './QueryCompose';
import { useQueries } from './query-store';
import './queries.css';

const when = (iso: string | null): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

function QueryItem({ query, canWrite }: { query: QueryRecord; canWrite: boolean }) {
  const [path, setPath] = useState('');
  const busy = useQueries((s) => s.busy);
  const store = useQueries.getState;
  const d = query.dates;
  return (
    <li className={`query-item query-${query.status}`}>
      <div className="query-item-head">
        <span className={`status query-status-${query.status}`}>{QUERY_STATUS_LABELS[query.status]}</span>
        <strong>{query.draft.topic === 'custom' ? 'Query' : QUERY_TEMPLATES[query.draft.topic].label}</strong>
        <span className="muted">to {query.draft.addressedTo || '—'}</span>
      </div>
      <p className="query-question">{query.draft.question}</p>
      <p className="muted query-dates">
        Written {when(d.createdAt)}
        {d.sentAt ? ` · sent ${when(d.sentAt)}` : ''}
        {d.answeredAt ? ` · answered ${when(d.answeredAt)}` : ''}
        {d.cancelledAt ? ` · cancelled ${when(d.cancelledAt)}` : ''}
        {d.closedAt ? ` · closed ${when(d.closedAt)}` : ''}
      </p>
      {query.answer ? (
        <p className="query-answer-text">
          Answer: {query.answer.kind === 'option' ? query.draft.options[query.answer.optionIndex ?? 0] : query.answer.kind.replace('_', ' ')}
          {query.answer.text ? ` — “${query.answer.text}”` : ''}
        </p>
      ) : null}
      {canWrite ? (
        <div className="button-row">
          {query.status === 'draft' ? (
            <button type="button" onClick={() => store().edit(query)}>
              Edit draft
            </button>
          ) : null}
          {query.status === 'draft' || query.status === 'sent' ? (
            <button type="button" disabled={busy} onClick={() => void store().cancel(query.id)}>
              Cancel query
            </button>
          ) : null}
          {query.status === 'answered' || query.status === 'cancelled' ? (
            <button type="button" disabled={busy} onClick={() => void store().close(query.id)}>
              Close
            </button>
          ) : null}
        </div>
      ) : null}
      {canWrite && query.status === 'sent' ? <QueryAnswerForm query={query} /> : null}
      {canWrite && query.status !== 'draft' ? (
        <div className="query-export">
          <label className="field">
            <span>Write as a file (full path)</span>
            <input value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} />
          </label>
          <div className="button-row">
            <button type="button" disabled={busy || !path.trim()} onClick={() => void store().exportAs(query.id, 'hl7', path.trim())}>
              HL7 MDM^T02
            </button>
            <button type="button" disabled={busy || !path.trim()} onClick={() => void store().exportAs(query.id, 'fhir', path.trim())}>
              FHIR Communication
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

export function QueryPanel({ canWrite, attending }: { canWrite: boolean; attending: string }) {
  const queries = useQueries((s) => s.queries);
  const draft = useQueries((s) => s.draft);
  const error = useQueries((s) => s.error);
  const notice = useQueries((s) => s.notice);
  const [template, setTemplate] = useState<QueryTemplateId | 'custom'>('custom');
  const store = useQueries.getState;
  return (
    <aside className="query-panel" aria-label="Physician queries">
      <header className="query-panel-head">
        <h3>Physician queries</h3>
        <button type="button" className="link-button" onClick={() => store().hide()}>
          Close
        </button>
      </header>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorText message={error} />
      {canWrite && !draft ? (
        <div className="query-new">
          <label className="field">
            <span>New query</span>
            <select value={template} onChange={(e) => setTemplate(e.target.value as QueryTemplateId | 'custom')}>
              <option value="custom">Written from scratch</option>
              {QUERY_TEMPLATE_IDS.map((id) => (
                <option key={id} value={id}>
                  {QUERY_TEMPLATES[id].label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => store().compose(template, attending)}>
            Compose
          </button>
          {template !== 'custom' ? <p className="field-hint">Look for: {QUERY_TEMPLATES[template].indicatorHints.join('; ')}.</p> : null}
        </div>
      ) : null}
      {draft ? <QueryCompose /> : null}
      {queries.length === 0 ? <p className="muted">No queries on this chart.</p> : null}
      <ol className="query-list">
        {[...queries].reverse().map((q) => (
          <QueryItem key={q.id} query={q} canWrite={canWrite} />
        ))}
      </ol>
    </aside>
  );
}
