/**
 * "Att göra innan du lämnar in": the places the signer must fill in and the things to check,
 * shown above the preview and in the facts panel. `id` keeps the two copies' headings apart.
 */
import type { DraftReview } from "../../../domain/errors.js";
import { sv } from "../../messages.sv.js";

export function ReviewBox({ review, id }: { review: DraftReview; id: string }) {
  const r = sv.review;
  const { placeholders, checks } = review;
  const headingId = `${id}-rubrik`;
  if (placeholders.length + checks.length === 0) {
    return (
      <section class="review review-none" aria-labelledby={headingId} data-review-count="0">
        <h3 id={headingId}>{r.heading}</h3>
        <p>{r.none}</p>
      </section>
    );
  }
  return (
    <section class="review" aria-labelledby={headingId} data-review-count={String(placeholders.length + checks.length)}>
      <h3 id={headingId}>{r.heading}</h3>
      <p class="review-summary">{r.summary(placeholders.length, checks.length)}</p>
      <ul class="review-list">
        {placeholders.map((p) => (
          <li class="review-fill">
            <span class="review-kind">{`${r.fill}:`}</span> {p}
          </li>
        ))}
        {checks.map((c) => (
          <li class="review-check">
            <span class="review-kind">{`${r.check}:`}</span> {r.checkText(c)}
          </li>
        ))}
      </ul>
      {placeholders.length > 0 && <p class="review-marked">{r.marked}</p>}
    </section>
  );
}
