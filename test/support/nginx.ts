import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './processes';

// nginx from the Debian packages in front of API processes, configured with the documented file
// tools/nginx/wahlsystem.conf (docs/NGINX.md): only its upstream addresses, listen line and cache
// path are replaced, so the test exercises what an operator installs.

export const nginxAvailable = spawnSync('nginx', ['-v']).error === undefined;

export type Nginx = { readonly baseUrl: string; readonly stop: () => Promise<void> };

const DOCUMENTED = resolve('tools/nginx/wahlsystem.conf');

/** Starts nginx (not as a daemon) on a free port, proxying to `upstreams` (host:port, two of them). */
export async function startNginx(upstreams: readonly [string, string]): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'wahl-nginx-'));
  // The worker processes run as an unprivileged user when nginx is started by root.
  chmodSync(dir, 0o777);
  const port = await freePort();
  const site = readFileSync(DOCUMENTED, 'utf8')
    .replaceAll('127.0.0.1:3000', upstreams[0])
    .replaceAll('127.0.0.1:3001', upstreams[1])
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('/var/cache/nginx/wahlsystem', join(dir, 'cache'));
  writeFileSync(join(dir, 'wahlsystem.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${join(dir, kind)};`).join(' ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 512; }',
      `http { access_log off; ${temp} include ${join(dir, 'wahlsystem.conf')}; }`,
    ].join('\n'),
  );
  const child = spawn('nginx', ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    if (
      await fetch(`${baseUrl}/api/health`).then(
        () => true,
        () => false,
      )
    )
      break;
    if (child.exitCode !== null || waited > 10_000) {
      const log = readFileSync(join(dir, 'error.log'), 'utf8');
      throw new Error(`nginx did not start: ${log}`);
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return {
    baseUrl,
    stop: async () => {
      child.kill('SIGQUIT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
