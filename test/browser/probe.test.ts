import AxeBuilder from "@axe-core/playwright";
import { it } from "vitest";
import { launchBrowser, startServer } from "./browser.ts";
it("probe", async () => {
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const page = await (await browser.newContext()).newPage();
  for (const p of ["/programm/agenda", "/programm/agenda", "/", "/programm"]) {
    let t0 = Date.now();
    const r = await page.goto(server.origin + p);
    const html = await r!.text();
    const load = Date.now() - t0; t0 = Date.now();
    const res = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    console.log(p, "bytes", html.length, "load", load, "axe", Date.now() - t0, "nodes", await page.locator("*").count(), "incomplete", res.incomplete.map(i => i.id + ":" + i.nodes.length).join(","));
  }
  await browser.close(); await server.close();
}, 120000);
