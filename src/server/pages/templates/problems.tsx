/**
 * The check's problems: each with its line and column, linked to the text field (the script
 * selects that line; without it the link goes to the field), errors before warnings.
 */
import type { TemplateProblem } from "../../../compose/template-lint.js";
import type { TemplateTextCheck } from "../../../compose/template-text.js";
import { sv } from "../../messages.sv.js";
import { editorIds } from "./ids.js";

const t = sv.staff.templates.check;

function ProblemItem({ p, kind, linked }: { p: TemplateProblem; kind: "error" | "warning"; linked: boolean }) {
  return (
    <li class={`template-problem template-${kind}`}>
      <span class="problem-kind">{kind === "error" ? t.error : t.warning}</span>{" "}
      {p.line && !linked ? t.at(p.line, p.column) : null}
      {p.line && linked ? (
        <a
          href={`#${editorIds.field("text")}`}
          data-goto-line={String(p.line)}
          data-goto-column={p.column ? String(p.column) : undefined}
        >
          {t.at(p.line, p.column)}
        </a>
      ) : null}
      {p.line ? ": " : ""}
      {p.problem}
    </li>
  );
}

/** The problems, errors first, each linked to its line in the editor (`linked`); nothing when there are none. */
export function ProblemList({
  errors,
  warnings,
  linked = true,
}: {
  errors: readonly TemplateProblem[];
  warnings: readonly TemplateProblem[];
  linked?: boolean;
}) {
  if (errors.length + warnings.length === 0) return null;
  return (
    <ul class="template-problems">
      {errors.map((p) => (
        <ProblemItem p={p} kind="error" linked={linked} />
      ))}
      {warnings.map((p) => (
        <ProblemItem p={p} kind="warning" linked={linked} />
      ))}
    </ul>
  );
}

/** The check's summary, its problems, and where the template would be saved. */
export function CheckContent({ check }: { check: TemplateTextCheck | undefined }) {
  if (!check) return <p class="muted">{t.notRun}</p>;
  return (
    <>
      <p class={check.errors.length > 0 ? "check-summary has-errors" : "check-summary"}>
        {check.errors.length + check.warnings.length === 0
          ? t.ok
          : t.summary(check.errors.length, check.warnings.length)}
      </p>
      <ProblemList errors={check.errors} warnings={check.warnings} />
      {check.target && check.errors.length === 0 && (
        <p class="muted small">
          {check.replaces ? t.willMove(check.replaces.file, check.target.file) : t.willSave(check.target.file)}
        </p>
      )}
    </>
  );
}

/** "Kontroll" (the script puts each newer check the preview brings into it). */
export function CheckResult({ check }: { check: TemplateTextCheck | undefined }) {
  return (
    <section class="template-check" aria-labelledby="kontroll-rubrik" id="kontroll">
      <h2 id="kontroll-rubrik">{t.heading}</h2>
      <div data-check-content>
        <CheckContent check={check} />
      </div>
    </section>
  );
}
