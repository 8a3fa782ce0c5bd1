/**
 * /personal/mallar: every template in the library — id, kind, title, file, usable or broken
 * with its problem — "Redigera" for each, "Ny mall" (the starter of a kind) and "Ladda upp".
 */
import type { MotioneraError } from "../../../domain/errors.js";
import { documentKinds } from "../../../domain/template.js";
import { templateFileName, type Template } from "../../../compose/template-library.js";
import { explainBrokenTemplate } from "../../../messages.sv.js";
import type { TemplateProblem } from "../../../compose/template-lint.js";
import { sv } from "../../messages.sv.js";
import { Layout } from "../frame/layout.js";
import { control, ErrorSummary, Field, type FieldErrors } from "../kit/form.js";
import { paths } from "../frame/links.js";
import { createIds, uploadIds } from "./ids.js";
import { ProblemList } from "./problems.js";
import { editHref, templatePaths } from "./links.js";

const t = sv.staff.templates;

export interface ListRow {
  id: string;
  kind: string;
  /** The stored file, as `<kind>/<id>.hbs`. */
  file: string;
  template?: Template;
  error?: MotioneraError;
}

export function TemplateListPage(props: {
  rows: readonly ListRow[];
  saved?: { id: string; title: string; warnings: readonly TemplateProblem[] } | undefined;
  create: { id: string; kind: string; errors: FieldErrors };
  uploadErrors: FieldErrors;
}) {
  const { rows, saved, create } = props;
  const errors: FieldErrors = new Map([...create.errors, ...props.uploadErrors]);
  return (
    <Layout title={t.list.title} section="none" bodyClass="templates-page">
      <p class="breadcrumb">
        <a href={paths.staff}>{sv.staff.home.title}</a>
      </p>
      <h1>{t.list.title}</h1>
      <p class="lead">{t.list.intro}</p>
      {saved && (
        <div class="notice" role="status">
          <p>{t.list.saved(saved.id, saved.title)}</p>
          {saved.warnings.length > 0 && (
            <>
              <p>
                {t.list.savedWarnings(saved.warnings.length)}{" "}
                <a href={editHref(saved.id)}>{t.list.editLabel(saved.id)}</a>
              </p>
              <ProblemList errors={[]} warnings={saved.warnings} linked={false} />
            </>
          )}
        </div>
      )}
      <ErrorSummary ids={create.errors.size > 0 ? createIds : uploadIds} errors={errors} />
      {rows.length === 0 ? (
        <p class="muted">{t.list.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <caption class="visually-hidden">{t.list.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.list.id}</th>
                <th scope="col">{t.list.kind}</th>
                <th scope="col">{t.list.titleColumn}</th>
                <th scope="col">{t.list.file}</th>
                <th scope="col">{t.list.status}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.list.edit}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr class={r.error ? "is-broken" : undefined}>
                  <th scope="row">
                    <code>{r.id}</code>
                  </th>
                  <td data-label={t.list.kind}>{sv.kinds.singular[r.kind] ?? r.kind}</td>
                  <td data-label={t.list.titleColumn}>{r.template?.frontMatter.title ?? "–"}</td>
                  <td data-label={t.list.file}>
                    <code>{r.file}</code>
                  </td>
                  <td data-label={t.list.status}>
                    {r.error ? (
                      <span class="status-broken">
                        <strong>{t.list.broken}:</strong>{" "}
                        {r.error.details.code === "template_invalid"
                          ? explainBrokenTemplate(r.error.details)
                          : r.error.message}
                      </span>
                    ) : (
                      <span class="status-ok">{t.list.usable}</span>
                    )}
                  </td>
                  <td>
                    <a href={editHref(r.id)} aria-label={t.list.editLabel(r.id)}>
                      {t.list.edit}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div class="template-forms">
        <section aria-labelledby="ny-mall-rubrik" class="template-form-box">
          <h2 id="ny-mall-rubrik">{t.create.heading}</h2>
          <p>{t.create.intro}</p>
          <form method="get" action={templatePaths.create} class="stack" novalidate>
            <Field ids={createIds} k="id" label={t.create.id} help={t.create.idHelp} required errors={create.errors}>
              <input
                type="text"
                name="id"
                value={create.id}
                class="input-medium"
                autocomplete="off"
                spellcheck={false}
                required
                {...control(createIds, "id", create.errors, true)}
              />
            </Field>
            <Field ids={createIds} k="typ" label={t.create.kind} required errors={create.errors}>
              <select name="typ" class="input-medium" {...control(createIds, "typ", create.errors, false)}>
                {documentKinds.map((k) => (
                  <option value={k} selected={k === create.kind}>
                    {sv.kinds.singular[k] ?? k}
                  </option>
                ))}
              </select>
            </Field>
            <button type="submit" class="button">
              {t.create.submit}
            </button>
          </form>
        </section>

        <section aria-labelledby="ladda-upp-rubrik" class="template-form-box">
          <h2 id="ladda-upp-rubrik">{t.upload.heading}</h2>
          <p>{t.upload.intro}</p>
          <form method="post" action={templatePaths.upload} enctype="multipart/form-data" class="stack" novalidate>
            <Field ids={uploadIds} k="fil" label={t.upload.file} required errors={props.uploadErrors}>
              <input
                type="file"
                name="fil"
                accept=".hbs,.md,.txt,text/markdown,text/plain"
                required
                {...control(uploadIds, "fil", props.uploadErrors, false)}
              />
            </Field>
            <button type="submit" class="button">
              {t.upload.submit}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  );
}

/** The rows, in the library's order (kind, then id), broken ones where their file puts them. */
export function listRows(
  templates: readonly Template[],
  broken: readonly { id: string; error: MotioneraError }[],
  kindOf: (id: string) => string,
): ListRow[] {
  const rows: ListRow[] = [
    ...templates.map((x) => ({
      id: x.frontMatter.id,
      kind: x.frontMatter.kind,
      file: templateFileName(x.frontMatter.kind, x.frontMatter.id),
      template: x,
    })),
    ...broken.map((b) => ({
      id: b.id,
      kind: kindOf(b.id),
      file: templateFileName(kindOf(b.id), b.id),
      error: b.error,
    })),
  ];
  const rank = (k: string) => (documentKinds as readonly string[]).indexOf(k);
  return rows.sort((a, b) => rank(a.kind) - rank(b.kind) || a.id.localeCompare(b.id));
}
