/** The encoder's dialogs over the chart screen. */
import { IndexTables } from './IndexTables';
import { PcsBuilder } from './PcsBuilder';
import { SeventhCharDialog } from './SeventhCharDialog';
import { TabularBrowser } from './TabularBrowser';
import { useEncoderUi } from './encoder-ui';

export function EncoderDialogs() {
  const open = useEncoderUi((s) => s.open);
  const close = useEncoderUi((s) => s.close);
  return (
    <>
      {open === 'tree' ? <TabularBrowser onClose={close} /> : null}
      {open === 'pcs' ? <PcsBuilder onClose={close} /> : null}
      {open === 'tables' ? <IndexTables onClose={close} /> : null}
      <SeventhCharDialog />
    </>
  );
}
