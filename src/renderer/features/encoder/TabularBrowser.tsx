/**
 * The Tabular List as a tree beside the code detail. ↑/↓ move, → opens (or steps in), ← closes
 * (or steps out), Home/End, Enter adds a billable code (or opens a header). The focused node's
 * notes show in the detail.
 */
import { useEffect, type KeyboardEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { requestAdd, useAddFlow } from './add-flow';
import { CodeDetailPanel } from './CodeDetailPanel';
import { useDetail } from './detail-store';
import { useTree, visibleNodes, type VisibleNode } from './tree-store';
import './encoder.css';

const nodeId = (code: string) => `tree-${code.replace(/[^A-Za-z0-9]/g, '_')}`;

function activate(item: VisibleNode): void {
  const { node } = item;
  if (node.billable) void requestAdd({ system: 'icd10cm', code: node.code, title: node.title, billable: true });
  else if (node.hasChildren) void useTree.getState().toggle(node.code);
  else void requestAdd({ system: 'icd10cm', code: node.code, title: node.title, billable: false });
}

export function TabularBrowser({ onClose }: { onClose(): void }) {
  const children = useTree((s) => s.children);
  const expanded = useTree((s) => s.expanded);
  const focused = useTree((s) => s.focused);
  const error = useTree((s) => s.error);
  const rootLoading = useTree((s) => s.loading[''] === true);
  const message = useAddFlow((s) => s.message);
  const items = visibleNodes(children, expanded);
  const at = Math.max(
    0,
    items.findIndex((i) => i.node.code === focused),
  );
  const current = items[at];

  useEffect(() => {
    useAddFlow.setState({ message: null });
    void useTree.getState().start();
  }, []);

  const focusedCode = current?.node.code;
  useEffect(() => {
    if (!focusedCode) return;
    document.getElementById(nodeId(focusedCode))?.scrollIntoView?.({ block: 'nearest' });
    const level = current.node.level;
    // Chapters and sections have no code detail of their own.
    if (level !== 'chapter' && level !== 'section') void useDetail.getState().open({ system: 'icd10cm', code: focusedCode });
  }, [focusedCode, current?.node.level]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!current || event.altKey || event.ctrlKey || event.metaKey) return;
    const tree = useTree.getState();
    const moveTo = (index: number) => {
      const item = items[Math.min(Math.max(index, 0), items.length - 1)];
      if (item) tree.focus(item.node.code);
    };
    const { node } = current;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(at + 1);
        break;
      case 'ArrowUp':
        moveTo(at - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(items.length - 1);
        break;
      case 'ArrowRight':
        if (node.hasChildren && !expanded[node.code]) void tree.toggle(node.code, true);
        else if (node.hasChildren) moveTo(at + 1);
        break;
      case 'ArrowLeft':
        if (expanded[node.code]) void tree.toggle(node.code, false);
        else if (current.parent) tree.focus(current.parent);
        break;
      case 'Enter':
        activate(current);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <Dialog title="Tabular List" onClose={onClose} className="wide-dialog" initialFocus="[role=tree]">
      <div className="browser-layout">
        <div className="tree-column">
          <p className="muted tree-hint">↑/↓ move · → open · ← close · Enter add a billable code</p>
          <ErrorText message={error} />
          {rootLoading ? <p className="muted">Loading chapters…</p> : null}
          <ul
            className="tabular-tree"
            role="tree"
            tabIndex={0}
            aria-label="Tabular List"
            aria-activedescendant={current ? nodeId(current.node.code) : undefined}
            onKeyDown={onKeyDown}
          >
            {items.map((item, i) => (
              <li
                key={`${item.parent}/${item.node.code}`}
                id={nodeId(item.node.code)}
                role="treeitem"
                aria-level={item.depth}
                aria-posinset={item.posInSet}
                aria-setsize={item.setSize}
                aria-expanded={item.node.hasChildren ? expanded[item.node.code] === true : undefined}
                aria-selected={i === at}
                className={`tree-node depth-${Math.min(item.depth, 8)}${i === at ? ' active' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  useTree.getState().focus(item.node.code);
                  if (item.node.hasChildren) void useTree.getState().toggle(item.node.code);
                }}
                onDoubleClick={() => activate(item)}
              >
                <span className="tree-twisty" aria-hidden="true">
                  {item.node.hasChildren ? (expanded[item.node.code] ? '▾' : '▸') : ''}
                </span>
                <span className="code-value">{item.node.level === 'chapter' ? `Ch ${item.node.code}` : item.node.code}</span>
                <span className="code-title">{item.node.title}</span>
                {item.node.billable ? <span className="code-flag billable">billable</span> : null}
              </li>
            ))}
          </ul>
          <p className="picker-status" role="status">
            {message ?? ''}
          </p>
        </div>
        <CodeDetailPanel canAdd />
      </div>
    </Dialog>
  );
}
