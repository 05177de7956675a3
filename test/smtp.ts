import type { AddressInfo } from "node:net";
import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = Awaited<ReturnType<typeof PostalMime.parse>> & { envelopeTo: string[] };

export type TestSmtp = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** While set, the server answers every message with a temporary 451 error. */
  rejecting: boolean;
  /** Resolves with the first received mail to the address (polls up to `timeoutMs`). */
  waitFor(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  /** Resolves with the first received mail to the address whose subject matches (polls up to `timeoutMs`). */
  waitForSubject(to: string, subject: RegExp, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
};

/** A real SMTP server on loopback (no TLS, no auth) that parses what it receives with postal-mime. */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const state = { rejecting: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (state.rejecting) {
          callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
          return;
        }
        PostalMime.parse(Buffer.concat(chunks)).then(
          (mail) => {
            received.push({ ...mail, envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  const waitForSubject = async (to: string, subject: RegExp, timeoutMs = 15_000): Promise<ReceivedMail> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const mail = received.find((m) => m.envelopeTo.includes(to) && subject.test(m.subject ?? ""));
      if (mail) return mail;
      if (Date.now() > until) throw new Error(`no mail to ${to} with subject ${subject} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    port: actualPort,
    received,
    get rejecting() {
      return state.rejecting;
    },
    set rejecting(value: boolean) {
      state.rejecting = value;
    },
    waitFor: (to, timeoutMs = 15_000) => waitForSubject(to, /(?:)/, timeoutMs),
    waitForSubject,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port with nothing listening (an SMTP server that is down). */
export async function freePort(): Promise<number> {
  const probe = await startSmtp();
  await probe.close();
  return probe.port;
}
