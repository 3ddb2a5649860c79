"""Rules of the identity family: identity providers, password managers, security scanners and
threat-intelligence APIs."""
from rulegen.core import *  # noqa: F401,F403

# ============================== identity ==============================
# Okta, Auth0, Keycloak, Duo, Clerk, WorkOS and Stytch secrets can sign users in or manage them:
# `critical`/`high`. Lookup APIs (VirusTotal, Shodan, IPQualityScore, OOPSpam) only spend quota or
# read threat data: `medium`. Publishable keys (Clerk pk_, Auth0 client IDs, Stytch public tokens)
# have no rule. Unprefixed keys use core.kv_rule.

FAM = "identity"

# --- Okta ----------------------------------------------------------------------------------------------

OKTA_URL = "your Okta Admin Console > Security > API > Tokens (https://<org>-admin.okta.com/admin/access/api/tokens)"
kv_rule(FAM, "okta-api-token", "Okta API token (SSWS, 00 + 40 chars) next to an Okta name or `SSWS`",
        r"(?:\b|_)okta", r"00[0-9A-Za-z_=-]{39}[0-9A-Za-z_]", lambda g: "00" + g.s(B64URL, 39) + g.alnum(1),
        OKTA_URL, severity="critical", keywords=["okta", "ssws"], words=["okta", "api", "token"],
        end=r"(?:[^0-9A-Za-z_=-]|$)", what="token",
        alt=r"SSWS\s+|(?i:(?:\b|_)okta)[\w.-]{0,30}[\"']?\s*\{\s*(?:default|value)\s*=\s*[\"']",
        extra_examples=lambda g: [f"curl -H 'Authorization: SSWS 00{g.s(B64URL, 39)}{g.alnum(1)}' https://acme.okta.com/api/v1/users",
                                  f'variable "corp_okta_api_token" {{\n  default = "00{g.alnum(40)}"\n}}'],
        extra_negatives=lambda g: [f"rookTable = 00{g.alnum(40)}",
                                   f"okta_api_key: 00{g.s(B64URL, 39)}-",
                                   f"okta: 00{g.s(B64URL, 39)}--",
                                   f"OKTA_CLIENT_ID=0oa{g.alnum(17)}"])
kv_rule(FAM, "okta-client-secret", "Okta OIDC / OAuth client secret next to an Okta client-secret name",
        r"(?:\b|_)okta[_.-]?(?:oauth2?[_.-]?|oidc[_.-]?|app[_.-]?)?client[_.-]?secret", r"[0-9A-Za-z_-]{40,64}",
        lambda g: g.s(B64URL, 40) + g.alnum(1), "your Okta Admin Console > Applications > the app > Client Credentials",
        severity="high", keywords=["okta"], words=["okta", "client", "secret"], short=False, what="client secret",
        verb="Rotate",
        extra_negatives=lambda g: [f"OKTA_CLIENT_SECRET={g.alnum(30)}", f"OKTA_CLIENT_ID=0oa{g.alnum(17)}"],
        tail=NAME_TAIL)

# --- Auth0 ---------------------------------------------------------------------------------------------
# A client secret is only reported after the tenant's domain (x.auth0.com) above it: a bare
# AUTH0_CLIENT_SECRET line is as often a sample app's throwaway value as a live secret.

rule(FAM,
     id="auth0-client-secret",
     description="Auth0 application client secret (64 chars) after the tenant's *.auth0.com domain",
     severity="high",
     keywords=["auth0.com"],
     regex=(r"\.auth0\.com\b[\s\S]{0,400}?(?i:client[_.-]?secret)[\w.-]{0,8}" + ASSIGN_ANY
            + r"([0-9A-Za-z_-]{64})" + END_B64URL),
     min_entropy=3.5,
     window=400,
     remediation=remediation_at("https://manage.auth0.com/dashboard (Applications > the app > Settings > Rotate "
                                "secret)", "client secret", "Rotate"),
     examples=lambda g: [
         f"AUTH0_DOMAIN=dev-{g.s(DIGITS + LOWER, 16)}.us.auth0.com\nAUTH0_CLIENT_ID={g.alnum(32)}\n"
         f"AUTH0_CLIENT_SECRET={g.s(B64URL, 64)}",
         f"AUTH0_ISSUER_BASE_URL='https://{g.s(LOWER, 8)}.eu.auth0.com'\nAUTH0_BASE_URL='http://localhost:3000'\n"
         f"AUTH0_CLIENT_ID='{g.alnum(32)}'\nAUTH0_CLIENT_SECRET='{g.s(B64URL, 64)}'",
         f'const auth0 = new AuthenticationClient({{\n  domain: "{g.s(LOWER, 10)}.auth0.com",\n'
         f'  clientId: "{g.alnum(32)}",\n  clientSecret: "{g.s(B64URL, 64)}",\n}});',
     ],
     negative_examples=lambda g: [
         f'export AUTH0_CLIENT_SECRET="{g.s(B64URL, 64)}"\nexport AUTH0_DOMAIN="{g.s(LOWER, 10)}.auth0.com"',
         f"AUTH0_DOMAIN={g.s(LOWER, 10)}.auth0.com\nAUTH0_CLIENT_SECRET={g.s(B64URL, 40)}",
         f"AUTH0_DOMAIN={g.s(LOWER, 10)}.auth0.com\nAUTH0_CLIENT_SECRET=${{AUTH0_CLIENT_SECRET}}",
     ])

# --- Directory and auth platforms ----------------------------------------------------------------------

kv_rule(FAM, "jumpcloud-api-key", "JumpCloud API key (40 chars) next to a JumpCloud name",
        "jumpcloud", r"[0-9a-z]{40}", lambda g: g.hex(40),
        "https://console.jumpcloud.com (your account menu > My API Key: generate a new key)", severity="critical",
        min_entropy=3.0, end=END_ALNUM, verb="Regenerate", alt=r"(?i:x-api-key)" + HEADER,
        extra_examples=lambda g: [f"curl -H 'x-api-key: {g.hex(40)}' https://console.jumpcloud.com/api/systemusers  # jumpcloud"])
kv_rule(FAM, "loginradius-api-secret", "LoginRadius API key or secret (UUID) next to a LoginRadius name",
        "loginradius", UUID_ANY, uuid_of,
        "the LoginRadius Admin Console > Tenant Settings > API credentials (reset the API secret)",
        severity="high", min_entropy=3.0, end=END_ALNUM, verb="Reset", words=["loginradius", "api", "secret"])
kv_rule(FAM, "keycloak-client-secret", "Keycloak client secret (32 alnum) next to a Keycloak secret name",
        r"keycloak[_.-]?(?:client[_.-]?|admin[_.-]?|oidc[_.-]?|backend[_.-]?)?(?:credentials[_.-]?)?secret",
        r"[0-9A-Za-z]{32}", lambda g: g.alnum(32),
        "the Keycloak admin console > Clients > the client > Credentials (Regenerate)", severity="high",
        keywords=["keycloak"], words=["keycloak", "client", "secret"], end=END_ALNUM, what="client secret",
        verb="Regenerate", extra_negatives=lambda g: [f"KEYCLOAK_CLIENT_ID={g.alnum(32)}"],
        tail=NAME_TAIL)
kv_rule(FAM, "duo-secret-key", "Cisco Duo integration secret key (skey, 40 chars) next to a Duo secret name",
        r"(?:\b|_)duo[_.-]?(?:security[_.-]?)?(?:api[_.-]?|admin[_.-]?|auth[_.-]?|accounts[_.-]?)?"
        r"(?:secret[_.-]?key|secret|skey)", r"[0-9A-Za-z]{40}", lambda g: g.alnum(40),
        "the Duo Admin Panel > Applications > the application > Reset Secret Key", severity="high",
        keywords=["duo"], words=["duo", "secret", "key"], end=END_ALNUM, what="secret key", verb="Reset",
        extra_negatives=lambda g: [f"DUO_IKEY=DI{g.s(UPPER + DIGITS, 18)}", f"duet_secret = {g.alnum(40)}"],
        tail=NAME_TAIL)
kv_rule(FAM, "clerk-secret-key", "Clerk secret key (sk_live_/sk_test_) next to a Clerk name",
        r"clerk[_.-]?(?:secret|api|backend)", r"sk_(?:live|test)_[0-9A-Za-z]{40,60}",
        lambda g: "sk_live_" + g.alnum(42),
        "https://dashboard.clerk.com (Configure > API keys: roll the secret key)", severity="high",
        keywords=["clerk"], words=["clerk", "secret", "key"], end=END_ALNUM, verb="Roll", short=False,
        extra_negatives=lambda g: [f"STRIPE_SECRET_KEY=sk_live_{g.alnum(99)}",
                                   f"NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_live_{g.alnum(42)}",
                                   f"CLERK_SECRET_KEY=sk_test_{g.alnum(20)}"],
        tail=NAME_TAIL)


def workos_key(g, mode):
    ulid = "".join(g.r.choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(24))
    return g._clean(lambda: f"sk_{mode}_" + b64(f"key_01{ulid},{g.alnum(30)}".encode()).rstrip("="))


rule(FAM,
     id="workos-api-key",
     description="WorkOS API key (sk_live_/sk_test_ + base64 of key_01…)",
     severity="high",
     keywords=["sk_live_a2v5xzax", "sk_test_a2v5xzax"],
     # the optional WorkOS name before the key makes this finding's context longer than that of
     # stripe-live-secret-key, which matches the same bytes (sk_live_ + alnum): the engine keeps one
     regex=r"(?:(?i:workos)[^\r\n]{0,60}?)?\b(sk_(?:live|test)_a2V5XzAx[0-9A-Za-z+/]{40,200}={0,2})" + END_B64,
     min_entropy=4.0,
     remediation=remediation_at("https://dashboard.workos.com/api-keys", "API key"),
     examples=lambda g: [
         f"WORKOS_API_KEY={workos_key(g, 'live')}",
         f'const workos = new WorkOS("{workos_key(g, "live")}");',
         f"  api_key = \"{workos_key(g, 'live')}\"",
     ],
     negative_examples=lambda g: [
         f"STRIPE_SECRET_KEY=sk_live_{g.alnum(99)}",
         "WORKOS_API_KEY=sk_test_a2V5XzAx",
         "WORKOS_API_KEY=sk_test_...",
     ])
kv_rule(FAM, "stytch-secret", "Stytch project secret (secret-live-/secret-test-) next to a Stytch name",
        "stytch", r"secret-(?:live|test)-[0-9A-Za-z_-]{24,60}={0,2}",
        lambda g: "secret-live-" + g.s(B64URL, 36) + "=",
        "https://stytch.com/dashboard/api-keys (create a new secret, then delete the old one)", severity="high",
        words=["stytch", "secret"], end=r"(?:[^0-9A-Za-z_=-]|$)", short=False, what="secret", verb="Delete",
        extra_negatives=lambda g: [f"STYTCH_PROJECT_ID=project-live-{g.uuid()}",
                                   f"STYTCH_SECRET=secret-test-{g.alnum(10)}"])

# --- Password managers -----------------------------------------------------------------------------------

rule(FAM,
     id="1password-secret-key",
     description="1Password account Secret Key (A3-…)",
     severity="critical",
     keywords=["a3-"],
     regex=(r"\b(A3-[0-9A-Z]{6}-(?:[0-9A-Z]{11}|[0-9A-Z]{6}-[0-9A-Z]{5})-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5})\b"),
     min_entropy=3.0,
     remediation=("Regenerate the Secret Key at https://my.1password.com/profile (Secret Key > Regenerate) and change "
                  "the account password, sign out other devices, review the account's activity, " + PURGE),
     examples=lambda g: [
         f"OP_SECRET_KEY=A3-{g.s(UPPER + DIGITS, 6)}-{g.s(UPPER + DIGITS, 11)}-{g.s(UPPER + DIGITS, 5)}-"
         f"{g.s(UPPER + DIGITS, 5)}-{g.s(UPPER + DIGITS, 5)}",
         f"op account add --address my.1password.com --secret-key A3-{g.s(UPPER + DIGITS, 6)}-{g.s(UPPER + DIGITS, 6)}-"
         f"{g.s(UPPER + DIGITS, 5)}-{g.s(UPPER + DIGITS, 5)}-{g.s(UPPER + DIGITS, 5)}-{g.s(UPPER + DIGITS, 5)}",
         f'  "secretKey": "A3-{g.s(UPPER + DIGITS, 6)}-{g.s(UPPER + DIGITS, 11)}-{g.s(UPPER + DIGITS, 5)}-'
         f'{g.s(UPPER + DIGITS, 5)}-{g.s(UPPER + DIGITS, 5)}"',
     ],
     negative_examples=lambda g: [
         "A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX",
         "A3-xXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX",
         f"OP_SECRET_KEY=A3-{g.s(UPPER + DIGITS, 6)}-{g.s(UPPER + DIGITS, 11)}-{g.s(UPPER + DIGITS, 5)}",
     ])


def op_service_token(g):
    payload = {"signInAddress": "my.1password.com", "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256",
                                                                  "iterations": 650000, "salt": g.b64_clean(16, True)},
               "email": f"{g.s(LOWER, 12)}@1passwordserviceaccounts.com", "srpX": g.hex(64),
               "muk": {"alg": "A256GCM", "ext": True, "k": g.b64_clean(32, True), "key_ops": ["encrypt", "decrypt"],
                       "kty": "oct", "kid": "mp"},
               "secretKey": f"A3-{g.s(UPPER + DIGITS, 6)}-{g.s(UPPER + DIGITS, 6)}-{g.s(UPPER + DIGITS, 5)}-"
                            f"{g.s(UPPER + DIGITS, 5)}-{g.s(UPPER + DIGITS, 5)}-{g.s(UPPER + DIGITS, 5)}",
               "throttleSecret": {"seed": g.hex(64), "uuid": g.s(UPPER + DIGITS, 26)},
               "deviceUuid": g.s(LOWER + DIGITS, 26)}
    return g._clean(lambda: "ops_" + b64url(json.dumps(payload, separators=(",", ":")).encode()))


rule(FAM,
     id="1password-service-account-token",
     description="1Password service account token (ops_ + base64 JSON)",
     severity="critical",
     keywords=["ops_eyj"],
     regex=r"\b(ops_eyJ[0-9A-Za-z+/_-]{100,2000}={0,2})" + r"(?:[^0-9A-Za-z+/_=-]|$)",
     min_entropy=4.0,
     remediation=remediation_at("https://my.1password.com/developer-tools (Service accounts > the account > revoke "
                                "the token)", "token"),
     examples=lambda g: [
         f"OP_SERVICE_ACCOUNT_TOKEN={op_service_token(g)}",
         f"      OP_SERVICE_ACCOUNT_TOKEN: '{op_service_token(g)}'",
         f'export OP_SERVICE_ACCOUNT_TOKEN="{op_service_token(g)}"',
     ],
     negative_examples=lambda g: [
         f"OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ{g.alnum(40)}",
         "OP_SERVICE_ACCOUNT_TOKEN=${{ secrets.OP_SERVICE_ACCOUNT_TOKEN }}",
         "OP_SERVICE_ACCOUNT_TOKEN=ops_...",
     ])


def bws_token(g):
    return g._clean(lambda: f"0.{g.uuid()}.{g.alnum(30)}:{b64(g.bytes(16))}")


rule(FAM,
     id="bitwarden-access-token",
     description="Bitwarden Secrets Manager machine-account access token (0.<uuid>.<secret>:<key>)",
     severity="critical",
     keywords=["bws", "bitwarden"],
     regex=(r"\b(0\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[0-9A-Za-z]{30}:"
            r"[0-9A-Za-z+/]{22}==)"),
     min_entropy=4.0,
     window=200,
     remediation=remediation_at("Bitwarden Secrets Manager > Machine accounts > the account > Access tokens (revoke)",
                                "access token"),
     examples=lambda g: [
         f"BWS_ACCESS_TOKEN={bws_token(g)}",
         f"bws secret list --access-token {bws_token(g)}",
         f"      - uses: bitwarden/sm-action@v2\n        with:\n          access_token: {bws_token(g)}",
     ],
     negative_examples=lambda g: [
         f"BWS_ACCESS_TOKEN=0.{g.uuid()}.{g.alnum(20)}",
         "BWS_ACCESS_TOKEN=${{ secrets.BWS_ACCESS_TOKEN }}",
         f"BWS_PROJECT_ID={g.uuid()}",
     ])
kv_rule(FAM, "bitwarden-api-client-secret", "Bitwarden personal API key client_secret (30 alnum) next to a Bitwarden / BW_CLIENTSECRET name",
        r"(?:\b|_)bw[_.-]?client[_.-]?secret|bitwarden[_.-]?(?:api[_.-]?)?client[_.-]?secret", r"[0-9A-Za-z]{30}",
        lambda g: g.alnum(30), "the Bitwarden web vault > Account settings > Security > Keys > API key (Rotate)",
        severity="high", keywords=["bw_client", "bw-client", "bw.client", "bwclient", "bitwarden"],
        words=["bw", "client", "secret"], end=END_ALNUM, what="API key", verb="Rotate",
        extra_negatives=lambda g: [f"BW_CLIENTID=user.{g.uuid()}"],
        tail=NAME_TAIL)

# --- Security scanners and threat intelligence ------------------------------------------------------------

kv_rule(FAM, "virustotal-api-key", "VirusTotal API key (64 hex) next to a VirusTotal name or x-apikey header",
        r"virus[_.-]?total|(?:\b|_)vt[_.-]?api[_.-]?key", r"[0-9a-f]{64}", lambda g: g.hex(64),
        "https://www.virustotal.com/gui/my-apikey (reset the key)", severity="medium",
        keywords=["virustotal", "virus_total", "virus-total", "virus.total", "vt_api", "vt-api", "vt.api", "vtapi"],
        words=["virustotal", "api", "key"], min_entropy=3.0, end=END_ALNUM, verb="Reset",
        alt=r"(?i:x-apikey)" + HEADER,
        extra_examples=lambda g: [
            f"curl --request GET --url https://www.virustotal.com/api/v3/files/x --header 'x-apikey: {g.hex(64)}'"],
        extra_negatives=lambda g: [f"virustotal_sha256 = {g.hex(64)}", f"vt_api_key = {g.hex(63)}"])
kv_rule(FAM, "shodan-api-key", "Shodan API key (32 alnum) next to a Shodan name",
        "shodan", r"[0-9A-Za-z]{32}", lambda g: g.alnum(32), "https://account.shodan.io (Reset API Key)",
        severity="medium", end=END_ALNUM, verb="Reset",
        extra_examples=lambda g: [f"api = shodan.Shodan('{g.alnum(32)}')"],
        alt=r"(?i:shodan)\.Shodan\(\s*[\"']")
kv_rule(FAM, "detectify-api-key", "Detectify API key (32 chars) next to a Detectify name",
        "detectify", r"[0-9a-z]{32}", lambda g: g.hex(32), "Detectify > Team settings > API keys",
        severity="high", min_entropy=3.0, end=END_ALNUM,
        extra_examples=lambda g: [f"detectify secret token={g.hex(32)}"])
prefixed_rule(FAM, "nightfall-api-key", "Nightfall AI API key (NF-)", "NF-", C_ALNUM, 32,
              "https://app.nightfall.ai/developer-platform/api-keys", severity="high",
              words=["nightfall", "api", "key"],
              extra_negatives=lambda g: [f"conf-{g.alnum(32)}", f"NIGHTFALL_API_KEY=nf-{g.alnum(32)}"])
kv_rule(FAM, "sslmate-api-key", "SSLMate / Cert Spotter API key next to an SSLMate name",
        r"sslmate|cert[_.-]?spotter", r"[0-9A-Za-z_-]{32,40}", lambda g: g.alnum(36),
        "https://sslmate.com/account/api_credentials (regenerate the API key)", severity="high",
        keywords=["sslmate", "certspotter", "cert_spotter", "cert-spotter", "cert.spotter"],
        words=["sslmate", "api", "key"], short=False, verb="Regenerate",
        extra_negatives=lambda g: [f"SSLMATE_API_KEY={g.alnum(20)}"])
kv_rule(FAM, "ipqualityscore-api-key", "IPQualityScore API key (32 alnum) next to an IPQualityScore name",
        r"ipquality(?:score)?|(?:\b|_)ipqs", r"[0-9A-Za-z]{32}", lambda g: g.alnum(32),
        "https://www.ipqualityscore.com/user/settings (API key: reset)", severity="medium",
        keywords=["ipquality", "ipqs"], words=["ipqualityscore", "api", "key"], end=END_ALNUM, verb="Reset",
        extra_examples=lambda g: [f"curl https://www.ipqualityscore.com/api/json/ip/{g.alnum(32)}/8.8.8.8"],
        alt=r"ipqualityscore\.com/api/json/[a-z]+/")
kv_rule(FAM, "oopspam-api-key", "OOPSpam API key (40 alnum) next to an OOPSpam name",
        "oopspam", r"[0-9A-Za-z]{40}", lambda g: g.alnum(40), "the OOPSpam dashboard (API key: regenerate)",
        severity="medium", end=END_ALNUM, verb="Regenerate")
kv_rule(FAM, "privacy-com-api-key", "Privacy.com API key (UUID) next to a Privacy key/token name",
        r"privacy[_.-]?(?:com[_.-]?)?(?:api[_.-]?)?(?:key|token|secret)", UUID_ANY, uuid_of,
        "https://app.privacy.com/account (API key: regenerate), and review the virtual cards it created",
        severity="high", keywords=["privacy"], words=["privacy", "api", "key"], min_entropy=3.0, end=END_ALNUM,
        verb="Regenerate",
        extra_negatives=lambda g: [f"privacy_policy_id = {g.uuid()}", f"PRIVACY_MODE={g.uuid()}"],
        tail=NAME_TAIL)
