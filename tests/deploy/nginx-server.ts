import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';

/** deploy/nginx.conf, the file docs/deploy.md tells a web team to install. */
export const DEPLOY_NGINX_CONF = join(PROJECT_ROOT, 'deploy', 'nginx.conf');

const inCi = process.env['CI'] === 'true' || process.env['CI'] === '1';

/** The nginx binary on PATH, if any (Debian: `apt-get install -y nginx`). */
export const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((p) => existsSync(p));

/** Skipped only on a developer's machine without nginx; under CI=true a missing nginx fails the tests. */
export const skipNginxTests = !nginxBinary && !inCi;

if (!nginxBinary) {
  const line = '!'.repeat(78);
  console.error(
    `\n${line}\n!! NGINX TESTS CANNOT RUN: no nginx binary.\n!! Install it with: apt-get install -y nginx\n!! ${inCi ? 'CI=true: this is a FAILURE.' : 'Skipping the tests of deploy/nginx.conf.'}\n${line}\n`,
  );
}

/**
 * deploy/nginx.conf as it is installed, for a portal at `base` (`/yjsgk/` as
 * written, or `/` by the substitution docs/deploy.md tells a web team to make),
 * listening on a loopback port and serving `root`. Each replaced line must be
 * found as written, so an edit of the documented file cannot slip past the test.
 */
export function adaptConfig(text: string, base: string, port: number, root: string): string {
  const replace = (from: string, to: string, s: string): string => {
    if (!s.includes(from)) throw new Error(`deploy/nginx.conf no longer contains ${JSON.stringify(from)}`);
    return s.replace(from, to);
  };
  let conf = replace('    listen 80;', `    listen 127.0.0.1:${port};`, text);
  conf = replace('    root /srv/www;', `    root ${root};`, conf);
  return base === '/yjsgk/' ? conf : conf.replaceAll('/yjsgk/', base);
}

export interface RunningNginx {
  origin: string;
  stop(): Promise<void>;
}

/**
 * Starts nginx in the foreground with `serverConf` (maps and server block, as
 * in conf.d/) inside an http block like Debian's: the system mime.types and
 * application/octet-stream for the rest. Its logs, pid and temporary files
 * stay in a folder of its own.
 */
export async function startNginx(serverConf: (port: number) => string): Promise<RunningNginx> {
  if (!nginxBinary) throw new Error('no nginx binary: apt-get install -y nginx');
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-nginx-'));
  const port = await freePort();
  const mimeTypes = join(dirname(confPath()), 'mime.types');
  const temp = (name: string) => {
    mkdirSync(join(dir, name));
    return join(dir, name);
  };
  const conf = `
user ${userInfo().username};
worker_processes 1;
daemon off;
error_log ${join(dir, 'error.log')} warn;
pid ${join(dir, 'nginx.pid')};
events { worker_connections 64; }
http {
    include ${mimeTypes};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${temp('body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};
${serverConf(port)}
}
`;
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, conf);
  const args = ['-p', dir, '-e', join(dir, 'error.log'), '-c', file];
  const test = spawnSync(nginxBinary, [...args, '-t'], { encoding: 'utf8' });
  if (test.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx -t rejected the configuration:\n${test.stderr}`);
  }
  const child = spawn(nginxBinary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await waitForPort(port, child, () => `${stderr}\n${readLog(dir)}`);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The conf path nginx was built with (Debian: /etc/nginx/nginx.conf), for its mime.types. */
function confPath(): string {
  const version = spawnSync(nginxBinary!, ['-V'], { encoding: 'utf8' });
  const found = /--conf-path=(\S+)/.exec(version.stderr);
  return found?.[1] ?? '/etc/nginx/nginx.conf';
}

function readLog(dir: string): string {
  const log = join(dir, 'error.log');
  return existsSync(log) ? readFileSync(log, 'utf8') : '';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on 127.0.0.1:${port} within 10 s:\n${log()}`);
}

/** SIGQUIT is nginx's graceful stop; its master waits for the workers. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGQUIT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
