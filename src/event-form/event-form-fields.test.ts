import { describe, expect, it } from "vitest";
import { de } from "../lib/i18n/de.ts";
import { en } from "../lib/i18n/en.ts";
import { DecisionInput } from "../moderation/moderation.schemas.ts";
import { markableEventFields } from "./event-form-fields.ts";

const lookup = (root: unknown, key: string): unknown =>
  key
    .split(".")
    .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), root);

describe("markableEventFields", () => {
  it("has a German and an English label for every field", () => {
    for (const f of markableEventFields) {
      expect(typeof lookup(de, f.labelKey), f.labelKey).toBe("string");
      expect(typeof lookup(en, f.labelKey), f.labelKey).toBe("string");
    }
  });

  it("fits what a request-changes decision accepts (all fields at once)", () => {
    const parsed = DecisionInput.safeParse({
      id: 1,
      version: 1,
      action: "request_changes",
      message: "Bitte prüfen",
      fields: markableEventFields.map((f) => f.name),
    });
    expect(parsed.success).toBe(true);
  });
});
