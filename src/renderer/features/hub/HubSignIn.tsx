/** Sign in to the team's hub with this profile's role's account; the password goes to main and the hub, nowhere else. */
import { useState, type FormEvent } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useHub } from './hub-store';

export function HubSignIn() {
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await call('hub.signIn', { url, user, password });
    setBusy(false);
    setPassword('');
    if (r.ok) useHub.getState().receive(r.value);
    else setError(describeError(r.error));
  };

  return (
    <section className="hub-section" aria-labelledby="hub-signin">
      <h2 id="hub-signin">Sign in to your team’s hub</h2>
      <p className="muted">
        Your charts stay in this encrypted workspace; the hub hands out charts and receives your work when you are online. You can code offline at any time.
      </p>
      <form className="hub-form" onSubmit={(e) => void submit(e)}>
        <label className="field hub-grow">
          <span>Hub address</span>
          <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hub.example.org:8443" autoComplete="url" spellCheck={false} required />
        </label>
        <label className="field">
          <span>Hub user name</span>
          <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" spellCheck={false} required />
        </label>
        <label className="field">
          <span>Hub password</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </label>
        <button type="submit" className="primary" disabled={busy || !url || !user || !password}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <ErrorText message={error} />
    </section>
  );
}
