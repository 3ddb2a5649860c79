"""Rules of the data-apis family: geolocation and IP intelligence, maps and geocoding, weather,
news and search, email/phone verification, public-data and other lookup APIs.

Almost none of these keys carries a prefix: a rule finds the key by the provider's name in the
variable, key or tag that holds it (`keyed()`, below), or in the provider's API URL (`q()`:
`https://api.weatherbit.io/v2.0/current?key=...`). Keys that only spend a quota or read public
data are `medium`; keys that can change or delete data (Algolia admin keys, Mapbox secret tokens)
are `high`. Publishable keys are left out or kept `low` (see the Mapbox public-token and Algolia
rules).
"""
from rulegen.core import *  # noqa: F401,F403

D = "data-apis"

# ---------------------------------------------------------------- helpers (shared with content.py)

# After the provider's name: the rest of a flat name (`ACME_API_KEY`, `acmeToken`, `acme SECRET`),
# or the provider as a YAML section with the key nested under it (`acme:\n  api_key: ...`), or a
# map keyed by the provider (`"acme": {"apiKey": ...`, `acme = { token = ...`).
KEYED_TAIL = ("(?:" + NAME_TAIL
              + r"|[\w.-]{0,16}:[ \t]*\r?\n[ \t]+[\w.-]{0,24}?"
              + r"|[\w.-]{0,16}[\"']?[ \t]*[:=][ \t]*\{[ \t]*[\"']?[\w.-]{0,24}?)")

# Three base64url parts, the first two JSON objects (`eyJ`): a signed JWT.
JWT_VALUE = r"(eyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{16,})(?:[^0-9A-Za-z_.-]|$)"


def q(host, param):
    """A URL on `host` (a regex) whose query string holds `param=`; the key follows."""
    return host + r"/[^\s?\"'#<>]*\?(?:[^\s&\"'#<>]*&)*?(?i:" + param + ")="


def value_of(cls, length):
    """The secret group for `length` characters of class `cls`, then a token end."""
    return token(cls, length)


def keyed(family, id, description, names, value, make, url, severity="medium", keywords=None, alts=(),
          words=None, min_entropy=3.2, what="key", verb="Revoke", tail=KEYED_TAIL, url_examples=(),
          extra_examples=lambda g: [], extra_negatives=lambda g: [], window=48, remediation=None,
          short=None, nested=True):
    """A key found by its provider's name (like core.named_rule) or, with `alts`, in one of the
    provider's URLs. `value`: the regex of the secret group and its end; `make(g)`: a fake key;
    `url_examples`: templates with `{}` for a key, one per URL form in `alts`; `short(g)`: a
    look-alike one character short (default: make(g) without its last character); `nested`: one
    more example with the key nested under a section named after the provider (KEYED_TAIL)."""
    kws = name_keywords(id, names, keywords)
    words = name_words(kws, words)
    section = f"{words[0]}_{words[1]}".lower()

    def more_examples(g):
        out = []
        if nested and tail is KEYED_TAIL:
            s = make(g)
            out.append(g.r.choice([f"{section}:\n  api_key: {s}\n  timeout: 10",
                                   f'  "{section}": {{ "apiKey": "{s}" }},',
                                   f'{section} = {{ token = "{s}" }}']))
        out += [t.format(make(g)) for t in url_examples]
        return out + extra_examples(g)

    named_secret_rule(family, id, description, name_context("|".join(names), tail, alts) + value, kws, make, words,
                      remediation or remediation_at(url, what, verb), severity=severity,
                      near_miss=lambda g, s: short(g) if short else s[:-1], extra_examples=more_examples,
                      extra_negatives=extra_negatives, min_entropy=min_entropy, window=window)


def simple(family, id, description, names, cls, length, url, keywords=None, min_entropy=None, make=None,
           **kw):
    """keyed() for a plain run of `length` characters of class `cls` (core.C_* classes)."""
    lo = int(str(length).split(",")[0])
    if make is None:
        alphabet = ALPHABET_OF[cls]
        make = lambda g: g.s(alphabet, lo)  # noqa: E731
    if min_entropy is None:
        min_entropy = DEFAULT_ENTROPY.get(cls, 3.2)
    keyed(family, id, description, names, value_of(cls, length), make, url, keywords=keywords,
          min_entropy=min_entropy, **kw)


def seps(*stems):
    """Literal spellings `ab`, `a_b`, `a-b`, `a.b` of two-word names, for keywords."""
    return [k for a, b in stems for k in compound_keywords([a], [b])]


def uuid_value():
    return f"({UUID_RE})" + END_B64URL


# ---------------------------------------------------------------- IP geolocation and intelligence

simple(D, "ipinfo-access-token", "IPinfo access token (14 hex) by an IPinfo name or in an ipinfo.io ?token= URL",
       ["ipinfo"], C_HEX, 14, "https://ipinfo.io/account/token", what="token", min_entropy=2.5,
       alts=[q(r"ipinfo\.io", "token")],
       url_examples=["resp = requests.get('https://ipinfo.io/8.8.8.8/json?token={}')"],
       extra_negatives=lambda g: [f"IPINFODB_API_KEY={g.hex(64)}"])

simple(D, "ipapi-access-key", "ipapi (ipapi.com / ipapi.co) API key by an ipapi name or in its API URL",
       ["ipapi"], C_ALNUM_LOW, 32, "https://ipapi.com/dashboard (or https://ipapi.co/account/ for ipapi.co)",
       alts=[q(r"api\.ipapi\.com", "access_key"), q(r"ipapi\.co", "key")],
       url_examples=["curl 'http://api.ipapi.com/api/161.185.160.93?access_key={}&output=json'"])

simple(D, "ipgeolocation-api-key", "ipgeolocation.io API key by an ipgeolocation name or in its API URL",
       ["ipgeolocation"], C_ALNUM_LOW, 32, "https://app.ipgeolocation.io/ (API keys)",
       alts=[q(r"api\.ipgeolocation\.io", "apiKey")],
       url_examples=['url = "https://api.ipgeolocation.io/ipgeo?apiKey={}&ip=1.1.1.1"'])

simple(D, "ip2location-api-key", "IP2Location.io API key (32 uppercase alphanumerics) by an IP2Location name or in its API URL",
       ["ip2location"], C_ALNUM_UP, 32, "https://www.ip2location.io/dashboard",
       alts=[q(r"api\.ip2location\.io", "key")],
       url_examples=["fetch(`https://api.ip2location.io/?key={}&ip=8.8.8.8`)"])

simple(D, "ipinfodb-api-key", "IPInfoDB API key (64 hex) by an IPInfoDB name or in its API URL",
       ["ipinfodb"], C_HEX, 64, "https://www.ipinfodb.com/account",
       alts=[q(r"api\.ipinfodb\.com", "key")],
       url_examples=["$url = 'https://api.ipinfodb.com/v3/ip-city/?key={}&ip=' . $ip;"])

keyed(D, "geoipify-api-key", "IP Geolocation API (geo.ipify.org) key (at_ + 29 alphanumerics) by an ipify name or in its API URL",
      ["ipify", "ipifi"], r"(at_[0-9A-Za-z]{29}|[0-9A-Za-z]{32})(?:[^0-9A-Za-z_]|$)",
      lambda g: "at_" + g.alnum(29), "https://geo.ipify.org/ (My account > API key)",
      alts=[q(r"geo\.ipify\.org", "apiKey")],
      url_examples=["const url = 'https://geo.ipify.org/api/v2/country,city?apiKey={}&ipAddress=8.8.8.8';"],
      extra_examples=lambda g: [f"IPIFY_TOKEN={g.alnum(32)}"],
      extra_negatives=lambda g: ["fetch('https://api.ipify.org?format=json')"])

simple(D, "vpnapi-io-key", "vpnapi.io API key by a vpnapi name or in its API URL",
       ["vpnapi"], C_ALNUM_LOW, 32, "https://vpnapi.io/dashboard",
       alts=[q(r"vpnapi\.io/api", "key")],
       url_examples=["r = requests.get('https://vpnapi.io/api/8.8.8.8?key={}')"])

simple(D, "whoxy-api-key", "Whoxy WHOIS API key (33 lowercase alphanumerics) by a Whoxy name or in its API URL",
       ["whoxy"], C_ALNUM_LOW, 33, "https://www.whoxy.com/account/",
       alts=[q(r"api\.whoxy\.com", "key")],
       url_examples=["curl 'https://api.whoxy.com/?key={}&whois=google.com'"])

# ---------------------------------------------------------------- geocoding and maps

simple(D, "geocode-xyz-auth-key", "geocode.xyz auth code by a geocode name or in a geocode.xyz ?auth= URL",
       ["geocode"], C_ALNUM_LOW, "24,28", "https://geocode.xyz/account",
       make=lambda g: g.digits(g.r.randint(18, 21)) + "x" + g.digits(5) if g.r.random() < .5 else g.s(DIGITS + LOWER, 26),
       short=lambda g: g.s(DIGITS + LOWER, 23), min_entropy=2.7,
       alts=[q(r"geocode\.xyz", "auth")],
       url_examples=["https://geocode.xyz/51.50354,-0.12768?geoit=json&auth={}"],
       extra_negatives=lambda g: [f"GEOCODE_API_KEY=AIza{g.s(B64URL, 35)}"])

simple(D, "geocodify-api-key", "Geocodify API key (40 hex) by a Geocodify name or in its API URL",
       ["geocodify"], C_HEX, 40, "https://geocodify.com/account",
       alts=[q(r"api\.geocodify\.com", "api_key")],
       url_examples=["https://api.geocodify.com/v2/geocode?api_key={}&q=Berlin"])

simple(D, "getgeoapi-key", "GetGeoAPI key (40 characters) by a getgeoapi name or in its API URL",
       ["getgeoapi"], C_ALNUM_LOW, 40, "https://getgeoapi.com/dashboard",
       alts=[q(r"api\.getgeoapi\.com", "api_key")],
       url_examples=["https://api.getgeoapi.com/v2/ip/check?api_key={}&format=json"])

simple(D, "opencage-api-key", "OpenCage geocoding API key by an OpenCage name or in its API URL",
       ["opencage"], C_ALNUM_LOW, 32, "https://opencagedata.com/dashboard#api-keys",
       alts=[q(r"api\.opencagedata\.com", "key")],
       url_examples=["GET https://api.opencagedata.com/geocode/v1/json?q=52.51627+13.37770&key={}"])

simple(D, "here-api-key", "HERE platform API key (43 base64url) by a HERE API/maps name or in a hereapi.com URL",
       [r"\bhere[_.-]?(?:api|maps?)"], C_B64URL, "43,45", "https://platform.here.com/access/",
       keywords=seps(("here", "api"), ("here", "map")),
       alts=[q(r"[\w.-]+\.hereapi\.com", "apiKey")],
       url_examples=["https://geocode.search.hereapi.com/v1/geocode?q=Invalidenstr+117+Berlin&apiKey={}"],
       extra_negatives=lambda g: [f"# where_map = {g.s(B64URL, 43)}"])

# --- Mapbox: pk. public (publishable, meant for browsers), sk. secret, tk. temporary (<= 1 hour).
# All three are `<prefix>.<base64url JSON {"u":user,"a":id}>.<22 base64url>`. A secret token can
# change styles, tilesets, datasets and mint tokens: `high`. A public token is published in every
# web map by design, so it is reported only where it is stored under a Mapbox name (config, .env),
# `low`: it still spends the account's map-load quota unless URL-restricted.

MAPBOX_URL = "https://account.mapbox.com/access-tokens/"


def mapbox_token(g, kind):
    user = g.s(LOWER, g.r.randint(5, 12))
    payload = b64url(json.dumps({"u": user, "a": "c" + g.s(DIGITS + LOWER, 24)}, separators=(",", ":")).encode())
    return g._clean(lambda: f"{kind}.{payload}.{g.s(B64URL, 22)}")


MAPBOX_BODY = r"\.eyJ1[0-9A-Za-z_-]{20,300}\.[0-9A-Za-z_-]{22})" + END_B64URL

rule(D, id="mapbox-secret-token", description="Mapbox secret access token (sk.eyJ1…)", severity="high",
     keywords=["sk.eyj1"], regex=r"\b(sk" + MAPBOX_BODY, min_entropy=4.0,
     remediation=remediation_at(MAPBOX_URL, "token", "Delete", "check the account's statistics for unexpected use, "),
     examples=lambda g: [f"MAPBOX_SECRET_TOKEN={mapbox_token(g, 'sk')}",
                         f'  "downloadsToken": "{mapbox_token(g, "sk")}",',
                         f"MAPBOX_DOWNLOADS_TOKEN={mapbox_token(g, 'sk')}"],
     negative_examples=lambda g: [f"MAPBOX_SECRET_TOKEN={mapbox_token(g, 'sk')[:40]}",
                                  f"MAPBOX_ACCESS_TOKEN={mapbox_token(g, 'pk')}",
                                  "MAPBOX_SECRET_TOKEN=sk.<your-secret-token>"])

rule(D, id="mapbox-temporary-token", description="Mapbox temporary access token (tk.eyJ1…, valid for at most an hour)",
     severity="low", keywords=["tk.eyj1"], regex=r"\b(tk" + MAPBOX_BODY, min_entropy=4.0,
     remediation=("A temporary token expires within an hour; find and delete the secret token that minted it at "
                  + MAPBOX_URL + ", " + PURGE),
     examples=lambda g: [f"export MAPBOX_TOKEN={mapbox_token(g, 'tk')}",
                         f"mapboxgl.accessToken = '{mapbox_token(g, 'tk')}';"],
     negative_examples=lambda g: [f"token = {mapbox_token(g, 'tk')[:30]}", "mapboxgl.accessToken = process.env.MAPBOX_TOKEN;"])

rule(D, id="mapbox-public-token", description="Mapbox public access token (pk.…) stored under a Mapbox name",
     severity="low", keywords=["mapbox"],
     regex=r"(?i:mapbox)" + KEYED_TAIL + ASSIGN_ANY + r"(pk\.[0-9A-Za-z_-]{40,300}\.[0-9A-Za-z_-]{22})" + END_B64URL,
     min_entropy=3.5, window=48,
     remediation=("Public tokens are meant for browsers: restrict it to your URLs at " + MAPBOX_URL
                  + " (or rotate it there if it was not meant to be public), then, if it should not be in the "
                    "repository, " + PURGE),
     examples=lambda g: [f"MAPBOX_ACCESS_TOKEN={mapbox_token(g, 'pk')}",
                         f"mapboxToken: '{mapbox_token(g, 'pk')}'",
                         f"<mapboxAccessToken>\n    {mapbox_token(g, 'pk')}\n</mapboxAccessToken>"],
     negative_examples=lambda g: [f"const token = '{mapbox_token(g, 'pk')}';",
                                  f"MAPBOX_ACCESS_TOKEN=pk.{g.s(B64URL, 20)}",
                                  "MAPBOX_ACCESS_TOKEN=pk.<your-public-token>"])

simple(D, "walkscore-api-key", "Walk Score API key (32 hex) by a Walk Score name or in its ?wsapikey= URL",
       [r"walk[_.-]?score"], C_HEX, 32, "https://www.walkscore.com/professional/api.php (ask Walk Score support to reissue it)",
       keywords=seps(("walk", "score")), alts=[q(r"api\.walkscore\.com", "wsapikey")],
       url_examples=["https://api.walkscore.com/score?format=json&lat=47.6085&lon=-122.3295&wsapikey={}"])

keyed(D, "zipcodebase-api-key", "Zipcodebase API key (UUID) by a Zipcodebase name or in its API URL",
      ["zipcodebase"], uuid_value(), lambda g: g.uuid(), "https://app.zipcodebase.com/",
      alts=[q(r"app\.zipcodebase\.com/api", "apikey")],
      url_examples=["https://app.zipcodebase.com/api/v1/search?apikey={}&codes=10005"], min_entropy=3.0)

simple(D, "timezoneapi-token", "TimeZoneAPI (timezoneapi.io) token (20 alphanumerics) by its name or in its API URL",
       [r"timezone[_.-]?api"], C_ALNUM, 20, "https://timezoneapi.io/ (account page)",
       keywords=seps(("timezone", "api")), alts=[q(r"timezoneapi\.io/api", "token")],
       url_examples=["https://timezoneapi.io/api/ip/?8.8.8.8&token={}"],
       extra_negatives=lambda g: [f"TIMEZONE_API_KEY=AIza{g.s(B64URL, 35)}"])

# --- APILayer: the marketplace (apilayer.com) and its older per-product APIs (weatherstack,
# positionstack, ipstack, mediastack, ...) all use a 32-character `access_key`; one format, one rule.
APILAYER_PRODUCTS = ["ipstack", "positionstack", "countrylayer", "aviationstack", "mediastack", "serpstack",
                     "userstack", "vatlayer", "numverify", "mailboxlayer", "weatherstack"]

simple(D, "apilayer-access-key",
       "APILayer access key (32 characters): apilayer.com marketplace, weatherstack, positionstack, ipstack, "
       "mediastack, aviationstack, serpstack, userstack, countrylayer, vatlayer, numverify, mailboxlayer",
       ["apilayer", *APILAYER_PRODUCTS], C_ALNUM, 32,
       "the product's dashboard (https://apilayer.com/account for the marketplace, e.g. https://weatherstack.com/dashboard "
       "for the older APIs: Reset access key)",
       alts=[q(r"(?:api\.)?(?:" + "|".join(APILAYER_PRODUCTS) + r")\.com", "access_key"),
             q(r"apilayer\.net/api", "access_key")],
       url_examples=["http://api.weatherstack.com/current?access_key={}&query=New%20York",
                     "https://apilayer.net/api/validate?access_key={}&number=14158586273"],
       extra_examples=lambda g: [f"POSITIONSTACK_ACCESS_KEY={g.alnum(32)}", f'mediastack_key: "{g.alnum(32)}"'])

# ---------------------------------------------------------------- news and search

keyed(D, "newscatcher-api-key", "NewsCatcher API key by a NewsCatcher name",
      ["newscatcher"], r"([0-9A-Za-z_-]{43}|[0-9a-f]{32})" + END_B64URL, lambda g: g.s(B64URL, 43),
      "https://app.newscatcherapi.com/ (API keys)",
      extra_examples=lambda g: [f"NEWSCATCHER_API_KEY={g.hex(32)}"])

keyed(D, "currents-api-key", "Currents API key (48 characters) by a Currents API name or in its API URL",
      [r"currents[_.-]?api"], r"([0-9A-Za-z_=+-]{48})(?:[^0-9A-Za-z_=+-]|$)", lambda g: g.s(B64URL, 48),
      "https://currentsapi.services/en/profile", keywords=seps(("currents", "api")),
      alts=[q(r"api\.currentsapi\.services", "apiKey")],
      url_examples=["https://api.currentsapi.services/v1/latest-news?language=en&apiKey={}"])

simple(D, "serpapi-api-key", "SerpApi API key (64 hex) by a SerpApi name or in its API URL",
       [r"serp[_.-]?api"], C_HEX, 64, "https://serpapi.com/manage-api-key", keywords=seps(("serp", "api")),
       alts=[q(r"serpapi\.com", "api_key")],
       url_examples=["https://serpapi.com/search.json?engine=google&q=coffee&api_key={}"])

# ---------------------------------------------------------------- weather and environment

simple(D, "openweather-api-key", "OpenWeather API key (32 characters) by an OpenWeather/OWM name or in an appid= URL",
       [r"openweather(?:map)?", r"\b(?:py)?owm"], C_ALNUM_LOW, 32, "https://home.openweathermap.org/api_keys",
       keywords=["openweather", "owm"], min_entropy=3.0, alts=[q(r"(?:api\.|pro\.)?openweathermap\.org", "appid")],
       url_examples=["https://api.openweathermap.org/data/2.5/weather?q=London&appid={}&units=metric"],
       extra_examples=lambda g: [f"owm_key = '{g.hex(32)}'"],
       extra_negatives=lambda g: [f"lowmem_key = {g.hex(32)}"])

simple(D, "weatherbit-api-key", "Weatherbit API key (32 hex) by a Weatherbit name or in its API URL",
       ["weatherbit"], C_HEX, 32, "https://www.weatherbit.io/account/dashboard",
       alts=[q(r"api\.weatherbit\.io", "key")],
       url_examples=["https://api.weatherbit.io/v2.0/current?lat=35.78&lon=-78.64&key={}"])

keyed(D, "stormglass-api-key", "Storm Glass API key (two UUIDs joined by '-') by a Storm Glass name",
      ["stormglass", r"storm[_.-]glass"], f"({UUID_RE}-{UUID_RE})" + END_B64URL,
      lambda g: f"{g.uuid()}-{g.uuid()}", "https://dashboard.stormglass.io/",
      keywords=seps(("storm", "glass")), min_entropy=3.0,
      extra_examples=lambda g: [f"STORM_GLASS_KEY={g.uuid()}-{g.uuid()}"],
      extra_negatives=lambda g: [f"STORMGLASS_API_KEY={g.uuid()}"])

simple(D, "visualcrossing-api-key", "Visual Crossing Weather API key (25 uppercase alphanumerics) by its name or in its API URL",
       [r"visual[_.-]?crossing"], C_ALNUM_UP, 25, "https://www.visualcrossing.com/account",
       keywords=seps(("visual", "crossing")), alts=[q(r"weather\.visualcrossing\.com", "key")],
       url_examples=["https://weather.visualcrossing.com/VisualCrossingWebServices/rest/services/timeline/London?key={}"])

simple(D, "worldweatheronline-api-key", "World Weather Online API key (31-32 hex) by its name or in its API URL",
       [r"world[_.-]?weather"], C_HEX, "31,32", "https://www.worldweatheronline.com/weather-api/ (My Account > API keys)",
       keywords=seps(("world", "weather")), alts=[q(r"api\.worldweatheronline\.com", "key")],
       url_examples=["http://api.worldweatheronline.com/premium/v1/weather.ashx?key={}&q=London&format=json"])

simple(D, "openuv-api-key", "OpenUV API key by an OpenUV name",
       ["openuv"], C_ALNUM_LOW, 32, "https://www.openuv.io/dashboard")

simple(D, "calorieninjas-api-key", "CalorieNinjas API key (40 alphanumerics) by a CalorieNinjas name",
       [r"calorie[_.-]?ninjas?"], C_ALNUM, 40, "https://calorieninjas.com/profile",
       keywords=seps(("calorie", "ninja")))

simple(D, "carbon-interface-api-key", "Carbon Interface API key (21 alphanumerics) by a Carbon Interface name",
       [r"carbon[_.-]?interface"], C_ALNUM, 21, "https://www.carboninterface.com/dashboard (API keys)",
       keywords=seps(("carbon", "interface")))

simple(D, "cloverly-api-key", "Cloverly API key by a Cloverly name",
       ["cloverly"], "0-9A-Za-z_", "28,29", "https://dashboard.cloverly.com/ (API keys)",
       make=lambda g: g.s(ALNUM + "_", 28))

# ---------------------------------------------------------------- public data and other lookups

simple(D, "upcdatabase-api-key", "UPC Database API key (32 uppercase alphanumerics) by its name or in its API URL",
       [r"upc[_.-]?database"], C_ALNUM_UP, 32, "https://upcdatabase.org/ (My account > API key)",
       keywords=seps(("upc", "database")), alts=[q(r"api\.upcdatabase\.org", "apikey")],
       url_examples=["https://api.upcdatabase.org/product/0111222333446?apikey={}"])

simple(D, "api-data-gov-key",
       "api.data.gov API key (40 alphanumerics; NASA, data.gov, NREL) by a NASA/data.gov name or in an api_key= URL",
       ["nasa", r"data[_.-]?gov"], C_ALNUM, 40,
       "https://api.data.gov/contact/ (ask for the key to be deactivated; get a new one at https://api.data.gov/signup/)",
       keywords=["nasa", *seps(("data", "gov"))],
       alts=[q(r"(?:api\.nasa\.gov|api\.data\.gov|developer\.nrel\.gov)", "api_key")],
       url_examples=["fetch('https://api.nasa.gov/planetary/apod?api_key={}')"],
       extra_negatives=lambda g: ["https://api.nasa.gov/planetary/apod?api_key=DEMO_KEY"])

simple(D, "enigma-api-key", "Enigma API key (40 alphanumerics) by an Enigma API name",
       [r"enigma[_.-]?(?:api|key|token|secret)"], C_ALNUM, 40, "https://console.enigma.com/ (Settings > API key)",
       keywords=["enigma"], words=["enigma", "api", "key"],
       extra_negatives=lambda g: [f"enigma_rotor = {g.alnum(40)}"])

simple(D, "cicero-api-key", "Cicero (cicerodata.com) API key (40 hex) by a Cicero name or in its API URL",
       ["cicero"], C_HEX, 40, "https://www.cicerodata.com/account/ (API key)",
       alts=[q(r"(?:app\.cicerodata\.com|cicero\.azavea\.com)", "key")],
       url_examples=["https://app.cicerodata.com/v3.1/official?lat=40&lon=-75&key={}"])

simple(D, "sportmonks-api-token", "Sportmonks API token (60 alphanumerics) by a Sportmonks name or in its API URL",
       [r"sports?monks?"], C_ALNUM, "60,64", "https://my.sportmonks.com/api/tokens",
       keywords=["sportmonk", "sportsmonk"], alts=[q(r"(?:api|soccer|cricket)\.sportmonks\.com", "api_token")],
       url_examples=["https://api.sportmonks.com/v3/football/fixtures?api_token={}"])

simple(D, "pandascore-api-token", "PandaScore API token by a PandaScore name or in its API URL",
       ["pandascore"], C_B64URL, "48,52", "https://app.pandascore.co/dashboard/main",
       alts=[q(r"api\.pandascore\.co", "token")],
       url_examples=["https://api.pandascore.co/lol/matches?token={}"])

simple(D, "travelpayouts-api-token", "Travelpayouts API token (32 hex) by a Travelpayouts name or in its API URL",
       ["travelpayouts"], C_HEX, 32, "https://app.travelpayouts.com/profile/api-token",
       alts=[q(r"api\.travelpayouts\.com", "token")],
       url_examples=["http://api.travelpayouts.com/v2/prices/latest?currency=usd&token={}"])

keyed(D, "holidayapi-key", "Holiday API key (UUID) by a Holiday API name or in its API URL",
      [r"holiday[_.-]?api"], uuid_value(), lambda g: g.uuid(), "https://holidayapi.com/dashboard",
      keywords=seps(("holiday", "api")), alts=[q(r"holidayapi\.com/v1", "key")],
      url_examples=["https://holidayapi.com/v1/holidays?pretty&key={}&country=US&year=2024"], min_entropy=3.0)

simple(D, "calendarific-api-key", "Calendarific API key by a Calendarific name or in its API URL",
       ["calendarific"], C_ALNUM_LOW, "32,40", "https://calendarific.com/account",
       alts=[q(r"calendarific\.com/api", "api_key")],
       url_examples=["https://calendarific.com/api/v2/holidays?api_key={}&country=US&year=2024"])

simple(D, "ritekit-client-id", "RiteKit API client ID (44 hex, the key of its API) by a RiteKit name or in its API URL",
       ["ritekit"], C_HEX, 44, "https://ritekit.com/developer/dashboard/",
       alts=[q(r"api\.ritekit\.com", "client_id")],
       url_examples=["https://api.ritekit.com/v1/stats/multiple-hashtags?tags=seo&client_id={}"])

simple(D, "mockaroo-api-key", "Mockaroo API key (8 hex) by a Mockaroo name or in its API URL",
       ["mockaroo"], C_HEX, 8, "https://www.mockaroo.com/users/edit (API key)", min_entropy=2.5,
       alts=[q(r"(?:api\.|my\.api\.)?mockaroo\.com", "key")],
       url_examples=["curl 'https://api.mockaroo.com/api/generate.json?key={}&schema=Person'"],
       make=lambda g: g._clean(lambda: "".join(g.r.sample(HEX, 8))))

simple(D, "brandfetch-api-key", "Brandfetch Brand API key by a Brandfetch name",
       ["brandfetch"], C_ALNUM, "40,44", "https://developers.brandfetch.com/dashboard/keys")

simple(D, "metrilo-api-token", "Metrilo API token (16 characters) by a Metrilo name",
       ["metrilo"], C_ALNUM_LOW, 16, "https://app.metrilo.com/ (Settings > Installation > API token)", min_entropy=3.0)

keyed(D, "getgist-api-token", "Gist (getgist.com) API token by a Gist name",
      ["getgist"], r"([0-9A-Za-z]{60,80}={0,2})(?:[^0-9A-Za-z=]|$)", lambda g: g.alnum(68) + "==",
      "https://app.getgist.com/ (Settings > API key)", short=lambda g: g.alnum(59))

keyed(D, "viewneo-api-token", "viewneo API token (three-part bearer token) by a viewneo name",
      ["viewneo"], r"([0-9A-Za-z_-]{20,}\.[0-9A-Za-z_-]{20,}\.[0-9A-Za-z_-]{20,})(?:[^0-9A-Za-z_.-]|$)",
      lambda g: g.jwt(), "https://cloud.viewneo.com/ (Settings > API)", severity="high", what="token",
      short=lambda g: g.jwt().split(".")[0])

simple(D, "swiftype-api-key", "Swiftype API key by a Swiftype name (private- App Search keys too; search- keys are public)",
       ["swiftype"], C_B64URL, 20, "https://app.swiftype.com/settings/account", severity="high",
       make=lambda g: g.s(B64URL, 20),
       extra_examples=lambda g: [f"SWIFTYPE_API_KEY=private-{g.s(DIGITS + LOWER, 24)}"],
       extra_negatives=lambda g: [f"SWIFTYPE_SEARCH_KEY=search-{g.s(DIGITS + LOWER, 24)}"])
RULES[D][-1]["regex"] = RULES[D][-1]["regex"].replace("([0-9A-Za-z_-]{20})", "(private-[0-9a-z]{24}|[0-9A-Za-z_-]{20})")

# Algolia: the Admin API key (and keys with write ACLs) can change or delete indices; the
# search-only key is published in every InstantSearch page. Same format (32 hex), so the rule
# reads the name: `algolia` then only admin/write/api/key/token/secret words, never `search`.
ALGOLIA_NAME = r"(?i:algolia(?:[_.-]?(?:admin|write|private|secret|master|api|key|token|access))*)(?:[ \t]+string)?"
rule(D, id="algolia-admin-api-key",
     description="Algolia admin / write API key (32 hex) under an Algolia name that is not a search-only name",
     severity="high", keywords=["algolia"],
     regex=ALGOLIA_NAME + ASSIGN_ANY + token(C_ALNUM_LOW, 32), min_entropy=3.2, window=48,
     remediation=remediation_at("https://dashboard.algolia.com/account/api-keys", "key", "Regenerate",
                                "check the indices' logs for unexpected writes, "),
     examples=lambda g: [f"ALGOLIA_ADMIN_API_KEY={g.hex(32)}", f'algoliaApiKey: "{g.hex(32)}"',
                         f"System.setProperty(\"ALGOLIA_TOKEN\", \"{g.hex(32)}\");",
                         f"<algoliaWriteKey>\n    {g.hex(32)}\n</algoliaWriteKey>"],
     negative_examples=lambda g: [f"ALGOLIA_SEARCH_API_KEY={g.hex(32)}", f"algoliaSearchOnlyApiKey: '{g.hex(32)}'",
                                  f"ALGOLIA_APP_ID={g.s(UPPER + DIGITS, 10)}", f"ALGOLIA_ADMIN_KEY={g.hex(31)}",
                                  "ALGOLIA_ADMIN_KEY=${ALGOLIA_ADMIN_KEY}"])

simple(D, "hunter-api-key", "Hunter.io API key (40 hex) by a Hunter name or in its API URL",
       [r"hunter[_.-]?(?:io|api|key|token|secret)"], C_HEX, 40, "https://hunter.io/api-keys",
       keywords=["hunter"], words=["hunter", "api", "key"], alts=[q(r"api\.hunter\.io", "api_key")],
       url_examples=["https://api.hunter.io/v2/domain-search?domain=stripe.com&api_key={}"],
       extra_negatives=lambda g: [f"hunter_name = {g.hex(40)}"])

simple(D, "abstractapi-key", "Abstract API key (32 hex) by an Abstract API name or in an abstractapi.com URL",
       [r"abstract[_.-]?api"], C_HEX, 32, "https://app.abstractapi.com/ (the API's dashboard: reset the key)",
       keywords=seps(("abstract", "api")), alts=[q(r"[\w-]+\.abstractapi\.com", "api_key")],
       url_examples=["https://emailvalidation.abstractapi.com/v1/?api_key={}&email=someone@gmail.com"],
       extra_negatives=lambda g: [f"abstract_class_id = {g.hex(32)}"])

# ---------------------------------------------------------------- email and phone verification

simple(D, "zerobounce-api-key", "ZeroBounce API key (32 characters) by a ZeroBounce name or in its API URL",
       [r"zero[_.-]?bounce"], C_ALNUM_LOW, 32, "https://www.zerobounce.net/members/API",
       keywords=seps(("zero", "bounce")), alts=[q(r"api(?:-us|-eu)?\.zerobounce\.(?:net|in)", "api_key")],
       url_examples=["https://api.zerobounce.net/v2/validate?api_key={}&email=a@b.com"])

simple(D, "debounce-api-key", "DeBounce API key (13 alphanumerics) by a DeBounce API/token name or in its API URL",
       [r"debounce[_.-]?(?:io|api|token|secret)"], C_ALNUM, 13, "https://app.debounce.io/api", min_entropy=3.0,
       keywords=["debounce"], words=["debounce", "api", "key"], alts=[q(r"api\.debounce\.io", "api")],
       url_examples=["https://api.debounce.io/v1/?api={}&email=someone@gmail.com"],
       extra_negatives=lambda g: ["debounceKey = 'searchResults'", f"DEBOUNCE_MS={g.digits(3)}"])

simple(D, "verimail-api-key", "Verimail API key (32 uppercase alphanumerics) by a Verimail name or in its API URL",
       ["verimail"], C_ALNUM_UP, 32, "https://verimail.io/ (Dashboard > API key)",
       alts=[q(r"api\.verimail\.io", "key")],
       url_examples=["https://api.verimail.io/v3/verify?email=someone@gmail.com&key={}"])

simple(D, "getemail-api-key", "GetEmail.io API key (20 alphanumerics) by a GetEmail key/token name",
       [r"getemail[_.-]?(?:io|api|key|token|secret|access)"], C_ALNUM, 20, "https://app.getemail.io/ (API)",
       keywords=["getemail"], words=["getemail", "api", "key"],
       extra_negatives=lambda g: [f'String email = user.getEmail(); // {g.alnum(20)}'])
