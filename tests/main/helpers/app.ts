/** A real CodeDeskApp on a temp home, with the repo's resources, for API-level tests. */
import { afterEach } from 'vitest';
import { callApi } from '../../../src/main/api';
import { CodeDeskApp } from '../../../src/main/app';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/result';
import { RESOURCES, tempDir } from './temp';

const apps: CodeDeskApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});

export const PASSPHRASE = 'correct horse battery staple';

/** `now`: a test clock (e.g. to let active time pass); the real one by default. */
export function testApp(home = tempDir('codedesk-app-'), now?: () => Date): CodeDeskApp {
  const app = new CodeDeskApp({ home, resourcesDir: RESOURCES, ...(now ? { now } : {}) });
  apps.push(app);
  return app;
}

export function call<M extends MethodName>(app: CodeDeskApp, method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  return callApi(app, method, input);
}

/** Calls and unwraps, failing the test with the error message if the call failed. */
export async function must<M extends MethodName>(app: CodeDeskApp, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await callApi(app, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** A coder profile, unlocked, with the demo workspace loaded. */
export async function demoApp(): Promise<{ app: CodeDeskApp; profileId: string }> {
  const app = testApp();
  const { profile } = await must(app, 'profiles.create', { displayName: 'Dana Coder', role: 'coder', passphrase: PASSPHRASE });
  await must(app, 'demo.load', {});
  return { app, profileId: profile.id };
}
