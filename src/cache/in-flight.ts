import type { ServerResponse } from "node:http";
import type { CachedResponse } from "./response-store.ts";

export type Settle = (entry: CachedResponse | undefined) => void;

/**
 * Renders in progress, by cache key. Right after a data change every instance has an empty
 * cache; without this, each concurrent request for the popular programme page would render it
 * (and query the database) once more. Requests that find a render in progress wait for its result
 * instead; when it is not kept (an error, a cookie, a version change) they render themselves.
 */
export class InFlight {
  private renders = new Map<string, Promise<CachedResponse | undefined>>();

  /** The result of a render of `key` in progress, if any. */
  wait(key: string): Promise<CachedResponse | undefined> | undefined {
    return this.renders.get(key);
  }

  /** Registers the render of `key` by this response; settled with the kept entry, or at the latest when the response closes. */
  begin(key: string, res: ServerResponse): Settle {
    let resolve: Settle = () => {};
    const promise = new Promise<CachedResponse | undefined>((r) => {
      resolve = r;
    });
    const renders = this.renders;
    renders.set(key, promise);
    let settled = false;
    const settle: Settle = (entry) => {
      if (settled) return;
      settled = true;
      if (renders.get(key) === promise) renders.delete(key);
      resolve(entry);
    };
    res.once("close", () => settle(undefined));
    return settle;
  }

  /** On a data change: renders already running are not waited for by new requests. */
  clear(): void {
    this.renders = new Map();
  }
}
