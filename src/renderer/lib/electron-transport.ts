/**
 * Transport inside the Electron window: calls travel as on the browser host, through the call
 * worker (worker-calls.ts), on the window's private call port, which the preload posts into the
 * page once per page load; calls made before it comes wait in the worker. Events come through
 * the preload's bridge (`window.codedesk`).
 */
import type { CodeDeskBridge } from '../../shared/bridge';
import { CALL_PORT_MESSAGE } from '../../shared/ipc-channels';
import type { Transport } from './transport';
import { callsOverWorker, startCallWorker, type StartCallWorker } from './worker-calls';

declare global {
  interface Window {
    /** Present only inside the Electron window (set by the preload). */
    codedesk?: CodeDeskBridge;
  }
}

export function electronTransport(bridge: CodeDeskBridge, win: Window = window, start: StartCallWorker = startCallWorker): Transport {
  const channel = start();
  let connected = false;
  win.addEventListener('message', (event: MessageEvent) => {
    // The preload posts the port into its own window; a message from anywhere else is not it.
    if (event.source !== win || event.data !== CALL_PORT_MESSAGE) return;
    const [port] = event.ports;
    if (!port) return;
    if (connected || !channel) return port.close(); // one port per page load: a second one is not ours to trust
    connected = true;
    channel.connect({ port });
  });
  return { ...callsOverWorker(channel), subscribe: (listener) => bridge.onEvent(listener) };
}
