/**
 * Errors as RFC 9457 problem details (application/problem+json): a status, a short title, a
 * detail a person can act on, and for invalid input the path of each field at fault. Never a
 * stack trace or a file path.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "../domain/zod.js";
import { isMotioneraError, type ErrorDetails } from "../domain/errors.js";
import {
  cliWording,
  explainBrokenTemplate,
  explainErrorWorded,
  explainImportIssue,
  type FactWording,
} from "../messages.sv.js";
import type { Refusal } from "./campaign-admission.js";

export interface FieldError {
  /** JSON pointer-like path of the field: "authors/0/name", "inputs/committee". */
  path: string;
  message: string;
  /** The core's error code, when a core check found the problem (unknown_municipality, input_invalid …). */
  code?: string;
  /** Where a missing or stale fact is added (see Problem.addFact). */
  addFact?: string;
  /** "Did you mean" for this field. */
  suggestions?: string[];
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  /** "Did you mean": the nearest known names, for a name that was not found. */
  suggestions?: string[];
  /** Where a missing or stale fact is added: the web's "Lägg till uppgift" form, filled in. */
  addFact?: string;
  /** What a draft refused under `strict` still asks the signer to fill in. */
  placeholders?: string[];
}

const base = "https://motionera.se/problem/";

export function problemResponse(c: Context, p: Problem): Response {
  return c.body(JSON.stringify(p), p.status as ContentfulStatusCode, {
    "content-type": "application/problem+json; charset=utf-8",
  });
}

export function fieldErrors(e: Pick<z.ZodError, "issues">): FieldError[] {
  return e.issues.map((i) => ({ path: i.path.map(String).join("/"), message: i.message }));
}

/**
 * The HTTP face of each core error: its status, its field (if any) and the Swedish explanation,
 * which tells how to add a missing fact in `wording` (the service's answers use the web's form).
 */
export function problemOf(d: ErrorDetails, wording: FactWording = cliWording): Problem {
  const detail = explainErrorWorded(d, wording);
  const addFact = addFactOf(d, wording);
  const field = (path: string): FieldError[] => [{ path, message: detail }];
  switch (d.code) {
    case "unknown_municipality":
      return {
        type: `${base}unknown-municipality`,
        title: "Okänd kommun",
        status: 422,
        detail,
        errors: field("municipality"),
        suggestions: d.suggestions,
      };
    case "unknown_county":
      return {
        type: `${base}unknown-county`,
        title: "Okänt län",
        status: 422,
        detail,
        errors: field("county"),
        suggestions: d.suggestions,
      };
    case "unknown_template":
      return {
        type: `${base}unknown-template`,
        title: "Okänd mall",
        status: 404,
        detail,
        errors: field("template"),
        suggestions: d.suggestions,
      };
    case "unknown_argument":
      return {
        type: `${base}unknown-argument`,
        title: "Okänt argument",
        status: 422,
        detail,
        errors: field("arguments"),
      };
    case "fact_missing":
      return { type: `${base}fact-missing`, title: "Uppgift saknas", status: 422, detail, ...addFact };
    case "fact_stale":
      return { type: `${base}fact-stale`, title: "För gammal uppgift", status: 422, detail, ...addFact };
    case "draft_has_placeholders":
      return {
        type: `${base}draft-has-placeholders`,
        title: "Utkastet har ställen att fylla i",
        status: 422,
        detail,
        placeholders: d.placeholders,
      };
    case "unknown_fact_key":
      return {
        type: `${base}unknown-fact-key`,
        title: "Okänd faktanyckel",
        status: 422,
        detail,
        errors: field("key"),
        suggestions: d.suggestions,
      };
    case "fact_invalid":
    case "input_invalid":
      return {
        type: `${base}invalid-input`,
        title: "Ogiltigt värde",
        status: 422,
        detail,
        errors: field(d.field.replace(/\./g, "/")),
      };
    case "input_needed":
      return {
        type: `${base}invalid-input`,
        title: "Uppgift saknas",
        status: 422,
        detail,
        errors: field(`inputs/${d.field}`),
      };
    case "unknown_input":
      return {
        type: `${base}unknown-input`,
        title: "Okänt fält",
        status: 422,
        detail,
        errors: field(`inputs/${d.field}`),
      };
    case "author_invalid":
      return {
        type: `${base}invalid-input`,
        title: "Ogiltig undertecknare",
        status: 422,
        detail,
        errors: field("authors"),
      };
    case "template_invalid":
      // This template cannot be used (the others can): which one and why, but not its file path.
      return {
        type: `${base}template-invalid`,
        title: "Fel i mallen",
        status: 422,
        detail:
          `${explainBrokenTemplate(d)} Välj en annan mall; den som driver tjänsten ser felet med motionera ` +
          `templates.`,
        errors: [{ path: "template", message: explainBrokenTemplate(d) }],
      };
    case "database_invalid":
      // The file's path and the restore command are in the service's log, not in the answer.
      return {
        type: `${base}database-invalid`,
        title: "Databasen kan inte läsas",
        status: 503,
        detail:
          "Tjänstens databas kan inte läsas. Den som driver tjänsten återställer den senaste fungerande " +
          "säkerhetskopian; tjänstens logg visar vilken och kommandot (cp …).",
      };
    case "database_locked":
      return {
        type: `${base}database-locked`,
        title: "Databasen är låst",
        status: 503,
        detail: "En annan process skriver i tjänstens databas. Försök igen senare.",
      };
    case "database_behind":
    case "database_unreachable":
      // The database's address and the command that fixes it are in the service's log, not in the answer.
      return {
        type: `${base}database-unavailable`,
        title: "Databasen kan inte användas",
        status: 503,
        detail: "Tjänstens databas kan inte användas just nu. Den som driver tjänsten ser orsaken i tjänstens logg.",
      };
    case "fact_key_invalid":
      return {
        type: `${base}invalid-input`,
        title: "Ogiltig faktanyckel",
        status: 422,
        detail,
        errors: field(d.field.replace(/\./g, "/")),
        ...(d.suggestions?.length ? { suggestions: d.suggestions } : {}),
      };
    case "fact_key_exists":
      return {
        type: `${base}fact-key-exists`,
        title: "Faktanyckeln finns redan",
        status: 409,
        detail,
        errors: field("key"),
      };
    case "token_exists":
      return { type: `${base}token-exists`, title: "Token finns redan", status: 409, detail, errors: field("name") };
    case "filing_unknown":
      return {
        type: `${base}filing-unknown`,
        title: "Okänt ärende",
        status: 404,
        detail,
        errors: field("id"),
        suggestions: d.suggestions,
      };
    case "token_unknown":
      return {
        type: `${base}token-unknown`,
        title: "Okänd token",
        status: 404,
        detail,
        errors: field("name"),
        suggestions: d.suggestions,
      };
    case "fact_key_in_use":
      return { type: `${base}fact-key-in-use`, title: "Faktanyckeln används", status: 409, detail };
    case "fact_key_type_conflict":
      return {
        type: `${base}fact-key-type-conflict`,
        title: "Typen passar inte registrerade värden",
        status: 409,
        detail,
        errors: field("type"),
      };
    case "fact_import_invalid":
      // One entry per problem in the file, each naming its line and column.
      return {
        type: `${base}fact-import-invalid`,
        title: "Filen kan inte importeras",
        status: 422,
        detail,
        errors: d.issues.map((i) => ({ path: "file", message: explainImportIssue(i) })),
      };
    case "output_failed":
      return {
        type: `${base}output-failed`,
        title: "Kunde inte skriva",
        status: 500,
        detail: "Resultatet kunde inte sparas.",
      };
    case "campaign_condition_invalid":
      return {
        type: `${base}campaign-condition-invalid`,
        title: "Ogiltigt villkor",
        status: 422,
        detail,
        errors: field("where"),
      };
    case "campaign_empty":
      return { type: `${base}campaign-empty`, title: "Ingen kommun i urvalet", status: 422, detail };
    case "request_invalid": {
      // Every problem a core check found, each at its field's path; one problem keeps its own problem type.
      if (d.problems.length === 1) return problemOf(d.problems[0]!.details, wording);
      const errors = d.problems.map((p): FieldError => {
        const one = problemOf(p.details, wording);
        const suggestions = "suggestions" in p.details ? p.details.suggestions : undefined;
        return {
          path: p.path.map(String).join("/"),
          message: one.errors?.[0]?.message ?? one.detail ?? one.title,
          code: p.details.code,
          ...(one.addFact ? { addFact: one.addFact } : {}),
          ...(suggestions?.length ? { suggestions } : {}),
        };
      });
      return {
        type: `${base}invalid-input`,
        title: "Ogiltig begäran",
        status: 422,
        detail: `${errors.length} fel: ${errors.map((e) => e.message).join(" ")}`,
        errors,
      };
    }
  }
}

/** A missing or stale fact's form, for an answer in the web's wording; nothing otherwise. */
function addFactOf(d: ErrorDetails, wording: FactWording): { addFact?: string } {
  if (wording.kind !== "web" || (d.code !== "fact_missing" && d.code !== "fact_stale")) return {};
  return { addFact: wording.href({ subject: d.subjectName, key: d.key }) };
}

/** Anything thrown: core errors keep their meaning; everything else is a plain 500. */
export function problemFromError(e: unknown, wording: FactWording = cliWording): Problem {
  if (isMotioneraError(e)) return problemOf(e.details, wording);
  return {
    type: `${base}internal`,
    title: "Internt fel",
    status: 500,
    detail: "Ett oväntat fel inträffade. Försök igen; om felet består, kontakta den som driver tjänsten.",
  };
}

export const problems = {
  notFound: (what = "Sidan"): Problem => ({
    type: `${base}not-found`,
    title: "Hittades inte",
    status: 404,
    detail: `${what} finns inte.`,
  }),
  methodNotAllowed: (allowed: string[]): Problem => ({
    type: `${base}method-not-allowed`,
    title: "Metoden stöds inte",
    status: 405,
    detail: `Använd ${allowed.join(" eller ")}.`,
  }),
  invalid: (errors: FieldError[]): Problem => ({
    type: `${base}invalid-input`,
    title: "Ogiltig begäran",
    status: 400,
    detail: errors.map((e) => `${e.path || "(body)"}: ${e.message}`).join("; "),
    errors,
  }),
  malformedJson: (): Problem => ({
    type: `${base}malformed-json`,
    title: "Ogiltig JSON",
    status: 400,
    detail: "Begärans innehåll är inte giltig JSON.",
  }),
  tooLarge: (limit: number): Problem => ({
    type: `${base}too-large`,
    title: "För stor begäran",
    status: 413,
    detail: `Begäran är större än ${Math.round(limit / 1024)} kB.`,
  }),
  unauthorized: (): Problem => ({
    type: `${base}unauthorized`,
    title: "Inloggning krävs",
    status: 401,
    detail: "Skrivningar kräver Authorization: Bearer <token>.",
  }),
  revoked: (): Problem => ({
    type: `${base}token-revoked`,
    title: "Token återkallad",
    status: 401,
    detail:
      "Token är återkallad och gäller inte längre. Be den som driver tjänsten om en ny (motionera tokens create).",
  }),
  /** A token in force whose role is too low for the route. */
  roleTooLow: (needs: string, has: string): Problem => ({
    type: `${base}role-too-low`,
    title: "Otillräcklig behörighet",
    status: 403,
    detail:
      `Det här kräver en token med rollen ${needs}${needs === "admin" ? "" : " eller admin"}; den som skickades ` +
      `har rollen ${has}. Be den som driver tjänsten om en token med rätt roll ` +
      `(motionera tokens create --role ${needs}).`,
  }),
  readOnly: (): Problem => ({
    type: `${base}read-only`,
    title: "Skrivskyddad tjänst",
    status: 403,
    detail: "Tjänsten har ingen token (MOTIONERA_TOKEN) och tar inte emot skrivningar.",
  }),
  unsupportedMediaType: (expected: string): Problem => ({
    type: `${base}unsupported-media-type`,
    title: "Fel innehållstyp",
    status: 415,
    detail: `Skicka begärans innehåll som ${expected}.`,
  }),
  notAcceptable: (offered: string[]): Problem => ({
    type: `${base}not-acceptable`,
    title: "Formatet finns inte",
    status: 406,
    detail: `Svaret kan ges som ${offered.join(", ")}.`,
  }),
  tooManyRequests: (perMinute: number): Problem => ({
    type: `${base}too-many-requests`,
    title: "För många begäranden",
    status: 429,
    detail: `Högst ${perMinute} utkast i minuten per klient. Vänta tills tiden i Retry-After har gått och försök igen.`,
  }),
  stopping: (): Problem => ({
    type: `${base}stopping`,
    title: "Tjänsten stängs",
    status: 503,
    detail: "Tjänsten startas om. Försök igen om en stund.",
  }),
  timeout: (): Problem => ({
    type: `${base}timeout`,
    title: "Tidsgränsen nåddes",
    status: 503,
    detail: "Begäran tog för lång tid. Försök igen.",
  }),
  /** The Host is not one the service answers to (DNS rebinding); the value is not repeated. */
  hostNotAllowed: (): Problem => ({
    type: `${base}host-not-allowed`,
    title: "Okänd värd",
    status: 421,
    detail: "Tjänsten svarar inte på värdnamnet i begäran (Host). Använd tjänstens egen adress.",
  }),
  /** A campaign the service will not run now, and why. */
  campaignRefused: (r: Refusal): Problem => {
    switch (r.kind) {
      case "needs-token": {
        const documents = r.perMinute > 0 ? ` och ${r.perMinute} dokument (kommuner × format)` : "";
        const how = r.serviceHasToken
          ? "Skicka Authorization: Bearer <token>, eller välj färre kommuner eller format."
          : "Tjänsten har ingen token; välj färre kommuner eller format.";
        return {
          type: `${base}campaign-needs-token`,
          title: "Kampanjen kräver token",
          status: r.serviceHasToken ? 401 : 403,
          detail:
            `Kampanjen omfattar ${r.places} kommuner och ${r.documents} dokument. Utan token får en kampanj ` +
            `omfatta högst ${r.campaignLimit} kommuner${documents}. ${how}`,
        };
      }
      case "budget":
        return {
          type: `${base}too-many-requests`,
          title: "För många begäranden",
          status: 429,
          detail:
            `Kampanjen blir ${r.documents} dokument, fler än klienten har kvar av sina ${r.perMinute} utkast i ` +
            `minuten. Vänta tills tiden i Retry-After har gått och försök igen, eller välj färre kommuner ` +
            `eller format.`,
        };
      case "busy":
        return {
          type: `${base}campaigns-busy`,
          title: "Kampanjer pågår",
          status: 503,
          detail:
            `Tjänsten gör redan ${r.running === 1 ? "en kampanj" : `${r.running} kampanjer`}, så många som den ` +
            `gör samtidigt. Försök igen när tiden i Retry-After har gått.`,
        };
    }
  },
};
