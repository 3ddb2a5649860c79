"""Rules of the crypto exchanges family."""
from rulegen.core import *  # noqa: F401,F403

# ============================== crypto exchanges ==============================
#
# Most exchanges issue an API key (an identifier) plus a secret (the HMAC key), some add a
# passphrase. The secret rule is the primary: it pairs with the key rule and, where the
# exchange has one, the passphrase rule, so that the parts found within a few lines are ONE
# finding naming all of them. A key found alone is reported at medium severity (it identifies
# the account but cannot sign); a bare passphrase is never reported alone.
#
# Where an exchange's key and secret have the same shape, `X_SECRET_KEY=` matches both the
# secret rule and the key rule on the same bytes; the engine keeps one match per span and,
# when the context is equally long, the rule defined first: every secret rule below is
# therefore defined before its key rule.

# A variable, config key or header name: `<exchange>…<what>`, then an assignment (any of the forms
# code and config use: `=`, `:=`, `?=`, `.=`, setProperty("NAME", "v"), <name>v</name>, …).
def exchange_name(names, what, gap=r"[\w.-]*?"):
    return rf"(?i:(?:{names}){gap}{what})\w*(?:[ \t]+string)?" + ASSIGN_ANY


SECRET_WORDS = r"(?:secret|private[_.-]?key|priv[_.-]?key|sec[_.-]?key)"
KEY_WORDS = r"(?:api[_.-]?key|apikey|access[_.-]?key|access[_.-]?id|key[_.-]?id|client[_.-]?id|key)"
PASS_WORDS = r"(?:passphrase|password|pass[_.-]?phrase)"


def exchange_rules(slug, label, names, keywords, url, secret, key, key_headers=None,
                   passphrase=False, secret_validate=None, secret_severity="critical",
                   secret_desc=None, key_desc=None, extra_secret_examples=(), extra_key_examples=(),
                   extra_secret_negatives=(), extra_key_negatives=(), gap=r"[\w.-]*?",
                   secret_words=SECRET_WORDS, key_words=KEY_WORDS, exclude_words=None):
    """The secret rule (primary) and the key rule of one exchange.

    `secret` and `key` are (value regex, generator g -> value, wrong-length generator, end
    pattern, entropy floor). `key_headers` is a regex alternation of HTTP header names that
    carry the key. `secret_words`/`key_words`: what the name says after the exchange's name."""
    s_re, s_gen, s_bad, s_end, s_ent = secret
    k_re, k_gen, k_bad, k_end, k_ent = key
    up = slug.upper().replace("-", "_")
    camel = slug.replace("-", "")
    rem = EXCHANGE_REMEDIATION.format(url=url)
    companions = [f"{slug}-api-key"] + (["exchange-api-passphrase"] if passphrase else [])

    def paired(g):
        lines = [f"{up}_API_KEY={k_gen(g)}", f"{up}_API_SECRET={s_gen(g)}"]
        if passphrase:
            lines.append(f"{up}_PASSPHRASE={g.password()}")
        return "\n".join(lines)

    rule("crypto-exchanges",
         id=f"{slug}-api-secret",
         description=secret_desc or f"{label} API secret (next to a {label} secret name)",
         severity=secret_severity,
         keywords=keywords,
         regex=exchange_name(names, secret_words, gap) + f"({s_re})" + s_end,
         min_entropy=s_ent,
         validate=secret_validate,
         window=48,
         pair_with=companions,
         exclude_words=exclude_words,
         remediation=rem,
         examples=lambda g: [
             f"{up}_API_SECRET={s_gen(g)}",
             f'{slug.replace("-", "_")}_secret_key: "{s_gen(g)}"',
             f'  "{camel}Secret": "{s_gen(g)}",',
             paired(g),
         ] + [e(g) for e in extra_secret_examples],
         negative_examples=lambda g: [
             f"{up}_API_SECRET={s_bad(g)}",
             f"{up}_API_SECRET=${{{up}_API_SECRET}}",
             f"{up}_API_SECRET=<your {label} secret>",
             f'{camel}_secret = os.environ["{up}_API_SECRET"]',
             f"{slug.replace('-', '_')}_order_id = {s_gen(g)}",
         ] + [e(g) for e in extra_secret_negatives])

    key_names = exchange_name(names, key_words, gap)
    if key_headers:
        key_names = rf"(?:{key_names}|(?i:{key_headers})" + ASSIGN + ")"
    rule("crypto-exchanges",
         id=f"{slug}-api-key",
         description=key_desc or (f"{label} API key (an identifier: reported alone at medium severity, "
                                  f"folded into the {label} secret's finding when the secret is near)"),
         severity="medium",
         keywords=keywords,
         regex=key_names + f"({k_re})" + k_end,
         min_entropy=k_ent,
         window=48,
         exclude_words=exclude_words,
         remediation=rem,
         examples=lambda g: [
             f"{up}_API_KEY={k_gen(g)}",
             f'  "{camel}ApiKey": "{k_gen(g)}",',
         ] + [e(g) for e in extra_key_examples],
         negative_examples=lambda g: [
             f"{up}_API_KEY={k_bad(g)}",
             f"{up}_API_KEY=${{{up}_API_KEY}}",
             f'api_key = os.getenv("{up}_API_KEY")',
         ] + [e(g) for e in extra_key_negatives])


ALNUM_END = r"\b"
B64URL_CHARS = ALNUM + "-_"

rule("crypto-exchanges",
     id="exchange-api-passphrase",
     description="Passphrase of an exchange API key (OKX, KuCoin, Coinbase Exchange, Bitget): only reported with its key",
     severity="critical",
     keywords=["okx", "okex", "kucoin", "coinbase", "cbpro", "gdax", "bitget", "ok-access-", "kc-api-",
               "cb-access-"],
     regex=(r"(?:" + exchange_name("okx|okex|kucoin|coinbase|cbpro|gdax|bitget", PASS_WORDS)
            + r"|(?i:ok-access-passphrase|kc-api-passphrase|cb-access-passphrase)" + ASSIGN
            + r")([!-~]{4,64}?)[\"']?(?:[\s,;}]|$)"),
     companion_only=True,
     remediation=EXCHANGE_REMEDIATION.format(url="the exchange's API management page"),
     examples=lambda g: [
         f"OKX_API_SECRET={g.hex(32).upper()}\nOKX_PASSPHRASE={g.password()}",
         f"KUCOIN_API_SECRET={g.uuid()}\nKUCOIN_API_PASSPHRASE={g.password()}",
     ],
     negative_examples=lambda g: [
         f"OKX_PASSPHRASE={g.password()}",
         f"KUCOIN_API_PASSPHRASE={g.password()}",
     ])

# ---- Binance: key and HMAC secret are both 64 alphanumerics; header X-MBX-APIKEY.
exchange_rules(
    "binance", "Binance", "binance", ["binance", "x-mbx-apikey"],
    "https://www.binance.com/en/my/settings/api-management",
    secret=(r"[0-9A-Za-z]{64}", lambda g: g.alnum(64), lambda g: g.alnum(40), ALNUM_END, 4.0),
    key=(r"[0-9A-Za-z]{64}", lambda g: g.alnum(64), lambda g: g.alnum(63), ALNUM_END, 4.0),
    key_headers="x-mbx-apikey",
    extra_key_examples=[
        lambda g: f'headers = {{"X-MBX-APIKEY": "{g.alnum(64)}"}}',
        lambda g: f"curl -H 'X-MBX-APIKEY: {g.alnum(64)}' https://api.binance.com/api/v3/account",
    ],
    extra_key_negatives=[
        lambda g: "headers['X-MBX-APIKEY'] = os.environ['BINANCE_API_KEY']",
        lambda g: f"binance_withdraw_tx = {g.hex(64)}",
    ])

# ---- Coinbase: four generations (crypto-formats.md 1.2).
CDP_REM = EXCHANGE_REMEDIATION.format(url="https://portal.cdp.coinbase.com/ (API Keys > Manage > Delete)")


def cdp_ec_pem(g, newline="\n"):
    d = g.r.randrange(1, P256_N)
    body = b64(p256_sec1_der(d))
    return newline.join(["-----BEGIN EC PRIVATE KEY-----"] + wrap(body, 64) + ["-----END EC PRIVATE KEY-----"])


rule("crypto-exchanges",
     id="coinbase-cdp-ec-private-key",
     description="Coinbase CDP API key secret (P-256 EC private key next to its organizations/…/apiKeys/… name)",
     severity="critical",
     keywords=["apiKeys/"],
     regex=(r"(?s)organizations/[0-9a-f-]{36}/apiKeys/[0-9a-f-]{36}.{0,400}?"
            + pem_regex("EC PRIVATE KEY")),
     window=2048,
     min_entropy=4.0,
     validate="p256-private-key",
     remediation=CDP_REM,
     examples=lambda g: [
         "{\n"
         f'   "name": "organizations/{g.uuid()}/apiKeys/{g.uuid()}",\n'
         f'   "privateKey": "{cdp_ec_pem(g, newline=chr(92) + "n")}\\n"\n'
         "}",
         f'COINBASE_API_KEY_NAME="organizations/{g.uuid()}/apiKeys/{g.uuid()}"\n'
         f'COINBASE_API_PRIVATE_KEY="{cdp_ec_pem(g, newline=chr(92) + "n")}\\n"',
         f'api_key_name = "organizations/{g.uuid()}/apiKeys/{g.uuid()}"\n'
         f'api_key_secret = """{cdp_ec_pem(g)}\n"""',
     ],
     negative_examples=lambda g: [
         f'COINBASE_API_KEY_NAME="organizations/{g.uuid()}/apiKeys/{g.uuid()}"\n'
         'COINBASE_API_PRIVATE_KEY="-----BEGIN EC PRIVATE KEY-----\\nYOUR PRIVATE KEY\\n-----END EC PRIVATE KEY-----\\n"',
         f'key_name = "organizations/{g.uuid()}/apiKeys/{g.uuid()}"',
         f'{{"name": "organizations/{{org_id}}/apiKeys/{{key_id}}", "privateKey": "..."}}',
         # Right shape, random body: the embedded public key is not the scalar's.
         f'COINBASE_API_KEY_NAME="organizations/{g.uuid()}/apiKeys/{g.uuid()}"\n'
         f'COINBASE_API_PRIVATE_KEY="{g.pem("EC PRIVATE KEY", newline=chr(92) + "n")}\\n"',
     ])

rule("crypto-exchanges",
     id="coinbase-cdp-ed25519-secret",
     description="Coinbase CDP Ed25519 API key secret (88-char base64 next to a Coinbase/CDP secret name)",
     severity="critical",
     keywords=["coinbase", "cdp_", "cdp-", "cdpapi"],
     regex=(r"(?i:(?:coinbase|cdp)[\w.-]{0,30}?(?:secret|private[_.-]?key))\w*" + ASSIGN
            + r"([A-Za-z0-9+/]{86}==)" + END_B64),
     min_entropy=4.5,
     validate="ed25519-keypair",
     remediation=CDP_REM,
     examples=lambda g: [
         f"CDP_API_KEY_SECRET={g.ed25519_secret()}",
         f'COINBASE_API_SECRET="{g.ed25519_secret()}"',
         f'  cdpApiKeySecret: "{g.ed25519_secret()}",',
     ],
     negative_examples=lambda g: [
         f"CDP_API_KEY_SECRET={b64(g.bytes(32))}",
         "CDP_API_KEY_SECRET=${CDP_API_KEY_SECRET}",
         f"coinbase_tx_signature = {b64(g.bytes(64))}",
     ])

rule("crypto-exchanges",
     id="coinbase-cdp-wallet-secret",
     description="Coinbase CDP wallet secret (base64 PKCS#8 DER P-256 private key, MIGHAgEAMBMGByqGSM49…)",
     severity="critical",
     keywords=["MIGHAgEAMBMGByqGSM49"],
     regex=r"(MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg[A-Za-z0-9+/]{136})" + END_B64,
     min_entropy=4.5,
     validate="p256-private-key",
     remediation=("Delete the wallet secret in the CDP portal (https://portal.cdp.coinbase.com/, Server Wallet > "
                  "Wallet Secret), generate a new one, move funds held by the server wallets if the API key "
                  "leaked too, " + PURGE),
     examples=lambda g: [
         f"CDP_WALLET_SECRET={b64(p256_pkcs8_der(g.r.randrange(1, P256_N)))}",
         f'walletSecret: "{b64(p256_pkcs8_der(g.r.randrange(1, P256_N)))}",',
     ],
     negative_examples=lambda g: [
         "CDP_WALLET_SECRET=MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg" + g.s(ALNUM + "+/", 136),
         f"CDP_WALLET_SECRET={b64(p256_pkcs8_der(g.r.randrange(1, P256_N)))[:150]}",
     ])

rule("crypto-exchanges",
     id="coinbase-exchange-api-secret",
     description="Coinbase Exchange / Prime / Pro API secret (base64 of 64 bytes next to a Coinbase secret name)",
     severity="critical",
     keywords=["coinbase", "cbpro", "gdax", "cb-access-", "cb_access_"],
     regex=(r"(?i:(?:coinbase|cbpro|gdax|cb[_.-]access)[\w.-]{0,30}?secret)\w*" + ASSIGN
            + r"([A-Za-z0-9+/]{86}==)" + END_B64),
     min_entropy=4.5,
     validate="base64-64-bytes",
     pair_with=["coinbase-api-key", "exchange-api-passphrase"],
     remediation=EXCHANGE_REMEDIATION.format(
         url="https://exchange.coinbase.com/profile/api (Prime: Settings > API in the Prime console)"),
     examples=lambda g: [
         f"COINBASE_PRO_API_SECRET={b64(g.bytes(64))}",
         f'cbpro_secret: "{b64(g.bytes(64))}"',
         f"COINBASE_API_KEY={g.hex(32)}\nCOINBASE_API_SECRET={b64(g.bytes(64))}\n"
         f"COINBASE_API_PASSPHRASE={g.password()}",
     ],
     negative_examples=lambda g: [
         f"COINBASE_PRO_API_SECRET={b64(g.bytes(48))}",
         "COINBASE_PRO_API_SECRET=${COINBASE_SECRET}",
         f"coinbase_signature = {b64(g.bytes(64))}",
     ])

rule("crypto-exchanges",
     id="coinbase-legacy-api-secret",
     description="Coinbase App legacy API secret (32 alphanumerics; all legacy keys expired in Feb 2025, history may show reuse)",
     severity="medium",
     keywords=["coinbase"],
     regex=r"(?i:coinbase[\w.-]{0,30}?secret)\w*" + ASSIGN + r"([0-9A-Za-z]{32})\b",
     min_entropy=3.8,
     pair_with=["coinbase-api-key"],
     remediation=EXCHANGE_REMEDIATION.format(url="https://www.coinbase.com/settings/api"),
     examples=lambda g: [
         f"COINBASE_API_SECRET={g.alnum(32)}",
         f"COINBASE_API_KEY={g.alnum(16)}\nCOINBASE_API_SECRET={g.alnum(32)}",
     ],
     negative_examples=lambda g: [
         f"COINBASE_API_SECRET={g.alnum(31)}",
         "COINBASE_API_SECRET=M4009eFnOoPwhNoMwJlsAHgIgleGVFPl",
         f"coinbase_commit = {g.hex(40)}",
     ])

rule("crypto-exchanges",
     id="coinbase-api-key",
     description="Coinbase API key (Exchange/Prime 32 hex, legacy 16 alphanumerics, or the CB-ACCESS-KEY header): an identifier",
     severity="medium",
     keywords=["coinbase", "cbpro", "gdax", "cb-access-", "cb_access_"],
     regex=(r"(?:" + exchange_name("coinbase|cbpro|gdax", KEY_WORDS) + r"|(?i:cb[_-]access[_-]key)" + ASSIGN
            + r")([0-9a-f]{32}|[0-9A-Za-z]{16})\b"),
     min_entropy=3.0,
     remediation=EXCHANGE_REMEDIATION.format(url="https://exchange.coinbase.com/profile/api or https://www.coinbase.com/settings/api"),
     examples=lambda g: [
         f"COINBASE_API_KEY={g.hex(32)}",
         f"headers = {{'CB-ACCESS-KEY': '{g.hex(32)}'}}",
         f"coinbase_api_key: {g.alnum(16)}",
     ],
     negative_examples=lambda g: [
         f"COINBASE_API_KEY={g.hex(24)}",
         "COINBASE_API_KEY=g3BLnUYMOQsIo9V5",
         "headers['CB-ACCESS-KEY'] = api_key",
     ])

# Coinbase OAuth2 access/refresh tokens (Sign in with Coinbase / Coinbase App API): 64 characters
# (hex in practice) under a name that ENDS in token, so that `coinbase_token_address`,
# `coinbase_token_tx` and other on-chain names (tx hashes are 64 hex too) are never read as one.
rule("crypto-exchanges",
     id="coinbase-oauth-token",
     description="Coinbase OAuth2 access or refresh token (64 characters next to a name ending in Coinbase …token)",
     severity="high",
     keywords=["coinbase"],
     regex=(r"(?i:coinbase[\w.-]{0,20}?token)(?:\s+string)?" + ASSIGN_ANY + r"([0-9A-Za-z_-]{64})" + END_B64URL),
     window=48,
     min_entropy=3.5,
     remediation=("Revoke the token (POST https://login.coinbase.com/oauth2/revoke) and the app's access at "
                  "https://accounts.coinbase.com/connected-apps, review the account's activity and sends, "
                  "request new tokens with the least scopes, " + PURGE),
     examples=lambda g: [
         f"COINBASE_ACCESS_TOKEN={g.hex(64)}",
         f'var coinbaseToken string = "{g.s(DIGITS + LOWER + "_-", 64)}"',
         f'  "coinbase_refresh_token": "{g.hex(64)}",',
     ],
     negative_examples=lambda g: [
         f"coinbase_token_tx = {g.hex(64)}",
         f"COINBASE_TOKEN_ADDRESS=0x{g.hex(64)}",
         f"Coinbase token transfer: {g.hex(64)}",
         f"COINBASE_ACCESS_TOKEN={g.hex(40)}",
         "COINBASE_ACCESS_TOKEN=${COINBASE_ACCESS_TOKEN}",
     ])

# ---- Kraken: API key 56 base64 chars; private key base64 of 64 bytes. Headers API-Key/API-Sign.
exchange_rules(
    "kraken", "Kraken", "kraken", ["kraken"],
    "https://www.kraken.com/u/security/api (Settings > API)",
    secret=(r"[A-Za-z0-9+/]{86}={0,2}", lambda g: b64(g.bytes(64)), lambda g: b64(g.bytes(32)), END_B64, 4.5),
    key=(r"[A-Za-z0-9+/]{56}", lambda g: g.s(ALNUM + "+/", 56), lambda g: g.s(ALNUM + "+/", 50), END_B64, 4.0),
    secret_validate="base64-64-bytes",
    secret_desc="Kraken API private key (base64 of 64 bytes next to a Kraken secret name)")

# Kraken keys kept under a token-like name (`KRAKEN_TOKEN=`, `krakenAuth:`): the API key (56
# base64 chars) or the private key (88), or either written in the url-safe alphabet; the rules above
# need a key or secret word. Defined after them, so that `KRAKEN_API_SECRET=` stays theirs.
rule("crypto-exchanges",
     id="kraken-api-token",
     description=("Kraken API key or private key under a token/auth/credential name (56..90 base64 or "
                  "base64url chars next to a Kraken name)"),
     severity="high",
     keywords=["kraken"],
     regex=exchange_name("kraken", r"(?:token|auth|credentials?|creds)") + r"([A-Za-z0-9+/=_-]{56,90})"
     + r"(?:[^A-Za-z0-9+/=_-]|$)",
     min_entropy=4.0,
     window=48,
     remediation=EXCHANGE_REMEDIATION.format(url="https://www.kraken.com/u/security/api (Settings > API)"),
     examples=lambda g: [
         f"KRAKEN_TOKEN={g.s(ALNUM + '+/', 56)}",
         f'krakenToken := "{b64(g.bytes(64))}"',
         f"  kraken_auth: '{g.s(B64URL, 80)}'",
         f'System.setProperty("KRAKEN_CREDENTIALS", "{b64(g.bytes(48))}");',
     ],
     negative_examples=lambda g: [
         f"KRAKEN_TOKEN={g.s(ALNUM + '+/', 40)}",
         f"KRAKEN_TOKEN={g.s(ALNUM + '+/', 96)}",
         "KRAKEN_TOKEN=${KRAKEN_TOKEN}",
         "KRAKEN_TOKEN=" + "x" * 56,
         "krakenToken = os.environ['KRAKEN_TOKEN_FROM_THE_ENVIRONMENT_OF_THE_DEPLOYED_SERVICE']",
         "KRAKEN_TOKEN=aaaaaaaabbbbbbbbccccccccddddddddeeeeeeeeffffffffgggggggg",
         f"KRAKEN_TOKEN={g.s(DIGITS, 60)}",
     ])

# ---- OKX: key UUID, secret 32 uppercase hex, passphrase. Headers OK-ACCESS-*.
exchange_rules(
    "okx", "OKX", "okx|okex", ["okx", "okex", "ok-access-"],
    "the OKX API management page (https://www.okx.com/account/my-api)",
    secret=(r"[0-9A-F]{32}", lambda g: g.hex(32).upper(), lambda g: g.hex(40).upper(), ALNUM_END, 3.0),
    key=(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", lambda g: g.uuid(),
         lambda g: g.hex(32), ALNUM_END, 3.0),
    key_headers="ok-access-key", passphrase=True,
    secret_desc="OKX API secret key (32 uppercase hex next to an OKX secret name)",
    extra_key_examples=[lambda g: f"'OK-ACCESS-KEY': '{g.uuid()}',"],
    extra_secret_negatives=[lambda g: f"OKX_SECRET_KEY={g.hex(32)}"])

# ---- Bybit: key 18 alphanumerics, secret 36 (observed). Headers X-BAPI-*.
exchange_rules(
    "bybit", "Bybit", "bybit", ["bybit", "x-bapi-"],
    "https://www.bybit.com/app/user/api-management",
    secret=(r"[0-9A-Za-z]{36}", lambda g: g.alnum(36), lambda g: g.alnum(30), ALNUM_END, 4.0),
    key=(r"[0-9A-Za-z]{18}", lambda g: g.alnum(18), lambda g: g.alnum(24), ALNUM_END, 3.5),
    key_headers="x-bapi-api-key",
    extra_key_examples=[lambda g: f'"X-BAPI-API-KEY": "{g.alnum(18)}",'])

# ---- KuCoin: key 24 hex, secret UUID, passphrase. Headers KC-API-*.
exchange_rules(
    "kucoin", "KuCoin", "kucoin", ["kucoin", "kc-api-"],
    "the KuCoin API Management page (https://www.kucoin.com/account/api)",
    secret=(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", lambda g: g.uuid(),
            lambda g: g.hex(32), ALNUM_END, 3.0),
    key=(r"[0-9a-f]{24}", lambda g: g.hex(24), lambda g: g.hex(20), ALNUM_END, 3.0),
    key_headers="kc-api-key", passphrase=True,
    # a bare `kucoin…token` name: the two shapes (UUID secret, 24-hex key) keep them apart
    secret_words=r"(?:secret|private[_.-]?key|priv[_.-]?key|sec[_.-]?key|token)",
    key_words=KEY_WORDS[:-1] + "|token)",
    extra_secret_examples=[lambda g: f'kucoinToken := "{g.uuid()}"'],
    extra_key_examples=[lambda g: f'kucoinToken = "{g.hex(24)}"'],
    secret_desc="KuCoin API secret (UUID next to a KuCoin secret name)",
    extra_secret_negatives=[lambda g: "KUCOIN_API_SECRET=00000000-0000-0000-0000-000000000000",
                            lambda g: f"KUCOIN_REQUEST_ID={g.uuid()}"])

# ---- Bitfinex: key and secret 43 chars [A-Za-z0-9_-]. Headers bfx-*.
exchange_rules(
    "bitfinex", "Bitfinex", "bitfinex|bfx", ["bitfinex", "bfx_", "bfx-"],
    "https://setting.bitfinex.com/api",
    secret=(r"[A-Za-z0-9_-]{43}", lambda g: g.s(B64URL_CHARS, 43), lambda g: g.s(B64URL_CHARS, 40), END_B64URL, 4.0),
    key=(r"[A-Za-z0-9_-]{43}", lambda g: g.s(B64URL_CHARS, 43), lambda g: g.s(B64URL_CHARS, 44), END_B64URL, 4.0),
    key_headers="bfx-apikey",
    extra_key_examples=[lambda g: f"'bfx-apikey': '{g.s(B64URL_CHARS, 43)}',"])

# ---- Gemini: key account-/master- + 20 alphanumerics, secret 27-28 alphanumerics.
exchange_rules(
    "gemini", "Gemini", "gemini", ["gemini"],
    "https://exchange.gemini.com/settings/api",
    secret=(r"[0-9A-Za-z]{27,28}", lambda g: g.alnum(28), lambda g: g.alnum(20), ALNUM_END, 3.8),
    key=(r"(?:account|master)-[0-9A-Za-z]{20}", lambda g: "account-" + g.alnum(20),
         lambda g: "account-" + g.alnum(12), ALNUM_END, 3.5),
    key_headers="x-gemini-apikey",
    extra_key_examples=[lambda g: f"'X-GEMINI-APIKEY': 'master-{g.alnum(20)}',"],
    extra_key_negatives=[lambda g: "GEMINI_API_KEY=master-SBR89HWzNzbSfsj9ADI8",
                         lambda g: f"GEMINI_API_KEY={g.alnum(28)}"])

# ---- Bitstamp: key and secret 32 alphanumerics (community-reported); header X-Auth: BITSTAMP <key>.
exchange_rules(
    "bitstamp", "Bitstamp", "bitstamp", ["bitstamp"],
    "the Bitstamp API Access page (Account > Security > API Access)",
    secret=(r"[0-9A-Za-z]{32}", lambda g: g.alnum(32), lambda g: g.alnum(24), ALNUM_END, 3.8),
    key=(r"[0-9A-Za-z]{32}", lambda g: g.alnum(32), lambda g: g.alnum(24), ALNUM_END, 3.8),
    key_headers=r"x-auth\W{1,4}bitstamp",
    extra_key_examples=[lambda g: f"'X-Auth': 'BITSTAMP {g.alnum(32)}',"])

# ---- Gate: key 32 hex, secret 64 hex (commonly reported). The word "gate" alone is far too
# common (gateway, delegate, LLM gate_proj), so the keywords are the exchange's own spellings.
exchange_rules(
    "gate", "Gate", r"\bgate(?:[_.-]?io)?",
    ["gateio", "gate.io", "gate-io", "gate_io", "gate_api", "gate-api", "gate_secret", "gate_key", "gateapi", "gatesecret"],
    "https://www.gate.com/myaccount/apiv4keys",
    secret=(r"[0-9a-f]{64}", lambda g: g.hex(64), lambda g: g.hex(40), ALNUM_END, 3.5),
    key=(r"[0-9a-f]{32}", lambda g: g.hex(32), lambda g: g.hex(40), ALNUM_END, 3.3),
    gap=r"(?:[_.-]?(?:api|v4|spot|futures|testnet))*[_.-]?",
    extra_secret_negatives=[lambda g: f"GATEWAY_SECRET={g.hex(64)}",
                            lambda g: f"delegate_secret = {g.hex(64)}"])

# ---- HTX (Huobi): access key and secret key shaped 8-8-8-5 (lowercase alphanumerics).
HTX_SHAPE = r"[0-9a-z]{8}-[0-9a-z]{8}-[0-9a-z]{8}-[0-9a-z]{5}"


def htx_key(g):
    a = ALNUM[:36].lower()
    return "-".join(g.s(DIGITS + LOWER, n) for n in (8, 8, 8, 5))


exchange_rules(
    "htx", "HTX (Huobi)", "htx|huobi", ["htx", "huobi", "accesskeyid"],
    "the HTX API Management page (https://www.htx.com/en-us/user-center/api-management/)",
    secret=(HTX_SHAPE, htx_key, lambda g: g.uuid(), ALNUM_END, 3.5),
    key=(HTX_SHAPE, htx_key, lambda g: g.uuid(), ALNUM_END, 3.5),
    key_headers="accesskeyid",
    extra_key_examples=[lambda g: f"GET /v1/account/accounts?AccessKeyId={htx_key(g)}&SignatureMethod=HmacSHA256"],
    extra_key_negatives=[lambda g: "HUOBI_ACCESS_KEY=e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx"])

# ---- Crypto.com Exchange: formats unpublished; 20-64 URL-safe characters by a Crypto.com name.
exchange_rules(
    "cryptocom", "Crypto.com Exchange", r"crypto[_.-]?com|cryptocom", ["crypto_com", "cryptocom", "crypto.com"],
    "the Crypto.com Exchange API page (User Center > API)",
    secret=(r"[A-Za-z0-9_-]{20,64}", lambda g: g.alnum(32), lambda g: g.alnum(12), END_B64URL, 3.8),
    key=(r"[A-Za-z0-9_-]{20,64}", lambda g: g.alnum(24), lambda g: g.alnum(12), END_B64URL, 3.8),
    exclude_words=["cryptocompare"],  # a market-data API with a rule of its own
    extra_secret_negatives=[lambda g: f"CRYPTOCOMPARE_API_KEY={g.hex(64)}"])

# ---- Deribit: client_id + client_secret (doc samples are allowlisted as known public keys).
exchange_rules(
    "deribit", "Deribit", "deribit", ["deribit"],
    "the Deribit API page (Account > API, https://www.deribit.com/account/BTC/api)",
    secret=(r"[A-Za-z0-9_-]{24,64}", lambda g: g.alnum(43), lambda g: g.alnum(12), END_B64URL, 3.8),
    key=(r"[A-Za-z0-9_-]{8,16}", lambda g: g.alnum(10), lambda g: g.alnum(5), END_B64URL, 2.8),
    secret_desc="Deribit API client secret (next to a Deribit client secret name)",
    extra_secret_negatives=[lambda g: "DERIBIT_CLIENT_SECRET=W0H6FJW4IRPZ1MOQ8FP6KMC5RZDUUKXS"],
    extra_key_examples=[lambda g: f"deribit_client_id = '{g.alnum(10)}'"])

# ---- BitMEX: key id 24 chars, secret 48 chars, [A-Za-z0-9_-]. Headers api-key/api-signature.
exchange_rules(
    "bitmex", "BitMEX", "bitmex", ["bitmex"],
    "https://www.bitmex.com/app/apiKeys",
    secret=(r"[A-Za-z0-9_-]{48}", lambda g: g.s(B64URL_CHARS, 48), lambda g: g.s(B64URL_CHARS, 40), END_B64URL, 4.0),
    key=(r"[A-Za-z0-9_-]{24}", lambda g: g.s(B64URL_CHARS, 24), lambda g: g.s(B64URL_CHARS, 30), END_B64URL, 3.8))

# ---- Upbit and Bithumb: access key 40 alphanumerics, secret key (length undocumented, 32-64).
exchange_rules(
    "upbit", "Upbit/Bithumb", "upbit|bithumb", ["upbit", "bithumb"],
    "the Upbit Open API management page (https://upbit.com/mypage/open_api_management) or Bithumb's API management",
    secret=(r"[0-9A-Za-z]{32,64}", lambda g: g.alnum(40), lambda g: g.alnum(20), ALNUM_END, 4.0),
    key=(r"[0-9A-Za-z]{40}", lambda g: g.alnum(40), lambda g: g.alnum(20), ALNUM_END, 4.0),
    extra_key_examples=[lambda g: f"UPBIT_OPEN_API_ACCESS_KEY={g.alnum(40)}"],
    extra_key_negatives=[lambda g: "UPBIT_ACCESS_KEY=a7Xd92LmQW3vBtRzYpMj5CxNKeT1HuVs0fFgJcAw"])

# ---- MEXC: access key mx0 + 15 alphanumerics, secret 32 lowercase hex. Header X-MEXC-APIKEY.
exchange_rules(
    "mexc", "MEXC", "mexc", ["mexc"],
    "the MEXC API Management page (https://www.mexc.com/user/openapi)",
    secret=(r"[0-9a-f]{32}", lambda g: g.hex(32), lambda g: g.hex(24), ALNUM_END, 3.3),
    key=(r"mx0[0-9A-Za-z]{15}", lambda g: "mx0" + g.alnum(15), lambda g: "mx0" + g.alnum(10), ALNUM_END, 3.3),
    key_headers="x-mexc-apikey",
    extra_key_examples=[lambda g: f'"X-MEXC-APIKEY": "mx0{g.alnum(15)}"'],
    extra_key_negatives=[lambda g: "MEXC_API_KEY=mx004dN8BTlMyJgOf2"])

# ---- Poloniex: key 4x8 uppercase alphanumerics, secret 128 hex.
exchange_rules(
    "poloniex", "Poloniex", "poloniex", ["poloniex"],
    "the Poloniex API Keys page (https://poloniex.com/apiKeys)",
    secret=(r"[0-9a-f]{128}", lambda g: g.hex(128), lambda g: g.hex(64), ALNUM_END, 3.5),
    key=(r"[0-9A-Z]{8}-[0-9A-Z]{8}-[0-9A-Z]{8}-[0-9A-Z]{8}",
         lambda g: "-".join(g.s(DIGITS + UPPER, 8) for _ in range(4)),
         lambda g: "-".join(g.s(DIGITS + UPPER, 8) for _ in range(3)), ALNUM_END, 3.5))

# ---- Bittrex (closed in 2023; old keys still leak and may be reused): key and secret 32 hex,
# found lowercase alphanumeric in configs; a bare `bittrex…token` name is taken as the secret.
exchange_rules(
    "bittrex", "Bittrex", "bittrex", ["bittrex"],
    "the Bittrex API Keys page (Account > Site Settings > API Keys; the exchange has closed: revoke any reuse)",
    secret=(r"[0-9a-z]{32}", lambda g: g.hex(32), lambda g: g.hex(24), ALNUM_END, 3.3),
    key=(r"[0-9a-z]{32}", lambda g: g.hex(32), lambda g: g.hex(24), ALNUM_END, 3.3),
    secret_severity="high",
    secret_words=r"(?:secret|private[_.-]?key|priv[_.-]?key|sec[_.-]?key|token)",
    extra_secret_examples=[lambda g: f'bittrexToken := "{g.s(DIGITS + LOWER, 32)}"'],
    extra_secret_negatives=[lambda g: f"BITTREX_API_SECRET={g.hex(40)}"])

# ---- Fireblocks: the API secret is an RSA-4096 private key (PKCS#8 PEM, made with openssl).


def rsa_pkcs8_pem(g, newline="\n"):
    """A PKCS#8 PEM whose DER has consistent lengths (random content, RSA-4096-sized)."""
    content = bytes.fromhex("020100300d06092a864886f70d010101050004820926") + g.bytes(0x926)
    der = b"\x30\x82" + len(content).to_bytes(2, "big") + content
    body = b64(der)
    return newline.join(["-----BEGIN PRIVATE KEY-----"] + wrap(body, 64) + ["-----END PRIVATE KEY-----"])


FIREBLOCKS_REM = ("Disable the API user in the Fireblocks Console (Developer center > API users, "
                  "https://console.fireblocks.io/v2/developer/api-users), review its transactions and the "
                  "Transaction Authorization Policy, issue a new CSR from a key made on a secure machine, " + PURGE)

rule("crypto-exchanges",
     id="fireblocks-api-secret",
     description="Fireblocks API secret (RSA private key PEM next to a Fireblocks secret name)",
     severity="critical",
     keywords=["fireblocks"],
     regex=(r"(?i:fireblocks[\w.-]{0,30}?(?:secret|private[_.-]?key))[\w.-]*[\"']?\s*(?:[:=]{1,2}|\s)\s*"
            r"(?:[\"']|\"\"\"|`)?" + pem_regex("PRIVATE KEY")),
     window=8192,
     min_entropy=4.5,
     validate="pem-der",
     pair_with=["fireblocks-api-key"],
     pair_lines=10,
     remediation=FIREBLOCKS_REM,
     examples=lambda g: [
         f'FIREBLOCKS_API_KEY={g.uuid()}\nFIREBLOCKS_SECRET_KEY="{rsa_pkcs8_pem(g, newline=chr(92) + "n")}"',
         f'fireblocks_private_key = """{rsa_pkcs8_pem(g)}\n"""',
     ],
     negative_examples=lambda g: [
         'FIREBLOCKS_SECRET_KEY="-----BEGIN PRIVATE KEY-----\\n<your key>\\n-----END PRIVATE KEY-----"',
         "FIREBLOCKS_SECRET_KEY_PATH=./fireblocks_secret.key",
         # Right shape, random body that is not DER.
         f'FIREBLOCKS_SECRET_KEY="{g.pem("PRIVATE KEY", newline=chr(92) + "n")}"',
     ])

rule("crypto-exchanges",
     id="fireblocks-api-key",
     description="Fireblocks API key (UUID next to a Fireblocks key name): an identifier",
     severity="medium",
     keywords=["fireblocks"],
     regex=exchange_name("fireblocks", r"(?:api[_.-]?key|apikey|api[_.-]?user)") +
     r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b",
     min_entropy=3.0,
     remediation=FIREBLOCKS_REM,
     examples=lambda g: [f"FIREBLOCKS_API_KEY={g.uuid()}", f'fireblocksApiKey: "{g.uuid()}",'],
     negative_examples=lambda g: [f"FIREBLOCKS_VAULT_ID={g.uuid()}", f"FIREBLOCKS_API_KEY={g.hex(32)}"])

# ---- Robinhood Crypto: API key rh-api-<uuid> (self-identifying) + base64 Ed25519 private key.
rule("crypto-exchanges",
     id="robinhood-crypto-private-key",
     description="Robinhood Crypto API private key (base64 Ed25519 seed next to a Robinhood private key name)",
     severity="critical",
     keywords=["robinhood"],
     regex=(r"(?i:robinhood[\w.-]{0,30}?(?:private[_.-]?key|secret|priv[_.-]?key))\w*" + ASSIGN
            + r"([A-Za-z0-9+/]{43}=)" + END_B64),
     min_entropy=4.0,
     pair_with=["robinhood-crypto-api-key"],
     remediation=EXCHANGE_REMEDIATION.format(url="https://robinhood.com/account/crypto (API credentials)"),
     examples=lambda g: [
         f"ROBINHOOD_PRIVATE_KEY={b64(g.bytes(32))}",
         f"ROBINHOOD_API_KEY=rh-api-{g.uuid()}\nROBINHOOD_PRIVATE_KEY={b64(g.bytes(32))}",
     ],
     negative_examples=lambda g: [
         f"ROBINHOOD_PRIVATE_KEY={b64(g.bytes(64))}",
         "ROBINHOOD_PRIVATE_KEY=${ROBINHOOD_PRIVATE_KEY}",
     ])

rule("crypto-exchanges",
     id="robinhood-crypto-api-key",
     description="Robinhood Crypto API key (rh-api-<uuid>): an identifier",
     severity="medium",
     keywords=["rh-api-"],
     regex=r"\b(rh-api-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b",
     min_entropy=3.0,
     remediation=EXCHANGE_REMEDIATION.format(url="https://robinhood.com/account/crypto (API credentials)"),
     examples=lambda g: [f"'x-api-key': 'rh-api-{g.uuid()}'", f"API_KEY=rh-api-{g.uuid()}"],
     negative_examples=lambda g: [f"API_KEY=rh-api-{g.hex(32)}", "API_KEY=rh-api-<your-key>"])

# ---- SettleMint personal/application/service access tokens (self-identifying prefixes).
rule("crypto-exchanges",
     id="settlemint-access-token",
     description="SettleMint access token (sm_pat_, sm_aat_, sm_sat_)",
     severity="high",
     keywords=["sm_pat_", "sm_aat_", "sm_sat_"],
     regex=r"\b(sm_(?:pat|aat|sat)_[0-9A-Za-z]{16})\b",
     min_entropy=3.3,
     remediation=("Delete the token in the SettleMint console (Profile > Access tokens, or the application's "
                  "access tokens), create a new one with an expiry, " + PURGE),
     examples=lambda g: [f"SETTLEMINT_ACCESS_TOKEN=sm_pat_{g.alnum(16)}", f"token: sm_aat_{g.alnum(16)}"],
     negative_examples=lambda g: [f"SETTLEMINT_ACCESS_TOKEN=sm_pat_{g.alnum(10)}", "sm_pat_xxxxxxxxxxxxxxxx"])

# ---- Trading-bot configs without an exchange name in the variable: ccxt constructors and
# freqtrade/OctoBot `"exchange": {...}` blocks.
rule("crypto-exchanges",
     id="ccxt-exchange-secret",
     description="Exchange API secret in a ccxt constructor (ccxt.<exchange>({apiKey, secret}))",
     severity="critical",
     keywords=["ccxt"],
     regex=(r"(?s)ccxt(?:\.pro)?\.\w+\s*\(\s*\{[^}]{0,400}?[\"']?secret[\"']?\s*:\s*[\"']([!-&(-~]{16,128})[\"']"),
     window=600,
     min_entropy=3.3,
     pair_with=["exchange-config-api-key", "exchange-config-password"],
     pair_lines=8,
     remediation=EXCHANGE_REMEDIATION.format(url="the exchange's API management page"),
     examples=lambda g: [
         f"exchange = ccxt.bybit({{\n    'apiKey': '{g.alnum(18)}',\n    'secret': '{g.alnum(36)}',\n}})",
         f"const ex = new ccxt.okx({{ apiKey: '{g.uuid()}', secret: '{g.hex(32).upper()}', password: '{g.password()}' }});",
     ],
     negative_examples=lambda g: [
         "exchange = ccxt.binance({'apiKey': API_KEY, 'secret': API_SECRET})",
         "const ex = new ccxt.kraken({ apiKey: process.env.KEY, secret: process.env.SECRET });",
         "exchange = ccxt.bybit({'apiKey': 'YOUR_API_KEY', 'secret': 'YOUR_SECRET'})",
     ])

rule("crypto-exchanges",
     id="freqtrade-exchange-secret",
     description="Exchange API secret in a freqtrade/OctoBot config (\"exchange\": {\"name\", \"key\", \"secret\"})",
     severity="critical",
     keywords=["\"exchange\""],
     regex=r"(?s)\"exchange\"\s*:\s*\{[^{}]{0,600}?\"secret\"\s*:\s*\"([!#-~]{16,128})\"",
     window=800,
     min_entropy=3.8,
     pair_with=["exchange-config-api-key", "exchange-config-password"],
     pair_lines=8,
     remediation=EXCHANGE_REMEDIATION.format(url="the exchange's API management page"),
     examples=lambda g: [
         '{\n  "exchange": {\n    "name": "binance",\n'
         f'    "key": "{g.alnum(64)}",\n    "secret": "{g.alnum(64)}",\n'
         '    "ccxt_config": {},\n    "pair_whitelist": ["BTC/USDT"]\n  }\n}',
     ],
     negative_examples=lambda g: [
         '{"exchange": {"name": "binance", "key": "", "secret": ""}}',
         '{"exchange": {"name": "binance", "key": "your_exchange_key", "secret": "your_exchange_secret"}}',
     ])

rule("crypto-exchanges",
     id="exchange-config-api-key",
     description="API key in a ccxt or freqtrade exchange config: only reported with its secret",
     severity="medium",
     keywords=["apikey", "\"key\""],
     regex=r"(?:[\"']?apiKey[\"']?|\"key\")\s*:\s*[\"']([A-Za-z0-9_-]{16,128})[\"']",
     min_entropy=3.3,
     companion_only=True,
     remediation=EXCHANGE_REMEDIATION.format(url="the exchange's API management page"),
     examples=lambda g: [f"ex = ccxt.bybit({{'apiKey': '{g.alnum(18)}', 'secret': '{g.alnum(36)}'}})"],
     negative_examples=lambda g: [f"{{'apiKey': '{g.alnum(18)}'}}"])

rule("crypto-exchanges",
     id="exchange-config-password",
     description="API passphrase in a ccxt or freqtrade exchange config: only reported with its secret",
     severity="critical",
     keywords=["password"],
     regex=r"[\"']?password[\"']?\s*:\s*[\"']([!#-&(-~]{4,64})[\"']",
     companion_only=True,
     remediation=EXCHANGE_REMEDIATION.format(url="the exchange's API management page"),
     examples=lambda g: [f"ex = ccxt.okx({{'apiKey': '{g.uuid()}', 'secret': '{g.hex(32).upper()}', 'password': '{g.password()}'}})"],
     negative_examples=lambda g: [f"{{'password': '{g.password()}'}}"])
