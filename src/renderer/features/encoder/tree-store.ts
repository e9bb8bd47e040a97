/**
 * The Tabular List tree: children loaded on demand per parent (chapters at the root), which
 * nodes are expanded, and the focused node. Flattened for a single keyboard-driven list.
 */
import { create } from 'zustand';
import type { TabularNode } from '../../../shared/encoder';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { registerChartReset, registerStoreReset } from '../../lib/store-registry';
import { usePicker } from '../coding/picker-store';

const ROOT = '';

export interface VisibleNode {
  node: TabularNode;
  depth: number;
  parent: string;
  posInSet: number;
  setSize: number;
}

interface TreeData {
  /** Parent code ('' = root) → children, once loaded. */
  children: Record<string, TabularNode[]>;
  expanded: Record<string, true>;
  loading: Record<string, true>;
  focused: string | null;
  error: string | null;
}

interface TreeActions {
  /** Loads the chapters when not loaded yet. */
  start(): Promise<void>;
  toggle(code: string, open?: boolean): Promise<void>;
  focus(code: string): void;
}

const initial: TreeData = { children: {}, expanded: {}, loading: {}, focused: null, error: null };
/** Bumped on reset: a reply for the last chart's date is dropped. */
let epoch = 0;

export const useTree = create<TreeData & TreeActions>()((set, get) => {
  const load = async (parent: string): Promise<void> => {
    if (get().children[parent] || get().loading[parent]) return;
    const mine = epoch;
    set({ loading: { ...get().loading, [parent]: true }, error: null });
    const date = usePicker.getState().date;
    const result = await call('codes.browse', { parent: parent === ROOT ? null : parent, ...(date ? { date } : {}) });
    if (mine !== epoch) return;
    const { [parent]: _done, ...loading } = get().loading;
    if (!result.ok) {
      set({ loading, error: describeError(result.error) });
      return;
    }
    set({ loading, children: { ...get().children, [parent]: result.value } });
  };

  return {
    ...initial,

    async start() {
      await load(ROOT);
      const first = get().children[ROOT]?.[0];
      if (get().focused === null && first) set({ focused: first.code });
    },

    async toggle(code, open) {
      const isOpen = get().expanded[code] === true;
      const want = open ?? !isOpen;
      if (want === isOpen) return;
      if (!want) {
        const { [code]: _closed, ...expanded } = get().expanded;
        set({ expanded });
        return;
      }
      set({ expanded: { ...get().expanded, [code]: true } });
      await load(code);
    },

    focus(code) {
      set({ focused: code });
    },
  };
});

/** The nodes on screen, in order: each expanded node is followed by its loaded children. */
export function visibleNodes(children: TreeData['children'], expanded: TreeData['expanded']): VisibleNode[] {
  const out: VisibleNode[] = [];
  const walk = (parent: string, depth: number) => {
    const list = children[parent] ?? [];
    list.forEach((node, i) => {
      out.push({ node, depth, parent, posInSet: i + 1, setSize: list.length });
      if (expanded[node.code] && node.hasChildren) walk(node.code, depth + 1);
    });
  };
  walk(ROOT, 1);
  return out;
}

const reset = () => {
  epoch++;
  useTree.setState(initial);
};
registerStoreReset(reset, { holdsPhi: false });
// Children are read for the chart's date (its code-set version): the next chart reads afresh.
registerChartReset(reset);
