/** Small pieces several pages use: a source, a municipality link, a field's error, broken templates. */
import type { MotioneraError } from "../../domain/errors.js";
import type { Source } from "../../domain/fact.js";
import { explainBrokenTemplate } from "../../messages.sv.js";
import { formatDate } from "../../lang/dates.js";
import { sv } from "../messages.sv.js";
import type { FieldError } from "./draft-state.js";
import { placeHref } from "./links.js";

/**
 * "Titel, Utgivare, 21 februari 2023", the title linked when the source has an address; a
 * source whose title we do not know starts with its publisher (linked instead).
 */
export function SourceRef({ source }: { source: Source & { reference?: string | undefined } }) {
  const head = source.title ?? source.publisher;
  const rest = [...(source.title ? [source.publisher] : []), source.date ? formatDate(source.date) : sv.facts.undated].join(", ");
  return (
    <span class="source">
      {source.url && /^https?:\/\//.test(source.url) ? <a href={source.url}>{head}</a> : source.title ? <cite>{head}</cite> : head}
      {`, ${rest}`}
    </span>
  );
}

export function PlaceLink({ place }: { place: { code: string; name: string } }) {
  return <a href={placeHref(place)}>{place.name}</a>;
}

/** The error text under a label; "Menade du A eller B?" as links. */
export function ErrorText({ id, error }: { id: string; error: FieldError }) {
  const s = error.suggestions ?? [];
  return (
    <p class="field-error" id={id}>
      <span class="visually-hidden">{sv.draft.errorPrefix} </span>
      {error.text}
      {s.length > 0 && (
        <>
          {` ${sv.fieldErrors.didYouMean} `}
          {s.map((x, i) => (
            <>
              {i > 0 && (i === s.length - 1 ? ` ${sv.fieldErrors.or} ` : ", ")}
              <a href={x.href}>{x.label}</a>
            </>
          ))}
          ?
        </>
      )}
    </p>
  );
}

/** Space-separated ids for aria-describedby; undefined when none. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const xs = ids.filter((x): x is string => !!x);
  return xs.length ? xs.join(" ") : undefined;
}

/** Templates that cannot be used (the page offers the others): which, where and why, without file paths. */
export function BrokenTemplates({ broken }: { broken: readonly { id: string; error: MotioneraError }[] }) {
  if (broken.length === 0) return null;
  return (
    <div class="notice notice-error" role="status">
      <p>{sv.templateFaults.heading(broken.length)}</p>
      <ul>
        {broken.map((b) => (
          <li>{b.error.details.code === "template_invalid" ? explainBrokenTemplate(b.error.details) : b.id}</li>
        ))}
      </ul>
      <p>{sv.templateFaults.help}</p>
    </div>
  );
}
