/**
 * Transport over the Electron preload bridge (`window.codedesk`). Once the preload hands the
 * page the window's private call port, calls begun with `begin` (keystroke searches) travel
 * through the call worker on that port, so their replies can be taken in the keystroke's frame;
 * every other call stays on the bridge's IPC.
 */
import type { CodeDeskBridge } from '../../shared/bridge';
import { CALL_PORT_MESSAGE } from '../../shared/ipc-channels';
import type { Result } from '../../shared/result';
import { begunOnRoad, defaultPortRoad, type CallRoad } from './call-roads';
import type { Transport } from './transport';

declare global {
  interface Window {
    /** Present only inside the Electron window (set by the preload). */
    codedesk?: CodeDeskBridge;
  }
}

export function electronTransport(
  bridge: CodeDeskBridge,
  win: Window = window,
  openPortRoad: (port: MessagePort) => CallRoad | null = defaultPortRoad,
): Transport {
  let road: CallRoad | null = null;
  win.addEventListener('message', (event: MessageEvent) => {
    // The preload posts the port into its own window; a message from anywhere else is not it.
    if (event.source !== win || event.data !== CALL_PORT_MESSAGE) return;
    const [port] = event.ports;
    if (!port) return;
    if (road) port.close(); // one port per page load: a second one is not ours to trust
    else road = openPortRoad(port);
  });

  const transport: Transport = {
    call: (method, input) => bridge.api[method](input),
    begin(method, input) {
      const byIpc = () => bridge.api[method](input) as Promise<Result<unknown>>;
      const begun = begunOnRoad(road, method, input, byIpc);
      return (begun ?? { result: transport.call(method, input), take: () => null }) as ReturnType<NonNullable<Transport['begin']>>;
    },
    subscribe: (listener) => bridge.onEvent(listener),
  };
  return transport;
}
