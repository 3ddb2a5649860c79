"""Rules of the payments family."""
from rulegen.core import *  # noqa: F401,F403

# ============================== payments ==============================

STRIPE_REMEDIATION = ("Roll the key at https://dashboard.stripe.com/apikeys, review recent API requests "
                      "(Developers > Logs) for abuse, " + PURGE)

rule("payments",
     id="stripe-live-secret-key",
     description="Stripe live-mode secret key",
     severity="critical",
     keywords=["sk_live_"],
     regex=r"\b(sk_live_[0-9A-Za-z]{24,99})\b",
     min_entropy=3.5,
     remediation=STRIPE_REMEDIATION,
     examples=lambda g: [
         f"STRIPE_SECRET_KEY=sk_live_{g.alnum(24)}",
         f"Stripe.api_key = 'sk_live_51{g.alnum(97)}'",
         f"curl https://api.stripe.com/v1/charges -u sk_live_{g.alnum(32)}:",
     ],
     negative_examples=lambda g: [
         f"STRIPE_SECRET_KEY=sk_test_{g.alnum(24)}",
         f"STRIPE_PUBLISHABLE_KEY=pk_live_{g.alnum(24)}",
         f"STRIPE_SECRET_KEY=sk_live_{g.alnum(12)}",
         "STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
     ])

rule("payments",
     id="stripe-restricted-key",
     description="Stripe live-mode restricted API key",
     severity="high",
     keywords=["rk_live_"],
     regex=r"\b(rk_live_[0-9A-Za-z]{24,99})\b",
     min_entropy=3.5,
     remediation=STRIPE_REMEDIATION,
     examples=lambda g: [
         f"STRIPE_RESTRICTED_KEY=rk_live_{g.alnum(24)}",
         f'  "stripeKey": "rk_live_51{g.alnum(97)}",',
     ],
     negative_examples=lambda g: [
         f"STRIPE_RESTRICTED_KEY=rk_test_{g.alnum(24)}",
         f"STRIPE_RESTRICTED_KEY=rk_live_{g.alnum(10)}",
         "STRIPE_RESTRICTED_KEY=rk_live_<restricted key>",
     ])
