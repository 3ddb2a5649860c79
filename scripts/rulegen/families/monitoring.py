"""Rules of the monitoring family: observability, error tracking, alerting, status pages, product
analytics and feature flags."""
from rulegen.core import *  # noqa: F401,F403

# ============================== monitoring ==============================
# Self-identifying tokens (NRAK-, sntrys_, glsa_, dt0c01., sgp_, phx_ …) have prefixed rules and need
# no name. Unprefixed keys (32 hex, UUIDs, 40 alnum …) are only reported next to the provider's
# name (`kv_rule`), and the name is anchored where it is a substring of ordinary words (`sumOf…`,
# `lateral`). Public-by-design keys are left out: Segment write keys, PostHog `phc_` project keys,
# Optimizely SDK keys, Sentry DSN public keys (only the legacy DSN *secret* has a rule).

FAM = "monitoring"

# --- Datadog -----------------------------------------------------------------------------------------

DD_NAMES_API = r"datadog|(?:\b|_)dd[_.-]?api"
kv_rule(FAM, "datadog-api-key", "Datadog API key (32 hex) next to a Datadog / DD_API_KEY name, header or URL",
        DD_NAMES_API, "[0-9a-f]{32}", lambda g: g.hex(32),
        "https://app.datadoghq.com/organization-settings/api-keys", severity="high",
        keywords=["datadog", "dd_api", "dd-api", "dd.api", "ddapi"], words=["dd", "api", "key"], min_entropy=3.0,
        end=END_ALNUM,
        alt=r"datadoghq\.(?:com|eu)/[^\s\"'<>]{0,200}?[?&](?:api_key|dd-api-key)=",
        extra_examples=lambda g: [
            f"curl -X POST 'https://api.datadoghq.com/api/v2/series?api_key={g.hex(32)}' -d @metrics.json",
            f'  datadog_api_key: "{g.hex(32)}"',
            f"DD-API-KEY: {g.hex(32)}",
        ],
        extra_negatives=lambda g: [
            f"DD_API_KEY={g.hex(40)}",
            f"DD_SITE=datadoghq.com\nBUILD_ID={g.hex(32)}",
            "api_key: ENC[datadog_api_key]",
        ])

kv_rule(FAM, "datadog-application-key",
        "Datadog application key (40 chars) next to a Datadog / DD_APP_KEY name or header",
        r"datadog|(?:\b|_)dd[_.-]?(?:app|application|secret)", "[0-9A-Za-z]{40}", lambda g: g.hex(40),
        "https://app.datadoghq.com/organization-settings/application-keys", severity="high",
        keywords=["datadog", "dd_app", "dd-app", "dd.app", "ddapp", "dd_secret", "dd-secret", "ddsecret"],
        words=["dd", "app", "key"], end=END_ALNUM,
        extra_examples=lambda g: [
            f'  "datadogApplicationKey": "{g.alnum(40)}",',
            f"DD-APPLICATION-KEY: {g.hex(40)}",
        ],
        extra_negatives=lambda g: [
            f"DD_APP_KEY={g.hex(32)}",
            f"DD_APPLICATION_ID={g.uuid()}",
            f"DATADOG_GIT_COMMIT_SHA={g.hex(40)}",
        ])

# --- New Relic ---------------------------------------------------------------------------------------

NR_URL = "https://one.newrelic.com/api-keys"
prefixed_rule(FAM, "new-relic-user-api-key", "New Relic user API key (NRAK-)", "NRAK-", C_ALNUM, 27, NR_URL,
              severity="high", words=["new", "relic", "api", "key"],
              make=lambda g: "NRAK-" + g.s(DIGITS + UPPER, 27),
              extra_negatives=lambda g: [f"NEW_RELIC_API_KEY=NRAK{g.s(DIGITS + UPPER, 27)}"])
prefixed_rule(FAM, "new-relic-rest-api-key", "New Relic REST API key (NRRA-)", "NRRA-", C_HEX, 42, NR_URL,
              severity="high", words=["new", "relic", "rest", "key"], min_entropy=3.0)
prefixed_rule(FAM, "new-relic-insert-key", "New Relic Insights insert key (NRII-)", "NRII-", C_B64URL, 32, NR_URL,
              severity="medium", words=["new", "relic", "insert", "key"])
prefixed_rule(FAM, "new-relic-query-key", "New Relic Insights query key (NRIQ-)", "NRIQ-", C_B64URL, 32, NR_URL,
              severity="medium", words=["new", "relic", "query", "key"])
prefixed_rule(FAM, "new-relic-browser-key",
              "New Relic browser ingest key (NRJS-; it is also in pages' agent snippet, so informative)",
              "NRJS-", C_HEX, 19, NR_URL, severity="low", words=["new", "relic", "browser", "key"], min_entropy=3.0)

rule(FAM,
     id="new-relic-license-key",
     description="New Relic ingest license key (36 hex + NRAL)",
     severity="medium",
     keywords=["nral"],
     regex=r"\b([0-9a-f]{36}NRAL)\b",
     min_entropy=3.0,
     remediation=remediation_at(NR_URL + " (Ingest - License keys: delete the key, the default one can be "
                                "rotated)", "license key", "Delete"),
     examples=lambda g: [
         f"NEW_RELIC_LICENSE_KEY={g.hex(36)}NRAL",
         f"  license_key: '{g.hex(36)}NRAL'",
         f'newrelic.Agent(licenseKey: "{g.hex(36)}NRAL")',
     ],
     negative_examples=lambda g: [
         f"NEW_RELIC_LICENSE_KEY={g.hex(35)}NRAL",
         f"NEW_RELIC_LICENSE_KEY={g.hex(36)}nral",
         "NEW_RELIC_LICENSE_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxNRAL",
     ])

kv_rule(FAM, "new-relic-legacy-key",
        "New Relic unprefixed key (legacy 40-hex license key, 64-char key) next to a New Relic name",
        r"new[_.-]?relic", r"[0-9a-f]{40}|[0-9A-Za-z]{64}", lambda g: g.hex(40), NR_URL, severity="medium",
        keywords=["newrelic", "new_relic", "new-relic", "new.relic"], words=["new", "relic", "license", "key"],
        end=END_ALNUM,
        extra_examples=lambda g: [f'string newRelicToken = "{g.s(DIGITS + LOWER, 64)}";'],
        extra_negatives=lambda g: [f"NEW_RELIC_APP_ID={g.digits(9)}",
                                   f"NEW_RELIC_LICENSE_KEY={g.hex(36)}NRAL"])

PIXIE_URL = "https://work.withpixie.ai/admin/keys/api (Pixie / New Relic: Admin > Keys)"
for _rid, _p, _desc, _sev in [("pixie-api-key", "px-api-", "Pixie (New Relic) API key (px-api-)", "high"),
                              ("pixie-deploy-key", "px-dep-", "Pixie (New Relic) deployment key (px-dep-)",
                               "medium")]:
    rule(FAM,
         id=_rid,
         description=_desc,
         severity=_sev,
         keywords=[_p],
         regex=rf"\b({_p}[0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}})\b",
         min_entropy=3.0,
         remediation=remediation_at(PIXIE_URL),
         examples=(lambda p: lambda g: [
             f"PX_API_KEY={p}{g.uuid()}" if p == "px-api-" else f"PX_DEPLOY_KEY={p}{g.uuid()}",
             f"px deploy --deploy_key {p}{g.uuid()}",
             f'  "pixieKey": "{p}{g.uuid()}",',
         ])(_p),
         negative_examples=(lambda p: lambda g: [
             f"PX_KEY={p}{g.hex(8)}-{g.hex(4)}-{g.hex(4)}",
             f"PX_KEY={p}d4c3b2a1-f6e5-h8g7-j1i8-p5o0n5m3l2k1",
             f"PX_KEY={p}<your-key>",
         ])(_p))

# --- Sentry ------------------------------------------------------------------------------------------

SENTRY_ORG_URL = "https://sentry.io/settings/auth-tokens/ (Organization Settings > Auth Tokens)"
SENTRY_USER_URL = "https://sentry.io/settings/account/api/auth-tokens/"


def sentry_org_token(g, secret_len=43):
    def make():
        payload = json.dumps({"iat": g.r.randint(1_650_000_000, 1_800_000_000) + g.r.random(),
                              "url": "https://sentry.io", "region_url": "https://us.sentry.io",
                              "org": g.s(LOWER, g.r.randint(5, 12))}, separators=(",", ":"))
        return "sntrys_" + b64(payload.encode()).rstrip("=") + "_" + b64(g.bytes(32)).rstrip("=")[:secret_len]
    return g._clean(make)


rule(FAM,
     id="sentry-org-token",
     description="Sentry organization auth token (sntrys_ + base64 JSON + _ + secret)",
     severity="high",
     keywords=["sntrys_"],
     regex=r"\b(sntrys_eyJ[0-9A-Za-z+/]{30,600}={0,2}_[0-9A-Za-z+/]{43})" + END_B64,
     min_entropy=4.0,
     remediation=remediation_at(SENTRY_ORG_URL, "token"),
     examples=lambda g: [
         f"SENTRY_AUTH_TOKEN={sentry_org_token(g)}",
         f"sentry-cli --auth-token {sentry_org_token(g)} releases new v1.2.3",
         f'  authToken: "{sentry_org_token(g)}",',
     ],
     negative_examples=lambda g: [
         f"SENTRY_AUTH_TOKEN=sntrys_{g.alnum(90)}_{g.alnum(40)}",
         f"SENTRY_AUTH_TOKEN={sentry_org_token(g)[:-1]}",
         f"SENTRY_AUTH_TOKEN={sentry_org_token(g)}Q",
         "SENTRY_AUTH_TOKEN=sntrys_<your-token>",
     ])

prefixed_rule(FAM, "sentry-user-token", "Sentry user auth token (sntryu_)", "sntryu_", C_HEX, 64, SENTRY_USER_URL,
              severity="high", words=["sentry", "auth", "token"], min_entropy=3.0,
              extra_negatives=lambda g: [f"SENTRY_AUTH_TOKEN=sntryu_{g.hex(65)}"])

kv_rule(FAM, "sentry-auth-token", "Sentry legacy auth token (64 hex) next to a Sentry name",
        "sentry", "[0-9a-f]{64}", lambda g: g.hex(64), SENTRY_USER_URL, severity="high",
        words=["sentry", "auth", "token"], min_entropy=3.0, end=END_ALNUM, what="token",
        extra_negatives=lambda g: [f"SENTRY_RELEASE={g.hex(40)}", f"SENTRY_AUTH_TOKEN=sntryu_{g.hex(64)}",
                                   f"ENV SENTRY_CLI_SHA256={g.hex(64)}"])

rule(FAM,
     id="sentry-dsn-secret",
     description="Secret key of a legacy Sentry DSN (https://public:secret@host/project)",
     severity="medium",
     keywords=["sentry", "raven"],
     regex=r"https?://[0-9a-f]{32}:([0-9a-f]{32})@[0-9A-Za-z.-]+(?::[0-9]{2,5})?/(?:[\w.-]+/)*[0-9]+\b",
     min_entropy=3.0,
     remediation=remediation_at("the project's Settings > Client Keys (DSN) in Sentry", "client key", "Revoke",
                                "use a DSN without the secret part (modern SDKs need none), "),
     examples=lambda g: [
         f"SENTRY_DSN=https://{g.hex(32)}:{g.hex(32)}@o{g.digits(6)}.ingest.sentry.io/{g.digits(7)}",
         f"Raven.config('https://{g.hex(32)}:{g.hex(32)}@sentry.io/{g.digits(5)}').install();",
         f"  dsn: \"https://{g.hex(32)}:{g.hex(32)}@sentry.internal.corp:9000/12\"  # sentry",
     ],
     negative_examples=lambda g: [
         f"SENTRY_DSN=https://{g.hex(32)}@o{g.digits(6)}.ingest.sentry.io/{g.digits(7)}",
         f"SENTRY_DSN=https://{g.hex(32)}:{g.hex(31)}@sentry.io/{g.digits(5)}",
         "SENTRY_DSN=https://<key>:<secret>@sentry.io/<project>",
     ])

# --- Grafana -----------------------------------------------------------------------------------------


def glc_token(g):
    payload = json.dumps({"o": g.digits(6), "n": "stack-" + g.digits(6) + "-" + g.s(LOWER, 6),
                          "k": g.alnum(24), "m": {"r": g.r.choice(["us", "eu", "prod-us-east-0"])}},
                         separators=(",", ":"))
    return g._clean(lambda: "glc_" + b64(payload.encode()))


rule(FAM,
     id="grafana-cloud-token",
     description="Grafana Cloud access policy token / API key (glc_)",
     severity="high",
     keywords=["glc_"],
     regex=r"\b(glc_[0-9A-Za-z+/]{32,400}={0,2})" + END_B64,
     min_entropy=3.5,
     remediation=remediation_at("https://grafana.com/profile/org (Access Policies: delete the token)", "token",
                                "Delete"),
     examples=lambda g: [
         f"GRAFANA_CLOUD_API_KEY={glc_token(g)}",
         f'  "token": "{glc_token(g)}"',
         f"grafana_cloud_token = 'glc_{g.alnum(32)}'",
     ],
     negative_examples=lambda g: [
         "static void GLC_CreateLightmapTextureArray(void);",
         "API_KEY=\"glc_111111111111111111111111111111111111111111=\"",
         f"GRAFANA_CLOUD_API_KEY=glc_{g.alnum(20)}",
         "GRAFANA_CLOUD_API_KEY=glc_<your-token>",
     ])

rule(FAM,
     id="grafana-service-account-token",
     description="Grafana service account token (glsa_ + 32 alnum + _ + 8 hex checksum)",
     severity="high",
     keywords=["glsa_"],
     regex=r"\b(glsa_[0-9A-Za-z]{32}_[0-9a-f]{8})\b",
     min_entropy=3.5,
     remediation=remediation_at("your Grafana instance's Administration > Users and access > Service accounts",
                                "token", "Delete"),
     examples=lambda g: [
         f"GRAFANA_TOKEN=glsa_{g.alnum(32)}_{g.hex(8)}",
         f'curl -H "Authorization: Bearer glsa_{g.alnum(32)}_{g.hex(8)}" https://grafana.internal/api/search',
         f'  grafanaServiceAccountToken: "glsa_{g.alnum(32)}_{g.hex(8)}"',
     ],
     negative_examples=lambda g: [
         f"GRAFANA_TOKEN=glsa_{g.alnum(32)}",
         f"GRAFANA_TOKEN=glsa_{g.alnum(20)}_{g.hex(8)}",
         "GRAFANA_TOKEN=glsa_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX_AAAAAAAA",
     ])


def grafana_legacy(g):
    payload = json.dumps({"k": g.alnum(32), "n": g.s(LOWER, g.r.randint(4, 10)), "id": g.r.randint(1, 9)},
                         separators=(",", ":"))
    return b64(payload.encode())


rule(FAM,
     id="grafana-api-key",
     description="Grafana legacy API key (base64 of {\"k\":…,\"n\":…,\"id\":…}, starts eyJrIjoi)",
     severity="high",
     keywords=["eyjrijoi"],
     regex=r"\b(eyJrIjoi[0-9A-Za-z+/]{40,200}={0,2})" + END_B64,
     min_entropy=4.0,
     remediation=remediation_at("your Grafana instance's Administration > API keys (migrate to a service account)",
                                "key", "Delete"),
     examples=lambda g: [
         f"GRAFANA_API_KEY={grafana_legacy(g)}",
         f'curl -H "Authorization: Bearer {grafana_legacy(g)}" https://grafana.internal/api/dashboards/home',
         f"  apiKey: '{grafana_legacy(g)}'",
     ],
     negative_examples=lambda g: [
         f"GRAFANA_API_KEY=eyJrIjoi{g.alnum(20)}",
         f"GRAFANA_API_KEY={g.jwt()}",
     ])

# --- Honeycomb ---------------------------------------------------------------------------------------

HONEYCOMB_URL = "https://ui.honeycomb.io (Environment settings > API Keys)"
rule(FAM,
     id="honeycomb-ingest-key",
     description="Honeycomb ingest key (hc?ik_ key ID + secret, 64 chars)",
     severity="medium",
     keywords=[f"hc{c}ik_" for c in LOWER],
     regex=r"\b(hc[a-z]ik_[0-9a-z]{58})\b",
     min_entropy=3.5,
     remediation=remediation_at(HONEYCOMB_URL, "ingest key", "Delete"),
     examples=lambda g: [
         f"HONEYCOMB_API_KEY=hcaik_{g.s(DIGITS + LOWER, 58)}",
         f"OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team=hcxik_{g.s(DIGITS + LOWER, 58)}",
         f'  "x-honeycomb-team": "hcbik_{g.s(DIGITS + LOWER, 58)}"',
     ],
     negative_examples=lambda g: [
         f"HONEYCOMB_KEY_ID=hcxik_{g.s(DIGITS + LOWER, 26)}",
         f"HONEYCOMB_API_KEY=hcxik_{g.s(DIGITS + LOWER, 57)}",
         "HONEYCOMB_API_KEY=hcxik_<your-key>",
     ])

kv_rule(FAM, "honeycomb-api-key",
        "Honeycomb configuration or classic API key (22 alnum or 32 hex) next to a Honeycomb name or header",
        r"honeycomb", r"[0-9a-f]{32}|[0-9A-Za-z]{22}", lambda g: g.alnum(22), HONEYCOMB_URL, severity="high",
        end=END_ALNUM,
        alt=r"(?i:x-honeycomb-team)" + HEADER,
        extra_examples=lambda g: [f"honeycomb_secret_key={g.hex(32)}",
                                  f"curl https://api.honeycomb.io/1/auth -H 'X-Honeycomb-Team: {g.alnum(22)}'"],
        extra_negatives=lambda g: [f"HONEYCOMB_DATASET={g.s(LOWER, 12)}",
                                   f"HONEYCOMB_API_KEY={g.alnum(26)}"])

# --- Dynatrace ---------------------------------------------------------------------------------------

rule(FAM,
     id="dynatrace-api-token",
     description="Dynatrace API / PaaS / platform token (dt0c01. / dt0s01.)",
     severity="high",
     keywords=["dt0c0", "dt0s0"],
     regex=r"\b(dt0[cs][0-9]{2}\.[0-9A-Z]{24}\.[0-9A-Z]{64})\b",
     min_entropy=4.0,
     remediation=remediation_at("your environment's Access Tokens page (https://<env>.live.dynatrace.com/ui/access-tokens)",
                                "token"),
     examples=lambda g: [
         f"DT_API_TOKEN=dt0c01.{g.s(DIGITS + UPPER, 24)}.{g.s(DIGITS + UPPER, 64)}",
         f"    apiToken: dt0c01.{g.s(DIGITS + UPPER, 24)}.{g.s(DIGITS + UPPER, 64)}",
         f'curl -H "Authorization: Api-Token dt0s01.{g.s(DIGITS + UPPER, 24)}.{g.s(DIGITS + UPPER, 64)}" https://abc12345.live.dynatrace.com/api/v2/metrics',
     ],
     negative_examples=lambda g: [
         f"DT_API_TOKEN=dt0c01.{g.s(DIGITS + UPPER, 24)}",
         f"DT_API_TOKEN=dt0c01.{g.s(DIGITS + UPPER, 24)}.{g.s(DIGITS + UPPER, 40)}",
         "DT_API_TOKEN=dt0c01.XXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
     ])

# --- Splunk --------------------------------------------------------------------------------------------

kv_rule(FAM, "splunk-hec-token", "Splunk HTTP Event Collector token (UUID) next to a Splunk name or header",
        r"splunk", UUID_ANY, uuid_of,
        "Splunk Web > Settings > Data inputs > HTTP Event Collector (disable and delete the token)",
        severity="high", words=["splunk", "hec", "token"], min_entropy=3.0, end=END_ALNUM, what="token",
        alt=r"(?i:authorization)" + HEADER + r"Splunk\s+",
        extra_examples=lambda g: [
            f'curl -k https://splunk.corp:8088/services/collector/event -H "Authorization: Splunk {g.uuid()}" -d \'{{"event":"x"}}\''],
        extra_negatives=lambda g: [f"SPLUNK_INDEX_ID={g.hex(32)}"])

kv_rule(FAM, "splunk-observability-token",
        "Splunk Observability Cloud (SignalFx) access token (22 chars) next to a Splunk/SignalFx name or X-SF-Token",
        r"splunk|signalfx|(?:\b|_)sfx[_.-]?(?:access|api|auth|ingest)", r"[0-9A-Za-z_-]{22}",
        lambda g: g.s(B64URL, 22),
        "Splunk Observability Cloud > Settings > Access Tokens", severity="high",
        keywords=["splunk", "signalfx", "sfx_", "sfx-", "sfx.", "sfxa", "sfxi", "x-sf-token"],
        words=["splunk", "access", "token"], what="token",
        alt=r"(?i:x-sf-token)" + HEADER,
        extra_examples=lambda g: [f"splunk_PRIVATE {g.alnum(22)}",
                                  f"curl -X POST https://ingest.us1.signalfx.com/v2/datapoint -H 'X-SF-Token: {g.s(B64URL, 22)}'"],
        extra_negatives=lambda g: [f"SPLUNK_REALM=us1", f"SPLUNK_ACCESS_TOKEN={g.s(B64URL, 30)}"])

# --- Sumo Logic ----------------------------------------------------------------------------------------

SUMO_NAMES = r"(?:\b|_)sumo[_.-]?logic|(?:\b|_)sumo[_.-]?(?:access|api|token|key|secret|id\b|collector|cred)"
SUMO_KWS = ["sumologic", "sumo_", "sumo-", "sumo.", "sumoaccess", "sumoapi", "sumotoken", "sumokey", "sumosecret",
            "sumoid", "sumocollector", "sumocred"]
SUMO_URL = "https://service.sumologic.com (Administration > Security > Access Keys, or Preferences > My Access Keys)"
kv_rule(FAM, "sumologic-access-id", "Sumo Logic access ID (su + 12 alnum) next to a Sumo Logic name",
        SUMO_NAMES, "su[0-9A-Za-z]{12}", lambda g: "su" + g.alnum(12), SUMO_URL, severity="medium",
        keywords=SUMO_KWS, words=["sumo", "access", "id"], end=END_ALNUM, what="access key", verb="Delete",
        extra_negatives=lambda g: [
            "sumOfExposures = sumOfExposures;",
            f"sumObj = su{g.alnum(12)}",
            "export SUMOLOGIC_ACCESSID=XXXXXXXXXXXXXX",
            f"SUMO_ACCESS_ID=xy{g.alnum(12)}",
        ],
        tail=NAME_TAIL)
kv_rule(FAM, "sumologic-access-key", "Sumo Logic access key (64 alnum) next to a Sumo Logic name",
        SUMO_NAMES, "[0-9A-Za-z]{64}", lambda g: g.alnum(64), SUMO_URL, severity="high",
        keywords=SUMO_KWS, words=["sumo", "access", "key"], end=END_ALNUM, what="access key", verb="Delete",
        pair_with=["sumologic-access-id"],
        extra_negatives=lambda g: [
            f"sumOfExposures = {g.alnum(64)};",
            "-e SUMO_ACCESS_KEY=`etcdctl get /sumologic_secret`",
            "SUMO_ACCESS_KEY: AbCeFG123",
        ],
        tail=NAME_TAIL)

# --- Logz.io -------------------------------------------------------------------------------------------

LOGZ_URL = "https://app.logz.io/#/dashboard/settings/manage-tokens"
# API tokens are UUIDs; the name `logz` is distinctive, so any UUID-shaped value after it counts.
kv_rule(FAM, "logzio-api-token", "Logz.io API token (UUID) next to a Logz.io name",
        r"logz(?:[_.-]?io)?", r"[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}", uuid_of, LOGZ_URL,
        severity="high", keywords=["logz"], words=["logzio", "api", "token"], min_entropy=3.0, end=END_ALNUM,
        what="token", verb="Delete",
        extra_negatives=lambda g: [f"LOGZIO_ACCOUNT_ID={g.digits(6)}"])
kv_rule(FAM, "logzio-shipping-token", "Logz.io data shipping token (32 letters) next to a Logz.io name",
        r"logz(?:[_.-]?io)?", r"[A-Za-z]{32}", lambda g: g.s(LETTERS, 32), LOGZ_URL, severity="medium",
        keywords=["logz"], words=["logzio", "shipping", "token"], min_entropy=3.5, end=END_ALNUM, what="token",
        verb="Delete", alt=r"listener(?:-[a-z]{2})?\.logz\.io[:0-9]*/?\?(?:[\w=&]*&)?token=",
        extra_examples=lambda g: [f"https://listener.logz.io:8071/?token={g.s(LETTERS, 32)}&type=json"],
        extra_negatives=lambda g: [f"LOGZIO_LISTENER=listener.logz.io LOGZIO_TYPE={g.s(LOWER, 12)}"])

# --- Error tracking: Bugsnag, Rollbar, Airbrake, Honeybadger --------------------------------------------

kv_rule(FAM, "bugsnag-api-key", "Bugsnag notifier API key (32 hex) next to a Bugsnag name",
        "bugsnag", "[0-9a-f]{32}", lambda g: g.hex(32),
        "the Bugsnag project's Settings > Notifier API key (regenerate it)", severity="medium", min_entropy=3.0,
        end=END_ALNUM, verb="Regenerate",
        alt=r"(?i:bugsnag)[^\r\n]{0,40}?apiKey[\"']?\s*[:=]\s*[\"']",
        extra_examples=lambda g: [f"Bugsnag.start({{ apiKey: '{g.hex(32)}' }})"],
        extra_negatives=lambda g: [f"BUGSNAG_APP_VERSION={g.hex(7)}"])
kv_rule(FAM, "bugsnag-auth-token", "Bugsnag personal auth token (data access API, UUID) next to a Bugsnag name",
        "bugsnag", UUID_ANY, uuid_of,
        "https://app.bugsnag.com/settings/my-account (Personal auth tokens)", severity="high",
        words=["bugsnag", "auth", "token"], min_entropy=3.0, end=END_ALNUM, what="token",
        extra_examples=lambda g: [f"bugsnag private-key {g.uuid()}"],
        extra_negatives=lambda g: [f"BUGSNAG_BUILD_UUID={g.uuid()}"])

kv_rule(FAM, "rollbar-access-token", "Rollbar project or account access token (32 hex) next to a Rollbar name",
        "rollbar", "[0-9a-f]{32}", lambda g: g.hex(32),
        "the Rollbar project's Settings > Project Access Tokens (or Account Settings > Account Access Tokens)",
        severity="high", words=["rollbar", "access", "token"], min_entropy=3.0, end=END_ALNUM, what="token",
        extra_examples=lambda g: [
            f"curl -H 'X-Rollbar-Access-Token: {g.hex(32)}' https://api.rollbar.com/api/1/items"])

kv_rule(FAM, "airbrake-api-key", "Airbrake project key (32 hex) or user key (40 chars) next to an Airbrake name",
        "airbrake", r"[0-9a-f]{32}|[0-9A-Za-z]{40}", lambda g: g.hex(32),
        "the Airbrake project's Settings (project key) or your user Settings (user key)", severity="medium",
        end=END_ALNUM, verb="Regenerate", min_entropy=3.0,
        extra_examples=lambda g: [f"airbrake secretKey= {g.alnum(40)}"],
        extra_negatives=lambda g: [f"AIRBRAKE_PROJECT_ID={g.digits(6)}", f"AIRBRAKE_PROJECT_KEY={g.alnum(36)}"])

kv_rule(FAM, "honeybadger-api-key",
        "Honeybadger project API key or API token (hbp_/hbu_/hba_, or a legacy personal token) next to a Honeybadger name",
        "honeybadger", r"hb[apuo]_[0-9A-Za-z]{20,64}|[0-9A-Za-z]{20,40}", lambda g: "hbp_" + g.alnum(36),
        "https://app.honeybadger.io (project Settings > API key, or My settings > API Access)", severity="high",
        end=END_ALNUM, short=False,
        extra_examples=lambda g: [f"HONEYBADGER_PERSONAL_AUTH_TOKEN={g.alnum(20)}"],
        extra_negatives=lambda g: [f"HONEYBADGER_API_KEY={g.hex(8)}", "HONEYBADGER_API_KEY=hbp_xxxxxxxxxxxxxxxx"])

# --- Alerting: PagerDuty, Opsgenie --------------------------------------------------------------------

PD_URL = "PagerDuty Integrations > API Access Keys (account keys) or My Profile > User Settings > API Access (user tokens)"
kv_rule(FAM, "pagerduty-api-key", "PagerDuty REST API key or user token (20 chars) next to a PagerDuty name or `Token token=`",
        r"pagerduty" + CRED_TAIL + r"|(?:\b|_)pd[_.-]?(?:api[_.-]?|rest[_.-]?|user[_.-]?)?(?:key|token)",
        r"[0-9A-Za-z_+-]{20}",
        lambda g: g.r.choice(["u+" + g.s(ALNUM + "_-", 18), g.alnum(1) + g.s(ALNUM + "_+-", 19)]), PD_URL,
        severity="high", what="key", words=["pagerduty", "api", "key"],
        keywords=["pagerduty", "pd_key", "pd-key", "pd.key", "pdkey", "pd_api", "pd-api", "pd.api", "pdapi", "pd_token",
                  "pd-token", "pd.token", "pdtoken", "token token="],
        end=r"(?:[^0-9A-Za-z_+-]|$)", tail="",
        alt=r"Token token=",
        extra_examples=lambda g: [f"pd_key = u+{g.s(ALNUM + '_-', 18)}",
                                  f"curl -H 'Authorization: Token token={g.s(ALNUM + '_-', 20)}' https://api.pagerduty.com/incidents"],
        extra_negatives=lambda g: [f"PAGERDUTY_SERVICE_ID=P{g.s(UPPER + DIGITS, 6)}", f"pd_key = {g.s(LOWER, 20)}_"])
kv_rule(FAM, "pagerduty-integration-key",
        "PagerDuty Events API integration / routing key (32 hex) next to a PagerDuty name",
        r"pagerduty", "[0-9a-f]{32}", lambda g: g.hex(32),
        "the PagerDuty service's Integrations tab (delete the integration, add a new one)", severity="medium",
        words=["pagerduty", "integration", "key"], min_entropy=3.0, end=END_ALNUM, verb="Delete")

kv_rule(FAM, "opsgenie-api-key", "Opsgenie API key (UUID) next to an Opsgenie name or `GenieKey`",
        "opsgenie", UUID_ANY, uuid_of, "Opsgenie Settings > API key management (or the integration's API key)",
        severity="high", keywords=["opsgenie", "geniekey"], min_entropy=3.0, end=END_ALNUM, alt=r"GenieKey\s+",
        extra_examples=lambda g: [f"curl -H 'Authorization: GenieKey {g.uuid()}' https://api.opsgenie.com/v2/alerts"],
        extra_negatives=lambda g: [f"opsgenie_team_id: {g.uuid()}"])

# --- Status pages and uptime ----------------------------------------------------------------------------

kv_rule(FAM, "statuspage-api-key", "Atlassian Statuspage API key next to a Statuspage name",
        "statuspage", UUID_ANY + r"|[0-9a-f]{32}", uuid_of,
        "https://manage.statuspage.io (your avatar > API info: revoke the key)", severity="high",
        min_entropy=3.0, end=END_ALNUM,
        extra_examples=lambda g: [f"STATUSPAGE_TOKEN={g.hex(32)}"],
        extra_negatives=lambda g: [f"STATUSPAGE_PAGE_ID={g.s(DIGITS + LOWER, 12)}"])
kv_rule(FAM, "statuspal-api-key", "Statuspal API key next to a Statuspal name",
        "statuspal", r"[0-9A-Za-z_-]{32}", lambda g: g.alnum(32),
        "Statuspal > your account > API keys", severity="medium")
kv_rule(FAM, "uptimerobot-api-key",
        "UptimeRobot main / read-only / monitor API key (u…-, ur…-, m…- + 24 chars) next to an UptimeRobot name",
        r"uptime[_.-]?robot", r"[a-z]{1,2}[0-9][0-9a-z]{3,10}-[0-9a-z]{24}",
        lambda g: g.r.choice(["u", "ur", "m"]) + g.digits(7) + "-" + g.hex(24),
        "https://dashboard.uptimerobot.com/integrations (API: reset the key)", severity="medium",
        keywords=["uptimerobot", "uptime_robot", "uptime-robot", "uptime.robot"], min_entropy=3.0, end=END_ALNUM,
        verb="Reset")
kv_rule(FAM, "betterstack-api-token",
        "Better Stack (Better Uptime / Logtail) API or source token (24 alnum) next to a Better Stack name",
        r"better[_.-]?(?:stack|uptime)|logtail", r"[0-9A-Za-z]{24}", lambda g: g.alnum(24),
        "https://betterstack.com/settings/api-tokens (and Logs > Sources for source tokens)", severity="high",
        keywords=["betterstack", "better_stack", "better-stack", "better.stack", "betteruptime", "better_uptime",
                  "better-uptime", "better.uptime", "logtail"], words=["betterstack", "api", "token"], end=END_ALNUM,
        what="token", extra_examples=lambda g: [f"betterstack PRIVATE_KEY {g.alnum(24)}"])
kv_rule(FAM, "checkly-api-key", "Checkly API key (cu_ + 32 hex, or 32 hex) next to a Checkly name",
        r"checkly(?:hq)?", r"(?:cu_)?[0-9a-f]{32}", lambda g: "cu_" + g.hex(32),
        "https://app.checklyhq.com/settings/user/api-keys", severity="high", min_entropy=3.0, end=END_ALNUM,
        keywords=["checkly"], words=["checkly", "api", "key"],
        extra_examples=lambda g: [f"checklyhq_SECRET={g.hex(32)}"])
kv_rule(FAM, "appoptics-api-token", "AppOptics API token next to an AppOptics name",
        "appoptics", r"[0-9A-Za-z]{60,80}", lambda g: g.alnum(64), "https://my.appoptics.com/organization/tokens",
        severity="medium", end=END_ALNUM, what="token", short=False,
        extra_negatives=lambda g: [f"APPOPTICS_API_TOKEN={g.alnum(50)}"])
kv_rule(FAM, "atera-api-key", "Atera RMM API key (32 hex) next to an Atera name",
        r"(?:\b|_)atera", r"[0-9a-z]{32}", lambda g: g.hex(32), "Atera Admin > API (regenerate the API key)",
        severity="high", keywords=["atera"], min_entropy=3.0, end=END_ALNUM, verb="Regenerate",
        extra_negatives=lambda g: [f"lateral_key = {g.hex(32)}", f"collateral_id: {g.hex(32)}"])

# --- Feature flags and product analytics ---------------------------------------------------------------

kv_rule(FAM, "launchdarkly-access-token",
        "LaunchDarkly API access token (api-…) or server-side SDK key (sdk-…) next to a LaunchDarkly name",
        r"launch[_.-]?darkly", r"[0-9a-z][0-9a-z=_-]{39}",
        lambda g: g.r.choice(["api-", "sdk-"]) + g.uuid(),
        "https://app.launchdarkly.com/settings/authorization (API tokens) or the environment's SDK key (reset)",
        severity="high", keywords=["launchdarkly", "launch_darkly", "launch-darkly", "launch.darkly"],
        words=["launchdarkly", "access", "token"], min_entropy=3.0, end=r"(?:[^0-9A-Za-z=_-]|$)", what="token",
        extra_negatives=lambda g: [f"LAUNCHDARKLY_CLIENT_SIDE_ID={g.hex(24)}"])
kv_rule(FAM, "optimizely-api-token", "Optimizely personal access / API token next to an Optimizely name",
        "optimizely", r"[0-9A-Za-z_:-]{32,72}", lambda g: "2:" + g.s(B64URL, 43),
        "https://app.optimizely.com/v2/profile/api (revoke the token)", severity="high", min_entropy=3.5,
        end=r"(?:[^0-9A-Za-z_:-]|$)", what="token", short=False,
        extra_negatives=lambda g: [f"OPTIMIZELY_SDK_KEY={g.alnum(22)}", f"OPTIMIZELY_API_TOKEN=2:{g.alnum(20)}"])
prefixed_rule(FAM, "segment-public-api-token", "Segment Public API token (sgp_)", "sgp_", C_ALNUM, 64,
              "https://app.segment.com (Settings > Access Management > Tokens)", severity="high",
              words=["segment", "token"])
prefixed_rule(FAM, "posthog-personal-api-key", "PostHog personal API key (phx_)", "phx_", C_B64URL, "40,50",
              "https://app.posthog.com/settings/user-api-keys", severity="high", words=["posthog", "api", "key"],
              make=lambda g: "phx_" + g.s(B64URL, 43),
              extra_negatives=lambda g: [f"POSTHOG_KEY=phc_{g.alnum(43)}"])
kv_rule(FAM, "mixpanel-api-secret", "Mixpanel project API secret or service account secret next to a Mixpanel secret name",
        r"mixpanel[_.-]?(?:api[_.-]?|project[_.-]?|service[_.-]?account[_.-]?)?secret", r"[0-9A-Za-z]{32}",
        lambda g: g.hex(32), "Mixpanel Project Settings (reset the API secret) or Organization Settings > Service Accounts",
        severity="high", keywords=["mixpanel"], words=["mixpanel", "api", "secret"], min_entropy=3.0, end=END_ALNUM,
        verb="Reset", extra_negatives=lambda g: [f"MIXPANEL_TOKEN={g.hex(32)}"],
        tail=NAME_TAIL)
kv_rule(FAM, "amplitude-secret-key", "Amplitude project secret key (32 hex) next to an Amplitude secret name",
        r"amplitude[_.-]?(?:api[_.-]?)?secret", r"[0-9a-f]{32}", lambda g: g.hex(32),
        "Amplitude Organization settings > Projects > the project (regenerate the secret key)", severity="high",
        keywords=["amplitude"], words=["amplitude", "secret", "key"], min_entropy=3.0, end=END_ALNUM,
        verb="Regenerate", extra_negatives=lambda g: [f"AMPLITUDE_API_KEY={g.hex(32)}"],
        tail=NAME_TAIL)

FULLSTORY_URL = "FullStory Settings > API Keys"
rule(FAM,
     id="fullstory-api-key",
     description="FullStory API key (region na1./eu1. + base64)",
     severity="high",
     keywords=["na1.", "eu1."],
     regex=r"\b((?:na1|eu1)\.[0-9A-Za-z+/]{40,200}={0,2})" + END_B64,
     min_entropy=4.0,
     remediation=remediation_at(FULLSTORY_URL),
     examples=lambda g: [
         f"FULLSTORY_API_KEY=na1.{g.b64_clean(72)}",
         f'curl -H "Authorization: Basic eu1.{g.b64_clean(60)}" https://api.fullstory.com/v2/users',
         f"  apiKey: 'na1.{g.b64_clean(75)}'",
     ],
     negative_examples=lambda g: [
         f"FULLSTORY_API_KEY=na1.{g.alnum(20)}",
         f"FULLSTORY_ORG_ID=o-{g.s(UPPER + DIGITS, 5)}-na1",
         "node = cluster.na1.internal",
     ])
kv_rule(FAM, "fullstory-legacy-api-key", "FullStory API key without a region prefix (base64) next to a FullStory name",
        "fullstory", r"[0-9A-Za-z+/]{40,200}={0,2}", lambda g: g.b64_clean(60), FULLSTORY_URL, severity="high",
        min_entropy=4.0, end=END_B64, short=False,
        extra_negatives=lambda g: [f"FULLSTORY_ORG={g.s(UPPER + DIGITS, 5)}"])

# --- Dashboards and web performance --------------------------------------------------------------------

kv_rule(FAM, "databox-token", "Databox push / API token next to a Databox name",
        "databox", r"[0-9A-Za-z]{21,40}", lambda g: g.alnum(32), "Databox > Data Manager > Tokens (or Account > API key)",
        severity="medium", end=END_ALNUM, what="token", short=False,
        extra_negatives=lambda g: [f"DATABOX_TOKEN={g.alnum(16)}"])
kv_rule(FAM, "geckoboard-api-key", "Geckoboard API key next to a Geckoboard name",
        "geckoboard", r"[0-9A-Za-z+/]{32,48}={0,2}", lambda g: g.hex(32),
        "https://app.geckoboard.com/account/details (reset the API key)", severity="medium", min_entropy=3.0,
        end=END_B64, verb="Reset", extra_examples=lambda g: [f"geckoboardKEY={g.b64_clean(33)}"])
kv_rule(FAM, "klipfolio-api-key", "Klipfolio API key (40 hex) next to a Klipfolio name",
        "klipfolio", r"[0-9a-f]{40}", lambda g: g.hex(40), "Klipfolio > your profile > API key (regenerate)",
        severity="medium", min_entropy=3.0, end=END_ALNUM, verb="Regenerate")
kv_rule(FAM, "gtmetrix-api-key", "GTmetrix API key (32 hex) next to a GTmetrix name",
        "gtmetrix", r"[0-9a-f]{32}", lambda g: g.hex(32), "https://gtmetrix.com/api/ (Account > API key: regenerate)",
        severity="medium", min_entropy=3.0, end=END_ALNUM, verb="Regenerate")
kv_rule(FAM, "dareboost-api-token", "Dareboost API token (about 60 alnum) next to a Dareboost name",
        "dareboost", r"[0-9A-Za-z]{56,68}", lambda g: g.alnum(60), "Dareboost > Profile > API (regenerate the token)", min_entropy=4.2,
        severity="medium", end=END_ALNUM, what="token", verb="Regenerate", short=False,
        extra_negatives=lambda g: [f"DAREBOOST_TOKEN={g.alnum(40)}"],
        tail=NAME_TAIL)
kv_rule(FAM, "apimetrics-api-key", "APImetrics API key (32 hex) next to an APImetrics name",
        "apimetrics", r"[0-9a-f]{32}", lambda g: g.hex(32), "APImetrics > Settings > API key",
        severity="medium", min_entropy=3.0, end=END_ALNUM)
kv_rule(FAM, "appfollow-api-token", "AppFollow API token (JWT) next to an AppFollow name",
        "appfollow", r"eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{20,}\.[0-9A-Za-z_-]{20,}", lambda g: g.jwt(),
        "AppFollow > Settings > API (revoke the token)", severity="medium", min_entropy=4.0, end=END_B64URL,
        what="token", short=False)

LOOKER_URL = "your Looker instance's Admin > Users > the user > Edit API keys"
kv_rule(FAM, "looker-client-id", "Looker API3 client ID (20 alnum) next to a Looker name",
        "looker", r"[0-9A-Za-z]{20}", lambda g: g.alnum(20), LOOKER_URL, severity="medium",
        words=["looker", "client", "id"], end=END_ALNUM, verb="Delete", tail=CRED_TAIL.replace("|credential)", "|credential|id)"))
kv_rule(FAM, "looker-client-secret", "Looker API3 client secret (24 alnum) next to a Looker name",
        "looker", r"[0-9A-Za-z]{24}", lambda g: g.alnum(24), LOOKER_URL, severity="high",
        words=["looker", "client", "secret"], end=END_ALNUM, verb="Delete", pair_with=["looker-client-id"])
