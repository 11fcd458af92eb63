import { CSP_REGION_IDS, regionName } from '../../rules/geo/regions';
import type { Locale } from '../../rules/types';

/** The languages every surface speaks, each named in itself (so either reader finds theirs). */
export function LanguageOptions() {
  return (
    <>
      <option value="en" lang="en">
        English
      </option>
      <option value="ja" lang="ja">
        日本語
      </option>
    </>
  );
}

/** The CSP regions, named in `locale`, after a first "none chosen" option. */
export function RegionOptions({ locale, none }: { locale: Locale; none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {CSP_REGION_IDS.map((id) => (
        <option key={id} value={id}>
          {regionName(id, locale)}
        </option>
      ))}
    </>
  );
}
