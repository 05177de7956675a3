/** Placeholder texts for the legal pages and "about"; marked as demo text until an editor saves them (PRODUCT §4). */
export const defaultPages = [
  {
    slug: "impressum",
    demo: true,
    titleDe: "Impressum",
    titleEn: "Imprint",
    bodyDe: `**Clusterwoche Deutschland** — Geschäftsstelle (Beispielangaben der Demo-Installation)

Musterstraße 1, 10115 Berlin
E-Mail: kontakt@clusterwoche.example
Telefon: +49 30 000000-0

Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV: Geschäftsstelle Clusterwoche (erfundene Angaben).

Diese Angaben sind Platzhalter und werden von der Redaktion ersetzt.`,
    bodyEn: `**Clusterwoche Deutschland** — national office (example data of the demo installation)

Musterstraße 1, 10115 Berlin, Germany
E-mail: kontakt@clusterwoche.example
Phone: +49 30 000000-0

Responsible for the content: Clusterwoche national office (invented details).

These details are placeholders that the editors replace.`,
  },
  {
    slug: "datenschutz",
    demo: true,
    titleDe: "Datenschutzerklärung",
    titleEn: "Privacy policy",
    bodyDe: `Diese Website lädt keine Inhalte von Dritten: keine Web-Schriften, keine Kartendienste, keine Statistikdienste, keine Share-Buttons.

**Cookies:** Für Besucherinnen und Besucher setzen wir keine Cookies. Angemeldete Nutzerinnen und Nutzer erhalten ein technisch notwendiges Sitzungs-Cookie.

**Server-Protokolle:** Der Server protokolliert Anfragen ohne IP-Adressen zur Fehlersuche und löscht die Protokolle nach 7 Tagen.

**Ihre Rechte:** Auskunft, Berichtigung, Löschung, Einschränkung, Widerspruch und Datenübertragbarkeit nach Art. 15–21 DSGVO. Veranstalterinnen und Veranstalter können ihre Daten im Konto herunterladen und löschen.`,
    bodyEn: `This website loads nothing from third parties: no web fonts, no map services, no analytics, no share buttons.

**Cookies:** visitors get no cookies. Signed-in users get one strictly necessary session cookie.

**Server logs:** the server logs requests without IP addresses for troubleshooting and deletes the logs after 7 days.

**Your rights:** access, rectification, erasure, restriction, objection and portability under Art. 15–21 GDPR. Organisers can download and delete their data in their account.`,
  },
  {
    slug: "barrierefreiheit",
    demo: true,
    titleDe: "Erklärung zur Barrierefreiheit",
    titleEn: "Accessibility statement",
    bodyDe: `Wir möchten diese Website für alle Menschen zugänglich machen und richten uns nach der BITV 2.0 und den WCAG 2.1 auf Stufe AA.

**Stand der Vereinbarkeit:** Die Seiten werden bei jeder Änderung automatisch mit axe in einem echten Browser geprüft; sie sind mit der Tastatur bedienbar, haben sichtbare Fokusmarkierungen, Sprunglinks und beschriftete Formularfelder.

**Barriere melden:** Wenn Ihnen eine Barriere auffällt, schreiben Sie uns an barrierefreiheit@clusterwoche.example. Wir antworten innerhalb von zwei Wochen.

**Schlichtungsverfahren:** Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die Schlichtungsstelle nach § 16 BGG wenden.`,
    bodyEn: `We want this website to be usable by everyone and follow BITV 2.0 and WCAG 2.1 level AA.

**Compliance status:** every change is checked automatically with axe in a real browser; the pages work with the keyboard, show visible focus, offer skip links and labelled form fields.

**Report a barrier:** if you find a barrier, write to barrierefreiheit@clusterwoche.example. We answer within two weeks.

**Enforcement:** if our answer does not satisfy you, you can turn to the arbitration board under § 16 BGG.`,
  },
  {
    slug: "mitmachen",
    demo: true,
    titleDe: "Veranstaltung eintragen",
    titleEn: "Register your event",
    bodyDe: `Clusterinitiativen, Netzwerke, Forschungseinrichtungen und Unternehmen tragen ihre Veranstaltungen selbst ins Programm ein.

1. Konto anlegen und Organisation auswählen oder neu anlegen.
2. Veranstaltung mit allen Angaben erfassen (Entwurf speichern, Vorschau, einreichen).
3. Die Koordinierungsstelle Ihres Landes prüft und veröffentlicht.

Fragen beantwortet die Geschäftsstelle: kontakt@clusterwoche.example`,
    bodyEn: `Cluster initiatives, networks, research institutions and companies enter their events into the programme themselves.

1. Create an account and choose or create your organisation.
2. Enter your event with all details (save a draft, preview, submit).
3. Your state's coordination office reviews and publishes it.

The national office answers your questions: kontakt@clusterwoche.example`,
  },
  {
    slug: "ueber-uns",
    demo: true,
    titleDe: "Über die Clusterwoche",
    titleEn: "About the Clusterwoche",
    bodyDe: `Die **Clusterwoche Deutschland** ist eine bundesweite Aktionswoche: Clusterinitiativen, Netzwerke, Forschungseinrichtungen und Unternehmen öffnen eine Woche lang ihre Türen – mit Workshops, Werkstattbesuchen, Konferenzen und Online-Formaten.

Die Geschäftsstelle koordiniert die Woche gemeinsam mit den Ländern; die Koordinierungsstellen der Länder prüfen und veröffentlichen die Veranstaltungen ihres Landes.

(Beispieltext der Demo-Installation.)`,
    bodyEn: `The **Clusterwoche Deutschland** is a nationwide week of action: cluster initiatives, networks, research institutions and companies open their doors for a week – with workshops, site visits, conferences and online formats.

The national office coordinates the week together with the Länder; each state's coordination office reviews and publishes its events.

(Sample text of the demo installation.)`,
  },
];
