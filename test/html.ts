import { Window } from "happy-dom";

/** Parses a served page into a DOM for assertions (no scripts run, nothing is fetched). */
export function parseHtml(html: string): Document {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}
