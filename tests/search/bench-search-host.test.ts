import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWithNginx } from '../../scripts/bench-search/nginx-site.ts';
import type { ServedSite } from '../../scripts/bench-search/served-site.ts';
import { skipNginxTests } from '../deploy/nginx-server.ts';

/** Every byte the server sends for one request on a connection of its own, as the browser's socket receives them. */
function rawGet(origin: string, path: string): Promise<Buffer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
}

describe.skipIf(skipNginxTests)('bench:search served by nginx with deploy/nginx.conf', () => {
  let dir: string;
  let site: ServedSite;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-host-'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><title>测试</title><p>${'预算公开'.repeat(400)}</p>`);
    writeFileSync(join(dir, 'list.bin'), Buffer.alloc(3000, 7));
    site = await serveWithNginx(dir);
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts every byte sent, status line and headers included, gzip as the host sends it, and the paths asked for', async () => {
    const page = await rawGet(site.origin, '/');
    const list = await rawGet(site.origin, '/list.bin');
    expect(page.toString('latin1')).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*Content-Encoding: gzip\r\n/);
    expect(page.length).toBeLessThan(1000);
    await site.settled(50, (paths) => paths.length === 2, 5000);
    expect(await site.read()).toMatchObject({ bytes: page.length + list.length, paths: ['/', '/list.bin'] });
  });

  it('starts again from nothing at a reset', async () => {
    await site.reset();
    expect(await site.read()).toMatchObject({ bytes: 0, paths: [] });
    const list = await rawGet(site.origin, '/list.bin');
    await site.settled(50, (paths) => paths.length === 1, 5000);
    expect(await site.read()).toMatchObject({ bytes: list.length, paths: ['/list.bin'] });
  });
});
