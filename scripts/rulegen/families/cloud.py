"""Rules of the cloud family."""
from rulegen.core import *  # noqa: F401,F403

# ============================== cloud ==============================
# Cloud and infrastructure providers: hyperscalers (AWS, Azure, Google Cloud, Alibaba, IBM,
# Oracle), hosting and edge platforms, managed databases and queues, secret managers and
# infrastructure-as-code services.
#
# Self-identifying tokens (`dop_v1_`, `pscale_tkn_`, `hvs.`, `GOCSPX-`, …) are matched by their
# prefix alone; keys without a prefix are matched only under the provider's name (named_rule or
# `cloud_named` below). Where a provider issues a key id and a secret that are used together,
# the secret rule is the primary and pairs with the id rule (`pair_with`), so the two found
# within a few lines are one finding.

F = "cloud"
B64_CHARS = ALNUM + "+/"
B64URL_CHARS = ALNUM + "-_"
# After a `name = ` in code: a simple assignment (`=`, `:`, `=>`, quotes), for hand-written rules.
# A quote may be backslash-escaped (JSON inside a string literal: `"{\\"awsSecretKey\\":\\"…`).
SET = r"""\\?["'`]?\s{0,4}(?:[:=]{1,3}>?|\s)\s{0,4}\\?["'`]?"""


def rotate(url, what="token", extra=""):
    return remediation_at(url, what, "Revoke", extra)


def cloud_named(id, description, names, keywords, value, make, url, severity="high", words=None,
                min_entropy=3.2, bad=None, extra_examples=lambda g: [], extra_negatives=lambda g: [],
                remediation=None, what="key", pair_with=None, companion_only=None, window=48):
    """Like core.named_rule, for values that are not one character class (UUIDs, a literal head,
    alternatives): `value` is a regex holding the secret group, `make(g)` draws a fake, `bad(g)`
    a value of the wrong shape (drawn after the fake; no near-miss line without it)."""
    named_secret_rule(F, id, description, named(names, value), keywords, make, name_words(keywords, words),
                      remediation or rotate(url, what), severity=severity,
                      near_miss=(lambda g, s: bad(g)) if bad else None, extra_examples=extra_examples,
                      extra_negatives=extra_negatives, min_entropy=min_entropy, window=window,
                      pair_with=pair_with, companion_only=companion_only)


def cloud_token(id, description, regex, keywords, make, url, severity="high", words=None,
                min_entropy=3.5, bad=(), extra_examples=lambda g: [], extra_negatives=lambda g: [],
                remediation=None, what="token", pair_with=None, window=None):
    """A self-identifying token found by `regex` (secret in group 1) anywhere: examples in
    assignment forms and a Bearer header (core.token_examples); `bad` are generators of look-alikes
    that must not match."""
    words = words or [re.sub(r"[^a-z0-9]", "", id.split("-")[0]), "token"]
    u = name_forms(words)[0]
    rule(F, id=id, description=description, severity=severity, keywords=keywords, regex=regex,
         min_entropy=min_entropy, window=window, pair_with=pair_with,
         remediation=remediation or rotate(url, what),
         examples=lambda g: token_examples(g, words, make, extra_examples),
         negative_examples=lambda g: [f"{u}={b(g)}" for b in bad] + extra_negatives(g))


def kw_forms(*words):
    """Lowercase spellings of a compound name for keywords: a_b, ab, a-b, a.b."""
    return [sep.join(words) for sep in ("_", "", "-", ".")]


# ---------------------------------------------------------------- AWS

AWS_IAM = "https://console.aws.amazon.com/iam/home#/security_credentials"

rule(F,
     id="aws-access-key-id",
     description="AWS access key ID (long-term AKIA, temporary ASIA, ABIA/ACCA)",
     severity="high",
     keywords=["AKIA", "ASIA", "ABIA", "ACCA"],
     regex=r"\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b",
     min_entropy=3.0,
     validate="aws-key-id",
     remediation=("Deactivate and delete the key in IAM (https://console.aws.amazon.com/iam/home#/security_credentials "
                  "or the owning user's Security credentials tab), check CloudTrail for its use, create a new key "
                  "or better a role, " + PURGE),
     examples=lambda g: [
         f"AWS_ACCESS_KEY_ID=AKIA{g.s(B32AWS, 16)}",
         f"aws_access_key_id = ASIA{g.s(B32AWS, 16)}",
         f'{{"AccessKeyId": "AKIA{g.s(B32AWS, 16)}", "Status": "Active"}}',
     ],
     negative_examples=lambda g: [
         f"AWS_ACCESS_KEY_ID=AKIA{g.s(B32AWS, 12)}",
         "key = AKIA1234567890ABCDEF",
         f"id = XAKIA{g.s(B32AWS, 16)}",
         f"travel_region = ASIA_PACIFIC_{g.s(UPPER, 10)}",
     ])

# The secret under its usual names (`aws_secret_access_key`, `SecretAccessKey`, `awsSecretKey`,
# `aws.secretkey`), folded with the key id and session token found near it.
rule(F,
     id="aws-secret-access-key",
     description="AWS secret access key next to an AWS secret key name",
     severity="critical",
     keywords=["secret_access_key", "secretaccesskey", "secret-access-key", "secret.access.key", "aws"],
     regex=(r"(?i:secret[_.-]?access[_.-]?key|aws[\w.-]{0,24}?secret)[A-Za-z_]*" + SET
            + r"([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)"),
     min_entropy=4.0,
     pair_with=["aws-access-key-id", "aws-session-token"],
     remediation=("Deactivate and delete the access key in IAM (https://console.aws.amazon.com/iam/home#/security_credentials), "
                  "check CloudTrail for its use, issue a new key or switch to a role, " + PURGE),
     examples=lambda g: [
         f"AWS_SECRET_ACCESS_KEY={g.s(ALNUM + '/+', 40)}",
         f'aws_secret_access_key: "{g.s(ALNUM + "/+", 40)}"',
         f'    "SecretAccessKey": "{g.s(ALNUM + "/+", 40)}",',
         f"aws configure set aws_secret_access_key {g.s(ALNUM + '/+', 40)}",
         f'"awsSecretKey":"{g.s(ALNUM + "/+", 40)}"',
         f'"\\"awsSecretKey\\":\\"{g.s(ALNUM + "/+", 40)}\\"," +',
         f"backup.archive.aws.secretkey={g.s(ALNUM + '/+', 40)}",
         f"[default]\naws_access_key_id = AKIA{g.s(B32AWS, 16)}\naws_secret_access_key = {g.s(ALNUM + '/+', 40)}",
     ],
     negative_examples=lambda g: [
         "AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}",
         f"aws_secret_access_key = {g.s(ALNUM + '/+', 39)}",
         "aws_secret_access_key: <your secret key>",
         f"secret_access_key = {g.s(ALNUM, 64)}",
         f"export AWS_SECRET_ACCESS_KEY={g.hex(42)}",
         f'"aws_secret_access_key" = {"a" * 40}',
     ])

cloud_named(
    "aws-session-token",
    "AWS temporary session token (STS) under an AWS session/security token name",
    # `SessionToken` only in AWS's PascalCase (STS/credential_process JSON): a web app's
    # `sessionToken` is not an AWS credential.
    r"aws[_.-]?session[_.-]?token|aws[_.-]?security[_.-]?token|x-amz-security-token|(?-i:SessionToken)",
    ["aws_session", "awssession", "aws-session", "aws.session", "aws_security", "awssecurity",
     "aws-security", "x-amz-security-token", "sessiontoken"],
    r"([A-Za-z0-9/+=._-]{100,})(?:[^A-Za-z0-9/+=._-]|$)",
    lambda g: "IQoJb3JpZ2luX2Vj" + g.b64_clean(300).rstrip("="),
    AWS_IAM, severity="medium", min_entropy=4.5, words=["aws", "session", "token"],
    bad=lambda g: g.s(B64_CHARS, 60),
    extra_negatives=lambda g: [f'sessionToken: "{g.jwt()}",'],
    extra_examples=lambda g: [
        f'"SessionToken": "FwoGZXIvYXdzE{g.b64_clean(260).rstrip("=")}",',
        f"export AWS_ACCESS_KEY_ID=ASIA{g.s(B32AWS, 16)}\nexport AWS_SECRET_ACCESS_KEY={g.s(B64_CHARS, 40)}\n"
        f"export AWS_SESSION_TOKEN={g.jwt()}",
    ],
    remediation=("A session token is short-lived but works until it expires together with its key: revoke the "
                 "role's active sessions (IAM > Roles > Revoke active sessions at "
                 "https://console.aws.amazon.com/iam/home#/roles), check CloudTrail for its use, " + PURGE))

cloud_token(
    "aws-bedrock-api-key-short-lived",
    "Amazon Bedrock short-lived API key (bedrock-api-key- + base64 of a presigned bedrock.amazonaws.com URL)",
    r"\b(bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=%]*)(?:[^A-Za-z0-9+/=%]|$)",
    ["bedrock-api-key-"],
    lambda g: "bedrock-api-key-" + b64(b"bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Credential=ASIA"
                                        + g.s(B32AWS, 16).encode() + b"&X-Amz-Signature=" + g.hex(64).encode()),
    "https://console.aws.amazon.com/bedrock/home#/api-keys", words=["aws", "bearer", "token", "bedrock"],
    severity="high",
    bad=[lambda g: "bedrock-api-key-", lambda g: "bedrock-api-key-" + b64(b"bedrock.amazonaws.net")],
    remediation=("Short-lived Bedrock keys expire with the session that signed them: revoke that role's active "
                 "sessions in IAM, review Bedrock invocation logs (https://console.aws.amazon.com/bedrock/home), "
                 + PURGE))

cloud_token(
    "aws-bedrock-api-key",
    "Amazon Bedrock long-term API key (ABSK + base64 of BedrockAPIKey-…)",
    r"\b(ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{20,400}={0,2})(?:[^A-Za-z0-9+/=]|$)",
    ["ABSKQmVkcm9ja0FQSUtleS"],
    lambda g: "ABSK" + b64(b"BedrockAPIKey-" + g.alnum(4).encode() + b"-at-" + g.digits(12).encode() + b":"
                           + g.b64_clean(45).encode()),
    "https://console.aws.amazon.com/bedrock/home#/api-keys", severity="critical", words=["aws", "bearer", "token", "bedrock"],
    bad=[lambda g: "ABSKQmVkcm9ja0FQSUtleS" + g.alnum(8), lambda g: "ABSK" + g.s(B64_CHARS, 80)],
    remediation=("Delete the key at https://console.aws.amazon.com/bedrock/home#/api-keys (or the IAM user's "
                 "Bedrock API keys / service-specific credentials), review Bedrock invocation logs, " + PURGE))

cloud_token(
    "aws-mws-auth-token",
    "Amazon Marketplace Web Service (MWS) auth token (amzn.mws.<uuid>)",
    r"\b(amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b",
    ["amzn.mws."],
    lambda g: "amzn.mws." + g.uuid(),
    "https://sellercentral.amazon.com/apps/manage", min_entropy=3.0, words=["mws", "auth", "token"],
    bad=[lambda g: "amzn.mws." + g.hex(32), lambda g: "amzn.mws.00000000-0000-0000-0000-000000000000"],
    remediation=("Revoke the developer's access in Seller Central (Apps & Services > Manage Your Apps, "
                 "https://sellercentral.amazon.com/apps/manage), review orders and reports pulled with it, " + PURGE))

# ---------------------------------------------------------------- Azure

AZURE_PORTAL = "https://portal.azure.com/"


def azure_storage_key(g):
    return b64(g.bytes(64))


rule(F,
     id="azure-storage-account-key",
     description="Azure Storage / Cosmos DB account key (AccountKey= in a connection string, or a storage key name)",
     severity="critical",
     keywords=["accountkey", "azure_storage", "azurestorage", "azure-storage", "azure.storage",
               "storage_account_key", "storageaccountkey", "storage-account-key"],
     regex=(r"(?i:accountkey|azure[_.-]?storage[\w.-]{0,20}?key|storage[_.-]?account[_.-]?key)" + SET
            + r"([A-Za-z0-9+/]{60,120}={0,2})(?:[^A-Za-z0-9+/=]|$)"),
     min_entropy=4.0,
     remediation=("Rotate both account keys (Storage account > Security + networking > Access keys > Rotate key, at "
                  "https://portal.azure.com/), which also invalidates SAS tokens signed with them, check the "
                  "storage logs, prefer Entra ID (managed identity) access, " + PURGE),
     examples=lambda g: [
         f"DefaultEndpointsProtocol=https;AccountName=stprod{g.digits(4)};AccountKey={azure_storage_key(g)};"
         "EndpointSuffix=core.windows.net",
         f'"AZURE_STORAGE_CONNECTION_STRING": "DefaultEndpointsProtocol=https;AccountName=logs{g.digits(3)};'
         f'AccountKey={azure_storage_key(g)};EndpointSuffix=core.windows.net"',
         f"AZURE_STORAGE_KEY={azure_storage_key(g)}",
         f"AccountEndpoint=https://orders-{g.digits(3)}.documents.azure.com:443/;AccountKey={azure_storage_key(g)};",
     ],
     negative_examples=lambda g: [
         "DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=${STORAGE_KEY};",
         f"AccountKey={b64(g.bytes(32))}",
         "AZURE_STORAGE_KEY=<your-storage-account-key>",
         "InstrumentationKey=00000000-0000-0000-0000-000000000000;EndpointSuffix=ai.contoso.com;",
     ])

rule(F,
     id="azure-shared-access-key",
     description="Azure Service Bus / Event Hubs / IoT Hub / Relay shared access key (SharedAccessKey=)",
     severity="high",
     keywords=["sharedaccesskey", "shared_access_key", "shared-access-key"],
     regex=r"(?i:shared[_.-]?access[_.-]?key)" + SET + r"([A-Za-z0-9+/]{43}=)(?:[^A-Za-z0-9+/=]|$)",
     min_entropy=4.0,
     remediation=("Regenerate the key of that shared access policy (the namespace's or hub's Shared access "
                  "policies blade at https://portal.azure.com/), which invalidates tokens signed with it, prefer "
                  "Entra ID auth, " + PURGE),
     examples=lambda g: [
         f"Endpoint=sb://orders-{g.digits(3)}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
         f"SharedAccessKey={b64(g.bytes(32))}",
         f'"value": "HostName=hub-{g.digits(3)}.azure-devices.net;SharedAccessKeyName=registryReadWrite;'
         f'SharedAccessKey={b64(g.bytes(32))}"',
         f'  "sharedAccessKey": "{b64(g.bytes(32))}",',
     ],
     negative_examples=lambda g: [
         "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>",
         f"SharedAccessKeyName={g.alnum(20)}",
         f"SharedAccessKey={b64(g.bytes(64))}",
     ])

rule(F,
     id="azure-sas-token",
     description="Azure shared access signature (SAS URL or SharedAccessSignature with sv=/sr= and sig=)",
     severity="high",
     keywords=["sig="],
     regex=(r"(?:\bsv=\d{4}-\d\d-\d\d|SharedAccessSignature sr=)[^\s\"'<>]{0,400}?&sig="
            r"([A-Za-z0-9%+/=]{43,130})(?:[^A-Za-z0-9%+/=]|$)"),
     min_entropy=3.8,
     remediation=("A SAS is valid until it expires: revoke it by rotating the account key that signed it (or the "
                  "stored access policy / user delegation key) in https://portal.azure.com/, prefer short-lived "
                  "user delegation SAS, " + PURGE),
     examples=lambda g: [
         f"https://st{g.digits(4)}.blob.core.windows.net/backups/db.bak?sp=r&st=2024-05-01T08:00:00Z"
         f"&se=2026-05-01T16:00:00Z&spr=https&sv=2022-11-02&sr=b&sig={b64(g.bytes(32)).replace('+', '%2B').replace('/', '%2F').replace('=', '%3D')}",
         f'AZURE_SAS="?sv=2021-06-08&ss=bfqt&srt=sco&sp=rwdlacupitfx&se=2027-01-01T00:00:00Z&spr=https'
         f'&sig={b64(g.bytes(32)).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")}"',
         f"SharedAccessSignature sr=hub-{g.digits(3)}.azure-devices.net&sig={b64(g.bytes(32)).replace('=', '%3D')}"
         f"&se=1767225600&skn=iothubowner",
     ],
     negative_examples=lambda g: [
         "https://st.blob.core.windows.net/c/f?sv=2022-11-02&sr=b&sig=<signature>",
         f"https://img.service.invalid/a.png?w=200&sig={g.hex(40)}",
         "?sv=2022-11-02&sp=r&sig=${SAS_SIGNATURE}",
     ])


def azure_ad_secret(g):
    body = ALNUM + "_~.-"
    return g.s(body, 3) + g.r.choice(DIGITS) + "Q~" + g.s(body, 34)


rule(F,
     id="azure-ad-client-secret",
     description="Microsoft Entra ID (Azure AD) application client secret (…Q~…)",
     severity="critical",
     # The digit before Q~ makes three-byte keywords: a two-byte keyword is searched for in a
     # pass of its own over every blob.
     keywords=[f"{d}q~" for d in DIGITS],
     regex=r"(?:(?m:^)|[^0-9A-Za-z_~.-])([0-9A-Za-z_~.-]{3}[0-9]Q~[0-9A-Za-z_~.-]{31,34})(?:[^0-9A-Za-z_~.-]|$)",
     min_entropy=3.5,
     remediation=("Delete the secret under the app registration's Certificates & secrets "
                  "(https://portal.azure.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade), check "
                  "the sign-in logs of the service principal, prefer a certificate or workload identity "
                  "federation, " + PURGE),
     examples=lambda g: [
         f"AZURE_CLIENT_SECRET={azure_ad_secret(g)}",
         f"client_secret: {azure_ad_secret(g)}",
         f'  "ClientSecret": "{azure_ad_secret(g)}",',
         f"az login --service-principal -u {g.uuid()} -p {azure_ad_secret(g)} --tenant {g.uuid()}",
         # at the start of a line that is not the file's first (the `(?m:^)` of the regex)
         f"# client secret of the deploy app\n{azure_ad_secret(g)}\n",
     ],
     negative_examples=lambda g: [
         "AZURE_CLIENT_SECRET=abc1Q~",
         f"![img](https://cdn.service.invalid/{g.hex(32)}~tplv-{g.alnum(10)}-watermark.image)",
         "~" * 40,
         f"AZURE_CLIENT_SECRET={g.s(ALNUM, 4)}Q~{g.s(ALNUM, 20)}",
     ])


def ado_pat(g):
    return g._clean(lambda: g.alnum(52) + "JQQJ9" + g.alnum(4) + "AAAAA" + g.alnum(10) + "AZDO" + g.alnum(4))


cloud_token(
    "azure-devops-pat",
    "Azure DevOps personal access token (84 characters with the AZDO signature)",
    r"\b([0-9A-Za-z]{76}AZDO[0-9A-Za-z]{4})\b",
    ["AZDO"],
    ado_pat,
    "https://dev.azure.com/{organization}/_usersSettings/tokens", severity="critical", min_entropy=4.0,
    words=["azure", "devops", "pat"],
    bad=[lambda g: g.alnum(76) + "AZDO" + g.alnum(5), lambda g: g.alnum(75) + "AZDO" + g.alnum(3)],
    extra_examples=lambda g: [f'git clone https://pat:{ado_pat(g)}@dev.azure.com/contoso/app/_git/app'],
    remediation=("Revoke the token at https://dev.azure.com/{organization}/_usersSettings/tokens (or an "
                 "organization admin revokes it under Organization settings > Microsoft Entra), check the audit "
                 "log, " + PURGE))

cloud_named(
    "azure-devops-pat-legacy",
    "Azure DevOps personal access token, legacy 52-character base32 format, under an Azure DevOps / PAT name",
    r"(?:azure[_.-]?)?devops|\bado[_.-]?(?:pat|token)|azdo|vsts|personal[_.-]?access[_.-]?token",
    ["devops", "ado_pat", "adopat", "ado-pat", "ado_token", "adotoken", "ado-token", "azdo", "vsts",
     "personal_access_token", "personalaccesstoken", "personal-access-token", "personal.access.token"],
    r"([a-z2-7]{52})(?:[^0-9A-Za-z]|$)",
    lambda g: g.s(LOWER + "234567", 52),
    "https://dev.azure.com/{organization}/_usersSettings/tokens", severity="critical", min_entropy=3.8,
    words=["azure", "devops", "pat"],
    bad=lambda g: g.s(LOWER + "234567", 51),
    extra_examples=lambda g: [
        f'var personalAccessToken = "{g.s(LOWER + "234567", 52)}";  // from configuration',
        f'    ado_pat =  "{g.s(LOWER + "234567", 52)}"',
    ],
    extra_negatives=lambda g: [g.s(LOWER + "234567", 52), f"personal_access_token = ghp_{g.alnum(36)}"],
    what="token")

rule(F,
     id="azure-app-configuration-connection-string",
     description="Azure App Configuration connection string (…azconfig.io;Id=…;Secret=…)",
     severity="high",
     keywords=["azconfig.io"],
     regex=r"\.azconfig\.io;Id=[^;\s\"']{1,64};Secret=([A-Za-z0-9+/]{43}=)(?:[^A-Za-z0-9+/=]|$)",
     min_entropy=4.0,
     remediation=("Regenerate the access key (App Configuration store > Settings > Access settings at "
                  "https://portal.azure.com/), prefer Entra ID with a managed identity, " + PURGE),
     examples=lambda g: [
         f"Endpoint=https://appcs-{g.alnum(6).lower()}.azconfig.io;Id={g.alnum(4)}-l{g.digits(1)}-s0:{g.s(B64_CHARS, 20)};"
         f"Secret={b64(g.bytes(32))}",
         f'private static string connectionString = "Endpoint=https://cfg-prod.azconfig.io;Id={g.alnum(4)}-l0-s0:'
         f'{g.s(B64_CHARS, 20)};Secret={b64(g.bytes(32))}";',
     ],
     negative_examples=lambda g: [
         "az appconfig kv list --connection-string Endpoint=https://contoso.azconfig.io;Id=xxx;Secret=xxx",
         "Endpoint=https://cfg.azconfig.io;Id=abc;Secret=${APPCONFIG_SECRET}",
     ])

cloud_named(
    "azure-search-admin-key",
    "Azure AI Search (Cognitive Search) admin or query key under an Azure Search name",
    r"azure[_.-]?(?:ai[_.-]?|cognitive[_.-]?)?search",
    kw_forms("azure", "search") + kw_forms("azure", "ai", "search") + kw_forms("azure", "cognitive", "search")
    + ["azureaisearch", "azurecognitivesearch"],
    r"([0-9A-Za-z]{52}|[0-9A-F]{32})(?:[^0-9A-Za-z]|$)",
    lambda g: g.alnum(42) + "AzSe" + g.alnum(6),
    "the Azure portal (Search service > Settings > Keys, https://portal.azure.com/)", severity="high",
    min_entropy=3.3, words=["azure", "search", "key"],
    bad=lambda g: g.alnum(50),
    extra_examples=lambda g: [f"AZURE_SEARCH_ADMIN_KEY={g.hex(32).upper()}"],
    remediation=("Regenerate the admin key (Search service > Settings > Keys at https://portal.azure.com/; "
                 "regenerate the secondary, switch, then the primary) or delete the query key, prefer Entra ID "
                 "roles, " + PURGE))

rule(F,
     id="azure-function-key",
     description="Azure Functions key in a function URL (?code=) or an x-functions-key header",
     severity="high",
     keywords=["azurewebsites.net", "x-functions-key"],
     regex=(r"(?:\.azurewebsites\.net/api/[^\s\"'<>?]{1,200}\?(?:[^\s\"'<>]{0,200}&)?code=|(?i:x-functions-key)"
            + SET + r")([A-Za-z0-9_/+-]{40,80}={0,2})(?:[^A-Za-z0-9_/+=-]|$)"),
     min_entropy=4.0,
     remediation=("Renew the function or host key (Function App > Functions > App keys / Function keys at "
                  "https://portal.azure.com/), put the function behind Entra ID auth or API Management, " + PURGE),
     examples=lambda g: [
         f"https://orders-{g.digits(3)}.azurewebsites.net/api/HttpTrigger1?code={g.b64_clean(40, url=True)}==",
         f'headers = {{"x-functions-key": "{g.b64_clean(40, url=True)}=="}}',
         f"curl 'https://fn-{g.digits(3)}.azurewebsites.net/api/sync?name=a&code={g.b64_clean(42, url=True)}'",
     ],
     negative_examples=lambda g: [
         "https://fn.azurewebsites.net/api/HttpTrigger1?code=<function-key>",
         "https://fn.azurewebsites.net/api/HttpTrigger1?code=${FUNCTION_KEY}",
         f"https://fn.azurewebsites.net/api/items?id={g.alnum(50)}",
     ])

# ---------------------------------------------------------------- Google / GCP

rule(F,
     id="google-api-key",
     description="Google API key (AIza…)",
     severity="high",
     keywords=["AIza"],
     regex=r"\b(AIza[0-9A-Za-z_-]{35})" + END_B64URL,
     min_entropy=3.5,
     remediation=("Delete or regenerate the key at https://console.cloud.google.com/apis/credentials, add API and "
                  "application restrictions to the new key, review billing for abuse, " + PURGE),
     examples=lambda g: [
         f"GOOGLE_API_KEY=AIza{g.s(B64URL, 35)}",
         f'<script src="https://maps.googleapis.com/maps/api/js?key=AIza{g.s(B64URL, 35)}&callback=initMap"></script>',
         f'  "api_key": "AIza{g.s(B64URL, 35)}",',
     ],
     negative_examples=lambda g: [
         f"GOOGLE_API_KEY=AIza{g.s(B64URL, 30)}",
         "GOOGLE_API_KEY=AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
         f"key = AIza{g.s(ALNUM, 40)}",
     ])

rule(F,
     id="gcp-service-account-key",
     description="Google Cloud service-account key file (private_key in a service_account JSON)",
     severity="critical",
     keywords=["service_account"],
     regex=(r'(?s)"type"\s*:\s*"service_account".*?"private_key"\s*:\s*"'
            + pem_regex("(?:RSA )?PRIVATE KEY")),
     window=8192,
     min_entropy=4.0,
     validate="gcp-service-account",
     remediation=("Delete the key under the service account's Keys tab at "
                  "https://console.cloud.google.com/iam-admin/serviceaccounts, check Cloud Audit Logs for its use, "
                  "prefer Workload Identity Federation over key files, " + PURGE),
     examples=lambda g: [
         "{\n"
         '  "type": "service_account",\n'
         '  "project_id": "billing-prod-4821",\n'
         f'  "private_key_id": "{g.hex(40)}",\n'
         f'  "private_key": "{g.pem("PRIVATE KEY", newline=chr(92) + "n")}\\n",\n'
         '  "client_email": "deployer@billing-prod-4821.iam.gserviceaccount.com",\n'
         f'  "client_id": "{g.digits(21)}",\n'
         '  "token_uri": "https://oauth2.googleapis.com/token"\n'
         "}",
         '{"type":"service_account","project_id":"etl-jobs","private_key_id":"' + g.hex(40)
         + '","private_key":"' + g.pem("PRIVATE KEY", newline=chr(92) + "n")
         + '\\n","client_email":"etl@etl-jobs.iam.gserviceaccount.com"}',
     ],
     negative_examples=lambda g: [
         '{\n  "type": "service_account",\n  "project_id": "demo",\n'
         '  "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"\n}',
         '{"type": "service_account", "private_key": ""}',
         '{"type": "authorized_user", "client_id": "' + g.digits(12) + '", "refresh_token": "<token>"}',
     ])

GOOGLE_CREDENTIALS = "https://console.cloud.google.com/apis/credentials"


def google_client_id(g):
    return f"{g.digits(12)}-{g.s(DIGITS + LOWER, 32)}.apps.googleusercontent.com"


cloud_token(
    "google-oauth-client-secret",
    "Google OAuth client secret (GOCSPX-…)",
    r"\b(GOCSPX-[0-9A-Za-z_-]{28})" + END_B64URL,
    ["GOCSPX-"],
    lambda g: "GOCSPX-" + g.s(B64URL_CHARS, 28),
    GOOGLE_CREDENTIALS, severity="high", words=["google", "client", "secret"],
    pair_with=["google-oauth-client-id"],
    bad=[lambda g: "GOCSPX-" + g.s(B64URL_CHARS, 20), lambda g: "GOCSPX-" + "x" * 28],
    extra_examples=lambda g: [
        f'{{"installed":{{"client_id":"{google_client_id(g)}","project_id":"crm-sync",'
        f'"client_secret":"GOCSPX-{g.s(B64URL_CHARS, 28)}","redirect_uris":["http://localhost"]}}}}',
    ],
    remediation=("Reset or delete the client secret of that OAuth client at https://console.cloud.google.com/apis/credentials "
                 "(add a new secret, deploy it, then disable the old one), review the consent screen's tokens, "
                 + PURGE))

cloud_named(
    "google-oauth-client-secret-legacy",
    "Google OAuth client secret, legacy 24-character format, under a Google client-secret name",
    r"google[\w.-]{0,20}?(?:client|oauth2?)[_.-]?secret",
    ["google"],
    r"([0-9A-Za-z_-]{24})(?:[^0-9A-Za-z_-]|$)",
    lambda g: g.s(B64URL_CHARS, 24),
    GOOGLE_CREDENTIALS, severity="high", min_entropy=3.5, words=["google", "client", "secret"],
    pair_with=["google-oauth-client-id"],
    bad=lambda g: g.s(B64URL_CHARS, 23),
    extra_examples=lambda g: [f"  //$google_client_secret = '{g.s(B64URL_CHARS, 24)}';"],
    extra_negatives=lambda g: ['"client_secret":"aaaaaaaaaaaaaaaaaaaaaaa-"',
                               f"GOOGLE_CLIENT_SECRET=GOCSPX-{g.s(B64URL_CHARS, 28)}"],
    remediation=("Reset the client secret of that OAuth client at https://console.cloud.google.com/apis/credentials, "
                 + PURGE))

cloud_token(
    "google-oauth-client-id",
    "Google OAuth client ID (…apps.googleusercontent.com): an identifier, reported low alone and folded into "
    "its client secret's finding",
    r"\b([0-9]{6,14}-[0-9a-z]{32}\.apps\.googleusercontent\.com)\b",
    ["apps.googleusercontent.com"],
    google_client_id,
    GOOGLE_CREDENTIALS, severity="low", min_entropy=3.5, words=["google", "client", "id"],
    bad=[lambda g: f"{g.digits(12)}-{g.s(DIGITS + LOWER, 20)}.apps.googleusercontent.com",
         lambda g: "YOUR_CLIENT_ID.apps.googleusercontent.com"],
    extra_examples=lambda g: [f'$cordovaOauth.google("{google_client_id(g)}", ["email"])'],
    remediation=("A client ID alone is public in many apps; if its secret leaked too, reset the secret at "
                 "https://console.cloud.google.com/apis/credentials, " + PURGE))

cloud_token(
    "google-oauth-access-token",
    "Google OAuth 2.0 access token (ya29.…)",
    r"\b(ya29\.[0-9A-Za-z_-]{30,})" + END_B64URL,
    ["ya29."],
    lambda g: "ya29.a0" + g.s(B64URL_CHARS, 150),
    "https://myaccount.google.com/permissions", severity="high", words=["google", "access", "token"],
    bad=[lambda g: "ya29." + g.s(B64URL_CHARS, 20), lambda g: "ya29.<access-token>"],
    remediation=("Revoke it (POST it to https://oauth2.googleapis.com/revoke, or remove the app's access at "
                 "https://myaccount.google.com/permissions); it expires within an hour but its refresh token may "
                 "sit next to it, " + PURGE))

cloud_token(
    "google-oauth-refresh-token",
    "Google OAuth 2.0 refresh token (1//0…)",
    r"\b(1//0[0-9A-Za-z_-]{40,512})" + END_B64URL,
    ["1//0"],
    lambda g: "1//0" + g.s(B64URL_CHARS, 99),
    "https://myaccount.google.com/permissions", severity="critical", words=["google", "refresh", "token"],
    bad=[lambda g: "1//0" + g.s(B64URL_CHARS, 30), lambda g: "1//" + g.s(B64URL_CHARS, 60)],
    extra_examples=lambda g: [
        f"{{\n  access_token:\n    'ya29.a0{g.s(B64URL_CHARS, 120)}',\n  refresh_token:\n"
        f"    '1//03{g.s(B64URL_CHARS, 98)}',\n}}"],
    remediation=("Revoke it (POST it to https://oauth2.googleapis.com/revoke, or remove the app's access at "
                 "https://myaccount.google.com/permissions), rotate the OAuth client's secret if it leaked too, "
                 + PURGE))

GCS_HMAC = "https://console.cloud.google.com/storage/settings;tab=interoperability"

cloud_named(
    "gcs-hmac-secret",
    "Google Cloud Storage HMAC key secret (interoperability / S3-compatible access)",
    (r"gs[_.-]secret[_.-]access[_.-]key|gcs[\w.-]{0,24}?secret|google[_.-]?cloud[_.-]?storage[\w.-]{0,24}?secret"
     r"|gcp[_.-]?storage[\w.-]{0,24}?secret"),
    ["gs_secret", "gs-secret", "gs.secret", "gcs"] + kw_forms("google", "cloud", "storage")
    + kw_forms("gcp", "storage"),
    r"([A-Za-z0-9+/]{40})(?:[^A-Za-z0-9+/=]|$)",
    lambda g: g.s(B64_CHARS, 40),
    GCS_HMAC, severity="critical", min_entropy=4.0, words=["gcs", "hmac", "secret"],
    pair_with=["gcs-hmac-access-id"],
    bad=lambda g: g.s(B64_CHARS, 39),
    extra_examples=lambda g: [
        f"[Credentials]\ngs_access_key_id = GOOG1E{g.s(UPPER + DIGITS, 55)}\n"
        f"gs_secret_access_key = {g.s(B64_CHARS, 40)}"],
    remediation=("Deactivate and delete the HMAC key at https://console.cloud.google.com/storage/settings;tab=interoperability "
                 "(or `gcloud storage hmac delete`), check the bucket access logs, " + PURGE))

cloud_token(
    "gcs-hmac-access-id",
    "Google Cloud Storage HMAC access ID (GOOG…, 61 characters): an identifier, folded into its secret's finding",
    r"\b(GOOG[0-9A-Z]{57})\b",
    ["GOOG"],
    lambda g: "GOOG1E" + g.s(UPPER + DIGITS, 55),
    GCS_HMAC, severity="medium", words=["gs", "access", "key", "id"],
    bad=[lambda g: "GOOG1E" + g.s(UPPER + DIGITS, 40), lambda g: "GOOGLE_APPLICATION_CREDENTIALS"],
    remediation=("Deactivate and delete the HMAC key at https://console.cloud.google.com/storage/settings;tab=interoperability, "
                 + PURGE))

# ---------------------------------------------------------------- Alibaba Cloud

ALIBABA_AK = "https://ram.console.aliyun.com/manage/ak"

cloud_named(
    "alibaba-access-key-secret",
    "Alibaba Cloud AccessKey secret (30 characters) under an Alibaba / AccessKeySecret name",
    r"alibaba|aliyun|alicloud|access[_.-]?key[_.-]?secret",
    ["alibaba", "aliyun", "alicloud"] + kw_forms("access", "key", "secret"),
    r"([0-9A-Za-z]{30})(?:[^0-9A-Za-z]|$)",
    lambda g: g.alnum(30),
    ALIBABA_AK, severity="critical", words=["alibaba", "access", "key", "secret"],
    pair_with=["alibaba-access-key-id"],
    bad=lambda g: g.alnum(29),
    extra_examples=lambda g: [
        f"ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5t{g.alnum(18)}\nALIBABA_CLOUD_ACCESS_KEY_SECRET={g.alnum(30)}",
        f'config.accessKeySecret = "{g.alnum(30)}";',
    ],
    remediation=("Disable and delete the AccessKey pair at https://ram.console.aliyun.com/manage/ak, check "
                 "ActionTrail for its use, prefer RAM roles / STS, " + PURGE))

cloud_token(
    "alibaba-access-key-id",
    "Alibaba Cloud AccessKey ID (LTAI…)",
    r"\b(LTAI[0-9A-Za-z]{12,20})\b",
    ["LTAI"],
    lambda g: "LTAI5t" + g.alnum(18),
    ALIBABA_AK, severity="medium", min_entropy=3.2, words=["alibaba", "access", "key", "id"],
    bad=[lambda g: "LTAI" + g.alnum(8), lambda g: "LTAI" + g.alnum(24)],
    remediation=("Disable and delete the AccessKey pair at https://ram.console.aliyun.com/manage/ak, check "
                 "ActionTrail for its use, " + PURGE))

# ---------------------------------------------------------------- IBM Cloud, Oracle Cloud

cloud_named(
    "ibm-cloud-api-key",
    "IBM Cloud IAM API key (44 characters) under an IBM Cloud name",
    r"ibm[_.-]?cloud|ibm[_.-]?(?:api|platform|iam)|bluemix",
    kw_forms("ibm", "cloud") + kw_forms("ibm", "api") + kw_forms("ibm", "platform") + kw_forms("ibm", "iam")
    + ["bluemix"],
    r"([0-9A-Za-z_-]{44})(?:[^0-9A-Za-z_-]|$)",
    lambda g: g.s(B64URL_CHARS, 44),
    "https://cloud.ibm.com/iam/apikeys", severity="critical", words=["ibmcloud", "api", "key"],
    bad=lambda g: g.s(B64URL_CHARS, 43),
    extra_examples=lambda g: [f"ibm_platform_key= {g.s(B64URL_CHARS, 44)}"])

rule(F,
     id="ibm-cos-hmac-secret-key",
     description="IBM Cloud Object Storage HMAC secret access key (48 hex, cos_hmac_keys)",
     severity="critical",
     keywords=kw_forms("secret", "access", "key"),
     regex=r"(?i:secret[_.-]?access[_.-]?key)" + SET + r"([0-9a-f]{48})\b",
     min_entropy=3.0,
     pair_with=["ibm-cos-hmac-access-key-id"],
     remediation=("Delete the service credential that holds the HMAC keys (Cloud Object Storage instance > Service "
                  "credentials at https://cloud.ibm.com/resources), create a new one, " + PURGE),
     examples=lambda g: [
         f'"cos_hmac_keys": {{\n  "access_key_id": "{g.hex(32)}",\n  "secret_access_key": "{g.hex(48)}"\n}}',
         f"COS_SECRET_ACCESS_KEY={g.hex(48)}",
     ],
     negative_examples=lambda g: [
         f"secret_access_key = {g.hex(40)}",
         "secret_access_key: ${COS_SECRET}",
     ])

rule(F,
     id="ibm-cos-hmac-access-key-id",
     description="IBM Cloud Object Storage HMAC access key id (32 hex): only reported with its secret",
     severity="medium",
     keywords=kw_forms("access", "key", "id"),
     regex=r"(?i:access[_.-]?key[_.-]?id)" + SET + r"([0-9a-f]{32})\b",
     min_entropy=3.0,
     companion_only=True,
     remediation=("Delete the service credential that holds the HMAC keys at https://cloud.ibm.com/resources, "
                  + PURGE),
     examples=lambda g: [
         f'"access_key_id": "{g.hex(32)}",\n"secret_access_key": "{g.hex(48)}"',
     ],
     negative_examples=lambda g: [
         f'"access_key_id": "{g.hex(32)}"',
     ])

cloud_named(
    "oci-customer-secret-key",
    "Oracle Cloud (OCI) customer secret key (S3-compatible, 44 base64) under an OCI/Oracle secret name",
    r"(?:oci[_.-]|oracle)[\w.-]{0,24}?secret",
    ["oci_", "oci-", "oci.", "oracle"],
    r"([A-Za-z0-9+/]{43}=)(?:[^A-Za-z0-9+/=]|$)",
    lambda g: b64(g.bytes(32)),
    "the OCI console (Identity > My profile > Customer secret keys, https://cloud.oracle.com/)",
    severity="critical", min_entropy=4.0, words=["oracle", "customer", "secret", "key"],
    bad=lambda g: b64(g.bytes(30)),
    extra_examples=lambda g: [f"OCI_SECRET_KEY={b64(g.bytes(32))}", f'oci-customer-secret: "{b64(g.bytes(32))}"'],
    remediation=("Delete the customer secret key (Identity > My profile > Customer secret keys at "
                 "https://cloud.oracle.com/), check the Audit service for its use, " + PURGE))

# ---------------------------------------------------------------- DigitalOcean, Linode, Vultr, Hetzner

DO_TOKENS = "https://cloud.digitalocean.com/account/api/tokens"
for _pfx, _id, _desc, _sev in [
        ("dop_v1_", "digitalocean-pat", "DigitalOcean personal access token (dop_v1_)", "critical"),
        ("doo_v1_", "digitalocean-oauth-token", "DigitalOcean OAuth access token (doo_v1_)", "critical"),
        ("dor_v1_", "digitalocean-refresh-token", "DigitalOcean OAuth refresh token (dor_v1_)", "critical")]:
    prefixed_rule(F, _id, _desc, _pfx, C_HEX, 64, DO_TOKENS, severity=_sev, words=["digitalocean", "token"])

named_rule(F, "linode-api-token", "Linode (Akamai Cloud) personal access token under a Linode name",
           ["linode"], C_HEX, 64, "https://cloud.linode.com/profile/tokens", severity="critical", what="token")
named_rule(F, "vultr-api-key", "Vultr API key under a Vultr name", ["vultr"], C_ALNUM_UP, 36,
           "https://my.vultr.com/settings/#settingsapi", severity="critical",
           extra_examples=lambda g: [f"vultr_SECRET_ACCESS_KEY {g.s(DIGITS + UPPER, 36)}"])
named_rule(F, "hetzner-cloud-api-token", "Hetzner Cloud API token under an hcloud/Hetzner name",
           ["hcloud", "hetzner"], C_ALNUM, 64,
           "the Hetzner Cloud console (project > Security > API tokens, https://console.hetzner.cloud/)",
           severity="critical", what="token", words=["hcloud", "token"])

# ---------------------------------------------------------------- PaaS: Heroku, Fly.io, Vercel, Netlify, Render, Railway

cloud_token(
    "heroku-api-key",
    "Heroku API key / OAuth token (HRKU-…)",
    r"\b(HRKU-(?:AA[0-9A-Za-z_-]{58}|" + UUID_ANY + r"))(?:[^0-9A-Za-z_-]|$)",
    ["HRKU-"],
    lambda g: "HRKU-AA" + g.s(B64URL_CHARS, 58),
    "https://dashboard.heroku.com/account/applications", severity="critical", words=["heroku", "api", "key"],
    bad=[lambda g: "HRKU-AA" + g.s(B64URL_CHARS, 40), lambda g: "HRKU-<token>"],
    extra_examples=lambda g: [f'HEROKU_API_KEY: process.env.HEROKU_API_KEY || "HRKU-{g.uuid()}",'],
    remediation=("Revoke the authorization at https://dashboard.heroku.com/account/applications (or regenerate the "
                 "account API key at https://dashboard.heroku.com/account), check the apps' activity, " + PURGE))

cloud_named(
    "heroku-api-key-legacy",
    "Heroku API key, legacy UUID format, under a Heroku key/token name or in ~/.netrc",
    r"heroku[\w. -]{0,20}?(?:key|token|auth|secret|pass)|heroku\.com\s+login\s+\S+\s+password", ["heroku"],
    r"(" + UUID_ANY + r")\b",
    lambda g: g.uuid(),
    "https://dashboard.heroku.com/account", severity="critical", min_entropy=3.0, words=["heroku", "api", "key"],
    bad=lambda g: g.uuid()[:-1],
    extra_examples=lambda g: [f"machine api.heroku.com\n  login ops@corp.invalid\n  password {g.uuid()}"],
    extra_negatives=lambda g: [f"curl https://kolkrabbi.heroku.com/apps/{g.uuid()}/github/push",
                               f"HEROKU_APP_ID={g.uuid()}"],
    remediation=("Regenerate the API key at https://dashboard.heroku.com/account (or revoke the authorization at "
                 "https://dashboard.heroku.com/account/applications), check the apps' activity, " + PURGE))


def fly_macaroon(g, head="fm2_"):
    return head + g.b64_clean(g.r.randint(90, 200)).rstrip("=")


cloud_token(
    "flyio-access-token",
    "Fly.io access token (fo1_ OAuth token, fm1a_/fm1r_/fm2_ macaroon)",
    r"\b(fo1_[0-9A-Za-z_-]{43}|(?:fm1[ar]|fm2)_[A-Za-z0-9+/]{100,}={0,3})(?:[^A-Za-z0-9_+/=-]|$)",
    ["fo1_", "fm1a_", "fm1r_", "fm2_"],
    lambda g: fly_macaroon(g, g.r.choice(["fm2_", "fm1a_", "fm1r_"])),
    "https://fly.io/user/personal_access_tokens", severity="critical", words=["fly", "api", "token"],
    bad=[lambda g: "fo1_" + "x" * 43, lambda g: "fm2_" + g.s(B64_CHARS, 40)],
    extra_examples=lambda g: [
        f"Fly access token: fo1_{g.s(B64URL_CHARS, 43)}",
        f'ENV FLY_API_TOKEN="FlyV1 {fly_macaroon(g)},{fly_macaroon(g)}"',
    ],
    extra_negatives=lambda g: [
        f'<input type="hidden" name="authenticity_token" value="{g.alnum(4)}-Fo1_{g.s(B64URL_CHARS, 80)}" />',
        'api_key = "fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"'],
    remediation=("Revoke it with `fly tokens revoke` or at https://fly.io/user/personal_access_tokens (org and "
                 "deploy tokens under the org's or app's Tokens page), check the apps' releases, " + PURGE))

cloud_token(
    "vercel-access-token",
    "Vercel access token (vcp_ personal, vci_ integration, vca_ app access, vcr_ app refresh)",
    r"\b(vc[piar]_[0-9A-Za-z]{20,60})\b",
    ["vcp_", "vci_", "vca_", "vcr_"],
    lambda g: g.r.choice(["vcp_", "vci_", "vca_", "vcr_"]) + g.alnum(g.r.randint(24, 56)),
    "https://vercel.com/account/tokens", severity="critical", words=["vercel", "token"],
    bad=[lambda g: "vcp_" + g.alnum(12), lambda g: "vcx_" + g.alnum(40)])

cloud_token(
    "vercel-ai-gateway-key",
    "Vercel AI Gateway API key (vck_)",
    r"\b(vck_[0-9A-Za-z]{20,60})\b",
    ["vck_"],
    lambda g: "vck_" + g.alnum(g.r.randint(24, 56)),
    "the Vercel dashboard (AI Gateway > API Keys, https://vercel.com/dashboard)", severity="high",
    words=["ai", "gateway", "api", "key"],
    bad=[lambda g: "vck_" + g.alnum(12)],
    remediation=("Delete the key in the Vercel dashboard (AI Gateway > API Keys, https://vercel.com/dashboard), "
                 "review the gateway usage for abuse, " + PURGE))

named_rule(F, "vercel-access-token-legacy",
           "Vercel access token, legacy 24-character format, under a Vercel token/key name",
           [r"vercel[\w. -]{0,20}?(?:token|key|secret)"], C_ALNUM, 24, "https://vercel.com/account/tokens",
           keywords=["vercel"], severity="critical", what="token", words=["vercel", "token"], min_entropy=3.3,
           extra_examples=lambda g: [f"vercel --token {g.alnum(24)} deploy --prod"],
           extra_negatives=lambda g: [f"VERCEL_ORG_ID={g.alnum(24)}"])

prefixed_rule(F, "netlify-personal-access-token", "Netlify personal access token (nfp_)", "nfp_", C_ALNUM, "36,40",
              "https://app.netlify.com/user/applications#personal-access-tokens", severity="critical",
              words=["netlify", "auth", "token"])
# The 4th character is not `_`: an `nfp_` token under a Netlify name is the prefixed rule's.
cloud_named(
    "netlify-access-token-legacy",
    "Netlify access token, legacy unprefixed format, under a Netlify name",
    r"netlify", ["netlify"],
    r"([0-9A-Za-z_=-]{3}[0-9A-Za-z=-][0-9A-Za-z_=-]{36,42})(?:[^0-9A-Za-z_=-]|$)",
    lambda g: g.s(B64URL_CHARS, 3) + g.alnum(1) + g.s(B64URL_CHARS, 39),
    "https://app.netlify.com/user/applications#personal-access-tokens", severity="critical", what="token",
    words=["netlify", "auth", "token"], bad=lambda g: g.s(B64URL_CHARS, 39))

prefixed_rule(F, "render-api-key", "Render API key (rnd_)", "rnd_", C_ALNUM, "24,40",
              "https://dashboard.render.com/u/settings#api-keys", severity="critical", what="key",
              make=lambda g: "rnd_" + g.alnum(32), words=["render", "api", "key"], min_entropy=4.0,
              extra_negatives=lambda g: ["let rnd_generatorStateFromSeed = seed;"])

cloud_named(
    "railway-token",
    "Railway account, team or project token (UUID) under a Railway token name",
    r"railway[\w. -]{0,20}?(?:token|key|secret)", ["railway"],
    r"(" + UUID_ANY + r")\b",
    lambda g: g.uuid(),
    "https://railway.com/account/tokens", severity="critical", min_entropy=3.0, words=["railway", "token"],
    bad=lambda g: g.uuid()[:-1], what="token",
    extra_negatives=lambda g: [f"https://railway.com/project/{g.uuid()}/service/{g.uuid()}",
                               f"RAILWAY_PROJECT_ID={g.uuid()}"])

# ---------------------------------------------------------------- Cloudflare, Fastly

CF_TOKENS = "https://dash.cloudflare.com/profile/api-tokens"


def cf_scannable(g, prefix):
    return prefix + g.alnum(40) + g.hex(8)


cloud_token(
    "cloudflare-api-token",
    "Cloudflare API token (cfut_ user token, cfat_ account-owned token)",
    r"\b(cf(?:ut|at)_[0-9A-Za-z]{40}[0-9a-f]{8})\b",
    ["cfut_", "cfat_"],
    lambda g: cf_scannable(g, g.r.choice(["cfut_", "cfat_"])),
    CF_TOKENS, severity="critical", words=["cloudflare", "api", "token"],
    bad=[lambda g: "cfut_" + g.alnum(30), lambda g: "cfut_" + g.alnum(60)],
    remediation=("Roll or delete the token at https://dash.cloudflare.com/profile/api-tokens (account-owned tokens "
                 "under Manage Account > Account API Tokens), review the audit log, " + PURGE))

cloud_token(
    "cloudflare-global-api-key",
    "Cloudflare Global API Key (cfk_)",
    r"\b(cfk_[0-9A-Za-z]{40}[0-9a-f]{8})\b",
    ["cfk_"],
    lambda g: cf_scannable(g, "cfk_"),
    CF_TOKENS, severity="critical", words=["cloudflare", "api", "key"],
    bad=[lambda g: "cfk_" + g.alnum(30)],
    remediation=("Change the Global API Key at https://dash.cloudflare.com/profile/api-tokens (it grants the whole "
                 "account: prefer scoped API tokens), review the audit log, " + PURGE))

cloud_token(
    "cloudflare-access-service-token",
    "Cloudflare Access service token client secret (cfast_)",
    r"\b(cfast_[0-9A-Za-z]{40,64})\b",
    ["cfast_"],
    lambda g: cf_scannable(g, "cfast_"),
    "the Cloudflare Zero Trust dashboard (Access > Service auth > Service Tokens, https://one.dash.cloudflare.com/)",
    severity="high", words=["cf", "access", "client", "secret"],
    bad=[lambda g: "cfast_" + g.alnum(20)],
    remediation=("Refresh or revoke the service token in the Zero Trust dashboard (Access > Service auth > "
                 "Service Tokens, https://one.dash.cloudflare.com/), review Access logs, " + PURGE))

cloud_named(
    "cloudflare-api-key-legacy",
    "Cloudflare API token (40 characters) or Global API Key (37 hex), pre-2026 unprefixed formats, under a "
    "Cloudflare name",
    r"cloudflare|x-auth-key|cf[_.-]api[_.-]?(?:key|token)",
    ["cloudflare", "x-auth-key", "cf_api", "cf-api", "cf.api"],
    r"([0-9A-Za-z_-]{40}|[0-9a-f]{37})(?:[^0-9A-Za-z_-]|$)",
    lambda g: g.s(B64URL_CHARS, 40),
    CF_TOKENS, severity="critical", min_entropy=3.5, words=["cloudflare", "api", "token"],
    bad=lambda g: g.s(B64URL_CHARS, 39),
    extra_examples=lambda g: [
        f"CLOUDFLARE_API_KEY={g.hex(37)}",
        f"curl -H 'X-Auth-Email: ops@corp.invalid' -H 'X-Auth-Key: {g.hex(37)}' https://api.cloudflare.com/client/v4/zones",
    ])

cloud_token(
    "cloudflare-origin-ca-key",
    "Cloudflare Origin CA key / user service key (v1.0-…)",
    r"\b(v1\.0-[0-9a-f]{24,64}-[0-9a-f]{128,146}(?:-[0-9a-f]{64})?)\b",
    ["v1.0-"],
    lambda g: f"v1.0-{g.hex(24)}-{g.hex(146)}",
    CF_TOKENS, severity="high", min_entropy=3.0, words=["cloudflare", "origin", "ca", "key"],
    bad=[lambda g: f"v1.0-{g.hex(24)}-{g.hex(60)}", lambda g: "v1.0-beta-release-candidate"],
    extra_examples=lambda g: [f"X-Auth-User-Service-Key = v1.0-{g.hex(64)}-{g.hex(128)}-{g.hex(64)}"],
    remediation=("Change the Origin CA Key at https://dash.cloudflare.com/profile/api-tokens (API Keys > Origin "
                 "CA Key), review issued origin certificates, " + PURGE))


def cf_tunnel_token(g):
    return b64(json.dumps({"a": g.hex(32), "t": g.uuid(), "s": b64(g.bytes(32))},
                          separators=(",", ":")).encode()).rstrip("=")


cloud_token(
    "cloudflare-tunnel-token",
    "Cloudflare Tunnel token (base64 JSON with account, tunnel id and secret: eyJhIjoi…)",
    r"\b(eyJhIjoi[A-Za-z0-9+/_-]{100,400}={0,2})(?:[^A-Za-z0-9+/_=-]|$)",
    ["eyJhIjoi"],
    cf_tunnel_token,
    "the Cloudflare Zero Trust dashboard (Networks > Tunnels, https://one.dash.cloudflare.com/)", severity="high",
    words=["tunnel", "token"],
    bad=[lambda g: "eyJhIjoi" + g.s(B64_CHARS, 40)],
    extra_examples=lambda g: [f"cloudflared tunnel --no-autoupdate run --token {cf_tunnel_token(g)}"],
    remediation=("Rotate the tunnel's secret (`cloudflared tunnel token --cred-file` after refreshing it in the "
                 "Zero Trust dashboard, Networks > Tunnels, https://one.dash.cloudflare.com/, or delete and "
                 "recreate the tunnel), " + PURGE))

named_rule(F, "fastly-api-token", "Fastly API token under a Fastly name", ["fastly"], C_B64URL, 32,
           "https://manage.fastly.com/account/personal/tokens", severity="critical", what="token",
           words=["fastly", "api", "token"])

# ---------------------------------------------------------------- Scalingo, Yandex Cloud

prefixed_rule(F, "scalingo-api-token", "Scalingo API token (tk-us-)", "tk-us-", C_B64URL, 48,
              "https://dashboard.scalingo.com/account/tokens", severity="critical", words=["scalingo", "token"])

YANDEX_IAM = "the Yandex Cloud console (service account > API keys / static access keys, https://console.yandex.cloud/)"

cloud_token(
    "yandex-api-key",
    "Yandex Cloud API key (AQVN…)",
    r"\b(AQVN[0-9A-Za-z_-]{35,38})" + END_B64URL,
    ["AQVN"],
    lambda g: "AQVN" + g.s(B64URL_CHARS, 36),
    YANDEX_IAM, severity="critical", words=["yandex", "api", "key"],
    bad=[lambda g: "AQVN" + g.s(B64URL_CHARS, 20)], what="key")

cloud_token(
    "yandex-iam-token",
    "Yandex Cloud IAM token (t1.…)",
    r"\b(t1\.[0-9A-Za-z_-]{1,200}={0,2}\.[0-9A-Za-z_-]{86}={0,2})(?:[^0-9A-Za-z_=-]|$)",
    ["t1."],
    lambda g: "t1." + g.s(B64URL_CHARS, 58) + "." + g.s(B64URL_CHARS, 86),
    YANDEX_IAM, severity="high", words=["yandex", "iam", "token"],
    bad=[lambda g: "t1." + g.s(B64URL_CHARS, 40) + "." + g.s(B64URL_CHARS, 40), lambda g: "t1.micro"],
    remediation=("An IAM token lives 12 hours: revoke the credential it was issued from (the account's OAuth "
                 "token, or the service account's keys in https://console.yandex.cloud/), " + PURGE))

cloud_named(
    "yandex-static-key-secret",
    "Yandex Cloud static access key secret (YC…, S3/AWS-compatible) under a Yandex name",
    r"yandex", ["yandex"],
    r"(YC[0-9A-Za-z_-]{38})(?:[^0-9A-Za-z_-]|$)",
    lambda g: "YC" + g.s(B64URL_CHARS, 38),
    YANDEX_IAM, severity="critical", min_entropy=3.5, words=["yandex", "secret", "key"],
    pair_with=["yandex-static-key-id"],
    bad=lambda g: "YC" + g.s(B64URL_CHARS, 30),
    remediation=("Delete the static access key of that service account in https://console.yandex.cloud/ "
                 "(Service accounts > Static access keys), check the audit trail, " + PURGE))

cloud_token(
    "yandex-static-key-id",
    "Yandex Cloud static access key id (YCAJ…): an identifier, folded into its secret's finding",
    r"\b(YCAJ[0-9A-Za-z_-]{21})" + END_B64URL,
    ["YCAJ"],
    lambda g: "YCAJE" + g.s(B64URL_CHARS, 20),
    YANDEX_IAM, severity="medium", min_entropy=3.2, words=["yandex", "access", "key", "id"],
    bad=[lambda g: "YCAJ" + g.s(B64URL_CHARS, 10)])

# ---------------------------------------------------------------- Data platforms: Databricks, Confluent, Supabase, PlanetScale, Neon, Upstash, Rockset, Aiven

cloud_token(
    "databricks-api-token",
    "Databricks personal access token (dapi…)",
    r"\b(dapi[0-9a-f]{32}(?:-\d)?)\b",
    ["dapi"],
    lambda g: "dapi" + g.hex(32) + g.r.choice(["", "-2"]),
    "your workspace (User Settings > Developer > Access tokens)", severity="critical", min_entropy=3.0,
    words=["databricks", "token"],
    bad=[lambda g: "dapi" + g.hex(28), lambda g: "dapi" + g.alnum(32) + "z"],
    extra_negatives=lambda g: ["dapiDataGetTopLongShortPositionRatio (params?: {}): Promise<implicitReturnType>;"],
    remediation=("Revoke the token in the workspace (User Settings > Developer > Access tokens, or an admin via "
                 "the Token Management API), review the workspace audit logs, prefer OAuth machine-to-machine, "
                 + PURGE))

CONFLUENT_KEYS = "https://confluent.cloud/settings/api-keys"
cloud_named(
    "confluent-api-secret",
    "Confluent Cloud API secret (64 characters) under a Confluent / Kafka secret name",
    r"confluent|ccloud|kafka[_.-]?(?:api[_.-]?)?(?:secret|token)",
    ["confluent", "ccloud"] + kw_forms("kafka", "secret") + kw_forms("kafka", "api", "secret")
    + kw_forms("kafka", "token") + kw_forms("kafka", "api", "token"),
    r"([0-9A-Za-z+/]{64})(?:[^0-9A-Za-z+/=]|$)",
    lambda g: g.s(B64_CHARS, 64),
    CONFLUENT_KEYS, severity="high", min_entropy=4.0, words=["confluent", "api", "secret"],
    pair_with=["confluent-api-key"],
    bad=lambda g: g.s(B64_CHARS, 63),
    extra_examples=lambda g: [
        f"CONFLUENT_API_KEY={g.s(UPPER + DIGITS, 16)}\nCONFLUENT_API_SECRET={g.s(B64_CHARS, 64)}",
        f"kafka_token={g.alnum(64)}"],
    remediation=("Delete the API key at https://confluent.cloud/settings/api-keys (or `confluent api-key delete`), "
                 "review the cluster's audit log, " + PURGE))

named_rule(F, "confluent-api-key",
           "Confluent Cloud API key (16 characters, an identifier: medium alone, folded into its secret's finding)",
           ["confluent", "ccloud"], C_ALNUM_UP, 16, CONFLUENT_KEYS, severity="medium", min_entropy=3.0,
           words=["confluent", "api", "key"])

cloud_token(
    "supabase-access-token",
    "Supabase personal access token (sbp_, Management API)",
    r"\b(sbp_(?:oauth_|v\d_)?[0-9a-z]{40})\b",
    ["sbp_"],
    lambda g: "sbp_" + g.hex(40),
    "https://supabase.com/dashboard/account/tokens", severity="critical", min_entropy=3.0,
    words=["supabase", "access", "token"],
    bad=[lambda g: "sbp_" + g.hex(30), lambda g: "sbp_" + "0" * 40])

cloud_token(
    "supabase-secret-key",
    "Supabase project secret API key (sb_secret_, bypasses Row Level Security)",
    r"\b(sb_secret_[0-9A-Za-z_-]{31,64})" + END_B64URL,
    ["sb_secret_"],
    lambda g: "sb_secret_" + g.s(B64URL_CHARS, 22) + "_" + g.s(B64URL_CHARS, 8),
    "https://supabase.com/dashboard/project/_/settings/api-keys", severity="critical",
    words=["supabase", "secret", "key"],
    bad=[lambda g: "sb_secret_" + g.alnum(12), lambda g: "sb_publishable_" + g.s(B64URL_CHARS, 31)],
    what="key")

PSCALE_CLASS = "0-9A-Za-z_=-"
for _pfx, _id, _desc, _url, _what in [
        ("pscale_tkn_", "planetscale-api-token", "PlanetScale service token (pscale_tkn_)",
         "https://app.planetscale.com/ (organization Settings > Service tokens)", "token"),
        ("pscale_oauth_", "planetscale-oauth-token", "PlanetScale OAuth token (pscale_oauth_)",
         "https://app.planetscale.com/ (organization Settings > OAuth applications)", "token"),
        ("pscale_pw_", "planetscale-password", "PlanetScale database password (pscale_pw_)",
         "https://app.planetscale.com/ (database > Settings > Passwords)", "password")]:
    prefixed_rule(F, _id, _desc, _pfx, PSCALE_CLASS, "32,64", _url, severity="high" if _what == "password" else "critical", what=_what,
                  make=lambda g, p=_pfx: p + g.s(B64URL_CHARS, 43), words=["planetscale", "token"])

prefixed_rule(F, "neon-api-key", "Neon API key (napi_)", "napi_", C_ALNUM_LOW, 64,
              "https://console.neon.tech/app/settings/api-keys", severity="critical", what="key",
              words=["neon", "api", "key"],
              extra_negatives=lambda g: ["napi_create_string_utf8(env, buf, len, &result);"])

named_rule(F, "upstash-api-token", "Upstash Redis REST / QStash / management token under an Upstash name",
           ["upstash"], "0-9A-Za-z_=-", "40,200", "https://console.upstash.com/", severity="high", what="token",
           make=lambda g: "A" + g.s(B64URL_CHARS, 79), words=["upstash", "redis", "rest", "token"],
           min_entropy=4.0,
           extra_negatives=lambda g: [f"UPSTASH_REDIS_REST_URL=https://eu1-{g.alnum(8).lower()}-31245.upstash.io"])

named_rule(F, "rockset-api-key", "Rockset API key under a Rockset name", ["rockset"], C_ALNUM, 64,
           "https://console.rockset.com/apikeys", severity="high")

named_rule(F, "aiven-api-token", "Aiven API / authentication token (372 base64) under an Aiven name", ["aiven"],
           "A-Za-z0-9+/=", "368,376", "https://console.aiven.io/profile/tokens", severity="critical", what="token",
           make=lambda g: b64(g.bytes(279)), min_entropy=4.5)

# ---------------------------------------------------------------- Secret managers and IaC: Doppler, Vault, Terraform, Pulumi

DOPPLER = "https://dashboard.doppler.com/"
for _pfx, _id, _desc, _where in [
        ("dp.pt.", "doppler-personal-token", "Doppler personal token (dp.pt.)", "Account > Tokens"),
        ("dp.ct.", "doppler-cli-token", "Doppler CLI token (dp.ct.)", "Account > Tokens, or `doppler logout`"),
        ("dp.sa.", "doppler-service-account-token", "Doppler service account token (dp.sa.)",
         "Team > Service Accounts"),
        ("dp.scim.", "doppler-scim-token", "Doppler SCIM token (dp.scim.)", "Settings > SCIM"),
        ("dp.audit.", "doppler-audit-token", "Doppler audit API token (dp.audit.)", "Settings > Audit")]:
    prefixed_rule(F, _id, _desc, _pfx, C_ALNUM, "40,44", DOPPLER,
                  severity="high" if _pfx in ("dp.scim.", "dp.audit.") else "critical",
                  words=["doppler", "token"],
                  remediation=(f"Revoke the token in the Doppler dashboard ({_where}, {DOPPLER}), review the "
                               "workplace activity log, " + PURGE))

cloud_token(
    "doppler-service-token",
    "Doppler service token (dp.st.[config.])",
    r"\b(dp\.st\.(?:[0-9a-z_-]{1,40}\.)?[0-9A-Za-z]{40,44})\b",
    ["dp.st."],
    lambda g: "dp.st." + g.r.choice(["", "prd.", "dev.", "staging."]) + g.alnum(43),
    DOPPLER, severity="critical", words=["doppler", "token"],
    bad=[lambda g: "dp.st." + g.alnum(20)],
    remediation=("Revoke the service token (project > config > Access, or `doppler configs tokens revoke`, "
                 f"{DOPPLER}), " + PURGE))

VAULT_REM = ("Revoke it (`vault token revoke <token>` or `vault token revoke -accessor`), review the audit device "
             "log for its use, issue short-lived tokens from an auth method instead of static ones, " + PURGE)

prefixed_rule(F, "vault-service-token", "HashiCorp Vault service token (hvs.)", "hvs.", C_B64URL, "90,120",
              "Vault", severity="critical", make=lambda g: "hvs." + g.s(B64URL_CHARS, 91),
              words=["vault", "token"], remediation=VAULT_REM)
prefixed_rule(F, "vault-batch-token", "HashiCorp Vault batch token (hvb.)", "hvb.", C_B64URL, "138,300",
              "Vault", severity="critical", make=lambda g: "hvb." + g.s(B64URL_CHARS, 160),
              words=["vault", "token"], remediation=VAULT_REM)
prefixed_rule(F, "vault-recovery-token", "HashiCorp Vault recovery token (hvr.)", "hvr.", C_B64URL, "24,300",
              "Vault", severity="critical", make=lambda g: "hvr." + g.s(B64URL_CHARS, 91),
              words=["vault", "token"], remediation=VAULT_REM)

cloud_named(
    "vault-token-legacy",
    "HashiCorp Vault token, legacy format (s./b./r. + base62) under a Vault token name",
    r"vault[\w.-]{0,24}?token",
    ["vault"],
    r"([sbr]\.[0-9A-Za-z]{24,220})\b",
    lambda g: "s." + g.alnum(24),
    "Vault", severity="critical", min_entropy=3.5, words=["vault", "token"],
    bad=lambda g: "s." + g.alnum(12),
    extra_examples=lambda g: [f'VAULT_CLIENT_TOKEN="b.{g.alnum(26)}"', f"vault_token: r.{g.alnum(26)}"],
    extra_negatives=lambda g: ["b.removeTransientObservers()", f"b.{g.alnum(120)}"],
    remediation=VAULT_REM)

rule(F,
     id="vault-unseal-key",
     description="HashiCorp Vault unseal key (Unseal Key N: … or vault operator unseal …)",
     severity="critical",
     keywords=["unseal"],
     regex=(r"(?i:unseal[ _-]?key[ _-]?\d{0,2}\s*[:=]|operator unseal(?:\s+-[\w-]+)*)\s*[\"']?"
            r"([A-Za-z0-9+/]{43}[A-Za-z0-9+/=])(?:[^A-Za-z0-9+/=]|$)"),
     min_entropy=4.0,
     remediation=("Rekey Vault (`vault operator rekey`) so that the leaked share is worthless, and keep unseal "
                  "shares out of files (auto-unseal with a cloud KMS or HSM), " + PURGE),
     examples=lambda g: [
         f"Unseal Key 1: {b64(g.bytes(33))}\nUnseal Key 2: {b64(g.bytes(33))}",
         f"kubectl -n vault exec -ti vault-0 -- vault operator unseal {b64(g.bytes(33))}",
         f'VAULT_UNSEAL_KEY="{b64(g.bytes(33))}"',
     ],
     negative_examples=lambda g: [
         "vault operator unseal $VAULT_UNSEAL_KEY",
         "Unseal Key 1: <unseal-key-1>",
         f"unseal_progress = {g.digits(2)}",
     ])

cloud_token(
    "terraform-cloud-api-token",
    "HashiCorp Atlas-format API token: HCP Terraform, Terraform Enterprise, Vagrant Cloud (….atlasv1.…)",
    r"\b([0-9A-Za-z]{14}\.atlasv1\.[0-9A-Za-z_=-]{60,70})(?:[^0-9A-Za-z_=-]|$)",
    ["atlasv1"],
    lambda g: g.alnum(14) + ".atlasv1." + g.s(B64URL_CHARS, 67),
    "https://app.terraform.io/app/settings/tokens", severity="critical", words=["tfe", "token"],
    bad=[lambda g: "xxxxxxxxxxxxxx.atlasv1." + "x" * 67, lambda g: g.alnum(14) + ".atlasv1." + g.alnum(30)],
    extra_examples=lambda g: [
        f'credentials "app.terraform.io" {{\n  token = "{g.alnum(14)}.atlasv1.{g.s(B64URL_CHARS, 67)}"\n}}'],
    remediation=("Delete the token at https://app.terraform.io/app/settings/tokens (team and organization tokens "
                 "under the organization's settings), review the runs and state access, " + PURGE))

prefixed_rule(F, "pulumi-access-token", "Pulumi Cloud access token (pul-)", "pul-", C_HEX, 40,
              "https://app.pulumi.com/account/tokens", severity="critical", words=["pulumi", "access", "token"],
              extra_negatives=lambda g: [f'<img src="./assets/vipul-{g.hex(64)}.png">'])

# ---------------------------------------------------------------- Networking: Tailscale, Defined Networking, Cisco Meraki, BuddyNS

cloud_token(
    "tailscale-key",
    "Tailscale auth key, API access token or OAuth client secret (tskey-…)",
    r"\b(tskey-(?:auth|api|client|scim|webhook|secret)-[0-9A-Za-z]{6,24}-[0-9A-Za-z]{4,64})\b",
    ["tskey-"],
    lambda g: f"tskey-{g.r.choice(['auth', 'api', 'client'])}-k{g.alnum(6)}CNTRL-{g.alnum(33)}",
    "https://login.tailscale.com/admin/settings/keys", severity="critical", words=["tailscale", "authkey"],
    bad=[lambda g: "tskey-auth-", lambda g: f"tskey-auth-{g.alnum(3)}"], what="key")

cloud_token(
    "defined-networking-api-token",
    "Defined Networking (Managed Nebula) API token (dnkey-)",
    r"\b(dnkey-[0-9A-Za-z_=-]{26}-[0-9A-Za-z_=-]{52})(?:[^0-9A-Za-z_=-]|$)",
    ["dnkey-"],
    lambda g: f"dnkey-{g.s(B64URL_CHARS, 26)}-{g.s(B64URL_CHARS, 52)}",
    "https://admin.defined.net/settings/api-keys", severity="high", words=["dnkey", "token"],
    bad=[lambda g: f"dnkey-{g.s(B64URL_CHARS, 26)}"], what="key")

# `(?:\b|_|cisco)meraki`: not the `meraki` inside `CameraKit`.
named_rule(F, "cisco-meraki-api-key", "Cisco Meraki Dashboard API key (40 hex) under a Meraki name",
           [r"(?:\b|_|cisco)meraki"], C_HEX, 40, "https://dashboard.meraki.com/ (My profile > API access)",
           keywords=["meraki"], words=["meraki", "api", "key"], severity="critical",
           extra_negatives=lambda g: ["meraki: aaaaaaaaaa1111111111bbbbbbbbbb2222222222",
                                      f"ReactNativeCameraKit: {g.hex(40)}",
                                      f"meraki-api-key: {g.hex(16)}F{g.hex(23)}"])

named_rule(F, "buddyns-api-key", "BuddyNS API key (40 hex) under a BuddyNS name", ["buddyns"], C_HEX, 40,
           "https://www.buddyns.com/ (account > API)", severity="high",
           extra_examples=lambda g: [f"buddynsSECRET={g.hex(40)}"])

# ---------------------------------------------------------------- Storage, backup, hypervisors: TrueNAS, BorgBase, VMware

TRUENAS_KEY = r"(\d{1,5}-[0-9A-Za-z]{64})\b"
rule(F,
     id="truenas-api-key",
     description="TrueNAS API key (id-64 alphanumerics) in an auth.login_with_api_key call, a Bearer header to "
                 "/api/v2.0, or under a TrueNAS name",
     severity="critical",
     keywords=["login_with_api_key", "truenas", "api/v2.0"],
     regex=(r"(?:login_with_api_key\"[^\]]{0,60}?\[\s*\"|(?i:truenas[\w.-]{0,24}?(?:key|token))" + SET
            + r"|/api/v2\.0/[^\r\n]{0,200}?Bearer\s+)" + TRUENAS_KEY),
     window=160,
     min_entropy=3.5,
     remediation=("Delete the key in the TrueNAS web UI (Credentials > API Keys, or the user menu's API Keys), "
                  "review the audit log, " + PURGE),
     examples=lambda g: [
         f'{{"id":"{g.uuid()}", "msg":"method", "method":"auth.login_with_api_key", '
         f'"params":["{g.digits(1)}-{g.alnum(64)}"]}}',
         f'{{\n  "method": "auth.login_with_api_key",\n  "params": [\n    "{g.digits(2)}-{g.alnum(64)}"\n  ]\n}}',
         f'curl -X POST "http://192.168.0.30/api/v2.0/device/get_info" -H "Authorization: Bearer '
         f'{g.digits(1)}-{g.alnum(64)}"',
         f"TRUENAS_API_KEY={g.digits(1)}-{g.alnum(64)}",
     ],
     negative_examples=lambda g: [
         '{"method":"auth.login_with_api_key","params":["<api-key>"]}',
         f'curl -H "Authorization: Bearer {g.alnum(64)}" https://api.service.invalid/v1',
         f"build_id = {g.digits(3)}-{g.alnum(64)}",
     ])

named_rule(F, "borgbase-api-token", "BorgBase API token under a BorgBase name", ["borgbase"], "0-9A-Za-z_.-",
           "100,", "https://www.borgbase.com/account (API tokens)", severity="high", what="token",
           make=lambda g: g.jwt(), min_entropy=4.0)

rule(F,
     id="vmware-viserver-password",
     description="VMware vCenter/ESXi password on a PowerCLI Connect-VIServer command line",
     severity="high",
     keywords=["connect-viserver"],
     regex=(r"(?i:connect-viserver)[^\r\n]{0,200}?(?i:-password)\s+[\"']?([^\s\"'$`(){}\[\];|]{4,64})"
            r"[\"']?(?:[\s;|]|$)"),
     min_entropy=2.5,
     remediation=("Change that account's password in vCenter (Administration > Single Sign On > Users and "
                  "Groups) or on the ESXi host, prefer the PowerCLI credential store or a PSCredential from a "
                  "vault, " + PURGE),
     examples=lambda g: [
         f"Connect-VIServer -Server 10.0.{g.digits(2)}.5 -User administrator@vsphere.local -Password {g.password()}",
         f'$null = connect-viserver vc.lab.local -user root -password "{g.password()}"',
     ],
     negative_examples=lambda g: [
         'Connect-VIServer "$endpoint" -User "$username" -Password "$password" | Out-Null',
         "Connect-VIServer $ESXiHost.EsxiHost -user $ESXiUser -password $ESXipass",
         "Connect-VIServer -Server vc -Credential (Get-Credential)",
     ])

# ---------------------------------------------------------------- Workflow and app platforms: Prefect, Koyeb, Kubernetes

cloud_token(
    "prefect-api-key",
    "Prefect Cloud API key (pnu_ user key, pnb_ service account key)",
    r"\b(pn[ub]_[0-9A-Za-z]{36})\b",
    ["pnu_", "pnb_"],
    lambda g: g.r.choice(["pnu_", "pnb_"]) + g.alnum(36),
    "https://app.prefect.cloud/my/api-keys", severity="high", words=["prefect", "api", "key"],
    bad=[lambda g: "pnu_" + g.alnum(30)], what="key")

named_rule(F, "koyeb-api-token", "Koyeb API access token under a Koyeb name", ["koyeb"], C_ALNUM, 64,
           "https://app.koyeb.com/user/settings/api", severity="critical", what="token")

K8S_SA_PAYLOAD = "eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Ii"


def k8s_sa_token(g):
    ns = g.r.choice(["default", "kube-system", "ci", "monitoring"])
    name = g.r.choice(["deployer", "builder", "argocd-manager", "gitlab-runner"])
    header = json.dumps({"alg": "RS256", "kid": g.s(B64URL_CHARS, 43)}, separators=(",", ":"))
    payload = json.dumps({"iss": "kubernetes/serviceaccount",
                          "kubernetes.io/serviceaccount/namespace": ns,
                          "kubernetes.io/serviceaccount/secret.name": f"{name}-token-{g.alnum(5).lower()}",
                          "kubernetes.io/serviceaccount/service-account.name": name,
                          "kubernetes.io/serviceaccount/service-account.uid": g.uuid(),
                          "sub": f"system:serviceaccount:{ns}:{name}"}, separators=(",", ":"))
    return g._clean(lambda: f"{b64url(header.encode())}.{b64url(payload.encode())}.{b64url(g.bytes(256))}")


cloud_token(
    "kubernetes-service-account-token",
    "Kubernetes service-account token (legacy Secret-based JWT issued by kubernetes/serviceaccount)",
    r"\b(eyJ[0-9A-Za-z_-]{10,}\." + K8S_SA_PAYLOAD + r"[0-9A-Za-z_-]{20,}\.[0-9A-Za-z_-]{40,})"
    r"(?:[^0-9A-Za-z_.-]|$)",
    [K8S_SA_PAYLOAD],
    k8s_sa_token,
    "the cluster", severity="critical", min_entropy=4.0, words=["kube", "token"],
    bad=[lambda g: "eyJhbGciOiJSUzI1NiJ9." + K8S_SA_PAYLOAD + "."],
    extra_examples=lambda g: [
        f"users:\n- name: deployer\n  user:\n    token: {k8s_sa_token(g)}"],
    remediation=("Delete the service account's token Secret (`kubectl delete secret <name>-token-…`), which "
                 "invalidates it, review the API server audit log, and move to short-lived projected tokens "
                 "(`kubectl create token`), " + PURGE))
