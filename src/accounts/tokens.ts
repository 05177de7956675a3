import { createHash, randomBytes } from "node:crypto";

/** A random, URL-safe secret of 256 bits (session cookies, mail links). */
export const randomToken = (): string => randomBytes(32).toString("base64url");

/** What the database stores instead of a token: a leaked table grants no session and no link. */
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");
