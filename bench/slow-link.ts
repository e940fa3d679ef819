import net from 'node:net';

export interface LinkOptions {
  /** Bits per second from the server to the phone. */
  downBitsPerSecond: number;
  /** Bits per second from the phone to the server. */
  upBitsPerSecond: number;
  /** Round trip time in milliseconds; each direction takes half. */
  rttMs: number;
}

/** Bytes are put on the link in pieces this size, so connections share it fairly. */
const PIECE_BYTES = 4096;

/**
 * A slow mobile link between the browser and the server, as a TCP proxy: every connection
 * through it shares one downlink and one uplink of the given rates, each byte arrives half a
 * round trip after it has been sent, and a new connection pays one round trip for its
 * handshake. Because it sits below the browser, it slows everything the browser fetches,
 * service worker included, and counts the bytes that really cross it.
 */
export class SlowLink {
  bytesDown = 0;
  bytesUp = 0;
  private downFreeAt = 0;
  private upFreeAt = 0;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(
    private readonly target: { host: string; port: number },
    private readonly options: LinkOptions,
  ) {
    this.server = net.createServer((client) => this.connect(client));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (typeof address !== 'object' || !address) throw new Error('the slow link has no port');
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private connect(client: net.Socket): void {
    const upstream = net.connect(this.target.port, this.target.host);
    this.sockets.add(client);
    this.sockets.add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    // The handshake: nothing the browser sends arrives before one round trip has passed.
    const toServer = new Lane(upstream, performance.now() + this.options.rttMs, (n) => {
      this.bytesUp += n;
    });
    const toClient = new Lane(client, 0, (n) => {
      this.bytesDown += n;
    });
    client.on('data', (data) => this.carry(data, 'up', toServer));
    upstream.on('data', (data) => this.carry(data, 'down', toClient));
    for (const [from, to, lane] of [
      [client, upstream, toServer],
      [upstream, client, toClient],
    ] as const) {
      from.on('end', () => lane.push(lane.lastAt, null));
      from.on('error', () => to.destroy());
      from.on('close', () => this.sockets.delete(from));
    }
  }

  private carry(data: Buffer, direction: 'up' | 'down', lane: Lane): void {
    const bitsPerSecond = direction === 'down' ? this.options.downBitsPerSecond : this.options.upBitsPerSecond;
    for (let offset = 0; offset < data.length; offset += PIECE_BYTES) {
      const piece = data.subarray(offset, offset + PIECE_BYTES);
      const free = direction === 'down' ? this.downFreeAt : this.upFreeAt;
      const sent = Math.max(performance.now(), free) + (piece.length * 8 * 1000) / bitsPerSecond;
      if (direction === 'down') this.downFreeAt = sent;
      else this.upFreeAt = sent;
      lane.push(sent + this.options.rttMs / 2, piece);
    }
  }
}

/** One direction of one connection: pieces delivered in order, each at its time. */
class Lane {
  private readonly queue: { at: number; piece: Buffer | null }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly to: net.Socket,
    public lastAt: number,
    private readonly count: (bytes: number) => void,
  ) {}

  /** A piece (null: the end of the stream) that arrives at `at`, never before the one ahead. */
  push(at: number, piece: Buffer | null): void {
    this.lastAt = Math.max(at, this.lastAt);
    this.queue.push({ at: this.lastAt, piece });
    if (!this.timer) this.pump();
  }

  private pump(): void {
    this.timer = null;
    const now = performance.now();
    while (this.queue.length > 0 && (this.queue[0]?.at ?? 0) <= now + 0.5) {
      const item = this.queue.shift();
      if (!item || this.to.destroyed) continue;
      if (item.piece === null) this.to.end();
      else {
        this.count(item.piece.length);
        this.to.write(item.piece);
      }
    }
    const next = this.queue[0];
    if (next) this.timer = setTimeout(() => this.pump(), Math.max(1, next.at - now));
  }
}
