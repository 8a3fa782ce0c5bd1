/**
 * The fact picker of the draft form: for a template whose text fields take `{fakta:key}`, the
 * catalog's keys (label, id, and the chosen municipality's value and year when the registry
 * has one), each with its reference to copy and an "Infoga" button the script wires to the
 * last text field used. Without the script the references are there to copy.
 */
import type { Template } from "../../../compose/template-library.js";
import { citesFacts } from "../../../compose/fact-references.js";
import type { Place } from "../../../domain/municipality.js";
import type { FactCatalog } from "../../../facts/fact-catalog.js";
import { formatFactValue } from "../../../facts/format-value.js";
import type { FactRegistry } from "../../../facts/registry.js";
import { sv } from "../../messages.sv.js";

const t = sv.factPicker;

export interface PickerLine {
  key: string;
  label: string;
  /** The value the draft would cite for the municipality, if the registry has one. */
  found?: { value: string; year?: string | undefined; subject?: string | undefined };
}

/** Whether a template's own text fields take fact references. */
export const takesFactReferences = (template: Template) => template.frontMatter.inputs.some(citesFacts);

export const reference = (key: string) => `{fakta:${key}}`;

export function pickerLines(catalog: FactCatalog, registry: FactRegistry, place: Place | undefined): PickerLine[] {
  return catalog.list().map((def) => {
    const line: PickerLine = { key: def.key, label: def.label };
    const hit = place ? registry.resolve(place, def.key) : undefined;
    if (hit) {
      const at = hit.fact.asOf ?? hit.fact.source.date;
      line.found = {
        value: formatFactValue(hit.fact.value, def),
        // A date says its year itself.
        year: at && hit.fact.value.type !== "date" ? at.slice(0, 4) : undefined,
        subject: hit.subjectName !== place!.name ? hit.subjectName : undefined,
      };
    }
    return line;
  });
}

/** The list: what the script fetches again when the municipality changes. */
export function FactPickerList({ lines, place }: { lines: readonly PickerLine[]; place: Place | undefined }) {
  return (
    <>
      {!place && <p class="muted">{t.chooseKommun}</p>}
      <section class="picker-scroll" tabindex={0} aria-label={t.listLabel}>
        <ul class="picker-list">
          {lines.map((l) => {
            const ref = reference(l.key);
            return (
              <li class="picker-item" data-picker-item data-search={`${l.label} ${l.key}`.toLocaleLowerCase("sv")}>
                <span class="picker-label">{l.label}</span>
                <span class="picker-meta">
                  <code class="picker-ref">{ref}</code>
                  {l.found ? (
                    <span class="picker-value">{t.value(l.found.value, l.found.year, l.found.subject)}</span>
                  ) : (
                    place && <span class="badge badge-missing">{t.missing(place.name)}</span>
                  )}
                </span>
                <button
                  type="button"
                  class="button secondary picker-insert js-only"
                  data-insert={ref}
                  aria-label={t.insertName(l.label, ref)}
                >
                  {t.insert}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

export function FactPicker({
  lines,
  place,
  kommun,
  fragmentUrl,
}: {
  lines: readonly PickerLine[];
  place: Place | undefined;
  kommun: string;
  fragmentUrl: string;
}) {
  return (
    <section
      class="fact-picker group"
      id="faktavaljare"
      aria-labelledby="faktavaljare-rubrik"
      data-fact-picker
      data-fragment-url={fragmentUrl}
      data-kommun={kommun}
      data-inserted={t.inserted}
      data-no-field={t.noField}
      data-count={t.count}
    >
      <h2 id="faktavaljare-rubrik">{t.heading}</h2>
      <p class="help js-only">{t.intro}</p>
      <p class="help no-js">{t.introNoJs}</p>
      <div class="field js-only">
        <label for="faktavaljare-sok">{t.search}</label>
        <p class="help" id="faktavaljare-sok-hjalp">
          {t.searchHelp}
        </p>
        <input
          type="search"
          id="faktavaljare-sok"
          class="input-medium"
          autocomplete="off"
          aria-describedby="faktavaljare-sok-hjalp"
          aria-controls="faktavaljare-innehall"
          data-picker-search
        />
      </div>
      <p class="visually-hidden" aria-live="polite" data-picker-status></p>
      <div id="faktavaljare-innehall" data-picker-list>
        <FactPickerList lines={lines} place={place} />
      </div>
    </section>
  );
}
