import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { cachedFragment, countedHtml, rawHtml } from "./render.ts";

const option = (label: string, count: number | string) => (
  <option value="by">
    {label} ({count})
  </option>
);

describe("countedHtml", () => {
  it("gives what rendering the element with its count gives, for every count and label", () => {
    for (const [label, count] of [
      ["Bayern", 0],
      ["Bayern", 12],
      ["Bayern & <Franken>", 3],
      ["Bayern", 1234567],
    ] as const) {
      expect(countedHtml("test:by", label, count, (n) => option(label, n))).toBe(renderToString(option(label, count)));
    }
  });

  it("renders a label holding its marker whole", () => {
    const label = "odd \u0001 label";
    expect(countedHtml("test:odd", label, 2, (n) => option(label, n))).toBe(renderToString(option(label, 2)));
  });
});

describe("rawHtml and cachedFragment", () => {
  it("insert rendered HTML without a wrapper and unchanged", () => {
    const html = renderToString(<p title={'"a" & b'}>x &lt; y</p>);
    expect(renderToString(<div>{rawHtml(html)}</div>)).toBe(`<div>${html}</div>`);
    expect(
      renderToString(
        <div>
          {cachedFragment("test:p", () => (
            <p title={'"a" & b'}>x &lt; y</p>
          ))}
        </div>,
      ),
    ).toBe(`<div>${html}</div>`);
    expect(
      renderToString(
        <div>
          {cachedFragment("test:p", () => (
            <p>not rendered: the key is known</p>
          ))}
        </div>,
      ),
    ).toBe(`<div>${html}</div>`);
  });
});
