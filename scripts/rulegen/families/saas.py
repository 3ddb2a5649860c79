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
         "npm_config_registry=https://registry.npmjs.org/",
     ])

rule("saas",
     id="pypi-api-token",
     description="PyPI API token (macaroon for pypi.org)",
     severity="critical",
     keywords=["pypi-AgEIcHlwaS5vcmc"],
     regex=r"\b(pypi-AgEIcHlwaS5vcmc[0-9A-Za-z_-]{70,})",
     min_entropy=4.0,
     remediation=("Remove the token at https://pypi.org/manage/account/token/, check your projects' release history, "
                  "prefer Trusted Publishing, " + PURGE),
     examples=lambda g: [
         f"TWINE_PASSWORD={g.pypi()}",
         f"[pypi]\n  username = __token__\n  password = {g.pypi()}",
         f"uv publish --token {g.pypi()}",
     ],
     negative_examples=lambda g: [
         f"TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{g.s(B64URL, 20)}",
         f"TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZw{g.s(B64URL, 120)}",
         "TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc...",
     ])
