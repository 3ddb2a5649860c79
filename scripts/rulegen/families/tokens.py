"""Rules of the tokens family."""
from rulegen.core import *  # noqa: F401,F403

# ============================== tokens ==============================

rule("tokens",
     id="jwt",
     description="JSON Web Token (signed)",
     severity="medium",
     keywords=["eyJ"],
     regex=r"\b(eyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{16,})(?:[^0-9A-Za-z_.-]|$)",
     min_entropy=4.0,
     validate="jwt",
     remediation=("Find the issuer (decode the header and payload, which are not encrypted): revoke the token or "
                  "its session there, rotate the signing key if the token does not expire, " + PURGE),
     examples=lambda g: [
         f"Authorization: Bearer {g.jwt()}",
         f"ACCESS_TOKEN={g.jwt()}",
         f'  "id_token": "{g.jwt()}",',
     ],
     negative_examples=lambda g: [
         "token = eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjMifQ.",
         f"header = eyJ{g.s(B64URL, 30)}",
         f"token = eyJ{g.s(B64URL, 20)}.{g.s(B64URL, 30)}.{g.s(B64URL, 30)}",
         # the right shape, a header without `alg`
         f"token = {g.jwt(alg=False)}",
     ])
