import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEPLOY_NGINX_CONF, adaptConfig, nginxBinary, startNginx } from '../../tests/deploy/nginx-server.ts';
import { settled, type Activity, type ServedSite } from './served-site.ts';

/** Where the bench asks nginx how many requests are open (stub_status), kept out of the metered log. */
const STATUS_PATH = '/.bench-status';

/**
 * The built site served by nginx with the portal's own deploy/nginx.conf
 * (docs/deploy.md) at the root path: the host a web team installs, with its
 * gzip and caching headers, in a process of its own. What the browser was
 * sent is read from nginx's access log (`$bytes_sent`: status line, headers
 * and body, as sent), and the requests open from its stub_status.
 */
export async function serveWithNginx(siteDir: string): Promise<ServedSite> {
  if (!nginxBinary) throw new Error('bench:search: --host nginx needs nginx (apt-get install -y nginx); --host node serves the site with the test server instead');
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-nginx-'));
  const log = join(dir, 'access.log');
  const nginx = await startNginx((port) => {
    const listen = `    listen 127.0.0.1:${port};`;
    const conf = adaptConfig(readFileSync(DEPLOY_NGINX_CONF, 'utf8'), '/', port, siteDir);
    if (!conf.includes(listen)) throw new Error(`deploy/nginx.conf as adapted has no line ${JSON.stringify(listen)}`);
    const metered = `${listen}\n    access_log ${log} gongkai_bench;\n    location = ${STATUS_PATH} { stub_status; access_log off; }`;
    return `log_format gongkai_bench '$msec $bytes_sent $request_uri';\n${conf.replace(listen, metered)}`;
  });
  const fd = openSync(log, 'a+');
  let offset = 0;
  let rest = '';
  let bytes = 0;
  let paths: string[] = [];
  let lastMs = Date.now();
  /** The lines nginx has logged since the last call: one per request answered, written when its answer was sent. */
  const take = () => {
    const chunk = Buffer.alloc(1 << 16);
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, offset)) > 0; offset += n) rest += chunk.subarray(0, n).toString('latin1');
    const lines = rest.split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      const [msec, sent, uri] = line.split(' ');
      if (uri === undefined) throw new Error(`bench:search: unexpected line in nginx's access log ${log}: ${line}`);
      bytes += Number(sent);
      paths.push(uri);
      lastMs = Math.max(lastMs, Number(msec) * 1000);
    }
  };
  const read = async (): Promise<Activity> => {
    // Active connections, then accepts handled requests, then Reading: r Writing: w Waiting: k; the status request is one of those writing.
    const status = await (await fetch(`${nginx.origin}${STATUS_PATH}`)).text();
    const counts = /Reading: (\d+) Writing: (\d+)/.exec(status);
    if (counts === null) throw new Error(`bench:search: nginx's stub_status said ${JSON.stringify(status)}`);
    take();
    return { bytes, paths: [...paths], open: Number(counts[1]) + Number(counts[2]) - 1, quietMs: Date.now() - lastMs };
  };
  return {
    origin: nginx.origin,
    read,
    async reset() {
      take();
      bytes = 0;
      paths = [];
    },
    settled: (quietMs, ready, timeoutMs) => settled(read, quietMs, ready, timeoutMs),
    async close() {
      closeSync(fd);
      await nginx.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
