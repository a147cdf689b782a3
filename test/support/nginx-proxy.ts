// Debian's nginx in front of test servers, with the worked example deploy/nginx.conf as its
// configuration: the test's node addresses and port are swapped in, and the snippet is wrapped in
// a minimal nginx.conf whose pid, logs and temp folders live in a temp dir. nginx runs in its own
// process group (process-group.ts) and is killed however the test ends. Each response names the node that served it
// (X-Probe-Upstream). Without nginx the tests skip locally and fail under CI=true.
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, killGroup } from './postgres-cluster.js';
import { spawnGroup } from './process-group.js';

const EXAMPLE = fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url));
const CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'];

export const nginxBinary = (): string | undefined => CANDIDATES.find((p) => existsSync(p));

/** True when nginx tests can run; false (with a warning) locally without it; throws under CI. */
export function nginxAvailable(): boolean {
  if (nginxBinary()) return true;
  const hint = 'install it with: apt-get install -y nginx';
  if (process.env.CI === 'true') throw new Error(`nginx is missing and CI=true: the multi-node test must run; ${hint}`);
  console.warn(`nginx tests skipped: no nginx binary; ${hint}`);
  return false;
}

export interface NginxProxy {
  /** The master's pid (its worker shares its process group). */
  pid: number;
  url: string;
  port: number;
  log(): string;
  stop(): Promise<void>;
}

/** deploy/nginx.conf with the test's upstream addresses and listen port in place of the examples. */
export function exampleConfig(upstreams: string[], listenPort: number): string {
  const lines = readFileSync(EXAMPLE, 'utf8').split('\n');
  const marked = (l: string) => l.includes('# replaced by the test');
  const firstServer = lines.findIndex((l) => marked(l) && /^\s*server\s/.test(l));
  const listen = lines.findIndex((l) => marked(l) && /^\s*listen\s/.test(l));
  if (firstServer < 0 || listen < 0) throw new Error('deploy/nginx.conf lost its "# replaced by the test" server and listen lines');
  const template = lines[firstServer] as string;
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i === firstServer) out.push(...upstreams.map((u) => template.replace(/server\s+\S+/, `server ${u}`)));
    else if (i === listen) out.push(line.replace(/listen\s+[^;]+;/, `listen 127.0.0.1:${listenPort};`));
    else if (!(marked(line) && /^\s*server\s/.test(line))) out.push(line);
  });
  return out.join('\n');
}

export async function startNginx(upstreams: string[], options: { workerConnections?: number } = {}): Promise<NginxProxy> {
  const bin = nginxBinary();
  if (!bin) throw new Error('nginx not found');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'probe-nginx-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const conf = `worker_processes 1;
error_log ${dir}/error.log info;
pid ${dir}/nginx.pid;
${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_rlimit_nofile ${2 * (options.workerConnections ?? 1024) + 64};
events { worker_connections ${options.workerConnections ?? 1024}; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  add_header X-Probe-Upstream $upstream_addr always;
${exampleConfig(upstreams, port)}
}
`;
  writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const { child } = spawnGroup(bin, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const onExit = () => killGroup(child);
  process.once('exit', onExit);
  const log = () => `${out}${existsSync(path.join(dir, 'error.log')) ? readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(child);
    process.off('exit', onExit);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid ?? 0, url: `http://127.0.0.1:${port}`, port, log, stop };
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`nginx exited early:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen in time:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
