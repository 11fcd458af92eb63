/**
 * Tables for address normalization, as data. Keys and names are lower case ASCII (after `fold` and
 * diacritics removed) except the Japanese names. Each abbreviation maps to its long form; comparing
 * long forms makes both directions equal.
 */

/** Street suffixes (USPS Publication 28 forms), plus a few common European words. */
export const STREET_WORDS: Readonly<Record<string, string>> = {
  st: 'street', ave: 'avenue', av: 'avenue', rd: 'road', blvd: 'boulevard', dr: 'drive',
  ln: 'lane', ct: 'court', pkwy: 'parkway', pky: 'parkway', hwy: 'highway', wy: 'way', pl: 'place',
  sq: 'square', cir: 'circle', ctr: 'center', centre: 'center', ter: 'terrace', trl: 'trail', fwy: 'freeway',
  expy: 'expressway', plz: 'plaza', aly: 'alley', bnd: 'bend', xing: 'crossing', hts: 'heights',
};

/** Secondary unit designators. `#` is dropped as punctuation. */
export const UNIT_WORDS: Readonly<Record<string, string>> = {
  ste: 'suite', fl: 'floor', flr: 'floor', bldg: 'building', bld: 'building', apt: 'apartment',
  rm: 'room', dept: 'department', unt: 'unit', ofc: 'office',
};

export const DIRECTIONALS: Readonly<Record<string, string>> = {
  n: 'north', s: 'south', e: 'east', w: 'west', ne: 'northeast', nw: 'northwest', se: 'southeast', sw: 'southwest',
};

/** Words in city names: `St. Louis` is Saint Louis, not Street Louis. */
export const CITY_WORDS: Readonly<Record<string, string>> = {
  st: 'saint', ste: 'sainte', ft: 'fort', mt: 'mount', pt: 'point',
};

/** Number words the postal services write as digits (`One Microsoft Way`, `Fifth Avenue`). */
export const NUMBER_WORDS: Readonly<Record<string, string>> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  first: '1st', second: '2nd', third: '3rd', fourth: '4th', fifth: '5th', sixth: '6th', seventh: '7th',
  eighth: '8th', ninth: '9th', tenth: '10th',
};

/** USPS codes: the 50 states, DC, territories, freely associated states and armed forces. */
export const US_STATES: Readonly<Record<string, readonly string[]>> = {
  AL: ['alabama'], AK: ['alaska'], AZ: ['arizona'], AR: ['arkansas'], CA: ['california'], CO: ['colorado'],
  CT: ['connecticut'], DE: ['delaware'], FL: ['florida'], GA: ['georgia'], HI: ['hawaii'], ID: ['idaho'],
  IL: ['illinois'], IN: ['indiana'], IA: ['iowa'], KS: ['kansas'], KY: ['kentucky'], LA: ['louisiana'],
  ME: ['maine'], MD: ['maryland'], MA: ['massachusetts'], MI: ['michigan'], MN: ['minnesota'],
  MS: ['mississippi'], MO: ['missouri'], MT: ['montana'], NE: ['nebraska'], NV: ['nevada'],
  NH: ['new hampshire'], NJ: ['new jersey'], NM: ['new mexico'], NY: ['new york'], NC: ['north carolina'],
  ND: ['north dakota'], OH: ['ohio'], OK: ['oklahoma'], OR: ['oregon'], PA: ['pennsylvania'],
  RI: ['rhode island'], SC: ['south carolina'], SD: ['south dakota'], TN: ['tennessee'], TX: ['texas'],
  UT: ['utah'], VT: ['vermont'], VA: ['virginia'], WA: ['washington'], WV: ['west virginia'],
  WI: ['wisconsin'], WY: ['wyoming'],
  DC: ['district of columbia', 'washington dc', 'washington d c'],
  AS: ['american samoa'], GU: ['guam'], MP: ['northern mariana islands'], PR: ['puerto rico'],
  VI: ['virgin islands', 'us virgin islands', 'u s virgin islands', 'united states virgin islands'],
  UM: ['united states minor outlying islands', 'us minor outlying islands'],
  FM: ['federated states of micronesia', 'micronesia'], MH: ['marshall islands'], PW: ['palau'],
  AA: ['armed forces americas'], AE: ['armed forces europe'], AP: ['armed forces pacific'],
};

/** Canada Post codes, English and French names (and the old codes still seen). */
export const CA_PROVINCES: Readonly<Record<string, readonly string[]>> = {
  AB: ['alberta'], BC: ['british columbia', 'colombie britannique'], MB: ['manitoba'],
  NB: ['new brunswick', 'nouveau brunswick'],
  NL: ['newfoundland and labrador', 'newfoundland', 'terre neuve et labrador', 'nf'],
  NS: ['nova scotia', 'nouvelle ecosse'], NT: ['northwest territories', 'territoires du nord ouest'],
  NU: ['nunavut'], ON: ['ontario'], PE: ['prince edward island', 'ile du prince edouard'],
  QC: ['quebec', 'pq'], SK: ['saskatchewan'], YT: ['yukon', 'yukon territory', 'yk'],
};

/**
 * Japanese prefectures by JIS X 0401 code: the name with its suffix (都, 道, 府, 県) and the romaji name
 * without it. Romaji is matched after macrons are removed and `ou`/`oo` read as `o`.
 */
export const JP_PREFECTURES: readonly (readonly [code: string, kanji: string, romaji: string])[] = [
  ['01', '北海道', 'hokkaido'], ['02', '青森県', 'aomori'], ['03', '岩手県', 'iwate'], ['04', '宮城県', 'miyagi'],
  ['05', '秋田県', 'akita'], ['06', '山形県', 'yamagata'], ['07', '福島県', 'fukushima'], ['08', '茨城県', 'ibaraki'],
  ['09', '栃木県', 'tochigi'], ['10', '群馬県', 'gunma'], ['11', '埼玉県', 'saitama'], ['12', '千葉県', 'chiba'],
  ['13', '東京都', 'tokyo'], ['14', '神奈川県', 'kanagawa'], ['15', '新潟県', 'niigata'], ['16', '富山県', 'toyama'],
  ['17', '石川県', 'ishikawa'], ['18', '福井県', 'fukui'], ['19', '山梨県', 'yamanashi'], ['20', '長野県', 'nagano'],
  ['21', '岐阜県', 'gifu'], ['22', '静岡県', 'shizuoka'], ['23', '愛知県', 'aichi'], ['24', '三重県', 'mie'],
  ['25', '滋賀県', 'shiga'], ['26', '京都府', 'kyoto'], ['27', '大阪府', 'osaka'], ['28', '兵庫県', 'hyogo'],
  ['29', '奈良県', 'nara'], ['30', '和歌山県', 'wakayama'], ['31', '鳥取県', 'tottori'], ['32', '島根県', 'shimane'],
  ['33', '岡山県', 'okayama'], ['34', '広島県', 'hiroshima'], ['35', '山口県', 'yamaguchi'], ['36', '徳島県', 'tokushima'],
  ['37', '香川県', 'kagawa'], ['38', '愛媛県', 'ehime'], ['39', '高知県', 'kochi'], ['40', '福岡県', 'fukuoka'],
  ['41', '佐賀県', 'saga'], ['42', '長崎県', 'nagasaki'], ['43', '熊本県', 'kumamoto'], ['44', '大分県', 'oita'],
  ['45', '宮崎県', 'miyazaki'], ['46', '鹿児島県', 'kagoshima'], ['47', '沖縄県', 'okinawa'],
];

/** Romaji suffixes that may follow a prefecture's name (`Tokyo-to`, `Osaka Prefecture`). */
export const JP_PREFECTURE_SUFFIXES: readonly string[] = ['to', 'fu', 'ken', 'do', 'prefecture', 'pref', 'metropolis'];

/** Kanji digits, for chome and banchi numbers written in kanji (`一丁目`, `二十三番地`). */
export const KANJI_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Countries whose postal codes are US ZIP codes (ZIP+4 applies). */
export const ZIP_COUNTRIES: ReadonlySet<string> = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'FM', 'MH', 'PW']);
