/**
 * Small pieces several pages use: a source, a municipality link, broken templates, the
 * municipality field and its suggestions.
 */
import type { MotioneraError } from "../../../domain/errors.js";
import type { Source } from "../../../domain/fact.js";
import { allMunicipalities } from "../../../data/places.js";
import { explainBrokenTemplate } from "../../../messages.sv.js";
import { formatDate } from "../../../lang/dates.js";
import { sv } from "../../messages.sv.js";
import { placeHref } from "../frame/links.js";

/**
 * "Titel, Utgivare, 21 februari 2023", the title linked when the source has an address; a
 * source whose title we do not know starts with its publisher (linked instead).
 */
export function SourceRef({ source }: { source: Source & { reference?: string | undefined } }) {
  const head = source.title ?? source.publisher;
  const rest = [
    ...(source.title ? [source.publisher] : []),
    source.date ? formatDate(source.date) : sv.facts.undated,
  ].join(", ");
  return (
    <span class="source">
      {source.url && /^https?:\/\//.test(source.url) ? (
        <a href={source.url}>{head}</a>
      ) : source.title ? (
        <cite>{head}</cite>
      ) : (
        head
      )}
      {`, ${rest}`}
    </span>
  );
}

export function PlaceLink({ place }: { place: { code: string; name: string } }) {
  return <a href={placeHref(place)}>{place.name}</a>;
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

/** The municipality field's input (name "kommun"), suggesting from `MunicipalityList`; `attrs` for its id and ARIA. */
export function MunicipalityInput({
  value,
  attrs,
}: {
  value: string;
  attrs: Record<string, string | boolean | undefined>;
}) {
  return (
    <input
      type="text"
      name="kommun"
      value={value}
      list="kommuner"
      autocomplete="off"
      spellcheck={false}
      class="input-medium"
      {...attrs}
    />
  );
}

/** Every municipality to suggest, with its county (and, `withSelfName`, its own name when it differs). */
export function MunicipalityList({ withSelfName = false }: { withSelfName?: boolean }) {
  return (
    <datalist id="kommuner">
      {allMunicipalities().map((p) => (
        <option value={p.name}>
          {withSelfName && p.selfName !== p.name ? `${p.selfName}, ${p.county.name}` : p.county.name}
        </option>
      ))}
    </datalist>
  );
}

/** The words of a pager: the nav's name, the two links, "Sida 2 av 5". */
export interface PagerTexts {
  pagination: string;
  previous: string;
  next: string;
  page: (n: number, of: number) => string;
}

/**
 * Previous / "Sida n av m" / next for a list shown `size` at a time from `offset`; `hrefAt` gives
 * the address of the page starting at an offset. Nothing when everything fits on one page.
 */
export function Pagination(props: {
  offset: number;
  total: number;
  size: number;
  hrefAt: (offset: number) => string;
  texts: PagerTexts;
}) {
  const { offset, total, size, hrefAt, texts } = props;
  if (total <= size) return null;
  return (
    <nav class="pagination" aria-label={texts.pagination}>
      {offset > 0 ? (
        <a href={hrefAt(Math.max(0, offset - size))} rel="prev">
          {texts.previous}
        </a>
      ) : (
        <span />
      )}
      <span>{texts.page(Math.floor(offset / size) + 1, Math.ceil(total / size))}</span>
      {offset + size < total ? (
        <a href={hrefAt(offset + size)} rel="next">
          {texts.next}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
