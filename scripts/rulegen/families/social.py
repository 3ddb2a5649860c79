"""Rules of the social family: social networks and media APIs (X/Twitter, Meta/Facebook, Instagram,
LinkedIn, Twitch, Reddit, Pinterest, Flickr, Vimeo, SoundCloud, Spotify, Giphy, Unsplash,
Shutterstock, Iconfinder, Yelp, Foursquare, New York Times), link shorteners (Bitly, Rebrandly,
T.LY) and customer-support / chat platforms (Intercom, Front, Help Scout, Zendesk, Freshdesk,
Groove, BeSnappy, SherpaDesk, Teamwork, Beamer, Ayrshare, ChatBot, Chatfuel, Cliengo, Instabot).

Most of these keys carry no prefix: they are found by the provider's name right before the value
(core.value_rule / core.named_rule), and told apart by alphabet and exact length.
"""
from rulegen.core import *  # noqa: F401,F403
from rulegen.families.messaging import SECRET_TAIL, id_remediation

# ============================== social ==============================

FAMILY = "social"
JWT_VALUE = r"eyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{16,}"
# not inside a base64 blob: no base64 byte right before or after
NOT_B64_BEFORE = r"(?:(?m:^)|[^0-9A-Za-z+/])"
NOT_B64_AFTER = r"(?:[^0-9A-Za-z+/=_-]|$)"


# --- X / Twitter ------------------------------------------------------------------------------------
# All under a Twitter name; told apart by length: consumer (API) key 18-25 (under a key/secret/token/id
# name: CamelCase words of that length are common under other Twitter names),
# consumer secret 35-43 or 50, access-token secret 44-46, access token <user id>-<alnum>.
X_PORTAL = "https://developer.x.com/en/portal/dashboard (your app > Keys and tokens"
TWITTER_NAMES = r"twitter"

value_rule(FAMILY, "twitter-api-key",
           "X (Twitter) API key / consumer key (18-25 alphanumerics) under a Twitter name",
           names=TWITTER_NAMES, keywords=["twitter"], value=r"([0-9A-Za-z]{18,25})" + END_ALNUM,
           tail=r"(?i:[\w.-]{0,20}?(?:secret|token|key|password|auth|credential|api|consumer)[\w.-]{0,6}|[_.-]?id)",
           make=lambda g: g.alnum(25), short=False, min_entropy=3.5,
           url=f"{X_PORTAL} > Consumer keys > Regenerate)", severity="high", verb="Regenerate",
           words=["twitter", "api", "key"],
           extra_negatives=lambda g: [f"TWITTER_USER_ID={g.digits(19)}", "twitter_handle: jack_dorsey_1234",
                                      'const twitterWidget = "TwitterTimelineEmbedded";'])

value_rule(FAMILY, "twitter-api-secret",
           "X (Twitter) API secret / consumer secret (50, or older 35-43 alphanumerics) under a Twitter name",
           names=TWITTER_NAMES, keywords=["twitter"],
           value=r"([0-9A-Za-z]{50}|[0-9A-Za-z]{35,43})" + END_ALNUM, make=lambda g: g.alnum(50), short=False,
           url=f"{X_PORTAL} > Consumer keys > Regenerate)", severity="high", what="key and secret",
           verb="Regenerate", words=["twitter", "api", "secret"],
           extra_negatives=lambda g: [f"TWITTER_API_SECRET={g.alnum(48)}"])

value_rule(FAMILY, "twitter-access-token-secret",
           "X (Twitter) OAuth 1.0a access token secret (45 alphanumerics) under a Twitter name",
           names=TWITTER_NAMES, keywords=["twitter"], value=r"([0-9A-Za-z]{44,46})" + END_ALNUM,
           make=lambda g: g.alnum(45), short=False,
           url=f"{X_PORTAL} > Authentication tokens > Access token and secret > Regenerate)", severity="high",
           what="access token and secret", verb="Regenerate", words=["twitter", "access", "token", "secret"],
           extra_negatives=lambda g: [f"TWITTER_ACCESS_TOKEN_SECRET={g.alnum(40)}"])

value_rule(FAMILY, "twitter-access-token",
           "X (Twitter) OAuth 1.0a access token (<user id>-<alphanumerics>) under a Twitter name",
           names=TWITTER_NAMES, keywords=["twitter"], value=r"([0-9]{1,20}-[0-9A-Za-z]{20,50})" + END_ALNUM,
           make=lambda g: f"{g.digits(g.r.randint(9, 19))}-{g.alnum(40)}", short=False,
           url=f"{X_PORTAL} > Authentication tokens > Access token and secret > Regenerate)", severity="high",
           what="access token and secret", verb="Regenerate", words=["twitter", "access", "token"])

# App-only bearer tokens start with a run of "A"s (and hold a second run): the engine's placeholder
# filter drops secrets with 8 equal bytes in a row, so the finding is the random part after the runs.
# Only on a line that says twitter or bearer.
rule(FAMILY,
     id="twitter-bearer-token",
     description="X (Twitter) app-only bearer token (AAAA…%…) on a line naming Twitter or a bearer token",
     severity="high",
     keywords=["twitter", "bearer"],
     regex=r"(?:(?m:^)|[^0-9A-Za-z])A{18,24}[0-9A-Za-z]{1,10}?A{4,12}([0-9A-Za-z%]{40,180})(?:[^0-9A-Za-z%]|$)",
     min_entropy=4.0,
     window=48,
     remediation=remediation_at(f"{X_PORTAL} > Bearer token > Regenerate)", "bearer token", "Regenerate"),
     examples=lambda g: [
         f"TWITTER_BEARER_TOKEN={'A' * 22}{g.alnum(4)}{'A' * 8}{g.alnum(12)}%2B{g.alnum(20)}%3D{g.alnum(50)}",
         f"curl -H 'Authorization: Bearer {'A' * 22}{g.alnum(5)}{'A' * 8}{g.alnum(30)}%3D{g.alnum(46)}' https://api.x.com/2/tweets",
         f'  bearer_token: "{"A" * 21}{g.alnum(4)}{"A" * 8}{g.alnum(80)}"',
     ],
     negative_examples=lambda g: [
         f"TWITTER_BEARER_TOKEN={'A' * 22}{'A' * 10}",
         "TWITTER_BEARER_TOKEN=<your-bearer-token>",
         f"data = '{'A' * 22}{g.alnum(4)}{'A' * 8}{g.alnum(80)}'",
     ])

# --- Meta: Facebook, Instagram ---
# Graph tokens start EAA + app letter (EAAB, EAACEd…, EAAG, EAAAAU…); Square access tokens start EAAA
# + [^A]: those are not Facebook's.---------------------------------------------------------------------
META_APPS = "https://developers.facebook.com/apps"
FB_START = r"(?:(?m:^)|[^0-9A-Za-z])"
value_rule(FAMILY, "facebook-app-secret",
           "Facebook (Meta) app secret (32 hex) under a Facebook / fb key or secret name",
           names=r"facebook|" + FB_START + r"fb[_.-]?(?:app[_.-]?)?(?:api[_.-]?)?(?:secret|key|token)",
           keywords=["facebook"] + compound_keywords(["fb"], ["app", "api", "secret", "key", "token"]),
           value=token(C_HEX, 32), make=lambda g: g.hex(32), min_entropy=3.0,
           url=f"{META_APPS} (your app > App settings > Basic > App secret > Reset)", severity="high",
           what="app secret", verb="Reset", words=["facebook", "app", "secret"],
           extra_examples=lambda g: [f"    var fbApiKey = '{g.hex(32)}';",
                                     f'"facebook appSecret = "{g.hex(32)}"'],
           extra_negatives=lambda g: [f'\\"fbconnectkey\\";s:32:\\"{g.hex(32)}\\";',
                                      f"FACEBOOK_APP_ID={g.digits(16)}"])

rule(FAMILY,
     id="facebook-access-token",
     description="Facebook (Meta) Graph API user, page or system-user access token (EAA…)",
     severity="high",
     keywords=["EAA"],
     # No upper bound on the length: `{27,400}` was 400 regex states, the most costly regex to
     # compile of those that ordinary code wakes (`eaa` is in words), for no precision (tokens
     # are ~200 characters, and the edges already keep base64 blobs out).
     regex=NOT_B64_BEFORE + r"(EAA(?:AAU|[0-9B-Za-z])[0-9A-Za-z]{27,})" + NOT_B64_AFTER,
     min_entropy=3.8,
     remediation=remediation_at("https://developers.facebook.com/tools/debug/accesstoken/ (check it; invalidate "
                                "it by removing the app's access in Settings > Apps and Websites, or reset the "
                                f"system user's token in Business Settings; app secret at {META_APPS})",
                                "token", "Invalidate"),
     examples=lambda g: [
         f"FACEBOOK_ACCESS_TOKEN=EAA{g.r.choice('BCGJ')}{g.alnum(180)}",
         f"url = 'https://graph.facebook.com/me/friends?access_token=EAACEd{g.alnum(150)}'",
         f'  page_token: "EAAG{g.alnum(200)}"',
         f"fb_token = 'EAAAAU{g.alnum(190)}'",
     ],
     negative_examples=lambda g: [
         f"FACEBOOK_ACCESS_TOKEN=EAA{g.alnum(20)}",
         f"blob = MIIB{g.alnum(20)}/EAA{g.alnum(60)}+{g.alnum(20)}",
         "FACEBOOK_ACCESS_TOKEN=EAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
         f"SQUARE_ACCESS_TOKEN=EAAA{g.alnum(60)}",
     ])

rule(FAMILY,
     id="facebook-app-access-token",
     description="Facebook (Meta) app access token (<app id>|<secret>) near a Facebook name",
     severity="high",
     keywords=["facebook"],
     regex=r"(?i:facebook)[^\r\n]{0,80}?[^0-9]([0-9]{15,16}\|(?:[0-9A-Za-z_-]{27}|[0-9a-f]{32}))" + END_B64URL,
     min_entropy=3.5,
     remediation=remediation_at(f"{META_APPS} (your app > App settings > Basic > App secret > Reset: app "
                                "tokens derive from the secret)", "app secret", "Reset"),
     examples=lambda g: [
         f"facebook {g.digits(16)}|{g.s(B64URL, 27)}",
         f'{{"facebook access_token":"{g.digits(15)}|{g.s(B64URL, 27)}","token_type":"bearer"}}',
         f"FACEBOOK_APP_TOKEN={g.digits(16)}|{g.hex(32)}",
     ],
     negative_examples=lambda g: [
         f"facebook {g.digits(16)}|{g.s(B64URL, 12)}",
         f"FACEBOOK_APP_ID={g.digits(16)}",
         f"row = {g.digits(16)}|{g.s(B64URL, 27)}",
     ])

rule(FAMILY,
     id="instagram-access-token",
     description="Instagram API access token (IGQV… Basic Display, IGAA… Instagram Login)",
     severity="high",
     keywords=["IGQV", "IGAA"],
     regex=NOT_B64_BEFORE + r"(IG(?:QV|AA)[0-9A-Za-z_-]{100,300})" + NOT_B64_AFTER,
     min_entropy=4.0,
     remediation=remediation_at(f"{META_APPS} (your app > Instagram > remove the tester / reset the app secret; "
                                "the user can revoke it under Apps and Websites)", "token", "Invalidate"),
     examples=lambda g: [
         f"INSTAGRAM_ACCESS_TOKEN=IGQVJ{g.s(B64URL, 180)}",
         f'  "instagram_token": "IGAA{g.alnum(150)}",',
         f"curl 'https://graph.instagram.com/me?fields=id,username&access_token=IGQWR{g.s(B64URL, 160)}'".replace("IGQWR", "IGQVJ"),
     ],
     negative_examples=lambda g: [
         f"INSTAGRAM_ACCESS_TOKEN=IGQVJ{g.s(B64URL, 40)}",
         f"blob = {g.alnum(20)}/IGAA{g.alnum(120)}+{g.alnum(10)}",
         "INSTAGRAM_ACCESS_TOKEN=<your-token>",
     ])

# --- LinkedIn, Twitch, Reddit, Pinterest ---------------------------------------------------------------
LINKEDIN_APPS = "https://www.linkedin.com/developers/apps (your app > Auth"
value_rule(FAMILY, "linkedin-client-secret",
           "LinkedIn app client secret (16 alphanumerics, or WPL_AP1.…) under a LinkedIn name",
           names="linkedin", tail=SECRET_TAIL, value=r"([0-9A-Za-z]{16}|WPL_AP1\.[0-9A-Za-z]{8,24}\.[0-9A-Za-z+/]{4,40}={0,2})"
                                   + END_B64,
           make=lambda g: g.alnum(16), url=f"{LINKEDIN_APPS} > Generate a new client secret)", severity="high",
           what="client secret", verb="Rotate", words=["linkedin", "client", "secret"],
           extra_examples=lambda g: [f"LINKEDIN_CLIENT_SECRET=WPL_AP1.{g.alnum(16)}.{g.alnum(8)}=="])

value_rule(FAMILY, "linkedin-client-id",
           "LinkedIn app client ID (12-14 lowercase alphanumerics) under a LinkedIn client-id / key name "
           "(informative: its secret is usually nearby)",
           names="linkedin", tail=r"(?i:[_.-]?(?:client[_.-]?id|app[_.-]?id|api[_.-]?key|key|consumer[_.-]?key))",
           value=r"([0-9a-z]{12,14})" + END_ALNUM, make=lambda g: g.s(DIGITS + LOWER, 14), short=False,
           min_entropy=3.0, url=f"{LINKEDIN_APPS})", severity="low", words=["linkedin", "client", "id"],
           remediation=id_remediation("LinkedIn client ID", "client secret",
                                      f"{LINKEDIN_APPS} > Generate a new client secret)"),
           extra_negatives=lambda g: [f"linkedin_username: {g.s(LOWER, 10)}ab"])

value_rule(FAMILY, "twitch-api-token",
           "Twitch OAuth access token or client secret (30 lowercase alphanumerics) under a Twitch name",
           names="twitch", tail=r"(?i:[\w.-]{0,20}?(?:secret|token|key|oauth|password))\w{0,4}",
           value=r"(?:oauth:)?([0-9a-z]{30})" + END_ALNUM, make=lambda g: g.s(DIGITS + LOWER, 30),
           url="https://dev.twitch.tv/console/apps (your app > New Secret; tokens: revoke via "
               "https://id.twitch.tv/oauth2/revoke)", severity="high", what="secret or token",
           words=["twitch", "client", "secret"],
           extra_examples=lambda g: [f"TWITCH_OAUTH_TOKEN=oauth:{g.s(DIGITS + LOWER, 30)}"],
           extra_negatives=lambda g: [f"TWITCH_CLIENT_ID={g.s(DIGITS + LOWER, 30)}"])

rule(FAMILY,
     id="twitch-stream-key",
     description="Twitch stream key (live_<user id>_<30 alphanumerics>)",
     severity="medium",
     keywords=["live_"],
     regex=r"\b(live_[0-9]{5,12}_[0-9A-Za-z]{30})\b",
     min_entropy=3.5,
     remediation=remediation_at("https://dashboard.twitch.tv/settings/stream (Primary Stream key > Reset)",
                                "stream key", "Reset"),
     examples=lambda g: [
         f"STREAM_KEY=live_{g.digits(9)}_{g.alnum(30)}",
         f"ffmpeg -re -i in.mp4 -f flv rtmp://live.twitch.tv/app/live_{g.digits(9)}_{g.alnum(30)}",
         f'  "twitch_stream_key": "live_{g.digits(8)}_{g.alnum(30)}",',
     ],
     negative_examples=lambda g: [
         f"live_{g.digits(9)}_{g.alnum(25)}",
         f'TWITCH_STREAM_KEY = "{g.digits(9)}_{g.alnum(30)}"',
         'stream_url: "rtmp://live.twitch.tv/app/STREAM_KEY"',
         f"is_live_{g.digits(6)}_{g.alnum(30)}",
     ])

value_rule(FAMILY, "reddit-client-secret",
           "Reddit API client secret or refresh token (27-30 chars) under a Reddit name",
           names="reddit", tail=SECRET_TAIL, value=r"((?:[0-9]{1,20}-)?[0-9A-Za-z_-]{27,30})" + END_B64URL,
           make=lambda g: g.s(B64URL, 27), short=False, url="https://www.reddit.com/prefs/apps (your app > "
           "edit > regenerate the secret, or delete the app)", severity="high", what="client secret",
           verb="Regenerate", words=["reddit", "client", "secret"],
           extra_negatives=lambda g: [f"REDDIT_CLIENT_ID={g.s(B64URL, 14)}",
                                      "reddit_user_agent = my_rust_app_by_someone_123"])

prefixed_rule(FAMILY, "pinterest-access-token", "Pinterest API v5 access token (pina_…)",
              prefix="pina_", cls=C_ALNUM, length="60,140", severity="high",
              url="https://developers.pinterest.com/apps/ (your app; users revoke under Settings > Security)",
              make=lambda g: "pina_" + g.s(UPPER + DIGITS, 92))

# --- Media APIs --------------------------------------------------------------------------------------
value_rule(FAMILY, "flickr-api-key", "Flickr API key (32 chars) under a Flickr name",
           names="flickr", value=token(C_ALNUM_LOW, 32), make=lambda g: g.hex(32), min_entropy=3.0,
           url="https://www.flickr.com/services/apps/by/me", severity="medium", what="key (and its secret)",
           words=["flickr", "api", "key"])

value_rule(FAMILY, "flickr-api-secret", "Flickr API secret (16 hex) under a Flickr secret name",
           names="flickr", tail=r"(?i:[\w.-]{0,16}?secret)\w{0,4}", value=token(C_HEX, 16),
           make=lambda g: g.hex(16), min_entropy=2.8, url="https://www.flickr.com/services/apps/by/me",
           severity="high", what="key pair", words=["flickr", "api", "secret"])

value_rule(FAMILY, "vimeo-access-token", "Vimeo API access token (32 hex) under a Vimeo name",
           names="vimeo", value=token(C_HEX, 32), make=lambda g: g.hex(32), min_entropy=3.0,
           url="https://developer.vimeo.com/apps (your app > Authentication > Personal access tokens)",
           severity="high", what="token", words=["vimeo", "access", "token"])

value_rule(FAMILY, "vimeo-client-secret", "Vimeo app client secret (128 base64 chars) under a Vimeo name",
           names="vimeo", value=r"([0-9A-Za-z+/]{128})" + END_B64, make=lambda g: b64(g.bytes(96)),
           min_entropy=4.5, url="https://developer.vimeo.com/apps (your app > Client secrets > Regenerate)",
           severity="high", what="client secret", verb="Regenerate", words=["vimeo", "client", "secret"])

value_rule(FAMILY, "soundcloud-api-key", "SoundCloud client ID or secret (32 alphanumerics) under a SoundCloud name",
           names=r"sound[_.-]?cloud", keywords=["soundcloud", "sound_cloud", "sound-cloud"],
           value=token(C_ALNUM, 32), make=lambda g: g.alnum(32), url="https://soundcloud.com/you/apps",
           severity="medium", words=["soundcloud", "client", "secret"])

named_rule(FAMILY, "giphy-api-key", "GIPHY API key (32 alphanumerics) under a GIPHY name",
           names=["giphy"], cls=C_ALNUM, length=32, url="https://developers.giphy.com/dashboard/",
           severity="medium")

value_rule(FAMILY, "spotify-client-secret",
           "Spotify client secret (32 hex) under a Spotify secret / key name (not the client ID)",
           names="spotify", tail=SECRET_TAIL, value=token(C_ALNUM_LOW, 32), make=lambda g: g.hex(32),
           min_entropy=3.0, extra_negatives=lambda g: [f"SPOTIFY_CLIENT_ID={g.hex(32)}"],
           url="https://developer.spotify.com/dashboard (your app > Settings > View client secret > Rotate)",
           severity="high", what="client secret", verb="Rotate", words=["spotify", "client", "secret"])

value_rule(FAMILY, "unsplash-access-key", "Unsplash API access key (43 chars) under an Unsplash name",
           names="unsplash", value=token(C_B64URL, 43), make=lambda g: g.s(B64URL, 43),
           url="https://unsplash.com/oauth/applications", severity="medium", words=["unsplash", "access", "key"])

value_rule(FAMILY, "shutterstock-api-token",
           "Shutterstock API token (v2/…) or consumer key (32 alphanumerics) under a Shutterstock name",
           names="shutterstock", value=r"(v2/[0-9A-Za-z+/]{100,600}={0,2}|[0-9A-Za-z]{32})" + END_B64,
           make=lambda g: "v2/" + b64(g.bytes(240)).rstrip("="), short=False,
           url="https://www.shutterstock.com/account/developers/apps", severity="high",
           words=["shutterstock", "api", "token"])

named_rule(FAMILY, "iconfinder-api-key", "Iconfinder API key (64 alphanumerics) under an Iconfinder name",
           names=["iconfinder"], cls=C_ALNUM, length=64, url="https://www.iconfinder.com/account/applications",
           severity="medium")

named_rule(FAMILY, "yelp-api-key", "Yelp Fusion API key (128 chars) under a Yelp name",
           names=["yelp"], cls=C_B64URL, length=128, url="https://www.yelp.com/developers/v3/manage_app",
           severity="medium")

value_rule(FAMILY, "foursquare-client-secret",
           "Foursquare client ID or secret (48 uppercase alphanumerics) under a Foursquare name",
           names="foursquare", value=token(C_ALNUM_UP, 48), make=lambda g: g.s(UPPER + DIGITS, 48),
           url="https://foursquare.com/developers/home (your project > Settings)", severity="medium",
           what="client secret", words=["foursquare", "client", "secret"])

prefixed_rule(FAMILY, "foursquare-places-api-key", "Foursquare Places API key (fsq3…)",
              prefix="fsq3", cls=C_B64, length="40,60", severity="medium",
              url="https://foursquare.com/developers/home (your project > API keys)", what="key")

value_rule(FAMILY, "nytimes-api-key", "New York Times developer API key (32 chars) under a NYTimes name",
           names=r"ny[_.-]?times|nyt[_.-]?(?:api|key)",
           keywords=["nytimes", "ny_times", "ny-times", "ny.times", "nyt_api", "nytapi", "nyt-api", "nyt_key",
                     "nytkey", "nyt-key", "nyt.api", "nyt.key"],
           value=token(C_B64URL, 32), make=lambda g: g.alnum(32), url="https://developer.nytimes.com/my-apps",
           severity="medium", words=["nytimes", "api", "key"])

# --- Link shorteners ----------------------------------------------------------------------------------
value_rule(FAMILY, "bitly-access-token", "Bitly access token (40 hex) under a Bitly name",
           names=r"bit[_.-]?ly", keywords=["bitly", "bit_ly", "bit-ly", "bit.ly"],
           value=token(C_ALNUM, 40), make=lambda g: g.hex(40), min_entropy=3.0,
           url="https://app.bitly.com/settings/api/", severity="medium", what="token",
           words=["bitly", "access", "token"])

value_rule(FAMILY, "rebrandly-api-key", "Rebrandly API key (32 alphanumerics) under a Rebrandly name",
           names="rebrandly", value=token(C_ALNUM, 32), make=lambda g: g.hex(32), min_entropy=3.0,
           url="https://app.rebrandly.com/account/api", severity="medium")

value_rule(FAMILY, "tly-api-token", "T.LY API token (60 alphanumerics) under a T.LY token/key name",
           names=r"(?:(?m:^)|[^0-9A-Za-z])t\.?ly[_.-]?(?:api[_.-]?)?(?:token|key|secret)",
           keywords=compound_keywords(["tly", "t.ly"], ["token", "key", "secret", "api"]),
           tail=r"\w{0,8}", value=token(C_ALNUM, 60), make=lambda g: g.alnum(60),
           url="https://t.ly/settings#/api", severity="medium", what="token", words=["tly", "api", "token"],
           extra_negatives=lambda g: [f"exactly_token = {g.alnum(60)}"])

# --- Customer support, engagement and chat platforms ---------------------------------------------------
rule(FAMILY,
     id="intercom-access-token",
     description="Intercom access token (base64 of tok:…)",
     severity="high",
     keywords=["dG9rO"],
     regex=r"(?:(?m:^)|[^0-9A-Za-z+/])(dG9rO[0-9A-Za-z+/]{50,70}={0,2})" + END_B64,
     min_entropy=4.0,
     remediation=remediation_at("https://app.intercom.com/a/apps/_/developer-hub (your app > Authentication: "
                                "regenerate the access token)", "token", "Regenerate"),
     examples=lambda g: [
         f"INTERCOM_ACCESS_TOKEN={b64(('tok:' + g.uuid().replace('-', '_') + ':1:0').encode())}",
         f'intercom_access_token: "{b64(("tok:" + g.uuid().replace("-", "_") + ":1:0").encode())}"',
         f"curl -H 'Authorization: Bearer {b64(('tok:' + g.uuid().replace('-', '_') + ':1:0').encode())}' https://api.intercom.io/me",
     ],
     negative_examples=lambda g: [
         f"INTERCOM_ACCESS_TOKEN={b64(b'tok:' + g.hex(8).encode())}",
         f"data = {b64(b'token=' + g.hex(40).encode())}",
         "INTERCOM_ACCESS_TOKEN=<your-token>",
     ])

value_rule(FAMILY, "front-api-token", "Front API token (JWT) under a Front API/app name",
           names=r"(?:(?m:^)|[^0-9A-Za-z])front[_.-]?(?:api|app)",
           keywords=compound_keywords(["front"], ["api", "app"]),
           value=rf"({JWT_VALUE})" + r"(?:[^0-9A-Za-z_.-]|$)", make=lambda g: g.jwt(), short=False,
           min_entropy=4.0, url="https://app.frontapp.com/settings/developers (API tokens)", severity="high",
           what="token", words=["front", "api", "token"],
           extra_negatives=lambda g: [f"storefront_api_token = {g.jwt()}"])

value_rule(FAMILY, "helpscout-api-key", "Help Scout API key or app secret (32 or 40 chars) under a Help Scout name",
           names=r"help[_.-]?scout", keywords=["helpscout", "help_scout", "help-scout", "help.scout"],
           value=r"([0-9A-Za-z]{40}|[0-9A-Za-z]{32})" + END_ALNUM, make=lambda g: g.hex(40), short=False,
           min_entropy=3.0, url="https://secure.helpscout.net (Your Profile > Authentication > API Keys; apps under "
                                "Manage > Apps > My Apps)", severity="high", words=["helpscout", "api", "key"])

named_rule(FAMILY, "zendesk-api-token", "Zendesk API token (40 alphanumerics) under a Zendesk name",
           names=["zendesk"], cls=C_ALNUM, length=40, severity="high",
           url="https://<subdomain>.zendesk.com/admin/apps-integrations/apis/zendesk-api/settings/tokens",
           what="token", words=["zendesk", "api", "token"])

value_rule(FAMILY, "freshdesk-api-key", "Freshdesk API key (20 alphanumerics) under a Freshdesk key name",
           names="freshdesk", tail=SECRET_TAIL, value=token(C_ALNUM, 20), make=lambda g: g.alnum(20),
           severity="high", extra_negatives=lambda g: ["freshdesk_domain = mycompanysupport1234"],
           url="your Freshdesk portal (Profile settings > View API key > Reset API key)")

value_rule(FAMILY, "groove-api-token", "Groove (groovehq) API access token (64 hex) under a Groove name or URL",
           names=r"groove[_.-]?(?:hq|api|access|token)",
           keywords=compound_keywords(["groove"], ["hq", "api", "access", "token"]),
           tail=r"[^\s\"'=:]{0,40}?", value=token(C_HEX, 64), make=lambda g: g.hex(64), min_entropy=3.0,
           url="your Groove account (https://<subdomain>.groovehq.com > Settings > API)", severity="high",
           what="token", words=["groovehq", "access", "token"],
           extra_examples=lambda g: [f"curl https://api.groovehq.com/v1/me?access_token={g.hex(64)}"])

value_rule(FAMILY, "besnappy-api-key", "BeSnappy (Snappy) API key (64 hex) under a BeSnappy name",
           names=r"be[_.-]?snappy", keywords=["besnappy", "be_snappy", "be-snappy"],
           value=token(C_HEX, 64), make=lambda g: g.hex(64), min_entropy=3.0,
           url="the Snappy account (https://app.besnappy.com > Account > API)", severity="high",
           words=["besnappy", "api", "key"])

value_rule(FAMILY, "sherpadesk-api-key", "SherpaDesk API key (32 chars) under a SherpaDesk name",
           names=r"sherpa[_.-]?desk", keywords=["sherpadesk", "sherpa_desk", "sherpa-desk"],
           value=token(C_ALNUM_LOW, 32), make=lambda g: g.s(DIGITS + LOWER, 32),
           url="your SherpaDesk account (Profile > API Key)", severity="high", words=["sherpadesk", "api", "key"])

rule(FAMILY,
     id="teamwork-api-token",
     description="Teamwork (Projects, Desk, CRM, Spaces) API token (tkn.v1_…)",
     severity="high",
     keywords=["tkn.v1_"],
     regex=r"\b(tkn\.v1_[0-9A-Za-z+/_-]{60,90}={0,2})" + END_B64,
     min_entropy=4.0,
     remediation=remediation_at("your Teamwork site (https://<site>.teamwork.com > Profile > Edit details > API & "
                                "Mobile, or Desk > Settings > API)", "token", "Revoke"),
     examples=lambda g: [
         f"TEAMWORK_API_TOKEN=tkn.v1_{b64(g.bytes(54))}",
         f'  "teamworkDeskToken": "tkn.v1_{b64(g.bytes(53))}",',
         f"curl -H 'Authorization: Bearer tkn.v1_{b64(g.bytes(54))}' https://acme.teamwork.com/desk/api/v2/me.json",
     ],
     negative_examples=lambda g: [
         f"TEAMWORK_API_TOKEN=tkn.v1_{g.alnum(20)}",
         "TEAMWORK_API_TOKEN=tkn.v1_<your token>",
     ])

value_rule(FAMILY, "beamer-api-key", "Beamer API key (b_…) under a Beamer name",
           names="beamer", value=r"(b_[0-9A-Za-z=_+/-]{40,48})" + END_B64, make=lambda g: "b_" + g.s(B64URL, 44),
           short=False, url="https://app.getbeamer.com/settings#api", severity="medium")

value_rule(FAMILY, "ayrshare-api-key", "Ayrshare API key (4 groups of 8) under an Ayrshare name",
           names="ayrshare", value=r"([0-9A-Z]{8}(?:-[0-9A-Z]{8}){3})\b",
           make=lambda g: "-".join(g.s(UPPER + DIGITS, 8) for _ in range(4)),
           url="https://app.ayrshare.com/api", severity="high")

value_rule(FAMILY, "chatbot-api-token", "ChatBot.com API token (32 chars) under a ChatBot token/key name",
           names=r"(?:(?m:^)|[^0-9A-Za-z])chat[_.-]?bot[_.-]?(?:com[_.-]?)?(?:api[_.-]?)?(?:token|key|secret)",
           keywords=compound_keywords(["chatbot", "chat_bot", "chat-bot"], ["token", "key", "secret", "api", "com"]),
           tail=r"\w{0,4}", value=token(C_B64URL, 32), make=lambda g: g.s(B64URL, 32),
           url="https://app.chatbot.com (Integrations > Developer > API tokens)", severity="medium", what="token",
           words=["chatbot", "api", "token"])

value_rule(FAMILY, "chatfuel-api-key", "Chatfuel API / broadcast token under a Chatfuel name",
           names="chatfuel", value=r"([0-9A-Za-z]{100,140})" + END_ALNUM, make=lambda g: g.alnum(128),
           short=False, url="the Chatfuel dashboard (bot > Settings > API / broadcasting token)", severity="medium")

value_rule(FAMILY, "cliengo-api-key", "Cliengo API key (UUID) under a Cliengo name",
           names="cliengo", value=rf"({UUID_ANY})\b", make=lambda g: g.uuid(), short=False, min_entropy=3.0,
           url="the Cliengo account (Settings > Integrations > API key)", severity="medium")

value_rule(FAMILY, "instabot-api-key", "Instabot API key (base64) under an Instabot name",
           names="instabot", value=r"([0-9A-Za-z+/]{38,80}={0,2})" + END_B64, make=lambda g: b64(g.bytes(33)),
           short=False, min_entropy=4.0, url="the Instabot dashboard (Settings > API)", severity="medium",
           extra_negatives=lambda g: [f"INSTABOT_API_KEY={b64(g.bytes(12))}"])
