/** Transport over the Electron preload bridge (`window.codedesk`). */
import type { CodeDeskBridge } from '../../shared/bridge';
import type { Transport } from './transport';

declare global {
  interface Window {
    /** Present only inside the Electron window (set by the preload). */
    codedesk?: CodeDeskBridge;
  }
}

export function electronTransport(bridge: CodeDeskBridge): Transport {
  return {
    call: (method, input) => bridge.api[method](input),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
