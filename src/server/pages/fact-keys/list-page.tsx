/** /personal/faktanycklar: every key with its definition and how many facts it has; a filter; the changes' notice. */
import type { FactDefinition } from "../../../domain/fact-key.js";
import type { FactCatalog } from "../../../facts/fact-catalog.js";
import { sv } from "../../messages.sv.js";
import { Layout } from "../frame/layout.js";
import { staffPaths } from "../staff/tools.js";
import { ageWords, derivedWords, formatWords, kindWords, scopeWords, typeWord } from "./describe-key.js";
import { factKeyPaths, type FactKeyNotice } from "./paths.js";

const t = sv.factKeys;

export interface KeyListModel {
  catalog: FactCatalog;
  /** Facts recorded per key. */
  counts: ReadonlyMap<string, number>;
  q: string;
  notice?: { kind: FactKeyNotice; key: string } | undefined;
}

/** Whether a key's id, label or description contains the text (any case). */
export function matches(def: FactDefinition, q: string): boolean {
  const needle = q.trim().toLocaleLowerCase("sv");
  if (!needle) return true;
  return [def.key, def.label, def.description].some((x) => x.toLocaleLowerCase("sv").includes(needle));
}

function KeyRow({ def, catalog, count }: { def: FactDefinition; catalog: FactCatalog; count: number }) {
  const which = <span class="visually-hidden">{t.which(def.label, def.key)}</span>;
  return (
    <tr>
      <th scope="row">
        <span class="key-label">{def.label}</span>
        <code class="key-id">
          {def.key.split("_").map((part, i) => (
            <>
              {i > 0 && (
                <>
                  _<wbr />
                </>
              )}
              {part}
            </>
          ))}
        </code>
      </th>
      <td class="nowrap">{typeWord(def)}</td>
      <td>{formatWords(def) || t.noFormat}</td>
      <td>{scopeWords(def)}</td>
      <td>{kindWords(def)}</td>
      <td>{ageWords(def.maxAge)}</td>
      <td class="derived">{def.derived ? <code>{derivedWords(def, catalog)}</code> : t.notDerived}</td>
      <td class="number nowrap">{count}</td>
      <td class="nowrap">
        <ul class="row-actions">
          <li>
            <a href={factKeyPaths.edit(def.key)}>
              {t.edit}
              {which}
            </a>
          </li>
          <li>
            <a href={factKeyPaths.remove(def.key)}>
              {t.remove}
              {which}
            </a>
          </li>
        </ul>
      </td>
    </tr>
  );
}

export function KeyListPage({ catalog, counts, q, notice }: KeyListModel) {
  const all = catalog.list();
  const shown = all.filter((d) => matches(d, q));
  const h = t.table;
  return (
    <Layout title={t.title} section="none" bodyClass="page-fact-keys">
      <p class="breadcrumb">
        <a href={staffPaths.home}>{t.staffHome}</a>
      </p>
      <h1>{t.title}</h1>
      {notice && (
        <div class="notice notice-ok" role="status" tabindex={-1} data-notice>
          <p>{t.notices[notice.kind]?.(notice.key)}</p>
        </div>
      )}
      <p class="lead">{t.intro}</p>
      <p>
        <a class="button" href={factKeyPaths.add}>
          {t.add}
        </a>
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for some screen readers */}
      <div role="search">
        <form method="get" action={factKeyPaths.list} class="filter-form">
          <label for="k-filter">{t.filter.label}</label>
          <p class="help" id="k-filter-help">
            {t.filter.help}
          </p>
          <div class="inline-controls">
            <input
              type="search"
              name="q"
              id="k-filter"
              value={q}
              aria-describedby="k-filter-help"
              class="input-medium"
            />
            <button type="submit" class="button secondary">
              {t.filter.submit}
            </button>
            {q && <a href={factKeyPaths.list}>{t.filter.clear}</a>}
          </div>
        </form>
      </div>
      <p class="result-count" role="status">
        {t.count(shown.length, all.length, q.trim())}
      </p>
      {shown.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <section class="table-scroll" tabindex={0} aria-labelledby="k-caption">
          <table class="key-table">
            <caption id="k-caption">{h.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{h.key}</th>
                <th scope="col">{h.type}</th>
                <th scope="col">{h.format}</th>
                <th scope="col">{h.scopes}</th>
                <th scope="col">{h.kind}</th>
                <th scope="col">{h.maxAge}</th>
                <th scope="col">{h.derived}</th>
                <th scope="col" class="number">
                  {h.facts}
                </th>
                <th scope="col">{h.actions}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((def) => (
                <KeyRow def={def} catalog={catalog} count={counts.get(def.key) ?? 0} />
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Layout>
  );
}
