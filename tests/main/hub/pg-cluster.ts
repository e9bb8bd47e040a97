/**
 * A throwaway PostgreSQL cluster for the hub's tests: `initdb` in a temp folder (as the
 * `postgres` user when the tests run as root, since initdb refuses root), a free port on
 * 127.0.0.1, trust auth on loopback only; `stop()` shuts it down and removes the folder.
 * One cluster per test file; each test takes a fresh database from it.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PgCluster {
  port: number;
  /** A new empty database; its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server (fast) without removing anything: a test of "the database went away". */
  halt(): void;
  /** Starts it again after halt(). */
  resume(): void;
  stop(): void;
}

function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'initdb')));
  if (found) return found;
  throw new Error('PostgreSQL server binaries (initdb) are missing: install the Debian package postgresql (.ci/run does).');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a server binary as `postgres` when we are root, else as ourselves. */
function runPg(bin: string, args: string[]): void {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: 'pipe' });
}

export async function startCluster(): Promise<PgCluster> {
  const bin = pgBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-pg-'));
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  runPg(path.join(bin, 'initdb'), ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`;
  const start = () => runPg(path.join(bin, 'pg_ctl'), ['-D', dir, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  const halt = () => runPg(path.join(bin, 'pg_ctl'), ['-D', dir, '-m', 'immediate', '-w', 'stop']);
  start();
  let running = true;
  return {
    port,
    async createDatabase() {
      const name = `t_${crypto.randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    halt() {
      halt();
      running = false;
    },
    resume() {
      start();
      running = true;
    },
    stop() {
      try {
        if (running) halt();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
