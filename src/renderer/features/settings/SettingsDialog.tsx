/** Settings from the header: the automatic lock, the active-time threshold, and a backup of this profile's workspace. */
import { Dialog } from '../../components/Dialog';
import { ActivityIdleSection } from './ActivityIdleSection';
import { BackupSection } from './BackupSection';
import { IdleLockSection } from './IdleLockSection';
import './settings.css';

export function SettingsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Settings" onClose={onClose} className="settings-dialog">
      <IdleLockSection />
      <ActivityIdleSection />
      <BackupSection />
    </Dialog>
  );
}
