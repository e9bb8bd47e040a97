/** The gate screen chosen from the lock or unlock screen's links instead of the passphrase box. */
import { CreateProfileForm } from './CreateProfileForm';
import { RecoverForm } from './RecoverForm';
import { RestoreForm } from './RestoreForm';
import type { GateView } from './session-store';

export function GateAlternative({ gate }: { gate: GateView }) {
  switch (gate.view) {
    case 'recover':
      return <RecoverForm profileId={gate.profileId} />;
    case 'restore':
      return <RestoreForm profileId={gate.profileId} />;
    case 'add':
      return <CreateProfileForm adding />;
  }
}
