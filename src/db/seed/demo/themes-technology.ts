import { type Theme, theme } from "./theme.ts";

/** Themes of materials, manufacturing and digital technology. */
export const technologyThemes: Theme[] = [
  theme(
    "kunststoff",
    "Kunststoff",
    "Plastics",
    "Kunststoff",
    ["materials", "chemistry"],
    [
      "Wie Kunststoffe länger im Kreislauf bleiben und welche Verfahren sich im Betrieb bewährt haben.",
      "How plastics stay in the loop for longer and which processes have proven themselves in practice.",
    ],
    [
      ["Sortier- und Aufbereitungstechnik für Kunststoffabfälle", "Sorting and processing technology for plastic waste"],
      ["Design for Recycling in der Produktentwicklung", "Design for recycling in product development"],
      ["Erfahrungsberichte aus Spritzguss und Extrusion", "Reports from injection moulding and extrusion"],
    ],
    [
      ["Kunststoff-Recycling in der Praxis", "Plastics recycling in practice"],
      ["Biobasierte Kunststoffe: Werkstoffe mit Zukunft", "Bio-based plastics: materials with a future"],
      ["Rezyklate in technischen Kunststoffbauteilen", "Recyclates in technical plastic parts"],
      [
        "Kunststoff und Kreislaufwirtschaft: was die EU-Strategie bedeutet",
        "Plastics and the circular economy: what the EU strategy means",
      ],
    ],
  ),
  theme(
    "leichtbau",
    "Leichtbau",
    "Lightweight engineering",
    "Leichtbau",
    ["materials", "automotive", "aerospace"],
    [
      "Weniger Gewicht, weniger Energie: neue Werkstoffe und Fügeverfahren für Fahrzeuge und Maschinen.",
      "Less weight, less energy: new materials and joining methods for vehicles and machines.",
    ],
    [
      ["Faserverbundwerkstoffe und hybride Bauweisen", "Fibre composites and hybrid designs"],
      ["Fügetechnik und Simulation", "Joining technology and simulation"],
      ["Leichtbau in der Serienfertigung", "Lightweight engineering in series production"],
    ],
    [
      ["Faserverbund im Serienbau", "Fibre composites in series production"],
      ["Leichtbau trifft Kreislaufwirtschaft", "Lightweight engineering meets the circular economy"],
    ],
  ),
  theme(
    "industrie40",
    "Industrie 4.0",
    "Industry 4.0",
    "Industrie-4.0",
    ["production", "ict"],
    [
      "Vernetzte Produktion im Mittelstand: von der Maschinendatenerfassung bis zum digitalen Zwilling.",
      "Connected manufacturing in SMEs: from machine data to the digital twin.",
    ],
    [
      ["Maschinendaten erfassen und nutzen", "Capturing and using machine data"],
      ["Der digitale Zwilling in der Fertigung", "The digital twin in manufacturing"],
      ["Praxisbeispiele aus mittelständischen Betrieben", "Examples from medium-sized companies"],
    ],
    [
      ["Die vernetzte Fabrik: Industrie 4.0 zum Anfassen", "The connected factory: Industry 4.0 hands-on"],
      ["Retrofit: Bestandsmaschinen ans Netz bringen", "Retrofit: bringing existing machines online"],
    ],
  ),
  theme(
    "photonik",
    "Photonik",
    "Photonics",
    "Photonik",
    ["photonics", "microelectronics"],
    [
      "Licht als Werkzeug: Laser, optische Sensorik und Bildverarbeitung für die Fertigung.",
      "Light as a tool: lasers, optical sensors and image processing for manufacturing.",
    ],
    [
      ["Lasermaterialbearbeitung", "Laser materials processing"],
      ["Optische Messtechnik in der Qualitätssicherung", "Optical metrology in quality assurance"],
      ["Photonik-Start-ups stellen sich vor", "Photonics start-ups introduce themselves"],
    ],
    [
      ["Lasertechnik in der Fertigung", "Laser technology in manufacturing"],
      ["Optische Sensorik für die Qualitätssicherung", "Optical sensors for quality assurance"],
    ],
  ),
  theme(
    "ki",
    "Künstliche Intelligenz",
    "Artificial intelligence",
    "KI",
    ["ict", "production"],
    [
      "Was Künstliche Intelligenz heute in Unternehmen leistet – und wo ihre Grenzen liegen.",
      "What artificial intelligence achieves in companies today – and where its limits are.",
    ],
    [
      ["Maschinelles Lernen mit eigenen Daten", "Machine learning with your own data"],
      ["Rechtliche und ethische Fragen", "Legal and ethical questions"],
      ["Anwendungsfälle aus Produktion und Service", "Use cases from manufacturing and service"],
    ],
    [
      ["Maschinelles Lernen in der Qualitätsprüfung", "Machine learning in quality inspection"],
      ["KI im Mittelstand: erste Schritte", "AI in SMEs: first steps"],
    ],
  ),
  theme(
    "digitalisierung",
    "Digitalisierung im Mittelstand",
    "Digitalisation in SMEs",
    "Digitalisierungs",
    ["ict", "production"],
    [
      "Wie kleine und mittlere Unternehmen die Digitalisierung Schritt für Schritt angehen.",
      "How small and medium-sized companies approach digitalisation step by step.",
    ],
    [
      ["Digitale Geschäftsmodelle entwickeln", "Developing digital business models"],
      ["Förderprogramme von Bund und Land", "Federal and state funding programmes"],
      ["Erfahrungen aus Handwerk und Industrie", "Experience from crafts and industry"],
    ],
    [
      ["Digitale Geschäftsmodelle für KMU", "Digital business models for SMEs"],
      ["Fördermittel für die Digitalisierung im Mittelstand", "Funding for digitalisation in SMEs"],
    ],
  ),
  theme(
    "mikroelektronik",
    "Mikroelektronik",
    "Microelectronics",
    "Mikroelektronik",
    ["microelectronics", "ict"],
    [
      "Chips, Sensoren und Systeme: Mikroelektronik als Schlüssel für Industrie und Mobilität.",
      "Chips, sensors and systems: microelectronics as a key to industry and mobility.",
    ],
    [
      ["Chipdesign und Prototyping", "Chip design and prototyping"],
      ["Sensorsysteme für das Internet der Dinge", "Sensor systems for the Internet of Things"],
      ["Fachkräfte für die Halbleiterindustrie", "Skilled workers for the semiconductor industry"],
    ],
    [["Chipdesign für das Internet der Dinge", "Chip design for the Internet of Things"]],
  ),
  theme(
    "additiv",
    "Additive Fertigung",
    "Additive manufacturing",
    "3D-Druck",
    ["production", "materials"],
    [
      "3D-Druck jenseits des Prototyps: Bauteile in Serie, Ersatzteile auf Abruf.",
      "3D printing beyond the prototype: parts in series, spare parts on demand.",
    ],
    [
      ["Werkstoffe für den 3D-Druck", "Materials for 3D printing"],
      ["Konstruktion für additive Verfahren", "Design for additive processes"],
      ["Qualitätssicherung gedruckter Bauteile", "Quality assurance of printed parts"],
    ],
    [["3D-Druck in der Ersatzteilversorgung", "3D printing for spare parts"]],
  ),
  theme(
    "logistik",
    "Logistik 4.0",
    "Logistics 4.0",
    "Logistik",
    ["logistics", "ict"],
    [
      "Vernetzte Lieferketten, autonome Fahrzeuge und die letzte Meile in der Stadt.",
      "Connected supply chains, autonomous vehicles and the last mile in the city.",
    ],
    [
      ["Transparenz in der Lieferkette", "Transparency in the supply chain"],
      ["Autonome Flurförderzeuge", "Autonomous industrial trucks"],
      ["Urbane Logistikkonzepte", "Urban logistics concepts"],
    ],
    [["Die letzte Meile: urbane Logistik", "The last mile: urban logistics"]],
  ),
  theme(
    "cyber",
    "IT-Sicherheit",
    "IT security",
    "IT-Sicherheits",
    ["ict"],
    [
      "Angriffe erkennen, Anlagen schützen: IT-Sicherheit für Industrie und Verwaltung.",
      "Detecting attacks, protecting plants: IT security for industry and public administration.",
    ],
    [
      ["Lagebild: aktuelle Angriffe auf Unternehmen", "Current attacks on companies"],
      ["Sicherheit in der Produktions-IT", "Security in production IT"],
      ["Notfallübung in Kleingruppen", "Emergency drill in small groups"],
    ],
    [["Cyberangriffe auf Produktionsanlagen abwehren", "Defending production plants against cyber attacks"]],
  ),
  theme(
    "kreativ",
    "Kreativwirtschaft",
    "Creative industries",
    "Kreativ",
    ["creative", "ict"],
    [
      "Design, Games und Medien als Innovationstreiber für die Industrie.",
      "Design, games and media as drivers of innovation for industry.",
    ],
    [
      ["Design trifft Technik", "Design meets engineering"],
      ["Virtuelle Realität in der Produktentwicklung", "Virtual reality in product development"],
      ["Kooperationen anbahnen", "Initiating partnerships"],
    ],
    [["Design trifft Technik", "Design meets engineering"]],
  ),
  theme(
    "robotik",
    "Robotik",
    "Robotics",
    "Robotik",
    ["production", "ict"],
    [
      "Roboter, die mit Menschen zusammenarbeiten: Anwendungen in Montage und Logistik.",
      "Robots that work with people: applications in assembly and logistics.",
    ],
    [
      ["Kollaborative Roboter in der Montage", "Collaborative robots in assembly"],
      ["Sicherheit in der Mensch-Roboter-Kollaboration", "Safety in human-robot collaboration"],
      ["Live-Vorführungen", "Live demonstrations"],
    ],
    [["Kollaborative Roboter in der Montage", "Collaborative robots in assembly"]],
  ),
];
