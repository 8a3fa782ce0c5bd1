/** The researcher's pages' addresses: the concordance and "who argued what" (under /korpus, before its /:id). */
export const researchPaths = {
  concordance: "/korpus/konkordans",
  arguments: "/korpus/argument",
} as const;
