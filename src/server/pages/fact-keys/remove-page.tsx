/** Removing a key: a confirm step (a POST button naming the key); a key in use is refused with its uses named. */
import type { FactDefinition } from "../../../domain/fact-key.js";
import type { FactKeyUses } from "../../../facts/fact-key-changes.js";
import { formatList } from "../../../lang/lists.js";
import { sv } from "../../messages.sv.js";
import { Layout } from "../frame/layout.js";
import { factKeyPaths } from "./paths.js";

const t = sv.factKeys.removal;

export interface RemovePageModel {
  def: FactDefinition;
  facts: number;
  /** What uses the key, when removing it was refused. */
  refused?: FactKeyUses | undefined;
}

function Refusal({ def, uses }: { def: FactDefinition; uses: FactKeyUses }) {
  return (
    <div class="error-summary" role="alert" aria-labelledby="fel-rubrik" tabindex={-1} data-error-summary>
      <h2 id="fel-rubrik">{t.refused(def.key)}</h2>
      <ul class="uses">
        {uses.facts > 0 && <li>{t.usesFacts(uses.facts)}</li>}
        {uses.templates.length > 0 && (
          <li>
            {t.usesTemplates(
              uses.templates.length,
              formatList(
                uses.templates.map((x) => `”${x}”`),
                "och",
              ),
            )}
          </li>
        )}
        {uses.derivedKeys.map((k) => (
          <li>
            {`${t.usesDerived} `}
            <a href={factKeyPaths.edit(k)}>{k}</a>
          </li>
        ))}
      </ul>
      <p>{t.help}</p>
    </div>
  );
}

export function RemovePage({ def, facts, refused }: RemovePageModel) {
  const title = refused ? t.titleWithErrors(def.key) : t.title(def.key);
  return (
    <Layout title={title} section="none" bodyClass="page-fact-keys">
      <p class="breadcrumb">
        <a href={factKeyPaths.list}>{sv.factKeys.back}</a>
      </p>
      <h1>{t.title(def.key)}</h1>
      {refused && <Refusal def={def} uses={refused} />}
      <p class="lead">{t.text(def.label)}</p>
      <p>{t.facts(facts)}</p>
      <form method="post" action={factKeyPaths.remove(def.key)} class="form-buttons">
        <button type="submit" class="button danger">
          {t.submit(def.key)}
        </button>
        <a href={factKeyPaths.list}>{sv.factKeys.form.cancel}</a>
      </form>
    </Layout>
  );
}
