"""Rules of the finance family: banking and open-banking APIs, personal-finance apps, market
data (stocks, forex, currency rates) and crypto market data."""
from rulegen.core import *  # noqa: F401,F403

# ============================== finance ==============================
#
# Almost none of these keys carries a prefix: they are found by the provider's name in the
# variable, key or tag, or by the provider's API host in a URL whose query holds the key
# (`https://api.marketstack.com/v1/eod?access_key=…`), the way most market-data clients send it.

# The rest of a name that must say it holds a key: for providers named by a common word
# (`stockData`, `exchange_rate`, `nasdaq_symbol`), `…key`, `…token`, `…secret`, `…private`, `…access`.
KEYISH_TAIL = r"[\w. -]{0,20}?(?i:key|token|secret|private|access)\w*(?:[ \t]+string)?"


def data_key(id, description, names, keywords, value, make, url, host=None, param=None, host_example=None,
             severity="medium", **kw):
    """A market-data key: by name, and (when `host`) in a URL on the provider's API host. Keywords
    are the name spellings plus the host's registered domain."""
    contexts = list(kw.pop("contexts", ()))
    extra = kw.pop("extra_examples", lambda g: [])
    neg = kw.pop("extra_negatives", lambda g: [])
    if host:
        contexts.append(url_context(host, param))

        def extra_examples(g):
            return [host_example.format(key=make(g), hex40=g.hex(40))] + extra(g)

        def extra_negatives(g):
            return [host_example.format(key="${API_KEY}", hex40=g.hex(40)),
                    host_example.format(key="YOUR_API_KEY", hex40=g.hex(40))] + neg(g)
    else:
        extra_examples, extra_negatives = extra, neg
    keyed_rule("finance", id, description, names, value, make, url, keywords, severity=severity,
               contexts=contexts, extra_examples=extra_examples, extra_negatives=extra_negatives, **kw)


def hexkey(n):
    return lambda g: g.hex(n)


def lowkey(n):
    return lambda g: g.s(DIGITS + LOWER, n)


def alnumkey(n):
    return lambda g: g.alnum(n)


def upkey(n):
    return lambda g: g.s(DIGITS + UPPER, n)


# ------------------------------------------------------------------ banking / open banking

PLAID_KEYS = "https://dashboard.plaid.com/developers/keys"

# Client ID: 24 characters (hex in practice); secret: 30 (hex in practice). Both next to a
# Plaid name; the two lengths keep them apart.
named_rule("finance", "plaid-client-id", "Plaid client ID (24 alphanumerics next to a Plaid name): an identifier",
           ["plaid"], C_ALNUM, 24, PLAID_KEYS, severity="medium", make=hexkey(24),
           words=["plaid", "client", "id"], min_entropy=3.0,
           extra_examples=lambda g: [f'plaidToken := "{g.alnum(24)}"'])

# The secret only under a name that says secret/token/key (Plaid's legacy `public_key` is also 30
# hex, and public by design).
keyed_rule("finance", "plaid-secret", "Plaid API secret (30 lowercase alphanumerics next to a Plaid secret/token/key name)",
           r"plaid[_.-]?(?:(?:api|client|app|sandbox|development|dev|production|prod|live)[_.-]?){0,2}(?:secret|token|key)"
           r"(?:[_.-]?(?:key|sandbox|development|dev|production|prod))?",
           r"[0-9a-z]{30}", hexkey(30), PLAID_KEYS + " (rotate the secret of each environment)", ["plaid"],
           severity="critical", min_entropy=3.0, verb="Rotate", what="secret", words=["plaid", "secret"],
           tail=r"(?:[ \t]+string)?",
           extra_examples=lambda g: [f'plaidToken := "{g.s(DIGITS + LOWER, 30)}"',
                                     f'var plaidToken string = "{g.s(DIGITS + LOWER, 30)}"',
                                     f"PLAID_SECRET_SANDBOX={g.hex(30)}"],
           extra_negatives=lambda g: [f"PLAID_SECRET={g.hex(32)}", f'plaid_public_key = "{g.hex(30)}"',
                                      f"PLAID_PUBLIC_KEY={g.hex(30)}"])

rule("finance",
     id="plaid-access-token",
     description="Plaid Item access token (access-production|development|sandbox-<uuid>)",
     severity="high",
     keywords=["access-production-", "access-development-", "access-sandbox-"],
     regex=r"\b(access-(?:production|development|sandbox)-" + UUID_RE + r")\b",
     min_entropy=3.0,
     remediation=("Invalidate the token with Plaid's /item/access_token/invalidate (or remove the Item with "
                  "/item/remove), check the Item's activity in https://dashboard.plaid.com, " + PURGE),
     examples=lambda g: [
         f"PLAID_ACCESS_TOKEN=access-production-{g.uuid()}",
         f'plaidToken = "access-sandbox-{g.uuid()}"',
         f'  "access_token": "access-development-{g.uuid()}",',
     ],
     negative_examples=lambda g: [
         f"PLAID_PUBLIC_TOKEN=public-sandbox-{g.uuid()}",
         f"PLAID_LINK_TOKEN=link-production-{g.uuid()}",
         f"PLAID_ACCESS_TOKEN=access-sandbox-{g.hex(32)}",
         "PLAID_ACCESS_TOKEN=access-sandbox-<item access token>",
     ])

FINICITY_URL = "the Finicity / Mastercard Open Banking developer dashboard (https://developer.mastercard.com, the project's credentials)"

named_rule("finance", "finicity-app-key", "Finicity App Key (32 hex next to a Finicity name)",
           ["finicity"], C_HEX, 32, FINICITY_URL, severity="high", words=["finicity", "app", "key"])

named_rule("finance", "finicity-partner-secret", "Finicity partner secret (20 alphanumerics next to a Finicity name)",
           ["finicity"], C_ALNUM, 20, FINICITY_URL + ": reset the partner secret", severity="critical",
           words=["finicity", "partner", "secret"], what="secret", verb="Reset", min_entropy=3.4)

# `wise` is inside "otherwise"/"clockwise": only compounds that start at a word boundary.
keyed_rule("finance", "wise-api-token", "Wise (TransferWise) API token (UUID next to a Wise/TransferWise name)",
           r"transfer[_.-]?wise|\bwise[_.-]?(?:api|token|key|secret|access|personal)",
           UUID_RE, lambda g: g.uuid(), "https://wise.com/settings/api-tokens",
           ["transferwise", "transfer_wise", "transfer-wise", "wise_api", "wiseapi", "wise-api", "wise_token",
            "wisetoken", "wise-token", "wise_key", "wisekey", "wise_secret", "wise_access", "wise_personal"],
           severity="critical", min_entropy=3.0, words=["wise", "api", "token"], what="token",
           extra_examples=lambda g: [f"transferwiseSECRET={g.uuid()}"],
           extra_negatives=lambda g: [f"WISE_PROFILE_ID={g.digits(8)}", f"otherwise_token = {g.uuid()}",
                                      f"WISE_API_TOKEN={g.uuid()[:-4]}"])

# ------------------------------------------------------------------ personal finance

keyed_rule("finance", "ynab-access-token",
           "YNAB (You Need A Budget) personal access token (64 hex or 43 base64url next to a YNAB name)",
           r"\bynab|you[_.-]?need[_.-]?a[_.-]?budget", r"[0-9a-f]{64}|[0-9A-Za-z_-]{43}", hexkey(64),
           "https://app.ynab.com/settings/developer",
           ["ynab", "youneedabudget", "you_need_a_budget", "you-need-a-budget"], severity="high", end=END_B64URL,
           min_entropy=3.0, what="token", words=["ynab", "access", "token"], bad=hexkey(50),
           contexts=[r"(?i:bearer)\s+"], window=200,
           extra_examples=lambda g: [f"YNAB_TOKEN={g.s(B64URL, 43)}",
                                     f"curl -H 'Authorization: Bearer {g.hex(64)}' https://api.ynab.com/v1/budgets"],
           tail=KEYISH_TAIL)

named_rule("finance", "lunchmoney-access-token", "Lunch Money API access token (50 hex next to a Lunch Money name)",
           [r"lunch[_.-]?money"], C_HEX, 50, "https://my.lunchmoney.app/developers",
           severity="high", keywords=["lunchmoney", "lunch_money", "lunch-money", "lunch.money"],
           words=["lunchmoney", "access", "token"], what="token")

# ------------------------------------------------------------------ stock and market data

data_key("finnhub-api-key", "Finnhub API key (20 lowercase alphanumerics next to a Finnhub name or in a finnhub.io URL)",
         "finnhub", ["finnhub"], r"[0-9a-z]{20}", lowkey(20), "https://finnhub.io/dashboard",
         host=r"finnhub\.io", param="token",
         host_example="fetch('https://finnhub.io/api/v1/quote?symbol=AAPL&token={key}')", verb="Regenerate",
         min_entropy=3.4)

data_key("iexcloud-api-token",
         "IEX Cloud secret token (sk_/Tsk_ + 32 hex, or 35 characters) next to an IEX Cloud name or in an iexapis.com URL",
         r"iex[_.-]?cloud|\biex[_.-]?(?:api|token|secret|key)", ["iexcloud", "iex_cloud", "iex-cloud", "iexapis",
                                                                  "iex_api", "iexapi", "iex_token", "iextoken",
                                                                  "iex_secret", "iex_key"],
         r"T?sk_[0-9a-f]{32}|[0-9a-z]{35}", lambda g: "sk_" + g.hex(32),
         "the IEX Cloud console (https://iexcloud.io/console/tokens; the service closed in 2024, rotate any reuse)",
         host=r"iexapis\.com", param="token",
         host_example="https://cloud.iexapis.com/stable/stock/aapl/quote?token={key}",
         bad=lambda g: "sk_" + g.hex(20), what="token",
         extra_negatives=lambda g: [f"IEX_CLOUD_PUBLISHABLE_TOKEN=pk_{g.hex(32)}"])

data_key("tiingo-api-token", "Tiingo API token (40 hex next to a Tiingo name or in a tiingo.com URL)",
         "tiingo", ["tiingo"], r"[0-9a-f]{40}", hexkey(40), "https://www.tiingo.com/account/api/token",
         host=r"api\.tiingo\.com", param="token",
         host_example="requests.get('https://api.tiingo.com/tiingo/daily/aapl/prices?startDate=2024-01-02&token={key}')",
         min_entropy=3.0, what="token", verb="Reset")

data_key("alphavantage-api-key",
         "Alpha Vantage API key (16 uppercase alphanumerics next to an Alpha Vantage name or in an alphavantage.co URL)",
         r"alpha[_.-]?vantage", ["alphavantage", "alpha_vantage", "alpha-vantage", "alpha.vantage"],
         r"[0-9A-Z]{16}", upkey(16),
         "Alpha Vantage support (https://www.alphavantage.co/support/: keys cannot be rotated in a dashboard; "
         "request a new key)", host=r"alphavantage\.co", param="apikey",
         host_example="url = 'https://www.alphavantage.co/query?function=TIME_SERIES_DAILY&symbol=IBM&apikey={key}'",
         min_entropy=3.0, verb="Replace")

data_key("polygon-io-api-key",
         "Polygon.io (Massive) API key (32 characters next to a Polygon.io name or in an api.polygon.io URL)",
         r"polygon[_.-]?io|polygon[_.-]?api[_.-]?key", ["polygon_io", "polygon.io", "polygonio", "polygon-io",
                                                        "polygon_api", "polygonapi", "polygon-api"],
         r"[0-9A-Za-z_]{32}", alnumkey(32), "https://polygon.io/dashboard/keys (delete the key, add a new one)",
         host=r"api\.polygon\.io", param="apiKey",
         host_example="https://api.polygon.io/v2/aggs/ticker/AAPL/prev?adjusted=true&apiKey={key}",
         words=["polygon", "api", "key"],
         extra_negatives=lambda g: [f"POLYGONSCAN_API_KEY={g.s(UPPER + DIGITS, 34)}",
                                    f"polygon_rpc_url = https://polygon-rpc.com/{g.alnum(32)}"])

data_key("marketstack-api-key",
         "marketstack access key (32 lowercase alphanumerics next to a marketstack name or in a marketstack.com URL)",
         "marketstack", ["marketstack"], r"[0-9a-z]{32}", hexkey(32),
         "https://marketstack.com/dashboard", host=r"marketstack\.com", param="access_key",
         host_example="http://api.marketstack.com/v1/eod?access_key={key}&symbols=AAPL", verb="Reset")

data_key("twelvedata-api-key",
         "Twelve Data API key (32 lowercase alphanumerics next to a Twelve Data name or in a twelvedata.com URL)",
         r"twelve[_.-]?data", ["twelvedata", "twelve_data", "twelve-data", "twelve.data"], r"[0-9a-z]{32}",
         hexkey(32), "https://twelvedata.com/account/api-keys",
         host=r"twelvedata\.com", param="apikey",
         host_example="https://api.twelvedata.com/time_series?symbol=AAPL&interval=1min&apikey={key}",
         verb="Regenerate")

data_key("financialmodelingprep-api-key",
         "Financial Modeling Prep API key (32 alphanumerics next to an FMP name or in a financialmodelingprep.com URL)",
         r"financial[_.-]?modeling[_.-]?prep|\bfmp[_.-]?(?:api|key|token)",
         ["financialmodelingprep", "financial_modeling_prep", "financial-modeling-prep", "fmp_api", "fmpapi",
          "fmp-api", "fmp_key", "fmpkey", "fmp_token"],
         r"[0-9A-Za-z]{32}", hexkey(32),
         "https://site.financialmodelingprep.com/developer/docs/dashboard",
         host=r"financialmodelingprep\.com", param="apikey",
         host_example="https://financialmodelingprep.com/api/v3/profile/AAPL?apikey={key}",
         words=["fmp", "api", "key"], verb="Regenerate")

data_key("intrinio-api-key", "Intrinio API key (44 base64 characters next to an Intrinio name or in an intrinio.com URL)",
         "intrinio", ["intrinio"], r"[0-9A-Za-z+/]{43}[0-9A-Za-z+/=]", lambda g: "Oj" + g.s(ALNUM, 42),
         "https://account.intrinio.com/account/access_keys",
         host=r"intrinio\.com", param="api_key",
         host_example="https://api-v2.intrinio.com/companies/AAPL?api_key={key}", end=r"(?:[^0-9A-Za-z+/=]|$)",
         min_entropy=3.8, verb="Regenerate")

data_key("nasdaq-data-link-api-key",
         "Nasdaq Data Link (Quandl) API key (20 characters next to a Nasdaq/Quandl name or in a data.nasdaq.com URL)",
         r"nasdaq|quandl", ["nasdaq", "quandl"], r"[0-9A-Za-z_-]{20}", lambda g: g.s(B64URL, 20),
         "https://data.nasdaq.com/account/profile",
         host=r"(?:data\.nasdaq\.com|quandl\.com)", param="api_key",
         host_example="https://data.nasdaq.com/api/v3/datatables/ZACKS/FC.json?ticker=AAPL&api_key={key}",
         end=END_B64URL, min_entropy=3.5, words=["nasdaq", "api", "key"], verb="Regenerate",
         extra_examples=lambda g: [f'quandl.ApiConfig.api_key = "{g.s(B64URL, 20)}"'],
         extra_negatives=lambda g: ['nasdaq_listing = "nasdaq-100-index-future"'],
         tail=KEYISH_TAIL)

keyed_rule("finance", "oanda-api-token", "OANDA v20 personal access token (32 hex - 32 hex next to an OANDA name)",
           "oanda", r"[0-9a-f]{32}-[0-9a-f]{32}", lambda g: g.hex(32) + "-" + g.hex(32),
           "https://www.oanda.com/account/tpa/personal_token (revoke and regenerate the token)", ["oanda"],
           severity="critical", min_entropy=3.0, what="token", words=["oanda", "access", "token"],
           contexts=[r"(?i:bearer)\s+"], window=200,
           extra_examples=lambda g: [
               f"curl -H \"Authorization: Bearer {g.hex(32)}-{g.hex(32)}\" https://api-fxtrade.oanda.com/v3/accounts"],
           extra_negatives=lambda g: [f"OANDA_ACCOUNT_ID=101-004-{g.digits(7)}-001"])

named_rule("finance", "simfin-api-key", "SimFin API key (32 alphanumerics next to a SimFin name)",
           ["simfin"], C_ALNUM, 32, "the SimFin account (https://app.simfin.com, Account > API key: regenerate)",
           severity="medium", verb="Regenerate")

data_key("finage-api-key", "Finage API key (API_KEY + 32 uppercase alphanumerics) next to a Finage name or in a finage.co.uk URL",
         "finage", ["finage"], r"(?:API_KEY)?[0-9A-Za-z]{32}", lambda g: "API_KEY" + g.s(UPPER + DIGITS, 32),
         "https://moon.finage.co.uk/dashboard", host=r"finage\.co\.uk", param="apikey",
         host_example="https://api.finage.co.uk/last/stock/AAPL?apikey={key}", verb="Regenerate",
         bad=lambda g: "API_KEY" + g.s(UPPER + DIGITS, 20))

data_key("stockdata-api-token", "StockData.org API token (40 alphanumerics next to a StockData name or in a stockdata.org URL)",
         r"stock[_.-]?data(?:[_.-]?org)?", ["stockdata", "stock_data", "stock-data"], r"[0-9A-Za-z]{40}", alnumkey(40),
         "https://www.stockdata.org/dashboard", host=r"stockdata\.org", param="api_token",
         host_example="https://api.stockdata.org/v1/data/quote?symbols=AAPL&api_token={key}",
         min_entropy=3.5, what="token", verb="Reset", words=["stockdata", "api", "token"],
         extra_negatives=lambda g: [f"stock_data_sha = {g.hex(32)}", f'stockDataHash = "{g.hex(40)}"'],
         tail=KEYISH_TAIL)

# fastFOREX keys: 10 hex - 10 hex - 6 lowercase alphanumerics.
data_key("fastforex-api-key", "fastFOREX API key (10 hex-10 hex-6, or 28 characters) next to a fastFOREX name or in a fastforex.io URL",
         "fastforex", ["fastforex"], r"[0-9a-f]{10}-[0-9a-f]{10}-[0-9a-z]{6}|[0-9a-z]{28}",
         lambda g: f"{g.hex(10)}-{g.hex(10)}-{g.s(DIGITS + LOWER, 6)}", "https://console.fastforex.io",
         host=r"fastforex\.io", param="api_key",
         host_example="fetch('https://api.fastforex.io/fetch-all?from=USD&api_key={key}')", end=END_B64URL,
         min_entropy=3.3, verb="Rotate", bad=lambda g: f"{g.hex(10)}-{g.hex(10)}-{g.s(DIGITS + LOWER, 3)}",
         extra_examples=lambda g: [f"fastforex-{g.s(DIGITS + LOWER, 28)}"])

# ------------------------------------------------------------------ currency rates

# `fixer` alone names php-cs-fixer caches (md5 hashes of Fixer classes): only key-shaped names.
data_key("fixer-api-key", "Fixer.io access key (32 lowercase alphanumerics next to a Fixer key name or in a fixer.io URL)",
         r"\bfixer(?:[_.-]?io)?[ _.-]?(?:api[_.-]?)?(?:key|token|secret|access)", ["fixer"], r"[0-9a-z]{32}",
         hexkey(32), "https://fixer.io/dashboard", host=r"fixer\.io", param="access_key",
         host_example="http://data.fixer.io/api/latest?access_key={key}&symbols=USD,GBP", verb="Reset",
         words=["fixer", "api", "key"],
         extra_negatives=lambda g: [f'{{"hashes":{{"src\\/Fixer\\/NoUnusedFixer.php":"{g.hex(32)}"}}}}'])

data_key("currencylayer-api-key",
         "currencylayer access key (32 lowercase alphanumerics next to a currencylayer name or in a currencylayer.com URL)",
         "currencylayer", ["currencylayer"], r"[0-9a-z]{32}", hexkey(32),
         "https://currencylayer.com/dashboard", host=r"currencylayer\.com",
         param="access_key", host_example="http://api.currencylayer.com/live?access_key={key}&currencies=EUR",
         verb="Reset")

data_key("currencyfreaks-api-key",
         "CurrencyFreaks API key (32 lowercase alphanumerics next to a CurrencyFreaks name or in a currencyfreaks.com URL)",
         "currencyfreaks", ["currencyfreaks"], r"[0-9a-z]{32}", hexkey(32),
         "https://currencyfreaks.com/dashboard", host=r"currencyfreaks\.com", param="apikey",
         host_example="https://api.currencyfreaks.com/v2.0/rates/latest?apikey={key}", verb="Regenerate")

# ExchangeRate-API keys are 24 hex and ride in the URL path (/v6/<key>/latest/USD).
data_key("exchangerate-api-key",
         "ExchangeRate-API key (24 hex next to an ExchangeRate-API name or in a v6.exchangerate-api.com URL path)",
         r"exchange[_.-]?rate(?:[_.-]?api)?", ["exchangerate", "exchange_rate", "exchange-rate", "exchange.rate"],
         r"[0-9a-f]{24}", hexkey(24), "https://app.exchangerate-api.com/dashboard",
         contexts=[r"(?i:exchangerate-api\.com)/v[0-9]/"], min_entropy=3.0, verb="Regenerate",
         words=["exchangerate", "api", "key"],
         extra_examples=lambda g: [f"fetch(`https://v6.exchangerate-api.com/v6/{g.hex(24)}/latest/USD`)"],
         extra_negatives=lambda g: [f"exchange_rate = 1.0825  # {g.hex(40)}",
                                    "https://v6.exchangerate-api.com/v6/YOUR-API-KEY/latest/USD"],
         tail=KEYISH_TAIL)

data_key("exchangeratesapi-api-key",
         "exchangeratesapi.io access key (32 lowercase alphanumerics next to an exchangeratesapi name or in its URL)",
         r"exchange[_.-]?rates(?:[_.-]?api)?", ["exchangerates", "exchange_rates", "exchange-rates", "exchange.rates"],
         r"[0-9a-z]{32}", hexkey(32), "https://exchangeratesapi.io (Dashboard: reset the access key)",
         host=r"exchangeratesapi\.io", param="access_key",
         host_example="https://api.exchangeratesapi.io/v1/latest?access_key={key}&base=EUR", verb="Reset",
         words=["exchangerates", "api", "key"],
         tail=KEYISH_TAIL)

# ------------------------------------------------------------------ crypto market data

data_key("coinapi-api-key", "CoinAPI key (UUID, usually uppercase, next to a CoinAPI name or in a coinapi.io URL)",
         "coinapi", ["coinapi"], r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}",
         lambda g: g.uuid().upper(), "https://customerportal.coinapi.io (API keys: revoke the key)",
         host=r"coinapi\.io", param="apikey",
         host_example="https://rest.coinapi.io/v1/exchangerate/BTC/USD?apikey={key}", end=END_B64URL, min_entropy=3.0,
         contexts=[r"(?i:x-coinapi-key)[\"']?\s*[:=,]\s*[\"']?"],
         tail=KEYISH_TAIL)

data_key("coinlayer-api-key", "coinlayer access key (32 lowercase alphanumerics next to a coinlayer name or in a coinlayer.com URL)",
         "coinlayer", ["coinlayer"], r"[0-9a-z]{32}", hexkey(32), "https://coinlayer.com/dashboard",
         host=r"coinlayer\.com", param="access_key",
         host_example="http://api.coinlayer.com/live?access_key={key}", verb="Reset")

data_key("coinlib-api-key", "Coinlib API key (16 lowercase alphanumerics next to a Coinlib name or in a coinlib.io URL)",
         "coinlib", ["coinlib"], r"[0-9a-z]{16}", hexkey(16), "https://coinlib.io/profile (API: regenerate the key)",
         host=r"coinlib\.io", param="key", host_example="https://coinlib.io/api/v1/global?key={key}&pref=USD",
         min_entropy=3.0, verb="Regenerate",
         tail=KEYISH_TAIL)

data_key("cryptocompare-api-key",
         "CryptoCompare / CoinDesk Data API key (64 hex next to a CryptoCompare name or in a cryptocompare.com URL)",
         "cryptocompare", ["cryptocompare"], r"[0-9a-f]{64}", hexkey(64),
         "https://www.cryptocompare.com/cryptopian/api-keys", host=r"cryptocompare\.com",
         param="api_key", host_example="https://min-api.cryptocompare.com/data/price?fsym=BTC&tsyms=USD&api_key={key}",
         min_entropy=3.0,
         contexts=[r"(?i:authorization)[\"']?\s*[:=,]\s*[\"']?(?i:apikey)\s+"], window=200,
         extra_examples=lambda g: [f"curl -H 'authorization: Apikey {g.hex(64)}' 'https://min-api.cryptocompare.com/data/v2/news/'"],
         tail=KEYISH_TAIL)

data_key("glassnode-api-key", "Glassnode API key (27-28 alphanumerics next to a Glassnode name or in a glassnode.com URL)",
         "glassnode", ["glassnode"], r"[0-9A-Za-z]{27,28}", alnumkey(27),
         "https://studio.glassnode.com/settings/api", host=r"glassnode\.com", param="api_key",
         host_example="https://api.glassnode.com/v1/metrics/market/price_usd_close?a=BTC&api_key={key}",
         min_entropy=3.5, verb="Regenerate", bad=alnumkey(20))

named_rule("finance", "bitcoinaverage-api-key", "BitcoinAverage API public or secret key (43 alphanumerics next to a BitcoinAverage name)",
           ["bitcoinaverage"], C_ALNUM, 43, "https://bitcoinaverage.com/en/apikeys (delete the key pair)", severity="medium",
           extra_examples=lambda g: [f"bitcoinaverage_SECRET={g.alnum(43)}"])

data_key("worldcoinindex-api-key", "WorldCoinIndex API key (35-36 alphanumerics next to a WorldCoinIndex name or in its URL)",
         "worldcoinindex", ["worldcoinindex"], r"[0-9A-Za-z]{35,36}", alnumkey(35),
         "https://www.worldcoinindex.com/apiservice (account: regenerate the key)", host=r"worldcoinindex\.com",
         param="key", host_example="https://www.worldcoinindex.com/apiservice/ticker?key={key}&label=ethbtc&fiat=btc",
         min_entropy=3.5, verb="Regenerate", bad=alnumkey(20))

named_rule("finance", "technicalanalysisapi-api-key",
           "Technical Analysis API key (48 uppercase alphanumerics next to a technicalanalysisapi name)",
           [r"technical[_.-]?analysis[_.-]?api"], C_ALNUM_UP, 48,
           "the technical-analysis-api.com account page", severity="medium",
           keywords=["technicalanalysisapi", "technical_analysis_api", "technical-analysis-api"],
           words=["technicalanalysisapi", "key"], verb="Regenerate")

keyed_rule("finance", "dfuse-api-key", "dfuse API key (web_/server_/mobile_ + 32 hex next to a dfuse name)",
           "dfuse", r"(?:web|server|mobile)_[0-9a-f]{32}", lambda g: "server_" + g.hex(32),
           "the dfuse / StreamingFast account (https://app.dfuse.io/keys; the hosted service is discontinued, "
           "check for reuse)", ["dfuse"], severity="medium", min_entropy=3.0,
           extra_negatives=lambda g: [f"DFUSE_API_KEY=web_{g.hex(24)}"])
