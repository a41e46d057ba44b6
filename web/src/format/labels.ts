import type { AgeBand } from '../api/models.ts';

/** i18n keys may not contain "<" or "+": map the API's age bands to safe keys. */
export function ageBandKey(band: AgeBand): string {
  switch (band) {
    case '<27':
      return 'under27';
    case '27-44':
      return 'from27to44';
    case '45+':
      return 'from45';
  }
}
