/** Where a reader left off in one edition: the chapter, the section and when; kept only in this browser. */
export interface ReadingPlace {
  path: string;
  title: string;
  section: string;
  sectionTitle: string;
  time: number;
}

/** The localStorage key of an edition's reading place. */
export function placeKey(lang: string): string {
  return `reader:place:${lang}`;
}

/** The stored reading place of an edition, if there is a valid one. */
export function loadPlace(lang: string): ReadingPlace | undefined {
  try {
    const place = JSON.parse(localStorage.getItem(placeKey(lang)) ?? 'null') as ReadingPlace | null;
    return place && typeof place.path === 'string' && place.path.startsWith('/') && typeof place.title === 'string' ? place : undefined;
  } catch {
    return undefined;
  }
}

/** Stores (or, with undefined, forgets) an edition's reading place; storage may be disabled, which is fine. */
export function savePlace(lang: string, place: ReadingPlace | undefined): void {
  try {
    if (place) localStorage.setItem(placeKey(lang), JSON.stringify(place));
    else localStorage.removeItem(placeKey(lang));
  } catch {
    /* remembering the place is only a convenience */
  }
}
