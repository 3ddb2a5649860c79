"""Rules of the automation family: web scraping, screenshots, PDF/document generation and
conversion, media processing and headless-browser APIs."""
from rulegen.core import *  # noqa: F401,F403

# ============================== automation ==============================
# Most of these keys carry no prefix: they are found only under the provider's name
# (core.named_rule / core.named_value_rule). Apify (apify_api_), Browserbase (bb_live_) and Scrapfly
# (scp-live-) tokens identify themselves. Keys only spend the account's quota (`medium`) unless they
# reach stored data: scraped datasets, parsed documents, browser sessions, converted files (`high`).

JWT_LIKE_RE = r"(eyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{16,})" + END_B64URL


def compound(a, b):
    """Name regex and keyword spellings of a two-word provider name (`scraper api`)."""
    return [rf"{a}[_.-]?{b}"], compound_keywords([a], [b])


def long_jwt(g):
    """A JWT with a long payload (CloudConvert / Conversion Tools style keys)."""
    def make():
        header = json.dumps({"typ": "JWT", "alg": "RS256"}, separators=(",", ":"))
        payload = json.dumps({"aud": str(g.r.randint(1, 9)), "jti": g.hex(80), "iat": g.r.randint(1_600_000_000, 1_800_000_000),
                              "sub": g.digits(8), "scopes": ["user.read", "task.read", "task.write"]},
                             separators=(",", ":"))
        return f"{b64url(header.encode())}.{b64url(payload.encode())}.{b64url(g.bytes(256))}"
    return g._clean(make)


# --- self-identifying tokens -------------------------------------------------------------------

prefixed_rule("automation", "apify-api-token", "Apify API token (apify_api_)", "apify_api_", C_ALNUM, 36,
              "https://console.apify.com/settings/integrations", words=["apify", "token"],
              extra_negatives=lambda g: ["APIFY_TOKEN=apify_api_...", "APIFY_TOKEN=apify_api_xxxxxxxxxxxxxxxx"])

prefixed_rule("automation", "browserbase-api-key", "Browserbase API key (bb_live_)", "bb_live_", C_B64URL, "25,32",
              "https://www.browserbase.com/settings", words=["browserbase", "api", "key"],
              extra_negatives=lambda g: ["BROWSERBASE_API_KEY=bb_live_your-api-key-here"])

rule("automation",
     id="scrapfly-api-key",
     description="Scrapfly API key (scp-live- / scp-test-)",
     severity="medium",
     keywords=["scp-live-", "scp-test-"],
     regex=r"\b(scp-(?:live|test)-[0-9a-f]{32})\b",
     min_entropy=3.0,
     remediation=remediation_at("the Scrapfly dashboard (https://scrapfly.io/dashboard, project > API key)",
                                verb="Rotate"),
     examples=lambda g: [
         f"SCRAPFLY_KEY=scp-live-{g.hex(32)}",
         f'client = ScrapflyClient(key="scp-live-{g.hex(32)}")',
         f"  scrapfly_api_key: scp-live-{g.hex(32)}",
     ],
     negative_examples=lambda g: [
         f"SCRAPFLY_KEY=scp-live-{g.hex(24)}",
         "SCRAPFLY_KEY=scp-live-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
         f"SCRAPFLY_KEY=scp-prod-{g.hex(32)}",
     ])

# --- scraping ------------------------------------------------------------------------------------

_n, _k = compound("scraper", "api")
named_value_rule("automation", "scraperapi-api-key", "ScraperAPI key (32 hex) under a ScraperAPI name or in an api.scraperapi.com URL",
                 _n, _k, token(C_HEX, 32), lambda g: g.hex(32), "https://dashboard.scraperapi.com",
                 min_entropy=3.0, words=["scraperapi", "key"],
                 url_prefix=r"(?i:scraperapi\.com)/?[^\s\"'<>]{0,60}?[?&]api_key=",
                 extra_examples=lambda g: [f"curl 'https://api.scraperapi.com/?api_key={g.hex(32)}&url=https%3A%2F%2Fhttpbin.org'"],
                 extra_negatives=lambda g: ["curl 'https://api.scraperapi.com/?api_key=APIKEY&url=https%3A%2F%2Fhttpbin.org'"])

_n, _k = compound("scraping", "bee")
named_rule("automation", "scrapingbee-api-key", "ScrapingBee API key (80 uppercase alphanumerics) under a ScrapingBee name",
           _n, C_ALNUM_UP, 80, "https://app.scrapingbee.com/account/manage/api_key", keywords=_k,
           words=["scrapingbee", "api", "key"])

named_rule("automation", "zenrows-api-key", "ZenRows API key (40 hex) under a ZenRows name",
           ["zenrows", "zen_rows"], C_HEX, 40, "https://app.zenrows.com (Settings > API key)")

named_rule("automation", "scrapingant-api-key", "ScrapingAnt API token (32 hex) under a ScrapingAnt name",
           ["scrapingant", "scraping_ant"], C_HEX, 32, "https://app.scrapingant.com/dashboard")

named_rule("automation", "scrapeowl-api-key", "ScrapeOwl API key (30 alphanumerics) under a ScrapeOwl name",
           ["scrapeowl", "scrape_owl"], C_ALNUM, 30, "https://app.scrapeowl.com/dashboard")

named_value_rule("automation", "scrapestack-access-key", "scrapestack (apilayer) access key (32 hex) under a scrapestack name or in an api.scrapestack.com URL",
                 ["scrapestack"], ["scrapestack"], token(C_ALNUM_LOW, 32), lambda g: g.hex(32),
                 "https://scrapestack.com/dashboard", min_entropy=3.0, words=["scrapestack", "access", "key"],
                 url_prefix=r"(?i:scrapestack\.com)/[^\s\"'<>]{0,60}?[?&]access_key=",
                 extra_examples=lambda g: [f"http://api.scrapestack.com/scrape?access_key={g.hex(32)}&url=https://apple.com"])

named_value_rule("automation", "zenscrape-api-key", "Zenscrape API key (UUID) under a Zenscrape name",
                 ["zenscrape"], ["zenscrape"], rf"({UUID_RE})\b", lambda g: g.uuid(),
                 "https://app.zenscrape.com", min_entropy=3.0, short=lambda s: s[:-2])

named_rule("automation", "scraperbox-api-token", "Scraperbox API token (32 uppercase alphanumerics) under a Scraperbox name",
           ["scraperbox"], C_ALNUM_UP, 32, "https://scraperbox.com/dashboard", words=["scraperbox", "token"],
           what="token")

named_rule("automation", "diggernaut-api-key", "Diggernaut API key (40 hex) under a Diggernaut name",
           ["diggernaut"], C_HEX, 40, "https://www.diggernaut.com/dashboard/settings/")

named_rule("automation", "extractorapi-api-key", "ExtractorAPI key (40 alphanumerics) under an ExtractorAPI name",
           ["extractorapi", "extractor_api"], C_ALNUM, 40, "https://extractorapi.com/dashboard")

named_rule("automation", "powrbot-api-key", "PowrBot API key under a PowrBot name",
           ["powrbot"], C_ALNUM, "40,64", "https://powrbot.com/dashboard", make=lambda g: g.alnum(40))

named_rule("automation", "fetchrss-api-key", "FetchRSS API key (40 alphanumerics) under a FetchRSS name",
           ["fetchrss"], C_ALNUM, 40, "https://fetchrss.com/account")

named_value_rule("automation", "linkpreview-api-key", "LinkPreview API key (32 alphanumerics) under a LinkPreview key name or in an api.linkpreview.net URL",
                 [r"link[_.-]?preview[ _.-]?(?:api|key|token|secret|access)"],
                 ["linkpreview", "link_preview", "link-preview", "link.preview"], token(C_ALNUM, 32),
                 lambda g: g.alnum(32), "https://my.linkpreview.net/access_keys", words=["linkpreview", "api", "key"],
                 url_prefix=r"(?i:linkpreview\.net)/?[^\s\"'<>]{0,40}?[?&]key=",
                 extra_examples=lambda g: [f"fetch('https://api.linkpreview.net/?key={g.alnum(32)}&q=' + url)"],
                 extra_negatives=lambda g: [f'linkPreviewId = "{g.alnum(32)}"'])

named_value_rule("automation", "browserless-api-token", "Browserless API token under a Browserless name or in a browserless.io token URL",
                 ["browserless"], ["browserless"], r"([0-9A-Za-z-]{32,64})" + END_B64URL,
                 lambda g: g.alnum(48), "https://account.browserless.io (API key)", severity="high",
                 short=lambda s: s[:24], words=["browserless", "token"], what="token",
                 url_prefix=r"(?i:browserless\.io)[^\s\"'<>]{0,60}?[?&]token=",
                 extra_examples=lambda g: [f'browserWSEndpoint: "wss://production-sfo.browserless.io?token={g.alnum(48)}",'],
                 extra_negatives=lambda g: ['browserWSEndpoint: `wss://chrome.browserless.io?token=${token}`',
                                            "BROWSERLESS_API_KEY=your_browserless_api_key"])

# --- screenshots -----------------------------------------------------------------------------------

named_rule("automation", "browshot-api-key", "Browshot API key (28 alphanumerics) under a Browshot name",
           ["browshot"], C_ALNUM, 28, "https://browshot.com/dashboard")

_n, _k = compound("screenshot", "api")
named_value_rule("automation", "screenshotapi-api-token", "ScreenshotAPI.net token (four groups of 7) under a ScreenshotAPI name",
                 _n, _k, r"([0-9A-Z]{7}-[0-9A-Z]{7}-[0-9A-Z]{7}-[0-9A-Z]{7})\b",
                 lambda g: "-".join(g.s(DIGITS + UPPER, 7) for _ in range(4)),
                 "https://app.screenshotapi.net/dashboard", words=["screenshotapi", "token"], what="token")

named_rule("automation", "screenshotlayer-access-key", "screenshotlayer (apilayer) access key (32 chars) under a screenshotlayer name",
           ["screenshotlayer"], C_ALNUM, 32, "https://screenshotlayer.com/dashboard",
           words=["screenshotlayer", "access", "key"], make=lambda g: g.hex(32), min_entropy=3.0)

named_rule("automation", "restpack-api-token", "Restpack (screenshot / HTML to PDF) API token (48 alphanumerics) under a Restpack name",
           ["restpack"], C_ALNUM, 48, "https://restpack.io/console", words=["restpack", "token"], what="token")

# --- PDF and document generation, conversion, parsing ------------------------------------------------

named_value_rule("automation", "pdfshift-api-key", "PDFShift API key (sk_ + 40 hex, or legacy 32 hex) under a PDFShift name",
                 ["pdfshift"], ["pdfshift"], r"(sk_[0-9a-f]{40}|[0-9a-f]{32})\b", lambda g: "sk_" + g.hex(40),
                 "https://app.pdfshift.io (API keys)", min_entropy=3.0, short=lambda s: s[:30],
                 extra_examples=lambda g: [f"PDFSHIFT_API_KEY={g.hex(32)}"],
                 extra_negatives=lambda g: ["PDFSHIFT_API_KEY=sk_..."])

named_rule("automation", "html2pdf-api-key", "html2pdf.app API key (64 alphanumerics) under an html2pdf name",
           ["html2pdf"], C_ALNUM, 64, "https://dash.html2pdf.app",
           extra_negatives=lambda g: ["html2pdf().set(opt).from(element).save();"])

named_value_rule("automation", "selectpdf-api-key", "SelectPdf API key (UUID) under a SelectPdf name",
                 ["selectpdf", "select_pdf"], ["selectpdf", "select_pdf"], rf"({UUID_RE})\b", lambda g: g.uuid(),
                 "https://selectpdf.com (members area > API keys)", min_entropy=3.0, short=lambda s: s[:-2])

named_rule("automation", "craftmypdf-api-key", "CraftMyPDF API key under a CraftMyPDF name",
           ["craftmypdf"], C_ALNUM, "32,40", "https://app.craftmypdf.com/api-keys", make=lambda g: g.alnum(36))

named_rule("automation", "apitemplate-api-key", "APITemplate.io API key under an APITemplate name",
           ["apitemplate"], C_ALNUM, "36,42", "https://app.apitemplate.io/manage-api-keys/", make=lambda g: g.alnum(39))

named_value_rule("automation", "bannerbear-api-key", "Bannerbear project API key (24 alphanumerics ending in tt) under a Bannerbear name",
                 ["bannerbear"], ["bannerbear"], r"([0-9A-Za-z]{22}tt)\b", lambda g: g.alnum(22) + "tt",
                 "the Bannerbear project (https://app.bannerbear.com, project > Settings > API key)", verb="Reset",
                 short=lambda s: s[:20] + "tt")

named_rule("automation", "shotstack-api-key", "Shotstack video editing API key (40 alphanumerics) under a Shotstack name",
           ["shotstack"], C_ALNUM, 40, "https://dashboard.shotstack.io/keys")

named_rule("automation", "docparser-api-key", "Docparser API key (40 hex) under a Docparser name",
           ["docparser"], C_HEX, 40, "https://app.docparser.com/myaccount/api", severity="high")

_n, _k = compound("conversion", "tools")
named_value_rule("automation", "conversiontools-api-token", "Conversion Tools API token (JWT) under a Conversion Tools name",
                 _n, _k, JWT_LIKE_RE, lambda g: g.jwt(), "https://conversiontools.io/profile", min_entropy=4.0,
                 short=dotted3_short, words=["conversiontools", "token"], what="token")

_n, _k = compound("convert", "api")
named_rule("automation", "convertapi-secret", "ConvertAPI secret under a ConvertAPI secret / token name",
           [r"convert[_.-]?api[\w. -]{0,12}?(?:secret|token|key|credentials|auth)"], C_ALNUM, "16,32", "https://www.convertapi.com/a/authentication", keywords=_k,
           words=["convertapi", "secret"], what="secret", make=lambda g: g.alnum(16),
           extra_examples=lambda g: [f"convertapi.api_credentials = '{g.alnum(16)}'"],
           extra_negatives=lambda g: [f'convertApiResponse = "{g.alnum(20)}"'])

named_value_rule("automation", "cloudconvert-api-key", "CloudConvert API key (JWT) under a CloudConvert name",
                 ["cloudconvert", "cloud_convert"], ["cloudconvert", "cloud_convert"], JWT_LIKE_RE, long_jwt,
                 "https://cloudconvert.com/dashboard/api/v2/keys", severity="high", min_entropy=4.0,
                 short=dotted3_short)
