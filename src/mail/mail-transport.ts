import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export type OutgoingMail = { id: number; to: string; subject: string; text: string; html: string };
export type MailTransport = { send(mail: OutgoingMail): Promise<void>; close(): void };

/** The sender address: noreply at the host of BASE_URL. */
export const senderOf = (baseUrl: string) => `"Clusterwoche Deutschland" <noreply@${new URL(baseUrl).hostname}>`;

/**
 * SMTP to SMTP_URL, or, without it, each mail as an .eml file in DATA_DIR/outbox/ (development,
 * demo installations): the same RFC 5322 message either way.
 */
export function createMailTransport({
  smtpUrl,
  dataDir,
  baseUrl,
}: {
  smtpUrl: string | undefined;
  dataDir: string;
  baseUrl: string;
}): MailTransport {
  const from = senderOf(baseUrl);
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl, { from });
    return {
      send: async (mail) => {
        await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      },
      close: () => transport.close(),
    };
  }
  const outbox = path.join(dataDir, "outbox");
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }, { from });
  return {
    send: async (mail) => {
      const info = await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      await fs.mkdir(outbox, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      await fs.writeFile(path.join(outbox, `${stamp}-${mail.id}.eml`), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}
