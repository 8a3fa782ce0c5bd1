import { describe, expect, it } from "vitest";
import { analyze } from "../../src/corpus/search/analyze.js";
import { cueStemOptions } from "../../src/corpus/tagging/topics.js";
import { stem } from "../../src/lang/stem.js";

const tagging = (w: string) => stem(w, cueStemOptions);

describe("stem: the one Swedish stemmer", () => {
  it("brings inflections together (Snowball)", () => {
    expect(stem("sexköparna")).toBe("sexköp");
    expect(stem("sexköparen")).toBe("sexköp");
    expect(stem("sexköpare")).toBe("sexköp");
    expect(stem("prostituerade")).toBe("prostituer");
    expect(stem("handlingsplaner")).toBe(stem("handlingsplan"));
  });

  it("lower-cases, whatever case the word is written in, and keeps å ä ö", () => {
    expect(stem("Sexköparna")).toBe("sexköp");
    expect(stem("MÄNNISKOHANDEL")).toBe("människohandel");
    expect(stem("Västerås")).toBe("västerås");
  });

  it("leaves digits and words of one or two letters as they are", () => {
    expect(stem("2026")).toBe("2026");
    expect(stem("är")).toBe("är");
    expect(stem("Ö")).toBe("ö");
  });

  it("search and tagging give the same stem where no definite form is involved", () => {
    for (const w of ["sexköparna", "Prostituerade", "människohandel", "samverkan", "kommunerna", "2026", "av"])
      expect(tagging(w)).toBe(stem(w));
  });

  it("the tagger's option also reduces definite forms; search's stems keep them", () => {
    expect(tagging("stödet")).toBe("stöd");
    expect(tagging("stödet")).toBe(tagging("stöd"));
    expect(tagging("människohandeln")).toBe("människohandel");
    expect(stem("stödet")).toBe("stödet");
    expect(stem("människohandeln")).toBe("människohandeln");
    // Short stems are left alone by the option too.
    expect(tagging("bet")).toBe("bet");
  });

  it("keeps the two option sets apart, whichever is asked first", () => {
    expect(tagging("avtalet")).toBe("avtal");
    expect(stem("avtalet")).toBe("avtalet");
    expect(stem("mottagningen")).toBe(tagging("mottagningen"));
  });

  it("is what the search index holds for a text", () => {
    expect(analyze("Sexköparna och stödet")).toEqual([stem("sexköparna"), stem("stödet")]);
  });
});
