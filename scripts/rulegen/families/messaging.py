"""Rules of the messaging family."""
from rulegen.core import *  # noqa: F401,F403

# ============================== messaging ==============================

SLACK_REMEDIATION = ("Revoke it (https://api.slack.com/apps > your app > OAuth & Permissions > Revoke / rotate, "
                     "or the auth.revoke API), reinstall the app to get a new token, " + PURGE)

rule("messaging",
     id="slack-bot-token",
     description="Slack bot token (xoxb-)",
     severity="high",
     keywords=["xoxb-"],
     regex=r"\b(xoxb-[0-9]{8,13}-(?:[0-9]{8,13}-)?[0-9A-Za-z]{20,34})\b",
     min_entropy=3.5,
     remediation=SLACK_REMEDIATION,
     examples=lambda g: [
         f"SLACK_BOT_TOKEN=xoxb-{g.digits(12)}-{g.digits(13)}-{g.alnum(24)}",
         f'slack:\n  token: "xoxb-{g.digits(11)}-{g.digits(13)}-{g.alnum(24)}"',
         f'client = WebClient(token="xoxb-{g.digits(12)}-{g.digits(12)}-{g.alnum(24)}")',
     ],
     negative_examples=lambda g: [
         f"SLACK_BOT_TOKEN=xoxb-{g.digits(12)}-{g.alnum(16)}",
         "SLACK_BOT_TOKEN=xoxb-your-bot-token",
         f"SLACK_BOT_TOKEN=xoxb-{g.digits(12)}-{g.digits(13)}-{g.alnum(12)}",
     ])

rule("messaging",
     id="slack-user-token",
     description="Slack user token (xoxp-, also xoxe- export tokens)",
     severity="high",
     keywords=["xoxp-", "xoxe-"],
     regex=r"\b(xox[pe]-[0-9]{8,13}-[0-9]{8,13}-[0-9]{8,13}-[0-9A-Za-z]{28,34})\b",
     min_entropy=3.5,
     remediation=SLACK_REMEDIATION,
     examples=lambda g: [
         f"SLACK_USER_TOKEN=xoxp-{g.digits(12)}-{g.digits(12)}-{g.digits(13)}-{g.hex(32)}",
         f'"slack_token": "xoxp-{g.digits(11)}-{g.digits(12)}-{g.digits(13)}-{g.hex(32)}"',
     ],
     negative_examples=lambda g: [
         f"SLACK_USER_TOKEN=xoxp-{g.digits(12)}-{g.digits(12)}-{g.hex(32)}",
         "SLACK_USER_TOKEN=xoxp-xxxxxxxxxxxx-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
     ])

rule("messaging",
     id="slack-app-token",
     description="Slack app-level token (xapp-)",
     severity="high",
     keywords=["xapp-"],
     regex=r"\b(xapp-[0-9]-[A-Z0-9]{8,12}-[0-9]{10,13}-[0-9a-f]{64})\b",
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
     ])

rule("messaging",
     id="slack-webhook-url",
     description="Slack incoming webhook URL",
     severity="medium",
     keywords=["hooks.slack.com"],
     regex=r"(https://hooks\.slack\.com/services/T[0-9A-Z]{8,12}/B[0-9A-Z]{8,12}/[0-9A-Za-z]{24})\b",
     min_entropy=3.5,
     remediation=("Remove the webhook at https://api.slack.com/apps > your app > Incoming Webhooks (or the "
                  "channel's integrations), create a new one, " + PURGE),
     examples=lambda g: [
         f"SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T{g.s(UPPER + DIGITS, 10)}/B{g.s(UPPER + DIGITS, 10)}/{g.alnum(24)}",
         f'webhook: "https://hooks.slack.com/services/T{g.s(UPPER + DIGITS, 8)}/B{g.s(UPPER + DIGITS, 11)}/{g.alnum(24)}"',
         f"curl -X POST -d '{{\"text\":\"deploy done\"}}' https://hooks.slack.com/services/T{g.s(UPPER + DIGITS, 9)}/B{g.s(UPPER + DIGITS, 9)}/{g.alnum(24)}",
     ],
     negative_examples=lambda g: [
         "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
         "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/",
         f"SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T{g.s(UPPER + DIGITS, 10)}/B{g.s(UPPER + DIGITS, 10)}/{g.alnum(10)}",
     ])

rule("messaging",
     id="telegram-bot-token",
     description="Telegram Bot API token",
     severity="high",
     keywords=[":AA"],
     regex=r"(?:^|[^0-9])([0-9]{8,10}:AA[0-9A-Za-z_-]{33})" + END_B64URL,
     min_entropy=3.5,
     remediation=("Send /revoke (or /token) to @BotFather in Telegram to invalidate it and get a new token, " + PURGE),
     examples=lambda g: [
         f"TELEGRAM_BOT_TOKEN={g.telegram()}",
         f"curl https://api.telegram.org/bot{g.telegram()}/getUpdates",
         f'bot = telebot.TeleBot("{g.telegram()}")',
     ],
     negative_examples=lambda g: [
         f"TELEGRAM_BOT_TOKEN={g.digits(9)}:AA{g.s(B64URL, 20)}",
         f"TELEGRAM_BOT_TOKEN={g.digits(5)}:AA{g.s(B64URL, 33)}",
         "mac = 00:aa:bb:cc:dd:ee",
         "TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
     ])

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
