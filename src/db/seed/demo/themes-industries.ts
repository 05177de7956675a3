import { type Theme, theme } from "./theme.ts";

/** Themes of energy, health, food, transport and construction. */
export const industryThemes: Theme[] = [
  theme(
    "wasserstoff",
    "Wasserstoff",
    "Hydrogen",
    "Wasserstoff",
    ["energy", "automotive"],
    [
      "Wasserstoff als Energieträger für Industrie und Verkehr: Erzeugung, Speicherung, Anwendung.",
      "Hydrogen as an energy carrier for industry and transport: production, storage, use.",
    ],
    [
      ["Elektrolyse und grüne Wasserstofferzeugung", "Electrolysis and green hydrogen production"],
      ["Brennstoffzellen in Fahrzeugen und Anlagen", "Fuel cells in vehicles and plants"],
      ["Regionale Wasserstoffnetze", "Regional hydrogen networks"],
    ],
    [
      ["Grüner Wasserstoff für die Industrie", "Green hydrogen for industry"],
      ["Brennstoffzellen im Nutzfahrzeug", "Fuel cells in commercial vehicles"],
    ],
  ),
  theme(
    "medizintechnik",
    "Medizintechnik",
    "Medical technology",
    "Medizintechnik",
    ["health"],
    [
      "Neue Produkte für Klinik und Praxis – und der Weg durch die Zulassung.",
      "New products for hospitals and practices – and the path through approval.",
    ],
    [
      ["Die EU-Medizinprodukteverordnung (MDR) in der Praxis", "The EU Medical Device Regulation (MDR) in practice"],
      ["Klinische Bewertung und Studien", "Clinical evaluation and studies"],
      ["Kooperation von Kliniken und Herstellern", "Cooperation between hospitals and manufacturers"],
    ],
    [
      ["Die neue Medizinprodukteverordnung (MDR) in der Praxis", "The new Medical Device Regulation (MDR) in practice"],
      ["Digitale Gesundheitsanwendungen: vom Prototyp zur Zulassung", "Digital health applications: from prototype to approval"],
    ],
  ),
  theme(
    "batterie",
    "Batterietechnik",
    "Battery technology",
    "Batterie",
    ["energy", "automotive"],
    [
      "Von der Zelle bis zum Recycling: die Wertschöpfungskette der Batterie in Deutschland.",
      "From cell to recycling: the battery value chain in Germany.",
    ],
    [
      ["Zellchemie und Materialien", "Cell chemistry and materials"],
      ["Produktionstechnik für Batteriezellen", "Production technology for battery cells"],
      ["Recycling und Second Life", "Recycling and second life"],
    ],
    [
      ["Batteriezellfertigung in Europa", "Battery cell production in Europe"],
      ["Second Life: Batterien weiter nutzen", "Second life: reusing batteries"],
    ],
  ),
  theme(
    "smartfarming",
    "Smart Farming",
    "Smart farming",
    "Smart-Farming",
    ["food", "ict"],
    [
      "Digitale Landwirtschaft: Sensoren, Daten und autonome Maschinen auf Feld und Hof.",
      "Digital agriculture: sensors, data and autonomous machines in the field and on the farm.",
    ],
    [
      ["Präzisionslandwirtschaft mit Sensoren", "Precision farming with sensors"],
      ["Datenplattformen für Betriebe", "Data platforms for farms"],
      ["Vorführung auf dem Versuchsfeld", "Demonstration on the test field"],
    ],
    [
      ["Sensoren auf dem Acker: Präzisionslandwirtschaft", "Sensors in the field: precision farming"],
      ["Drohnen und Satellitendaten in der Landwirtschaft", "Drones and satellite data in agriculture"],
    ],
  ),
  theme(
    "elektromobilitaet",
    "Elektromobilität",
    "Electric mobility",
    "Elektromobilitäts",
    ["automotive", "energy"],
    [
      "Fahrzeuge, Ladeinfrastruktur und neue Dienste: der Umbau der Mobilität in der Region.",
      "Vehicles, charging infrastructure and new services: the mobility transition in the region.",
    ],
    [
      ["Ladeinfrastruktur planen", "Planning charging infrastructure"],
      ["Elektrische Antriebe im Nutzfahrzeug", "Electric drives in commercial vehicles"],
      ["Zulieferer im Wandel", "Suppliers in transition"],
    ],
    [
      ["Ladeinfrastruktur im Quartier", "Charging infrastructure in the neighbourhood"],
      ["Zulieferer im Wandel: Elektromobilität als Chance", "Suppliers in transition: electric mobility as an opportunity"],
    ],
  ),
  theme(
    "biotech",
    "Biotechnologie",
    "Biotechnology",
    "Biotech",
    ["biotech", "health"],
    [
      "Biotechnologische Verfahren auf dem Weg vom Labor in die Produktion.",
      "Biotechnological processes on their way from the lab to production.",
    ],
    [
      ["Bioprozesstechnik und Scale-up", "Bioprocess engineering and scale-up"],
      ["Finanzierung junger Biotech-Unternehmen", "Financing young biotech companies"],
      ["Laborführung", "Lab tour"],
    ],
    [["Von der Zelle zum Produkt: Bioprozesstechnik", "From cell to product: bioprocess engineering"]],
  ),
  theme(
    "maritim",
    "Maritime Technologien",
    "Maritime technologies",
    "Meerestechnik",
    ["maritime", "energy"],
    [
      "Schiffbau, Offshore und Meerestechnik: Innovationen von der Küste.",
      "Shipbuilding, offshore and marine technology: innovation from the coast.",
    ],
    [
      ["Emissionsarme Schiffsantriebe", "Low-emission ship propulsion"],
      ["Offshore-Wind und Wartung", "Offshore wind and maintenance"],
      ["Unterwassersensorik", "Underwater sensors"],
    ],
    [["Offshore-Wind: Wartung mit Robotern", "Offshore wind: maintenance with robots"]],
  ),
  theme(
    "biooekonomie",
    "Bioökonomie",
    "Bioeconomy",
    "Bioökonomie",
    ["biotech", "food", "chemistry"],
    [
      "Nachwachsende Rohstoffe und biobasierte Verfahren für Industrie und Landwirtschaft.",
      "Renewable raw materials and bio-based processes for industry and agriculture.",
    ],
    [
      ["Reststoffe als Rohstoff", "Residues as raw material"],
      ["Biobasierte Chemikalien", "Bio-based chemicals"],
      ["Regionale Wertschöpfungsketten", "Regional value chains"],
    ],
    [["Reststoffe als Rohstoff: Bioökonomie in der Region", "Residues as raw material: the bioeconomy in the region"]],
  ),
  theme(
    "bauen",
    "Nachhaltiges Bauen",
    "Sustainable construction",
    "Bau",
    ["construction", "materials"],
    [
      "Holz, Recyclingbeton und digitale Planung: wie das Bauen nachhaltiger wird.",
      "Timber, recycled concrete and digital planning: how construction becomes more sustainable.",
    ],
    [
      ["Holz- und Hybridbau", "Timber and hybrid construction"],
      ["Building Information Modeling (BIM)", "Building information modelling (BIM)"],
      ["Sanierung im Bestand", "Refurbishing existing buildings"],
    ],
    [["Holzbau in der Stadt", "Timber construction in the city"]],
  ),
  theme(
    "luftfahrt",
    "Luft- und Raumfahrt",
    "Aerospace",
    "Luftfahrt",
    ["aerospace", "materials"],
    [
      "Zulieferer, Forschung und Start-ups der Luft- und Raumfahrt zeigen ihre Entwicklungen.",
      "Aerospace suppliers, researchers and start-ups show their developments.",
    ],
    [
      ["Kleinsatelliten und New Space", "Small satellites and New Space"],
      ["Leichte Strukturen für Flugzeuge", "Lightweight aircraft structures"],
      ["Zertifizierung in der Luftfahrt", "Certification in aviation"],
    ],
    [["Kleinsatelliten aus dem Mittelstand", "Small satellites from SMEs"]],
  ),
  theme(
    "chemie",
    "Grüne Chemie",
    "Green chemistry",
    "Chemie",
    ["chemistry", "energy"],
    [
      "Neue Rohstoffe und energieeffiziente Verfahren für die chemische Industrie.",
      "New feedstocks and energy-efficient processes for the chemical industry.",
    ],
    [
      ["CO2 als Rohstoff", "CO2 as a feedstock"],
      ["Katalyse und Prozessintensivierung", "Catalysis and process intensification"],
      ["Chemieparks als Innovationsorte", "Chemical parks as places of innovation"],
    ],
    [["CO2 als Rohstoff für die Chemie", "CO2 as a feedstock for chemistry"]],
  ),
  theme(
    "lebensmittel",
    "Lebensmitteltechnologie",
    "Food technology",
    "Lebensmittel",
    ["food"],
    ["Neue Verfahren und Produkte für die Ernährungswirtschaft.", "New processes and products for the food industry."],
    [
      ["Alternative Proteine", "Alternative proteins"],
      ["Haltbarkeit und Verpackung", "Shelf life and packaging"],
      ["Verkostung", "Tasting"],
    ],
    [["Alternative Proteine: die Zukunft auf dem Teller", "Alternative proteins: the future on our plates"]],
  ),
];
