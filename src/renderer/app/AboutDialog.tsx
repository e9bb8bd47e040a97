/** About: what the code data is and where it comes from. */
import { Dialog } from '../components/Dialog';
import { CDC_CMS_NOTICE, CPT_NOTICE, DEMO_NOTICE } from './notices';

export function AboutDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="About CodeDesk" onClose={onClose}>
      <p>CodeDesk: an offline, encrypted workstation for medical coders.</p>
      <p>{CDC_CMS_NOTICE}</p>
      <p>{CPT_NOTICE}</p>
      <p>{DEMO_NOTICE}</p>
    </Dialog>
  );
}
