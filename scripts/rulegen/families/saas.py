"""Rules of the saas family."""
from rulegen.core import *  # noqa: F401,F403

# ============================== saas ==============================

rule("saas",
     id="sendgrid-api-key",
     description="SendGrid API key",
     severity="high",
     keywords=["SG."],
     regex=r"\b(SG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43})" + END_B64URL,
     min_entropy=4.0,
     remediation=("Delete the key at https://app.sendgrid.com/settings/api_keys, check Activity for mail sent with it, "
                  "create a new key with restricted access, " + PURGE),
     examples=lambda g: [
         f"SENDGRID_API_KEY=SG.{g.s(B64URL, 22)}.{g.s(B64URL, 43)}",
         f"sg = SendGridAPIClient('SG.{g.s(B64URL, 22)}.{g.s(B64URL, 43)}')",
         f'  "sendgrid": {{ "apiKey": "SG.{g.s(B64URL, 22)}.{g.s(B64URL, 43)}" }}',
     ],
     negative_examples=lambda g: [
         f"SENDGRID_API_KEY=SG.{g.s(B64URL, 22)}",
         f"SENDGRID_API_KEY=SG.{g.s(B64URL, 10)}.{g.s(B64URL, 20)}",
         "msg.send(payload)",
     ])

TWILIO_REMEDIATION = ("Delete the API key (or rotate the auth token: create a secondary token, then promote it) at "
                      "https://console.twilio.com/us1/account/keys-credentials/api-keys, review usage logs, " + PURGE)

rule("saas",
     id="twilio-api-key-sid",
     description="Twilio API key SID (SK…) next to a Twilio name",
     severity="medium",
     keywords=["twilio"],
     regex=r"(?i:twilio)[^\r\n]{0,80}?\b(SK[0-9a-f]{32})\b",
     min_entropy=3.0,
     remediation=TWILIO_REMEDIATION,
     examples=lambda g: [
         f"TWILIO_API_KEY=SK{g.hex(32)}",
         f'twilio_api_key_sid: "SK{g.hex(32)}"',
         f'const twilioClient = twilio("SK{g.hex(32)}", process.env.TWILIO_API_SECRET, {{ accountSid }});',
     ],
     negative_examples=lambda g: [
         f"TWILIO_ACCOUNT_SID=AC{g.hex(32)}",
         f"TWILIO_API_KEY=SK{g.hex(24)}",
         "TWILIO_API_KEY=SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
     ])

rule("saas",
     id="twilio-auth-token",
     description="Twilio auth token (32 hex) next to a Twilio auth-token name",
     severity="high",
     keywords=["twilio"],
     regex=(r"(?i:twilio[\w.-]{0,30}?auth[_.-]?token)\w*" + ASSIGN + r"([0-9a-f]{32})\b"),
     min_entropy=3.0,
     remediation=TWILIO_REMEDIATION,
     examples=lambda g: [
         f"TWILIO_AUTH_TOKEN={g.hex(32)}",
         f'twilio_auth_token: "{g.hex(32)}"',
         f'  "twilioAuthToken": "{g.hex(32)}",',
     ],
     negative_examples=lambda g: [
         f"TWILIO_AUTH_TOKEN={g.hex(31)}",
         f"TWILIO_ACCOUNT_SID=AC{g.hex(32)}",
         "TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}",
     ])

rule("saas",
     id="npm-access-token",
     description="npm access token (npm_)",
     severity="critical",
     keywords=["npm_"],
     regex=r"\b(npm_[0-9A-Za-z]{36})\b",
     min_entropy=3.5,
     validate="npm-crc32",
     remediation=("Revoke it with `npm token revoke` or at https://www.npmjs.com/settings/~/tokens, check recently "
                  "published versions of your packages, create a granular token, " + PURGE),
     examples=lambda g: [
         f"//registry.npmjs.org/:_authToken={g.crc_token('npm_')}",
         f"NPM_TOKEN={g.crc_token('npm_')}",
         f'  NODE_AUTH_TOKEN: "{g.crc_token("npm_")}"',
     ],
     negative_examples=lambda g: [
         "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
         f"NPM_TOKEN=npm_{g.alnum(20)}",
         # the right shape, a wrong checksum
         f"NPM_TOKEN={g.crc_token('npm_')[:-1]}{'A' if g.r.random() < .5 else 'B'}",
         "npm_config_registry=https://registry.npmjs.org/",
     ])

# A PyPI token is `pypi-` + the base64url of a v2 macaroon; `AgEIcHlwaS5vcmc` is its head (version 2,
# location packet `pypi.org`). The smallest real body (an identifier and the 32-byte signature in
# their packets) is over 48 characters; the validator checks the head, not the body (see
# src/engine/validators/macaroon.rs), so a token cut at a line wrap or with an edited body is reported.
rule("saas",
     id="pypi-api-token",
     description="PyPI API token (pypi- + base64url of a macaroon located at pypi.org)",
     severity="critical",
     keywords=["pypi-AgEIcHlwaS5vcmc"],
     regex=r"\b(pypi-AgEIcHlwaS5vcmc[0-9A-Za-z_-]{48,})",
     min_entropy=4.0,
     validate="pypi-macaroon",
     remediation=("Remove the token at https://pypi.org/manage/account/token/, check your projects' release history, "
                  "prefer Trusted Publishing, " + PURGE),
     examples=lambda g: [
         f"TWINE_PASSWORD={g.pypi()}",
         f"[pypi]\n  username = __token__\n  password = {g.pypi()}",
         f"uv publish --token {g.pypi()}",
         # the head, then a body that is not a whole macaroon (cut or edited)
         f'pypiToken := "pypi-AgEIcHlwaS5vcmc{g.s(B64URL, 64)}"',
     ],
     negative_examples=lambda g: [
         f"TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{g.s(B64URL, 20)}",
         f"TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{g.s(B64URL, 44)}",
         f"TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZw{g.s(B64URL, 120)}",
         "TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc...",
         # one character over a whole base64 group: not base64
         f"TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{g.s(B64URL, 62)}",
     ])


# ============================== productivity, project management, time tracking, CRM, sales
# intelligence, forms and surveys, events, accounting
#
# Most of these keys carry no prefix: they are found by the provider's name in the variable, key
# or tag that holds them (`nrule`, a variant of core.named_rule whose value is any regex). Where
# the provider's name is a common word in code (monday, notion, coda, podio, float, streak,
# apollo, refiner, holistic, canny, collect2, shortcut, close, zoom, toggl(e), intuit, prospect,
# autopilot, noticeable) only compound names count (`monday_api_token`, `codaToken`,
# `close-crm`), and those compound spellings are the keywords (`compound`).

# Three dot-separated base64url parts (a JWT, or a provider's JWT-like token); found only next
# to the provider's name, so the parts need not decode.
JWT3 = r"[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}"
# A credential word that must end a name for values whose shape alone is weak (a base or
# project ID of the same provider has the same shape).
SECRET_WORD = r"(?i:token|key|secret|passw(?:or)?d|pwd|pass|pat|auth)"


def secret_tail(head=16, word=SECRET_WORD):
    """The rest of a name that must hold a credential word (`_API_TOKEN`, `Token string`)."""
    return rf"[\w. -]{{0,{head}}}?" + word + r"[\w. -]{0,12}?"


def compound(bases, tails, space=False):
    """A provider name that is a common word, joined to a credential word (`monday_api`,
    `mondayToken`, `monday-secret`, `monday SECRET` when `space`): the name regex and its
    literal spellings, lowercase, as keywords."""
    seps = ["", "_", "-", "."] + ([" "] if space else [])
    sep_re = "[_." + (" " if space else "") + "-]?"
    regex = "(?:" + "|".join(re.escape(b) for b in bases) + ")" + sep_re + "(?:" + "|".join(tails) + ")"
    kws = sorted({(b + s + t).lower() for b in bases for t in tails for s in seps})
    return regex, kws


def nrule(id, description, names, value, make, where, severity="medium", keywords=None, words=None,
          min_entropy=3.2, what="key", verb="Revoke", extra="", tail=NAME_TAIL, end=END_B64URL, window=48,
          short=None, examples_extra=lambda g: [], negatives_extra=lambda g: []):
    """A key without a prefix next to its provider's name. `names`: regex alternatives (plain
    literals become the keywords unless `keywords` is given); `value`: the key's regex (no
    group); `make(g)`: a fake key; `where`: where to revoke it (URL or settings path);
    `short(g)`: a too-short look-alike (default: one character short)."""
    keywords = name_keywords(id, names, keywords)
    named_secret_rule("saas", id, description, name_context("|".join(names), tail) + f"({value})" + end,
                      keywords, make, name_words(keywords, words), remediation_at(where, what, verb, extra),
                      severity=severity, near_miss=lambda g, s: short(g) if short else s[:-1],
                      extra_examples=examples_extra, extra_negatives=negatives_extra,
                      min_entropy=min_entropy, window=window)


def prule(id, description, value, keywords, make, where, severity="high", words=None, min_entropy=3.5,
          what="token", verb="Revoke", extra="", start=r"\b", end=END_B64URL, negatives=lambda g: [],
          examples_extra=lambda g: []):
    """A self-identifying token (a literal prefix or fixed header): no name needed around it."""
    words = words or [id.split("-")[0], "token"]
    u, l, c, k = name_forms(words)
    rule("saas", id=id, description=description, severity=severity, keywords=keywords,
         regex=start + f"({value})" + end, min_entropy=min_entropy,
         remediation=remediation_at(where, what, verb, extra),
         examples=lambda g: token_examples(g, words, make, examples_extra),
         negative_examples=lambda g: [f"{u}=<your-{k}>", f'{c} = os.environ["{u}"]'] + negatives(g))


def uuid_any(g):
    u = g.uuid()
    return u.upper() if g.r.random() < 0.2 else u


# --- Atlassian (Jira, Confluence, Bitbucket access tokens) -----------------------------------------
# Cloud API tokens: `ATATT3xFfGF0` + 171 base64url + `=` + CRC32 (8 uppercase hex) of what precedes
# it. Bitbucket access tokens (`ATCTT3xFfGN0`, same layout) are the vcs family's
# bitbucket-access-token.

def atlassian_token(g, head):
    def make():
        body = head + g.s(B64URL, 171) + "="
        return body + f"{zlib.crc32(body.encode()):08X}"
    return g._clean(make)


ATL_API_TOKENS = "https://id.atlassian.com/manage-profile/security/api-tokens"

prule("atlassian-api-token",
      "Atlassian Cloud API token (ATATT3…) of a Jira / Confluence / Bitbucket user",
      r"ATATT3[A-Za-z0-9_-]{160,200}=[0-9A-Fa-f]{8}", ["atatt3"],
      lambda g: atlassian_token(g, "ATATT3xFfGF0"), ATL_API_TOKENS, severity="high",
      words=["jira", "api", "token"], min_entropy=4.0, what="API token",
      extra="check the audit log of the sites the user can reach, ",
      examples_extra=lambda g: [
          f"curl -u dev@corp.invalid:{atlassian_token(g, 'ATATT3xFfGF0')} https://acme.atlassian.net/rest/api/3/myself",
          f"jira = JIRA(server='https://acme.atlassian.net', basic_auth=('dev@corp.invalid', "
          f"'{atlassian_token(g, 'ATATT3xFfGF0')}'))"],
      negatives=lambda g: [
          f"JIRA_API_TOKEN=ATATT3xFfGF0{g.s(B64URL, 60)}",
          "JIRA_API_TOKEN=ATATT3xFfGF0...",
          f"BITBUCKET_TOKEN={atlassian_token(g, 'ATCTT3xFfGN0')}",
      ])

ATL_NAMES = ["atlassian", "jira", "confluence"]

nrule("atlassian-legacy-api-token",
      "Atlassian legacy API token or Jira/Confluence password (24 alphanumerics) next to an Atlassian/Jira/Confluence token name",
      ["atlassian|jira|confluence"], "[A-Za-z0-9]{24}", lambda g: g.alnum(24), ATL_API_TOKENS,
      severity="high", keywords=ATL_NAMES, words=["jira", "api", "token"], what="API token",
      tail=secret_tail(20),
      negatives_extra=lambda g: [
          f"jira_cloud_id = {g.uuid()}",
          f'confluence_space = "{g.alnum(24)}"',
          "getPagesInConfluenceSpace,searchConfluenceUsingCql",
      ])


def jira_pat(g):
    return g._clean(lambda: b64(g.digits(12).encode() + b":" + g.bytes(20)))


nrule("jira-personal-access-token",
      "Jira / Confluence Data Center personal access token (44 base64 chars) next to a Jira/Confluence token name",
      ["jira|confluence"], "[MNO][A-Za-z0-9+/]{43}", jira_pat,
      "your Jira / Confluence Data Center profile (Profile > Personal access tokens)", severity="high",
      keywords=["jira", "confluence"], words=["jira", "pat"], what="personal access token",
      tail=secret_tail(20), end=END_B64,
      examples_extra=lambda g: [f"confluence.personal.token = {jira_pat(g)}"],
      negatives_extra=lambda g: [f"JIRA_PAT={jira_pat(g)}{g.alnum(4)}"])

# --- Asana ---------------------------------------------------------------------------------------
ASANA_APPS = "https://app.asana.com/0/my-apps"


def asana_pat(g):
    if g.r.random() < 0.5:
        return f"1/{g.digits(16)}:{g.hex(32)}"
    return f"2/{g.digits(16)}/{g.digits(16)}:{g.hex(32)}"


rule("saas",
     id="asana-personal-access-token",
     description="Asana personal access token (1/… or 2/…:32 hex) near an Asana name",
     severity="high",
     keywords=["asana"],
     regex=r"(?i:asana)(?s:.{0,160}?)\b([0-2]/[0-9]{10,20}(?:/[0-9]{10,20})?:[0-9a-f]{32})\b",
     min_entropy=3.0,
     window=160,
     remediation=remediation_at(ASANA_APPS, "personal access token", "Deauthorize",
                                "check the workspace audit log, "),
     examples=lambda g: [
         f"ASANA_ACCESS_TOKEN={asana_pat(g)}",
         f'client = asana.Client.access_token("{asana_pat(g)}")',
         f"  asana:\n    token: {asana_pat(g)}",
         f"curl https://app.asana.com/api/1.0/users/me -H 'Authorization: Bearer {asana_pat(g)}'",
     ],
     negative_examples=lambda g: [
         f"ASANA_ACCESS_TOKEN=2/{g.digits(16)}/{g.digits(16)}:{g.hex(20)}",
         "ASANA_ACCESS_TOKEN=<your-asana-token>",
         f"token = '1/{g.digits(16)}:{g.hex(32)}'",
     ])

nrule("asana-client-secret",
      "Asana OAuth client secret or legacy API key (32 lowercase alphanumerics) next to an Asana name",
      ["asana"], "[a-z0-9]{32}", lambda g: g.s(DIGITS + LOWER, 32), ASANA_APPS, severity="high",
      words=["asana", "client", "secret"], what="client secret", verb="Reset")

nrule("asana-client-id",
      "Asana OAuth client ID or legacy numeric key (16 digits) next to an Asana client-id/key/token name",
      ["asana"], "[0-9]{16}", lambda g: g.digits(16), ASANA_APPS, severity="low",
      words=["asana", "client", "id"], min_entropy=2.5, what="app credentials", verb="Rotate",
      tail=secret_tail(16, r"(?i:client[_.-]?id|app[_.-]?id|token|key|secret)"),
      negatives_extra=lambda g: [f"ASANA_PROJECT_ID={g.digits(16)}", f'asana_workspace_gid: "{g.digits(16)}"'])

# --- Trello --------------------------------------------------------------------------------------
TRELLO_WHERE = "https://trello.com/power-ups/admin (API key) and https://trello.com/my/account (Applications: revoke tokens)"

TRELLO_URL = r"""trello\.com/1/[^\s"'<>]{0,200}?[?&]"""

nrule("trello-api-key",
      "Trello API key (32 alphanumerics) next to a Trello name or as key= of a Trello API URL",
      ["trello", TRELLO_URL + "key"], "[0-9a-z]{32}", lambda g: g.hex(32), TRELLO_WHERE, severity="medium",
      keywords=["trello"],
      words=["trello", "api", "key"], verb="Regenerate", min_entropy=3.0,
      negatives_extra=lambda g: [f"TRELLO_BOARD_ID={g.hex(24)}"])


def trello_token(g):
    if g.r.random() < 0.6:
        return "ATTA" + g.hex(64) + g.s("0123456789ABCDEF", 8)
    return g.hex(64)


nrule("trello-api-token",
      "Trello user token (ATTA + 72 hex, or legacy 64 hex) or OAuth secret next to a Trello name or as token= of a Trello API URL",
      [TRELLO_URL + "token", "trello"], r"ATTA[0-9a-f]{64}[0-9A-F]{8}|[0-9a-f]{64}", trello_token, TRELLO_WHERE,
      severity="high", keywords=["trello"],
      words=["trello", "token"], min_entropy=3.0, what="token",
      short=lambda g: "ATTA" + g.hex(60),
      examples_extra=lambda g: [
          f"https://api.trello.com/1/members/me/boards?key={g.hex(32)}&token=ATTA{g.hex(64)}{g.s('0123456789ABCDEF', 8)}"])

# --- monday.com ----------------------------------------------------------------------------------
MONDAY_RE, MONDAY_KW = compound(["monday"], ["api", "token", "key", "secret", "access", "auth", "com"], space=True)


def monday_token(g):
    def make():
        header = b64url(b'{"alg":"HS256"}')
        payload = json.dumps({"tid": g.r.randint(10**8, 10**9), "aai": 11, "uid": g.r.randint(10**7, 10**8),
                              "iad": "2024-03-05T10:11:12.000Z", "per": "me:write", "actid": g.r.randint(10**6, 10**7),
                              "rgn": "use1"}, separators=(",", ":"))
        return f"{header}.{b64url(payload.encode())}.{b64url(g.bytes(32))}"
    return g._clean(make)


nrule("monday-api-token",
      "monday.com API token (a JWT) next to a monday.com name (monday_api_token, MONDAY_TOKEN, monday.com key)",
      [MONDAY_RE], JWT3, monday_token,
      "the monday.com Developer Center (avatar > Developers > My access tokens: Regenerate)", severity="high",
      keywords=MONDAY_KW, words=["monday", "api", "token"], min_entropy=4.0, what="API token", verb="Regenerate",
      short=lambda g: monday_token(g)[:40],
      negatives_extra=lambda g: [f'day = "Monday"  # token = "{g.jwt()}"'])

# --- ClickUp -------------------------------------------------------------------------------------
prule("clickup-api-token",
      "ClickUp personal API token (pk_<user id>_<32 uppercase alphanumerics>)",
      r"pk_[0-9]{5,12}_[0-9A-Z]{32}", ["pk_"],
      lambda g: f"pk_{g.digits(g.r.randint(6, 9))}_{g.s(DIGITS + UPPER, 32)}",
      "https://app.clickup.com/settings/apps (Apps > API Token: Regenerate)", severity="high",
      words=["clickup", "api", "token"], min_entropy=3.5, verb="Regenerate",
      negatives=lambda g: [
          f"CLICKUP_API_TOKEN=pk_{g.digits(8)}_{g.s(DIGITS + UPPER, 20)}",
          f"STRIPE_PUBLISHABLE_KEY=pk_live_{g.alnum(24)}",
      ])

# --- Notion --------------------------------------------------------------------------------------
NOTION_KW = ["ntn_", "notion_", "notion-", "notion.", "notionapi", "notiontoken", "notionkey", "notionsecret",
             "notionhq", "notionclient", "notion=", "notion =", "notion:"]


def notion_token(g):
    if g.r.random() < 0.5:
        return f"ntn_{g.digits(11)}{g.alnum(35)}"
    return f"secret_{g.alnum(43)}"


rule("saas",
     id="notion-integration-token",
     description="Notion internal integration token (ntn_…, or secret_… next to a Notion name)",
     severity="high",
     keywords=NOTION_KW,
     regex=r"\b(ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})" + END_B64URL,
     min_entropy=3.5,
     window=120,
     remediation=remediation_at("https://www.notion.so/profile/integrations", "integration secret", "Refresh",
                                "check which pages were shared with the integration, "),
     examples=lambda g: [
         f"NOTION_TOKEN=ntn_{g.digits(11)}{g.alnum(35)}",
         f'notion = Client(auth="secret_{g.alnum(43)}")',
         f"headers = {{'Authorization': 'Bearer ntn_{g.digits(11)}{g.alnum(35)}', 'Notion-Version': '2022-06-28'}}",
         f'  "notionApiKey": "secret_{g.alnum(43)}",',
     ],
     negative_examples=lambda g: [
         f"NOTION_TOKEN=ntn_{g.digits(11)}{g.alnum(20)}",
         "NOTION_TOKEN=ntn_...",
         f'client_secret = "secret_{g.alnum(43)}"',
         f"NOTION_TOKEN=secret_{g.alnum(30)}",
     ])

# --- Airtable ------------------------------------------------------------------------------------
AIRTABLE_TOKENS = "https://airtable.com/create/tokens"


def airtable_pat(g):
    return f"pat{g.alnum(14)}.{g.hex(64)}"


rule("saas",
     id="airtable-personal-access-token",
     description="Airtable personal access token (pat<14>.<64 hex>) near an Airtable name",
     severity="high",
     keywords=["airtable"],
     regex=r"(?i:airtable)(?s:.{0,200}?)\b(pat[A-Za-z0-9]{14}\.[0-9a-f]{64})" + END_B64URL,
     min_entropy=3.5,
     window=200,
     remediation=remediation_at(AIRTABLE_TOKENS, "personal access token", "Delete",
                                "check the bases it could reach, "),
     examples=lambda g: [
         f"AIRTABLE_API_KEY={airtable_pat(g)}",
         f'const base = new Airtable({{ apiKey: "{airtable_pat(g)}" }}).base("app{g.alnum(14)}");',
         f"# airtable\nheaders = {{'Authorization': 'Bearer {airtable_pat(g)}'}}",
     ],
     negative_examples=lambda g: [
         f"AIRTABLE_API_KEY=pat{g.alnum(14)}.{g.hex(40)}",
         "AIRTABLE_API_KEY=patXXXXXXXXXXXXXX.<secret>",
         f"token = pat{g.alnum(14)}.{g.hex(64)}",
     ])

nrule("airtable-api-key",
      "Airtable legacy API key (17 alphanumerics, key…) next to an Airtable key/token name",
      ["airtable"], "[A-Za-z0-9]{17}", lambda g: "key" + g.alnum(14), AIRTABLE_TOKENS, severity="high",
      words=["airtable", "api", "key"], what="API key", verb="Delete",
      tail=secret_tail(),
      negatives_extra=lambda g: [f"AIRTABLE_BASE_ID=app{g.alnum(14)}", f'airtable_table: "tbl{g.alnum(14)}"'])

# --- Linear --------------------------------------------------------------------------------------
LINEAR_WHERE = "https://linear.app/settings/account/security (API keys and authorized applications)"

prule("linear-api-key", "Linear personal API key (lin_api_ + 40 alphanumerics)",
      r"lin_api_[A-Za-z0-9]{40}", ["lin_api_"], lambda g: "lin_api_" + g.alnum(40), LINEAR_WHERE,
      severity="high", words=["linear", "api", "key"], what="API key",
      negatives=lambda g: [f"LINEAR_API_KEY=lin_api_{g.alnum(30)}", "LINEAR_API_KEY=lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"])

prule("linear-oauth-access-token", "Linear OAuth access token (lin_oauth_ + 64 hex)",
      r"lin_oauth_[0-9a-f]{64}", ["lin_oauth_"], lambda g: "lin_oauth_" + g.hex(64), LINEAR_WHERE,
      severity="high", words=["linear", "access", "token"], min_entropy=3.0,
      negatives=lambda g: [f"LINEAR_ACCESS_TOKEN=lin_oauth_{g.hex(40)}"])

# --- Shortcut (formerly Clubhouse) ---------------------------------------------------------------
SHORTCUT_RE, SHORTCUT_KW = compound(["shortcut", "clubhouse"], ["api", "token", "key", "secret", "private", "access"],
                                    space=True)

nrule("shortcut-api-token", "Shortcut (formerly Clubhouse) API token (a UUID) next to a Shortcut/Clubhouse token name",
      [SHORTCUT_RE], UUID_ANY, uuid_any, "https://app.shortcut.com/settings/account/api-tokens", severity="high",
      keywords=SHORTCUT_KW, words=["shortcut", "api", "token"], min_entropy=3.0, what="API token",
      short=lambda g: g.uuid()[:-2],
      negatives_extra=lambda g: [f'keyboard_shortcut = "{g.uuid()}"'])

# --- Wrike, Todoist, Coda, Smartsheet, Podio, Zenkit, Nozbe, Dynalist, Boost Note, Supernotes -----
nrule("wrike-permanent-token", "Wrike permanent access token (JWT-like, three base64url parts) next to a Wrike name",
      ["wrike"], JWT3, jwt_of, "Wrike (Apps & Integrations > API: revoke the permanent token)", severity="high",
      words=["wrike", "token"], min_entropy=4.0, what="permanent token", short=lambda g: g.alnum(40))

nrule("todoist-api-token", "Todoist API token (40 hex) next to a Todoist name",
      ["todoist"], "[0-9a-f]{40}", lambda g: g.hex(40),
      "https://app.todoist.com/app/settings/integrations/developer", severity="high",
      words=["todoist", "api", "token"], min_entropy=3.0, what="API token", verb="Reset")

CODA_RE, CODA_KW = compound(["coda"], ["api", "token", "key", "secret", "access", "io"], space=True)

nrule("coda-api-token", "Coda API token (a UUID) next to a Coda token name (CODA_API_TOKEN, codaKey)",
      [CODA_RE], UUID_ANY, uuid_any, "https://coda.io/account (API settings)", severity="high",
      keywords=CODA_KW, words=["coda", "api", "token"], min_entropy=3.0, what="API token",
      short=lambda g: g.uuid()[:-2], negatives_extra=lambda g: [f"barcode_id = {g.uuid()}"])

nrule("smartsheet-access-token", "Smartsheet API access token (37 or 26 alphanumerics) next to a Smartsheet name",
      ["smartsheet"], "[A-Za-z0-9]{37}|[a-z0-9]{26}",
      lambda g: g.alnum(37) if g.r.random() < 0.6 else g.s(DIGITS + LOWER, 26),
      "Smartsheet (Account > Apps & Integrations > API Access)", severity="high",
      words=["smartsheet", "access", "token"], what="API access token", short=lambda g: g.alnum(30))

PODIO_RE, PODIO_KW = compound(["podio"], ["api", "token", "key", "secret", "client", "app"], space=True)

nrule("podio-api-secret", "Podio client secret (64 alphanumerics) or app token (32 hex) next to a Podio credential name",
      [PODIO_RE], "[A-Za-z0-9]{64}|[0-9a-f]{32}", lambda g: g.alnum(64) if g.r.random() < 0.5 else g.hex(32),
      "https://podio.com/settings/api (API keys) or the app's developer settings (app token)", severity="high",
      keywords=PODIO_KW, words=["podio", "client", "secret"], min_entropy=3.0, what="secret", verb="Regenerate",
      short=lambda g: g.hex(30))

nrule("zenkit-api-key", "Zenkit API key (8 alphanumerics, a dash, 32 alphanumerics) next to a Zenkit name",
      ["zenkit"], "[0-9A-Za-z]{8}-[0-9A-Za-z]{32}", lambda g: f"{g.s(DIGITS + LOWER, 8)}-{g.alnum(32)}",
      "Zenkit (Account settings > Developer > API keys)", severity="high",
      words=["zenkit", "api", "key"])

nrule("nozbe-api-token", "Nozbe API token (16 alphanumerics, _, then a long base64url part) next to a Nozbe name",
      ["nozbe"], "[A-Za-z0-9]{16}_[A-Za-z0-9_-]{40,90}={0,2}", lambda g: f"{g.alnum(16)}_{g.s(B64URL, 64)}",
      "Nozbe (Settings > API / integrations)", severity="high", words=["nozbe", "api", "token"],
      what="API token", short=lambda g: f"{g.alnum(16)}_{g.alnum(20)}", end=r"(?:[^0-9A-Za-z_=-]|$)")

nrule("dynalist-api-token", "Dynalist secret API token (long alphanumeric) next to a Dynalist name",
      ["dynalist"], "[A-Za-z0-9]{40,128}", lambda g: g.alnum(g.r.choice([64, 128])), "https://dynalist.io/developer",
      severity="high", words=["dynalist", "api", "token"], what="API token", verb="Regenerate",
      short=lambda g: g.alnum(30))

nrule("boostnote-api-token", "Boost Note API token (64 hex) next to a Boost Note name",
      ["boostnote", "boost[_.-]note"], "[0-9a-f]{64}", lambda g: g.hex(64),
      "Boost Note (Settings > API tokens)", severity="high", keywords=["boostnote", "boost_note", "boost-note", "boost.note"],
      words=["boostnote", "token"], min_entropy=3.0, what="API token")

nrule("supernotes-api-key", "Supernotes API key next to a Supernotes name",
      ["supernotes"], "[A-Za-z0-9_-]{40,64}", lambda g: g.s(B64URL, 43),
      "Supernotes (Settings > API keys)", severity="high", words=["supernotes", "api", "key"],
      short=lambda g: g.alnum(30))

# --- Workstack, Stormboard, MindMeister (Teamwork tkn.v1_ tokens: the social family's teamwork-api-token) -------
nrule("workstack-api-token", "Workstack API token (about 60 alphanumerics) next to a Workstack name",
      ["workstack"], "[A-Za-z0-9]{50,70}", lambda g: g.alnum(60), "Workstack (Settings > API)", severity="medium",
      words=["workstack", "api", "token"], what="API token", short=lambda g: g.alnum(40))

nrule("stormboard-api-key", "Stormboard API key (40 hex) next to a Stormboard name",
      ["stormboard"], "[0-9a-f]{40}", lambda g: g.hex(40), "Stormboard (Account settings > API key)",
      severity="medium", words=["stormboard", "api", "key"], min_entropy=3.0)

nrule("mindmeister-api-token", "MindMeister personal access token next to a MindMeister name",
      ["mindmeister"], "[A-Za-z0-9]{35,50}", lambda g: g.alnum(43), "https://www.mindmeister.com/api (personal access tokens)",
      severity="medium", words=["mindmeister", "token"], what="access token", short=lambda g: g.alnum(30))

# --- Time tracking ----------------------------------------------------------------------------------
nrule("everhour-api-key", "Everhour API key (hex groups 4-4-6-6-8) next to an Everhour name",
      ["everhour"], "[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{6}-[0-9a-fA-F]{6}-[0-9a-fA-F]{8}",
      lambda g: "-".join(g.hex(n) for n in (4, 4, 6, 6, 8)), "https://app.everhour.com/#/account/profile (API token)",
      severity="medium", words=["everhour", "api", "key"], min_entropy=3.0, verb="Reset")

nrule("clockify-api-key", "Clockify API key (48 alphanumerics) next to a Clockify name",
      ["clockify"], "[A-Za-z0-9]{48}", lambda g: g.alnum(48), "https://app.clockify.me/user/preferences#advanced (API keys)",
      severity="medium", words=["clockify", "api", "key"], verb="Delete")

TOGGL_RE = r"toggl(?:[ _.-]?(?:track|api|token|key|secret|access|auth|pass)|[ _.-])"
TOGGL_KW = ["toggl_", "toggl-", "toggl.", "toggl ", "toggltrack", "togglapi", "toggltoken", "togglkey",
            "togglsecret", "togglaccess", "togglauth", "togglpass"]

nrule("toggl-api-token", "Toggl Track API token (32 alphanumerics) next to a Toggl name",
      [TOGGL_RE], "[A-Za-z0-9]{32,36}", lambda g: g.hex(32), "https://track.toggl.com/profile (API Token: Reset)",
      severity="medium", keywords=TOGGL_KW, words=["toggl", "api", "token"], min_entropy=3.0,
      what="API token", verb="Reset", short=lambda g: g.hex(28),
      negatives_extra=lambda g: [f"toggle_id = {g.hex(32)}", f"toggleKey: {g.hex(32)}"])

nrule("timecamp-api-token", "TimeCamp API token (26 alphanumerics) next to a TimeCamp name",
      ["timecamp"], "[A-Za-z0-9]{26}", lambda g: g.s(DIGITS + LOWER, 26), "TimeCamp (Profile settings > API token)",
      severity="medium", words=["timecamp", "api", "token"], what="API token")

nrule("tmetric-api-token", "TMetric API token (64 hex) next to a TMetric name",
      ["tmetric"], "[0-9a-fA-F]{64}", lambda g: g.hex(64).upper(), "TMetric (My profile > API tokens)",
      severity="medium", words=["tmetric", "api", "token"], min_entropy=3.0, what="API token")

nrule("worksnaps-api-token", "Worksnaps API token (40 alphanumerics) next to a Worksnaps name",
      ["worksnaps"], "[A-Za-z0-9]{40}", lambda g: g.alnum(40), "Worksnaps (Profile & Settings > Web Service API: reset)",
      severity="medium", words=["worksnaps", "api", "token"], what="API token", verb="Reset")

nrule("beebole-api-token", "Beebole API token (40-44 alphanumerics) next to a Beebole name",
      ["beebole"], "[A-Za-z0-9]{40,44}", lambda g: g.hex(40), "Beebole (Settings > API token)",
      severity="medium", words=["beebole", "api", "token"], min_entropy=3.0, what="API token")

nrule("myintervals-api-key", "Intervals (myintervals) API key (11 alphanumerics) next to a myintervals name",
      ["myintervals"], "[A-Za-z0-9]{11}", lambda g: g.s(DIGITS + LOWER, 11), "Intervals (My account > API access)",
      severity="medium", words=["myintervals", "api", "key"], min_entropy=2.8)

nrule("paymo-api-key", "Paymo API key next to a Paymo name",
      [r"paymoapp|paymo[ _.-]|paymo(?:api|key|token|secret)"], "[A-Za-z0-9]{30,50}", lambda g: g.alnum(44), "Paymo (My account > API keys)",
      severity="medium", keywords=["paymo"], words=["paymo", "api", "key"], short=lambda g: g.alnum(25),
      negatives_extra=lambda g: [f"PAYMONGO_SECRET_KEY=sk_live_{g.alnum(24)}"])

FLOAT_RE, FLOAT_KW = compound(["float"], ["api", "app"])

nrule("float-api-key", "Float (float.com resource scheduling) API key next to a Float API name (FLOAT_API_KEY, float.com token)",
      [FLOAT_RE], "[A-Za-z0-9+/]{32,88}={0,2}", lambda g: g.b64_clean(45), "Float (Team settings > Integrations > API)",
      severity="medium", keywords=FLOAT_KW, words=["float", "api", "key"], short=lambda g: g.alnum(24),
      end=r"(?:[^0-9A-Za-z+/=]|$)",
      negatives_extra=lambda g: [f"float_value = {g.b64_clean(45)}"])

nrule("goodday-api-token", "GoodDay API token (32 hex) next to a GoodDay name",
      ["goodday", "good[_.-]day"], "[0-9a-f]{32}", lambda g: g.hex(32), "GoodDay (Organization settings > API)",
      severity="medium", keywords=["goodday", "good_day", "good-day", "good.day"], words=["goodday", "api", "token"],
      min_entropy=3.0, what="API token")

nrule("tallyfy-api-token", "Tallyfy API access token (JWT) next to a Tallyfy name",
      ["tallyfy"], JWT3, jwt_of, "Tallyfy (Settings > Integrations > REST API)", severity="high",
      words=["tallyfy", "api", "token"], min_entropy=4.0, what="access token", short=lambda g: g.alnum(40))

# --- CRM -------------------------------------------------------------------------------------------
HUBSPOT_WHERE = "HubSpot (Settings > Integrations > Private Apps: rotate the access token)"

prule("hubspot-private-app-token", "HubSpot private app / personal access token (pat-na1-<uuid>)",
      r"pat-(?:na|eu|ap)[0-9]{1,2}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
      ["pat-na", "pat-eu", "pat-ap"],
      lambda g: f"pat-{g.r.choice(['na1', 'na2', 'eu1'])}-{g.uuid()}", HUBSPOT_WHERE, severity="high",
      words=["hubspot", "access", "token"], min_entropy=3.0, verb="Rotate",
      negatives=lambda g: [f"HUBSPOT_ACCESS_TOKEN=pat-na1-{g.uuid()[:20]}", f"PORTAL_ID=pat-na1-{g.hex(8)}"])

nrule("hubspot-api-key", "HubSpot legacy API key / developer API key (hapikey, a UUID) next to a HubSpot key/token name",
      ["hubspot" + secret_tail(), "hapikey"], UUID_ANY, uuid_any,
      HUBSPOT_WHERE.replace("Private Apps: rotate the access token", "API key / Developer API key"),
      tail="", keywords=["hubspot", "hapikey"],
      severity="high", words=["hubspot", "api", "key"], min_entropy=3.0, short=lambda g: g.uuid()[:-2],
      examples_extra=lambda g: [f"https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey={g.uuid()}"],
      negatives_extra=lambda g: [f"HUBSPOT_PORTAL_ID={g.digits(8)}", f'hubspotFormId: "{g.uuid()}"',
                                 f"HUBSPOT_FORM_GUID={g.uuid()}"])

SF_WHERE = ("Salesforce Setup (Session Management: remove the session; Connected Apps OAuth Usage: revoke the "
            "app's tokens)")


def sf_access(g):
    return f"00D{g.alnum(12)}!{g.s(ALNUM + '._', 96)}"


prule("salesforce-access-token", "Salesforce session ID / OAuth access token (00D<org id>!<session>)",
      r"00D[0-9A-Za-z]{12,15}![0-9A-Za-z._]{80,200}", ["00d"], sf_access, SF_WHERE, severity="high",
      words=["sf", "access", "token"], min_entropy=4.0, verb="Revoke",
      end=r"(?:[^0-9A-Za-z._]|$)",
      examples_extra=lambda g: [f"sf org display\nAccess Token      {sf_access(g)}\nInstance Url      https://acme.my.salesforce.com"],
      negatives=lambda g: [f"SF_ACCESS_TOKEN=00D{g.alnum(12)}!{g.alnum(30)}", f"ORG_ID=00D{g.alnum(15)}"])

prule("salesforce-refresh-token", "Salesforce OAuth refresh token (5Aep86…)",
      r"5Aep86[0-9A-Za-z._]{75,100}", ["5aep86"], lambda g: "5Aep86" + g.s(ALNUM + "._", 81), SF_WHERE,
      severity="high", words=["sf", "refresh", "token"], min_entropy=4.0, end=r"(?:[^0-9A-Za-z._]|$)",
      negatives=lambda g: [f"SF_REFRESH_TOKEN=5Aep86{g.alnum(30)}"])


def sf_secret(g):
    return g.s("0123456789ABCDEF", 64) if g.r.random() < 0.6 else g.digits(19)


nrule("salesforce-consumer-secret", "Salesforce connected app consumer (client) secret (64 hex or 19 digits) next to a Salesforce secret name",
      ["salesforce", "sfdc"], "[0-9A-Fa-f]{64}|[0-9]{19}", sf_secret,
      "Salesforce Setup (App Manager > the connected app > Manage Consumer Details: generate a new secret)",
      severity="high", words=["salesforce", "consumer", "secret"], min_entropy=2.8, what="consumer secret",
      verb="Regenerate", tail=secret_tail(20, r"(?i:consumer|client)[_.-]?(?i:secret)"),
      short=lambda g: g.digits(15), negatives_extra=lambda g: [f"SALESFORCE_ORG_ID=00D{g.alnum(15)}"])

nrule("pipedrive-api-token", "Pipedrive API token (40 alphanumerics) next to a Pipedrive name",
      ["pipedrive"], "[0-9a-z]{40}", lambda g: g.hex(40), "https://app.pipedrive.com/settings/api", severity="high",
      words=["pipedrive", "api", "token"], min_entropy=3.0, what="API token", verb="Regenerate")

CLOSE_RE, CLOSE_KW = compound(["close"], ["crm", "io", "com", "api"])


def close_key(g):
    return f"api_{g.alnum(22)}.{g.alnum(22)}"


nrule("close-api-key", "Close CRM API key (api_<22>.<22>) next to a Close name (CLOSE_API_KEY, closecrm, close.io)",
      [CLOSE_RE], r"api_[A-Za-z0-9]{22}\.?[A-Za-z0-9]{22,26}", close_key,
      "https://app.close.com/settings/developer/api-keys/", severity="high", keywords=CLOSE_KW,
      words=["close", "api", "key"], min_entropy=3.5, short=lambda g: f"api_{g.alnum(22)}",
      negatives_extra=lambda g: [f"file.close()  # api_{g.alnum(22)}.{g.alnum(22)}"])

nrule("insightly-api-key", "Insightly API key (a UUID) next to an Insightly name",
      ["insightly"], UUID_ANY, uuid_any, "Insightly (User settings > API key: reset)", severity="high",
      words=["insightly", "api", "key"], min_entropy=3.0, verb="Reset", short=lambda g: g.uuid()[:-2])

LACRM_KW = ["lessannoying", "less_annoying", "less-annoying", "less.annoying", "lacrm"]

nrule("lessannoyingcrm-api-key", "Less Annoying CRM API key (<user code>-<key>) next to a Less Annoying CRM name",
      ["less[_.-]?annoying|lacrm"], "[0-9]{4,10}-[A-Za-z0-9]{30,60}", lambda g: f"{g.digits(7)}-{g.alnum(50)}",
      "https://account.lessannoyingcrm.com/app/Settings/Api", severity="high", keywords=LACRM_KW,
      words=["lacrm", "api", "key"], short=lambda g: f"{g.digits(7)}-{g.alnum(20)}")

PROSPECT_RE, PROSPECT_KW = compound(["prospect"], ["crm", "api", "key", "token", "secret", "access"], space=True)

nrule("prospectcrm-api-key", "Prospect CRM API key (32 hex) next to a Prospect CRM name",
      [PROSPECT_RE], "[0-9a-f]{32}", lambda g: g.hex(32), "Prospect CRM (Settings > API)", severity="high",
      keywords=PROSPECT_KW, words=["prospect", "crm", "key"], min_entropy=3.0)

nrule("salesflare-api-key", "Salesflare API key next to a Salesflare name",
      ["salesflare"], "[A-Za-z0-9]{40,50}", lambda g: g.alnum(45), "https://app.salesflare.com/#/settings/apikeys",
      severity="high", words=["salesflare", "api", "key"], short=lambda g: g.alnum(30))

nrule("salesblink-api-key", "SalesBlink API key (key-<64 hex>) next to a SalesBlink name",
      ["salesblink"], "key-[0-9A-Fa-f]{64}|[0-9A-Fa-f]{64}", lambda g: "key-" + g.hex(64),
      "SalesBlink (Settings > API)", severity="high", words=["salesblink", "api", "key"], min_entropy=3.0,
      short=lambda g: "key-" + g.hex(40))

nrule("kylas-api-key", "Kylas CRM API key (a UUID) next to a Kylas name",
      ["kylas"], UUID_ANY, uuid_any, "Kylas (Settings > API keys)", severity="high",
      words=["kylas", "api", "key"], min_entropy=3.0, short=lambda g: g.uuid()[:-2])

nrule("streak-api-key", "Streak CRM API key (32 hex) next to a Streak API name",
      [compound(["streak"], ["api", "key", "token", "secret", "crm"])[0]], "[0-9a-f]{32}", lambda g: g.hex(32),
      "Streak (Settings > Integrations > API keys)", severity="high",
      keywords=compound(["streak"], ["api", "key", "token", "secret", "crm"])[1], words=["streak", "api", "key"],
      min_entropy=3.0, negatives_extra=lambda g: [f"login_streak = {g.hex(32)}"])

# --- Feedback (CSAT) -------------------------------------------------------------------------------
nrule("nicereply-api-key", "Nicereply API key (40 hex) next to a Nicereply name",
      ["nicereply"], "[0-9a-f]{40}", lambda g: g.hex(40), "Nicereply (Settings > API)", severity="medium",
      words=["nicereply", "api", "key"], min_entropy=3.0)

nrule("simplesat-api-key", "Simplesat API key (40 alphanumerics) next to a Simplesat name",
      ["simplesat"], "[A-Za-z0-9]{40}", lambda g: g.alnum(40), "Simplesat (Settings > API)", severity="medium",
      words=["simplesat", "api", "key"])

# --- Sales engagement and intelligence -----------------------------------------------------------------
nrule("overloop-api-key", "Overloop API key next to an Overloop name",
      ["overloop"], "[A-Za-z0-9_-]{40,60}", lambda g: g.s(B64URL, 50), "Overloop (Settings > API)", severity="high",
      words=["overloop", "api", "key"], short=lambda g: g.alnum(30))

nrule("autoklose-api-key", "Autoklose API key (32 alphanumerics) next to an Autoklose name",
      ["autoklose"], "[A-Za-z0-9]{32}", lambda g: g.alnum(32), "Autoklose (Settings > API)", severity="high",
      words=["autoklose", "api", "key"])

nrule("interseller-api-key", "Interseller API key (a UUID) next to an Interseller name",
      ["interseller"], UUID_ANY, uuid_any, "Interseller (Settings > API)", severity="high",
      words=["interseller", "api", "key"], min_entropy=3.0, short=lambda g: g.uuid()[:-2])

nrule("uplead-api-key", "UpLead API key (32 alphanumerics) next to an UpLead name",
      ["uplead"], "[A-Za-z0-9]{32}", lambda g: g.s(DIGITS + LOWER, 32), "UpLead (Account > API)", severity="medium",
      words=["uplead", "api", "key"])

nrule("rocketreach-api-key", "RocketReach API key next to a RocketReach name",
      ["rocketreach"], "[A-Za-z0-9][A-Za-z0-9-]{30,48}[A-Za-z0-9]", lambda g: f"{g.hex(6)}k{g.hex(32)}",
      "https://rocketreach.co/account?section=nav_gen_api (API key: regenerate)", severity="medium",
      words=["rocketreach", "api", "key"], min_entropy=3.0, short=lambda g: g.hex(24))

APOLLO_RE, APOLLO_KW = compound(["apollo"], ["io", "api", "key", "secret", "token"])

nrule("apollo-api-key", "Apollo.io API key (22 characters) next to an Apollo.io key name (APOLLO_API_KEY, apollo.io token)",
      [APOLLO_RE], "[A-Za-z0-9_-]{22}", lambda g: g.s(B64URL, 22),
      "https://app.apollo.io/#/settings/integrations/api (API keys)", severity="medium", keywords=APOLLO_KW,
      words=["apollo", "api", "key"],
      negatives_extra=lambda g: [f"APOLLO_KEY=service:my-graph:{g.s(B64URL, 22)}", f"apollo_client_name = {g.alnum(22)}"])

nrule("clearbit-api-key", "Clearbit secret API key (sk_ + 32 hex) next to a Clearbit name",
      ["clearbit"], "sk_[0-9a-f]{32}|[0-9a-z]{35}", lambda g: "sk_" + g.hex(32),
      "https://dashboard.clearbit.com/api (API keys: rotate)", severity="medium", words=["clearbit", "api", "key"],
      min_entropy=3.0, verb="Rotate", short=lambda g: "sk_" + g.hex(24),
      negatives_extra=lambda g: [f"CLEARBIT_PUBLISHABLE_KEY=pk_{g.hex(32)}"])

PDL_KW = ["peopledatalabs", "people_data_labs", "people-data-labs", "people.data.labs", "pdl_api", "pdlapi", "pdl-api",
          "pdl.api"]

nrule("peopledatalabs-api-key", "People Data Labs API key (64 hex) next to a People Data Labs name",
      [r"peopledatalabs|people_data_labs|people-data-labs|people\.data\.labs|pdl[_.-]?api"], "[0-9a-f]{64}", lambda g: g.hex(64),
      "https://dashboard.peopledatalabs.com/api-keys", severity="medium", keywords=PDL_KW,
      words=["peopledatalabs", "api", "key"], min_entropy=3.0)

nrule("leadfeeder-api-token", "Leadfeeder (Dealfront) API token next to a Leadfeeder name",
      ["leadfeeder"], "[A-Za-z0-9-]{32,64}", lambda g: g.s(ALNUM, 48), "Leadfeeder (Personal settings > API tokens)",
      severity="medium", words=["leadfeeder", "api", "token"], what="API token", short=lambda g: g.alnum(24))

AUTOPILOT_RE, AUTOPILOT_KW = compound(["autopilot"], ["hq", "api", "key", "token", "secret", "private", "access"],
                                      space=True)

nrule("autopilot-api-key", "Autopilot (Ortto) API key (hex) next to an Autopilot key name",
      [AUTOPILOT_RE], "[0-9a-f]{32,40}", lambda g: g.hex(32), "Autopilot (Settings > Autopilot API)", severity="medium",
      keywords=AUTOPILOT_KW, words=["autopilot", "api", "key"], min_entropy=3.0, short=lambda g: g.hex(28))

nrule("axonaut-api-key", "Axonaut API key (32 alphanumerics) next to an Axonaut name",
      ["axonaut"], "[A-Za-z0-9]{32}", lambda g: g.alnum(32), "Axonaut (Settings > API)", severity="high",
      words=["axonaut", "api", "key"])

nrule("caflou-api-token", "Caflou API token (long) next to a Caflou name",
      ["caflou"], "[A-Za-z0-9_.-]{64,300}", lambda g: g.alnum(160), "Caflou (Settings > API)", severity="high",
      words=["caflou", "api", "token"], what="API token", short=lambda g: g.alnum(40))

HOLISTIC_RE, HOLISTIC_KW = compound(["holistic"], ["api", "key", "token", "secret", "access"])

nrule("holistic-api-key", "Holistic API key (hex) next to a Holistic key name",
      [HOLISTIC_RE], "[0-9a-f]{64,84}", lambda g: g.hex(64), "Holistic (Settings > API)", severity="medium",
      keywords=HOLISTIC_KW, words=["holistic", "api", "key"], min_entropy=3.0, short=lambda g: g.hex(50))

nrule("reallysimplesystems-api-key", "Really Simple Systems CRM API key (JWT-like) next to a Really Simple Systems name",
      [r"reallysimplesystems|really_simple_systems|really-simple-systems|really\.simple\.systems"], JWT3, jwt_of, "Really Simple Systems (Settings > API keys)", severity="high",
      keywords=["reallysimplesystems", "really_simple_systems", "really-simple-systems", "really.simple.systems"],
      words=["reallysimplesystems", "api", "key"], min_entropy=4.0, short=lambda g: g.alnum(40))

nrule("rentman-api-token", "Rentman API token (JWT) next to a Rentman name",
      ["rentman"], JWT3, jwt_of, "Rentman (Configuration > Extensions > API: regenerate)", severity="high",
      words=["rentman", "api", "token"], min_entropy=4.0, what="API token", short=lambda g: g.alnum(40))

nrule("mavenlink-api-token", "Mavenlink (Kantata) OAuth token (64 hex) next to a Mavenlink/Kantata name",
      ["mavenlink", "kantata"], "[0-9a-f]{64}", lambda g: g.hex(64),
      "Mavenlink / Kantata (Settings > Integrations > OAuth applications)", severity="high",
      words=["mavenlink", "token"], min_entropy=3.0, what="token")

nrule("lendflow-api-token", "Lendflow API token (JWT-like) next to a Lendflow name",
      ["lendflow"], JWT3, jwt_of, "Lendflow (dashboard > API keys)", severity="high",
      words=["lendflow", "api", "token"], min_entropy=4.0, what="API token", short=lambda g: g.alnum(40))

# --- Forms, surveys, product feedback ------------------------------------------------------------------
prule("typeform-personal-access-token", "Typeform personal access token (tfp_…)",
      r"tfp_[A-Za-z0-9][A-Za-z0-9_=.-]{54,64}", ["tfp_"], lambda g: f"tfp_{g.alnum(44)}_{g.alnum(14)}",
      "https://admin.typeform.com/user/tokens (Personal tokens)", severity="high",
      words=["typeform", "token"], min_entropy=3.5, what="personal access token",
      end=r"(?:[^0-9A-Za-z_=.-]|$)",
      negatives=lambda g: [f"TYPEFORM_TOKEN=tfp_{g.alnum(30)}"])

nrule("jotform-api-key", "Jotform API key (32 alphanumerics) next to a Jotform name",
      ["jotform"], "[A-Za-z0-9]{32}", lambda g: g.hex(32), "https://www.jotform.com/myaccount/api", severity="high",
      words=["jotform", "api", "key"], min_entropy=3.0)

nrule("surveysparrow-api-token", "SurveySparrow access token next to a SurveySparrow name",
      ["surveysparrow"], "[A-Za-z0-9_-]{40,130}", lambda g: g.s(B64URL, 64),
      "SurveySparrow (Settings > Apps & Integrations > API access tokens)", severity="high",
      words=["surveysparrow", "api", "token"], what="access token", short=lambda g: g.alnum(30))

nrule("surveybot-api-key", "SurveyBot API key next to a SurveyBot name",
      ["surveybot"], "[A-Za-z0-9]{64,90}", lambda g: g.alnum(80), "SurveyBot (Settings > API)", severity="medium",
      words=["surveybot", "api", "key"], short=lambda g: g.alnum(40))

nrule("qualaroo-api-key", "Qualaroo API key or secret (64 alphanumerics) next to a Qualaroo name",
      ["qualaroo"], "[A-Za-z0-9]{64}", lambda g: g.alnum(64), "Qualaroo (Account > API credentials)",
      severity="medium", words=["qualaroo", "api", "key"])

nrule("pollsapi-api-key", "Polls API key (28 uppercase alphanumerics) next to a pollsapi name",
      ["polls[_.-]?api"], "[A-Z0-9]{28}", lambda g: g.s(DIGITS + UPPER, 28), "Polls API (dashboard > API key)",
      severity="medium", keywords=["pollsapi", "polls_api", "polls-api", "polls.api"], words=["pollsapi", "key"])

nrule("formio-api-key", "Form.io project API key (30 alphanumerics) or x-jwt-token next to a Form.io name",
      ["form[_.-]?io"], "[A-Za-z0-9]{30}|" + JWT3, lambda g: g.alnum(30) if g.r.random() < 0.5 else g.jwt(),
      "Form.io (Project settings > API keys)", severity="high",
      keywords=["formio", "form_io", "form-io", "form.io"], words=["formio", "api", "key"], short=lambda g: g.alnum(24))

nrule("feedier-api-key", "Feedier API key (32 alphanumerics) next to a Feedier name",
      ["feedier"], "[A-Za-z0-9]{32}", lambda g: g.alnum(32), "Feedier (Settings > API)", severity="medium",
      words=["feedier", "api", "key"])

REFINER_RE, REFINER_KW = compound(["refiner"], ["io", "api", "key", "token", "secret"])

nrule("refiner-api-key", "Refiner (refiner.io) API key (a UUID) next to a Refiner key name",
      [REFINER_RE], UUID_ANY, uuid_any, "Refiner (Settings > Integrations > REST API)", severity="medium",
      keywords=REFINER_KW, words=["refiner", "api", "key"], min_entropy=3.0, short=lambda g: g.uuid()[:-2],
      negatives_extra=lambda g: [f"refiner_checkpoint = {g.uuid()}"])

nrule("userflow-api-key", "Userflow API key (ak_…) next to a Userflow name",
      ["userflow"], "ak_[A-Za-z0-9]{20,40}", lambda g: "ak_" + g.s(DIGITS + LOWER, 26),
      "https://app.userflow.com/settings/api", severity="medium", words=["userflow", "api", "key"],
      short=lambda g: "ak_" + g.alnum(10),
      negatives_extra=lambda g: [f"USERFLOW_TOKEN=ct_{g.s(DIGITS + LOWER, 26)}"])

NOTICEABLE_RE, NOTICEABLE_KW = compound(["noticeable"], ["api", "key", "token", "secret", "access"])

nrule("noticeable-api-key", "Noticeable API key (20 alphanumerics) next to a Noticeable key name",
      [NOTICEABLE_RE], "[A-Za-z0-9]{20}", lambda g: g.alnum(20), "Noticeable (Settings > API keys)",
      severity="medium", keywords=NOTICEABLE_KW, words=["noticeable", "api", "key"])

CANNY_RE, CANNY_KW = compound(["canny"], ["io", "api", "key", "token", "secret"])

nrule("canny-api-key", "Canny (canny.io) API key (a UUID) next to a Canny key name",
      [CANNY_RE], UUID_ANY, uuid_any, "Canny (Settings > API)", severity="medium", keywords=CANNY_KW,
      words=["canny", "api", "key"], min_entropy=3.0, short=lambda g: g.uuid()[:-2],
      negatives_extra=lambda g: [f"canny_threshold = {g.uuid()}"])

COLLECT2_RE, COLLECT2_KW = compound(["collect2"], ["api", "key", "token", "secret", "private", "access"], space=True)

nrule("collect2-api-key", "Collect2 API key (a UUID) next to a Collect2 key name",
      [COLLECT2_RE], UUID_ANY, uuid_any, "Collect2 (Settings > API)", severity="medium", keywords=COLLECT2_KW,
      words=["collect2", "api", "key"], min_entropy=3.0, short=lambda g: g.uuid()[:-2],
      negatives_extra=lambda g: [f"collect2: error: ld returned 1 exit status {g.uuid()}"])

# --- Scheduling and events -----------------------------------------------------------------------------
nrule("calendly-api-token", "Calendly personal access token (JWT) or legacy API key next to a Calendly name",
      ["calendly"], JWT3 + "|[A-Z0-9]{32}", lambda g: g.jwt() if g.r.random() < 0.7 else g.s(DIGITS + UPPER, 32),
      "https://calendly.com/integrations/api_webhooks", severity="high", words=["calendly", "api", "token"],
      min_entropy=3.5, what="token", short=lambda g: g.s(DIGITS + UPPER, 24))

nrule("eventbrite-private-token", "Eventbrite private token / API key (20 uppercase alphanumerics) next to an Eventbrite name",
      ["eventbrite"], "[A-Z0-9]{20}", lambda g: g.s(DIGITS + UPPER, 20), "https://www.eventbrite.com/platform/api-keys",
      severity="high", words=["eventbrite", "token"], what="private token")

nrule("signupgenius-api-key", "SignUpGenius API key (32 hex) next to a SignUpGenius name",
      ["signupgenius"], "[0-9a-f]{32}", lambda g: g.hex(32), "SignUpGenius (Pro Tools > API key)",
      severity="medium", words=["signupgenius", "api", "key"], min_entropy=3.0)

nrule("tickettailor-api-key", "Ticket Tailor API key (sk_<n>_<n>_<hex>) next to a Ticket Tailor name",
      ["ticket[_.-]?tailor"], "sk_[0-9]{2,8}_[0-9]{4,10}_[0-9a-f]{32,40}",
      lambda g: f"sk_{g.digits(4)}_{g.digits(6)}_{g.hex(32)}", "Ticket Tailor (Box office settings > API)",
      severity="high", keywords=["tickettailor", "ticket_tailor", "ticket-tailor", "ticket.tailor"],
      words=["tickettailor", "api", "key"], min_entropy=3.0, short=lambda g: f"sk_{g.digits(4)}_{g.digits(6)}_{g.hex(20)}")

nrule("ticketmaster-api-key", "Ticketmaster Discovery API consumer key (32 alphanumerics) next to a Ticketmaster name",
      ["ticketmaster"], "[A-Za-z0-9]{32}", lambda g: g.alnum(32), "https://developer-acct.ticketmaster.com/user/me/apps",
      severity="medium", words=["ticketmaster", "api", "key"])

ZOOM_RE, ZOOM_KW = compound(["zoom"], ["api", "client", "jwt", "oauth", "sdk", "app", "s2s", "secret"])

nrule("zoom-client-secret", "Zoom app client secret / JWT API secret (32-36 alphanumerics) next to a Zoom secret name",
      [ZOOM_RE], "[A-Za-z0-9]{32,36}", lambda g: g.alnum(32),
      "https://marketplace.zoom.us/user/build (the app > App credentials: regenerate the client secret)",
      severity="high", keywords=ZOOM_KW, words=["zoom", "client", "secret"], what="client secret",
      verb="Regenerate", tail=secret_tail(16, r"(?i:secret)"), short=lambda g: g.alnum(24),
      negatives_extra=lambda g: [f"ZOOM_CLIENT_ID={g.alnum(32)}", f"zoom_level = {g.alnum(32)}"])


def miro_token(g):
    region = g.r.choice(["eu01", "us01"])
    head = b64url(json.dumps({"miro.origin": region}, separators=(",", ":")).encode())
    return f"{head}_{g.s(B64URL, 27)}"


prule("miro-access-token", "Miro REST API access token (eyJtaXJvLm9yaWdpbiI6… prefix)",
      r"eyJtaXJvLm9yaWdpbiI6I[A-Za-z0-9]{6,16}_[A-Za-z0-9_-]{24,40}", ["eyjtaxjvlm9yawdpbii6"], miro_token,
      "https://miro.com/app/settings/user-profile/apps (revoke the app's token, or reinstall the app)",
      severity="high", words=["miro", "access", "token"], min_entropy=4.0, what="access token",
      negatives=lambda g: [f"MIRO_TOKEN={miro_token(g)[:40]}"])

# --- Accounting and invoicing ----------------------------------------------------------------------------
nrule("harvest-access-token", "Harvest personal access token (<account>.pt.<token>) next to a Harvest name",
      ["harvest"], r"[0-9]{5,9}\.(?:pt|at)\.[A-Za-z0-9_-]{40,100}",
      lambda g: f"{g.digits(7)}.pt.{g.s(B64URL, 86)}", "https://id.getharvest.com/developers", severity="high",
      words=["harvest", "access", "token"], min_entropy=4.0, what="personal access token",
      short=lambda g: f"{g.digits(7)}.pt.{g.alnum(20)}")

nrule("freshbooks-api-token", "FreshBooks OAuth client secret or token (64 hex) next to a FreshBooks name",
      ["freshbooks"], "[0-9a-f]{64}", lambda g: g.hex(64), "https://my.freshbooks.com/#/developer", severity="high",
      words=["freshbooks", "client", "secret"], min_entropy=3.0, what="secret", verb="Reset")

nrule("xero-client-secret", "Xero app client secret (48 base64url) next to a Xero secret name",
      ["xero"], "[A-Za-z0-9_-]{48}", lambda g: g.s(B64URL, 48), "https://developer.xero.com/app/manage (Configuration: generate a secret)",
      severity="high", words=["xero", "client", "secret"], what="client secret", verb="Regenerate",
      tail=secret_tail(16, r"(?i:secret)"), negatives_extra=lambda g: [f"XERO_CLIENT_ID={g.hex(32).upper()}"])

QBO_KW = ["quickbooks", "quick_books", "quick-books", "quick.books", "intuit_", "intuit-", "intuit.", "qbo_client",
          "qbo-client", "qbo.client", "qboclient"]

nrule("quickbooks-client-secret", "QuickBooks Online (Intuit) app client secret (40 alphanumerics) next to a QuickBooks/Intuit secret name",
      ["quick[_.-]?books|intuit[_.-]|qbo[_.-]?client"], "[A-Za-z0-9]{40}", lambda g: g.alnum(40),
      "https://developer.intuit.com/app/developer/dashboard (the app > Keys & credentials: rotate)", severity="high",
      keywords=QBO_KW, words=["quickbooks", "client", "secret"], what="client secret", verb="Rotate",
      tail=secret_tail(16, r"(?i:secret)"),
      negatives_extra=lambda g: [f"QUICKBOOKS_CLIENT_ID=AB{g.alnum(48)}", f"intuitive_secret_sauce = {g.alnum(40)}"])
