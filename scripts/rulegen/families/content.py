"""Rules of the content family: headless CMS and site builders, localization, design tools, video,
documents and e-signature, file storage and sharing.

Self-identifying tokens (Contentful `CFPAT-`, Figma `figd_`, Frame.io `fio-u-`, Adobe `p8e-`,
Dropbox `sl.`, `cloudinary://` URLs) need no name; the rest are found by the provider's name
(`keyed()`/`simple()`, from data_apis.py). Tokens that can write content, read private files or
send documents for signature are `high`; read-only delivery tokens and quota keys are `medium`;
identifiers that are only half a credential (Adobe client ID) are `low`.
"""
from rulegen.core import *  # noqa: F401,F403
from rulegen.families.data_apis import JWT_VALUE, keyed, q, seps, simple, uuid_value

C = "content"


def hs256_jwt(g, payload):
    """An HS256 JWT with the given claims first in its payload and a random signature."""
    def make():
        header = json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":"))
        iat = g.r.randint(1_650_000_000, 1_800_000_000)
        body = json.dumps(dict(payload, jti=g.uuid(), iat=iat), separators=(",", ":"))
        return f"{b64url(header.encode())}.{b64url(body.encode())}.{b64url(g.bytes(32))}"
    return g._clean(make)


# ---------------------------------------------------------------- headless CMS and site builders

rule(C, id="contentful-personal-access-token", description="Contentful personal access token (CFPAT-, Content Management API)",
     severity="high", keywords=["cfpat-"], regex=r"\b(CFPAT-[0-9A-Za-z_-]{43})" + END_B64URL, min_entropy=3.5,
     remediation=remediation_at("https://app.contentful.com/account/profile/cma_tokens", "token",
                                extra="check the spaces' activity for unexpected changes, "),
     examples=lambda g: [f"CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-{g.s(B64URL, 43)}",
                         f"contentful space list --management-token CFPAT-{g.s(B64URL, 43)}",
                         f'const client = contentful.createClient({{ accessToken: "CFPAT-{g.s(B64URL, 43)}" }});'],
     negative_examples=lambda g: [f"CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-{g.s(B64URL, 30)}",
                                  "CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-<your-token>"])

simple(C, "contentful-delivery-token", "Contentful Delivery/Preview API access token (43 base64url) by a Contentful name",
       ["contentful"], C_B64URL, 43, "https://app.contentful.com/ (Settings > API keys)", what="token",
       extra_negatives=lambda g: [f"CONTENTFUL_SPACE_ID={g.s(DIGITS + LOWER, 12)}"])

keyed(C, "storyblok-access-token", "Storyblok access token (22 alphanumerics + 'tt') by a Storyblok name",
      ["storyblok"], r"([0-9A-Za-z]{22}tt)(?:[^0-9A-Za-z]|$)", lambda g: g.alnum(22) + "tt",
      "https://app.storyblok.com/ (Settings > Access Tokens)", what="token",
      short=lambda g: g.alnum(21) + "tt")

simple(C, "buttercms-api-token", "ButterCMS API token (40 hex) by a ButterCMS name or in its API URL",
       [r"butter[_.-]?cms"], C_HEX, 40, "https://buttercms.com/settings/", keywords=seps(("butter", "cms")),
       alts=[q(r"api\.buttercms\.com", "auth_token")], what="token",
       url_examples=["https://api.buttercms.com/v2/posts/?page=1&page_size=10&auth_token={}"])

keyed(C, "storychief-api-key", "StoryChief API key (a long JWT) by a StoryChief name",
      ["storychief"], r"(eyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{20,}(?:\.[0-9A-Za-z_-]{16,})?)(?:[^0-9A-Za-z_.-]|$)",
      lambda g: hs256_jwt(g, {"aud": g.digits(2), "sub": g.digits(5), "scopes": []}),
      "https://app.storychief.io/ (Settings > API keys)", severity="high", short=lambda g: g.jwt().split(".")[0])

simple(C, "webflow-api-token", "Webflow API token (64 hex) by a Webflow name",
       ["webflow"], C_HEX, 64, "https://webflow.com/dashboard (Site settings > Apps & integrations > API access)",
       severity="high", what="token")

keyed(C, "stripo-api-token", "Stripo API / plugin token (a JWT) by a Stripo name",
      [r"\bstripo(?:[_.-]?(?:api|key|token|secret|plugin|auth)|\b)"],
      r"(eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{20,}\.[0-9A-Za-z_-]{20,})(?:[^0-9A-Za-z_.-]|$)",
      lambda g: hs256_jwt(g, {"security": {"uuid": g.hex(32), "pluginId": g.hex(32)}}),
      "https://my.stripo.email/ (Settings > Plugin / REST API)", keywords=["stripo"], what="token",
      short=lambda g: g.jwt().split(".")[0], extra_negatives=lambda g: [f"stripOptions = '{g.jwt()}'"])

simple(C, "simvoly-api-key", "Simvoly API key (33 characters) by a Simvoly name",
       ["simvoly"], C_ALNUM_LOW, 33, "https://app.simvoly.com/ (Settings > API)")

keyed(C, "sanity-api-token", "Sanity API token (sk + long alphanumerics) by a Sanity name",
      ["sanity"], r"(sk[0-9A-Za-z]{120,220})(?:[^0-9A-Za-z]|$)", lambda g: "sk" + g.alnum(180),
      "https://www.sanity.io/manage (project > API > Tokens)", severity="high", what="token",
      short=lambda g: "sk" + g.alnum(100), min_entropy=4.0,
      extra_negatives=lambda g: [f"sanity_check_digest = sk{g.hex(64)}"])

keyed(C, "contentstack-token", "Contentstack delivery or management token (cs + 32 hex) by a Contentstack name",
      ["contentstack"], r"(cs[0-9a-f]{32})(?:[^0-9A-Za-z]|$)", lambda g: "cs" + g.hex(32),
      "https://app.contentstack.com/ (Stack settings > Tokens)", severity="high", what="token", min_entropy=3.0,
      extra_negatives=lambda g: [f"CONTENTSTACK_API_KEY=blt{g.hex(16)}"])

keyed(C, "prismic-access-token", "Prismic permanent access token (MC5…) by a Prismic name",
      ["prismic"], r"(MC5[0-9A-Za-z_-]{10,60}\.[0-9A-Za-z_-]{20,300})" + END_B64URL,
      lambda g: g._clean(lambda: "MC5" + b64url(g.bytes(21)) + "." + b64url(g.bytes(48))),
      "https://<repository>.prismic.io/settings/apps/ (Access tokens)", what="token",
      short=lambda g: "MC5" + b64url(g.bytes(21)))

simple(C, "datocms-api-token", "DatoCMS API token (hex) by a DatoCMS name",
       [r"dato[_.-]?cms"], C_HEX, "30,50", "https://<project>.admin.datocms.com/project_settings/access_tokens",
       keywords=seps(("dato", "cms")), what="token")

# ---------------------------------------------------------------- localization and copy

simple(C, "lokalise-api-token", "Lokalise API token (40 characters) by a Lokalise name",
       ["lokalise"], C_ALNUM_LOW, 40, "https://app.lokalise.com/profile#apitokens", severity="high", what="token")

simple(C, "crowdin-api-token", "Crowdin personal access token (80 characters) by a Crowdin name",
       ["crowdin"], C_ALNUM, "80,86", "https://crowdin.com/settings#api-key", severity="high", what="token",
       min_entropy=4.0)

keyed(C, "ditto-api-key", "Ditto (dittowords.com) API key (UUID.40 hex) by a Ditto name",
      ["ditto"], rf"({UUID_RE}\.[0-9a-f]{{40}})(?:[^0-9A-Za-z]|$)", lambda g: f"{g.uuid()}.{g.hex(40)}",
      "https://app.dittowords.com/account/devtools", min_entropy=3.0,
      short=lambda g: f"{g.uuid()}.{g.hex(39)}")

# ---------------------------------------------------------------- design and review

prefixed_rule(C, "figma-personal-access-token", "Figma personal access token (figd_)", "figd_", C_B64URL, "40,45",
              "https://www.figma.com/settings (Security > Personal access tokens)", severity="high",
              min_entropy=3.5)

keyed(C, "figma-legacy-token", "Figma personal access token, older format (digits-UUID), by a Figma name or X-Figma-Token",
      ["figma"], rf"([0-9]{{3,6}}-{UUID_RE})" + END_B64URL, lambda g: f"{g.digits(g.r.randint(4, 6))}-{g.uuid()}",
      "https://www.figma.com/settings (Security > Personal access tokens)", severity="high", what="token",
      min_entropy=3.0, extra_examples=lambda g: [f"curl -H 'X-Figma-Token: {g.digits(4)}-{g.uuid()}' https://api.figma.com/v1/me"],
      extra_negatives=lambda g: [f"FIGMA_FILE_KEY={g.alnum(22)}"])

keyed(C, "zeplin-api-token", "Zeplin personal access token (a JWT) by a Zeplin name",
      ["zeplin"], JWT_VALUE, lambda g: hs256_jwt(g, {"aud": "uid:" + g.hex(24), "sub": g.hex(24), "iss": "zeplin:api.zeplin.io"}),
      "https://app.zeplin.io/profile/developer", severity="high", what="token",
      short=lambda g: g.jwt().split(".")[0])

rule(C, id="frameio-api-token", description="Frame.io developer token (fio-u-)", severity="high", keywords=["fio-u-"],
     regex=r"(fio-u-[0-9A-Za-z_-]{64})" + END_B64URL, min_entropy=3.5,
     remediation=remediation_at("https://developer.frame.io/app/tokens", "token"),
     examples=lambda g: [f"FRAMEIO_TOKEN=fio-u-{g.s(B64URL, 64)}",
                         f'  "frameioToken": "fio-u-{g.s(B64URL, 64)}",',
                         f"curl -H 'Authorization: Bearer fio-u-{g.s(B64URL, 64)}' https://api.frame.io/v2/me"],
     negative_examples=lambda g: [f"FRAMEIO_TOKEN=fio-u-{g.s(B64URL, 40)}", "FRAMEIO_TOKEN=fio-u-<your-token>"])

simple(C, "bugherd-api-key", "BugHerd API key (22 characters) by a BugHerd name",
       ["bugherd"], C_ALNUM_LOW, 22, "https://www.bugherd.com/ (Settings > General Settings > API key)")

# ---------------------------------------------------------------- images and video

simple(C, "cloudimage-api-key", "Cloudimage API key by a Cloudimage name",
       ["cloudimage"], C_ALNUM_LOW, 30, "https://www.cloudimage.io/ (Admin > API keys)")

simple(C, "wistia-api-token", "Wistia API token (64 hex) by a Wistia name or in its api_password= URL",
       ["wistia"], C_HEX, 64, "https://<account>.wistia.com/account/api", severity="high", what="token",
       alts=[q(r"api\.wistia\.com", "api_password")],
       url_examples=["https://api.wistia.com/v1/medias.json?api_password={}"])

# Livestorm API keys are JWTs whose payload starts with {"aud":"api.livestorm.co": found by that
# payload alone, or as any JWT under a Livestorm name.
LIVESTORM_AUD = b64url(b'{"aud":"api.livestorm.co"')[:32]
rule(C, id="livestorm-api-token", description="Livestorm API token (JWT for api.livestorm.co)", severity="high",
     keywords=["livestorm", LIVESTORM_AUD.lower()],
     regex=(r"(?:(?i:livestorm)" + NAME_TAIL + ASSIGN_ANY + r")?"
            r"(eyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{20,}\.[0-9A-Za-z_-]{16,})(?:[^0-9A-Za-z_.-]|$)"),
     min_entropy=3.5, window=48,
     remediation=remediation_at("https://app.livestorm.co/#/settings?page=settings&tab=integrations (Public API)", "token"),
     examples=lambda g: [f"LIVESTORM_API_KEY={hs256_jwt(g, {'aud': 'api.livestorm.co', 'org': g.uuid()})}",
                         f"headers = {{'Authorization': '{hs256_jwt(g, {'aud': 'api.livestorm.co', 'org': g.uuid()})}'}}",
                         f'livestormToken: "{g.jwt()}"'],
     negative_examples=lambda g: [f"LIVESTORM_API_KEY={g.jwt().split('.')[0]}", f"token = '{g.jwt()}'",
                                  "LIVESTORM_API_KEY=${LIVESTORM_API_KEY}"])

keyed(C, "mux-token-secret", "Mux access token secret (base64) by a Mux token-secret name",
      [r"mux[_.-]?(?:token[_.-]?|api[_.-]?|access[_.-]?token[_.-]?)?secret"],
      r"([0-9A-Za-z+/]{60,90}={0,2})" + END_B64, lambda g: b64(g.bytes(57)),
      "https://dashboard.mux.com/settings/access-tokens", severity="high", what="token secret",
      keywords=seps(("mux", "token"), ("mux", "secret"), ("mux", "api"), ("mux", "access")),
      words=["mux", "token", "secret"], min_entropy=4.0, nested=False, short=lambda g: b64(g.bytes(42))[:59],
      extra_negatives=lambda g: [f"MUX_TOKEN_ID={g.uuid()}"])

rule(C, id="cloudinary-url", description="Cloudinary environment URL (cloudinary://key:secret@cloud)", severity="high",
     keywords=["cloudinary://"], regex=r"(cloudinary://[0-9]{12,16}:[0-9A-Za-z_-]{27}@[0-9A-Za-z_-]+)",
     min_entropy=3.5,
     remediation=remediation_at("https://console.cloudinary.com/settings/api-keys", "API key pair", "Deactivate",
                                "check the media library for unexpected uploads or deletions, "),
     examples=lambda g: [f"CLOUDINARY_URL=cloudinary://{g.digits(15)}:{g.s(B64URL, 27)}@{g.s(LOWER, 8)}",
                         f'cloudinary_url: "cloudinary://{g.digits(15)}:{g.s(B64URL, 27)}@{g.s(LOWER, 6)}-media"'],
     negative_examples=lambda g: ["CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>",
                                  f"CLOUDINARY_URL=cloudinary://{g.digits(15)}:{g.s(B64URL, 10)}@demo",
                                  "CLOUDINARY_URL=cloudinary://API_KEY:API_SECRET@CLOUD_NAME"])

simple(C, "cloudinary-api-secret", "Cloudinary API secret (27 base64url) by a Cloudinary secret name",
       [r"cloudinary[\w.-]{0,16}?secret"], C_B64URL, 27, "https://console.cloudinary.com/settings/api-keys",
       severity="high", what="API secret", verb="Deactivate", keywords=["cloudinary"],
       words=["cloudinary", "api", "secret"], nested=False,
       extra_negatives=lambda g: [f"CLOUDINARY_API_KEY={g.s(B64URL, 27)}"])

simple(C, "uploadcare-secret-key", "Uploadcare secret key (20 hex) by an Uploadcare secret name",
       [r"uploadcare[\w.-]{0,16}?secret"], C_HEX, 20, "https://app.uploadcare.com/projects/-/api-keys/",
       severity="high", keywords=["uploadcare"], words=["uploadcare", "secret", "key"],
       extra_negatives=lambda g: [f"UPLOADCARE_PUBLIC_KEY={g.hex(20)}"])

# ---------------------------------------------------------------- documents and e-signature

simple(C, "pandadoc-api-key", "PandaDoc API key (40 characters) by a PandaDoc name",
       ["pandadoc"], C_ALNUM, 40, "https://app.pandadoc.com/a/#/settings/api-dashboard", severity="high")

simple(C, "hellosign-api-key", "Dropbox Sign (HelloSign) API key (64 characters) by a HelloSign / Dropbox Sign name",
       ["hellosign", r"dropbox[_.-]?sign"], C_ALNUM, 64, "https://app.hellosign.com/home/myAccount#api",
       severity="high", keywords=["hellosign", *seps(("dropbox", "sign"))])

simple(C, "signaturit-access-token", "Signaturit access token (86 characters) by a Signaturit name",
       ["signaturit"], C_ALNUM, 86, "https://app.signaturit.com/ (Settings > API)", severity="high", what="token")

simple(C, "juro-api-key", "Juro API key (40 alphanumerics) by a Juro name",
       [r"\bjuro(?:[_.-]?(?:api|key|token|secret|access)|\b)"], C_ALNUM, 40,
       "https://app.juro.com/ (Settings > Integrations > API)", severity="high", keywords=["juro"])

simple(C, "clustdoc-api-token", "Clustdoc API token (64 alphanumerics) by a Clustdoc name",
       ["clustdoc"], C_ALNUM, 64, "https://app.clustdoc.com/ (Settings > API)", severity="high", what="token")

keyed(C, "simplynoted-api-token", "Simply Noted API token by a Simply Noted name",
      [r"simply[_.-]?noted"], r"(eyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{16,}|[0-9A-Za-z]{300,400})"
      r"(?:[^0-9A-Za-z_.-]|$)", lambda g: g.jwt(), "https://simplynoted.com/ (Account > API)",
      keywords=seps(("simply", "noted")), what="token", short=lambda g: g.jwt().split(".")[0],
      extra_examples=lambda g: [f"SIMPLYNOTED_TOKEN={g.alnum(320)}"])

keyed(C, "docusign-secret-key", "DocuSign integration secret key (UUID) by a DocuSign secret name",
      [r"docusign[\w.-]{0,24}?secret"], uuid_value(), lambda g: g.uuid(),
      "https://admin.docusign.com/apps-and-keys (or https://admindemo.docusign.com/apps-and-keys)",
      severity="high", keywords=["docusign"], words=["docusign", "client", "secret"], min_entropy=3.0, nested=False,
      extra_negatives=lambda g: [f"DOCUSIGN_INTEGRATION_KEY={g.uuid()}"])

prefixed_rule(C, "adobe-client-secret", "Adobe Developer Console client secret (p8e-)", "p8e-", C_B64URL, 32,
              "https://developer.adobe.com/console (project > OAuth Server-to-Server credential > Client secret)",
              severity="high", what="client secret", verb="Rotate", min_entropy=3.0,
              extra_examples=lambda g: [f'adobeClient := "p8e-{g.hex(32)}"'])

simple(C, "adobe-client-id", "Adobe client ID / API key (32 hex) by an Adobe name (half a credential; public in embed APIs)",
       ["adobe"], C_HEX, 32, "https://developer.adobe.com/console (project > credentials)", severity="low",
       what="client ID", verb="Review",
       extra_negatives=lambda g: [f"ADOBE_CLIENT_SECRET=p8e-{g.s(B64URL, 32)}"])

# ---------------------------------------------------------------- file storage and sharing

# `box` is a common word (Rust's Box, sandbox, inbox...): a Box name must start a word and name a
# key, secret or token (`BOX_CLIENT_SECRET`, `boxDeveloperToken`, `box-key`).
BOX_WORDS = ["api", "app", "developer", "dev", "client", "access", "primary", "key", "secret", "token"]
simple(C, "box-api-token", "Box developer token, client secret or API key (32 alphanumerics) by a Box key/secret/token name",
       [r"\bbox[_.-]?(?:(?:api|app|developer|dev|client|access|primary)[_.-]?)?(?:key|secret|token)"], C_ALNUM, 32,
       "https://app.box.com/developers/console (app > Configuration)", severity="high", what="token",
       keywords=[f"box{sep}{w}" for sep in ("", "_", "-", ".") for w in BOX_WORDS],
       words=["box", "client", "secret"], nested=False,
       extra_negatives=lambda g: [f"SANDBOX_TOKEN={g.alnum(32)}", f"BOX_CLIENT_ID={g.s(DIGITS + LOWER, 32)}",
                                  f"let boxed = Box::new({g.alnum(32)});"])

simple(C, "dropbox-app-key", "Dropbox app key or app secret (15 characters) by a Dropbox name",
       ["dropbox"], C_ALNUM_LOW, 15, "https://www.dropbox.com/developers/apps (app > Settings)", min_entropy=3.0,
       words=["dropbox", "app", "secret"],
       extra_negatives=lambda g: [f"DROPBOX_ACCESS_TOKEN=sl.B{g.s(B64URL, 140)}"])

rule(C, id="dropbox-short-lived-token", description="Dropbox short-lived access token (sl.)", severity="high",
     keywords=["sl."], regex=r"\b(sl\.(?:u\.)?[0-9A-Za-z_-]{130,1500})" + END_B64URL, min_entropy=4.0,
     remediation=remediation_at("https://www.dropbox.com/account/connected_apps (or the app's settings at "
                                "https://www.dropbox.com/developers/apps)", "token",
                                extra="revoke the refresh token that minted it, "),
     examples=lambda g: [f"DROPBOX_ACCESS_TOKEN=sl.B{g.s(B64URL, 137)}",
                         f'dbx = dropbox.Dropbox("sl.u.{g.s(B64URL, 400)}")',
                         f"curl -H 'Authorization: Bearer sl.B{g.s(B64URL, 140)}' https://api.dropboxapi.com/2/users/get_current_account"],
     negative_examples=lambda g: [f"DROPBOX_ACCESS_TOKEN=sl.B{g.s(B64URL, 60)}", "ssl.verify = false",
                                  f"tsl.{g.s(B64URL, 140)}"])

keyed(C, "fileio-api-key", "file.io API key by a file.io name",
      [r"file[_.-]?io"], r"([0-9A-Z]{7}\.[0-9A-Z]{7}-[0-9A-Z]{7}-[0-9A-Z]{7}-[0-9A-Z]{7}|[0-9A-Z]{40})(?:[^0-9A-Za-z.-]|$)",
      lambda g: "-".join([g.s(DIGITS + UPPER, 7) + "." + g.s(DIGITS + UPPER, 7)] + [g.s(DIGITS + UPPER, 7) for _ in range(3)]),
      "https://www.file.io/ (Account > API key)", keywords=seps(("file", "io")),
      extra_examples=lambda g: [f"FILEIO_SECRET_KEY={g.s(DIGITS + UPPER, 40)}"])

simple(C, "pastebin-api-dev-key", "Pastebin API developer key (32 characters) by a Pastebin or api_dev_key name",
       ["pastebin", "api_dev_key"], C_B64URL, 32, "https://pastebin.com/doc_api (contact Pastebin to reset it)",
       verb="Replace")

simple(C, "cloudplan-api-key", "cloudplan API key (32 uppercase alphanumerics) by a cloudplan name",
       ["cloudplan"], C_ALNUM_UP, 32, "https://www.cloudplan.net/ (Settings > API)", severity="high")

# `flat` is a common word (flat_map, flatten): the name must be Flat.io's or a Flat API/token name.
simple(C, "flat-io-api-token", "Flat.io API token (128 hex) by a Flat.io API/token name",
       [r"flat[_.-]?(?:io|api|token|secret)"], C_HEX, 128, "https://flat.io/developers/apps",
       keywords=seps(("flat", "io"), ("flat", "api"), ("flat", "token"), ("flat", "secret")),
       words=["flat", "io", "token"], what="token")

simple(C, "protocols-io-api-token", "protocols.io API token (64 characters) by a protocols.io name",
       [r"protocols(?:[_.-]?(?:io|api|secret|access|private|token|client))"], C_ALNUM_LOW, 64,
       "https://www.protocols.io/developers", keywords=["protocols"], words=["protocols", "io", "token"], what="token")
