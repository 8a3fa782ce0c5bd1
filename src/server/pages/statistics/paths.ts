/** The statistics pages' addresses (under the staff's /personal). */
export const statisticsPaths = {
  home: "/personal/statistik",
  fetch: "/personal/statistik/hamta",
  job: "/personal/statistik/jobb/:id",
  status: "/personal/statistik/jobb/:id/status",
} as const;

export const jobHref = (id: string) => `/personal/statistik/jobb/${encodeURIComponent(id)}`;
export const jobStatusHref = (id: string) => `${jobHref(id)}/status`;
export const searchHref = (words?: string) =>
  `${statisticsPaths.home}${words ? `?${new URLSearchParams({ sok: words })}` : ""}`;

/** The form again with these fields filled in. */
export const formHref = (fields: Readonly<Record<string, string | readonly string[]>>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of typeof v === "string" ? [v] : v) if (x) q.append(k, x);
  return `${statisticsPaths.home}?${q}`;
};
