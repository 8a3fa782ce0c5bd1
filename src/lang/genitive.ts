/**
 * Swedish genitive of a name: names ending in s, x or z take no extra "s" ("Kramfors",
 * "Kalix", "Borås"); all others add "s" ("Lidingös", "Göteborgs", "Malung-Sälens").
 */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}
