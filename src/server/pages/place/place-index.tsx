/**
 * /kommun: the 290 municipalities by county, each with how many facts the registry holds about
 * it; filtered by name (diacritics folded, so "lidingo" finds Lidingö) and to those with facts,
 * by a GET form that works without the script; the script filters as the user types.
 */
import { counties } from "../../../data/municipalities.js";
import { allMunicipalities } from "../../../data/places.js";
import type { Fact } from "../../../domain/fact.js";
import type { Place } from "../../../domain/municipality.js";
import { fold } from "../../../lang/normalize.js";
import { sv } from "../../messages.sv.js";
import { Layout } from "../frame/layout.js";
import { paths, placeHref } from "../frame/links.js";

const t = sv.place;

export interface PlaceFilter {
  /** Part of a name (folded), or "" for all. */
  q: string;
  /** Only municipalities the registry holds facts about. */
  withFacts: boolean;
}

/** How many keys the registry holds a fact for, per municipality code. */
export function factKeysPerMunicipality(facts: readonly Fact[]): Map<string, number> {
  const keys = new Map<string, Set<string>>();
  for (const f of facts) {
    const set = keys.get(f.subject) ?? new Set<string>();
    set.add(f.key);
    keys.set(f.subject, set);
  }
  return new Map([...keys].map(([code, set]) => [code, set.size]));
}

/** The names a municipality is found by: its name, the name it uses, its code. */
function searchText(p: Place): string {
  return fold(`${p.name} ${p.selfName} ${p.code}`);
}

export function PlaceIndex({ filter, counts }: { filter: PlaceFilter; counts: ReadonlyMap<string, number> }) {
  const q = fold(filter.q);
  const shown = (p: Place) =>
    (q === "" || searchText(p).includes(q)) && (!filter.withFacts || (counts.get(p.code) ?? 0) > 0);
  const all = allMunicipalities();
  const matching = all.filter(shown).length;
  return (
    <Layout title={t.indexTitle} section="places" bodyClass="page-places">
      <h1>{t.indexTitle}</h1>
      <p class="lead">{t.indexIntro}</p>
      <form method="get" action={paths.places} class="place-filter" data-place-filter>
        <div class="field">
          <label for="kommun-filter">{t.filterLabel}</label>
          <input id="kommun-filter" name="q" type="search" value={filter.q} autocomplete="off" data-filter-text />
        </div>
        <div class="field checkbox-field">
          <input id="kommun-med-fakta" name="med" type="checkbox" value="1" checked={filter.withFacts} />
          <label for="kommun-med-fakta">{t.filterWithFacts}</label>
        </div>
        <button type="submit" class="button secondary" data-filter-submit>
          {t.filterSubmit}
        </button>
      </form>
      <p
        class="filter-count"
        aria-live="polite"
        data-filter-count
        data-all={t.filterCount(all.length, all.length)}
        data-some={t.filterCount(-1, all.length)}
      >
        {t.filterCount(matching, all.length)}
      </p>
      <nav aria-label={t.county} class="county-nav">
        <ul class="inline-list">
          {counties.map((c) => (
            <li>
              <a href={`#lan-${c.code}`}>{c.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      {counties.map((c) => {
        const ms = all.filter((p) => p.countyCode === c.code).sort((a, b) => a.name.localeCompare(b.name, "sv"));
        const visible = ms.filter(shown);
        return (
          <section aria-labelledby={`lan-${c.code}`} class="county" hidden={visible.length === 0} data-county>
            <h2 id={`lan-${c.code}`}>
              {c.name} <span class="muted small">({t.municipalitiesCount(ms.length)})</span>
            </h2>
            <ul class="columns">
              {ms.map((p) => {
                const n = counts.get(p.code) ?? 0;
                return (
                  <li hidden={!shown(p)} data-place={searchText(p)} data-facts={n}>
                    <a href={placeHref(p)}>{p.name}</a>
                    {n > 0 && <span class="muted small">{` ${t.factCount(n)}`}</span>}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}
