import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config.ts";
import { isTileUrlTemplate, tileHost, tileOrigin, widenImgSrc } from "./tile-settings.ts";

describe("tile server settings", () => {
  it("accepts http(s) URL templates with {z}, {x} and {y} only", () => {
    expect(isTileUrlTemplate("https://tiles.example.org/{z}/{x}/{y}.png")).toBe(true);
    expect(isTileUrlTemplate("https://{s}.tiles.example.org/{z}/{x}/{y}.png?key=1")).toBe(true);
    expect(isTileUrlTemplate("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png")).toBe(true);
    expect(isTileUrlTemplate("https://tiles.example.org/{z}/{x}.png")).toBe(false);
    expect(isTileUrlTemplate("ftp://tiles.example.org/{z}/{x}/{y}.png")).toBe(false);
    expect(isTileUrlTemplate("javascript:alert(1)//{z}{x}{y}")).toBe(false);
    expect(isTileUrlTemplate("/tiles/{z}/{x}/{y}.png")).toBe(false);
  });

  it("reads MAP_TILE_URL and MAP_TILE_ATTRIBUTION from the environment and rejects a bad template", () => {
    expect(loadConfig({}).mapTileUrl).toBeUndefined();
    const config = loadConfig({ MAP_TILE_URL: "https://tiles.example.org/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION: "© Example" });
    expect(config.mapTileUrl).toBe("https://tiles.example.org/{z}/{x}/{y}.png");
    expect(config.mapTileAttribution).toBe("© Example");
    expect(() => loadConfig({ MAP_TILE_URL: "https://tiles.example.org/tile.png" })).toThrow(ConfigError);
    expect(() => loadConfig({ MAP_TILE_URL: "https://tiles.example.org/tile.png" })).toThrow(/MAP_TILE_URL/);
  });

  it("turns the template into a CSP source and a host to name", () => {
    expect(tileOrigin("https://tiles.example.org/{z}/{x}/{y}.png")).toBe("https://tiles.example.org");
    expect(tileOrigin("https://{s}.tiles.example.org/{z}/{x}/{y}.png")).toBe("https://*.tiles.example.org");
    expect(tileOrigin("http://127.0.0.1:8080/{z}/{x}/{y}.png")).toBe("http://127.0.0.1:8080");
    expect(tileHost("https://{s}.tiles.example.org/{z}/{x}/{y}.png")).toBe("tiles.example.org");
  });

  it("adds the tile server to img-src and leaves the other directives alone", () => {
    const csp = "default-src 'self';script-src 'self';img-src 'self' data:;connect-src 'self'";
    expect(widenImgSrc(csp, "https://tiles.example.org")).toBe(
      "default-src 'self';script-src 'self';img-src 'self' data: https://tiles.example.org;connect-src 'self'",
    );
    expect(widenImgSrc("default-src 'self'", "https://t.example")).toBe("default-src 'self';img-src 'self' data: https://t.example");
  });
});
