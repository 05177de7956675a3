import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const vnuJar = String(createRequire(import.meta.url)("vnu-jar"));

export type VnuMessage = { page: string; line?: number; message: string; extract?: string };

/**
 * Checks HTML documents with the Nu Html Checker (vnu-jar on the machine's Java) in one batch call,
 * so the JVM starts once per test file. Returns the errors, each with the name of its page.
 */
export async function checkHtml(pages: Record<string, string>): Promise<VnuMessage[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cw-vnu-"));
  try {
    const files = Object.entries(pages).map(([name, html], i) => {
      const file = path.join(dir, `${String(i).padStart(3, "0")}.html`);
      fs.writeFileSync(file, html);
      return { file, name };
    });
    const nameOf = new Map(files.map(({ file, name }) => [`file:${file}`, name]));
    // vnu writes its JSON report to stderr; --exit-zero-always so errors are read, not thrown.
    const { stderr } = await run(
      "java",
      ["-Xss8m", "-jar", vnuJar, "--errors-only", "--exit-zero-always", "--format", "json", ...files.map((f) => f.file)],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(stderr) as {
      messages: { type: string; url: string; lastLine?: number; message: string; extract?: string }[];
    };
    return report.messages
      .filter((m) => m.type === "error" || m.type === "non-document-error")
      .map((m) => ({ page: nameOf.get(m.url) ?? m.url, line: m.lastLine, message: m.message, extract: m.extract }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
