"""Rules of the private keys family."""
from rulegen.core import *  # noqa: F401,F403

# ============================== private keys ==============================

PEM_REMEDIATION = ("Treat the key as compromised: generate a new key pair, replace the public key wherever this one "
                   "is trusted (servers' authorized_keys, deploy keys, TLS certificates: revoke them at the CA), "
                   + PURGE)


def pem_rule(rid, kind, desc, headers_re=None, example_headers=(), severity="critical"):
    def examples(g):
        out = [
            g.pem(kind, headers=example_headers),
            f'{rid.replace("-", "_").upper()}="{g.pem(kind, newline=chr(92) + "n", headers=example_headers)}"',
            "key: |\n" + "\n".join("  " + line for line in g.pem(kind, headers=example_headers).split("\n")),
        ]
        return out

    def negatives(g):
        return [
            f'if line.startswith("-----BEGIN {kind}-----"):',
            f"-----BEGIN {kind}-----\n...\n-----END {kind}-----",
            f"-----BEGIN {kind}-----\n{g.s(ALNUM + '+/', 40)}\n-----END {kind}-----",
            f"-----BEGIN {kind.replace('PRIVATE', 'PUBLIC')}-----\n" + "\n".join(wrap(b64(g.bytes(270)), 64))
            + f"\n-----END {kind.replace('PRIVATE', 'PUBLIC')}-----",
        ] + ([] if kind.startswith("PGP") else [
            # base64 of the right length that is not a key structure (no DER SEQUENCE, no magic)
            f"-----BEGIN {kind}-----\n" + "\n".join(wrap(b64(b"\x42" + g.bytes(400)), 64)) + f"\n-----END {kind}-----",
        ])

    rule("private-keys",
         id=rid,
         description=desc,
         severity=severity,
         keywords=[f"BEGIN {kind}"],
         regex=pem_regex(kind, headers_re),
         window=8192,
         min_entropy=4.0,
         validate="pem-private-key",
         remediation=PEM_REMEDIATION,
         examples=examples,
         negative_examples=negatives)


pem_rule("private-key-rsa", "RSA PRIVATE KEY", "RSA private key (PKCS#1 PEM)", LEGACY_PEM_HEADERS)
pem_rule("private-key-ec", "EC PRIVATE KEY", "EC private key (SEC1 PEM)", LEGACY_PEM_HEADERS)
pem_rule("private-key-dsa", "DSA PRIVATE KEY", "DSA private key (PEM)", LEGACY_PEM_HEADERS)
pem_rule("private-key-openssh", "OPENSSH PRIVATE KEY", "OpenSSH private key")
pem_rule("private-key-pkcs8", "PRIVATE KEY", "Private key (unencrypted PKCS#8 PEM)")
pem_rule("private-key-pkcs8-encrypted", "ENCRYPTED PRIVATE KEY",
         "Encrypted private key (PKCS#8 PEM; report it, the passphrase is often nearby)", severity="high")
pem_rule("private-key-pgp", "PGP PRIVATE KEY BLOCK", "PGP private key block", PGP_HEADERS,
         example_headers=("Comment: backup of release signing key",))

# base64 of "PRIVATE KEY-" at each of the three byte alignments (only the chars it fully determines)
_B64_PRIVATE_KEY = "(?:UFJJVkFURSBLRVkt|SVZBVEUgS0VZ|UklWQVRFIEtFWS0)"
rule("private-keys",
     id="private-key-pem-base64",
     description="PEM private key that was base64-encoded as a whole (Kubernetes secrets, CI variables)",
     severity="critical",
     keywords=["LS0tLS1CRUdJTi"],
     regex=r"\b(LS0tLS1CRUdJTi[A-Za-z0-9+/]{0,40}?" + _B64_PRIVATE_KEY + r"[A-Za-z0-9+/]{100,}={0,2})",
     min_entropy=4.0,
     remediation=PEM_REMEDIATION,
     examples=lambda g: [
         f"PRIVATE_KEY_B64={b64(g.pem('RSA PRIVATE KEY').encode())}",
         f"  tls.key: {b64((g.pem('PRIVATE KEY') + chr(10)).encode())}",
         f'{{"sshKey": "{b64(g.pem("OPENSSH PRIVATE KEY").encode())}"}}',
     ],
     negative_examples=lambda g: [
         "  tls.crt: " + b64(("-----BEGIN CERTIFICATE-----\n" + chr(10).join(wrap(b64(g.bytes(600)), 64))
                              + "\n-----END CERTIFICATE-----\n").encode()),
         "HEADER_B64=" + b64(b"-----BEGIN RSA PRIVATE KEY-----"),
         "PUB_B64=" + b64(("-----BEGIN PUBLIC KEY-----\n" + chr(10).join(wrap(b64(g.bytes(270)), 64))
                           + "\n-----END PUBLIC KEY-----\n").encode()),
     ])
