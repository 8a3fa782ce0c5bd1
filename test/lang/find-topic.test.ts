import { describe, expect, it } from "vitest";
import { topics } from "../../src/domain/vocabulary.js";
import { findTopic } from "../../src/lang/find-topic.js";

describe("findTopic: one lookup, one folding", () => {
  it("finds a topic by id or by label, whatever the case, diacritics or hyphens", () => {
    expect(findTopic("KAST")?.id).toBe("kast");
    expect(findTopic("kast")?.id).toBe("kast");
    expect(findTopic("människohandel")?.id).toBe("manniskohandel");
    expect(findTopic("Manniskohandel")?.id).toBe("manniskohandel");
    expect(findTopic(" Människohandel ")?.id).toBe("manniskohandel");
    expect(findTopic("barn och unga")?.id).toBe("barn-och-unga");
    expect(findTopic("Barn-och-unga")?.id).toBe("barn-och-unga");
    expect(findTopic("medborgarlofte")?.id).toBe("medborgarlofte");
    expect(findTopic("stöd")?.id).toBe("stod");
  });

  it("finds every topic by its id and by its label", () => {
    for (const t of topics) {
      expect(findTopic(t.id)).toBe(t);
      expect(findTopic(t.label)).toBe(t);
    }
  });

  it("finds nothing for a word that is no topic", () => {
    expect(findTopic("fiske")).toBeUndefined();
    expect(findTopic("")).toBeUndefined();
    expect(findTopic("kas")).toBeUndefined();
  });
});
