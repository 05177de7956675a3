import type { ProgrammeItem } from "../../events/list-programme.ts";
import { EventCard } from "../../events/views/EventCard.tsx";
import type { PageCtx } from "../../lib/page-context.ts";
import type { Taxonomies } from "../../taxonomies/taxonomy-queries.ts";

/** The featured events on the home page or a state page (nothing when none are chosen). */
export function FeaturedEvents({ ctx, items, taxonomies }: { ctx: PageCtx; items: ProgrammeItem[]; taxonomies: Taxonomies }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="featured-title" class="featured-events">
      <h2 id="featured-title">{ctx.t("coordination.public.featured")}</h2>
      <ul class="card-grid">
        {items.map((item) => (
          <li key={item.id}>
            <EventCard ctx={ctx} item={item} taxonomies={taxonomies} />
          </li>
        ))}
      </ul>
    </section>
  );
}
