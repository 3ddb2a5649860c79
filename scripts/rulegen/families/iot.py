"""Rules of the iot family: IoT platforms and device clouds (Adafruit IO, Blynk, Particle, Ubidots,
ThingsBoard, ThingSpeak, Arduino Cloud)."""
from rulegen.core import *  # noqa: F401,F403

# ============================== iot ==============================
# Device tokens leak most often from Arduino / ESP sketches (`#define BLYNK_AUTH_TOKEN "…"`,
# `arduino_secrets.h`) and from curl lines in READMEs. A device token controls one device or
# publishes its telemetry (`medium`/`high`); account and organization tokens control the whole
# fleet (`high`). Unprefixed keys use core.kv_rule.

FAM = "iot"

# --- Adafruit IO -----------------------------------------------------------------------------------------

ADAFRUIT_URL = "https://io.adafruit.com (the key icon / My Key > Regenerate key)"
prefixed_rule(FAM, "adafruit-io-key", "Adafruit IO key (aio_)", "aio_", C_ALNUM, 28, ADAFRUIT_URL, severity="high",
              words=["adafruit", "io", "key"], what="key", verb="Regenerate",
              extra_examples=lambda g: [f'#define IO_KEY       "aio_{g.alnum(28)}"'],
              extra_negatives=lambda g: ["aio_context_t ctx = aio_setup_context(64);",
                                         f"ADAFRUIT_IO_KEY=aio_{g.alnum(27)}"])
kv_rule(FAM, "adafruit-io-legacy-key", "Adafruit IO legacy key (32 hex) next to an Adafruit name",
        "adafruit", r"[0-9a-f]{32}", lambda g: g.hex(32), ADAFRUIT_URL, severity="high",
        words=["adafruit", "io", "key"], min_entropy=3.0, end=END_ALNUM, verb="Regenerate",
        extra_negatives=lambda g: [f"ADAFRUIT_IO_USERNAME={g.s(LOWER, 10)}"])

# --- Blynk -----------------------------------------------------------------------------------------------

BLYNK_DEVICE_URL = "Blynk.Console > the device > Device Info (or Developer Zone > the template) > regenerate the auth token"
kv_rule(FAM, "blynk-auth-token", "Blynk device auth token (32 chars) next to a Blynk name or in a Blynk API URL",
        "blynk", r"[0-9A-Za-z_-]{32}", lambda g: g.s(B64URL, 32), BLYNK_DEVICE_URL, severity="high",
        words=["blynk", "auth", "token"], what="auth token", verb="Regenerate",
        alt=(r"blynk\.cloud/external/api/[\w/]*\?(?:[\w=&%.-]*&)?token="
             r"|blynk-cloud\.com(?::[0-9]{2,5})?/|(?i:blynk)\.begin\(\s*\""),
        extra_examples=lambda g: [
            f'#define BLYNK_AUTH_TOKEN "{g.s(B64URL, 32)}"',
            f'curl "https://fra1.blynk.cloud/external/api/get?token={g.s(B64URL, 32)}&V1"',
            f'  Blynk.begin("{g.s(B64URL, 32)}", ssid, pass);',
            f"http://blynk-cloud.com/{g.s(B64URL, 32)}/update/V1?value=1",
        ],
        extra_negatives=lambda g: ['#define BLYNK_TEMPLATE_ID "TMPL' + g.alnum(8) + '"',
                                   f"BLYNK_AUTH_TOKEN={g.s(B64URL, 40)}"])
rule(FAM,
     id="blynk-organization-token",
     description="Blynk organization API (OAuth2 access) token: a 40-char Bearer token in a request to blynk.cloud/api",
     severity="high",
     keywords=["blynk.cloud"],
     regex=r"(?i:bearer)\s+([0-9A-Za-z_-]{40})" + END_B64URL,
     min_entropy=3.5,
     window=160,
     remediation=remediation_at("Blynk.Console > Settings > Developers (OAuth2 clients / API tokens)", "token"),
     examples=lambda g: [
         f'curl https://fra1.blynk.cloud/api/organization/profile -H "Authorization: Bearer {g.s(B64URL, 40)}"',
         f'curl https://ny3.blynk.cloud/api/devices \\\n-H "Authorization: Bearer {g.s(B64URL, 40)}"',
         f'curl -H "Authorization: Bearer {g.s(B64URL, 40)}" https://lon1.blynk.cloud/api/organization/profile',
     ],
     negative_examples=lambda g: [
         f'curl https://fra1.blynk.cloud/api/devices -H "Authorization: Bearer {g.s(B64URL, 32)}"',
         f'curl https://api.example.invalid/v1 -H "Authorization: Bearer {g.s(B64URL, 40)}"',
         'curl https://fra1.blynk.cloud/api/devices -H "Authorization: Bearer $BLYNK_TOKEN"',
     ])
rule(FAM,
     id="blynk-oauth-client-secret",
     description="Blynk OAuth2 client secret (oa2-client-id_…:secret)",
     severity="high",
     keywords=["oa2-client-id_"],
     regex=r"\boa2-client-id_[0-9A-Za-z_-]{32}:([0-9A-Za-z_-]{40})" + END_B64URL,
     min_entropy=3.5,
     remediation=remediation_at("Blynk.Console > Settings > Developers > OAuth2 (delete the client)", "client secret",
                                "Delete"),
     examples=lambda g: [
         f"curl -X POST -u oa2-client-id_{g.s(B64URL, 32)}:{g.s(B64URL, 40)} "
         f"https://fra1.blynk.cloud/oauth2/token?grant_type=client_credentials",
         f"BLYNK_CLIENT=oa2-client-id_{g.s(B64URL, 32)}:{g.s(B64URL, 40)}",
     ],
     negative_examples=lambda g: [
         f"BLYNK_CLIENT_ID=oa2-client-id_{g.s(B64URL, 32)}",
         f"curl -u oa2-client-id_{g.s(B64URL, 32)}:$BLYNK_SECRET https://fra1.blynk.cloud/oauth2/token",
     ])

# --- Particle ----------------------------------------------------------------------------------------------

kv_rule(FAM, "particle-access-token",
        "Particle access token (40 hex) next to a Particle name or in a request to api.particle.io",
        r"particle", r"[0-9a-f]{40}", lambda g: g.hex(40),
        "https://console.particle.io (or `particle token revoke`), and list the account's tokens with `particle token list`",
        severity="high", words=["particle", "access", "token"], min_entropy=3.0, end=END_ALNUM, what="access token",
        window=160,
        alt=r"api\.particle\.io/[\s\S]{0,200}?(?:(?i:bearer)\s+|access_token=)|(?i:bearer)\s+|access_token=",
        extra_examples=lambda g: [
            f'curl https://api.particle.io/v1/devices \\\n-H "Authorization: Bearer {g.hex(40)}"',
            f'curl "https://api.particle.io/v1/devices/events?access_token={g.hex(40)}"',
            f"curl https://api.particle.io/v1/devices -d access_token={g.hex(40)}",
            f'curl -H "Authorization: Bearer {g.hex(40)}" https://api.particle.io/v1/devices',
        ],
        extra_negatives=lambda g: [f"PARTICLE_DEVICE_ID={g.hex(24)}",
                                   f'curl -H "Authorization: Bearer {g.hex(40)}" https://api.github.com/user'])

# --- Ubidots, ThingsBoard, ThingSpeak ---------------------------------------------------------------------

prefixed_rule(FAM, "ubidots-token", "Ubidots API token (BBFF-)", "BBFF-", C_ALNUM, 30,
              "https://industrial.ubidots.com/accounts/me/apiCredentials (delete the token)", severity="high",
              words=["ubidots", "token"], verb="Delete")
kv_rule(FAM, "thingsboard-access-token",
        "ThingsBoard device access token (20 chars) in a ThingsBoard device API URL, MQTT login or next to a ThingsBoard name",
        "thingsboard", r"[0-9A-Za-z]{20}", lambda g: g.s(DIGITS + LOWER, 20),
        "ThingsBoard > Devices > the device > Manage credentials (set a new access token)", severity="medium",
        words=["thingsboard", "access", "token"], min_entropy=3.0, end=END_ALNUM, what="access token",
        verb="Replace",
        alt=(r"(?i:thingsboard)[\w.-]*(?::[0-9]{2,5})?/api/v1/"
             r"|(?i:thingsboard)[^\r\n]{0,80}?\s-u\s+[\"']?"),
        extra_examples=lambda g: [
            f"https://thingsboard.cloud/api/v1/{g.s(DIGITS + LOWER, 20)}/telemetry",
            f"coap://coap.thingsboard.cloud/api/v1/{g.s(DIGITS + LOWER, 20)}/telemetry",
            f'mosquitto_pub -d -q 1 -h "mqtt.thingsboard.cloud" -p 1883 -t "v1/devices/me/telemetry" -u "{g.alnum(20)}" -m {{"temperature":25}}',
        ],
        extra_negatives=lambda g: ["https://thingsboard.cloud/api/v1/$ACCESS_TOKEN/telemetry",
                                   f"https://thingsboard.cloud/api/v1/{g.alnum(12)}/telemetry"])
kv_rule(FAM, "thingspeak-api-key", "ThingSpeak channel write/read API key (16 uppercase alnum) next to a ThingSpeak name or URL",
        "thingspeak", r"[0-9A-Z]{16}", lambda g: g.s(DIGITS + UPPER, 16),
        "ThingSpeak > the channel > API Keys (Generate New Write API Key)", severity="medium",
        words=["thingspeak", "api", "key"], min_entropy=3.0, end=END_ALNUM, verb="Regenerate",
        alt=r"api\.thingspeak\.com/[^\s\"']*?[?&](?:api_key|key)=",
        extra_examples=lambda g: [f"https://api.thingspeak.com/update?api_key={g.s(DIGITS + UPPER, 16)}&field1=0"],
        extra_negatives=lambda g: [f"THINGSPEAK_CHANNEL_ID={g.digits(7)}"])

# --- Arduino Cloud ---------------------------------------------------------------------------------------

kv_rule(FAM, "arduino-cloud-client-secret",
        "Arduino Cloud API client secret (64 alnum) next to an Arduino client-secret name",
        r"arduino[_.-]?(?:iot[_.-]?)?(?:cloud[_.-]?)?(?:api[_.-]?)?(?:client[_.-]?)?secret", r"[0-9A-Za-z]{64}",
        lambda g: g.alnum(64), "https://app.arduino.cc/api-keys (delete the API key)", severity="high",
        keywords=["arduino"], words=["arduino", "client", "secret"], end=END_ALNUM, what="API key", verb="Delete",
        extra_negatives=lambda g: [f"ARDUINO_CLIENT_ID={g.alnum(32)}"],
        tail=NAME_TAIL)
kv_rule(FAM, "arduino-cloud-device-key",
        "Arduino Cloud device secret key (SECRET_DEVICE_KEY in arduino_secrets.h)",
        r"secret[_.-]?device[_.-]?key", r"[0-9A-Za-z#?!@%&*+=$_-]{20,25}",
        lambda g: g.r.choice([g.s(DIGITS + UPPER, 20), g.alnum(1) + g.s(ALNUM + "#?!@", 24)]),
        "Arduino Cloud > Devices > the device (delete it and set it up again to get a new secret key)",
        severity="medium", keywords=["secret_device_key", "secret-device-key", "secret.device.key",
                                     "secretdevicekey"],
        words=["secret", "device", "key"], end=r"(?:[^0-9A-Za-z#?!@%&*+=$_-]|$)", short=False, what="device key",
        verb="Replace",
        extra_examples=lambda g: [f'#define SECRET_DEVICE_KEY "{g.s(DIGITS + UPPER, 20)}"'],
        extra_negatives=lambda g: ['#define SECRET_DEVICE_KEY "YourSecretDeviceKeyFromArduinoCloud"',
                                   '#define SECRET_DEVICE_KEY "my-device-password"',
                                   '#define SECRET_DEVICE_KEY ""'],
        tail=NAME_TAIL)
