/** Renderer entry: mounts the app. The API transport is picked on first use (lib/api.ts). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { detectTransport, setTransport } from './lib/api';
import './styles/base.css';

// Pick the transport before anything renders, so the session token leaves the address bar at once.
setTransport(detectTransport());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
