import pg from "pg";

/** Stops listening; resolves when the connection is closed. */
export type Unlisten = () => Promise<void>;

/**
 * LISTENs on `channel` over a connection of its own (a pooled one would be handed to other
 * queries). When the connection drops it reconnects with a growing pause (1 s … 15 s) and calls
 * `onNotify` once it is back, as notifications sent meanwhile are lost. Resolves after the first
 * attempt, listening or not (it keeps trying in the background).
 */
export async function listenPostgres(connectionString: string, channel: string, onNotify: () => void): Promise<Unlisten> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let pause = 1000;

  const connect = async (reconnecting: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
    const lost = () => {
      if (client !== next) return;
      client = undefined;
      next.end().catch(() => {});
      schedule();
    };
    next.on("error", lost);
    next.on("end", lost);
    next.on("notification", (message) => {
      if (message.channel === channel) onNotify();
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (stopped) return void next.end().catch(() => {});
      pause = 1000;
      if (reconnecting) onNotify();
    } catch {
      lost();
    }
  };

  const schedule = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect(true);
    }, pause);
    retry.unref();
    pause = Math.min(pause * 2, 15_000);
  };

  await connect(false);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const current = client;
    client = undefined;
    await current?.end().catch(() => {});
  };
}
