/** The editors' edition pages. */
export const editionsPath = "/mein-bereich/ausgaben";
export const rolloverPath = `${editionsPath}/neu-aus-vorjahr`;
