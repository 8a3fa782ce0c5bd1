/** The statistics pages' addresses (under the staff's /personal). */
export const statisticsPaths = {
  home: "/personal/statistik",
  fetch: "/personal/statistik/hamta",
  job: "/personal/statistik/jobb/:id",
  status: "/personal/statistik/jobb/:id/status",
  scb: "/personal/statistik/scb",
  scbFetch: "/personal/statistik/scb/hamta",
} as const;

export const jobHref = (id: string) => `/personal/statistik/jobb/${encodeURIComponent(id)}`;
export const jobStatusHref = (id: string) => `${jobHref(id)}/status`;
export const searchHref = (page: string, words: string) =>
  `${page}${words ? `?${new URLSearchParams({ sok: words })}` : ""}`;

/** The form again with these fields filled in. */
export const formHref = (page: string, fields: Readonly<Record<string, string | readonly string[]>>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of typeof v === "string" ? [v] : v) if (x) q.append(k, x);
  return `${page}?${q}`;
};
