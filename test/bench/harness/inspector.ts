// A minimal client of a Node process's inspector (node --inspect=127.0.0.1:0): forces a full GC and
// reads the JS heap, so memory per session can be read without the garbage of creating it.
import WebSocket from 'ws';

export interface Inspector {
  /** Runs a full garbage collection in the inspected process. */
  collectGarbage(): Promise<void>;
  /** Bytes of JS heap in use (after a collection, the live data). */
  heapUsed(): Promise<number>;
  close(): void;
}

/** The inspector URL a process printed ("Debugger listening on ws://..."). */
export const inspectorUrl = (output: string): string | undefined => /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1];

export async function connectInspector(url: string): Promise<Inspector> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let next = 0;
  const pending = new Map<number, (result: unknown) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const call = (method: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => reject(new Error(`inspector ${method} timed out`)), 60_000);
      pending.set(id, (result) => {
        clearTimeout(timer);
        pending.delete(id);
        resolve(result);
      });
      ws.send(JSON.stringify({ id, method }));
    });
  return {
    collectGarbage: async () => void (await call('HeapProfiler.collectGarbage')),
    heapUsed: async () => ((await call('Runtime.getHeapUsage')) as { usedSize: number }).usedSize,
    close: () => ws.close(),
  };
}
