// Country names as OFAC writes them → ISO 3166-1 alpha-2, built from ICU's region names plus
// OFAC's own spellings.
const OFAC_NAMES: Record<string, string> = {
  "korea, north": "KP",
  "north korea": "KP",
  "korea, south": "KR",
  "south korea": "KR",
  burma: "MM",
  russia: "RU",
  iran: "IR",
  syria: "SY",
  "congo, democratic republic of the": "CD",
  "congo, republic of the": "CG",
  "the bahamas": "BS",
  bahamas: "BS",
  "the gambia": "GM",
  "cote d ivoire": "CI",
  "west bank": "PS",
  gaza: "PS",
  "region: gaza": "PS",
  palestinian: "PS",
  macau: "MO",
  taiwan: "TW",
  vietnam: "VN",
  laos: "LA",
  "czech republic": "CZ",
  turkey: "TR",
  "united states": "US",
  "united kingdom": "GB",
  "bosnia and herzegovina": "BA",
  venezuela: "VE",
  bolivia: "BO",
  tanzania: "TZ",
  moldova: "MD",
  brunei: "BN",
  "cabo verde": "CV",
  eswatini: "SZ",
  kosovo: "XK",
  crimea: "UA",
  "region: crimea": "UA",
  ukraine: "UA",
  "micronesia, federated states of": "FM",
  "saint kitts and nevis": "KN",
  "saint vincent and the grenadines": "VC",
  "north macedonia": "MK",
  macedonia: "MK",
  curacao: "CW",
  "hong kong": "HK",
  "timor-leste": "TL",
  "sint maarten": "SX",
  "british virgin islands": "VG",
  // The UN's and the EU's spellings; ICU also names the former South Yemen (YD) "Yemen".
  yemen: "YE",
  "russian federation": "RU",
  "democratic people's republic of korea": "KP",
  "iran (islamic republic of)": "IR",
  "syrian arab republic": "SY",
};

let byName: Map<string, string> | undefined;

const key = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’'.]/g, "")
    .replace(/\s+/g, " ")
    .trim();

export function countryCodeOf(name: string): string | null {
  if (!byName) {
    byName = new Map(Object.entries(OFAC_NAMES).map(([k, v]) => [key(k), v]));
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const n = names.of(code);
        if (n && n !== code && !byName.has(key(n))) byName.set(key(n), code);
      }
    }
  }
  const k = key(name);
  if (/^[a-z]{2}$/.test(k) && [...byName.values()].includes(k.toUpperCase())) return k.toUpperCase();
  return byName.get(k) ?? byName.get(k.replace(/^region: /, "")) ?? null;
}
