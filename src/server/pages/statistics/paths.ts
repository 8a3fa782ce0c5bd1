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
