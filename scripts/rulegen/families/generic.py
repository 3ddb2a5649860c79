"""Rules of the generic family: secrets recognised by where they sit (a secret-named variable,
a URL's userinfo, an HTTP Authorization header, a password compared in code) rather than by a
provider's format. They are the noisiest kind, so each one pairs its context with a shape check
(the `generic-secret` heuristic or `basic-auth`), exclude_words for names that are not secrets,
and the engine's placeholder filter."""
from rulegen.core import *  # noqa: F401,F403

F = "generic"

ROTATE = ("Find what the value unlocks (the variable's name and the code that reads it say so), rotate it "
          "there, load it from the environment or a secret manager instead of the source, " + PURGE)

# Name words that mark a secret. Bare `key` and `auth` are left out: `primaryKey`, `author` and
# `keySize` are everywhere in code.
SECRET_WORDS = (r"(?:api[_.-]?(?:key|secret|token)|apikey|access[_.-]?(?:key|token)|auth[_.-]?(?:key|token)"
                r"|client[_.-]?secret|secret[_.-]?key|private[_.-]?key|secret|token|passwd|password"
                r"|credentials?|creds)")
# What may follow the word in the same name (`apiToken2`, `mySecretString`); anything else
# (`tokenUrl`, `secretLength`, `credentialsId`) makes it a different thing.
NAME_SUFFIX = (r"(?:[_.-]?(?:\d{1,4}|string|str|value|val|b64|base64|hex|raw|enc|prod|live"
               r"|do[_.-]?not[_.-]?commit))?")
# The keywords: every literal spelling of SECRET_WORDS (case-insensitive in the engine).
_SEPS = ("", "_", ".", "-")
GENERIC_KEYWORDS = sorted({f"{a}{s}{b}" for a, b in (("api", "key"), ("api", "secret"), ("api", "token"),
                                                     ("access", "key"), ("access", "token"),
                                                     ("auth", "key"), ("auth", "token"),
                                                     ("client", "secret"), ("secret", "key"),
                                                     ("private", "key")) for s in _SEPS}
                          | {"secret", "token", "passwd", "password", "credential", "creds"})
# Words that, anywhere in the match, say it is not a secret.
NOT_SECRET = ["public", "csrf", "xsrf", "publishable", "sitekey", "site_key", "recaptcha", "captcha",
              "cache", "pagination", "page_token", "pagetoken", "next_token", "nexttoken", "continuation",
              "cursor", "sync_token", "synctoken", "tokenizer", "tokenize", "token_type", "tokentype"]
# First words of rule ids that are not providers.
NOT_PROVIDERS = {"private", "exchange", "keystore", "generic", "http", "url", "password", "jwt", "dotnet",
                 "powershell", "api", "secret", "token", "access", "client", "key", "auth", "user", "service",
                 "legacy", "personal", "public", "oauth", "webhook", "basic", "bearer", "session", "master"}


def provider_words(all_rules):
    """The providers that have rules of their own (first word of each rule id: `stripe` of
    `stripe-live-secret-key`): a secret-named value whose name mentions one of them is left to
    that provider's rules, which know its exact format, so a value they reject (wrong length,
    a failed checksum, a documented sample) is not reported again as a generic secret."""
    words = {"aws"}
    for family, rules in all_rules.items():
        if family == F:
            continue
        for r in rules:
            first = r["id"].split("-")[0]
            if len(first) >= 4 and first.isalnum() and first not in NOT_PROVIDERS:
                words.add(first)
    return sorted(words)


# Values that belong to a provider's format (its rule decides; if it rejected the value, so do
# we) or that say they are test data.
GENERIC_NOT_VALUES = ["xoxp-", "xoxb-", "xoxa-", "xoxs-", "xoxe", "xapp-", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
                      "github_pat_", "glpat-", "sk_live_", "rk_live_", "sk_test_", "npm_", "pypi-", "_test_"]
# A generated-looking value: base64/url-safe/hex characters, dots and tildes (JWTs, Azure
# secrets), 20 to 256 of them: at most 256 by the rule's excluded_values (VALUE_MAX), not in the
# regex, where `{20,256}` cost 236 more NFA states (the costliest compile of the rules that
# real code wakes) to say the same: the value is always the whole run.
VALUE = r"([0-9A-Za-z_+/=.~-]{20,})(?:[^0-9A-Za-z_+/=.~-]|$)"
VALUE_MAX = {"group": 1, "longer_than": 256}
# The assignment of a generic secret: a real operator (not the `-` or blank of CLI flags and
# prose, which `bedrock-api-key-…` or `api token for` would satisfy), or a tag or call argument.
# A declared type may stand between the name and the operator (Go's `var apiToken string = "…"`,
# TypeScript's and Kotlin's `apiKey: string = "…"`), and the value may be quoted twice: Gradle's
# `buildConfigField 'String', 'API_KEY', '"…"'` writes a Java string literal inside a Groovy one.
GENERIC_ASSIGN = (r"""["'`]?(?:[ \t]{0,4}:?[ \t]{1,4}(?:string|String|str|&str|&'static str)\b)?"""
                  r"""[ \t]{0,4}(?:[?:.+|!]{0,3}={1,3}>?|:{1,3}|->|[,>])\s{0,16}(?:["'`]\\?["'`]?)?""")


def secret_exclude_words(all_rules):
    """The words that leave a secret-named value to others: not-a-secret names, values of a
    provider's format, and the providers' names."""
    return sorted(set(NOT_SECRET + GENERIC_NOT_VALUES) | set(provider_words(all_rules)))


# Prose documentation is where example credentials live (`token = "…"` in a how-to): a
# heuristic rule, which cannot prove a value is a secret, stays quiet there, while the rules that
# prove their format (a checksum, a prefix, a parsed key) still run on every file. Rule-level
# allowlists, so the drop is counted (`allowlist_path`) and `explain` names it.
DOCS_ALLOWLIST = [{"description": "prose documentation: example values, not secrets (generic rules only)",
                   "paths": ["**/*.md", "**/*.markdown", "**/*.mdx", "**/*.rst", "**/*.adoc", "**/*.asciidoc"]}]


def _forms(g, value):
    return assign_examples(g, ["deploy", "api", "token"], [value])[0]


rule(F, generic=True, allowlist=DOCS_ALLOWLIST,
     id="generic-api-key",
     description="Secret-looking value assigned to a secret-named variable or key (*_API_KEY, *_SECRET, "
                 "*_TOKEN, password, credentials)",
     severity="low",
     keywords=GENERIC_KEYWORDS,
     # The name's start is part of the match so that exclude_words see `publicToken` whole.
     # Unbounded (`*?`, not `{0,40}?`): a counted run at the start of an unanchored search
     # makes the lazy DFA track every count at every position (4x slower on code).
     regex=r"(?i:[\w.-]*?" + SECRET_WORDS + NAME_SUFFIX + r")" + GENERIC_ASSIGN + VALUE,
     min_entropy=3.5,
     validate="generic-secret",
     window=48,
     excluded_values=[VALUE_MAX],
     exclude_words=secret_exclude_words,
     remediation=ROTATE,
     examples=lambda g: [
         f"DEPLOY_API_TOKEN={g.alnum(32)}",
         f'  "clientSecret": "{g.s(B64URL, 40)}",',
         f"<serviceToken>\n    {g.alnum(36)}\n</serviceToken>",
         f'System.setProperty("BILLING_SECRET", "{g.s(ALNUM + "+/", 44)}");',
         f"creds = {g.uuid()}",
         f"SERVICE_PASSWORD={g.s(ALNUM + '+/=', 24)}",
         f"$mySecretString .= '{g.alnum(28)}';",
         f'var uploadToken string = "{g.alnum(32)}"',
         f"  private readonly apiKey: string = '{g.s(B64URL, 40)}';",
         f"buildConfigField 'String', 'MAPS_API_KEY', '\"{g.hex(32)}\"'",
         f'buildConfigField "String", "MAPS_API_KEY", "\\"{g.alnum(39)}\\""',
     ],
     negative_examples=lambda g: [
         f"publicToken = \"{g.alnum(40)}\"",
         f"csrf-token={g.s(ALNUM + '+/', 64)}==",
         "secret_length = X25519.secret_length",
         f"credentialsId: '{g.uuid()}'",
         "access_token_url='https://github.com/login/oauth/access_token'",
         "DEPLOY_API_TOKEN=${DEPLOY_API_TOKEN}",
         'api_token = os.environ["API_TOKEN"]',
         "password = config.database.password",
         f"secret = \"{g.s(LOWER, 24)}\"",
         "LLM_SECRET_NAME = \"NEXUS-GPT4-API-KEY\"",
         f"token = {g.alnum(12)}",
         "PASSWORD=abcdefgh12345678ZZ",
         f"STRIPE_SECRET_KEY={g.alnum(30)}",
         f"bedrock-api-key-{g.alnum(28)}",
         f'"token3": "xoxp-1234-1234-1234-{g.hex(32)}"',
         'var apiToken string = os.Getenv("API_TOKEN")',
         "buildConfigField 'String', 'API_KEY', '\"' + apiKey + '\"'",
     ])

# ---- passwords people type: quoted, low entropy, but not a template, a variable or a word list.

PASSWORD_NAMES = r"(?:password|passwd|passwort|pwd|pass|secret)"
# Bare `pass` is a Python statement and an English word: its keywords are the spellings that an
# assignment can follow.
PASSWORD_KEYWORDS = ["password", "passwd", "passwort", "pwd", "secret", "pass\"", "pass'", "pass`", "pass=", "pass:",
                     "pass ", "pass\t", "pass,", "pass-", "pass.", "pass?", "pass_"]
# A typed password in quotes (not backticks: Markdown code spans); no spaces, quotes, or the
# characters templates and code use around values. `$ # % &` may not start it (`$VAR`, `#id`,
# `%s`, `&amp;`) but may stand inside it (`super$ecret`, `Pass123!@#`): the typed-password
# validator rejects the references among those (`pre${X}`, `a$HOME`, `%s`).
PASSWORD_VALUE = r"""["']([^"'\s$<>{}()\[\]\\/,;:#%&|][^"'\s<>{}()\[\]\\/,;:|]{3,63})["']"""
PASSWORD_NOT = ["public", "placeholder", "label", "hint", "prompt", "field", "regex", "pattern", "policy",
                "hash", "salt", "reset", "forgot", "confirm", "length", "strength", "expir"]

rule(F, generic=True, allowlist=DOCS_ALLOWLIST,
     id="generic-password",
     description="Password written in quotes into a password-named variable, key or argument",
     severity="low",
     keywords=PASSWORD_KEYWORDS + [f"pass{d}" for d in "0123456789"],
     # An operator after the name, or a comma after the quoted name (setProperty("PASSWORD", "…")),
     # not a comma after a bare word (a list of variables).
     # Not right after `:`, `@` or `/`: `'username:password', 'host.com'` is a URL's parts.
     # A `:` that starts a word is a Ruby symbol (`:password => '…'`), not a URL's separator.
     regex=(r"(?:(?m:^)|[^:@/]|(?:(?m:^)|[\s{(\[,]):)(?i:" + PASSWORD_NAMES + r")" + r"(?:[_.-]?\d{1,3})?"
            + r"""(?:["']?[ \t]{0,8}(?:[:.?]?=>?|:{1,3}=?|=>|->)|["'][ \t]{0,4},)[ \t]{0,8}""" + PASSWORD_VALUE),
     min_entropy=2.5,
     validate="typed-password",
     exclude_words=lambda all_rules: sorted(set(PASSWORD_NOT) | set(provider_words(all_rules))),
     remediation=ROTATE,
     examples=lambda g: [
         f'DB_PASSWORD = "{g.password(12)}"',
         f"  admin_password: '{g.password(10)}'",
         f'vm_pass => "{g.password(14)}",',
         f'my_password := "{g.password(9)}"',
         f"'vm_password': \"{g.password(7)}!@#\",",
         f'connect(user="svc", password="{g.password(16)}")',
         f'System.setProperty("SMTP_PASSWORD", "{g.password(12)}");',
         f"[smtp]\nhost = 'mail01'\npassword = '{g.password(11)}'\n",
         f":password       => '{g.password(10)}',",
         f"{{ :host => 'db01', :password => \"{g.password(12)}\" }}",
     ],
     negative_examples=lambda g: [
         'password = "password"',
         'password = "changeme"',
         "password = ''",
         'password = "123"',
         'export PGPASSWORD="$DB_PASSWORD"',
         "Url('http', 'username:password', 'host.com', 80)",
         'password = "prefix$DB_PASSWORD"',
         'password = "conn%s"',
         'this.addPassword = "#add-password";',
         '"password": "&lt;YOURPASSWORD&gt;"',
         'password_hint = "Your first pet"',
         'IAMUserChangePassword = "arn:aws:iam::aws:policy/IAMUserChangePassword"',
         'sb.append("MasterUserPassword: " + getMasterUserPassword() + ",");',
         "password = '{{ vault_db_password }}'",
         f"password = {g.password(12)}",
         "`generic-secret`, `typed-password`",
         # A list of names: the quoted-name-comma-value form reads it as a name and its value.
         'const HEURISTIC: [&str; 2] = ["generic-secret", "typed-password"];',
         'for s in [&key, &secret, "Tr4ding-B0t!"]',
         'password = "123456789"',
         "'ftp://deploy:password' => 'release'",
     ])

# ---- .env files and shell profiles: `NAME=value` lines, values unquoted as often as quoted.

# The files: dotenv files by their usual names (literal names, no trailing wildcard: a glob
# like `.env.*` would be tried on every file's name) and the shells' start-up files.
ENV_FILES = [".env", "*.env", ".env.local", ".env.development", ".env.dev", ".env.production", ".env.prod",
             ".env.staging", ".env.test", ".env.example", ".env.sample", ".env.template", ".env.dist",
             ".envrc", ".bashrc", ".bash_profile", ".bash_login", ".profile", ".zshrc", ".zshenv", ".zprofile",
             ".kshrc"]
# `NAME=` at a line's start, after an optional `export`.
ENV_LINE = r"(?m:^)[ \t]*(?:export[ \t]+)?"
# The value, quoted or not, then nothing but a comment to the line's end: a quoted value with a
# blank inside (`"correct horse battery"`) is not cut at its first word.
ENV_END = r"""["']?[ \t]*(?:#[^\r\n]*)?\r?(?m:$)"""

def env_file_rule(name, value, **kw):
    """A rule of `NAME=value` lines in ENV_FILES: `name` a regex of the variable's name, `value`
    one of the value (the secret)."""
    rule(F, generic=True, severity="medium", keywords=[], file_names=ENV_FILES,
         regex=ENV_LINE + name + r"""[ \t]*=[ \t]*["']?(""" + value + ")" + ENV_END, **kw)


env_file_rule(
     # `*PASSWORD`/`*PASSWD` end the name (`PGPASSWORD`, `MYSQL_ROOT_PASSWORD`); `PASS` and `PWD`
     # only as a whole part (`SMTP_PASS`, not `BYPASS` or `COMPASS`).
     r"(?:[A-Za-z0-9_.]*?(?i:password|passwd|passphrase|passwort)|(?:[A-Za-z0-9_.]*_)?(?i:pass|pwd))",
     r"""[^\s"'`\\$%{}<>\[\]*!&@#(),;=|:/.~?^+-][^\s"'`\\]{5,}""",
     id="env-file-password",
     description="Password assigned in a .env file or a shell profile (`DB_PASSWORD=…`, `export SMTP_PASS=…`)",
     min_entropy=2.5,
     validate="typed-password",
     # Not the provider words of the other generic rules: no provider rule reads
     # `POSTGRES_PASSWORD=` or `MYSQL_ROOT_PASSWORD=` lines, so naming a provider hands the value
     # to no one.
     exclude_words=PASSWORD_NOT,
     remediation=("A password in an environment file or a shell profile logs in to whatever the variable "
                  "configures: change it there, keep the file out of the repository (.gitignore, a "
                  "committed `.env.example` with empty values) and load the value from a secret manager, " + PURGE),
     examples=lambda g: [
         f"DB_PASSWORD={g.password(12)}",
         f"export SMTP_PASS='{g.password(10)}'",
         f'POSTGRES_PASSWORD="{g.password(14)}"  # staging',
         f"PGPASSWORD={g.password(11)}",
         f"APP_HOST=0.0.0.0\nMYSQL_ROOT_PASSWORD={g.password(16)}\nMYSQL_DATABASE=shop\n",
     ],
     negative_examples=lambda g: [
         "DB_PASSWORD=",
         "DB_PASSWORD=${DB_PASSWORD}",
         "DB_PASSWORD=changeme",
         "export PGPASSWORD=$(cat /run/secrets/pg)",
         "SMTP_PASSWORD=<your smtp password>",
         f"BYPASS={g.password(12)}",
         f"PASSWORD_MIN_LENGTH={g.digits(2)}",
         'DB_PASSWORD="correct horse battery staple"',
         f"# DB_PASSWORD={g.password(12)}",
         f"PASSWORD_RESET_URL=https://{g.s(LOWER, 8)}.example.org/reset",
     ])

env_file_rule(
     r"[A-Za-z0-9_.]*?(?i:secret|token|api_?key|access_?key|private_?key|auth_?key)",
     r"[0-9A-Za-z_+/=.~-]{8,256}",
     id="env-file-secret",
     description="Secret assigned to a *_SECRET, *_TOKEN or *_API_KEY variable in a .env file or a shell profile",
     min_entropy=3.0,
     validate="generic-secret",
     exclude_words=secret_exclude_words,
     remediation=ROTATE,
     examples=lambda g: [
         f"DEPLOY_API_KEY={g.alnum(16)}",
         f"export SERVICE_TOKEN='{g.alnum(12)}'",
         f'APP_SECRET="{g.s(ALNUM + "+/", 18)}"',
         f"SESSION_SECRET={g.alnum(24)}  # rotate monthly",
     ],
     negative_examples=lambda g: [
         "APP_SECRET=",
         "SERVICE_TOKEN=${SERVICE_TOKEN}",
         "API_KEY=your-api-key-here",
         f"CSRF_TOKEN={g.alnum(16)}",
         "TOKEN_TTL=3600",
         f"SERVICE_TOKEN={g.s(LOWER, 12)}",
         f"# DEPLOY_API_KEY={g.alnum(16)}",
         f"STRIPE_SECRET_KEY={g.alnum(30)}",
         "JWT_SECRET=supersecretkey123",
     ])

rule(F, generic=True, allowlist=DOCS_ALLOWLIST,
     id="password-compared-in-code",
     description="Password or secret compared with a literal in code (a hard-coded login)",
     severity="low",
     keywords=["password", "passwd", "pwd", "secret"],
     regex=(r"(?i:" + PASSWORD_NAMES + r")" + r"""["'\])]?[ \t]{0,4}(?:!==?|===?)[ \t]{0,4}"""
            + PASSWORD_VALUE),
     min_entropy=2.5,
     validate="typed-password",
     exclude_words=lambda all_rules: sorted(set(PASSWORD_NOT) | set(provider_words(all_rules))),
     remediation=ROTATE,
     examples=lambda g: [
         f'if username == "admin" and password == "{g.password(12)}":',
         f"if (creds.Secret != '{g.password(10)}') {{ return 401; }}",
         f'if ($pwd === "{g.password(9)}") {{',
     ],
     negative_examples=lambda g: [
         'if password == "":',
         'if password != confirm_password:',
         'assert password == "password"',
         f'if password == os.environ["{g.s(UPPER, 8)}"]:',
     ])

# ---- credentials in URLs: scheme://user:password@host (databases.py covers the database schemes).

URL_SCHEMES = (r"(?:https?|s?ftps?|smtps?|imaps?|pop3s?|ldaps?|git|ssh|svn(?:\+ssh)?|rsync|mqtts?|wss?|socks5h?"
               r"|nntp|telnet|rtsp|webdav|dav|davs|xmpp|sips?)")
URL_PASSWORD = r"([^\s:@/\"'<>`{}$%\\]{3,128}|[^\s:@/\"'<>`{}$\\]*%[0-9A-Fa-f]{2}[^\s:@/\"'<>`{}$\\]*)"

rule(F, generic=True, allowlist=DOCS_ALLOWLIST,
     id="url-credentials",
     description="User name and password in a URL (https://user:password@host and other schemes)",
     severity="medium",
     keywords=["://"],
     regex=(r"\b(?i:" + URL_SCHEMES + r")://[A-Za-z0-9._~!$&'()*+,;=%-]{1,64}:" + URL_PASSWORD
            + r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
            + r"(?:[:/?#\s\"'`<>)\]]|$)"),
     min_entropy=1.5,
     validate="typed-password",
     # RFC 2606's documentation hosts: `ftp://user:secret1@example.com` is a how-to.
     exclude_words=["example.com", "example.net", "example.org"],
     remediation=("Change the password on the server the URL points to (or revoke the token used as one), "
                  "keep credentials out of URLs, " + PURGE),
     examples=lambda g: [
         f"git clone https://deploy:{g.password(14)}@git.internal.example.invalid/ops/infra.git",
         f'SMTP_URL="smtps://mailer:{g.password(12)}@smtp.mailhost.invalid:465"',
         f"proxy: http://proxyuser:{g.password(10)}@10.1.2.3:3128",
         f"ftp://backup:{g.password(16)}@files.corp.invalid/nightly/",
     ],
     negative_examples=lambda g: [
         "https://user:password@host.invalid/",
         "https://user:${PASSWORD}@host.invalid/",
         "https://user:<password>@host.invalid/",
         "https://user:pass@host.invalid/",
         "https://git@github.com:acme/repo.git",
         "http://localhost:8080/path",
         f"https://{g.alnum(8)}:@host.invalid/",
         "ftp://anonymous:****@ftp.host.invalid",
     ])

# ---- HTTP Authorization headers.

rule(F, generic=True, allowlist=DOCS_ALLOWLIST,
     id="http-basic-auth",
     description="HTTP Basic credentials (Authorization: Basic base64(user:password))",
     severity="medium",
     keywords=["basic "],
     regex=r"(?i:authorization|proxy-authorization|auth)[\"']?[ \t]*[:=,]?[ \t]*[\"']?(?i:basic)[ \t]+([A-Za-z0-9+/]{8,}={0,2})(?:[^A-Za-z0-9+/=]|$)",
     min_entropy=3.0,
     validate="basic-auth",
     remediation=("Change the password of the account the header logs in as, use a token with the least access "
                  "instead, " + PURGE),
     examples=lambda g: [
         f"Authorization: Basic {b64((g.s(LOWER, 6) + ':' + g.password(14)).encode())}",
         f'headers = {{"Authorization": "Basic {b64((g.s(LOWER, 8) + ":" + g.password(12)).encode())}"}}',
         f"  proxy_set_header Authorization \"Basic {b64((g.s(LOWER, 5) + ':' + g.password(16)).encode())}\";",
     ],
     negative_examples=lambda g: [
         "Authorization: Basic $(echo -n $USER:$PASS | base64)",
         f"Authorization: Basic {b64(g.s(LOWER, 20).encode())}",
         "Authorization: Basic <credentials>",
     ])

rule(F, generic=True, allowlist=DOCS_ALLOWLIST,
     id="http-bearer-token",
     description="Long bearer token in an HTTP Authorization header",
     severity="low",
     keywords=["bearer "],
     regex=(r"(?i:authorization)[\"']?[ \t]*[:=,][ \t]*[\"']?(?i:bearer)[ \t]+"
            r"([0-9A-Za-z_~+/-]{24,}(?:\.[0-9A-Za-z_~+/-]+)*=*)(?:[^0-9A-Za-z_~+/=.-]|$)"),
     # 3.3, not higher: a 32-hex token (128 random bits) measures about 3.7 bits per character.
     min_entropy=3.3,
     validate="generic-secret",
     remediation=("Revoke the token where it was issued (the host the request goes to tells which service), "
                  + PURGE),
     examples=lambda g: [
         f"Authorization: Bearer {g.s(B64URL, 48)}",
         f'curl -H "Authorization: Bearer {g.alnum(40)}" https://api.service.invalid/v1/items',
         f"  'Authorization': 'Bearer {g.s(B64URL, 32)}.{g.s(B64URL, 24)}',",
         f'curl -H "Authorization: Bearer {g.hex(32)}" http://localhost:3000/api/status',
     ],
     negative_examples=lambda g: [
         "Authorization: Bearer ${TOKEN}",
         "Authorization: Bearer <token>",
         'headers["Authorization"] = "Bearer " + token',
         f"Authorization: Bearer {g.alnum(12)}",
     ])

# ---- JWT signing secrets in config (jwt: secret: …, JWT_SECRET=…).

rule(F, generic=True, allowlist=DOCS_ALLOWLIST,
     id="jwt-signing-secret",
     description="JWT signing secret in configuration (anyone holding it can mint valid tokens)",
     severity="high",
     keywords=["jwt"],
     regex=(r"(?i:jwt[_.-]?(?:secret|signing[_.-]?key|secret[_.-]?key|key)|jwt:[ \t]*\r?\n[ \t]+(?:secret|key):)"
            r"""["'`]?[ \t]{0,8}(?:[:=]|=>)?[ \t]{0,8}["'`]([^\r\n]{8,200}?)["'`][ \t]*[,;]?[ \t]*"""
            r"(?:(?:#|//)[^\r\n]*)?(?:\r?\n|$)"),
     min_entropy=2.8,
     window=64,
     remediation=("Generate a new signing secret (or key pair), deploy it, let old tokens expire or revoke them, "
                  "load the secret from a secret manager, " + PURGE),
     examples=lambda g: [
         f'JWT_SECRET="{g.s(ALNUM + "!#%&*+-=?^_~", 32)}"',
         f"jwt:\n  secret: '{g.s(ALNUM + '#@!', 24)}'\n  ttl: 3600",
         f'  "jwtSigningKey": "{g.alnum(40)}",',
     ],
     negative_examples=lambda g: [
         'JWT_SECRET="${JWT_SECRET}"',
         "jwt:\n  secret: ''\n",
         'jwt_secret = "changeme"',
         "jwt_algorithm = 'HS256'",
     ])

# ---- Windows credentials written into scripts and .NET code.

rule(F, generic=True, allowlist=DOCS_ALLOWLIST,
     id="dotnet-network-credential",
     description="Password passed as a literal to NetworkCredential or DirectoryEntry (.NET, PowerShell)",
     severity="medium",
     keywords=["networkcredential", "directoryentry"],
     regex=(r"(?i:NetworkCredential|DirectoryEntry)\s*\(\s*(?:\"[^\"\r\n]{0,200}\"\s*,\s*){1,2}"
            r"\"([^\"\r\n]{4,128})\""),
     min_entropy=2.0,
     validate="typed-password",
     window=400,
     remediation=("Change the account's password in the directory, run the code under a managed identity or "
                  "read the credential from a vault, " + PURGE),
     examples=lambda g: [
         f'client.Credentials = new NetworkCredential("svc-build", "{g.password(14)}");',
         f'$entry = New-Object DirectoryServices.DirectoryEntry("LDAP://10.0.0.1", "corp\\\\svc", "{g.password(12)}")',
         f'var de = new DirectoryEntry("LDAP://DC.CORP.INVALID",\n    "ADMIN@CORP.INVALID",\n    "{g.password(10)}");',
     ],
     negative_examples=lambda g: [
         "new NetworkCredential(user, password)",
         'new NetworkCredential("svc", GetPassword())',
         'new NetworkCredential("svc", "")',
     ])

rule(F, generic=True, allowlist=DOCS_ALLOWLIST,
     id="powershell-plaintext-securestring",
     description="Password converted from plain text in a PowerShell script (ConvertTo-SecureString -AsPlainText)",
     severity="medium",
     keywords=["convertto-securestring"],
     regex=(r"(?i:ConvertTo-SecureString)\s+(?:-String\s+)?[\"']([^\"'\r\n$]{4,256})[\"']"
            r"(?:\s+-\w+)*?\s+-AsPlainText"),
     min_entropy=2.0,
     validate="typed-password",
     remediation=("Change the password of the account it belongs to, read it with Get-Credential or from a "
                  "secret vault (SecretManagement), " + PURGE),
     examples=lambda g: [
         f'$pw = ConvertTo-SecureString "{g.password(16)}" -AsPlainText -Force',
         f"ConvertTo-SecureString -String '{g.password(12)}' -AsPlainText -Force",
     ],
     negative_examples=lambda g: [
         "$pw = ConvertTo-SecureString $env:SVC_PASSWORD -AsPlainText -Force",
         '$pw = ConvertTo-SecureString "$password" -AsPlainText -Force',
         '$pw = Read-Host -AsSecureString',
     ])
