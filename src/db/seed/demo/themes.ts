import type { topics } from "../reference-data.ts";

export type TopicCode = (typeof topics)[number][0];
type Pair = [de: string, en: string];

/** A subject the demo events are about: names, the topics it files under, a hook and an agenda. */
export type Theme = {
  key: string;
  de: string;
  en: string;
  /** First half of a German compound, e.g. "KI" in "KI-Werkstatt". */
  compound: string;
  topics: TopicCode[];
  hook: Pair;
  agenda: Pair[];
  /** Titles that only fit this theme. */
  titles: Pair[];
};

const theme = (
  key: string, de: string, en: string, compound: string, topicCodes: TopicCode[], hook: Pair, agenda: Pair[], titles: Pair[],
): Theme => ({ key, de, en, compound, topics: topicCodes, hook, agenda, titles });

export const themes: Theme[] = [
  theme("kunststoff", "Kunststoff", "Plastics", "Kunststoff", ["materials", "chemistry"],
    ["Wie Kunststoffe länger im Kreislauf bleiben und welche Verfahren sich im Betrieb bewährt haben.", "How plastics stay in the loop for longer and which processes have proven themselves in practice."],
    [["Sortier- und Aufbereitungstechnik für Kunststoffabfälle", "Sorting and processing technology for plastic waste"], ["Design for Recycling in der Produktentwicklung", "Design for recycling in product development"], ["Erfahrungsberichte aus Spritzguss und Extrusion", "Reports from injection moulding and extrusion"]],
    [["Kunststoff-Recycling in der Praxis", "Plastics recycling in practice"], ["Biobasierte Kunststoffe: Werkstoffe mit Zukunft", "Bio-based plastics: materials with a future"], ["Rezyklate in technischen Kunststoffbauteilen", "Recyclates in technical plastic parts"], ["Kunststoff und Kreislaufwirtschaft: was die EU-Strategie bedeutet", "Plastics and the circular economy: what the EU strategy means"]]),
  theme("leichtbau", "Leichtbau", "Lightweight engineering", "Leichtbau", ["materials", "automotive", "aerospace"],
    ["Weniger Gewicht, weniger Energie: neue Werkstoffe und Fügeverfahren für Fahrzeuge und Maschinen.", "Less weight, less energy: new materials and joining methods for vehicles and machines."],
    [["Faserverbundwerkstoffe und hybride Bauweisen", "Fibre composites and hybrid designs"], ["Fügetechnik und Simulation", "Joining technology and simulation"], ["Leichtbau in der Serienfertigung", "Lightweight engineering in series production"]],
    [["Faserverbund im Serienbau", "Fibre composites in series production"], ["Leichtbau trifft Kreislaufwirtschaft", "Lightweight engineering meets the circular economy"]]),
  theme("industrie40", "Industrie 4.0", "Industry 4.0", "Industrie-4.0", ["production", "ict"],
    ["Vernetzte Produktion im Mittelstand: von der Maschinendatenerfassung bis zum digitalen Zwilling.", "Connected manufacturing in SMEs: from machine data to the digital twin."],
    [["Maschinendaten erfassen und nutzen", "Capturing and using machine data"], ["Der digitale Zwilling in der Fertigung", "The digital twin in manufacturing"], ["Praxisbeispiele aus mittelständischen Betrieben", "Examples from medium-sized companies"]],
    [["Die vernetzte Fabrik: Industrie 4.0 zum Anfassen", "The connected factory: Industry 4.0 hands-on"], ["Retrofit: Bestandsmaschinen ans Netz bringen", "Retrofit: bringing existing machines online"]]),
  theme("wasserstoff", "Wasserstoff", "Hydrogen", "Wasserstoff", ["energy", "automotive"],
    ["Wasserstoff als Energieträger für Industrie und Verkehr: Erzeugung, Speicherung, Anwendung.", "Hydrogen as an energy carrier for industry and transport: production, storage, use."],
    [["Elektrolyse und grüne Wasserstofferzeugung", "Electrolysis and green hydrogen production"], ["Brennstoffzellen in Fahrzeugen und Anlagen", "Fuel cells in vehicles and plants"], ["Regionale Wasserstoffnetze", "Regional hydrogen networks"]],
    [["Grüner Wasserstoff für die Industrie", "Green hydrogen for industry"], ["Brennstoffzellen im Nutzfahrzeug", "Fuel cells in commercial vehicles"]]),
  theme("medizintechnik", "Medizintechnik", "Medical technology", "Medizintechnik", ["health"],
    ["Neue Produkte für Klinik und Praxis – und der Weg durch die Zulassung.", "New products for hospitals and practices – and the path through approval."],
    [["Die EU-Medizinprodukteverordnung (MDR) in der Praxis", "The EU Medical Device Regulation (MDR) in practice"], ["Klinische Bewertung und Studien", "Clinical evaluation and studies"], ["Kooperation von Kliniken und Herstellern", "Cooperation between hospitals and manufacturers"]],
    [["Die neue Medizinprodukteverordnung (MDR) in der Praxis", "The new Medical Device Regulation (MDR) in practice"], ["Digitale Gesundheitsanwendungen: vom Prototyp zur Zulassung", "Digital health applications: from prototype to approval"]]),
  theme("photonik", "Photonik", "Photonics", "Photonik", ["photonics", "microelectronics"],
    ["Licht als Werkzeug: Laser, optische Sensorik und Bildverarbeitung für die Fertigung.", "Light as a tool: lasers, optical sensors and image processing for manufacturing."],
    [["Lasermaterialbearbeitung", "Laser materials processing"], ["Optische Messtechnik in der Qualitätssicherung", "Optical metrology in quality assurance"], ["Photonik-Start-ups stellen sich vor", "Photonics start-ups introduce themselves"]],
    [["Lasertechnik in der Fertigung", "Laser technology in manufacturing"], ["Optische Sensorik für die Qualitätssicherung", "Optical sensors for quality assurance"]]),
  theme("ki", "Künstliche Intelligenz", "Artificial intelligence", "KI", ["ict", "production"],
    ["Was Künstliche Intelligenz heute in Unternehmen leistet – und wo ihre Grenzen liegen.", "What artificial intelligence achieves in companies today – and where its limits are."],
    [["Maschinelles Lernen mit eigenen Daten", "Machine learning with your own data"], ["Rechtliche und ethische Fragen", "Legal and ethical questions"], ["Anwendungsfälle aus Produktion und Service", "Use cases from manufacturing and service"]],
    [["Maschinelles Lernen in der Qualitätsprüfung", "Machine learning in quality inspection"], ["KI im Mittelstand: erste Schritte", "AI in SMEs: first steps"]]),
  theme("batterie", "Batterietechnik", "Battery technology", "Batterie", ["energy", "automotive"],
    ["Von der Zelle bis zum Recycling: die Wertschöpfungskette der Batterie in Deutschland.", "From cell to recycling: the battery value chain in Germany."],
    [["Zellchemie und Materialien", "Cell chemistry and materials"], ["Produktionstechnik für Batteriezellen", "Production technology for battery cells"], ["Recycling und Second Life", "Recycling and second life"]],
    [["Batteriezellfertigung in Europa", "Battery cell production in Europe"], ["Second Life: Batterien weiter nutzen", "Second life: reusing batteries"]]),
  theme("smartfarming", "Smart Farming", "Smart farming", "Smart-Farming", ["food", "ict"],
    ["Digitale Landwirtschaft: Sensoren, Daten und autonome Maschinen auf Feld und Hof.", "Digital agriculture: sensors, data and autonomous machines in the field and on the farm."],
    [["Präzisionslandwirtschaft mit Sensoren", "Precision farming with sensors"], ["Datenplattformen für Betriebe", "Data platforms for farms"], ["Vorführung auf dem Versuchsfeld", "Demonstration on the test field"]],
    [["Sensoren auf dem Acker: Präzisionslandwirtschaft", "Sensors in the field: precision farming"], ["Drohnen und Satellitendaten in der Landwirtschaft", "Drones and satellite data in agriculture"]]),
  theme("digitalisierung", "Digitalisierung im Mittelstand", "Digitalisation in SMEs", "Digitalisierungs", ["ict", "production"],
    ["Wie kleine und mittlere Unternehmen die Digitalisierung Schritt für Schritt angehen.", "How small and medium-sized companies approach digitalisation step by step."],
    [["Digitale Geschäftsmodelle entwickeln", "Developing digital business models"], ["Förderprogramme von Bund und Land", "Federal and state funding programmes"], ["Erfahrungen aus Handwerk und Industrie", "Experience from crafts and industry"]],
    [["Digitale Geschäftsmodelle für KMU", "Digital business models for SMEs"], ["Fördermittel für die Digitalisierung im Mittelstand", "Funding for digitalisation in SMEs"]]),
  theme("elektromobilitaet", "Elektromobilität", "Electric mobility", "Elektromobilitäts", ["automotive", "energy"],
    ["Fahrzeuge, Ladeinfrastruktur und neue Dienste: der Umbau der Mobilität in der Region.", "Vehicles, charging infrastructure and new services: the mobility transition in the region."],
    [["Ladeinfrastruktur planen", "Planning charging infrastructure"], ["Elektrische Antriebe im Nutzfahrzeug", "Electric drives in commercial vehicles"], ["Zulieferer im Wandel", "Suppliers in transition"]],
    [["Ladeinfrastruktur im Quartier", "Charging infrastructure in the neighbourhood"], ["Zulieferer im Wandel: Elektromobilität als Chance", "Suppliers in transition: electric mobility as an opportunity"]]),
  theme("biotech", "Biotechnologie", "Biotechnology", "Biotech", ["biotech", "health"],
    ["Biotechnologische Verfahren auf dem Weg vom Labor in die Produktion.", "Biotechnological processes on their way from the lab to production."],
    [["Bioprozesstechnik und Scale-up", "Bioprocess engineering and scale-up"], ["Finanzierung junger Biotech-Unternehmen", "Financing young biotech companies"], ["Laborführung", "Lab tour"]],
    [["Von der Zelle zum Produkt: Bioprozesstechnik", "From cell to product: bioprocess engineering"]]),
  theme("mikroelektronik", "Mikroelektronik", "Microelectronics", "Mikroelektronik", ["microelectronics", "ict"],
    ["Chips, Sensoren und Systeme: Mikroelektronik als Schlüssel für Industrie und Mobilität.", "Chips, sensors and systems: microelectronics as a key to industry and mobility."],
    [["Chipdesign und Prototyping", "Chip design and prototyping"], ["Sensorsysteme für das Internet der Dinge", "Sensor systems for the Internet of Things"], ["Fachkräfte für die Halbleiterindustrie", "Skilled workers for the semiconductor industry"]],
    [["Chipdesign für das Internet der Dinge", "Chip design for the Internet of Things"]]),
  theme("additiv", "Additive Fertigung", "Additive manufacturing", "3D-Druck", ["production", "materials"],
    ["3D-Druck jenseits des Prototyps: Bauteile in Serie, Ersatzteile auf Abruf.", "3D printing beyond the prototype: parts in series, spare parts on demand."],
    [["Werkstoffe für den 3D-Druck", "Materials for 3D printing"], ["Konstruktion für additive Verfahren", "Design for additive processes"], ["Qualitätssicherung gedruckter Bauteile", "Quality assurance of printed parts"]],
    [["3D-Druck in der Ersatzteilversorgung", "3D printing for spare parts"]]),
  theme("logistik", "Logistik 4.0", "Logistics 4.0", "Logistik", ["logistics", "ict"],
    ["Vernetzte Lieferketten, autonome Fahrzeuge und die letzte Meile in der Stadt.", "Connected supply chains, autonomous vehicles and the last mile in the city."],
    [["Transparenz in der Lieferkette", "Transparency in the supply chain"], ["Autonome Flurförderzeuge", "Autonomous industrial trucks"], ["Urbane Logistikkonzepte", "Urban logistics concepts"]],
    [["Die letzte Meile: urbane Logistik", "The last mile: urban logistics"]]),
  theme("maritim", "Maritime Technologien", "Maritime technologies", "Meerestechnik", ["maritime", "energy"],
    ["Schiffbau, Offshore und Meerestechnik: Innovationen von der Küste.", "Shipbuilding, offshore and marine technology: innovation from the coast."],
    [["Emissionsarme Schiffsantriebe", "Low-emission ship propulsion"], ["Offshore-Wind und Wartung", "Offshore wind and maintenance"], ["Unterwassersensorik", "Underwater sensors"]],
    [["Offshore-Wind: Wartung mit Robotern", "Offshore wind: maintenance with robots"]]),
  theme("biooekonomie", "Bioökonomie", "Bioeconomy", "Bioökonomie", ["biotech", "food", "chemistry"],
    ["Nachwachsende Rohstoffe und biobasierte Verfahren für Industrie und Landwirtschaft.", "Renewable raw materials and bio-based processes for industry and agriculture."],
    [["Reststoffe als Rohstoff", "Residues as raw material"], ["Biobasierte Chemikalien", "Bio-based chemicals"], ["Regionale Wertschöpfungsketten", "Regional value chains"]],
    [["Reststoffe als Rohstoff: Bioökonomie in der Region", "Residues as raw material: the bioeconomy in the region"]]),
  theme("cyber", "IT-Sicherheit", "IT security", "IT-Sicherheits", ["ict"],
    ["Angriffe erkennen, Anlagen schützen: IT-Sicherheit für Industrie und Verwaltung.", "Detecting attacks, protecting plants: IT security for industry and public administration."],
    [["Lagebild: aktuelle Angriffe auf Unternehmen", "Current attacks on companies"], ["Sicherheit in der Produktions-IT", "Security in production IT"], ["Notfallübung in Kleingruppen", "Emergency drill in small groups"]],
    [["Cyberangriffe auf Produktionsanlagen abwehren", "Defending production plants against cyber attacks"]]),
  theme("bauen", "Nachhaltiges Bauen", "Sustainable construction", "Bau", ["construction", "materials"],
    ["Holz, Recyclingbeton und digitale Planung: wie das Bauen nachhaltiger wird.", "Timber, recycled concrete and digital planning: how construction becomes more sustainable."],
    [["Holz- und Hybridbau", "Timber and hybrid construction"], ["Building Information Modeling (BIM)", "Building information modelling (BIM)"], ["Sanierung im Bestand", "Refurbishing existing buildings"]],
    [["Holzbau in der Stadt", "Timber construction in the city"]]),
  theme("kreativ", "Kreativwirtschaft", "Creative industries", "Kreativ", ["creative", "ict"],
    ["Design, Games und Medien als Innovationstreiber für die Industrie.", "Design, games and media as drivers of innovation for industry."],
    [["Design trifft Technik", "Design meets engineering"], ["Virtuelle Realität in der Produktentwicklung", "Virtual reality in product development"], ["Kooperationen anbahnen", "Initiating partnerships"]],
    [["Design trifft Technik", "Design meets engineering"]]),
  theme("luftfahrt", "Luft- und Raumfahrt", "Aerospace", "Luftfahrt", ["aerospace", "materials"],
    ["Zulieferer, Forschung und Start-ups der Luft- und Raumfahrt zeigen ihre Entwicklungen.", "Aerospace suppliers, researchers and start-ups show their developments."],
    [["Kleinsatelliten und New Space", "Small satellites and New Space"], ["Leichte Strukturen für Flugzeuge", "Lightweight aircraft structures"], ["Zertifizierung in der Luftfahrt", "Certification in aviation"]],
    [["Kleinsatelliten aus dem Mittelstand", "Small satellites from SMEs"]]),
  theme("chemie", "Grüne Chemie", "Green chemistry", "Chemie", ["chemistry", "energy"],
    ["Neue Rohstoffe und energieeffiziente Verfahren für die chemische Industrie.", "New feedstocks and energy-efficient processes for the chemical industry."],
    [["CO2 als Rohstoff", "CO2 as a feedstock"], ["Katalyse und Prozessintensivierung", "Catalysis and process intensification"], ["Chemieparks als Innovationsorte", "Chemical parks as places of innovation"]],
    [["CO2 als Rohstoff für die Chemie", "CO2 as a feedstock for chemistry"]]),
  theme("lebensmittel", "Lebensmitteltechnologie", "Food technology", "Lebensmittel", ["food"],
    ["Neue Verfahren und Produkte für die Ernährungswirtschaft.", "New processes and products for the food industry."],
    [["Alternative Proteine", "Alternative proteins"], ["Haltbarkeit und Verpackung", "Shelf life and packaging"], ["Verkostung", "Tasting"]],
    [["Alternative Proteine: die Zukunft auf dem Teller", "Alternative proteins: the future on our plates"]]),
  theme("robotik", "Robotik", "Robotics", "Robotik", ["production", "ict"],
    ["Roboter, die mit Menschen zusammenarbeiten: Anwendungen in Montage und Logistik.", "Robots that work with people: applications in assembly and logistics."],
    [["Kollaborative Roboter in der Montage", "Collaborative robots in assembly"], ["Sicherheit in der Mensch-Roboter-Kollaboration", "Safety in human-robot collaboration"], ["Live-Vorführungen", "Live demonstrations"]],
    [["Kollaborative Roboter in der Montage", "Collaborative robots in assembly"]]),
];

export function themeByKey(key: string): Theme {
  const found = themes.find((t) => t.key === key);
  if (!found) throw new Error(`unknown demo theme ${key}`);
  return found;
}

/** The themes whose main topic is one of the given topics; all themes if none is. */
export function themesFor(topicCodes: readonly string[]): Theme[] {
  const matching = themes.filter((t) => topicCodes.includes(t.topics[0] ?? ""));
  return matching.length > 0 ? matching : themes;
}
