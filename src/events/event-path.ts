/** The public path of an event: id for stability, slug for readable links. */
export function eventPath(e: { id: number; slug: string }): string {
  return `/veranstaltungen/${e.id}-${e.slug}`;
}

/** Reads the id back from a path segment like "42-kunststoff-recycling"; undefined when malformed. */
export function eventIdFromParam(param: string): number | undefined {
  const match = /^(\d{1,9})(?:-[a-z0-9-]*)?$/.exec(param);
  return match ? Number(match[1]) : undefined;
}
