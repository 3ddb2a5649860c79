"""Rules of the messaging family: chat (Slack, Discord, Telegram, Mattermost, Teams, LINE), chat and
push APIs (Sendbird, PubNub, Pusher, Mesibo, OneSignal, Pushbullet), SMS/voice APIs (Telnyx,
MessageBird, Vonage, Plivo, Sinch, VoodooSMS, Mailjet SMS) and automation webhooks (Zapier, Tines).

Unprefixed secrets use core.value_rule (like core.named_rule, but the value is any regex: UUIDs,
dotted or prefixed keys, alternatives); SECRET_TAIL and the helpers below are shared with the email
and social families.
"""
from rulegen.core import *  # noqa: F401,F403

# ============================== shared helpers (also used by email.py and social.py) ==============================

# A name tail that says the value is a credential (ACME_API_KEY, acmeSecret, acme_token, ACME_PASSWORD),
# for short or word-like values that would otherwise match ids, slugs and template names.
SECRET_TAIL = r"(?i:[\w.-]{0,20}?(?:secret|token|key|password|passwd|auth|credential|api))[\w.-]{0,6}"


def id_remediation(what_id, secret, url):
    """For identifiers reported because a secret is usually stored beside them."""
    return (f"A {what_id} is not a secret by itself: check whether the {secret} stored with it is committed too "
            f"and rotate that at {url}; keep both in a secret manager, " + PURGE)


def upper_uuid(g):
    return g.uuid().upper()


# ============================== Slack ==============================

# Slack tokens are `xox?-`, numeric ids (workspace, user or bot, …) and a random secret last. The ids
# are public numbers with no randomness, so the entropy floors below are low (they drop all-fill
# tokens) and the `slack-token` validator checks the secret part alone: a token whose ids are written
# as fills but whose secret is random is reported, one whose secret is a stand-in is not.
SLACK_REMEDIATION = ("Revoke it (https://api.slack.com/apps > your app > OAuth & Permissions > Revoke / rotate, "
                     "or the auth.revoke API), reinstall the app to get a new token, " + PURGE)

rule("messaging",
     id="slack-bot-token",
     description="Slack bot token (xoxb-), current and legacy (team-id, optional bot-id, secret)",
     severity="high",
     keywords=["xoxb-"],
     regex=r"\b(xoxb-[0-9A-Za-z]{8,13}-(?:[0-9A-Za-z]{8,13}-)?[0-9A-Za-z]{18,34})\b",
     min_entropy=2.5,
     validate="slack-token",
     remediation=SLACK_REMEDIATION,
     examples=lambda g: [
         f"SLACK_BOT_TOKEN=xoxb-{g.digits(12)}-{g.digits(13)}-{g.alnum(24)}",
         f'slack:\n  token: "xoxb-{g.digits(11)}-{g.digits(13)}-{g.alnum(24)}"',
         f'client = WebClient(token="xoxb-{g.digits(12)}-{g.digits(12)}-{g.alnum(24)}")',
         f'"bot_token": "xoxb-{g.digits(12)}-{g.alnum(24)}"',
         f"SLACK_TOKEN=xoxb-{g.digits(11)}-{g.alnum(19)}",
     ],
     negative_examples=lambda g: [
         f"SLACK_BOT_TOKEN=xoxb-{g.digits(12)}-{g.alnum(16)}",
         "SLACK_BOT_TOKEN=xoxb-your-bot-token",
         f"SLACK_BOT_TOKEN=xoxb-{g.digits(12)}-{g.digits(13)}-{g.alnum(12)}",
         "SLACK_BOT_TOKEN=xoxb-Slack_BOT_TOKEN",
         "token = xoxb-abcdef-abcdef",
         f"SLACK_BOT_TOKEN=xoxb-{g.digits(12)}-{g.digits(13)}-abcdefghijklmnopqrstuvwx",
         f"SLACK_BOT_TOKEN=xoxb-{g.digits(12)}-{g.digits(13)}-{'aB3' * 8}",
     ])

rule("messaging",
     id="slack-user-token",
     description="Slack user token (xoxp-, also xoxe- export tokens)",
     severity="high",
     keywords=["xoxp-", "xoxe-"],
     regex=r"\b(xox[pe]-[0-9]{8,13}-[0-9]{8,13}-[0-9]{8,13}-[0-9A-Za-z]{28,34})\b",
     min_entropy=2.5,
     validate="slack-token",
     remediation=SLACK_REMEDIATION,
     examples=lambda g: [
         f"SLACK_USER_TOKEN=xoxp-{g.digits(12)}-{g.digits(12)}-{g.digits(13)}-{g.hex(32)}",
         f'"slack_token": "xoxp-{g.digits(11)}-{g.digits(12)}-{g.digits(13)}-{g.hex(32)}"',
     ],
     negative_examples=lambda g: [
         f"SLACK_USER_TOKEN=xoxp-{g.digits(12)}-{g.digits(12)}-{g.hex(32)}",
         "SLACK_USER_TOKEN=xoxp-xxxxxxxxxxxx-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
         f'"token": "xoxp-{g.digits(10)}"',
         f'"token": "xoxp-1234-1234-1234-{g.hex(32)}"',
         f"SLACK_USER_TOKEN=xoxp-{g.digits(12)}-{g.digits(12)}-{g.digits(13)}-{g.digits(32)}",
     ])

rule("messaging",
     id="slack-legacy-token",
     description="Slack legacy user/session token (xoxs-, xoxo-)",
     severity="high",
     keywords=["xoxs-", "xoxo-"],
     regex=r"\b(xox[os]-[0-9]{6,14}-[0-9]{6,14}-[0-9]{6,14}-[0-9a-f]{10,64})\b",
     min_entropy=2.5,
     validate="slack-token",
     remediation=("Revoke it with the auth.revoke API (legacy tokens are listed at "
                  "https://api.slack.com/legacy/custom-integrations/legacy-tokens), move the integration to a "
                  "Slack app with scoped tokens, " + PURGE),
     examples=lambda g: [
         f'"slack_token": "xoxs-{g.digits(12)}-{g.digits(12)}-{g.digits(12)}-{g.hex(10)}"',
         f"SLACK_LEGACY_TOKEN=xoxs-{g.digits(10)}-{g.digits(10)}-{g.digits(10)}-{g.hex(64)}",
         f"token = 'xoxo-{g.digits(6)}-{g.digits(6)}-{g.digits(6)}-{g.hex(18)}'",
     ],
     negative_examples=lambda g: [
         f"SLACK_TOKEN=xoxs-{g.digits(12)}-{g.digits(12)}-{g.hex(10)}",
         "SLACK_TOKEN=xoxs-xxxxxxxxxx-xxxxxxxxxx-xxxxxxxxxx-xxxxxxxxxx",
         "https://indieweb.org/images/2018-250-xoxo-indieweb-1.jpg",
         f"SLACK_TOKEN=xoxs-{g.digits(12)}-{g.digits(12)}-{g.digits(12)}-0123456789abcdef",
     ])

rule("messaging",
     id="slack-legacy-workspace-token",
     description="Slack legacy workspace app access or refresh token (xoxa-, xoxr-)",
     severity="high",
     keywords=["xoxa-", "xoxr-"],
     regex=r"\b(xox[ar]-(?:[0-9]{1,2}-)?[0-9A-Za-z]{8,64}(?:-[0-9A-Za-z]{4,64}){0,4})(?:[^0-9A-Za-z-]|$)",
     min_entropy=2.5,
     validate="slack-token",
     remediation=("Revoke it with the auth.revoke API or uninstall the workspace app at https://api.slack.com/apps, "
                  "migrate to a current Slack app, " + PURGE),
     examples=lambda g: [
         f'"access_token": "xoxa-2-{g.digits(12)}-{g.digits(12)}-{g.digits(13)}-{g.hex(64)}"',
         f"SLACK_TOKEN=xoxa-{g.s(DIGITS + LOWER, 12)}",
         f'"refresh_token": "xoxr-1-{g.s(DIGITS + LOWER, 12)}"',
         # ids written as non-random numbers; the secret after them is random
         f'slackToken = "xoxa-2-1212121212-3434343434-5656565656-{g.hex(18)}"',
     ],
     negative_examples=lambda g: [
         "https://github.com/xoxa-nyc/xoxa-nyc.github.io/blob/master/README.md",
         "SLACK_TOKEN=xoxa-xxxxxxxxxxxx",
         f"SLACK_TOKEN=xoxa-{g.alnum(5)}",
         "SLACK_TOKEN=xoxa-2-1212121212-3434343434-5656565656",
         "SLACK_TOKEN=xoxa-2-1212121212-3434343434-5656565656-abcdefabcdefabcdef",
     ])

rule("messaging",
     id="slack-app-token",
     description="Slack app-level token (xapp-)",
     severity="high",
     keywords=["xapp-"],
     regex=r"\b(xapp-[0-9]-[A-Z0-9]{8,12}-[0-9]{10,13}-[0-9A-Za-z]{64})\b",
     min_entropy=3.5,
     remediation=("Revoke it at https://api.slack.com/apps > your app > Basic Information > App-Level Tokens, "
                  "generate a new one, " + PURGE),
     examples=lambda g: [
         f"SLACK_APP_TOKEN=xapp-1-A{g.s(UPPER + DIGITS, 10)}-{g.digits(13)}-{g.hex(64)}",
         f'app_token: "xapp-1-A{g.s(UPPER + DIGITS, 10)}-{g.digits(13)}-{g.hex(64)}"',
     ],
     negative_examples=lambda g: [
         f"SLACK_APP_TOKEN=xapp-1-A{g.s(UPPER + DIGITS, 10)}-{g.digits(13)}-{g.hex(20)}",
         "SLACK_APP_TOKEN=xapp-your-app-token",
     ])

rule("messaging",
     id="slack-config-token",
     description="Slack app configuration access or refresh token (xoxe.xoxp-1-, xoxe-1-)",
     severity="high",
     keywords=["xoxe.xox", "xoxe-1-"],
     regex=r"\b(xoxe(?:\.xox[bp])?-1-[0-9A-Za-z]{100,250})\b",
     min_entropy=4.0,
     remediation=("Revoke it with the tooling.tokens.rotate / auth.revoke API or regenerate it at "
                  "https://api.slack.com/apps (Your App Configuration Tokens), " + PURGE),
     examples=lambda g: [
         f"SLACK_CONFIG_TOKEN=xoxe.xoxp-1-{g.alnum(160)}",
         f'refresh_token: "xoxe-1-{g.alnum(140)}"',
     ],
     negative_examples=lambda g: [
         f"SLACK_CONFIG_TOKEN=xoxe.xoxp-1-{g.alnum(30)}",
         "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-<config token>",
         "xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere",
     ])

rule("messaging",
     id="slack-webhook-url",
     description="Slack incoming webhook or workflow trigger URL",
     severity="medium",
     keywords=["hooks.slack.com"],
     regex=(r"(https://hooks\.slack\.com/(?:services/T[0-9A-Z]{8,12}/B[0-9A-Z]{8,12}/[0-9A-Za-z]{24}"
            r"|(?:workflows|triggers)/T[0-9A-Z]{8,12}/A[0-9A-Z]{8,12}/[0-9]{15,20}/[0-9a-f]{32}))\b"),
     min_entropy=3.5,
     remediation=("Remove the webhook at https://api.slack.com/apps > your app > Incoming Webhooks (or the "
                  "channel's integrations; for a workflow, the trigger in Workflow Builder), create a new one, "
                  + PURGE),
     examples=lambda g: [
         f"SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T{g.s(UPPER + DIGITS, 10)}/B{g.s(UPPER + DIGITS, 10)}/{g.alnum(24)}",
         f'webhook: "https://hooks.slack.com/services/T{g.s(UPPER + DIGITS, 8)}/B{g.s(UPPER + DIGITS, 11)}/{g.alnum(24)}"',
         f"curl -X POST -d '{{\"text\":\"deploy done\"}}' https://hooks.slack.com/services/T{g.s(UPPER + DIGITS, 9)}/B{g.s(UPPER + DIGITS, 9)}/{g.alnum(24)}",
         f"SLACK_WORKFLOW_URL=https://hooks.slack.com/triggers/T{g.s(UPPER + DIGITS, 10)}/A{g.s(UPPER + DIGITS, 10)}/{g.digits(16)}/{g.hex(32)}",
     ],
     negative_examples=lambda g: [
         "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
         "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/",
         f"SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T{g.s(UPPER + DIGITS, 10)}/B{g.s(UPPER + DIGITS, 10)}/{g.alnum(10)}",
     ])

# ============================== Telegram ==============================
# A bot token is `<bot id>:<35-char secret>`; current secrets start with "AA". Anywhere (keyword
# ":AA") the id:AA… shape is enough; next to a Telegram name (keyword "telegram", same line) any
# secret starting with "A" counts, as older and truncated tokens do (same or next line). The id
# follows a non-alphanumeric or the "bot" of an api.telegram.org/bot<token> URL, not "clm23301:A…".

rule("messaging",
     id="telegram-bot-token",
     description="Telegram Bot API token (<bot id>:<secret>)",
     severity="high",
     keywords=[":AA", "telegram"],
     regex=r"(?:(?m:^)|[^0-9A-Za-z]|bot)([0-9]{5,16}:A[0-9A-Za-z_-]{33,34})" + END_B64URL,
     min_entropy=3.5,
     window=48,
     remediation=("Send /revoke (or /token) to @BotFather in Telegram to invalidate it and get a new token, " + PURGE),
     examples=lambda g: [
         f"BOT_TOKEN={g.telegram()}",
         f"curl https://api.telegram.org/bot{g.telegram()}/getUpdates",
         f'bot = telebot.TeleBot("{g.telegram()}")',
         f'telegramToken := "{g.digits(5)}:A{g.s(B64URL, 34)}"',
         f"TELEGRAM_TOKEN={g.digits(16)}:A{g.s(DIGITS + LOWER + '_-', 34)}",
         f"{g.digits(10)}:AA{g.s(B64URL, 32)}",
     ],
     negative_examples=lambda g: [
         f"TELEGRAM_BOT_TOKEN={g.digits(9)}:AA{g.s(B64URL, 20)}",
         f"TELEGRAM_BOT_TOKEN={g.digits(4)}:AA{g.s(B64URL, 33)}",
         f'telegram_api_token = "{g.digits(17)}:A{g.s(B64URL, 34)}"',
         f'telegram_api_token = "{g.digits(8)}:A{g.s(B64URL, 35)}"',
         "mac = 00:aa:bb:cc:dd:ee",
         "TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
         'telegram_api_token = "<xsd:element type="clm23301:AgencyIdentificationCodeContentType"/>"',
     ])

# ============================== Discord ==============================

DISCORD_APPS = "https://discord.com/developers/applications"
# base64 of an ASCII decimal user id (17-20 digits): 4-char groups of 3 digits, then the
# unpadded encoding of 2 or 1 leftover digits
_DISCORD_ID = r"(?:[MNO][DTjz][AEIMQUYcgk][w-z0-5]){5,6}(?:[MNO][DTjz][AEIMQUYcgk]|[MNO][AQgw])?"
rule("messaging",
     id="discord-bot-token",
     description="Discord bot token",
     severity="high",
     keywords=["discord", "authorization: bot"],
     regex=(r"(?:(?i:discord)[^\r\n]{0,100}?|(?i:authorization)[\"']?\s*[:=]\s*[\"']?Bot\s+)"
            r"\b(" + _DISCORD_ID + r"\.[0-9A-Za-z_-]{6}\.[0-9A-Za-z_-]{27,40})" + END_B64URL),
     min_entropy=3.5,
     remediation=("Reset the token at https://discord.com/developers/applications > your app > Bot > Reset Token, "
                  + PURGE),
     examples=lambda g: [
         f"DISCORD_TOKEN={g.discord()}",
         f'discord_bot_token: "{g.discord()}"',
         f'const discordToken = "{g.discord()}";',
         f"Authorization: Bot {g.discord()}",
     ],
     negative_examples=lambda g: [
         f"DISCORD_TOKEN={g.alnum(24)}.{g.alnum(6)}.{g.alnum(27)}",
         f"DISCORD_CLIENT_ID={g.digits(18)}",
         f"DISCORD_TOKEN={g.jwt()}",
     ])

rule("messaging",
     id="discord-webhook-url",
     description="Discord webhook URL (id and token: anyone holding it can post to the channel)",
     severity="medium",
     keywords=["discord.com/api", "discordapp.com/api"],
     regex=(r"(https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/(?:v[0-9]{1,2}/)?webhooks/[0-9]{17,20}/"
            r"[0-9A-Za-z_-]{60,68})" + END_B64URL),
     min_entropy=3.5,
     remediation=("Delete the webhook (Server Settings > Integrations > Webhooks, or DELETE the URL), create a "
                  "new one, " + PURGE),
     examples=lambda g: [
         f"DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/{g.digits(19)}/{g.s(B64URL, 68)}",
         f'webhook_url: "https://discordapp.com/api/webhooks/{g.digits(18)}/{g.s(B64URL, 68)}"',
         f"curl -H 'Content-Type: application/json' -d '{{\"content\":\"hi\"}}' https://canary.discord.com/api/v10/webhooks/{g.digits(19)}/{g.s(B64URL, 68)}",
     ],
     negative_examples=lambda g: [
         "DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/{id}/{token}",
         f"DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/{g.digits(19)}/{g.s(B64URL, 20)}",
         "see https://discord.com/developers/docs/resources/webhook",
     ])

value_rule("messaging", "discord-client-secret",
           "Discord OAuth2 client secret (32 chars) under a Discord name",
           names="discord", value=token(C_B64URL, 32), make=lambda g: g.s(B64URL, 32),
           url=f"{DISCORD_APPS} > your app > OAuth2 > Reset Secret", severity="high", what="client secret",
           verb="Reset", words=["discord", "client", "secret"])

value_rule("messaging", "discord-client-id",
           "Discord application (client) ID under a Discord client/app id or token name (informative: "
           "identifies the app whose secret or token is usually nearby)",
           names="discord",
           tail=r"(?i:(?:[_.-]?(?:app|application|client|bot|oauth2?|api))*[_.-]?(?:id|token|key)(?:[ \t]+string)?)",
           value=r"([0-9]{17,20})" + END_ALNUM, make=lambda g: g.digits(g.r.randint(17, 19)),
           url=DISCORD_APPS, severity="low", min_entropy=2.6, short=False, words=["discord", "client", "id"],
           remediation=id_remediation("Discord application ID", "client secret or bot token",
                                      f"{DISCORD_APPS} > your app > OAuth2 / Bot"),
           extra_negatives=lambda g: [f"DISCORD_GUILD_ID={g.digits(18)}", f"discordChannelId: '{g.digits(18)}'",
                                      "discord=000000000000000000"])

value_rule("messaging", "discord-api-key",
           "Discord application key (64 hex) under a Discord name (usually the app's interaction public "
           "key; a secret when a token or signing key is stored in this form)",
           names="discord", value=token(C_HEX, 64), make=lambda g: g.hex(64),
           url=f"{DISCORD_APPS} > your app > General Information", severity="low", min_entropy=3.0,
           verb="Rotate", words=["discord", "api", "key"])

# ============================== Mattermost, Microsoft Teams, Zapier, Tines ==============================

named_rule("messaging", "mattermost-access-token",
           "Mattermost personal access or bot token (26 lowercase alphanumerics) under a Mattermost name",
           names=["mattermost"], cls=C_ALNUM_LOW, length=26,
           url="your Mattermost server (Profile > Security > Personal Access Tokens, or System Console > "
               "Integrations > Bot Accounts)", severity="high", what="token",
           words=["mattermost", "access", "token"])

rule("messaging",
     id="microsoft-teams-webhook-url",
     description="Microsoft Teams incoming webhook URL (Office 365 connector)",
     severity="medium",
     keywords=["webhook.office.com", "outlook.office.com/webhook", "outlook.office365.com/webhook"],
     regex=(r"(https://(?:[0-9A-Za-z-]{1,63}\.webhook\.office\.com/webhookb2|outlook\.office(?:365)?\.com/webhook)/"
            r"[0-9A-Za-z-]{36}@[0-9A-Za-z-]{36}/IncomingWebhook/[0-9A-Za-z]{32}/[0-9A-Za-z-]{36}"
            r"(?:/V2[0-9A-Za-z_-]{30,80})?)" + END_B64URL),
     min_entropy=3.5,
     remediation=("Remove the Incoming Webhook connector from the channel (channel > Manage channel > Connectors, "
                  "or the Workflows app), create a new one if still needed, " + PURGE),
     examples=lambda g: [
         f"TEAMS_WEBHOOK_URL=https://{g.s(LOWER, 7)}.webhook.office.com/webhookb2/{g.uuid()}@{g.uuid()}/IncomingWebhook/{g.hex(32)}/{g.uuid()}",
         f"  webhooks: https://outlook.office.com/webhook/{g.uuid()}@{g.uuid()}/IncomingWebhook/{g.hex(32)}/{g.uuid()}",
         f"url = 'https://{g.s(LOWER, 5)}.webhook.office.com/webhookb2/{g.uuid()}@{g.uuid()}/IncomingWebhook/{g.hex(32)}/{g.uuid()}/V2{g.s(B64URL, 43)}'",
     ],
     negative_examples=lambda g: [
         f"webhookUrl: 'https://outlook.office.com/webhook/{g.uuid()}@{g.uuid()}/JenkinsCI/{g.hex(32)}/{g.uuid()}'",
         "TEAMS_WEBHOOK_URL=https://contoso.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<id>/<owner>",
         f"TEAMS_WEBHOOK_URL=https://outlook.office.com/webhook/{g.uuid()}",
     ])

rule("messaging",
     id="zapier-webhook-url",
     description="Zapier catch-hook URL (triggers a Zap with whatever is posted)",
     severity="medium",
     keywords=["hooks.zapier.com"],
     regex=r"(https://hooks\.zapier\.com/hooks/catch/[0-9A-Za-z]{5,20}(?:/[0-9A-Za-z]{5,12})?)/?(?:[^0-9A-Za-z/]|$)",
     min_entropy=3.3,
     remediation=("Turn off the Zap at https://zapier.com/app/zaps and replace its 'Catch Hook' trigger (a new "
                  "trigger gets a new URL), " + PURGE),
     examples=lambda g: [
         f"ZAPIER_WEBHOOK=https://hooks.zapier.com/hooks/catch/{g.digits(7)}/{g.s(DIGITS + LOWER, 6)}/",
         f'fetch("https://hooks.zapier.com/hooks/catch/{g.digits(8)}/{g.s(DIGITS + LOWER, 7)}", {{ method: "POST" }})',
         f"  zap_url: https://hooks.zapier.com/hooks/catch/{g.s(DIGITS + LOWER, 16)}",
     ],
     negative_examples=lambda g: [
         "ZAPIER_WEBHOOK=https://hooks.zapier.com/hooks/catch/",
         "ZAPIER_WEBHOOK=https://hooks.zapier.com/hooks/catch/123/",
         "ZAPIER_WEBHOOK=https://hooks.zapier.com/hooks/catch/<account>/<hook>/",
     ])

rule("messaging",
     id="tines-webhook-url",
     description="Tines webhook action URL (its path and secret start a Tines story)",
     severity="medium",
     keywords=[".tines.com/webhook/", ".tines.io/webhook/"],
     regex=r"https://[0-9A-Za-z-]{1,63}\.tines\.(?:com|io)/webhook/([0-9a-f]{32}/[0-9a-f]{32})\b",
     min_entropy=3.0,
     remediation=("Change the secret (and path) of the story's Webhook action in Tines, update the senders, "
                  + PURGE),
     examples=lambda g: [
         f"TINES_WEBHOOK=https://{g.s(LOWER, 6)}-{g.s(LOWER, 5)}.tines.com/webhook/{g.hex(32)}/{g.hex(32)}",
         f'  url: "https://{g.s(LOWER, 8)}.tines.io/webhook/{g.hex(32)}/{g.hex(32)}"',
     ],
     negative_examples=lambda g: [
         "TINES_WEBHOOK=https://tenant.tines.com/webhook/<path>/<secret>",
         f"TINES_WEBHOOK=https://{g.s(LOWER, 6)}.tines.com/webhook/{g.hex(32)}",
     ])

# ============================== LINE ==============================
# "line" is everywhere in code: only compound names (LINE_CHANNEL_*, line_bot_*, line_token,
# channelAccessToken / channelSecret of the LINE SDKs, LINE Notify) are used.

LINE_CONSOLE = "https://developers.line.biz/console/ (your channel > Messaging API"
LINE_TOKEN_KEYWORDS = (["line" + sep + w for w in ("channel", "bot", "messaging", "access", "token")
                        for sep in ("", "_", "-", ".")]
                       + ["channel_access_token", "channelaccesstoken", "channel-access-token",
                          "channel.access.token"])
# no letter or digit before "line": not pipeline_token, deadlineToken, inline-bot
LINE_START = r"(?:(?m:^)|[^0-9A-Za-z])"

value_rule("messaging", "line-channel-access-token",
           "LINE Messaging API channel access token (long-lived, ~172 base64 chars)",
           names=LINE_START + r"line[_.-]?(?:channel|bot|messaging|access)[\w.-]{0,24}?token"
                 r"|" + LINE_START + r"line[_.-]?token|channel[_.-]?access[_.-]?token",
           keywords=LINE_TOKEN_KEYWORDS,
           value=r"([0-9A-Za-z+/]{150,200}={0,2})" + END_B64,
           make=lambda g: g._clean(lambda: b64(g.bytes(128))[:171] + "="),
           url=f"{LINE_CONSOLE} > Channel access token > Reissue)", severity="high", what="token",
           verb="Reissue", words=["line", "channel", "access", "token"], min_entropy=4.5, short=False,
           extra_negatives=lambda g: [f"LINE_CHANNEL_ACCESS_TOKEN={b64(g.bytes(60))}",
                                      f"PIPELINE_TOKEN={b64(g.bytes(128))}"])

value_rule("messaging", "line-channel-secret",
           "LINE channel secret (32 hex) under a LINE channel-secret name",
           names=LINE_START + r"line[_.-]?(?:channel[_.-]?|bot[_.-]?)?secret|channel[_.-]?secret",
           keywords=(["line" + sep + w for w in ("channel", "bot", "secret") for sep in ("", "_", "-", ".")]
                     + ["channel_secret", "channelsecret", "channel-secret", "channel.secret"]),
           value=token(C_HEX, 32), make=lambda g: g.hex(32), min_entropy=3.0,
           url=f"{LINE_CONSOLE} > Basic settings > Channel secret > Issue)", severity="high", what="secret",
           verb="Reissue", words=["line", "channel", "secret"])

value_rule("messaging", "line-notify-token",
           "LINE Notify personal access token (43 chars; the service closed in 2025, old tokens linger)",
           names=LINE_START + r"line[_.-]?notify",
           keywords=["linenotify", "line_notify", "line-notify", "line.notify"],
           value=r"([0-9A-Za-z]{40,56})" + END_ALNUM, make=lambda g: g.alnum(43), short=False,
           url="https://notify-bot.line.me/my/ (Connected services > Disconnect)", severity="medium",
           what="token", words=["line", "notify", "token"])

# ============================== SMS, voice and chat APIs ==============================

value_rule("messaging", "telnyx-api-key",
           "Telnyx API v2 key (KEY…) under a Telnyx name",
           names="telnyx", value=r"(KEY[0-9A-Za-z_-]{50,64})" + END_B64URL,
           make=lambda g: f"KEY{g.s(HEX.upper(), 32)}_{g.alnum(22)}", short=False,
           url="https://portal.telnyx.com/#/app/api-keys", severity="high",
           extra_negatives=lambda g: [f"TELNYX_PUBLIC_KEY={b64(g.bytes(32))}"])

value_rule("messaging", "messagebird-api-key",
           "MessageBird (Bird) API access key (25 alphanumerics) under a MessageBird name",
           names=r"message[_.-]?bird", keywords=["messagebird", "message_bird", "message-bird", "message.bird"],
           value=token(C_ALNUM, 25), make=lambda g: g.alnum(25),
           url="https://dashboard.messagebird.com/developers/access (or app.bird.com > Settings > Access keys)",
           severity="high", what="access key", words=["messagebird", "access", "key"])

value_rule("messaging", "messagebird-client-id",
           "MessageBird (Bird) client/organization ID (UUID) under a MessageBird name",
           names=r"message[_.-]?bird", keywords=["messagebird", "message_bird", "message-bird", "message.bird"],
           value=rf"({UUID_ANY})\b", make=upper_uuid, short=False, min_entropy=3.0,
           url="https://dashboard.messagebird.com/developers/access", severity="low",
           words=["messagebird", "client", "id"],
           remediation=id_remediation("MessageBird client ID", "access key",
                                      "https://dashboard.messagebird.com/developers/access"))

value_rule("messaging", "vonage-api-secret",
           "Vonage (Nexmo) API secret (16 alphanumerics) under a Vonage/Nexmo secret name",
           names=r"vonage|nexmo", keywords=["vonage", "nexmo"],
           tail=r"(?i:[\w.-]{0,16}?secret)\w{0,8}", value=token(C_ALNUM, 16), make=lambda g: g.alnum(16),
           url="https://dashboard.nexmo.com/settings (API settings > rotate the secret)", severity="high",
           what="API secret", verb="Rotate", words=["vonage", "api", "secret"],
           extra_negatives=lambda g: [f"VONAGE_API_KEY={g.hex(8)}"])

value_rule("messaging", "plivo-auth-id",
           "Plivo auth ID (MA/SA + 18 uppercase alphanumerics) under a Plivo name",
           names="plivo", value=r"([MS]A[0-9A-Z]{18})" + END_ALNUM,
           make=lambda g: g.r.choice("MS") + "A" + g.s(UPPER + DIGITS, 18), min_entropy=3.0,
           url="https://console.plivo.com/dashboard/", severity="medium", what="auth token of this account",
           verb="Rotate", words=["plivo", "auth", "id"])

value_rule("messaging", "plivo-auth-token",
           "Plivo auth token (40 alphanumerics) under a Plivo name",
           names="plivo", value=token(C_ALNUM, 40), make=lambda g: g.alnum(40),
           url="https://console.plivo.com/dashboard/ (Account > Auth Token > Regenerate)", severity="high",
           what="auth token", verb="Regenerate", words=["plivo", "auth", "token"])

value_rule("messaging", "sinch-api-token",
           "Sinch SMS REST API token (32 hex) under a Sinch token/secret name",
           names="sinch", tail=r"(?i:[\w.-]{0,16}?(?:token|secret))\w{0,4}", value=token(C_ALNUM, 32),
           make=lambda g: g.hex(32), min_entropy=3.0,
           url="https://dashboard.sinch.com/settings/access-keys (SMS > APIs > REST API tokens)", severity="high",
           what="token", words=["sinch", "api", "token"],
           extra_negatives=lambda g: [f"SINCH_SERVICE_PLAN_ID={g.hex(32)}"])

value_rule("messaging", "sendbird-api-token",
           "Sendbird API token (40 hex) under a Sendbird name",
           names="sendbird", value=token(C_HEX, 40), make=lambda g: g.hex(40), min_entropy=3.0,
           url="https://dashboard.sendbird.com (Settings > Application > General > API tokens)", severity="high",
           what="API token", words=["sendbird", "api", "token"])

value_rule("messaging", "sendbird-app-id",
           "Sendbird application ID (UUID) under a Sendbird name (identifies the app of a nearby API token)",
           names="sendbird", value=rf"({UUID_ANY})\b", make=upper_uuid, short=False, min_entropy=3.0,
           url="https://dashboard.sendbird.com (Settings > Application > General)", severity="low",
           words=["sendbird", "app", "id"],
           remediation=id_remediation("Sendbird application ID", "API token",
                                      "https://dashboard.sendbird.com (Settings > Application > General > API tokens)"))

PUBNUB_REM = ("https://admin.pubnub.com (the keyset: create a new keyset and move clients to it; enable Access "
              "Manager so the keys alone grant nothing)")
rule("messaging",
     id="pubnub-publish-key",
     description="PubNub publish key (pub-c-UUID)",
     severity="medium",
     keywords=["pub-c-"],
     regex=r"\b(pub-c-[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12})\b",
     min_entropy=3.0,
     remediation=remediation_at(PUBNUB_REM, "publish key", "Replace"),
     examples=lambda g: [
         f"PUBNUB_PUBLISH_KEY=pub-c-{g.uuid()}",
         f"pubnub = PubNub(publishKey: 'pub-c-{g.uuid()}', subscribeKey: 'sub-c-{g.uuid()}')",
         f'  "publishKey": "pub-c-{g.uuid()}",',
     ],
     negative_examples=lambda g: [
         "PUBNUB_PUBLISH_KEY=pub-c-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
         f"PUBNUB_PUBLISH_KEY=pub-c-{g.hex(8)}",
         "PUBNUB_PUBLISH_KEY=pub-c-<your publish key>",
     ])

rule("messaging",
     id="pubnub-subscribe-key",
     description="PubNub subscribe key (sub-c-UUID; ships in clients, a secret only without Access Manager)",
     severity="low",
     keywords=["sub-c-"],
     regex=r"\b(sub-c-[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12})\b",
     min_entropy=3.0,
     remediation=remediation_at(PUBNUB_REM, "subscribe key", "Replace"),
     examples=lambda g: [
         f"PUBNUB_SUBSCRIBE_KEY=sub-c-{g.uuid()}",
         f'  subscribeKey: "sub-c-{g.uuid()}",',
     ],
     negative_examples=lambda g: [
         "PUBNUB_SUBSCRIBE_KEY=sub-c-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
         f"PUBNUB_SUBSCRIBE_KEY=sub-c-{g.hex(12)}",
     ])

rule("messaging",
     id="pubnub-secret-key",
     description="PubNub secret key (sec-c-…, signs Access Manager grants)",
     severity="high",
     keywords=["sec-c-"],
     regex=r"\b(sec-c-[0-9A-Za-z]{40,60})" + END_B64,
     min_entropy=3.5,
     remediation=remediation_at(PUBNUB_REM, "secret key", "Replace"),
     examples=lambda g: [
         f"PUBNUB_SECRET_KEY=sec-c-{g.alnum(48)}",
         f'pnconfig.secret_key = "sec-c-{g.alnum(48)}"',
     ],
     negative_examples=lambda g: [
         f"PUBNUB_SECRET_KEY=sec-c-{g.alnum(20)}",
         "PUBNUB_SECRET_KEY=sec-c-<your secret key>",
     ])

value_rule("messaging", "pusher-app-secret",
           "Pusher Channels app secret (20 hex) under a Pusher secret name",
           names="pusher", tail=r"(?i:[\w.-]{0,16}?secret)\w{0,8}", value=token(C_HEX, 20),
           make=lambda g: g.hex(20), min_entropy=3.0,
           url="https://dashboard.pusher.com (your app > App Keys > create a new key, delete the old one)",
           severity="high", what="app secret", words=["pusher", "app", "secret"],
           extra_negatives=lambda g: [f"PUSHER_APP_KEY={g.hex(20)}"])

value_rule("messaging", "mesibo-app-token",
           "Mesibo app token (64 alphanumerics) under a Mesibo name",
           names="mesibo", value=token(C_ALNUM, 64), make=lambda g: g.alnum(64), min_entropy=3.0,
           url="https://console.mesibo.com (your app > Settings > App token)", severity="high", what="app token",
           words=["mesibo", "app", "token"])

value_rule("messaging", "onesignal-api-key",
           "OneSignal REST API / user auth key (os_v2_… or legacy) under a OneSignal key name",
           names="onesignal", keywords=["onesignal"],
           tail=r"(?i:(?:[_.-]?(?:rest|user|auth|app|org|api|secret))*[_.-]?(?:key|token|secret))",
           value=rf"(os_v2_(?:app|org)_[a-z2-7]{{80,120}}|[0-9A-Za-z]{{48}}|{UUID_RE})" + END_ALNUM,
           make=lambda g: g.r.choice([lambda: "os_v2_app_" + g.s(LOWER + "234567", 113),
                                      lambda: b64(g.bytes(36)).replace("+", "a").replace("/", "b")])(),
           short=False, url="https://dashboard.onesignal.com (Settings > Keys & IDs)", severity="high",
           words=["onesignal", "rest", "api", "key"],
           extra_examples=lambda g: [f"ONESIGNAL_SECRET_KEY={g.uuid()}"],
           extra_negatives=lambda g: [f"ONESIGNAL_APP_ID={g.uuid()}"])

value_rule("messaging", "pushbullet-access-token",
           "Pushbullet access token (o.… 34 chars) under a Pushbullet name",
           names="pushbullet", value=r"((?:o\.)?[0-9A-Za-z]{32,34})" + END_ALNUM,
           make=lambda g: "o." + g.alnum(32), short=False,
           url="https://www.pushbullet.com/#settings/account (Access Tokens)", severity="high", what="token",
           words=["pushbullet", "access", "token"])

value_rule("messaging", "voodoosms-api-key",
           "VoodooSMS API key under a VoodooSMS name",
           names=r"voodoo[_.-]?sms", keywords=["voodoosms", "voodoo_sms", "voodoo-sms", "voodoo.sms"],
           value=r"([0-9A-Za-z]{40,50})" + END_ALNUM, make=lambda g: g.alnum(46), short=False,
           url="https://www.voodoosms.com/portal/ (Account > API keys)", severity="high",
           words=["voodoosms", "api", "key"])

value_rule("messaging", "mailjet-sms-token",
           "Mailjet SMS API token (32 alphanumerics) under a Mailjet SMS/token name",
           names="mailjet", keywords=["mailjet"],
           tail=r"(?i:(?:[_.-]?sms)?(?:[_.-]?api)?(?:[_.-]?(?:token|bearer))?)",
           value=token(C_ALNUM, 32), make=lambda g: g.alnum(32),
           url="https://app.mailjet.com/sms (SMS > API token)", severity="high", what="token",
           words=["mailjet", "sms", "token"],
           extra_negatives=lambda g: [f"MAILJET_API_KEY={g.alnum(32)}", f"MAILJET_SECRET_KEY={g.alnum(32)}"])
