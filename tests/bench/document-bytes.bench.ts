/**
 * What a 5 MB PDF costs on the one call route, to choose between carrying its bytes as base64
 * in documents.get and a second, binary road: main's part (read, base64, audit entry, JSON) and
 * the whole round trip through the browser host's WebSocket with the reply parsed and decoded
 * as the call worker and the viewer do. The structured clone from the call worker to the page
 * is added by cloning the reply once more.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import WebSocket from 'ws';
import { callApi } from '../../src/main/api';
import { CodeDeskApp } from '../../src/main/app';
import { startHostServer } from '../../src/main/host/server';
import { createProfile } from '../../src/main/services/users/profiles';
import { HOST_ROUTES, SOCKET_PROTOCOL } from '../../src/shared/bridge';
import type { BenchModule } from './bench-module';
import { summarise } from './stats';

const BYTES = 5 * 1024 * 1024;
const ROUNDS = 12;

export const documentBytesBench: BenchModule = {
  name: 'documentBytes',
  async run({ repoRoot, tempDir }) {
    const app = new CodeDeskApp({ home: tempDir, resourcesDir: path.join(repoRoot, 'resources') });
    const made = await createProfile(
      tempDir,
      { displayName: 'Bench Coder', role: 'coder', passphrase: 'correct horse battery staple', deviceId: app.deviceId },
      { scrypt: { N: 2 ** 10, r: 8, p: 1 } },
    );
    app.startSession(made.profile, made.key);
    await callApi(app, 'demo.load', {});
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(BYTES - 9)]);
    app
      .requireSession()
      .db.prepare(
        `INSERT INTO documents(id, chart_id, kind, title, author, doc_date, body, seq, content_type, data)
         VALUES ('bench-pdf', 'IP-260102', 'other', 'Bench PDF', 'Bench', '2026-01-01', '', 999, 'application/pdf', ?)`,
      )
      .run(pdf);
    const input = { chartId: 'IP-260102', documentId: 'bench-pdf' };
    const server = await startHostServer({ app, rendererDir: tempDir });
    try {
      const main: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const t = performance.now();
        const result = await callApi(app, 'documents.get', input);
        JSON.stringify({ id: i, result });
        main.push(performance.now() - t);
      }

      const host = `127.0.0.1:${server.port}`;
      const ws = new WebSocket(`ws://${host}${HOST_ROUTES.socket}`, [SOCKET_PROTOCOL, server.token], { origin: `http://${host}` });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const roundTrip: number[] = [];
      let replyBytes = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const t = performance.now();
        const reply = await new Promise<string>((resolve) => {
          ws.once('message', (data: Buffer) => resolve(data.toString()));
          ws.send(JSON.stringify({ id: i + 1, method: 'documents.get', input }));
        });
        const parsed = JSON.parse(reply) as { result: { value: { dataBase64: string } } };
        const cloned = structuredClone(parsed);
        const bytes = Buffer.from(cloned.result.value.dataBase64, 'base64');
        roundTrip.push(performance.now() - t);
        replyBytes = reply.length;
        if (!bytes.equals(pdf)) throw new Error('the bytes came back changed');
      }
      ws.close();
      return { documentBytes: { pdfBytes: BYTES, replyBytes, mainSide: summarise(main), roundTrip: summarise(roundTrip) } };
    } finally {
      await server.close();
      app.close();
    }
  },
};
