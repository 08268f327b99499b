import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface MeterReading {
  /** Bytes sent to the browser: status lines, headers, chunk framing and bodies, as on the wire. */
  bytes: number;
  /** Paths requested, in order. */
  paths: string[];
}

export interface HttpMeter {
  origin: string;
  /** What was sent since the last `reset`. */
  read(): MeterReading;
  reset(): void;
  /** Requests open now, and the time since the last request opened, closed or received data. */
  activity(): { open: number; quietMs: number };
  close(): Promise<void>;
}

/**
 * A proxy in front of the static server that counts what the browser
 * receives. It sees every request, from the page as from Pagefind's worker,
 * which the page's own network events do not.
 */
export async function meterHttp(target: string): Promise<HttpMeter> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  /** Bytes written on sockets closed since the last reset, and on open sockets at the reset. */
  let closedBytes = 0;
  const baseline = new Map<Socket, number>();
  let paths: string[] = [];
  let open = 0;
  let lastActivity = performance.now();

  const server: Server = createServer((incoming, outgoing) => {
    open += 1;
    lastActivity = performance.now();
    paths.push(incoming.url ?? '');
    const finish = () => {
      open -= 1;
      lastActivity = performance.now();
    };
    outgoing.once('close', finish);
    const forward = request({ host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.on('data', () => (lastActivity = performance.now()));
      answer.pipe(outgoing);
    });
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      closedBytes += socket.bytesWritten - (baseline.get(socket) ?? 0);
      baseline.delete(socket);
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const read = (): MeterReading => {
    let bytes = closedBytes;
    for (const socket of sockets) bytes += socket.bytesWritten - (baseline.get(socket) ?? 0);
    return { bytes, paths: [...paths] };
  };
  return {
    origin: `http://127.0.0.1:${port}`,
    read,
    reset() {
      closedBytes = 0;
      for (const socket of sockets) baseline.set(socket, socket.bytesWritten);
      paths = [];
    },
    activity: () => ({ open, quietMs: performance.now() - lastActivity }),
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
