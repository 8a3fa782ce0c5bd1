/**
 * The saving parts of the draft form: "Spara utkast" at the end of the form (to the store when signed in with a
 * write token, else to the browser by site.js, which also keeps the list "Mina sparade utkast"), and on a saved
 * draft's page the panel above it: who saved it and when, the link to share, the history, the facts then or now
 * and what changed.
 */
import { actorName } from "../../../domain/actor.js";
import type { SavedDraft, SavedDraftVersion } from "../../../domain/saved-draft.js";
import { formatDateTime } from "../../../lang/dates.js";
import { sv } from "../../messages.sv.js";
import { signInHref } from "../staff/tools.js";
import { paths } from "../frame/links.js";
import type { FactChangeLine } from "./facts-compare.js";
import { knownAtField, savedDraftParams, savedDraftPaths } from "./paths.js";

const t = sv.savedDrafts;

/** Who may save where: signed in with a write token (the store), with a read token (nowhere), or not (the browser). */
export type SaveMode = { kind: "browser" } | { kind: "store"; name: string } | { kind: "read-only"; name: string };

/** Inside the draft form, after its actions. `draft`: the saved draft shown (its own buttons, the facts' instant). */
export function SaveControls(props: { mode: SaveMode; draft?: SavedDraft | undefined; knownAt?: string | undefined }) {
  const { mode, draft } = props;
  return (
    <fieldset class="group save-draft" data-save-draft={mode.kind}>
      <legend>{t.legend}</legend>
      {props.knownAt && <input type="hidden" name={knownAtField} value={props.knownAt} />}
      {mode.kind === "store" && <p class="help">{t.helpStore(mode.name)}</p>}
      {mode.kind === "read-only" && <p class="help">{t.readOnly}</p>}
      {mode.kind === "browser" && <p class="help">{t.helpBrowser}</p>}
      <div class="actions">
        {mode.kind === "store" && draft && (
          <>
            <button type="submit" class="button" formaction={savedDraftPaths.version(draft.id)}>
              {t.saveNewVersion}
            </button>
            <button type="submit" class="button secondary" formaction={savedDraftPaths.duplicate(draft.id)}>
              {t.duplicate}
            </button>
          </>
        )}
        {mode.kind === "store" && !draft && (
          <button type="submit" class="button" formaction={savedDraftPaths.save}>
            {t.save}
          </button>
        )}
        {mode.kind === "browser" && (
          <button type="submit" class="button" formaction={savedDraftPaths.save} data-save-in-browser>
            {t.save}
          </button>
        )}
        {mode.kind === "store" ? (
          <a href={savedDraftPaths.list}>{t.mine}</a>
        ) : (
          <a href={signInHref(savedDraftPaths.list)}>{t.signIn}</a>
        )}
      </div>
      {mode.kind === "browser" && <BrowserList />}
    </fieldset>
  );
}

/** The browser's own list, filled by site.js from localStorage (its words here, so they stay in the catalogue). */
function BrowserList() {
  const b = t.browser;
  return (
    <section
      class="browser-drafts"
      aria-labelledby="mina-utkast-rubrik"
      data-browser-drafts
      data-form-url={paths.draft}
      data-text-open={b.open}
      data-text-remove={b.remove}
      data-text-saved-at={b.savedAt}
      data-text-saved={b.saved}
      data-text-removed={b.removed}
      data-text-full={b.full}
      data-text-unnamed={b.unnamed}
      data-text-empty={b.empty}
      hidden
    >
      <h2 id="mina-utkast-rubrik">{b.heading}</h2>
      <p class="help">{b.intro}</p>
      <p role="status" class="browser-drafts-status" data-browser-drafts-status />
      <ul class="browser-drafts-list" data-browser-drafts-list />
    </section>
  );
}

export interface SavedDraftView {
  draft: SavedDraft;
  /** The version shown (the newest unless one was asked for). */
  version: SavedDraftVersion;
  /** The page's full address, to share. */
  shareUrl: string;
  facts: "sparat" | "nu";
  /** The cited facts that differ then and now; undefined when the draft cannot be composed. */
  changes: FactChangeLine[] | undefined;
  /** The version just saved (after "Spara utkast" or "Spara ny version"). */
  justSaved?: number | undefined;
  /** "Markera som inlämnad" filled with the draft's municipality and signers (pages/arenden/). */
  fileHref?: string | undefined;
}

/** Above the form on /utkast/<id>. */
export function SavedDraftPanel(v: SavedDraftView) {
  const p = t.page;
  const { draft, version } = v;
  const latest = draft.versions[draft.versions.length - 1]!;
  const when = formatDateTime(version.factsAt);
  return (
    <section class="saved-draft" aria-labelledby="sparat-utkast-rubrik">
      <h2 id="sparat-utkast-rubrik">{p.title}</h2>
      {v.justSaved !== undefined && (
        <div class="notice notice-ok" role="status" tabindex={-1} data-notice>
          <p>{p.justSaved(v.justSaved)}</p>
        </div>
      )}
      <p>
        {p.created(actorName(draft.createdBy), formatDateTime(draft.createdAt))}{" "}
        {p.lastSaved(latest.number, actorName(latest.savedBy), formatDateTime(latest.savedAt))}
        {draft.duplicatedFrom && (
          <>
            {" "}
            {p.duplicatedFrom} <a href={savedDraftPaths.draft(draft.duplicatedFrom)}>{p.anotherDraft}</a>.
          </>
        )}
      </p>
      {draft.duplicatedFrom && draft.versions.length === 1 && <p class="help">{p.duplicated}</p>}
      {v.fileHref && (
        <p>
          <a href={v.fileHref} data-file-draft>
            {sv.filings.fileDraft}
          </a>
        </p>
      )}
      {version.number !== latest.number && (
        <p class="notice">
          {p.olderVersion(version.number, latest.number)} <a href={savedDraftPaths.draft(draft.id)}>{p.showLatest}</a>
        </p>
      )}
      <div class="field share-link">
        <label for="delningslank">{p.share}</label>
        <p class="help" id="delningslank-hjalp">
          {p.shareHelp}
        </p>
        <div class="inline-controls">
          <input
            id="delningslank"
            type="text"
            readonly
            value={v.shareUrl}
            aria-describedby="delningslank-hjalp"
            data-share-link
          />
          <button type="button" class="button secondary" data-copy-link={p.copied} hidden>
            {p.copy}
          </button>
        </div>
        <p role="status" class="help" data-copy-status />
      </div>
      <History draft={draft} shown={version.number} />
      <FactsChoice draft={draft} version={version} facts={v.facts} when={when} />
      <Changes changes={v.changes} />
    </section>
  );
}

function History({ draft, shown }: { draft: SavedDraft; shown: number }) {
  const p = t.page;
  return (
    <details class="saved-draft-history">
      <summary>{p.history(draft.versions.length)}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{p.version}</th>
            <th scope="col">{p.savedAtCol}</th>
            <th scope="col">{p.savedByCol}</th>
            <th scope="col">
              <span class="visually-hidden">{p.open}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...draft.versions].reverse().map((v) => (
            <tr>
              <td>{v.number}</td>
              <td>{formatDateTime(v.savedAt)}</td>
              <td>{actorName(v.savedBy)}</td>
              <td>
                {v.number === shown ? (
                  <span>{p.showing}</span>
                ) : (
                  <a href={`${savedDraftPaths.draft(draft.id)}?${savedDraftParams.version}=${v.number}`}>
                    {`${p.open} version ${v.number}`}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function FactsChoice(props: { draft: SavedDraft; version: SavedDraftVersion; facts: "sparat" | "nu"; when: string }) {
  const f = t.facts;
  const latest = props.draft.versions.length;
  return (
    <form method="get" action={savedDraftPaths.draft(props.draft.id)} class="facts-choice">
      {props.version.number !== latest && (
        <input type="hidden" name={savedDraftParams.version} value={String(props.version.number)} />
      )}
      <fieldset>
        <legend>{f.legend}</legend>
        <label class="choice">
          <input type="radio" name={savedDraftParams.facts} value="sparat" checked={props.facts === "sparat"} />{" "}
          {f.asSaved(props.when)}
        </label>
        <label class="choice">
          <input type="radio" name={savedDraftParams.facts} value="nu" checked={props.facts === "nu"} /> {f.asNow}
        </label>
        <button type="submit" class="button secondary">
          {f.show}
        </button>
      </fieldset>
      <p class="help" data-facts-in-use>
        {props.facts === "sparat" ? f.usingSaved(props.when) : f.usingNow}
      </p>
    </form>
  );
}

function Changes({ changes }: { changes: FactChangeLine[] | undefined }) {
  const f = t.facts;
  return (
    <section class="fact-changes" aria-labelledby="andrade-uppgifter-rubrik">
      <h3 id="andrade-uppgifter-rubrik">{f.changesHeading}</h3>
      {changes === undefined ? (
        <p>{f.cannotCompare}</p>
      ) : changes.length === 0 ? (
        <p>{f.noChanges}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">{f.legend}</span>
              </th>
              <th scope="col">{f.whenSaved}</th>
              <th scope="col">{f.now}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr>
                <th scope="row">{c.what}</th>
                <td>{c.saved}</td>
                <td>{c.now}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
