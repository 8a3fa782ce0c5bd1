export const exportFormats = ["csv", "json", "jsonl"] as const;
export type ExportFormat = (typeof exportFormats)[number];
