import { z } from "zod";

/** Who signs a document: "Anna Andersson (L), ledamot i kommunfullmäktige". */
export const signerSchema = z.object({
  name: z.string().trim().min(1).max(200),
  party: z.string().trim().min(1).max(60).optional(),
  role: z.string().trim().min(1).max(300).optional(),
});
export type Signer = z.infer<typeof signerSchema>;
