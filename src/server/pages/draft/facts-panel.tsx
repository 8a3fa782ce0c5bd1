/**
 * Which facts a template will cite for a municipality: value, where it comes from (the
 * municipality, its county or the country), its age and source; "saknas" when the registry
 * has none, "för gammal" when older than the template accepts.
 */
import type { Template } from "../../../compose/template-library.js";
import type { Fact } from "../../../domain/fact.js";
import type { Place } from "../../../domain/municipality.js";
import { partialDateEnd } from "../../../domain/partial-date.js";
import { canAge, factDefinition } from "../../../facts/catalog.js";
import { formatFactValue } from "../../../facts/format-value.js";
import type { FactRegistry } from "../../../facts/registry.js";
import { isStale, oldestAcceptable } from "../../../facts/staleness.js";
import { formatAge, formatDate } from "../../../lang/dates.js";
import { sv } from "../../messages.sv.js";
import { draftIds } from "./check.js";
import { ErrorText, type FieldError } from "../kit/form.js";
import { PlaceLink, SourceRef } from "../kit/parts.js";
import { ReviewBox } from "./review.js";
import { addFactHref } from "../add-fact/paths.js";
import { draftHref } from "../frame/links.js";
import type { DraftReview } from "../../../domain/errors.js";

export interface FactLine {
  key: string;
  label: string;
  required: boolean;
  oldest: string;
  /** Whether a value can be typed for the municipality (the add-fact form): not derived, a municipal key. */
  addable: boolean;
  found?: { fact: Fact; value: string; subjectName: string; age: string | null };
  stale: boolean;
}

export function factLines(registry: FactRegistry, template: Template, place: Place, today: string): FactLine[] {
  const fm = template.frontMatter;
  const now = new Date(`${today}T00:00:00Z`);
  return fm.facts.map((need) => {
    const def = factDefinition(need.key);
    const oldest = oldestAcceptable(need.maxAge ?? fm.maxAge, today);
    const hit = registry.resolve(place, need.key);
    const line: FactLine = {
      key: need.key,
      label: def?.label ?? need.key,
      required: need.required,
      oldest,
      addable: !!def && !def.derived && def.scopes.includes("kommun"),
      stale: false,
    };
    if (!hit) return line;
    const f = hit.fact;
    line.found = {
      fact: f,
      value: formatFactValue(f.value, def),
      subjectName: hit.subjectName,
      age: f.asOf ? formatAge(partialDateEnd(f.asOf), now) : null,
    };
    line.stale = canAge(def) && isStale(f, oldest);
    return line;
  });
}

export interface FactsPanelProps {
  kommun: string;
  place?: Place | undefined;
  lines?: FactLine[] | undefined;
  /** Unknown municipality, or a missing required fact, from the form's check. */
  error?: FieldError | undefined;
  /** For a name that is no municipality: the nearest names ("Menade du …"). */
  suggestions?: readonly string[] | undefined;
  /** The draft's address with its inputs: where "Lägg till" on a missing fact comes back to. */
  returnTo?: string | undefined;
}

/** The panel's content: what the script replaces when the municipality changes. */
export function FactsPanelContent(props: FactsPanelProps) {
  return (
    <>
      {props.error && <ErrorText id={draftIds.error("facts")} error={props.error} />}
      <FactsList {...props} />
    </>
  );
}

/**
 * "Det finns ingen kommun som heter ”Lidngö”. Menade du Lidingö?": each name a button that puts
 * it in the municipality field. The script also shows it under the field while the user types.
 */
function UnknownKommun({ kommun, suggestions }: { kommun: string; suggestions: readonly string[] }) {
  const f = sv.facts;
  const last = suggestions.length - 1;
  return (
    <p class="muted unknown-kommun">
      {f.unknownKommun(kommun)}
      {suggestions.length > 0 && (
        <>
          {` ${f.didYouMean} `}
          {suggestions.map((name, i) => (
            <>
              {i > 0 && (i === last ? ` ${f.or} ` : ", ")}
              <button type="button" class="text-button" data-fill-kommun={name}>
                {name}
              </button>
            </>
          ))}
          ?
        </>
      )}
    </p>
  );
}

function FactsList({ kommun, place, lines, suggestions, returnTo }: FactsPanelProps) {
  const f = sv.facts;
  if (!place || !lines) {
    if (!kommun) return <p class="muted">{f.chooseKommun}</p>;
    const hint = <UnknownKommun kommun={kommun} suggestions={suggestions ?? []} />;
    return (
      <>
        {hint}
        <template data-kommun-hint>{hint}</template>
      </>
    );
  }
  if (lines.length === 0) return <p class="muted">{f.none}</p>;
  const found = lines.filter((l) => l.found).length;
  const stale = lines.filter((l) => l.stale).length;
  const missingRequired = lines.filter((l) => !l.found && l.required).length;
  return (
    <>
      <p class="facts-summary">
        {`${f.summaryBefore} `}
        <PlaceLink place={place} />
        {f.summaryAfter(found, lines.length, stale, missingRequired)}
      </p>
      <ul class="facts-list">
        {lines
          .filter((l) => l.found)
          .map((l) => (
            <li class={`fact${l.stale ? " fact-stale" : ""}`}>
              <span class="fact-label">{l.label}</span> <span class="fact-value">{l.found!.value}</span>
              {l.stale && <span class="badge badge-stale">{f.stale}</span>}
              <span class="fact-meta">
                {`${f.about}: ${l.found!.subjectName}. `}
                {l.found!.fact.asOf
                  ? `${f.asOf} ${formatDate(l.found!.fact.asOf)}${l.found!.age ? ` (${f.age(l.found!.age)})` : ""}. `
                  : `${f.undated}. `}
                {l.stale ? `${f.maxAge(formatDate(l.oldest))} ` : ""}
                {`${f.source}: `}
                <SourceRef source={l.found!.fact.source} />.
                {l.found!.fact.note ? ` ${f.note}: ${l.found!.fact.note}.` : ""}
              </span>
            </li>
          ))}
      </ul>
      {found < lines.length && (
        <>
          <p class="facts-missing-heading" id="fakta-saknas">
            {f.missingHeading(lines.length - found)}
          </p>
          <ul class="facts-missing" aria-labelledby="fakta-saknas">
            {lines
              .filter((l) => !l.found)
              .map((l) => (
                <li class="fact-missing">
                  {l.label}
                  {l.required && (
                    <>
                      {" "}
                      <span class="badge badge-required">{f.required}</span>
                    </>
                  )}
                  {l.addable && (
                    <>
                      {" "}
                      <a
                        class="add-fact-link"
                        href={addFactHref({ kommun: place.name, key: l.key, till: returnTo ?? draftHref({ kommun }) })}
                        data-add-fact
                      >
                        {sv.addFact.addMissing}
                        <span class="visually-hidden">{sv.addFact.addMissingHidden(l.label)}</span>
                      </a>
                    </>
                  )}
                </li>
              ))}
          </ul>
        </>
      )}
    </>
  );
}

export function FactsPanel(
  props: FactsPanelProps & { template: Template; fragmentUrl: string; review?: DraftReview | undefined },
) {
  return (
    <section
      class={`facts-panel${props.error ? " has-error" : ""}`}
      id="fakta"
      aria-labelledby="fakta-rubrik"
      data-fragment-url={props.fragmentUrl}
    >
      <h2 id="fakta-rubrik">{sv.facts.heading}</h2>
      <p class="help">{sv.facts.intro}</p>
      <div id="fakta-innehall">
        <FactsPanelContent {...props} />
      </div>
      <div class="facts-review" data-review-slot>
        {props.review && <ReviewBox review={props.review} id="granska-fakta" />}
      </div>
    </section>
  );
}
