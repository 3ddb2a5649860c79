"""Rules of the config-files family: credentials in the configuration files, dot-files and command
lines that people commit by mistake (.netrc, .pgpass, .git-credentials, Docker and npm configs,
.pypirc, Maven/Gradle, SFTP clients, Django/Rails/WordPress settings, password hashes, PuTTY and
WireGuard keys, connection strings, curl/psexec command lines, kubeconfig, rclone, …).

Most of these values are free-form passwords, not random tokens, so the entropy floors are low
(2.5) and the precision comes from the file's or tool's exact syntax (the key names, the line
shape, `file_names`) and from a value regex that refuses templates (`${X}`, `%X%`, `{{ x }}`,
`<x>`, `!vault`, `***`) and placeholder words (`password`, `changeme`, `changeit`, …).

Generic `*_PASSWORD=` assignments and `scheme://user:pass@host` URLs are not here (the generic and
databases families have them)."""
from rulegen.core import *  # noqa: F401,F403

FAM = "config-files"


# ---------------------------------------------------------------- value regexes

def not_in(group, words=(), prefixes=()):
    """A rule's `excluded_values` entry: capture group `group` must not be one of `words` nor start
    with one of `prefixes` (ASCII case-insensitive; src/rules/model.rs ExcludedValues). The engine
    checks it on each match: spelt out in the regex, as a trie of classes (Rust's regex has no
    look-ahead), a handful of words made a rule's regex ten times slower to compile."""
    e = {"group": group}
    if words:
        e["words"] = [w.lower() for w in words]
    if prefixes:
        e["prefixes"] = [p.lower() for p in prefixes]
    return e


def class_body(chars):
    """A regex class body for a set of bytes, runs of 3+ consecutive bytes written as ranges."""
    codes = sorted(ord(c) for c in chars)
    out, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        if j - i >= 2:
            out.append(f"{re.escape(chr(codes[i]))}-{re.escape(chr(codes[j]))}")
        else:
            out.extend(re.escape(chr(c)) for c in codes[i:j + 1])
        i = j + 1
    return "".join(out)


# Values of 6+ bytes that are placeholders or defaults in docs, templates and samples, not secrets.
# Shorter ones are below the values' 6-byte minimum, and low-entropy ones (`secret`, `changeme`)
# below the 2.5 entropy floor or caught by the engine's placeholder markers; the list stays short
# because every word adds to the size of every value regex.
PW_WORDS = ["password", "passwd", "changeit", "username", "default", "mypassword", "yourpassword", "my-password",
            "password1", "password123", "password_here", "some_password", "smtp_password", "123456", "12345678",
            "s3cret", "postgres", "android", "qwerty", "repopwd"]
# Values that reference a secret kept elsewhere (env, secret managers, code).
PW_PREFIXES = ["env:", "vault:", "os.environ", "process.env", "getenv"]
# Token prefixes that other rules name better (the provider's own rule reports them): left to them.
GIT_TOKEN_PREFIXES = ["ghp_", "gho_", "ghu_", "ghs_", "github_pat_", "glpat-", "gldt-", "atbb", "atatt"]
# First characters that start a template, a reference or markup rather than a password.
FIRST_EXCL = r"$%{}<>\[\]*!\&@#(),;=\\|:/.\-~?^+"
REST = r"\s\"'`\\"  # a value also ends at a backslash: `\n` escapes in code strings, JSON


# Value regexes made by val(): a rule whose regex holds one gets the `typed-password` validator
# (src/engine/validators/generic.rs), which drops PW_WORDS, PW_PREFIXES and the other
# placeholders, so that the regex itself stays small (a word list spelled out as a trie in every
# value regex made each of these rules 6-8 KB of regex to parse).
_PW_VALUES = set()


def val(stop="", first="", min_len=6, first_ok=""):
    """A free-form password of at least `min_len` bytes: not a template or a reference (by its
    first byte, FIRST_EXCL + `first`, less the bytes of `first_ok` where the syntax makes them
    plain); ends before whitespace, a quote or a byte of `stop`. The placeholder words and
    reference prefixes of every password (PW_WORDS, PW_PREFIXES) are the typed-password
    validator's; a rule's own extra words and prefixes are its `excluded_values` (not_in). (An
    entropy floor of 2.5 needs 6 distinct bytes anyway; the length here also holds where the
    offline check's emulation skips the floor, for rules that run by file name.)"""
    rest = REST + stop
    first = "".join(c for c in FIRST_EXCL if c not in first_ok) + first
    v = f"(?:[^{rest}{first}][^{rest}]{{{min_len - 1},}})"
    _PW_VALUES.add(v)
    return v


def end(stop=""):
    """The byte after a value (or the end of the text)."""
    return rf"(?:[{REST}{stop}]|$)"


def eol():
    """The rest of a `key = value` line after the value: blanks, then the line end."""
    return r"[ \t]*(?:\r?\n|$)"


# Fake-value helpers ---------------------------------------------------------------------------
CRYPT64 = "./" + DIGITS + UPPER + LOWER
WORDS = ["harbor", "maple", "orbit", "falcon", "copper", "tundra", "violet", "ember", "quartz", "willow",
         "cobalt", "saffron", "juniper", "lantern", "meadow", "pixel"]


def human_pw(g):
    """A password a person picks: word, digits, a symbol (entropy ~3)."""
    return (g.r.choice(WORDS).capitalize() + g.r.choice(["!", "#", "_", "@", "."]) + g.digits(4)
            + g.r.choice(WORDS)[:3])


def user(g):
    return g.r.choice(["deploy", "svc_app", "jdoe", "ci-bot", "backup", "ops", "release", "mhernandez"])


def host(g):
    return g.r.choice(["db.internal.corp", "10.20.30.41", "files.acme-corp.net", "build.intra.lan",
                       "sftp.partner-co.com", "nas01.office.lan"])


def remed(what, how):
    return f"{what}: {how}, " + PURGE


def fr(**kw):
    if "validate" not in kw and any(v in kw["regex"] for v in _PW_VALUES):
        kw["validate"] = "typed-password"
    rule(FAM, **kw)


# Standard negatives of a `name = value` rule: templates, references, placeholders.
def template_negs(fmt):
    """`fmt` has one `{}` where the value goes."""
    return [fmt.format(v) for v in ("${DB_PASSWORD}", "%DB_PASSWORD%", "{{ vault_password }}", "<password>",
                                    "********", "changeme", "password", "$PASSWORD")]


# ============================== dot-files of network clients ==============================

fr(id="netrc-password",
   description=".netrc / _netrc entry: `machine HOST login USER password PASSWORD`",
   severity="high",
   keywords=["machine"],
   # Heroku's netrc entries are the heroku-api-key-legacy rule's; example.* hosts are documentation.
   regex=(r"\bmachine[ \t\r\n]+([^\s#]+)"
          + r"(?:[ \t\r\n]+(?:login|account|port)[ \t\r\n]+[^\s#]+){0,3}"
          r"[ \t\r\n]+password[ \t\r\n]+(" + val() + ")" + end()),
   secret_group=2,
   excluded_values=[not_in(1, words=["api.heroku.com", "git.heroku.com"], prefixes=["example.", "www.example."])],
   min_entropy=2.5,
   window=200,
   remediation=remed("A login in a .netrc file is valid for that host",
                     "change the password or revoke the token at the host named by `machine`, keep ~/.netrc "
                     "out of the repository (chmod 600, .gitignore)"),
   examples=lambda g: [
       f"machine api.github.com login {user(g)} password {g.alnum(40)}",
       f"machine {host(g)}\n  login {user(g)}\n  password {human_pw(g)}\n",
       f'NETRC = """\nmachine api.wandb.ai\n  login user\n  password {g.hex(40)}\n"""',
       f"machine {host(g)} login {user(g)} account prod password {g.password()}",
   ],
   negative_examples=lambda g: [
       "machine api.github.com login octocat password ${GITHUB_TOKEN}",
       "machine example.com login myuser password mypassword",
       f"machine example.com\nlogin daniel\npassword {human_pw(g)}\n",
       "machine host login user password changeme",
       'f.write(f"machine {host} login {user} password {password}\\n")',
       'printf "machine %s login %s password %s\\n" "$HOST" "$USER" "$PASS" > ~/.netrc',
       "A finite-state machine has a password check state.",
       "machine registry.internal login deploy password abc",
       f"machine api.heroku.com login ops@acme-corp.net password {g.uuid()}",
   ])

fr(id="pgpass-password",
   description="PostgreSQL password file (.pgpass) line `host:port:database:user:password`",
   severity="high",
   keywords=[],
   file_names=[".pgpass", "pgpass", "pgpass.conf", "*.pgpass"],
   regex=(r"(?m)^[ \t]*[A-Za-z0-9_*][A-Za-z0-9_.*-]*:(?:\d{2,5}|\*):[^\s:]+:[^\s:]+:(" + val(first=":")
          + r")[ \t]*\r?$"),
   min_entropy=2.5,
   remediation=remed("The .pgpass line logs in as that database user",
                     "change the role's password (ALTER ROLE … PASSWORD …), check the server's logs for "
                     "unknown logins, keep .pgpass out of the repository"),
   examples=lambda g: [
       f"db.internal.corp:5432:orders:app_rw:{g.password()}\n",
       f"# prod\n10.20.30.41:5432:*:{user(g)}:{human_pw(g)}\n*:*:*:replication:{g.alnum(24)}\n",
       f"localhost:6432:analytics:reporter:{g.alnum(18)}\n",
   ],
   negative_examples=lambda g: [
       "db.internal:5432:orders:app:password\n",
       "*:*:*:postgres:${PGPASSWORD}\n",
       "hostname:port:database:username:password\n",
       "db.internal:5432:orders:app:\n",
       "# hostname:port:database:username:password\n",
   ])

fr(id="git-credentials-password",
   description="git credential store (.git-credentials) line `https://user:token@host`",
   severity="critical",
   keywords=[],
   file_names=[".git-credentials", "git-credentials", "*.git-credentials"],
   regex=(r"(?m)^[ \t]*https?://[^\s:@/]+:(" + val(stop="/") + r")@[^\s@/]+[^\s]*\s?"),
   excluded_values=[not_in(1, prefixes=GIT_TOKEN_PREFIXES)],
   min_entropy=2.5,
   remediation=remed("A stored git credential can push to that host",
                     "revoke the token or change the password at the git host (GitHub: "
                     "https://github.com/settings/tokens, GitLab: Preferences > Access Tokens), use a "
                     "credential helper that keeps it out of the work tree"),
   examples=lambda g: [
       f"https://{user(g)}:{g.alnum(40)}@github.com\n",
       f"https://oauth2:{g.s(B64URL, 20)}@gitlab.acme-corp.net\nhttps://{user(g)}:{g.password()}@bitbucket.org\n",
       f"http://build:{human_pw(g)}@git.intra.lan:3000\n",
   ],
   negative_examples=lambda g: [
       "https://github.com/acme/tools.git\n",
       "https://user:password@github.com\n",
       "https://x-access-token:${GITHUB_TOKEN}@github.com\n",
       "https://user:@github.com\n",
   ])


def docker_auth(g):
    return b64(f"{user(g)}:{g.password()}".encode())


fr(id="docker-config-auth",
   description='Docker client config (config.json) `"auths"` entry with a base64 `user:password` "auth"',
   severity="high",
   keywords=['"auths"'],
   regex=r'"auths"\s*:\s*\{[^\x00]{0,600}?"auth"\s*:\s*"([A-Za-z0-9+/]{12,}={0,2})"',
   min_entropy=3.0,
   window=600,
   remediation=remed("The \"auth\" value is base64 of the registry user and password",
                     "change the password or revoke the access token at the registry (Docker Hub: "
                     "https://app.docker.com/settings/personal-access-tokens), use a credential helper "
                     "(credsStore) instead of inline auths"),
   examples=lambda g: [
       f'{{\n  "auths": {{\n    "https://index.docker.io/v1/": {{\n      "auth": "{docker_auth(g)}"\n    }}\n  }}\n}}',
       f'{{"auths":{{"registry.gitlab.com":{{"auth":"{docker_auth(g)}","email":"ci@acme-corp.net"}}}}}}',
       f'{{\n\t"auths": {{\n\t\t"ghcr.io": {{\n\t\t\t"username": "{user(g)}",\n\t\t\t"auth": "{docker_auth(g)}"\n\t\t}}\n\t}},\n\t"credsStore": "desktop"\n}}',
   ],
   negative_examples=lambda g: [
       '{\n  "auths": {\n    "https://index.docker.io/v1/": {}\n  },\n  "credsStore": "osxkeychain"\n}',
       '{"auths": {"ghcr.io": {"auth": ""}}}',
       '{"auths": {"ghcr.io": {"auth": "${DOCKER_AUTH}"}}}',
       f'{{"auth": "{docker_auth(g)}"}}',
   ])

fr(id="dockercfg-auth",
   description='Legacy Docker .dockercfg entry `{"registry": {"auth": "<base64 user:password>"}}`',
   severity="high",
   keywords=[],
   file_names=[".dockercfg", "dockercfg"],
   regex=r'"[^"\s]{1,200}"\s*:\s*\{[^{}]{0,300}?"auth"\s*:\s*"([A-Za-z0-9+/]{12,}={0,2})"',
   min_entropy=3.0,
   remediation=remed("The \"auth\" value is base64 of the registry user and password",
                     "change the password or revoke the token at the registry, move to ~/.docker/config.json "
                     "with a credential helper"),
   examples=lambda g: [
       f'{{"https://index.docker.io/v1/":{{"auth":"{docker_auth(g)}","email":"ops@acme-corp.net"}}}}',
       f'{{\n  "quay.io": {{\n    "email": "ci@acme-corp.net",\n    "auth": "{docker_auth(g)}"\n  }}\n}}',
   ],
   negative_examples=lambda g: [
       '{"https://index.docker.io/v1/":{"auth":"","email":"ops@acme-corp.net"}}',
       '{"https://index.docker.io/v1/":{"auth":"<base64 user:pass>"}}',
   ])

# npm / yarn -----------------------------------------------------------------------------------
TOK = r"\s\"'`;,#"

fr(id="npm-registry-auth-token",
   description="npm/yarn registry auth token (.npmrc `//registry/:_authToken=`, .yarnrc.yml `npmAuthToken:`)",
   severity="critical",
   keywords=["authtoken"],
   regex=(r"""(?i:_authToken|npmAuthToken)["']?[ \t]*(?:[=:][ \t]*)?["']?("""
          + f"[^{TOK}{FIRST_EXCL}][^{TOK}]*)" + end(";,")),
   excluded_values=[not_in(1, words=PW_WORDS, prefixes=PW_PREFIXES + ["npm_"] + GIT_TOKEN_PREFIXES)],
   min_entropy=3.3,
   remediation=remed("A registry auth token can publish packages",
                     "revoke it (`npm token revoke`, https://www.npmjs.com/settings/~/tokens, or the private "
                     "registry's token page), check recent versions of your packages, reference "
                     "${NPM_TOKEN} in .npmrc instead"),
   examples=lambda g: [
       f"//registry.npmjs.org/:_authToken={g.uuid()}",
       f'npmRegistries:\n  "https://npm.acme-corp.net":\n    npmAuthToken: "{g.s(B64URL, 40)}"',
       f'"//registry.yarnpkg.com/:_authToken" "{g.uuid()}"',
       f'{{ "_authToken": "{g.uuid()}" }}',
       f"//nexus.intra.lan/repository/npm/:_authToken=NpmToken.{g.uuid()}",
   ],
   negative_examples=lambda g: [
       "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
       f"//registry.npmjs.org/:_authToken={g.crc_token('npm_')}",
       "//npm.pkg.github.com/:_authToken=" + g.crc_token("ghp_"),
       'npmAuthToken: "${NPM_AUTH_TOKEN-}"',
       "//registry.npmjs.org/:_authToken=",
       "_authToken=<your-token>",
   ])

fr(id="npm-registry-basic-auth",
   description="npm/yarn registry basic credentials (.npmrc `_auth=`/`:_password=`, .yarnrc.yml `npmAuthIdent:`)",
   severity="high",
   keywords=[],
   file_names=[".npmrc", "npmrc", ".yarnrc.yml", ".yarnrc"],
   regex=(r"""(?m)^[ \t]*(?://[^\s:]+/:)?(?:_auth|_password|npmAuthIdent)["']?[ \t]*[=:][ \t]*["']?("""
          + "[" + class_body(set(ALNUM + "+/=:._@-")) + "]{8,}" + r""")["']?[ \t]*\r?$"""),
   excluded_values=[not_in(1, words=PW_WORDS, prefixes=PW_PREFIXES + ["npm_"])],
   min_entropy=3.0,
   remediation=remed("The value is the registry user's password (base64) or user:password",
                     "change the password at the registry, switch to a scoped read-only token kept in an "
                     "environment variable"),
   examples=lambda g: [
       f"registry=https://npm.acme-corp.net/\n_auth={docker_auth(g)}\nalways-auth=true",
       f"//pkgs.dev.azure.com/acme/_packaging/feed/npm/registry/:username=acme\n"
       f"//pkgs.dev.azure.com/acme/_packaging/feed/npm/registry/:_password={b64(g.alnum(52).encode())}",
       f'npmRegistryServer: "https://npm.intra.lan"\nnpmAuthIdent: "{user(g)}:{g.password()}"',
   ],
   negative_examples=lambda g: [
       "_auth=${NPM_AUTH}\n",
       "always-auth=true\n",
       '//registry.npmjs.org/:_password=""\n',
       "_password = password\n",
       "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n",
   ])

fr(id="npm-legacy-access-token",
   description="npm legacy (UUID) access token under an npm token name (NPM_TOKEN, NODE_AUTH_TOKEN)",
   severity="critical",
   keywords=["npm_token", "npm-token", "npmtoken", "npm_auth_token", "node_auth_token"],
   regex=named(r"\b(?:npm[_-]?(?:auth[_-]?)?token|node[_-]auth[_-]token)",
               r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[^0-9a-zA-Z-]|$)", tail=r"\w{0,8}"),
   min_entropy=3.0,
   remediation=remed("An npm token can publish packages",
                     "revoke it at https://www.npmjs.com/settings/~/tokens (`npm token revoke`), create a "
                     "granular token kept in CI secrets"),
   examples=lambda g: [
       f'export NPM_TOKEN="{g.uuid()}"',
       f"NODE_AUTH_TOKEN: {g.uuid()}",
       f'  "npmToken": "{g.uuid()}",',
   ],
   negative_examples=lambda g: [
       "export NPM_TOKEN=${{ secrets.NPM_TOKEN }}",
       f"BUILD_ID={g.uuid()}",
       f"NPM_TOKEN={g.uuid()[:-1]}",
   ])

fr(id="pypirc-password",
   description="PyPI upload password in .pypirc (`password =` under an index section)",
   severity="high",
   keywords=[],
   file_names=[".pypirc", "pypirc"],
   regex=(r"(?m)^[ \t]*\[[\w.-]+\][ \t]*\r?\n(?:[ \t]*[\w-]+[ \t]*[=:][^\r\n]*\r?\n){0,8}?[ \t]*password[ \t]*[=:][ \t]*("
          + val() + ")" + eol()),
   excluded_values=[not_in(1, prefixes=["pypi-"])],
   min_entropy=2.5,
   remediation=remed("The .pypirc password uploads to that package index",
                     "change it (https://pypi.org/manage/account/) or remove the API token "
                     "(https://pypi.org/manage/account/token/), prefer Trusted Publishing or keyring"),
   examples=lambda g: [
       f"[distutils]\nindex-servers =\n    internal\n\n[internal]\nrepository = https://pypi.intra.lan/\n"
       f"username = {user(g)}\npassword = {g.password()}\n",
       f"[testpypi]\nusername = {user(g)}\npassword: {human_pw(g)}\n",
   ],
   negative_examples=lambda g: [
       "[pypi]\nusername = __token__\npassword = %(PYPI_TOKEN)s\n",
       "[pypi]\nusername = __token__\npassword = <your token>\n",
       "[pypi]\nusername = __token__\npassword = pypi-" + g.s(B64URL, 40) + "\n",
       "[pypi]\nusername = me\npassword =\n",
   ])

# ============================== JVM build and server configs ==============================

fr(id="maven-settings-password",
   description="Maven settings.xml `<server>` password",
   severity="high",
   keywords=["<server>"],
   regex=(r"<server>\s*(?:<[\w.-]+>[^<]*</[\w.-]+>\s*){0,8}?<(?:password|passphrase)>\s*("
          + val(stop="<") + r")\s*</(?:password|passphrase)>"),
   min_entropy=2.5,
   window=600,
   remediation=remed("A Maven <server> password deploys to that repository",
                     "change it (or revoke the token) in the repository manager (Nexus, Artifactory, "
                     "Sonatype Central), use `mvn --encrypt-password` or ${env.X} in settings.xml"),
   examples=lambda g: [
       f"<servers>\n  <server>\n    <id>nexus-releases</id>\n    <username>{user(g)}</username>\n"
       f"    <password>{g.password()}</password>\n  </server>\n</servers>",
       f"<server><id>central</id><username>{g.alnum(8)}</username><password>{g.s(B64URL, 44)}</password></server>",
       f"<server>\n  <id>gpg.passphrase</id>\n  <passphrase>{human_pw(g)}</passphrase>\n</server>",
   ],
   negative_examples=lambda g: [
       "<server>\n  <id>nexus</id>\n  <username>${env.NEXUS_USER}</username>\n  <password>${env.NEXUS_PASSWORD}</password>\n</server>",
       f"<server>\n  <id>nexus</id>\n  <password>{{{g.s(ALNUM + '+/', 44)}=}}</password>\n</server>",
       "<server>\n  <id>nexus</id>\n  <password>changeme</password>\n</server>",
       "<server>\n  <id>nexus</id>\n  <password>@nexus.password@</password>\n</server>",
   ])


def kv_examples(names, secrets):
    """Example lines for the kv_rule_regex forms, one per (name, secret)."""
    forms = [lambda n, s: f"{n}={s}", lambda n, s: f'{n} = "{s}"', lambda n, s: f"    {n} '{s}'",
             lambda n, s: f"{n}: {s}", lambda n, s: f"  {n} = '{s}'", lambda n, s: f"{n} = {s}"]
    return [forms[i % len(forms)](n, s) for i, (n, s) in enumerate(zip(names, secrets))]


def kv_regex(names, stop=";"):
    """`NAME=value` at a line start (properties, .env, INI: the value runs to the line end),
    `NAME = "value"` / `NAME "value"` / `NAME: 'value'` (Gradle, Groovy, YAML, code) or
    `-DNAME=value`; one capture group, the prefix alternation carries the context."""
    v = val(stop=stop)
    return (r"(?:(?m:^)[ \t]*(?:export[ \t]+)?(?:[a-z0-9-]+\.){0,4}(?:" + names + r")[ \t]*[=:][ \t]*|\b"
            + r"(?:[a-z0-9-]+\.){0,4}(?:" + names + r""")["']?[ \t]*[=:]?[ \t]*["']|[ \t]-D(?:""" + names + r")=)(" + v
            + r""")(?:["']|[ \t]*\r?(?:\n|$)|[ \t]+-)""")


GRADLE_PUB = (r"(?:ORG_GRADLE_PROJECT_)?(?:signing\.password|(?i:signingInMemoryKeyPassword)|(?:ossrh|sonatype|"
              r"mavenCentral|nexus|artifactory|gpr|bintray)Password)")
fr(id="gradle-publishing-password",
   description="Gradle signing or repository publishing password (gradle.properties, build.gradle)",
   severity="high",
   keywords=["signing.password", "signinginmemorykeypassword", "ossrhpassword", "sonatypepassword",
             "mavencentralpassword", "nexuspassword", "artifactorypassword", "gprpassword", "bintraypassword"],
   regex=kv_regex(GRADLE_PUB),
   min_entropy=2.5,
   remediation=remed("A publishing password signs or uploads artifacts under your name",
                     "change it (or revoke the user token) at Sonatype Central / the repository manager, "
                     "rotate the GPG key's passphrase, keep it in ~/.gradle/gradle.properties or CI secrets"),
   examples=lambda g: kv_examples(["signing.password", "ossrhPassword", "mavenCentralPassword",
                                   "ORG_GRADLE_PROJECT_signingInMemoryKeyPassword", "nexusPassword"],
                                  [human_pw(g), g.password(), g.s(B64URL, 44), g.password(), g.alnum(20)]),
   negative_examples=lambda g: [
       "signing.password=${SIGNING_PASSWORD}",
       'password = project.findProperty("ossrhPassword") ?: System.getenv("OSSRH_PASSWORD")',
       "ossrhPassword=changeme",
       "password ossrhPassword",
       "signing.password=",
       'val ossrhPassword: String by project',
   ])

KEYSTORE_NAMES = (r"javax\.net\.ssl\.keyStorePassword|(?i:key-?store[._-]?pass(?:word)?)|(?i:key-store-password)"
                  r"|server\.ssl\.key-password|storePassword|keyPassword|signing\.(?:store|key)\.password")
fr(id="java-keystore-password",
   description="Java/Android keystore or key password (keyStorePassword, server.ssl.key-store-password, "
               "storePassword/keyPassword)",
   severity="high",
   keywords=["keystorepassword", "keystore.password", "keystore_password", "keystore-password", "keystorepass",
             "keystore.pass", "keystore_pass", "key-store-password", "key-store-pass", "ssl.key-password",
             "storepassword", "keypassword", "signing.store.password", "signing.key.password"],
   regex=kv_regex(KEYSTORE_NAMES),
   excluded_values=[not_in(1, words=["keypassword", "storepassword", "keystorepassword", "keystorepass",
                                     "keystore_password", "key_password", "store_password", "keypass",
                                     "storepass"])],
   min_entropy=2.5,
   remediation=remed("A keystore password unlocks the private key stored with it",
                     "treat the key as exposed: issue a new key pair/certificate (for an Android upload key, "
                     "request an upload key reset in Play Console), set a new password kept in CI secrets"),
   examples=lambda g: kv_examples(["javax.net.ssl.keyStorePassword", "storePassword", "keyPassword",
                                   "server.ssl.key-store-password", "keystore.password", "KEYSTORE_PASSWORD"],
                                  [g.password(), human_pw(g), human_pw(g), g.alnum(16), g.password(),
                                   g.password()])
   + [f'java -Djavax.net.ssl.keyStorePassword={g.alnum(14)} -jar app.jar',
      f'<Connector port="8443" keystoreFile="conf/ks.jks" keystorePass="{human_pw(g)}" />'],
   negative_examples=lambda g: [
       "storePassword keystoreProperties['storePassword']",
       'storePassword System.getenv("STORE_PASSWORD")',
       "this.keyPassword = keyPassword;",
       "keyPassword = keyStorePass;",
       "server.ssl.key-store-password=${KEYSTORE_PASSWORD}",
       "javax.net.ssl.keyStorePassword=changeit",
       "storePassword 'android'",
       "keystore.password=",
   ])

TRUSTSTORE_NAMES = (r"javax\.net\.ssl\.trustStorePassword|(?i:trust-?store[._-]?pass(?:word)?)"
                    r"|(?i:trust-store-password)")
fr(id="java-truststore-password",
   description="Java truststore password (guards public CA certificates: informative)",
   severity="low",
   keywords=["truststorepassword", "truststore.password", "truststore_password", "truststore-password",
             "truststorepass", "truststore.pass", "truststore_pass", "trust-store-password", "trust-store-pass"],
   regex=kv_regex(TRUSTSTORE_NAMES),
   min_entropy=2.5,
   remediation=remed("A truststore password usually only protects public CA certificates, but is often reused",
                     "check that the same password is not used for a keystore or an account, set a new one"),
   examples=lambda g: kv_examples(["javax.net.ssl.trustStorePassword", "server.ssl.trust-store-password",
                                   "truststore.password"], [human_pw(g), g.password(), g.alnum(12)]),
   negative_examples=lambda g: [
       "javax.net.ssl.trustStorePassword=changeit",
       "server.ssl.trust-store-password=${TRUSTSTORE_PASSWORD}",
       "truststore.password=",
   ])

fr(id="gradle-repository-credentials",
   description="Gradle repository `credentials { username …; password '…' }` block with a literal password",
   severity="high",
   keywords=["credentials"],
   regex=(r"""\bcredentials\s*\{\s*(?://[^\r\n]*\s*)*username\s*=?\s*["'][^"'\r\n]*["']\s*(?://[^\r\n]*\s*)*"""
          r"""password\s*=?\s*["'](""" + val() + r""")["']"""),
   min_entropy=2.5,
   window=300,
   remediation=remed("A repository password in a build script reads or publishes artifacts",
                     "change it in the repository manager, read it from gradle.properties outside the "
                     "repository or an environment variable (providers.gradleProperty)"),
   examples=lambda g: [
       f"maven {{\n    url 'https://nexus.intra.lan/repository/releases/'\n    credentials {{\n"
       f"        username 'deployer'\n        password '{human_pw(g)}'\n    }}\n}}",
       f'credentials {{\n  username = "{user(g)}"\n  password = "{g.password()}"\n}}',
   ],
   negative_examples=lambda g: [
       "credentials {\n    username 'user'\n    password 'password'\n}",
       'credentials {\n  username "SOME_USERNAME"\n  password "SOME_PASSWORD"\n}',
       'credentials {\n  username = System.getenv("REPO_USER")\n  password = System.getenv("REPO_PASSWORD")\n}',
       'credentials {\n  username "$repoUser"\n  password "$repoPassword"\n}',
   ])

fr(id="spring-config-password",
   description="Spring Boot property password (spring.datasource.password, spring.mail.password, …)",
   severity="high",
   keywords=["spring."],
   regex=(r"(?:(?m:^)[ \t]*|[ \t]-D|[ \t]--)spring\.[a-z0-9.-]*?password[ \t]*[=:][ \t]*(" + val() + ")"
          + r"(?:[ \t]*\r?\n|[ \t]|$)"),
   min_entropy=2.5,
   remediation=remed("A Spring property password logs in to that service (database, mail, broker)",
                     "change it on the service, reference ${ENV_VAR} or Spring Cloud Config/Vault instead"),
   examples=lambda g: [
       f"spring.datasource.url=jdbc:postgresql://db.internal:5432/app\nspring.datasource.username=app\n"
       f"spring.datasource.password={g.password()}",
       f"spring.mail.password={human_pw(g)}",
       f"java -jar app.jar --spring.rabbitmq.password={g.alnum(16)} --server.port=8080",
   ],
   negative_examples=lambda g: [
       "spring.datasource.password=${DB_PASSWORD}",
       "spring.datasource.password=",
       "spring.datasource.password={cipher}AQA3x0",
       "spring.mail.password=changeme",
   ])

fr(id="tomcat-users-password",
   description="Tomcat tomcat-users.xml (or similar) `<user … password=\"…\">`",
   severity="high",
   keywords=["<user "],
   regex=r"""<user\s[^>]*?\bpassword\s*=\s*"(""" + val() + r""")"[^>]*>""",
   min_entropy=2.5,
   remediation=remed("The <user> password logs in to the server's manager or admin app",
                     "change it, restrict the manager app to localhost, use a digested password "
                     "(CredentialHandler) or an external realm"),
   examples=lambda g: [
       f'<tomcat-users>\n  <role rolename="manager-gui"/>\n  <user username="{user(g)}" password="{human_pw(g)}" roles="manager-gui,admin-gui"/>\n</tomcat-users>',
       f'<user name="admin" password="{g.password()}" roles="admin" />',
   ],
   negative_examples=lambda g: [
       '<user username="tomcat" password="<must-be-changed>" roles="tomcat"/>',
       '<user username="tomcat" password="tomcat" roles="tomcat"/>',
       '<user username="both" password="s3cret" roles="tomcat,role1"/>',
       '<user username="admin" password="${TOMCAT_PASSWORD}" roles="manager-gui"/>',
   ])

fr(id="nuget-config-password",
   description="NuGet.config package source `ClearTextPassword`",
   severity="high",
   keywords=["cleartextpassword"],
   regex=r"""<add\s+key\s*=\s*"(?i:ClearTextPassword)"\s+value\s*=\s*"(""" + val() + r""")\"""",
   min_entropy=2.5,
   remediation=remed("A NuGet feed password or PAT reads (and may push) packages",
                     "revoke the PAT or change the password at the feed (Azure DevOps: User settings > "
                     "Personal access tokens), use %ENV_VAR% in NuGet.config"),
   examples=lambda g: [
       f'<packageSourceCredentials>\n  <acme>\n    <add key="Username" value="{user(g)}" />\n'
       f'    <add key="ClearTextPassword" value="{g.s(ALNUM, 52).lower()}" />\n  </acme>\n</packageSourceCredentials>',
       f'<add key="ClearTextPassword" value="{human_pw(g)}"/>',
   ],
   negative_examples=lambda g: [
       '<add key="ClearTextPassword" value="%NUGET_PAT%" />',
       '<add key="ClearTextPassword" value="$(NUGET_PAT)" />',
       '<add key="ClearTextPassword" value="" />',
   ])

fr(id="composer-auth-password",
   description='Composer auth.json `"http-basic"` password',
   severity="high",
   keywords=['"http-basic"'],
   regex=r'"http-basic"\s*:\s*\{[^\x00]{0,600}?"password"\s*:\s*"(' + val() + ')"',
   excluded_values=[not_in(1, prefixes=["packagist_"])],
   min_entropy=2.5,
   window=600,
   remediation=remed("The http-basic password reads packages from that repository",
                     "change it (or revoke the token) at the repository, keep auth.json out of the project "
                     "(COMPOSER_AUTH in CI)"),
   examples=lambda g: [
       f'{{\n    "http-basic": {{\n        "repo.packagist.com": {{\n            "username": "token",\n'
       f'            "password": "{g.hex(40)}"\n        }}\n    }}\n}}',
       f'{{"http-basic":{{"satis.intra.lan":{{"username":"{user(g)}","password":"{human_pw(g)}"}}}}}}',
   ],
   negative_examples=lambda g: [
       '{"http-basic": {"repo.example.org": {"username": "me", "password": "my-password"}}}',
       '{"http-basic": {"repo.packagist.com": {"username": "token", "password": "${PACKAGIST_TOKEN}"}}}',
   ])

# ============================== SFTP / FTP clients ==============================

fr(id="sublime-sftp-config-password",
   description='Sublime SFTP sftp-config.json `"password"`',
   severity="high",
   keywords=[],
   file_names=["sftp-config.json", "sftp-config-alt*.json"],
   regex=r'"type"\s*:\s*"(?:s?ftps?)"[^\x00]{0,1500}?"password"\s*:\s*"(' + val() + ')"',
   min_entropy=2.5,
   remediation=remed("The SFTP password logs in to that server",
                     "change the account's password (better: switch to key authentication), keep "
                     "sftp-config.json out of the repository"),
   examples=lambda g: [
       f'{{\n    "type": "sftp",\n    "save_before_upload": true,\n    "upload_on_save": true,\n'
       f'    "host": "{host(g)}",\n    "user": "{user(g)}",\n    "password": "{human_pw(g)}",\n'
       f'    "port": "22",\n    "remote_path": "/var/www/html/"\n}}',
       f'{{"type": "ftp", "host": "ftp.acme-corp.net", "user": "web", "password": "{g.password()}"}}',
   ],
   negative_examples=lambda g: [
       '{\n    "type": "sftp",\n    "host": "example.com",\n    "user": "username",\n'
       '    //"password": "password",\n    "port": "22"\n}',
       '{"type": "sftp", "host": "h", "user": "u", "ssh_key_file": "~/.ssh/id_rsa"}',
   ])

fr(id="filezilla-password",
   description="FileZilla sitemanager.xml/recentservers.xml `<Pass>` (base64 or plain)",
   severity="high",
   keywords=["<pass encoding", "<pass>"],
   regex=r"""<Pass(?:\s+encoding\s*=\s*"base64")?\s*>(""" + val(stop="<") + r")</Pass>",
   min_entropy=2.5,
   remediation=remed("FileZilla stores the site password in clear or base64",
                     "change the FTP/SFTP account's password, set a FileZilla master password, keep "
                     "sitemanager.xml out of the repository"),
   examples=lambda g: [
       f'<Server>\n  <Host>{host(g)}</Host>\n  <Port>21</Port>\n  <User>{user(g)}</User>\n'
       f'  <Pass encoding="base64">{b64(human_pw(g).encode())}</Pass>\n</Server>',
       f"<User>web</User>\n<Pass>{g.password()}</Pass>",
   ],
   negative_examples=lambda g: [
       '<Pass encoding="base64" />',
       "<Pass></Pass>",
       "<Pass>password</Pass>",
   ])

fr(id="winscp-password",
   description="WinSCP.ini session `Password=` (reversibly obfuscated)",
   severity="high",
   keywords=["[sessions\\"],
   regex=r"\[Sessions\\[^\]\r\n]+\][^\[]{0,1500}?\bPassword=([0-9A-F]{16,})",
   min_entropy=3.0,
   window=1500,
   remediation=remed("WinSCP's stored password is obfuscated, not encrypted: anyone can decode it",
                     "change the account's password, set a WinSCP master password or use keys"),
   examples=lambda g: [
       f"[Sessions\\{user(g)}@{host(g)}]\nHostName={host(g)}\nUserName={user(g)}\n"
       f"Password={g.s(HEX.upper(), 64)}\nFSProtocol=2",
       f"[Sessions\\prod]\r\nHostName=10.0.0.5\r\nPortNumber=22\r\nPassword={g.s(HEX.upper(), 48)}\r\n",
   ],
   negative_examples=lambda g: [
       "[Sessions\\prod]\nHostName=10.0.0.5\nUserName=ops\nPublicKeyFile=C:\\keys\\ops.ppk",
       "PuttyPassword=0",
       "[Configuration\\Interface]\nPassword=" + g.s(HEX.upper(), 40),
   ])

# ============================== web frameworks ==============================

fr(id="django-secret-key",
   description="Django SECRET_KEY (50 characters of Django's alphabet; `django-insecure-` dev keys too)",
   severity="high",
   keywords=["secret_key"],
   regex=(r"""\b(?:DJANGO_)?SECRET_KEY["']?\s*(?:=|:|,)\s*[rbu]?["']((?:django-insecure-)?"""
          r"""[a-z0-9!@#$%^&*(=+)_-]{40,64})["']"""),
   min_entropy=4.2,
   remediation=remed("Django's SECRET_KEY signs sessions, password-reset tokens and messages",
                     "generate a new one (django.core.management.utils.get_random_secret_key), load it from "
                     "the environment, expect all sessions to be logged out"),
   examples=lambda g: [
       f"SECRET_KEY = '{g.s(DIGITS + LOWER + '!@#$%^&*(-_=+)', 50)}'",
       f"SECRET_KEY = 'django-insecure-{g.s(DIGITS + LOWER + '!@#%^&*(-_=+)', 50)}'",
       f"SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', '{g.s(DIGITS + LOWER + '!@#%^&*(-_=+)', 50)}')",
       f'DJANGO_SECRET_KEY="{g.s(DIGITS + LOWER, 50)}"',
   ],
   negative_examples=lambda g: [
       "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
       f"SECRET_KEY = '{g.hex(64)}'",
       "SECRET_KEY = 'hmm'",
       f"AWS_SECRET_KEY = '{g.s(ALNUM + '+/', 40)}'",
   ])

fr(id="django-database-password",
   description="Django settings DATABASES `'PASSWORD': '…'`",
   severity="high",
   keywords=["databases"],
   # How far past `DATABASES = {` the PASSWORD may be is the window's to say (800 bytes): a
   # bounded repetition here compiled to 800 NFA states, a third of a millisecond per run.
   regex=(r"""\bDATABASES\s*=\s*\{[^\x00]*?["']PASSWORD["']\s*:\s*["'](""" + val() + r""")["']"""),
   min_entropy=2.5,
   window=800,
   remediation=remed("The DATABASES password logs in to the application's database",
                     "change the database user's password, read it from the environment "
                     "(os.environ / django-environ)"),
   examples=lambda g: [
       f"DATABASES = {{\n    'default': {{\n        'ENGINE': 'django.db.backends.postgresql',\n"
       f"        'NAME': 'shop',\n        'USER': 'shop',\n        'PASSWORD': '{human_pw(g)}',\n"
       f"        'HOST': 'db.internal',\n    }}\n}}",
       f'DATABASES = {{"default": {{"ENGINE": "django.db.backends.mysql", "NAME": "app", "PASSWORD": "{g.password()}"}}}}',
   ],
   negative_examples=lambda g: [
       "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n"
       "        'PASSWORD': os.environ['DB_PASSWORD'],\n    }\n}",
       "DATABASES = {\n    'default': {\n        'PASSWORD': '',\n    }\n}",
       "DATABASES = {'default': {'PASSWORD': 'postgres'}}",
   ])

fr(id="rails-secret-key-base",
   description="Rails secret_key_base (secrets.yml, config, SECRET_KEY_BASE)",
   severity="high",
   keywords=["secret_key_base"],
   regex=r"""(?i:secret_key_base)["']?\s*[:=]\s*["']?([0-9a-f]{64,128})(?:[^0-9a-zA-Z]|$)""",
   min_entropy=3.0,
   remediation=remed("secret_key_base signs and encrypts Rails cookies and sessions",
                     "generate a new one (`bin/rails secret`), keep it in encrypted credentials or the "
                     "environment, expect sessions to be reset"),
   examples=lambda g: [
       f"production:\n  secret_key_base: {g.hex(128)}",
       f"config.secret_key_base = '{g.hex(128)}'",
       f"SECRET_KEY_BASE={g.hex(128)}",
   ],
   negative_examples=lambda g: [
       "production:\n  secret_key_base: <%= ENV[\"SECRET_KEY_BASE\"] %>",
       f"secret_key_base: {g.hex(40)}",
       "config.secret_key_base = ENV.fetch('SECRET_KEY_BASE')",
   ])

fr(id="rails-master-key",
   description="Rails master key file (config/master.key, config/credentials/*.key): 32 hex",
   severity="high",
   keywords=[],
   file_names=["master.key", "credentials.key", "production.key", "staging.key", "development.key"],
   regex=r"^\s*([0-9a-f]{32})\s*$",
   min_entropy=3.0,
   remediation=remed("The master key decrypts config/credentials.yml.enc and every secret in it",
                     "rotate every secret in the credentials file, re-encrypt it with a new key "
                     "(`bin/rails credentials:edit` after removing the old key), keep *.key in .gitignore"),
   examples=lambda g: [g.hex(32), g.hex(32) + "\n"],
   negative_examples=lambda g: [g.hex(40), "-----BEGIN PRIVATE KEY-----\n" + g.hex(32) + "\n"],
   )

fr(id="rails-master-key-variable",
   description="Rails master key in RAILS_MASTER_KEY",
   severity="high",
   keywords=["rails_master_key"],
   regex=named(r"\bRAILS_MASTER_KEY", r"([0-9a-f]{32})(?:[^0-9a-zA-Z]|$)", tail=""),
   min_entropy=3.0,
   remediation=remed("The master key decrypts config/credentials.yml.enc and every secret in it",
                     "rotate every secret in the credentials file and re-encrypt it with a new key, pass the "
                     "key through CI secrets"),
   examples=lambda g: [
       f"RAILS_MASTER_KEY={g.hex(32)}",
       f"    environment:\n      RAILS_MASTER_KEY: \"{g.hex(32)}\"",
       f"docker run -e RAILS_MASTER_KEY={g.hex(32)} app",
   ],
   negative_examples=lambda g: [
       "RAILS_MASTER_KEY=${{ secrets.RAILS_MASTER_KEY }}",
       "RAILS_MASTER_KEY=$(cat config/master.key)",
       f"RAILS_MASTER_KEY={g.hex(31)}",
   ])

fr(id="rails-database-yml-password",
   description="Rails config/database.yml `password:` under an adapter",
   severity="high",
   keywords=["adapter:"],
   regex=(r"""\badapter:[ \t]*["']?[\w-]+["']?[ \t]*\r?\n(?:[ \t]+[\w-]+:[^\r\n]*\r?\n){0,12}?[ \t]+password:[ \t]*"""
          r"""["']?(""" + val() + r""")["']?[ \t]*\r?(?:\n|$)"""),
   min_entropy=2.5,
   window=600,
   remediation=remed("The database.yml password logs in to the application's database",
                     "change the database user's password, use <%= ENV[...] %> or DATABASE_URL"),
   examples=lambda g: [
       f"production:\n  adapter: postgresql\n  encoding: unicode\n  database: shop_production\n"
       f"  username: shop\n  password: {human_pw(g)}\n  host: db.internal\n",
       f"default: &default\n  adapter: mysql2\n  pool: 5\n  password: \"{g.password()}\"\n",
   ],
   negative_examples=lambda g: [
       "production:\n  adapter: postgresql\n  password: <%= ENV['SHOP_DATABASE_PASSWORD'] %>\n",
       "development:\n  adapter: postgresql\n  password:\n",
       "test:\n  adapter: sqlite3\n  database: db/test.sqlite3\n",
   ])

WP_SALT_ALPHABET = ALNUM + "!@#$%^&*()-_[]{}~`+=,.;:/?|"
fr(id="wordpress-db-password",
   description="WordPress wp-config.php `define('DB_PASSWORD', '…')`",
   severity="high",
   keywords=["db_password"],
   regex=r"""define\(\s*["']DB_PASSWORD["']\s*,\s*["'](""" + val() + r""")["']\s*\)""",
   min_entropy=2.5,
   remediation=remed("DB_PASSWORD logs in to the site's MySQL database",
                     "change the MySQL user's password (and update wp-config.php outside the repository), "
                     "check the users table for unknown administrators"),
   examples=lambda g: [
       f"define( 'DB_NAME', 'wordpress' );\ndefine( 'DB_USER', 'wp' );\ndefine( 'DB_PASSWORD', '{human_pw(g)}' );",
       f'define("DB_PASSWORD", "{g.password()}");',
   ],
   negative_examples=lambda g: [
       "define( 'DB_PASSWORD', 'password_here' );",
       "define( 'DB_PASSWORD', getenv('WORDPRESS_DB_PASSWORD') );",
       "define( 'DB_PASSWORD', '' );",
   ])

fr(id="wordpress-auth-salt",
   description="WordPress authentication keys and salts (AUTH_KEY, SECURE_AUTH_SALT, …)",
   severity="high",
   keywords=["auth_key", "auth_salt", "logged_in_key", "logged_in_salt", "nonce_key", "nonce_salt"],
   regex=(r"""define\(\s*["'](?:SECURE_)?(?:AUTH|LOGGED_IN|NONCE)_(?:KEY|SALT)["']\s*,\s*'([^'\r\n]{32,128})'\s*\)"""),
   min_entropy=4.3,
   remediation=remed("The keys and salts let anyone forge WordPress login cookies",
                     "generate new ones (https://api.wordpress.org/secret-key/1.1/salt/), which logs "
                     "everyone out"),
   examples=lambda g: [
       f"define( 'AUTH_KEY',         '{g.s(WP_SALT_ALPHABET, 64)}' );",
       f"define('SECURE_AUTH_SALT', '{g.s(WP_SALT_ALPHABET, 64)}');",
       f"define( 'NONCE_KEY', '{g.s(WP_SALT_ALPHABET, 64)}' );",
   ],
   negative_examples=lambda g: [
       "define( 'AUTH_KEY',         'put your unique phrase here' );",
       "define( 'AUTH_KEY', getenv('WP_AUTH_KEY') );",
       "define( 'NONCE_SALT', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' );",
   ])

fr(id="public-env-secret",
   description="Server secret in a client-side public env variable (REACT_APP_/VITE_/NEXT_PUBLIC_…*_SECRET/_PASSWORD)",
   severity="high",
   keywords=["react_app_", "vite_", "next_public_", "vue_app_", "expo_public_", "gatsby_", "nuxt_public_",
             "nuxt_env_"],
   regex=(r"(?m:^)[ \t]*(?:#[ \t]*)?(?:export[ \t]+)?(?:REACT_APP|VITE|NEXT_PUBLIC|VUE_APP|EXPO_PUBLIC|GATSBY|"
          r"NUXT_PUBLIC|NUXT_ENV)_[A-Z0-9_]*?(?:PASSWORD|PASSWD|PASS|PWD|SECRET|SECRET_KEY|PRIVATE_KEY|"
          r"CLIENT_SECRET|SECRET_ACCESS_KEY)[ \t]*=[ \t]*[\"']?(" + val() + ")" + end()),
   min_entropy=2.5,
   remediation=remed("Variables with a public prefix are compiled into the browser bundle: the value is public",
                     "rotate the secret at its service, move the call that needs it to a server/API route "
                     "and keep the secret in a server-only variable"),
   examples=lambda g: [
       f"REACT_APP_API_SECRET={g.alnum(32)}",
       f"VITE_ADMIN_PASSWORD={human_pw(g)}",
       f'NEXT_PUBLIC_STRIPE_SECRET_KEY="{g.s(ALNUM, 40)}"',
       f"# REACT_APP_GUEST_PASSWORD={human_pw(g)}",
       f"    VUE_APP_SMTP_PASS={g.password()}    # mailer",
   ],
   negative_examples=lambda g: [
       "REACT_APP_FRONTEND_LOGIN_FORGOT_PASSWORD=$REACT_APP_BASE_URL/#/forgot_password",
       'const password = process.env.REACT_APP_FIREBASE_DEV_PASSWORD || "not-set"',
       "REACT_APP_MAILER_PASSWORD=smtp_password # Enter your SMTP email password",
       f"REACT_APP_API_KEY={g.alnum(32)}",
       "VITE_DB_PASSWORD=",
   ])

fr(id="gitalk-client-secret",
   description="GitHub OAuth app client secret in a Gitalk/Gitment comment-widget config (clientID + clientSecret)",
   severity="medium",
   keywords=["clientid"],
   regex=(r"""\bclientID[ \t]*:[ \t]*["'][0-9a-fA-F]{20}["'][ \t]*,\s*(?:\w+[ \t]*:[^,\r\n]{1,100},\s*){0,4}?"""
          r"""clientSecret[ \t]*:[ \t]*["']([0-9a-f]{40})["']"""),
   min_entropy=3.0,
   window=300,
   remediation=remed("The OAuth app's client secret is in the site's JavaScript",
                     "reset it at https://github.com/settings/developers (the app's page), and keep in mind "
                     "Gitalk-style widgets expose it to every visitor by design"),
   examples=lambda g: [
       f"const gitalk = new Gitalk({{\n  clientID: '{g.hex(20)}',\n  clientSecret: '{g.hex(40)}',\n"
       f"  repo: 'blog-comments',\n}})",
       f"new Gitalk({{ clientID: \"{g.hex(20)}\", repo: \"comments\", owner: \"me\", clientSecret: \"{g.hex(40)}\" }})",
   ],
   negative_examples=lambda g: [
       f'var gitalk = new Gitalk({{\n    "clientID": "{g.hex(20)}",\n    "clientSecret": "{g.hex(40)}",\n}})',
       "new Gitalk({ clientID: 'GITHUB_CLIENT_ID', clientSecret: 'GITHUB_CLIENT_SECRET' })",
       f"clientID: '{g.hex(20)}',\nclientSecret: process.env.GITALK_SECRET,",
   ])

# ============================== password hashes ==============================

HASH_REMEDIATION = ("A password hash can be cracked offline (weak or reused passwords fall fast): change the "
                    "password of that account everywhere it is used, remove the hash from the repository, ")

fr(id="htpasswd-entry",
   description="Apache .htpasswd entry `user:hash` ({SHA}, $apr1$, bcrypt, crypt)",
   severity="medium",
   keywords=[],
   file_names=[".htpasswd", "*.htpasswd", "htpasswd"],
   regex=(r"(?m)^[^\s:#][^\s:]*:(\{SHA\}[A-Za-z0-9+/]{27}=|\$apr1\$[./0-9A-Za-z]{1,8}\$[./0-9A-Za-z]{22}"
          r"|\$2[aby]\$\d\d\$[./0-9A-Za-z]{53}|\$[156]\$[^\s:$]{1,16}\$[./0-9A-Za-z]{22,86}"
          r"|[./0-9A-Za-z]{13})[ \t]*\r?$"),
   min_entropy=2.5,
   remediation=HASH_REMEDIATION + PURGE,
   examples=lambda g: [
       f"admin:{{SHA}}{b64(g.bytes(20))}\n",
       f"deploy:$apr1${g.s(CRYPT64, 8)}${g.s(CRYPT64, 22)}\n{user(g)}:$2y$05${g.s(CRYPT64, 53)}\n",
       f"ops:{g.s(CRYPT64, 13)}\n",
   ],
   negative_examples=lambda g: [
       "# user:password\n",
       "admin:\n",
       "AuthUserFile /etc/apache2/.htpasswd\n",
   ])

fr(id="md5-crypt-hash",
   description="MD5-crypt password hash ($1$ /etc/shadow, $apr1$ Apache)",
   severity="medium",
   keywords=["$1$", "$apr1$"],
   regex=r"(\$(?:1|apr1)\$[./0-9A-Za-z]{1,8}\$[./0-9A-Za-z]{22})(?:[^./0-9A-Za-z$]|$)",
   min_entropy=3.0,
   remediation=HASH_REMEDIATION + PURGE,
   examples=lambda g: [
       f"root:$1${g.s(CRYPT64, 8)}${g.s(CRYPT64, 22)}:19345:0:99999:7:::",
       f"$1${g.digits(8)}${g.s(CRYPT64, 22)}",
       f'password_hash = "$apr1${g.s(CRYPT64, 8)}${g.s(CRYPT64, 22)}"',
   ],
   negative_examples=lambda g: [
       "sed -e 's/\\(.*\\)/$1$2/'",
       f"$1${g.s(CRYPT64, 8)}${g.s(CRYPT64, 12)}",
   ])

fr(id="sha-crypt-hash",
   description="SHA-crypt password hash ($5$ SHA-256, $6$ SHA-512; /etc/shadow, cloud-init, kickstart)",
   severity="medium",
   keywords=["$5$", "$6$"],
   regex=(r"(\$5\$(?:rounds=\d{1,9}\$)?[./0-9A-Za-z]{1,16}\$[./0-9A-Za-z]{43}"
          r"|\$6\$(?:rounds=\d{1,9}\$)?[./0-9A-Za-z]{1,16}\$[./0-9A-Za-z]{86})(?:[^./0-9A-Za-z$]|$)"),
   min_entropy=3.0,
   remediation=HASH_REMEDIATION + PURGE,
   examples=lambda g: [
       f"root:$6${g.s(CRYPT64, 16)}${g.s(CRYPT64, 86)}:19500:0:99999:7:::",
       f"  passwd: $6$rounds=4096${g.s(CRYPT64, 8)}${g.s(CRYPT64, 86)}",
       f"rootpw --iscrypted $5${g.s(CRYPT64, 16)}${g.s(CRYPT64, 43)}",
   ],
   negative_examples=lambda g: [
       f"$6${g.s(CRYPT64, 16)}${g.s(CRYPT64, 40)}",
       "echo $5$6$7",
   ])

fr(id="yescrypt-hash",
   description="yescrypt password hash ($y$, $gy$; current Debian/Ubuntu/Fedora /etc/shadow)",
   severity="medium",
   keywords=["$y$", "$gy$"],
   regex=r"(\$g?y\$[./0-9A-Za-z]{1,16}\$[./0-9A-Za-z]{1,86}\$[./0-9A-Za-z]{43})(?:[^./0-9A-Za-z$]|$)",
   min_entropy=3.0,
   remediation=HASH_REMEDIATION + PURGE,
   examples=lambda g: [
       f"admin:$y$j9T${g.s(CRYPT64, 22)}${g.s(CRYPT64, 43)}:19700:0:99999:7:::",
       f"    hashed_passwd: \"$y$j9T${g.s(CRYPT64, 22)}${g.s(CRYPT64, 43)}\"",
   ],
   negative_examples=lambda g: [
       f"$y$j9T${g.s(CRYPT64, 22)}${g.s(CRYPT64, 20)}",
   ])

fr(id="bcrypt-hash",
   description="bcrypt password hash ($2a$/$2b$/$2y$)",
   severity="medium",
   keywords=["$2a$", "$2b$", "$2y$", "$2x$"],
   regex=r"(\$2[abxy]\$\d\d\$[./0-9A-Za-z]{53})(?:[^./0-9A-Za-z$]|$)",
   min_entropy=3.0,
   remediation=HASH_REMEDIATION + PURGE,
   examples=lambda g: [
       f"admin:$2y$10${g.s(CRYPT64, 53)}",
       f"  password_hash: '$2b$12${g.s(CRYPT64, 53)}'",
       f'INSERT INTO users (email, password) VALUES (\'ops@acme-corp.net\', \'$2a$10${g.s(CRYPT64, 53)}\');',
   ],
   negative_examples=lambda g: [
       f"$2y$10${g.s(CRYPT64, 40)}",
       "bcrypt format: $2b$[cost]$[22 character salt][31 character hash]",
   ])

fr(id="cisco-type8-type9-hash",
   description="Cisco IOS type 8 (PBKDF2) / type 9 (scrypt) secret hash ($8$, $9$)",
   severity="medium",
   keywords=["$8$", "$9$"],
   regex=r"(\$[89]\$[./0-9A-Za-z]{14}\$[./0-9A-Za-z]{43})(?:[^./0-9A-Za-z$]|$)",
   min_entropy=3.0,
   remediation=HASH_REMEDIATION + PURGE,
   examples=lambda g: [
       f"enable secret 9 $9${g.s(CRYPT64, 14)}${g.s(CRYPT64, 43)}",
       f"username admin privilege 15 secret 8 $8${g.s(CRYPT64, 14)}${g.s(CRYPT64, 43)}",
   ],
   negative_examples=lambda g: [
       f"$8${g.s(CRYPT64, 14)}${g.s(CRYPT64, 30)}",
   ])

fr(id="kerberos-asrep-hash",
   description="Kerberos AS-REP roasting hash ($krb5asrep$)",
   severity="medium",
   keywords=["$krb5asrep$"],
   regex=(r"(\$krb5asrep\$(?:23|17|18)\$(?:[^\s$:]{1,256}:)?[0-9a-fA-F]{24,32}\$[0-9a-fA-F]{64,})"
          r"(?:[^0-9a-fA-F]|$)"),
   min_entropy=3.0,
   remediation=("An AS-REP hash of an account without Kerberos pre-authentication can be cracked offline: "
                "change that account's password to a long random one, enable pre-authentication on it, "
                + PURGE),
   examples=lambda g: [
       f"$krb5asrep$23$svc_backup@CORP.LOCAL:{g.hex(32)}${g.hex(400)}",
       f"$krb5asrep$23${g.hex(32)}${g.hex(464)}",
   ],
   negative_examples=lambda g: [
       "$krb5asrep$23$user@domain.com:<checksum>$<edata>",
       f"$krb5asrep$23${g.hex(32)}${g.hex(30)}",
   ])

fr(id="kerberos-tgs-hash",
   description="Kerberoasting service-ticket hash ($krb5tgs$)",
   severity="medium",
   keywords=["$krb5tgs$"],
   regex=(r"(\$krb5tgs\$(?:23|17|18)\$[^\s]{0,300}?\$[0-9a-fA-F]{24,32}\$[0-9a-fA-F]{64,})(?:[^0-9a-fA-F]|$)"),
   min_entropy=3.0,
   remediation=("A Kerberoast hash of a service account can be cracked offline: change the service account's "
                "password to a long random one (or use a gMSA), " + PURGE),
   examples=lambda g: [
       f"$krb5tgs$23$*sqlsvc$CORP.LOCAL$MSSQLSvc/sql01.corp.local:1433*${g.hex(32)}${g.hex(600)}",
       f"$krb5tgs$18$websvc$CORP.LOCAL$*HTTP/web01*${g.hex(24)}${g.hex(500)}",
   ],
   negative_examples=lambda g: [
       "$krb5tgs$23$*user$realm$spn*$checksum$edata",
   ])

fr(id="pwdump-ntlm-hash",
   description="Windows pwdump/secretsdump line `user:RID:LMHASH:NTHASH:::` (NT hashes pass-the-hash)",
   severity="high",
   keywords=[":::"],
   regex=r"(?m)^[ \t]*[^\s:]{1,64}:\d{1,10}:([0-9a-fA-F]{32}:[0-9a-fA-F]{32}):::",
   min_entropy=3.0,
   remediation=("NT hashes authenticate as the user without cracking (pass-the-hash): reset those accounts' "
                "passwords (krbtgt twice if present), investigate how the dump was taken, " + PURGE),
   examples=lambda g: [
       f"Administrator:500:aad3b435b51404eeaad3b435b51404ee:{g.hex(32)}:::",
       f"corp.local\\svc_sql:1104:{g.hex(32)}:{g.hex(32)}:::\nGuest:501:aad3b435b51404eeaad3b435b51404ee:{g.hex(32)}:::",
   ],
   negative_examples=lambda g: [
       "Administrator:500:<LM>:<NT>:::",
       f"user:500:{g.hex(32)}:::",
   ])

# ============================== keys ==============================

def ppk(g, encrypted=False, version=3):
    alg = g.r.choice(["ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256"])
    pub = b64(g.bytes(51 if alg == "ssh-ed25519" else 279))
    priv = b64(g.bytes(48 if alg == "ssh-ed25519" else 656))
    publ, privl = wrap(pub, 64), wrap(priv, 64)
    lines = [f"PuTTY-User-Key-File-{version}: {alg}",
             f"Encryption: {'aes256-cbc' if encrypted else 'none'}",
             f"Comment: {alg.split('-')[-1]}-key-2024{g.digits(4)}",
             f"Public-Lines: {len(publ)}", *publ]
    if encrypted and version == 3:
        lines += ["Key-Derivation: Argon2id", "Argon2-Memory: 8192", "Argon2-Passes: 13",
                  "Argon2-Parallelism: 1", f"Argon2-Salt: {g.hex(32)}"]
    lines += [f"Private-Lines: {len(privl)}", *privl, f"Private-MAC: {g.hex(64 if version == 3 else 40)}"]
    return "\n".join(lines)


PPK_RE = (r"(PuTTY-User-Key-File-[23]:[ \t]*[\w@.-]+\r?\nEncryption:[ \t]*{enc}\r?\n(?:[\w-]+:[^\r\n]*\r?\n)*?"
          r"Public-Lines:[ \t]*\d+\r?\n(?:[A-Za-z0-9+/=]+\r?\n)+(?:[\w-]+:[^\r\n]*\r?\n)*?"
          r"Private-Lines:[ \t]*\d+\r?\n(?:[A-Za-z0-9+/=]+\r?\n)+Private-MAC:[ \t]*[0-9a-fA-F]{{40,64}})")

fr(id="putty-private-key",
   description="PuTTY private key file (.ppk), unencrypted",
   severity="critical",
   keywords=["putty-user-key-file-"],
   regex=PPK_RE.format(enc="none"),
   min_entropy=4.0,
   window=6000,
   remediation=("Remove the public key from every server's authorized_keys (and Git hosts' SSH keys) now, "
                "generate a new key pair protected by a passphrase, " + PURGE),
   examples=lambda g: [ppk(g), ppk(g, version=2).replace("\n", "\r\n")],
   negative_examples=lambda g: [ppk(g, encrypted=True), "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n"],
   )

fr(id="putty-encrypted-private-key",
   description="PuTTY private key file (.ppk), passphrase-encrypted",
   severity="medium",
   keywords=["putty-user-key-file-"],
   regex=PPK_RE.format(enc="aes256-cbc"),
   min_entropy=4.0,
   window=6000,
   remediation=("The key is encrypted, but a weak passphrase can be brute-forced offline: replace the key pair "
                "on the servers that trust it, " + PURGE),
   examples=lambda g: [ppk(g, encrypted=True), ppk(g, encrypted=True, version=2)],
   negative_examples=lambda g: [ppk(g)],
   )

WG_KEY = r"([A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=|[A-Za-z0-9+/]{43}=)"
fr(id="wireguard-private-key",
   description="WireGuard interface PrivateKey ([Interface] section)",
   severity="high",
   keywords=["[interface]"],
   regex=r"\[Interface\][^\[]{0,800}?\bPrivateKey[ \t]*=[ \t]*([A-Za-z0-9+/]{43}=)",
   min_entropy=3.5,
   window=800,
   remediation=("A WireGuard private key lets anyone impersonate that peer: generate a new key pair "
                "(`wg genkey | wg pubkey`), replace the public key on every peer, " + PURGE),
   examples=lambda g: [
       f"[Interface]\nAddress = 10.8.0.2/24\nPrivateKey = {b64(g.bytes(32))}\nDNS = 1.1.1.1\n\n[Peer]\n"
       f"PublicKey = {b64(g.bytes(32))}\nEndpoint = vpn.acme-corp.net:51820\nAllowedIPs = 0.0.0.0/0\n",
       f"[Interface]\nPrivateKey={b64(g.bytes(32))}\nListenPort = 51820\n",
   ],
   negative_examples=lambda g: [
       "[Interface]\nAddress = 10.8.0.2/24\nPrivateKey = <client-private-key>\n",
       f"[Peer]\nPublicKey = {b64(g.bytes(32))}\nAllowedIPs = 10.8.0.0/24\n",
       "[Interface]\nPrivateKey = $(cat /etc/wireguard/private.key)\n",
   ])

fr(id="wireguard-preshared-key",
   description="WireGuard peer PresharedKey",
   severity="medium",
   keywords=["presharedkey"],
   regex=r"\bPresharedKey[ \t]*=[ \t]*([A-Za-z0-9+/]{43}=)",
   min_entropy=3.5,
   remediation=("The pre-shared key adds a symmetric layer to that peer link: generate a new one (`wg genpsk`) "
                "on both peers, " + PURGE),
   examples=lambda g: [
       f"[Peer]\nPublicKey = {b64(g.bytes(32))}\nPresharedKey = {b64(g.bytes(32))}\nAllowedIPs = 0.0.0.0/0\n",
       f"PresharedKey={b64(g.bytes(32))}",
   ],
   negative_examples=lambda g: [
       "PresharedKey = <preshared-key>",
       "PresharedKey = [Server's preshared key]",
   ])

fr(id="kubeconfig-client-key-data",
   description="kubeconfig user client-key-data (base64 PEM private key of a cluster client certificate)",
   severity="critical",
   keywords=["client-key-data"],
   regex=r"""\bclient-key-data["']?[ \t]*:[ \t]*["']?(LS0tLS1CRUdJT[A-Za-z0-9+/]{60,}={0,2})""",
   min_entropy=4.0,
   remediation=("The client certificate's key authenticates to the cluster until the certificate expires: "
                "revoke it (rotate the cluster CA or remove the user's RBAC bindings), issue a new "
                "credential, " + PURGE),
   examples=lambda g: [
       f"users:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: {b64(g.bytes(300))}\n"
       f"    client-key-data: {b64(g.pem('RSA PRIVATE KEY').encode())}\n",
       f'{{"name": "admin", "user": {{"client-key-data": "{b64(g.pem("EC PRIVATE KEY").encode())}"}}}}',
   ],
   negative_examples=lambda g: [
       "    client-key-data: DATA+OMITTED",
       "    client-key-data: REDACTED",
       "    client-key: /etc/kubernetes/pki/admin.key",
   ])

fr(id="kubeconfig-user-token",
   description="kubeconfig user `token:` or `password:` (static bearer token / basic auth to the API server)",
   severity="critical",
   keywords=["users:"],
   regex=(r"""\busers:[ \t]*\r?\n[ \t]*-[ \t]+name:[^\r\n]*\r?\n[ \t]+user:[ \t]*\r?\n(?:[ \t]+[\w-]+:[^\r\n]*\r?\n){0,8}?"""
          r"""[ \t]+(?:token|password):[ \t]*["']?(""" + val() + r""")["']?[ \t]*\r?(?:\n|$)"""),
   excluded_values=[not_in(1, prefixes=["eyj"])],
   min_entropy=3.0,
   window=3000,
   remediation=("The token authenticates to the cluster's API server: delete the service-account token "
                "secret or the static token entry, review RBAC and audit logs, " + PURGE),
   examples=lambda g: [
       f"apiVersion: v1\nkind: Config\nusers:\n- name: ci-deployer\n  user:\n    token: {g.s(B64URL, 40)}.{g.s(B64URL, 20)}\n",
       f"users:\n  - name: admin\n    user:\n      username: admin\n      password: {g.password()}\n",
   ],
   negative_examples=lambda g: [
       "users:\n- name: ci\n  user:\n    token: ${K8S_TOKEN}\n",
       "users:\n- name: gke\n  user:\n    exec:\n      command: gke-gcloud-auth-plugin\n",
       "users:\n- name: ci\n  user:\n    token: REDACTED\n",
   ])

# ============================== command lines ==============================

CLI_STOP = r";|&)"
fr(id="psexec-password",
   description="PsExec command line with `-u USER -p PASSWORD`",
   severity="high",
   keywords=["psexec"],
   regex=(r"(?i:psexec)(?:64)?(?:\.exe)?\b[^\r\n]{0,300}?[ \t]-u[ \t]+\S+[ \t]+-p[ \t]+[\"']?("
          + val(stop=CLI_STOP) + ")" + end(CLI_STOP)),
   min_entropy=2.5,
   remediation=remed("The PsExec password is a Windows (often domain admin) account's",
                     "change that account's password, check the target hosts' logon events"),
   examples=lambda g: [
       f"psexec \\\\10.0.94.{g.r.randint(2, 250)} -u CORP\\Administrator -p {human_pw(g)} cmd /c ipconfig",
       f'system("PsExec64.exe \\\\\\\\fileserver -u {user(g)} -p {g.password()} -i -d calc.exe");',
   ],
   negative_examples=lambda g: [
       "psExec \\\\HOST -u User -p $Password -i -d calc.exe",
       "PsExec.exe \\\\satmodel2 -u SATMODEL2\\MTCPB -p %nothing% -i 2",
       "start PsExec.exe @comps.txt -u DOMAIN\\ADMINISTRATOR -p PASSWORD cmd /c copy",
       "psexec \\\\host -s cmd /c \"mkdir -p dir\"",
   ])

fr(id="net-use-password",
   description="Windows `net use \\\\server\\share PASSWORD /user:…` command",
   severity="high",
   keywords=["net use"],
   regex=(r"(?i:\bnet[ \t]+use)[ \t]+(?:[A-Za-z]:|\*)?[ \t]*\"?\\\\[^\s\"]+\"?[ \t]+(?:/(?i:u(?:ser)?):\S+[ \t]+)?("
          + val(stop=CLI_STOP) + ")" + end(CLI_STOP)),
   min_entropy=2.5,
   remediation=remed("The password is a Windows account's",
                     "change that account's password, map drives with a credential manager entry instead"),
   examples=lambda g: [
       f"net use Z: \\\\fs01\\finance {human_pw(g)} /user:CORP\\{user(g)}",
       f"NET USE \\\\10.1.2.3\\c$ /user:administrator {g.password()}",
   ],
   negative_examples=lambda g: [
       "net use Z: \\\\fs01\\finance /persistent:yes",
       "net use \\\\fs01\\IPC$ \"\" /user:\"\"",
       "net use Z: \\\\fs01\\finance * /user:CORP\\ops",
       "net use Z: \\\\fs01\\finance %PASSWORD% /user:CORP\\ops",
   ])

B64_CHARS = UPPER + LOWER + DIGITS + "+/"
# Unbounded: the rule's window (600 bytes past `curl`) bounds the span. A counted `{0,500}?`
# here made the lazy DFA build a state per count and position: 280 ns a byte on code that
# mentions curl, the slowest rule of the pack on the cargo tree.
CURL_SPAN = r"(?:[^\r\n]|\r?\n[ \t#]|\\\r?\n)*?"
fr(id="curl-user-password",
   description="curl command with `-u/--user USER:PASSWORD`",
   severity="high",
   keywords=["curl"],
   regex=(r"\bcurl\b" + CURL_SPAN + r"[ \t](?:-u|--user)(?:[ \t]+|=)[\"']?"
          + r"([^\s:\"'$%{<]+):("
          + val(stop=CLI_STOP) + ")" + end(CLI_STOP)),
   secret_group=2,
   excluded_values=[not_in(1, prefixes=["oa2-client-id_"]), not_in(2, prefixes=["atatt"])],
   min_entropy=2.5,
   window=600,
   remediation=remed("curl -u sends that user's password to the server",
                     "change the password or revoke the token at that service, read credentials from "
                     "a .netrc outside the repository or an environment variable"),
   examples=lambda g: [
       f"curl -u {user(g)}:{human_pw(g)} https://jenkins.intra.lan/job/deploy/build",
       f'curl -s --user "admin:{g.password()}" -X POST https://registry.acme-corp.net/api/v1/gc',
       f"curl -X PUT \\\n  -u {user(g)}:{g.alnum(24)} \\\n  -T build.zip https://nexus.intra.lan/repository/raw/",
   ],
   negative_examples=lambda g: [
       'curl -u "$USER:$PASS" https://api.service.invalid',
       "curl -u user:password https://api.service.invalid",
       f"curl -u {g.alnum(32)}: https://api.service.invalid/v1/charges",
       "curl -u admin:${ADMIN_PASSWORD} https://h.invalid",
       "docker run -u 1000:1000 image",
   ])

# `Authorization: Basic …` and `Authorization: Bearer …` headers are the generic family's
# (http-basic-auth, http-bearer-token), for curl and everywhere else; this rule adds the headers
# that carry a bare token: `Authorization: <uuid|hex>`, `Authorization: Token <hex>`, `Token: …`,
# `ApiKey: …`, `X-…-Key: …`, in a curl command.
# Base64 tokens with a provider's own rule (JWT-like eyJ…, AWS Bedrock ABSK…, Intercom "tok:", Imagga
# "acc_"): left to it.
B64_TOKEN_PREFIXES = ["eyJ", "ABSK", "dG9rOj", "YWNjX"]
# The match starts at the header's last word (`Token `, `Token: `, `ApiKey: `), not at `curl`: a
# provider's own rule that names the header (`X-Acme-Token: …`) then matches a longer context and
# keeps the finding (the engine keeps the longest match of the same secret).
AUTH_HEADER = (r"(?i:Authorization[ \t]*:[ \t]*(?:(?:Token|Api-?Token)[ \t]+)?|(?:Api-?)?Token[ \t]*:[ \t]*"
               r"|Api-?Key[ \t]*:[ \t]*|Auth-?Key[ \t]*:[ \t]*|Secret[ \t]*:[ \t]*)")
fr(id="curl-auth-header",
   description="Literal hex, UUID or base64 token in a token/API-key header of a curl command",
   severity="medium",
   keywords=["curl"],
   regex=(AUTH_HEADER +
          r"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{16,128}"
          r"|[0-9A-Za-z]{32,64}"
          r"|([" + class_body(set(B64_CHARS)) + r"]{20,}={1,2}))(?:[\"'\s\\]|$)"),
   excluded_values=[not_in(2, prefixes=B64_TOKEN_PREFIXES)],
   min_entropy=2.8,
   window=600,
   remediation=remed("The header carries a live API token",
                     "revoke the token at the service that issued it, pass it from an environment variable "
                     "(-H \"Authorization: Bearer $TOKEN\")"),
   examples=lambda g: [
       f"curl -H 'Authorization: Token {g.hex(40)}' --request PUT https://api.intra.lan/api/use/635",
       f"curl -X GET https://api.intra.lan/rest/v1/stats \\\n     -H \"apikey: {g.uuid()}\" \\",
       f"curl -XPOST http://localhost:8080/api/tasks -H \"Token: {g.hex(16)}\" -d \"content=hi\"",
       f"curl --header 'Authorization: {g.uuid()}' https://api.intra.lan/v1/me",
       f"curl -H \"Authorization: Api-Token {g.alnum(40)}\" --request PUT https://api.intra.lan/api/use/635",
   ],
   negative_examples=lambda g: [
       'curl https://h.invalid -H "Authorization: Token XXXXXXXXXXXXXXXXXXXX"',
       'curl -H "Authorization: Token <Openverse API token>" https://h.invalid',
       'curl -H "Authorization: Token **********" https://h.invalid',
       'curl -H "apikey: $API_KEY" https://h.invalid',
       'curl -H "Authorization: Basic ZGVwbG95OnMzY3JldC1wYXNzd29yZA==" https://h.invalid',
       'curl -H "Content-Type: application/json" https://h.invalid',
   ])

fr(id="docker-login-password",
   description="`docker/podman login -p PASSWORD` command line",
   severity="high",
   keywords=["docker login", "podman login", "buildah login", "nerdctl login", "skopeo login"],
   regex=(r"\b(?:docker|podman|buildah|nerdctl|skopeo)[ \t]+login\b[^\r\n|;&]{0,200}?[ \t](?:-p|--password)(?:[ \t]+|=)"
          r"[\"']?(" + val(stop=CLI_STOP) + ")"
          + end(CLI_STOP)),
   excluded_values=[not_in(1, prefixes=["dckr_pat_", "dckr_oat_"] + GIT_TOKEN_PREFIXES)],
   min_entropy=2.5,
   remediation=remed("The registry password or token is on the command line",
                     "revoke it at the registry (Docker Hub: https://app.docker.com/settings/personal-access-tokens), "
                     "use --password-stdin with a CI secret"),
   examples=lambda g: [
       f"docker login -u {user(g)} -p {g.password()} registry.acme-corp.net",
       f"podman login --username ci --password={human_pw(g)} quay.io",
   ],
   negative_examples=lambda g: [
       'echo "$TOKEN" | docker login -u ci --password-stdin ghcr.io',
       "docker login -u ci -p $CI_REGISTRY_PASSWORD $CI_REGISTRY",
       'docker login -u "$U" -p "${P}" registry',
   ])

fr(id="mysql-cli-password",
   description="mysql/mysqldump command line with `-pPASSWORD` or `--password=`",
   severity="high",
   keywords=["mysql"],
   regex=(r"\bmysql(?:dump|admin|import|show|check|pump|sh)?(?:\.exe)?[ \t][^\r\n|;&]{0,200}?[ \t](?:-p|--password=)"
          r"[\"']?(" + val(stop=CLI_STOP) + ")" + end(CLI_STOP)),
   min_entropy=2.5,
   remediation=remed("The MySQL password is on the command line",
                     "change the MySQL user's password, use an option file (~/.my.cnf, chmod 600) or "
                     "mysql_config_editor instead"),
   examples=lambda g: [
       f"mysqldump -h db.internal -u backup -p{human_pw(g)} shop > shop.sql",
       f'mysql --user=app --password="{g.password()}" -e "SELECT 1"',
   ],
   negative_examples=lambda g: [
       "mysql -u root -p shop",
       "mysql -u root -p$MYSQL_ROOT_PASSWORD",
       "mysql -h db -P 3306 -u app -proot",
       "mysqladmin --user=root --password=${MYSQL_PWD} ping",
   ])

fr(id="sshpass-password",
   description="`sshpass -p PASSWORD` command line",
   severity="high",
   keywords=["sshpass"],
   regex=r"\bsshpass[ \t]+(?:-[dv][^\s]*[ \t]+)*-p[ \t]*[\"']?(" + val(stop=CLI_STOP) + ")" + end(CLI_STOP),
   min_entropy=2.5,
   remediation=remed("The SSH password is on the command line",
                     "change the account's password, switch to key authentication (or sshpass -e with a "
                     "CI secret)"),
   examples=lambda g: [
       f"sshpass -p '{human_pw(g)}' ssh -o StrictHostKeyChecking=no {user(g)}@10.0.0.12 uptime",
       f"sshpass -p{g.password()} scp dist.tar.gz deploy@web01:/srv/",
   ],
   negative_examples=lambda g: [
       'sshpass -p "$SSHPASS" ssh host',
       "sshpass -e ssh host",
       "sshpass -f ~/.pw ssh host",
   ])

# ============================== connection strings ==============================

CS_KEY = (r"(?:server|data[ \t]+source|datasource|host|hostname|address|addr|network[ \t]+address|uid|user[ \t]*id|"
          r"userid|user|username|database|initial[ \t]+catalog|driver|dsn|provider|port|trusted_connection|encrypt)")
CS_CONCAT = r"""(?:[ \t]*["'][ \t]*[&+][ \t]*["'])?"""
fr(id="connection-string-password",
   description="ADO.NET / ODBC / OLE DB connection string with `Password=`/`Pwd=`",
   severity="high",
   keywords=["password=", "password =", "pwd=", "pwd ="],
   regex=(r"(?i:\b" + CS_KEY + r"[ \t]*=[^;\"'\r\n=]*;" + CS_CONCAT
          # Any number of `key=value;` fields, of any key length, before the password: bounding
          # them ({0,12} fields of {1,40}-byte keys) doubled the regex's compile time and
          # bounded nothing real.
          + r"(?:[ \t]*[\w .-]+[ \t]*=[^;\"'\r\n]*;" + CS_CONCAT + r")*?"
          # no comments inside a connection string: a password may start with `#`
          + r"[ \t]*(?:password|pwd)[ \t]*=[ \t]*)(" + val(stop=";", first_ok="#") + r")(?:[;\"'\s]|$)"),
   min_entropy=2.5,
   remediation=remed("The connection string logs in to that database",
                     "change the database login's password, keep connection strings in user secrets / "
                     "environment / a vault, prefer integrated or managed-identity authentication"),
   examples=lambda g: [
       f'"Server=tcp:sql-prod.database.windows.net,1433;Initial Catalog=orders;User ID=app;Password={human_pw(g)};Encrypt=True;"',
       f"Driver={{ODBC Driver 18 for SQL Server}};Server=10.1.2.3;Database=erp;Uid={user(g)};Pwd={g.password()};",
       f'conn.Open("Provider=SQLOLEDB.1;User ID=report; " & "Password ={human_pw(g)};Data Source=sql01;")',
       f"Host=db.internal;Port=5432;Username=app;Password={g.alnum(20)};Database=shop",
       f'<add name="Erp" connectionString="Server=sql01,1433;Database=erp;User ID=erp;Password=#{human_pw(g)};" />',
   ],
   negative_examples=lambda g: [
       "Server=host;Port=5432;User Id=username;Password=secret;Database=databasename;",
       "Provider=SQLNCLI;Server=myServerName;Database=myDataBase;Uid=myUsername;Pwd=myPassword;",
       'text << "Password=#{password}, "',
       "Server=sql01;Database=erp;Integrated Security=SSPI;",
       "Server=sql01;Database=erp;User Id=app;Password=${DB_PASSWORD};",
       "Server=sql01;Database=erp;User Id=app;Password={0};",
   ])

fr(id="jdbc-url-password",
   description="JDBC URL with a password parameter (`…;password=` / `?password=`) or Oracle `user/password@`",
   severity="high",
   keywords=["jdbc:"],
   regex=(r"\bjdbc:(?:oracle:thin:[^/\s\"'@:]+/|[a-z0-9]+(?::[a-z0-9]+)*:(?://)?[^\s\"'<>]*?[?;&:](?i:password|pwd)=)"
          r"(" + val(stop=r"&;@<") + r")(?:[&;@<\"'\s]|$)"),
   min_entropy=2.5,
   remediation=remed("The JDBC URL logs in to that database",
                     "change the database user's password, pass credentials through the connection pool's "
                     "configuration from a vault or environment"),
   examples=lambda g: [
       f"jdbc:sqlserver://sql01.intra.lan:1433;databaseName=erp;user=app;password={human_pw(g)};encrypt=true",
       f'url = "jdbc:mysql://db.internal:3306/shop?user=shop&password={g.password()}&useSSL=true"',
       f"jdbc:oracle:thin:scott/{human_pw(g)}@//ora01.intra.lan:1521/ORCL",
   ],
   negative_examples=lambda g: [
       "jdbc:mysql://db:3306/shop?user=shop&password=${DB_PASSWORD}",
       "jdbc:sqlserver://sql01;databaseName=erp;integratedSecurity=true",
       "jdbc:oracle:thin:@//ora01:1521/ORCL",
       "jdbc:postgresql://localhost/test?user=fred&password=secret&ssl=true",
   ])

# ============================== Sidekiq ==============================

def sidekiq_cred(g):
    return f"{g.hex(8)}:{g.hex(8)}"


fr(id="sidekiq-enterprise-credentials",
   description="Sidekiq Pro/Enterprise gem server credentials (BUNDLE_ENTERPRISE__CONTRIBSYS__COM / BUNDLE_GEMS__…)",
   severity="high",
   keywords=["contribsys__com"],
   regex=(r"(?i:BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM)\w{0,8}(?:[ \t]+string)?" + ASSIGN_ANY
          + r"([0-9a-fA-F]{8}:[0-9a-fA-F]{8})(?:[^0-9a-zA-Z]|$)"),
   min_entropy=2.5,
   window=64,
   remediation=remed("The Sidekiq Pro/Enterprise license credentials download the commercial gems",
                     "ask Contributed Systems (support@contribsys.com) to rotate them, keep them in CI "
                     "secrets or `bundle config --global`"),
   examples=lambda g: [
       f"BUNDLE_ENTERPRISE__CONTRIBSYS__COM={sidekiq_cred(g)}",
       f'export BUNDLE_GEMS__CONTRIBSYS__COM="{sidekiq_cred(g)}"',
       f"---\nBUNDLE_ENTERPRISE__CONTRIBSYS__COM: \"{sidekiq_cred(g)}\"",
       f'var BUNDLE_GEMS__CONTRIBSYS__COMToken string = "{sidekiq_cred(g)}"',
   ],
   negative_examples=lambda g: [
       "BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${SIDEKIQ_CREDS}",
       f"BUNDLE_ENTERPRISE__CONTRIBSYS__COM={g.hex(8)}",
       "source 'https://enterprise.contribsys.com/' do",
   ])

fr(id="sidekiq-enterprise-url",
   description="Sidekiq Pro/Enterprise gem source URL with embedded credentials",
   severity="high",
   keywords=["contribsys.com"],
   regex=r"\bhttps?://([0-9a-fA-F]{8}:[0-9a-fA-F]{8})@(?:gems|enterprise)\.contribsys\.com",
   min_entropy=2.5,
   remediation=remed("The URL holds the Sidekiq Pro/Enterprise license credentials",
                     "ask Contributed Systems to rotate them, use `bundle config` instead of credentials in "
                     "the Gemfile source URL"),
   examples=lambda g: [
       f"source \"https://{sidekiq_cred(g)}@enterprise.contribsys.com/\" do",
       f"https://{sidekiq_cred(g)}@gems.contribsys.com/",
   ],
   negative_examples=lambda g: [
       "source 'https://enterprise.contribsys.com/'",
       "https://user:pass@gems.contribsys.com/",
   ])

# ============================== ops tools ==============================

fr(id="ansible-inventory-password",
   description="Ansible connection/become password in an inventory or vars (ansible_password, ansible_become_pass)",
   severity="high",
   # the `…_password` spellings too: a keyword that is a prefix of the text's longer name would hide
   # other rules' keywords that start inside it (`password`), as the keyword scan is leftmost-longest
   keywords=["ansible_ssh_pass", "ansible_ssh_password", "ansible_password", "ansible_become_pass",
             "ansible_become_password", "ansible_sudo_pass", "ansible_sudo_password", "ansible_su_pass",
             "ansible_su_password", "ansible_winrm_password", "ansible_httpapi_pass", "ansible_httpapi_password"],
   regex=(r"\bansible_(?:ssh_pass(?:word)?|password|become_pass(?:word)?|sudo_pass(?:word)?|su_pass(?:word)?|"
          r"winrm_password|httpapi_pass(?:word)?)[\"']?[ \t]*[=:][ \t]*[\"']?(" + val(stop=",}") + ")" + end(",}")),
   min_entropy=2.5,
   remediation=remed("The inventory password logs in to (or escalates on) those hosts",
                     "change the account's password on every host, keep it in Ansible Vault "
                     "(`ansible-vault encrypt_string`) or a lookup"),
   examples=lambda g: [
       f"[web]\nweb01 ansible_host=10.0.1.11 ansible_user=deploy ansible_ssh_pass={human_pw(g)}",
       f"ansible_become_pass: \"{g.password()}\"",
       f"all:\n  vars:\n    ansible_password: {human_pw(g)}\n    ansible_connection: winrm",
   ],
   negative_examples=lambda g: [
       'ansible_become_pass: "{{ vault_become_pass }}"',
       "ansible_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256",
       "ansible_ssh_pass={{ lookup('env', 'SSH_PASS') }}",
       "ansible_password: changeme",
   ])

fr(id="terraform-tfvars-secret",
   description="Terraform variable file (.tfvars) password/secret value",
   severity="high",
   keywords=[],
   file_names=["terraform.tfvars", "*.tfvars", "*.tfvars.json"],
   regex=(r"""(?m)^[ \t]*"?[a-z0-9_]*(?:password|passwd|secret|secret_key|private_key|client_secret)"?"""
          r"""[ \t]*[=:][ \t]*"(""" + val() + r""")\""""),
   min_entropy=2.5,
   remediation=remed("Values in .tfvars files end up in plans, state and the repository",
                     "rotate the credential at its service, pass it with TF_VAR_… from a secret store or "
                     "mark the variable sensitive and keep *.tfvars out of git"),
   examples=lambda g: [
       f'region      = "eu-west-1"\ndb_password = "{human_pw(g)}"\n',
       f'{{\n  "admin_password": "{g.password()}",\n  "instance_type": "t3.micro"\n}}',
       f'vpn_shared_secret = "{g.alnum(24)}"\n',
   ],
   negative_examples=lambda g: [
       'db_password = ""\n',
       'db_password = "${var.db_password}"\n',
       'db_password = "password"\n',
       'instance_type = "t3.micro"\n',
   ])

fr(id="s3cfg-secret-key",
   description="s3cmd configuration (.s3cfg) secret_key / access_token / gpg_passphrase",
   severity="high",
   keywords=[],
   file_names=[".s3cfg", "s3cfg", "*.s3cfg"],
   regex=(r"\[default\][^\[]{0,4000}?(?m:^)[ \t]*(?:secret_key|access_token|gpg_passphrase|proxy_password)[ \t]*=[ \t]*("
          + val() + ")" + eol()),
   min_entropy=2.5,
   remediation=remed("The .s3cfg secret key signs requests to that S3-compatible storage",
                     "deactivate the key pair at the provider (AWS IAM, DigitalOcean Spaces, MinIO, Ceph) and "
                     "create a new one scoped to the buckets it needs"),
   examples=lambda g: [
       f"[default]\naccess_key = {g.s(UPPER + DIGITS, 20)}\nsecret_key = {g.s(ALNUM + '+/', 40)}\n"
       f"host_base = nyc3.digitaloceanspaces.com\n",
       f"[default]\ngpg_passphrase = {human_pw(g)}\n",
   ],
   negative_examples=lambda g: [
       "[default]\naccess_key = \nsecret_key = \naccess_token = \n",
       "[default]\nsecret_key = $S3_SECRET\n",
   ])

fr(id="rclone-config-secret",
   description="rclone.conf remote password/secret (`pass =` is only obscured, reversible)",
   severity="high",
   keywords=[],
   file_names=["rclone.conf", ".rclone.conf"],
   regex=(r"(?m)^[ \t]*\[[^\]\r\n]+\][ \t]*\r?\n[ \t]*type[ \t]*=[ \t]*[\w-]+[ \t]*\r?\n(?:[ \t]*[\w-]+[ \t]*=[^\r\n]*\r?\n){0,20}?"
          r"[ \t]*(?:pass|password|password2|secret_access_key|client_secret|account_key|key|sas_url)[ \t]*=[ \t]*("
          + val() + ")" + eol()),
   min_entropy=3.0,
   remediation=remed("rclone's `pass` values are obscured, not encrypted (`rclone reveal` decodes them)",
                     "change the password / rotate the key at the storage provider, encrypt the config "
                     "(`rclone config encryption set`)"),
   examples=lambda g: [
       f"[backup]\ntype = sftp\nhost = {host(g)}\nuser = {user(g)}\npass = {g.s(B64URL, 40)}\n",
       f"[wasabi]\ntype = s3\nprovider = Wasabi\naccess_key_id = {g.s(UPPER + DIGITS, 20)}\n"
       f"secret_access_key = {g.s(ALNUM, 40)}\n",
   ],
   negative_examples=lambda g: [
       "[gdrive]\ntype = drive\nscope = drive\n",
       "[backup]\ntype = sftp\npass = \n",
   ])

fr(id="boto-config-secret",
   description="boto configuration (.boto) gs_/aws_ secret access key or OAuth2 refresh token",
   severity="high",
   keywords=[],
   file_names=[".boto", "boto.cfg", "*.boto"],
   regex=(r"\[Credentials\][^\[]{0,3000}?(?m:^)[ \t]*(?:gs_secret_access_key|aws_secret_access_key|gs_oauth2_refresh_token|"
          r"gs_service_key_file_password)[ \t]*=[ \t]*(" + val() + ")" + eol()),
   min_entropy=3.0,
   remediation=remed("The .boto file's secret signs Cloud Storage / S3 requests",
                     "delete the HMAC key (Cloud Storage settings > Interoperability) or revoke the refresh "
                     "token (https://myaccount.google.com/permissions), then re-run gsutil config"),
   examples=lambda g: [
       f"[Credentials]\ngs_access_key_id = GOOG{g.s(UPPER + DIGITS, 20)}\ngs_secret_access_key = {g.s(ALNUM + '+/', 40)}\n",
       f"[Credentials]\ngs_oauth2_refresh_token = 1//{g.s(B64URL, 60)}\n",
   ],
   negative_examples=lambda g: [
       "[Credentials]\ngs_secret_access_key = \n",
       "[Boto]\nhttps_validate_certificates = True\n",
   ])

fr(id="mysql-client-config-password",
   description="MySQL option file (.my.cnf) `password =`",
   severity="high",
   keywords=[],
   file_names=[".my.cnf", "my.cnf", "*.my.cnf", "mysql-client.cnf"],
   regex=(r"\[(?:client|mysql\w*|mariadb\w*|mysqld\w*)\][^\[]{0,2000}?(?m:^)[ \t]*password[ \t]*=[ \t]*[\"']?("
          + val() + r")[\"']?" + eol()),
   min_entropy=2.5,
   remediation=remed("The option file's password logs in to MySQL",
                     "change the MySQL user's password, keep ~/.my.cnf out of the repository (chmod 600)"),
   examples=lambda g: [
       f"[client]\nuser = backup\npassword = {human_pw(g)}\nhost = db.internal\n",
       f"[mysqldump]\nuser=root\npassword=\"{g.password()}\"\n",
   ],
   negative_examples=lambda g: [
       "[client]\nuser = root\npassword =\n",
       "[client]\npassword = mypassword\n",
   ])

fr(id="jenkins-encrypted-secret",
   description="Jenkins encrypted secret `{AQAAABAAAA…}` (credentials.xml, config.xml): decryptable with the "
               "controller's master key",
   severity="low",
   keywords=["{aqaaabaaaa"],
   regex=r"\{(AQAAABAAAA[A-Za-z0-9+/]{20,}={0,2})\}",
   min_entropy=3.5,
   remediation=("The value is encrypted with the Jenkins controller's secrets/master.key and hudson.util.Secret: "
                "anyone with those files (or script-console access) decrypts it, so rotate the credential if "
                "they may have leaked, and keep Jenkins home out of repositories; " + PURGE),
   examples=lambda g: [
       f"<password>{{AQAAABAAAAAQ{b64(g.bytes(48))}}}</password>",
       f"<secret>{{AQAAABAAAAAw{b64(g.bytes(64))}}}</secret>",
   ],
   negative_examples=lambda g: [
       "<password>{AQAAABAAAA}</password>",
       "<password>${JENKINS_PASSWORD}</password>",
   ])
