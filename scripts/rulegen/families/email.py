"""Rules of the email family: transactional and marketing email providers (Mailgun, Mailchimp,
Mandrill, Brevo/Sendinblue, Postmark, SparkPost, Mailjet, Elastic Email, MailerLite, Moosend,
Omnisend, Klaviyo, GetResponse, Mailmodo, Mailsac, Dyspatch, Nylas, Mixmax, BombBomb).
SendGrid lives in saas.py. Keys that can send mail as the account are `high`."""
from rulegen.core import *  # noqa: F401,F403
from rulegen.families.messaging import SECRET_TAIL, upper_uuid

# ============================== email ==============================

FAMILY = "email"
JWT_VALUE = r"eyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{16,}"

# --- Mailgun ---------------------------------------------------------------------------------------
# Keys: legacy `key-` + 32 hex, current `<32 hex>-<8 hex>-<8 hex>` (private API keys and webhook
# signing keys share the shapes), public validation key `pubkey-` + 32 hex. `key-…` alone is too
# common (cache keys), so a Mailgun name must be on the same or the previous line.
MAILGUN_CTX = r"(?i:mailgun)[^\r\n]{0,80}?(?:\r?\n[^\r\n]{0,80}?)?"
MAILGUN_URL = "https://app.mailgun.com/settings/api_security"

rule(FAMILY,
     id="mailgun-api-key",
     description="Mailgun private API key or webhook signing key (key-…, or 32-8-8 hex) near a Mailgun name",
     severity="high",
     keywords=["mailgun"],
     regex=MAILGUN_CTX + r"\b(key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})\b",
     min_entropy=3.0,
     window=48,
     remediation=remediation_at(MAILGUN_URL + " (API keys: delete; HTTP webhook signing key: rotate)", "key",
                                "Delete", "check the sending logs for mail you did not send, "),
     examples=lambda g: [
         f"MAILGUN_API_KEY=key-{g.hex(32)}",
         f"var apiKey = process.env.MAILGUN_API || 'key-{g.hex(32)}'",
         f'  "mailgunToken": "{g.hex(32)}-{g.hex(8)}-{g.hex(8)}",',
         f"mailgun:\n  api_key: {g.hex(32)}-{g.hex(8)}-{g.hex(8)}",
         f"MAILGUN_WEBHOOK_SIGNING_KEY={g.hex(32)}-{g.hex(8)}-{g.hex(8)}",
     ],
     negative_examples=lambda g: [
         f"cache_key = 'key-{g.hex(32)}'",
         f"MAILGUN_API_KEY=key-{g.hex(24)}",
         "MAILGUN_API_KEY=key-<your-mailgun-key>",
         f"MAILGUN_DOMAIN=mg.{g.s(LOWER, 8)}.com",
     ])

rule(FAMILY,
     id="mailgun-public-key",
     description="Mailgun public validation key (pubkey-…) near a Mailgun name",
     severity="low",
     keywords=["mailgun"],
     regex=MAILGUN_CTX + r"\b(pubkey-[0-9a-f]{32})\b",
     min_entropy=3.0,
     window=48,
     remediation=remediation_at(MAILGUN_URL + " (Public validation key > Reset)", "key", "Reset"),
     examples=lambda g: [
         f"MAILGUN_PUBLIC_KEY=pubkey-{g.hex(32)}",
         f'  "mailgun_token": "pubkey-{g.hex(32)}"',
     ],
     negative_examples=lambda g: [
         f"ssh_pubkey = 'pubkey-{g.hex(32)}'",
         f"MAILGUN_PUBLIC_KEY=pubkey-{g.hex(30)}",
     ])

# --- Mailchimp, Mandrill -----------------------------------------------------------------------------
# `<32 hex>-us<datacenter>`: the name right before it (MAILCHIMP_KEY=…), or a Mailchimp name earlier
# on the line and the key quoted (mailchimp.setConfig({apiKey: "…"})).
rule(FAMILY,
     id="mailchimp-api-key",
     description="Mailchimp Marketing API key (32 hex + -us<dc>)",
     severity="high",
     keywords=["mailchimp"],
     regex=(r"(?:(?i:mailchimp)" + NAME_TAIL + ASSIGN_ANY + r"|(?i:mailchimp)[^\r\n]{0,80}?[\"'`])"
            r"([0-9a-f]{32}-us[0-9]{1,2})\b"),
     min_entropy=3.0,
     window=48,
     remediation=remediation_at("https://admin.mailchimp.com/account/api/ (Account > Extras > API keys)", "key",
                                "Revoke"),
     examples=lambda g: [
         f"MAILCHIMP_API_KEY={g.hex(32)}-us{g.r.randint(1, 21)}",
         f"MAILCHIMP_API='{g.hex(32)}-us{g.r.randint(1, 21)}'",
         f'mailchimp.setConfig({{ apiKey: "{g.hex(32)}-us{g.r.randint(1, 21)}", server: "us6" }});',
         f"  mailchimp_key: {g.hex(32)}-us{g.r.randint(1, 21)}",
         f"<mailchimpApiKey>\n    {g.hex(32)}-us{g.r.randint(1, 21)}\n</mailchimpApiKey>",
     ],
     negative_examples=lambda g: [
         f"MAILCHIMP_API_KEY={g.hex(30)}-us12",
         "MAILCHIMP_API_KEY=<your-key>-us12",
         f"MailchimpSDK.initialize(token: {g.hex(32)}-us18)",
         f"MAILCHIMP_LIST_ID={g.hex(10)}",
     ])

value_rule(FAMILY, "mandrill-api-key",
           "Mandrill (Mailchimp Transactional) API key (22 chars) under a Mandrill key/token name",
           names="mandrill", tail=SECRET_TAIL, value=token(C_B64URL, 22), make=lambda g: g.s(B64URL, 22),
           url="https://mandrillapp.com/settings (API Keys)", severity="high",
           extra_negatives=lambda g: ["mandrill_template = welcome-email-layout"])

# --- Brevo (Sendinblue) ------------------------------------------------------------------------------
BREVO_URL = "https://app.brevo.com/settings/keys/"
for _rid, _prefix, _what, _page in [("brevo-api-key", "xkeysib-", "API key", "api"),
                                    ("brevo-smtp-key", "xsmtpsib-", "SMTP key", "smtp")]:
    rule(FAMILY,
         id=_rid,
         description=f"Brevo (Sendinblue) {_what} ({_prefix}…)",
         severity="high",
         keywords=[_prefix],
         regex=rf"\b({_prefix}[0-9a-f]{{64}}-[0-9A-Za-z]{{16}})\b",
         min_entropy=3.5,
         remediation=remediation_at(BREVO_URL + _page, _what, "Delete",
                                    "check the transactional logs for mail you did not send, "),
         examples=lambda g, p=_prefix: [
             f"BREVO_API_KEY={p}{g.hex(64)}-{g.alnum(16)}",
             f'  "sendinblue_token": "{p}{g.hex(64)}-{g.alnum(16)}"',
             f"configuration.api_key['api-key'] = '{p}{g.hex(64)}-{g.alnum(16)}'",
         ],
         negative_examples=lambda g, p=_prefix: [
             f"BREVO_API_KEY={p}{g.hex(64)}",
             f"BREVO_API_KEY={p}your-api-key",
             f"BREVO_API_KEY={p}{g.hex(40)}-{g.alnum(16)}",
         ])

# --- Postmark, SparkPost, Mailjet ------------------------------------------------------------------------
value_rule(FAMILY, "postmark-api-token",
           "Postmark server or account API token (UUID) under a Postmark name or X-Postmark-*-Token header",
           names="postmark", value=rf"({UUID_ANY})\b", make=lambda g: g.uuid(), short=False, min_entropy=3.0,
           tail=r"(?i:(?:[\w.-]{0,20}?(?:token|key|secret|api|server|account)[\w-]{0,8})?)",
           url="https://account.postmarkapp.com/servers (server > API Tokens; account tokens under "
               "Account > API Tokens)", severity="high", what="token", words=["postmark", "server", "token"],
           extra_examples=lambda g: [f'  "X-Postmark-Server-Token": "{g.uuid()}",',
                                     f"postmark: \"{g.uuid()}\","],
           extra_negatives=lambda g: [f"POSTMARK_MESSAGE_STREAM={g.uuid()[:8]}",
                                      f'postmark_message_id = "{g.uuid()}"'])

named_rule(FAMILY, "sparkpost-api-key", "SparkPost API key (40 hex) under a SparkPost name",
           names=["sparkpost"], cls=C_ALNUM, length=40, make=lambda g: g.hex(40), min_entropy=3.0,
           url="https://app.sparkpost.com/account/api-keys", severity="high")

MAILJET_URL = "https://app.mailjet.com/account/apikeys"
value_rule(FAMILY, "mailjet-api-key",
           "Mailjet API key (public half, 32 hex) under a Mailjet API-key name (MJ_APIKEY_PUBLIC)",
           names=r"mailjet(?:[_.-]?api)?[_.-]?(?:public[_.-]?)?key|mailjet[_.-]?apikey[_.-]?public"
                 r"|mj[_.-]?apikey[_.-]?public",
           keywords=["mailjet", "mj_apikey", "mj-apikey", "mjapikey", "mj.apikey"], tail=r"\w{0,4}",
           value=token(C_HEX_ANY, 32), make=lambda g: g.hex(32), min_entropy=3.0,
           url=MAILJET_URL, severity="medium", what="API key (and its secret)",
           words=["mailjet", "api", "key"],
           extra_negatives=lambda g: [f"MAILJET_SECRET_KEY={g.hex(32)}"])

value_rule(FAMILY, "mailjet-secret-key",
           "Mailjet API secret key (32 hex) under a Mailjet secret/private name (MJ_APIKEY_PRIVATE)",
           names=r"mailjet[\w.-]{0,16}?(?:secret|private)|mj[_.-]?apikey[_.-]?private",
           keywords=["mailjet", "mj_apikey", "mj-apikey", "mjapikey", "mj.apikey"], tail=r"[\w.-]{0,8}",
           value=token(C_HEX_ANY, 32), make=lambda g: g.hex(32), min_entropy=3.0,
           url=MAILJET_URL, severity="high", what="API key pair",
           words=["mailjet", "secret", "key"],
           extra_examples=lambda g: [f"MJ_APIKEY_PRIVATE={g.hex(32)}"],
           extra_negatives=lambda g: [f"MJ_APIKEY_PUBLIC={g.hex(32)}"])

# --- Marketing platforms -------------------------------------------------------------------------------
value_rule(FAMILY, "elastic-email-api-key",
           "Elastic Email API key (96 uppercase hex, or UUID) under an Elastic Email name",
           names=r"elastic[_.-]?email", keywords=["elasticemail", "elastic_email", "elastic-email", "elastic.email"],
           value=rf"([0-9A-F]{{96}}|{UUID_ANY})" + END_ALNUM, make=lambda g: g.s(HEX.upper(), 96), min_entropy=3.0,
           url="https://app.elasticemail.com/marketing/settings/new/manage-api", severity="high",
           words=["elasticemail", "api", "key"], short=False,
           extra_negatives=lambda g: [f"ELASTIC_API_KEY={g.s(HEX.upper(), 96)}"])

value_rule(FAMILY, "mailerlite-api-key",
           "MailerLite API token (JWT, or classic 32 chars) under a MailerLite name",
           names=r"mailer[_.-]?lite", keywords=["mailerlite", "mailer_lite", "mailer-lite", "mailer.lite"],
           value=rf"({JWT_VALUE}|[0-9a-z]{{32}})" + END_B64URL, make=lambda g: g.r.choice([g.jwt, lambda: g.hex(32)])(),
           url="https://dashboard.mailerlite.com/integrations/api", severity="high", short=False, min_entropy=3.0,
           words=["mailerlite", "api", "token"],
           extra_negatives=lambda g: [f"MAILERLITE_GROUP_ID={g.digits(18)}"])

value_rule(FAMILY, "moosend-api-key", "Moosend API key (UUID) under a Moosend name",
           names="moosend", value=rf"({UUID_ANY})\b", make=lambda g: g.uuid(), short=False, min_entropy=3.0,
           url="the Moosend app (Settings > API key > regenerate)", severity="high", what="API key",
           verb="Regenerate")

value_rule(FAMILY, "omnisend-api-key", "Omnisend API key under an Omnisend name",
           names="omnisend", value=r"([0-9A-Za-z_-]{60,80})" + END_B64URL,
           make=lambda g: f"{g.hex(24)}-{g.alnum(50)}", short=False,
           url="https://app.omnisend.com/integrations/api-keys", severity="high")

rule(FAMILY,
     id="klaviyo-private-api-key",
     description="Klaviyo private API key (pk_ + 34) near a Klaviyo name",
     severity="high",
     keywords=["klaviyo"],
     regex=r"(?i:klaviyo)[^\r\n]{0,80}?\b(pk_[0-9A-Za-z]{34})\b",
     min_entropy=3.2,
     remediation=remediation_at("https://www.klaviyo.com/settings/account/api-keys", "private key", "Revoke"),
     examples=lambda g: [
         f"KLAVIYO_PRIVATE_API_KEY=pk_{g.hex(34)}",
         f"klaviyo_key = pk_{g.alnum(34)}",
         f'const klaviyo = new ApiKeySession("pk_{g.hex(34)}");',
     ],
     negative_examples=lambda g: [
         f"KLAVIYO_PUBLIC_KEY={g.alnum(6)}",
         f"KLAVIYO_PRIVATE_API_KEY=pk_{g.hex(20)}",
         f"STRIPE_PUBLISHABLE_KEY=pk_live_{g.alnum(24)}",
     ])

# not the bare name: getResponse() / get_response are everywhere in code
value_rule(FAMILY, "getresponse-api-key", "GetResponse API key (32 chars) under a GetResponse key/token name",
           names=r"get[_.-]?response[_.-]?(?:api[_.-]?)?(?:key|token|secret)",
           keywords=[f"get{a}response{b}{w}" for a in ("", "_", "-") for b in ("", "_", "-", ".")
                     for w in ("api", "key", "token", "secret")],
           tail=r"[\w.-]{0,8}",
           value=token(C_ALNUM_LOW, 32), make=lambda g: g.s(DIGITS + LOWER, 32),
           url="https://app.getresponse.com/api", severity="high", words=["getresponse", "api", "key"],
           extra_negatives=lambda g: [f"http_get_response = {g.hex(32)}"])

value_rule(FAMILY, "mailmodo-api-key", "Mailmodo API key (4 groups of 7) under a Mailmodo name",
           names="mailmodo", value=r"([0-9A-Z]{7}(?:-[0-9A-Z]{7}){3})\b",
           make=lambda g: "-".join(g.s(UPPER + DIGITS, 7) for _ in range(4)), min_entropy=3.0,
           url="the Mailmodo dashboard (Settings > API keys)", severity="high")

value_rule(FAMILY, "mailsac-api-key", "Mailsac API key (k_…) under a Mailsac name",
           names="mailsac", value=r"(k_[0-9A-Za-z]{20,60})" + END_ALNUM, make=lambda g: "k_" + g.alnum(44),
           short=False, url="https://mailsac.com/api-keys", severity="medium")

value_rule(FAMILY, "dyspatch-api-key", "Dyspatch API key under a Dyspatch name",
           names="dyspatch", value=r"([0-9A-Za-z]{40,64})" + END_ALNUM, make=lambda g: g.alnum(52), short=False,
           url="the Dyspatch app (Admin > API Keys)", severity="medium")

value_rule(FAMILY, "nylas-api-key",
           "Nylas API key (nyk_v0_…) or v2 client secret / access token (30 chars) under a Nylas name",
           names="nylas", value=r"(nyk_v0_[0-9A-Za-z_]{40,80}|[0-9A-Za-z]{30})" + END_B64URL,
           make=lambda g: g.r.choice([lambda: "nyk_v0_" + g.alnum(50), lambda: g.alnum(30)])(), short=False,
           url="https://dashboard-v3.nylas.com (API Keys)", severity="high",
           extra_negatives=lambda g: [f"NYLAS_GRANT_ID={g.uuid()}"])

value_rule(FAMILY, "mixmax-api-token", "Mixmax API token (36 chars) under a Mixmax name",
           names="mixmax", value=r"([0-9a-f-]{36})" + END_B64URL, make=lambda g: g.uuid(), short=False,
           min_entropy=3.0, url="https://app.mixmax.com/dashboard/settings/personal/integrations (API)",
           severity="high", what="token", words=["mixmax", "api", "token"])

value_rule(FAMILY, "bombbomb-api-key", "BombBomb API key or token (base64, 80-100 chars) under a BombBomb name",
           names=r"bomb[_.-]?bomb", keywords=["bombbomb", "bomb_bomb", "bomb-bomb"],
           value=r"([0-9A-Za-z+/]{80,100}={0,2})" + END_B64, make=lambda g: b64(g.bytes(66)), short=False,
           min_entropy=4.0, url="the BombBomb account (Integrations > API keys)", severity="medium")
