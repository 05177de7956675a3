// <clusterwoche-events>: the Clusterwoche programme on any web page.
// Plain JavaScript, no dependencies, no cookies. Documentation: /embed on the Clusterwoche site.
//
//   <script src="https://…/widget.js" async></script>
//   <clusterwoche-events state="BW" limit="5"></clusterwoche-events>
//
// Filters (as on the programme page): state, format, topic, mode, day, org, free, q, edition;
// several values comma-separated. Display: limit (1–100, default 10), lang (de|en),
// heading-level (1–6, default 2, or "none"), heading-text.
// Theme with CSS custom properties on the element or any ancestor: --cw-font, --cw-font-size,
// --cw-color, --cw-muted, --cw-accent, --cw-background, --cw-border, --cw-radius.
(() => {
  // Our origin comes from this script's own URL, so the element works on any page.
  const script = document.currentScript ?? document.querySelector('script[src$="/widget.js"]');
  const ORIGIN = script?.src ? new URL(script.src).origin : location.origin;
  // Format names in German and English; the server fills them in when it serves this file.
  const FORMAT_NAMES = /*@formats*/ {};

  const FILTERS = ["state", "format", "topic", "mode", "day", "org", "free", "q", "edition"];
  const DEFAULT_LIMIT = 10;
  const MAX_LIMIT = 100;

  const TEXTS = {
    de: {
      heading: "Veranstaltungen der Clusterwoche",
      loading: "Veranstaltungen werden geladen …",
      empty: "Keine Veranstaltungen gefunden.",
      unknown: (name, value) => `Unbekannter Wert für ${name}: ${value}`,
      network: "Die Veranstaltungen konnten nicht geladen werden. Bitte versuchen Sie es später noch einmal.",
      all: (count, host) => (count === 1 ? `Die 1 Veranstaltung auf ${host} ansehen` : `Alle ${count} Veranstaltungen auf ${host} ansehen`),
      programme: (host) => `Programm auf ${host} ansehen`,
      online: "Online",
      hybrid: "Hybrid",
      cancelled: "Abgesagt",
      uhr: " Uhr",
    },
    en: {
      heading: "Clusterwoche events",
      loading: "Loading events …",
      empty: "No events found.",
      unknown: (name, value) => `Unknown value for ${name}: ${value}`,
      network: "The events could not be loaded. Please try again later.",
      all: (count, host) => (count === 1 ? `See the 1 event on ${host}` : `See all ${count} events on ${host}`),
      programme: (host) => `See the programme on ${host}`,
      online: "Online",
      hybrid: "Hybrid",
      cancelled: "Cancelled",
      uhr: "",
    },
  };

  const STYLE = `
:host { display: block; font-family: var(--cw-font, inherit); font-size: var(--cw-font-size, 1rem);
  color: var(--cw-color, inherit); background: var(--cw-background, transparent); line-height: 1.45; }
:host([hidden]) { display: none; }
.cw-heading { font-size: 1.25em; margin: 0 0 .5em; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: .6em .75em; border: 1px solid var(--cw-border, #c8ccd2); border-radius: var(--cw-radius, 4px); margin: 0 0 .5em; }
.cw-title { font-size: 1em; font-weight: 700; margin: 0 0 .2em; }
a { color: var(--cw-accent, #0b4f8a); text-decoration: underline; text-underline-offset: .15em; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible { outline: 3px solid var(--cw-accent, #0b4f8a); outline-offset: 2px; }
p { margin: 0; }
.cw-meta { color: var(--cw-muted, inherit); font-size: .9em; }
.cw-badge { font-weight: 700; }
.cw-message { padding: .6em .75em; border: 2px solid var(--cw-accent, #0b4f8a); border-radius: var(--cw-radius, 4px); margin: 0 0 .5em; }
.cw-more { margin-top: .5em; }
`;

  /** The shared stylesheet: constructed once, adopted by every shadow root (allowed under strict CSPs). */
  let sheet = null;
  function applyStyle(root) {
    if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE);
      }
      root.adoptedStyleSheets = [sheet];
    } else {
      const style = document.createElement("style");
      style.textContent = STYLE;
      root.append(style);
    }
  }

  /** document.createElement with attributes and children in one call. */
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value !== undefined && value !== null) node.setAttribute(name, value);
    }
    node.append(...children.filter((c) => c !== undefined && c !== null && c !== false));
    return node;
  }

  const formatters = new Map();
  function formatter(lang, options) {
    const key = lang + JSON.stringify(options);
    if (!formatters.has(key)) {
      formatters.set(key, new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "de-DE", { timeZone: "Europe/Berlin", ...options }));
    }
    return formatters.get(key);
  }
  const day = (lang, d) => formatter(lang, { weekday: "short", day: "numeric", month: "long", year: "numeric" }).format(d);
  const time = (lang, d) => formatter(lang, { hour: "2-digit", minute: "2-digit" }).format(d);

  /** "Di., 2. April 2019, 10:00–16:00 Uhr" in Berlin time, like the event pages. */
  function formatSpan(lang, start, end, allDay) {
    const lastDay = new Date(end.getTime() - 1);
    const sameDay = day(lang, start) === day(lang, lastDay);
    if (allDay) return sameDay ? day(lang, start) : `${day(lang, start)} – ${day(lang, lastDay)}`;
    const uhr = TEXTS[lang].uhr;
    if (sameDay) return `${day(lang, start)}, ${time(lang, start)}–${time(lang, end)}${uhr}`;
    return `${day(lang, start)}, ${time(lang, start)}${uhr} – ${day(lang, end)}, ${time(lang, end)}${uhr}`;
  }

  class ClusterwocheEvents extends HTMLElement {
    static observedAttributes = [...FILTERS, "limit", "lang", "heading-level", "heading-text"];

    #root;
    #controller = null;
    #scheduled = false;

    constructor() {
      super();
      this.#root = this.attachShadow({ mode: "open" });
      applyStyle(this.#root);
    }

    connectedCallback() {
      this.#schedule();
    }

    disconnectedCallback() {
      this.#controller?.abort();
    }

    attributeChangedCallback() {
      if (this.isConnected) this.#schedule();
    }

    /** Several attribute changes in one task lead to one request. */
    #schedule() {
      if (this.#scheduled) return;
      this.#scheduled = true;
      queueMicrotask(() => {
        this.#scheduled = false;
        this.#load();
      });
    }

    get #lang() {
      return this.getAttribute("lang") === "en" ? "en" : "de";
    }

    /** The filter attributes as query parameters; a bare `free` attribute means free=true. */
    #filterParams() {
      const params = new URLSearchParams();
      for (const name of FILTERS) {
        const value = this.getAttribute(name);
        if (value === null) continue;
        if (name === "free") {
          if (value === "" || value === "true") params.set("free", "true");
          else if (value !== "false") params.set("free", value);
        } else if (value.trim() !== "") {
          params.set(name, value.trim());
        }
      }
      if (this.#lang === "en") params.set("lang", "en");
      return params;
    }

    /** Attribute values the widget itself checks (the API checks the filters). */
    #ownProblems() {
      const problems = [];
      const limit = this.getAttribute("limit");
      if (limit !== null && !/^\s*\d{1,6}\s*$/.test(limit)) problems.push(["limit", limit]);
      const lang = this.getAttribute("lang");
      if (lang !== null && lang !== "de" && lang !== "en") problems.push(["lang", lang]);
      const level = this.getAttribute("heading-level");
      if (level !== null && !/^([1-6]|none)$/.test(level)) problems.push(["heading-level", level]);
      return problems;
    }

    get #limit() {
      const n = Number.parseInt(this.getAttribute("limit") ?? "", 10);
      return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_LIMIT) : DEFAULT_LIMIT;
    }

    async #load() {
      this.#controller?.abort();
      const controller = new AbortController();
      this.#controller = controller;
      const texts = TEXTS[this.#lang];
      const filters = this.#filterParams();
      const query = filters.toString();
      const programmeUrl = `${ORIGIN}/programm${query ? `?${query}` : ""}`;

      const own = this.#ownProblems();
      if (own.length) {
        return this.#showMessages(
          own.map(([name, value]) => texts.unknown(name, value)),
          programmeUrl,
        );
      }

      this.#render([el("p", { class: "cw-message", role: "status" }, texts.loading)]);
      this.setAttribute("aria-busy", "true");
      const api = new URLSearchParams(filters);
      api.set("pageSize", String(this.#limit));
      try {
        const response = await fetch(`${ORIGIN}/api/v1/events?${api}`, {
          credentials: "omit",
          mode: "cors",
          headers: { accept: "application/json" },
          signal: controller.signal,
        });
        const body = await response.json().catch(() => null);
        if (controller.signal.aborted) return;
        if (response.status === 400 && body?.error?.fields) {
          const names = Object.keys(body.error.fields);
          return this.#showMessages(
            names.map((name) => texts.unknown(name, this.getAttribute(name) ?? api.get(name) ?? "")),
            programmeUrl,
          );
        }
        if (!response.ok || !Array.isArray(body?.data)) throw new Error(`HTTP ${response.status}`);
        this.#showEvents(body.data, body.meta?.total ?? body.data.length, programmeUrl);
      } catch (error) {
        if (controller.signal.aborted) return;
        this.#showMessages([texts.network], programmeUrl);
        console.warn("clusterwoche-events:", error);
      } finally {
        if (this.#controller === controller) this.removeAttribute("aria-busy");
      }
    }

    #headingLevel() {
      const level = this.getAttribute("heading-level") ?? "2";
      return /^[1-6]$/.test(level) ? Number(level) : null;
    }

    /** The widget's heading (unless heading-level="none") and what follows it. */
    #render(children) {
      const level = this.#headingLevel();
      const heading =
        level && el(`h${level}`, { class: "cw-heading", part: "heading" }, this.getAttribute("heading-text") || TEXTS[this.#lang].heading);
      this.#root.replaceChildren(el("div", { part: "container", lang: this.#lang }, heading, ...children));
    }

    #moreLink(text, url) {
      return el("p", { class: "cw-more" }, el("a", { href: url, part: "more" }, text));
    }

    #showMessages(messages, programmeUrl) {
      const texts = TEXTS[this.#lang];
      const host = new URL(ORIGIN).host;
      this.#render([
        el("div", { class: "cw-message", role: "alert", part: "message" }, ...messages.map((m) => el("p", {}, m))),
        this.#moreLink(texts.programme(host), programmeUrl),
      ]);
    }

    #showEvents(events, total, programmeUrl) {
      const lang = this.#lang;
      const texts = TEXTS[lang];
      // Titles are headings one level below the widget's heading; without a heading, plain text.
      const level = this.#headingLevel();
      const titleTag = level ? `h${Math.min(level + 1, 6)}` : "p";
      const items = events.map((event) => {
        const page = `${ORIGIN}/veranstaltungen/${event.id}-${event.slug}${lang === "en" ? "?lang=en" : ""}`;
        const start = new Date(event.startsAt);
        const place = event.mode === "online" ? texts.online : [event.venue?.name, event.venue?.city].filter(Boolean).join(", ");
        const format = FORMAT_NAMES[event.format]?.[lang] ?? event.format;
        const where = [place, event.mode === "hybrid" ? texts.hybrid : "", format].filter(Boolean).join(" · ");
        return el(
          "li",
          { part: "item" },
          el(titleTag, { class: "cw-title" }, el("a", { href: page, part: "link" }, event.title)),
          event.status === "cancelled" && el("p", { class: "cw-badge" }, texts.cancelled),
          el(
            "p",
            { class: "cw-meta" },
            el("time", { datetime: start.toISOString() }, formatSpan(lang, start, new Date(event.endsAt), event.allDay)),
          ),
          el("p", { class: "cw-meta" }, where),
        );
      });
      const host = new URL(ORIGIN).host;
      this.#render([
        items.length ? el("ul", { part: "list" }, ...items) : el("p", { class: "cw-message", part: "message" }, texts.empty),
        this.#moreLink(texts.all(total, host), programmeUrl),
      ]);
    }
  }

  if (!customElements.get("clusterwoche-events")) customElements.define("clusterwoche-events", ClusterwocheEvents);
})();
