"""Rules of the payments family: payment processors, commerce platforms, shipping and
billing/revenue APIs."""
from rulegen.core import *  # noqa: F401,F403

# ============================== payments ==============================

# Base64-aware boundaries: a token that starts or ends inside a base64 blob is not a token.
START_B64 = r"(?:(?m:^)|[^0-9A-Za-z+/_-])"
END_B64_STRICT = r"(?:[^0-9A-Za-z+/=_-]|$)"


# The rest of a name that must say it holds a key (for providers whose records, such as route or
# order IDs, have the key's shape): `…key`, `…token`, `…secret`, `…private`, `…access`.
KEYISH = r"[\w. -]{0,20}?(?i:key|token|secret|private|access)"


# ------------------------------------------------------------------ Stripe
# Secret and restricted keys: sk_/rk_ + live|test (+ `prod` seen in some configs) + 24..99
# base62 (the long form starts with the account's 51…). Webhook signing secrets: whsec_.

STRIPE_REMEDIATION = ("Roll the key at https://dashboard.stripe.com/apikeys, review recent API requests "
                      "(Developers > Logs) for abuse, " + PURGE)

# Paystack's secret key is sk_live_ + 40 lowercase hex; defined before Stripe's rules so that the
# more specific rule names a Paystack key (same bytes, same context: the earlier rule wins).
rule("payments",
     id="paystack-secret-key",
     description="Paystack live secret key (sk_live_ + 40 lowercase hex)",
     severity="critical",
     keywords=["sk_live_"],
     regex=r"\b(sk_live_[0-9a-f]{40})\b",
     min_entropy=3.0,
     remediation=remediation_at("https://dashboard.paystack.com/#/settings/developers (Generate new secret key)",
                                verb="Regenerate", extra="review the Transactions and Transfers logs, "),
     examples=lambda g: [
         f"PAYSTACK_SECRET_KEY=sk_live_{g.hex(40)}",
         f"const paystack = require('paystack')('sk_live_{g.hex(40)}');",
         f"curl https://api.paystack.co/transaction -H \"Authorization: Bearer sk_live_{g.hex(40)}\"",
     ],
     negative_examples=lambda g: [
         f"PAYSTACK_PUBLIC_KEY=pk_live_{g.hex(40)}",
         f"PAYSTACK_SECRET_KEY=sk_live_{g.hex(39)}",
         "PAYSTACK_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
     ])

rule("payments",
     id="stripe-live-secret-key",
     description="Stripe live-mode secret key (sk_live_, also sk_prod_)",
     severity="critical",
     keywords=["sk_live_", "sk_prod_"],
     regex=r"\b(sk_(?:live|prod)_[0-9A-Za-z]{24,247})\b",
     min_entropy=3.5,
     remediation=STRIPE_REMEDIATION,
     examples=lambda g: [
         f"STRIPE_SECRET_KEY=sk_live_{g.alnum(24)}",
         f"Stripe.api_key = 'sk_live_51{g.alnum(97)}'",
         f"curl https://api.stripe.com/v1/charges -u sk_live_{g.alnum(32)}:",
         f'stripeToken = "sk_prod_{g.s(DIGITS + LOWER, 100)}"',
     ],
     negative_examples=lambda g: [
         f"STRIPE_SECRET_KEY=sk_test_{g.alnum(24)}",
         f"STRIPE_PUBLISHABLE_KEY=pk_live_{g.alnum(24)}",
         f"STRIPE_SECRET_KEY=sk_live_{g.alnum(250)}",
         f"STRIPE_SECRET_KEY=sk_live_{g.alnum(12)}",
         "STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
         f'task_live_{g.alnum(30)} = schedule(job)',
     ])

rule("payments",
     id="stripe-restricted-key",
     description="Stripe live-mode restricted API key (rk_live_, also rk_prod_)",
     severity="high",
     keywords=["rk_live_", "rk_prod_"],
     regex=r"\b(rk_(?:live|prod)_[0-9A-Za-z]{24,247})\b",
     min_entropy=3.5,
     remediation=STRIPE_REMEDIATION,
     examples=lambda g: [
         f"STRIPE_RESTRICTED_KEY=rk_live_{g.alnum(24)}",
         f'  "stripeKey": "rk_live_51{g.alnum(97)}",',
         f"rk_prod_51{g.alnum(97)}",
     ],
     negative_examples=lambda g: [
         f"STRIPE_RESTRICTED_KEY=rk_test_{g.alnum(24)}",
         f"STRIPE_RESTRICTED_KEY=rk_live_{g.alnum(10)}",
         "STRIPE_RESTRICTED_KEY=rk_live_<restricted key>",
     ])

# Test-mode keys: the finding is the random body after sk_test_/rk_test_ (the prefix is the
# rule's context), so that the generator's placeholder check, which treats the word "test" in a
# secret as a placeholder, can check the examples.
rule("payments",
     id="stripe-test-secret-key",
     description="Stripe test-mode secret or restricted key (sk_test_/rk_test_; Paystack and PayMongo test keys share the prefix)",
     severity="low",
     keywords=["sk_test_", "rk_test_"],
     regex=r"\b[sr]k_test_([0-9A-Za-z]{24,247})\b",
     min_entropy=3.5,
     remediation=("Roll the key at https://dashboard.stripe.com/test/apikeys (test mode: it reads and changes "
                  "test data and webhook settings only, but a leaked test key often sits next to a live one), "
                  + PURGE),
     examples=lambda g: [
         f"STRIPE_SECRET_KEY=sk_test_{g.alnum(24)}",
         f'stripeToken := "sk_test_{g.s(DIGITS + LOWER, 30)}"',
         f"Stripe.api_key = 'sk_test_51{g.alnum(97)}'",
         f"STRIPE_RESTRICTED_KEY=rk_test_51{g.alnum(97)}",
     ],
     negative_examples=lambda g: [
         f'nonMatchingToken := "task_test_{g.s(DIGITS + LOWER, 30)}"',
         f"STRIPE_PUBLISHABLE_KEY=pk_test_{g.alnum(24)}",
         f"STRIPE_SECRET_KEY=sk_test_{g.alnum(12)}",
         "STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx",
         "def sk_test_encrypts_roundtrip_with_fixed_nonce(): pass",
     ])

rule("payments",
     id="stripe-webhook-secret",
     description="Stripe webhook signing secret (whsec_ + 32 base62, or 64 hex from the Stripe CLI)",
     severity="high",
     keywords=["whsec_"],
     regex=r"\b(whsec_(?:[0-9A-Za-z]{32}|[0-9a-f]{64}))\b",
     min_entropy=3.5,
     remediation=("Roll the endpoint's signing secret at https://dashboard.stripe.com/webhooks (the endpoint > "
                  "Signing secret > Roll secret): with it anyone can forge events your endpoint trusts; "
                  + PURGE),
     examples=lambda g: [
         f"STRIPE_WEBHOOK_SECRET=whsec_{g.alnum(32)}",
         f'endpoint_secret = "whsec_{g.hex(64)}"',
         f"  webhookSecret: 'whsec_{g.alnum(32)}',",
     ],
     negative_examples=lambda g: [
         f"STRIPE_WEBHOOK_SECRET=whsec_{g.alnum(20)}",
         "STRIPE_WEBHOOK_SECRET=whsec_...",
         "STRIPE_WEBHOOK_SECRET=whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
     ])

# ------------------------------------------------------------------ Square / Squarespace

SQUARE_URL = "https://developer.squareup.com/apps (the application > Credentials; revoke OAuth tokens with the Revoke endpoint)"

# Access tokens are EAAA + 60 base64url (sandbox ones too). Min entropy 4.0 keeps uppercase hex
# (<= 4.0 bits/char) out; base64-aware edges keep `EAAA` inside a base64 blob out.
rule("payments",
     id="square-access-token",
     description="Square access token (EAAA + base64url)",
     severity="critical",
     keywords=["eaaa"],
     regex=START_B64 + r"(EAAA[0-9A-Za-z_-]{22,60})" + END_B64_STRICT,
     min_entropy=4.0,
     remediation=remediation_at(SQUARE_URL, "token", extra="review Payments and Refunds in the Seller Dashboard, "),
     examples=lambda g: [
         f"SQUARE_ACCESS_TOKEN=EAAA{g.s(B64URL, 60)}",
         f"client = Square::Client.new(access_token: 'EAAA{g.s(B64URL, 60)}', environment: 'production')",
         f'squareToken := "EAAA{g.s(B64URL, 22)}"',
         f"curl https://connect.squareup.com/v2/locations -H 'Authorization: Bearer EAAA{g.s(B64URL, 60)}'",
     ],
     negative_examples=lambda g: [
         f"image: aws-cli@sha256:eaaa{g.hex(60)}",
         f"SHA256: EAAA{g.hex(60).upper()}",
         f"MIIBIjANBgkqhkiG9w0B+EAAA{g.s(ALNUM, 60)}/{g.s(ALNUM, 20)}",
         f"SQUARE_ACCESS_TOKEN=EAAA{g.s(B64URL, 12)}",
         f"SQUARE_ACCESS_TOKEN=EAAA{g.s(B64URL, 80)}",
     ])

rule("payments",
     id="square-personal-access-token",
     description="Square legacy personal access token (sq0atp-, sandbox sq0atb-)",
     severity="critical",
     keywords=["sq0atp-", "sq0atb-"],
     regex=r"\b((?:sandbox-)?sq0at[pb]-[0-9A-Za-z_-]{22})" + END_B64URL,
     min_entropy=3.5,
     remediation=remediation_at(SQUARE_URL, "token", extra="review Payments and Refunds in the Seller Dashboard, "),
     examples=lambda g: [
         f"SQUARE_ACCESS_TOKEN=sq0atp-{g.s(B64URL, 22)}",
         f"var accessToken = 'sq0atp-{g.s(B64URL, 22)}';",
         f"sandbox_access_token: sandbox-sq0atb-{g.s(B64URL, 22)}",
     ],
     negative_examples=lambda g: [
         f"var applicationId = 'sq0idp-{g.s(B64URL, 22)}';",
         f"SQUARE_ACCESS_TOKEN=sq0atp-{g.s(B64URL, 15)}",
         "SQUARE_ACCESS_TOKEN=sq0atp-<your access token>",
     ])

rule("payments",
     id="square-application-secret",
     description="Square OAuth application secret (sq0csp-, sandbox sq0csb-)",
     severity="high",
     keywords=["sq0csp-", "sq0csb-"],
     regex=r"\b((?:sandbox-)?sq0cs[pb]-[0-9A-Za-z_-]{43})" + END_B64URL,
     min_entropy=3.8,
     remediation=remediation_at("https://developer.squareup.com/apps (the application > OAuth: replace the "
                                "application secret)", "secret", verb="Replace"),
     examples=lambda g: [
         f"app_secret: sq0csp-{g.s(B64URL, 43)}",
         f'private String clientSecret = "sq0csp-{g.s(B64URL, 43)}";',
         f"SQUARE_SANDBOX_SECRET=sandbox-sq0csb-{g.s(B64URL, 43)}",
     ],
     negative_examples=lambda g: [
         f"production_app_id: sq0idp-{g.s(B64URL, 22)}",
         f"app_secret: sq0csp-{g.s(B64URL, 30)}",
         "app_secret: sq0csp-<application secret>",
     ])

named_rule("payments", "squarespace-api-key", "Squarespace Commerce API key (UUID next to a Squarespace name)",
           [r"squarespace" + KEYISH], "0-9a-f-", 36, "your Squarespace site (Settings > Advanced > Developer API Keys)",
           severity="high", min_entropy=3.0, make=lambda g: g.uuid(), words=["squarespace", "token"],
           extra_negatives=lambda g: [f"SQUARESPACE_SITE_ID={g.hex(24)}"], keywords=["squarespace"])

# ------------------------------------------------------------------ PayPal / Braintree

rule("payments",
     id="braintree-access-token",
     description="Braintree/PayPal access token (access_token$production|sandbox$<merchant>$<32 hex>)",
     severity="critical",
     keywords=["access_token$"],
     regex=r"\b(access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})\b",
     min_entropy=3.5,
     remediation=remediation_at("the Braintree Control Panel (Settings > API > API Keys) or PayPal's Apps & "
                                "Credentials page (https://developer.paypal.com/dashboard/applications)", "token"),
     examples=lambda g: [
         f"BRAINTREE_ACCESS_TOKEN=access_token$production${g.s(DIGITS + LOWER, 16)}${g.hex(32)}",
         f'gateway = braintree.BraintreeGateway(access_token="access_token$sandbox${g.s(DIGITS + LOWER, 16)}${g.hex(32)}")',
     ],
     negative_examples=lambda g: [
         f"BRAINTREE_ACCESS_TOKEN=access_token$production${g.s(DIGITS + LOWER, 16)}${g.hex(20)}",
         "BRAINTREE_ACCESS_TOKEN=access_token$production$<merchant_id>$<token>",
     ])

named_rule("payments", "braintree-private-key", "Braintree private key (32 hex next to a Braintree private key name)",
           [r"braintree[\w.-]{0,20}?private[_.-]?key"], C_HEX, 32,
           "the Braintree Control Panel (Settings > API > API Keys: generate a new key, then delete the old one)",
           severity="critical", keywords=["braintree"], words=["braintree", "private", "key"],
           extra_negatives=lambda g: [f"BRAINTREE_PUBLIC_KEY={g.hex(16)}", f"BRAINTREE_MERCHANT_ID={g.s(DIGITS + LOWER, 16)}"])

keyed_rule("payments", "paypal-client-secret",
           "PayPal REST API client secret (E + 63..79 base64url next to a PayPal secret name)",
           r"paypal[\w.-]{0,20}?secret", r"E[0-9A-Za-z_-]{63,79}", lambda g: "E" + g.s(B64URL, 79),
           "https://developer.paypal.com/dashboard/applications (the app > Secret key: generate a new one, "
           "then disable the old one)", ["paypal"], severity="critical", end=END_B64URL,
           words=["paypal", "client", "secret"],
           min_entropy=4.0, bad=lambda g: "E" + g.s(B64URL, 40), what="secret", verb="Replace",
           extra_examples=lambda g: [f"paypal_secret=E{g.s(B64URL, 63)}"],
           extra_negatives=lambda g: [f"PAYPAL_CLIENT_ID=A{g.s(B64URL, 79)}",
                                      f"PAYPAL_CLIENT_SECRET=E{g.s(B64URL, 90)}"])

# ------------------------------------------------------------------ Adyen
# API keys: AQE + base64, `=-` + base64 of 32 bytes (and sometimes `-` + a short tail).

ADYEN_KEY = r"AQE[0-9A-Za-z+/]{40,300}={0,2}-[0-9A-Za-z+/]{43}=(?:-[0-9A-Za-z+/=]{8,64})?"


def adyen_key(g):
    return g._clean(lambda: "AQE" + g.s(ALNUM + "+/", 97) + "=-" + b64(g.bytes(32))
                    + g.r.choice(["", "-" + g.alnum(16)]))


keyed_rule("payments", "adyen-api-key", "Adyen API key (AQE…=-…=) next to an Adyen name or X-API-Key header",
           "adyen", ADYEN_KEY, adyen_key,
           "the Adyen Customer Area (Developers > API credentials > the credential > Generate new API key)",
           ["adyen"], severity="critical", end=r"(?:[^0-9A-Za-z+/=-]|$)", min_entropy=4.0, window=400,
           contexts=[r"(?i:adyen)[^\n]{0,200}?(?i:x-api-key)[\"']?\s*[:=,]\s*[\"']?"],
           bad=lambda g: "AQE" + g.s(ALNUM + "+/", 97) + "=-" + g.alnum(20) + "=",
           extra_examples=lambda g: [
               f"curl https://checkout-test.adyen.com/v71/payments -H \"X-API-Key: {adyen_key(g)}\"",
           ],
           extra_negatives=lambda g: [f"ADYEN_CLIENT_KEY=live_{g.s(DIGITS + UPPER, 32)}",
                                      f"ADYEN_HMAC_KEY={g.hex(64).upper()}"])

# ------------------------------------------------------------------ GoCardless, Flutterwave, Paystack & co

keyed_rule("payments", "gocardless-access-token",
           "GoCardless access token (live_/sandbox_ + 40..44 chars next to a GoCardless name)",
           "gocardless", r"(?:live|sandbox)_[0-9A-Za-z_=-]{40,44}",
           lambda g: g.r.choice(["live_", "sandbox_"]) + g.s(B64URL + "=", 40),
           "https://manage.gocardless.com/developers/access-tokens", ["gocardless"], severity="critical",
           end=r"(?:[^0-9A-Za-z_=-]|$)", min_entropy=3.5, what="token", words=["gocardless", "access", "token"],
           bad=lambda g: "live_" + g.s(B64URL, 32),
           extra_negatives=lambda g: [f"GOCARDLESS_ACCESS_TOKEN=live_{g.alnum(50)}"])

rule("payments",
     id="flutterwave-secret-key",
     description="Flutterwave secret key (FLWSECK- / FLWSECK_TEST- + 32 hex + -X)",
     severity="critical",
     keywords=["flwseck"],
     regex=r"\b(FLWSECK(?:_TEST)?-[0-9a-f]{32}-X)\b",
     min_entropy=3.0,
     remediation=remediation_at("https://app.flutterwave.com/dashboard/settings/apis (Generate new keys)",
                                verb="Regenerate", extra="review the transactions and transfers, "),
     examples=lambda g: [
         f"FLW_SECRET_KEY=FLWSECK-{g.hex(32)}-X",
         f'flutterwaveSecret := "FLWSECK-{g.hex(32)}-X"',
         f"const flw = new Flutterwave(process.env.FLW_PUBLIC_KEY, 'FLWSECK-{g.hex(32)}-X');",
     ],
     negative_examples=lambda g: [
         f"FLW_PUBLIC_KEY=FLWPUBK-{g.hex(32)}-X",
         f"FLW_SECRET_KEY=FLWSECK-{g.hex(24)}-X",
         "FLW_SECRET_KEY=FLWSECK_TEST-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-X",
     ])

rule("payments",
     id="flutterwave-public-key",
     description="Flutterwave public key (FLWPUBK- / FLWPUBK_TEST- + 32 hex + -X): an identifier, low severity",
     severity="low",
     keywords=["flwpubk"],
     regex=r"\b(FLWPUBK(?:_TEST)?-[0-9a-f]{32}-X)\b",
     min_entropy=3.0,
     remediation=("A Flutterwave public key is meant for client-side checkout code: it identifies the account but cannot "
                  "move money, so it need not be rotated. Check that the secret key (FLWSECK-) and the encryption key "
                  "kept with it are not committed too; if they are, regenerate the keys at "
                  "https://app.flutterwave.com/dashboard/settings/apis, " + PURGE),
     examples=lambda g: [
         f"FLW_PUBLIC_KEY=FLWPUBK-{g.hex(32)}-X",
         f'flutterwavePublicKey := "FLWPUBK-{g.hex(32)}-X"',
         f"FlutterwaveCheckout({{ public_key: 'FLWPUBK-{g.hex(32)}-X', tx_ref: 'ord-{g.digits(6)}' }});",
     ],
     negative_examples=lambda g: [
         f"FLW_PUBLIC_KEY=FLWPUBK-{g.hex(24)}-X",
         "FLW_PUBLIC_KEY=FLWPUBK_TEST-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-X",
         f"FLW_PUBLIC_KEY=FLWPUBK-{g.hex(32).upper()}-X",
         f"FLW_SECRET_KEY=FLWSECK-{g.hex(32)}-X",
     ])

rule("payments",
     id="flutterwave-encryption-key",
     description="Flutterwave encryption key (FLWSECK / FLWSECK_TEST + 12 hex)",
     severity="high",
     keywords=["flwseck"],
     regex=r"\b(FLWSECK(?:_TEST)?-?[0-9a-f]{12})" + END_B64URL,
     min_entropy=2.8,
     remediation=remediation_at("https://app.flutterwave.com/dashboard/settings/apis (Generate new keys)",
                                verb="Regenerate"),
     examples=lambda g: [
         f"FLW_ENCRYPTION_KEY=FLWSECK{g.hex(12)}",
         f'flutterwaveEncKey := "FLWSECK-{g.hex(12)}"',
         f"  encryptionKey: 'FLWSECK{g.hex(12)}',",
     ],
     negative_examples=lambda g: [
         f"FLW_ENCRYPTION_KEY=FLWSECK_TEST{g.hex(8)}",
         f"FLW_PUBLIC_KEY=FLWPUBK_TEST-{g.hex(32)}-X",
         "FLW_ENCRYPTION_KEY=FLWSECK_TEST<encryption>",
     ])

keyed_rule("payments", "paymongo-secret-key",
           "PayMongo secret key (sk_live_/sk_test_ + base62, or a bare key next to a PayMongo name)",
           "paymongo", r"(?:sk_(?:live|test)_)?[0-9A-Za-z]{24,32}", lambda g: "sk_live_" + g.alnum(24),
           "https://dashboard.paymongo.com/developers (API keys: roll the secret key)", ["paymongo"],
           severity="critical", end=END_WORD, min_entropy=3.5, words=["paymongo", "secret", "key"],
           bad=lambda g: "sk_live_" + g.alnum(16), verb="Roll",
           extra_examples=lambda g: [f'paymongo_key = "{g.alnum(32)}"'],
           extra_negatives=lambda g: [f"PAYMONGO_PUBLIC_KEY=pk_live_{g.alnum(24)}"],
           tail=KEYISH + NAME_TAIL)

rule("payments",
     id="pagarme-api-key",
     description="Pagar.me API key (ak_live_ / ak_test_ + 30 base62)",
     severity="critical",
     keywords=["ak_live_", "ak_test_"],
     regex=r"\b(ak_(?:live|test)_[0-9A-Za-z]{30})\b",
     min_entropy=3.5,
     remediation=remediation_at("the Pagar.me dashboard (Configurações > Chaves de API)"),
     examples=lambda g: [
         f"PAGARME_API_KEY=ak_live_{g.alnum(30)}",
         f"pagarme.client.connect({{ api_key: 'ak_live_{g.alnum(30)}' }})",
     ],
     negative_examples=lambda g: [
         f"PAGARME_ENCRYPTION_KEY=ek_live_{g.alnum(30)}",
         f"PAGARME_API_KEY=ak_live_{g.alnum(20)}",
         "PAGARME_API_KEY=ak_live_<your api key>",
     ])

keyed_rule("payments", "razorpay-key-secret",
           "Razorpay key secret (24 base62 next to a Razorpay secret name or after the rzp_ key id)",
           r"(?:razorpay|rzp)[\w.-]{0,20}?secret", r"[0-9A-Za-z]{24}", lambda g: g.alnum(24),
           "https://dashboard.razorpay.com/app/website-app-settings/api-keys (Regenerate key)",
           ["razorpay", "rzp_"], severity="critical", end=END_WORD, min_entropy=3.5,
           words=["razorpay", "key", "secret"], what="key secret", verb="Regenerate",
           contexts=[r"\brzp_(?:live|test)_[0-9A-Za-z]{14}[\"']\s*,\s*[\"']"],
           extra_examples=lambda g: [
               f'client = razorpay.Client(auth=("rzp_live_{g.alnum(14)}", "{g.alnum(24)}"))'],
           extra_negatives=lambda g: [f"RAZORPAY_KEY_ID=rzp_live_{g.alnum(14)}",
                                      f'client = razorpay.Client(auth=("rzp_live_{g.alnum(14)}", RAZORPAY_SECRET))'])

keyed_rule("payments", "mollie-api-key",
           "Mollie API key (live_/test_ + 30 base62) or organization access token (access_ + 40) next to a Mollie name",
           "mollie", r"(?:live|test)_[0-9A-Za-z]{30}|access_[0-9A-Za-z]{40}",
           lambda g: "live_" + g.alnum(30),
           "https://my.mollie.com/dashboard/developers/api-keys (Reset the key)", ["mollie"],
           severity="critical", end=END_WORD, min_entropy=3.5, verb="Reset",
           contexts=[r"(?i:mollie)[^\n]{0,60}?setApiKey\(\s*[\"']",
                     r"(?i:mollie)[^\n]{0,60}?setAccessToken\(\s*[\"']"],
           extra_examples=lambda g: [f'$mollie->setApiKey("live_{g.alnum(30)}");',
                                     f"MOLLIE_ACCESS_TOKEN=access_{g.alnum(40)}"],
           extra_negatives=lambda g: [f"MOLLIE_PROFILE_ID=pfl_{g.alnum(10)}"])

keyed_rule("payments", "checkout-secret-key",
           "Checkout.com secret key (sk_, sk_sbox_ or sk_test_ + UUID or 26 base32) next to a Checkout.com name",
           r"checkout(?:[_.-]?com)?", r"sk_(?:sbox_|test_)?(?:" + UUID_RE + r"|[0-9a-z]{26})",
           lambda g: "sk_" + g.r.choice(["", "sbox_"]) + g.s(LOWER[:26] + "234567", 26),
           "https://dashboard.checkout.com (Developers > Keys: revoke the key)",
           # not bare "checkout": `git checkout` is everywhere in scripts and docs
           ["checkout_", "checkout-", "checkout.", "checkoutcom", "checkoutsecret", "checkoutkey", "checkoutapi",
            "checkout=", "checkout:", "checkout\"", "checkout'"], severity="critical", end=END_B64URL,
           min_entropy=3.3,
           words=["checkout", "secret", "key"],
           extra_examples=lambda g: [f"CHECKOUT_SECRET_KEY=sk_{g.uuid()}"],
           extra_negatives=lambda g: [f"CHECKOUT_PUBLIC_KEY=pk_sbox_{g.s(LOWER[:26] + '234567', 26)}",
                                      f"checkout_session_id = cs_test_{g.alnum(40)}"])

# ------------------------------------------------------------------ Shopify (shpat_/shpca_/shppa_/shpss_ + 32 hex)

SHOPIFY_ADMIN_URL = ("the store admin (Settings > Apps and sales channels > Develop apps > the app > API credentials: "
                     "uninstall/rotate the token), review the store's orders and staff changes, ")

for sid, desc, prefix, sev, where in [
        ("shopify-access-token", "Shopify Admin API access token (shpat_)", "shpat_", "critical", SHOPIFY_ADMIN_URL),
        ("shopify-custom-app-access-token", "Shopify custom app access token (shpca_)", "shpca_", "critical",
         SHOPIFY_ADMIN_URL),
        ("shopify-private-app-password", "Shopify private app password / access token (shppa_)", "shppa_", "critical",
         SHOPIFY_ADMIN_URL),
        ("shopify-shared-secret", "Shopify app shared secret / client secret (shpss_)", "shpss_", "high",
         "the Shopify Partner Dashboard or Dev Dashboard (the app > Client credentials: rotate the secret), ")]:
    prefixed_rule("payments", sid, desc, prefix, C_HEX_ANY, 32, "", severity=sev, min_entropy=3.0,
                  make=lambda g, p=prefix: p + g.hex(32), words=["shopify", "token"],
                  remediation=f"Revoke it in {where}" + PURGE,
                  extra_negatives=lambda g: [f"SHOPIFY_API_KEY={g.hex(32)}", "shop = 'acme.myshopify.com'"])

# ------------------------------------------------------------------ Digital goods, shipping, tax

keyed_rule("payments", "lemonsqueezy-api-key", "Lemon Squeezy API key (a long JWT next to a Lemon Squeezy name)",
           r"lemon[_.-]?squeezy", r"eyJ[0-9A-Za-z_-]{15,}\.[0-9A-Za-z_-]{60,}(?:\.[0-9A-Za-z_-]{20,})?",
           lambda g: g._clean(lambda: b64url(b'{"typ":"JWT","alg":"RS256"}') + "." + g.s(B64URL, 400) + "."
                              + g.s(B64URL, 342)),
           "https://app.lemonsqueezy.com/settings/api", ["lemonsqueezy", "lemon_squeezy", "lemon-squeezy",
                                                        "lemon.squeezy"],
           severity="high", end=r"(?:[^0-9A-Za-z_.-]|$)", min_entropy=4.0, words=["lemonsqueezy", "api", "key"],
           bad=lambda g: b64url(b'{"typ":"JWT","alg":"RS256"}') + "." + g.s(B64URL, 30))

keyed_rule("payments", "gumroad-access-token", "Gumroad API access token (40..64 base64url next to a Gumroad name)",
           "gumroad", r"[0-9A-Za-z_-]{40,64}", lambda g: g.s(B64URL, 43),
           "https://app.gumroad.com/settings/advanced (Applications: revoke the access token)", ["gumroad"],
           severity="high", end=END_B64URL, min_entropy=3.8, what="token", words=["gumroad", "access", "token"],
           bad=lambda g: g.s(B64URL, 30),
           tail=KEYISH + NAME_TAIL)

for eid, prefix, desc, sev in [("easypost-api-key", "EZAK", "EasyPost production API key (EZAK + 54 base62)", "high"),
                               ("easypost-test-api-key", "EZTK", "EasyPost test API key (EZTK + 54 base62)", "low")]:
    rule("payments",
         id=eid,
         description=desc,
         severity=sev,
         keywords=[prefix.lower()],
         regex=START_B64 + rf"({prefix}[0-9A-Za-z]{{54}})" + END_B64_STRICT,
         min_entropy=3.8,
         remediation=remediation_at("https://www.easypost.com/account/api-keys (disable the key, create a new one)",
                                    extra="review shipments and label purchases for abuse, "),
         examples=lambda g, p=prefix: [
             f"EASYPOST_API_KEY={p}{g.alnum(54)}",
             f'string {p}Token = "{p}{g.alnum(54)}";',
             f"client = easypost.EasyPostClient('{p}{g.alnum(54)}')",
         ],
         negative_examples=lambda g, p=prefix: [
             f"...{g.s(ALNUM + '+/', 40)}+{p}{g.alnum(54)}/{g.s(ALNUM + '+/', 20)}...",
             f"EASYPOST_API_KEY={p}{g.alnum(40)}",
             f"EASYPOST_API_KEY={p}<your key>",
         ])

rule("payments",
     id="shippo-api-token",
     description="Shippo API token (shippo_live_ / shippo_test_ + 40 hex)",
     severity="high",
     keywords=["shippo_live_", "shippo_test_"],
     regex=r"\b(shippo_(?:live|test)_[0-9a-fA-F]{40})\b",
     min_entropy=3.0,
     remediation=remediation_at("https://apps.goshippo.com/settings/api (Developer keys: delete the key)",
                                "token", extra="review label purchases for abuse, "),
     examples=lambda g: [
         f"SHIPPO_API_KEY=shippo_live_{g.hex(40)}",
         f'shippoToken := "shippo_live_{g.hex(40)}"',
         f"curl https://api.goshippo.com/shipments/ -H \"Authorization: ShippoToken shippo_live_{g.hex(40)}\"",
     ],
     negative_examples=lambda g: [
         f"SHIPPO_API_KEY=shippo_live_{g.hex(30)}",
         "SHIPPO_API_KEY=shippo_live_<your token>",
         "SHIPPO_API_KEY=shippo_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
     ])

# `lob` is inside every "blob"/"global": the name must be a compound (`lob_api`, `lobToken`).
keyed_rule("payments", "lob-api-key", "Lob secret API key (live_/test_ + 35 hex next to a Lob key name)",
           r"\blob[_.-]?(?:api|live|test|secret|key|token)", r"(?:live|test)_[0-9a-f]{35}",
           lambda g: "live_" + g.hex(35),
           "https://dashboard.lob.com/settings/api-keys",
           compound_keywords(["lob"], ["api", "key", "token", "secret"], seps=("_", "", "-", "."))
           + ["lob_live", "lob_test"],
           severity="high", end=END_WORD, min_entropy=3.0, words=["lob", "api", "key"], verb="Roll",
           extra_negatives=lambda g: [f"LOB_API_KEY=live_pub_{g.hex(31)}",
                                      f"blob_token = live_{g.hex(35)}",
                                      f"glob_key: test_{g.hex(35)}"])

named_rule("payments", "taxjar-api-token", "TaxJar API token (32 lowercase alphanumerics next to a TaxJar name)",
           ["taxjar"], C_ALNUM_LOW, 32, "https://app.taxjar.com/account#api-access",
           severity="high", verb="Regenerate", what="token")

named_rule("payments", "moonclerk-api-key", "MoonClerk API key (32 lowercase alphanumerics next to a MoonClerk name)",
           ["moonclerk"], C_ALNUM_LOW, 32, "the MoonClerk account settings (Settings > API Keys)", severity="high")

named_rule("payments", "chartmogul-api-key", "ChartMogul API key (32 lowercase alphanumerics next to a ChartMogul name)",
           ["chartmogul"], C_ALNUM_LOW, 32, "https://app.chartmogul.com/#/admin/api (Profile > API keys)",
           severity="high")

named_rule("payments", "baremetrics-api-key", "Baremetrics API key (25..40 characters next to a Baremetrics name)",
           [r"baremetrics" + KEYISH], "0-9A-Za-z_", "25,40", "https://app.baremetrics.com/settings/api",
           severity="high", make=lambda g: g.s(ALNUM, 25), keywords=["baremetrics"])

named_rule("payments", "partnerstack-api-key", "PartnerStack API key (64 base62 next to a PartnerStack name)",
           [r"partnerstack" + KEYISH], C_ALNUM, 64, "the PartnerStack dashboard (Settings > Integrations > PartnerStack API Keys)",
           severity="high", keywords=["partnerstack"])

named_rule("payments", "loyverse-access-token", "Loyverse API access token (32 lowercase alphanumerics next to a Loyverse name)",
           ["loyverse"], C_ALNUM_LOW, 32, "the Loyverse Back Office (Integrations > Access tokens: delete the token)",
           severity="high", what="token", words=["loyverse", "access", "token"])

keyed_rule("payments", "storecove-api-key", "Storecove API key (32..64 characters next to a Storecove name)",
           "storecove", r"[0-9A-Za-z_]{32,64}", lambda g: g.alnum(44),
           "the Storecove app (API keys: revoke the key)", ["storecove"], severity="high", end=END_WORD,
           min_entropy=3.5, bad=lambda g: g.alnum(20),
           tail=KEYISH + NAME_TAIL)

keyed_rule("payments", "commercejs-secret-key", "Commerce.js (Chec) secret key next to a Commerce.js/Chec secret name",
           r"(?:commerce[_.-]?js|\bchec)[\w.-]{0,20}?secret", r"(?:sk_(?:test_)?)?[0-9A-Za-z]{40,64}",
           lambda g: "sk_" + g.hex(48), "https://dashboard.chec.io/settings/developer (API keys: regenerate)",
           ["commercejs", "commerce_js", "commerce-js", "commerce.js", "chec_secret", "checsecret", "chec-secret"],
           severity="high", end=END_WORD, min_entropy=3.5, words=["commercejs", "secret", "key"],
           bad=lambda g: "sk_" + g.hex(20), verb="Regenerate",
           extra_negatives=lambda g: [f"COMMERCEJS_PUBLIC_KEY=pk_{g.hex(48)}"])

keyed_rule("payments", "shipday-api-key", "Shipday API key (dotted base62 key next to a Shipday name)",
           "shipday", r"[0-9A-Za-z]{3,12}(?:\.[0-9A-Za-z]{3,40}){1,2}",
           lambda g: g.alnum(10) + "." + g.alnum(20),
           "https://dispatch.shipday.com/dashboard#accountInfo (Account > Api Key)", ["shipday"], severity="high",
           end=r"(?:[^0-9A-Za-z_.-]|$)", min_entropy=3.5, bad=lambda g: g.alnum(10) + "." + g.alnum(2),
           tail=KEYISH + NAME_TAIL)

named_rule("payments", "route4me-api-key", "Route4Me API key (32 uppercase alphanumerics next to a Route4Me key name; route IDs share the shape)",
           [r"route4me" + KEYISH], C_ALNUM_UP, 32, "the Route4Me account (Settings > API: regenerate the key)",
           severity="high", verb="Regenerate", keywords=["route4me"],
           extra_negatives=lambda g: [f'route4me_route_id = "{g.hex(32).upper()}"'])

named_rule("payments", "onfleet-api-key", "Onfleet API key (32 lowercase alphanumerics next to an Onfleet name)",
           [r"onfleet" + KEYISH], C_ALNUM_LOW, 32, "https://onfleet.com/dashboard#/manage (Settings > API & Webhooks: delete the key)",
           severity="high", keywords=["onfleet"])

keyed_rule("payments", "requestfinance-api-key", "Request Finance API key (four groups of 7 next to a Request Finance name)",
           r"request[_.-]?finance", r"[0-9A-Za-z]{7}-[0-9A-Za-z]{7}-[0-9A-Za-z]{7}-[0-9A-Za-z]{7}",
           lambda g: "-".join(g.s(DIGITS + UPPER, 7) for _ in range(4)),
           "the Request Finance app (Settings > API keys)", ["requestfinance", "request_finance", "request-finance",
                                                           "request.finance"],
           severity="high", end=END_B64URL, min_entropy=3.3, words=["requestfinance", "api", "key"])

named_rule("payments", "paydirt-api-key", "PaydirtApp API key (32 hex next to a Paydirt name)",
           ["paydirt"], C_HEX, 32, "the Paydirt account (Settings > API)", severity="high")

# `etsy` is inside "GetSystem…"/"SetSysctl": the name must start at a word boundary.
named_rule("payments", "etsy-api-key", "Etsy API keystring (24 lowercase alphanumerics next to an Etsy key/token name)",
           [r"\betsy[\w. -]{0,20}?(?:key|token|secret)"], C_ALNUM_LOW, 24, "https://www.etsy.com/developers/your-apps (the app: request a new keystring)",
           severity="medium", keywords=["etsy"], words=["etsy", "token"], min_entropy=3.5,
           extra_negatives=lambda g: [f'SetSysctl = "{g.s(DIGITS + LOWER, 24)}"',
                                      "if err := sysctl.SetSysctl(sysctlBridgeCallIPTables); err != nil {"])

keyed_rule("payments", "coinbase-commerce-api-key",
           "Coinbase Commerce API key (UUID next to a Coinbase Commerce name or in the X-CC-Api-Key header)",
           r"coinbase[_.-]?commerce[\w.-]{0,20}?(?:api[_.-]?key|key|secret|token)|x-cc-api-key", UUID_RE, lambda g: g.uuid(),
           "https://beta.commerce.coinbase.com/settings/security (API keys: revoke the key)",
           ["coinbase_commerce", "coinbasecommerce", "coinbase-commerce", "coinbase.commerce", "x-cc-api-key"],
           severity="high", min_entropy=3.0, end=END_WORD, words=["coinbase", "commerce", "api", "key"],
           extra_examples=lambda g: [f"curl https://api.commerce.coinbase.com/charges -H 'X-CC-Api-Key: {g.uuid()}'"],
           extra_negatives=lambda g: [f"COINBASE_COMMERCE_CHARGE_ID={g.uuid()}"])
