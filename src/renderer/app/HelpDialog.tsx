/** The "?" panel: every keyboard shortcut. */
import { Dialog } from '../components/Dialog';
import { ShortcutList } from '../components/ShortcutList';
import { CHART_SHORTCUTS, GLOBAL_SHORTCUTS, QUEUE_SHORTCUTS } from './shortcuts';

export function HelpDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <h3 className="help-heading">Queue</h3>
      <ShortcutList shortcuts={QUEUE_SHORTCUTS} />
      <h3 className="help-heading">Chart</h3>
      <ShortcutList shortcuts={CHART_SHORTCUTS} />
      <h3 className="help-heading">Anywhere</h3>
      <ShortcutList shortcuts={GLOBAL_SHORTCUTS} />
    </Dialog>
  );
}
