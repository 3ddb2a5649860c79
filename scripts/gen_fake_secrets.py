#!/usr/bin/env python3
"""Generate keysweep's built-in rule files (rules/*.toml) with FAKE example secrets.

Every rule lives here once: its metadata, its regex, and two functions that build
its examples (each must produce a finding of that rule) and negative examples
(each must not).  Every example secret is random, drawn from a seeded
`random.Random`, so a run is reproducible and no real credential is ever copied
into the repository.  Where a format carries a checksum the fake carries a valid
one (GitHub/npm CRC32, OpenPGP armor CRC24, Ed25519 public half of a Coinbase CDP
key, secp256k1 range of an Ethereum key).

Usage (from the repository root):
    python3 scripts/gen_fake_secrets.py            # (re)write rules/*.toml
    python3 scripts/gen_fake_secrets.py --check    # write, then check every rule
    python3 scripts/gen_fake_secrets.py --stdout   # print the TOML instead

`--check` parses the files back with tomllib and runs every regex the way the
engine does (bytes, ASCII classes, only inside the window around a keyword
hit, entropy floor, placeholder filter, secp256k1 range), so a broken rule is
caught before the Rust test exists.  Python 3.11+, standard library only.
"""
import argparse
import base64
import hashlib
import json
import math
import os
import random
import re
import sys
import zlib
from collections import Counter

SEED = "keysweep-fake-secrets-v1"

DIGITS = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOWER = "abcdefghijklmnopqrstuvwxyz"
LETTERS = UPPER + LOWER
ALNUM = DIGITS + UPPER + LOWER  # also the base62 alphabet, in GitHub's order
HEX = "0123456789abcdef"
B64URL = ALNUM + "-_"
B32AWS = UPPER + "234567"

# Substrings the engine treats as placeholders; a fake secret must contain none
# (plus a few words that would make a reviewer think the example is not random).
ENGINE_PLACEHOLDER_MARKERS = ("example", "xxxxx", "${", "{{", "<", ">", "your_", "your-", "yourkey",
                              "changeme", "placeholder", "redacted", "dummy", "*****", "....")
PLACEHOLDER_WORDS = ENGINE_PLACEHOLDER_MARKERS + ("test", "fake", "sample")

SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141


def looks_like_placeholder(s):
    low = s.lower()
    if any(w in low for w in PLACEHOLDER_WORDS):
        return True
    return re.search(r"(.)\1{5,}", s) is not None  # engine: 8 identical; keep a margin


def shannon(s):
    if not s:
        return 0.0
    b = s.encode() if isinstance(s, str) else s
    n = len(b)
    return -sum(c / n * math.log2(c / n) for c in Counter(b).values())


# ---------------------------------------------------------------- small crypto helpers

def crc24(data):
    """OpenPGP armor checksum (RFC 4880 6.1)."""
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def base62(n, width):
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = ALNUM[r] + out
    return out.rjust(width, "0")


_P = 2 ** 255 - 19
_D = -121665 * pow(121666, _P - 2, _P) % _P


def _ed_add(a, b):
    x1, y1, z1, t1 = a
    x2, y2, z2, t2 = b
    aa = (y1 - x1) * (y2 - x2) % _P
    bb = (y1 + x1) * (y2 + x2) % _P
    cc = t1 * 2 * _D * t2 % _P
    dd = z1 * 2 * z2 % _P
    e, f, g, h = bb - aa, dd - cc, dd + cc, bb + aa
    return (e * f % _P, g * h % _P, f * g % _P, e * h % _P)


def _ed_base():
    y = 4 * pow(5, _P - 2, _P) % _P
    x2 = (y * y - 1) * pow(_D * y * y + 1, _P - 2, _P) % _P
    x = pow(x2, (_P + 3) // 8, _P)
    if (x * x - x2) % _P:
        x = x * pow(2, (_P - 1) // 4, _P) % _P
    if x & 1:
        x = _P - x
    return (x, y, 1, x * y % _P)


def ed25519_public(seed):
    """Public key of an Ed25519 seed (RFC 8032 5.1.5)."""
    h = hashlib.sha512(seed).digest()
    a = int.from_bytes(h[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    q, p = (0, 1, 1, 0), _ed_base()
    while a:
        if a & 1:
            q = _ed_add(q, p)
        p = _ed_add(p, p)
        a >>= 1
    zi = pow(q[2], _P - 2, _P)
    x, y = q[0] * zi % _P, q[1] * zi % _P
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


# ---------------------------------------------------------------- wallet formats

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
# The official BIP39 English wordlist (public spec data, 2048 lines), beside this script.
BIP39_WORDS = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bip39-english.txt"),
                   encoding="ascii").read().split()
assert len(BIP39_WORDS) == 2048


def b58encode(data):
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def b58decode(s):
    n = 0
    for c in s:
        i = B58.find(c)
        if i < 0:
            return None
        n = n * 58 + i
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    return b"\0" * (len(s) - len(s.lstrip("1"))) + body


def dsha(data):
    return hashlib.sha256(hashlib.sha256(data).digest()).digest()


def b58check(payload):
    return b58encode(payload + dsha(payload)[:4])


def b58check_decode(s):
    raw = b58decode(s)
    if raw is None or len(raw) < 5 or dsha(raw[:-4])[:4] != raw[-4:]:
        return None
    return raw[:-4]


def mnemonic(entropy):
    """BIP39: entropy (16..32 bytes) -> phrase with SHA-256 checksum bits."""
    bits = bin(int.from_bytes(entropy, "big"))[2:].zfill(len(entropy) * 8)
    cs = bin(hashlib.sha256(entropy).digest()[0])[2:].zfill(8)[: len(entropy) // 4]
    bits += cs
    return " ".join(BIP39_WORDS[int(bits[i:i + 11], 2)] for i in range(0, len(bits), 11))


def mnemonic_valid(phrase):
    words = [w.lower() for w in re.split(r"[\s\"',`\[\]()\-0-9.]+", phrase) if w]
    if len(words) not in (12, 15, 18, 21, 24) or any(w not in BIP39_WORDS for w in words):
        return False
    if words == sorted(words) and len(set(words)) == len(words):
        return False  # a run of the wordlist itself
    bits = "".join(bin(BIP39_WORDS.index(w))[2:].zfill(11) for w in words)
    ent_len = len(words) * 11 * 32 // 33
    ent = int(bits[:ent_len], 2).to_bytes(ent_len // 8, "big")
    return mnemonic(ent) == " ".join(words)


XPRV_VERSIONS = {"xprv": 0x0488ADE4, "tprv": 0x04358394, "yprv": 0x049D7878, "zprv": 0x04B2430C,
                 "Yprv": 0x0295B005, "Zprv": 0x02AA7A99, "uprv": 0x044A4E28, "vprv": 0x045F18BC,
                 "Uprv": 0x024285B5, "Vprv": 0x02575048, "Ltpv": 0x019D9CFE, "Mtpv": 0x01B26792}


def xprv_valid(s):
    p = b58check_decode(s)
    if p is None or len(p) != 78 or int.from_bytes(p[:4], "big") not in XPRV_VERSIONS.values():
        return False
    if p[4] == 0 and any(p[5:13]):
        return False
    return p[45] == 0 and 1 <= int.from_bytes(p[46:], "big") < SECP256K1_N


def wif_valid(s):
    p = b58check_decode(s)
    if p is None or p[0] not in (0x80, 0xEF):
        return False
    if not (len(p) == 33 or (len(p) == 34 and p[33] == 1)):
        return False
    return 1 <= int.from_bytes(p[1:33], "big") < SECP256K1_N


def keypair_valid(s):
    s = s.strip()
    if s.startswith("["):
        try:
            b = bytes(int(x) for x in s[1:-1].split(","))
        except ValueError:
            return False
    elif len(s) == 88 and s.endswith("=="):
        b = base64.b64decode(s)
    else:
        b = b58decode(s)
    return b is not None and len(b) == 64 and ed25519_public(b[:32]) == b[32:]


# --- NIST P-256 (Coinbase CDP keys): affine arithmetic, enough to derive a public key.
P256_P = 2**256 - 2**224 + 2**192 + 2**96 - 1
P256_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
P256_G = (0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
          0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5)


def _p256_add(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if a[0] == b[0] and (a[1] + b[1]) % P256_P == 0:
        return None
    if a == b:
        lam = (3 * a[0] * a[0] - 3) * pow(2 * a[1], -1, P256_P) % P256_P
    else:
        lam = (b[1] - a[1]) * pow(b[0] - a[0], -1, P256_P) % P256_P
    x = (lam * lam - a[0] - b[0]) % P256_P
    return x, (lam * (a[0] - x) - a[1]) % P256_P


def p256_public(d):
    """Uncompressed SEC1 point (65 bytes) of scalar d."""
    acc, add = None, P256_G
    while d:
        if d & 1:
            acc = _p256_add(acc, add)
        add = _p256_add(add, add)
        d >>= 1
    return b"\x04" + acc[0].to_bytes(32, "big") + acc[1].to_bytes(32, "big")


def p256_sec1_der(d):
    """SEC1 ECPrivateKey DER (what `-----BEGIN EC PRIVATE KEY-----` holds), 121 bytes."""
    return (bytes.fromhex("30770201010420") + d.to_bytes(32, "big")
            + bytes.fromhex("a00a06082a8648ce3d030107a144034200") + p256_public(d))


def p256_pkcs8_der(d):
    """PKCS#8 DER of a P-256 key with its public key (the CDP wallet secret), 138 bytes."""
    return (bytes.fromhex("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420")
            + d.to_bytes(32, "big") + bytes.fromhex("a144034200") + p256_public(d))


def _pem_body(s):
    m = re.search(r"-----BEGIN ([A-Z ]+)-----(.*?)-----END ", s, re.S)
    if not m:
        return None, None
    body = re.sub(r"\\[nr]|[\s\"']", "", m.group(2))
    try:
        return m.group(1), base64.b64decode(body, validate=True)
    except ValueError:
        return None, None


def _der_scalar_and_point(der, label):
    if label == "EC PRIVATE KEY" and len(der) == 121 and der[:7] == bytes.fromhex("30770201010420"):
        return int.from_bytes(der[7:39], "big"), der[-65:]
    if len(der) == 138 and der[:36] == bytes.fromhex("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420"):
        return int.from_bytes(der[36:68], "big"), der[-65:]
    return None, None


def p256_valid(s):
    s = s.strip()
    if s.startswith("-----BEGIN "):
        label, der = _pem_body(s)
    else:
        label = "PRIVATE KEY"
        try:
            der = base64.b64decode(s, validate=True)
        except ValueError:
            return False
    if der is None:
        return False
    d, point = _der_scalar_and_point(der, label)
    return d is not None and 1 <= d < P256_N and p256_public(d) == point


def base64_64_valid(s):
    t = s.strip()
    t = t[:-2] if t.endswith("==") else t
    try:
        return len(base64.b64decode(t + "==", validate=True)) == 64 and re.fullmatch(r"[A-Za-z0-9+/]+", t) is not None
    except ValueError:
        return False


def pem_der_valid(s):
    _, der = _pem_body(s)
    if not der or der[0] != 0x30 or len(der) < 2:
        return False
    n = der[1]
    if n < 0x80:
        return len(der) == 2 + n
    if n == 0x81:
        return len(der) >= 3 and der[2] >= 0x80 and len(der) == 3 + der[2]
    if n == 0x82:
        return len(der) >= 4 and der[2] > 0 and len(der) == 4 + (der[2] << 8 | der[3])
    return False


def eth_valid(s):
    k = int(s[2:] if s[:2].lower() == "0x" else s, 16)
    return 1 <= k < SECP256K1_N


KNOWN_PUBLIC = {"test test test test test test test test test test test junk",
                "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
                "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"}
# src/filters/known_keys.rs DOCUMENTED_KEYS (compared exactly): documentation samples and the
# ethers.js default provider keys, public by publication.
KNOWN_PUBLIC |= {"_gg7wSSi0KMBsdKnGVfHDueq6xMB9EkC", "84842078b09946638c03157f83405213",
                 "9f7d929b018cdffb338517efa06f58359e86ff1ffd350bc889738523659e7972",
                 "919b412a057b5e9c9b6dce193c5a60242d6efadb", "39f1d67cedf8b7831010a665328c9197",
                 "94566af5e63833e260be", "mx004dN8BTlMyJgOf2", "master-SBR89HWzNzbSfsj9ADI8",
                 "fo7WAPRm4P", "W0H6FJW4IRPZ1MOQ8FP6KMC5RZDUUKXS", "g3BLnUYMOQsIo9V5",
                 "M4009eFnOoPwhNoMwJlsAHgIgleGVFPl", "a7Xd92LmQW3vBtRzYpMj5CxNKeT1HuVs0fFgJcAw",
                 "L7rVaYfBIc2BDsnlQGfkR93d6DoOAJCw7mJr5Eso"}

VALIDATORS = {"secp256k1-scalar": eth_valid, "bip39-checksum": mnemonic_valid,
              "base58check-xprv": xprv_valid, "base58check-wif": wif_valid,
              "ed25519-keypair": keypair_valid, "p256-private-key": p256_valid,
              "base64-64-bytes": base64_64_valid, "pem-der": pem_der_valid}


def b64(data):
    return base64.b64encode(data).decode()


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def wrap(s, width):
    return [s[i:i + width] for i in range(0, len(s), width)]


# ---------------------------------------------------------------- generator of fakes

class Gen:
    """Random fakes for one rule; seeded by the rule id so rules are independent."""

    def __init__(self, rule_id):
        self.r = random.Random(f"{SEED}:{rule_id}")

    def _clean(self, make):
        for _ in range(1000):
            s = make()
            if not looks_like_placeholder(s):
                return s
        raise RuntimeError("could not draw a clean fake")

    def s(self, alphabet, n):
        return self._clean(lambda: "".join(self.r.choice(alphabet) for _ in range(n)))

    def alnum(self, n):
        return self.s(ALNUM, n)

    def hex(self, n):
        return self.s(HEX, n)

    def digits(self, n):
        return self.r.choice("123456789") + "".join(self.r.choice(DIGITS) for _ in range(n - 1))

    def bytes(self, n):
        return bytes(self.r.getrandbits(8) for _ in range(n))

    def uuid(self):
        h = self.hex(32)
        h = h[:12] + "4" + h[13:16] + self.r.choice("89ab") + h[17:]
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    # --- provider formats -------------------------------------------------------
    def crc_token(self, prefix):
        """GitHub / npm style: prefix + 30 base62 + base62(crc32(random part)), 6 chars."""
        body = self.alnum(30)
        return prefix + body + base62(zlib.crc32(body.encode()), 6)

    def b64_clean(self, nbytes, url=False):
        return self._clean(lambda: (b64url if url else b64)(self.bytes(nbytes)))

    def ed25519_secret(self):
        """Coinbase CDP Ed25519 secret: base64(seed || public key), 88 chars."""
        def make():
            seed = self.bytes(32)
            return b64(seed + ed25519_public(seed))
        return self._clean(make)

    def eth_key(self):
        while True:
            k = self.r.getrandbits(256)
            if 1 <= k < SECP256K1_N:
                s = f"{k:064x}"
                if not looks_like_placeholder(s):
                    return s

    # --- wallet formats -----------------------------------------------------------
    def scalar(self):
        while True:
            k = self.r.getrandbits(256)
            if 1 <= k < SECP256K1_N:
                return k.to_bytes(32, "big")

    def mnemonic(self, words=12):
        # Drawn until clean: "test", "sample" and "example" are wordlist words too.
        return self._clean(lambda: mnemonic(self.bytes(words * 4 // 3)))

    def xprv(self, prefix="xprv", depth=None):
        depth = self.r.randint(0, 5) if depth is None else depth
        head = XPRV_VERSIONS[prefix].to_bytes(4, "big") + bytes([depth])
        head += bytes(8) if depth == 0 else self.bytes(8)
        return self._clean(lambda: b58check(head + self.bytes(32) + b"\0" + self.scalar()))

    def xpub(self, prefix_version=0x0488B21E):
        head = prefix_version.to_bytes(4, "big") + bytes([2]) + self.bytes(8)
        return self._clean(lambda: b58check(head + self.bytes(32) + bytes([2 + self.r.getrandbits(1)])
                                            + self.bytes(32)))

    def wif(self, version=0x80, compressed=True):
        return self._clean(lambda: b58check(bytes([version]) + self.scalar()
                                            + (b"\1" if compressed else b"")))

    def btc_address(self, version=0x00):
        return self._clean(lambda: b58check(bytes([version]) + self.bytes(20)))

    def solana_keypair_bytes(self):
        seed = self.bytes(32)
        return seed + ed25519_public(seed)

    def solana_b58(self):
        return self._clean(lambda: b58encode(self.solana_keypair_bytes()))


    def password(self, n=None):
        n = n or self.r.randint(16, 28)
        first = self.alnum(1)
        return first + self.s(ALNUM + "-_.~!+", n - 1)

    def jwt(self):
        alg = self.r.choice(["HS256", "RS256", "ES256"])
        header = json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":"))
        iat = self.r.randint(1_600_000_000, 1_800_000_000)
        payload = json.dumps({"sub": self.uuid(), "iat": iat, "exp": iat + 3600,
                              "scope": self.r.choice(["read write", "admin", "user"])},
                             separators=(",", ":"))
        sig = self.bytes(64 if alg == "ES256" else (256 if alg == "RS256" else 32))
        return self._clean(lambda: f"{b64url(header.encode())}.{b64url(payload.encode())}.{b64url(sig)}")

    def pypi(self):
        """A macaroon-shaped PyPI token: v2 macaroon, location pypi.org, uuid id, caveat, sig."""
        def field(t, data):
            return bytes([t, len(data)]) + data
        ident = self.uuid().encode()
        caveat = json.dumps([1, [self.r.choice(["requests-toolbelt", "acme-utils", "pkg"])]],
                            separators=(",", ":")).encode()
        mac = (b"\x02" + field(1, b"pypi.org") + field(2, ident) + b"\x00"
               + field(2, caveat) + b"\x00" + b"\x00" + field(6, self.bytes(32)))
        return "pypi-" + b64url(mac)

    def discord(self):
        uid = str(self.r.randint(10 ** 16, 10 ** 19 - 1))
        part1 = base64.b64encode(uid.encode()).decode().rstrip("=")
        return self._clean(lambda: f"{part1}.{self.s(B64URL, 6)}.{self.s(B64URL, 38)}")

    def telegram(self):
        return f"{self.digits(self.r.randint(8, 10))}:AA{self.s(B64URL, 33)}"

    def anthropic(self, kind):
        return self._clean(lambda: f"sk-ant-{kind}-{self.s(B64URL, 93)}AA")

    def openai(self, kind):
        return self._clean(lambda: f"sk-{kind}-{self.s(B64URL, 74)}T3BlbkFJ{self.s(B64URL, 74)}")

    # --- PEM --------------------------------------------------------------------
    def der(self, kind):
        r = self.bytes
        if kind == "RSA PRIVATE KEY":  # PKCS#1, 1024-bit sized
            return bytes.fromhex("3082025c02010002818100") + r(596)
        if kind == "EC PRIVATE KEY":  # SEC1 P-256: 121 bytes, body starts MHcCAQEEI
            return (bytes.fromhex("30770201010420") + r(32)
                    + bytes.fromhex("a00a06082a8648ce3d030107a14403420004") + r(64))
        if kind == "DSA PRIVATE KEY":
            return bytes.fromhex("308201bb02010002818100") + r(432)
        if kind == "PRIVATE KEY":  # PKCS#8 Ed25519 (48 bytes) is too short to be interesting
            return bytes.fromhex("308204be020100300d06092a864886f70d0101010500048204a8") + r(1000)
        if kind == "ENCRYPTED PRIVATE KEY":
            return bytes.fromhex("308205263058") + r(800)
        if kind == "OPENSSH PRIVATE KEY":
            return b"openssh-key-v1\x00" + bytes.fromhex("000000046e6f6e65") + r(380)
        if kind == "PGP PRIVATE KEY BLOCK":
            return bytes.fromhex("9501d804") + r(470)
        raise KeyError(kind)

    def pem(self, kind, newline="\n", headers=()):
        def make():
            der = self.der(kind)
            body = b64(der)
            lines = wrap(body, 70 if kind == "OPENSSH PRIVATE KEY" else 64)
            if kind == "PGP PRIVATE KEY BLOCK":
                lines = list(headers) + [""] + lines + ["=" + b64(crc24(der).to_bytes(3, "big"))]
            elif headers:
                lines = list(headers) + [""] + lines
            return newline.join([f"-----BEGIN {kind}-----"] + lines + [f"-----END {kind}-----"])
        return self._clean(make)


# ---------------------------------------------------------------- shared regex pieces

# Separator between a variable/config name and its value: `=`, `:`, `:=`, `=>`, `==`, or
# whitespace (a CLI flag), with optional quotes around either side.
ASSIGN = r"""["']?\s*(?:[:=]{1,2}>?|\s)\s*["']?"""
# Token ends: next byte is not part of a base64url token (or the window ends).
END_B64URL = r"(?:[^0-9A-Za-z_-]|$)"
END_B64 = r"(?:[^0-9A-Za-z+/=]|$)"


def pem_regex(kind, headers=None):
    """A whole PEM block from BEGIN to END whose body holds a run of >= 60 base64 chars.

    The body may use real newlines, the two-byte `\\n` escape (JSON, .env) or be split over
    quoted string literals joined with `+`; a bare
    BEGIN line, or a block whose body is `...`, does not match.
    """
    head = r"(?:\\[rn]|\s)*"
    if headers:
        head += r"(?:" + headers + r")?"
    body = r"[A-Za-z0-9+/=\\\s\"']*?"
    return (rf"(-----BEGIN {kind}-----{head}{body}[A-Za-z0-9+/]{{60}}{body}"
            rf"-----END {kind}-----)")


LEGACY_PEM_HEADERS = r"Proc-Type:[^\r\n\\]*(?:\\[rn]|\s)+DEK-Info:[^\r\n\\]*(?:\\[rn]|\s)+"
PGP_HEADERS = r"(?:[A-Za-z][A-Za-z-]*:[^\r\n\\]*(?:\\[rn]|\s)+)+"

PURGE = "then purge it from git history (git filter-repo or BFG) and force-push."

EXCHANGE_REMEDIATION = ("Delete the key at {url} now, review the account's API activity, open orders "
                        "and withdrawal history for abuse, then create a new key with the least "
                        "permissions (no withdrawal), an IP allowlist, and keep it in a secret "
                        "manager; " + PURGE)


# ---------------------------------------------------------------- the rules

RULES = {}  # file stem -> list of rule dicts


def rule(family, **kw):
    RULES.setdefault(family, []).append(kw)


# ============================== cloud ==============================

rule("cloud",
     id="aws-access-key-id",
     description="AWS access key ID (long-term AKIA, temporary ASIA, ABIA/ACCA)",
     severity="high",
     keywords=["AKIA", "ASIA", "ABIA", "ACCA"],
     regex=r"\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b",
     min_entropy=3.0,
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

rule("cloud",
     id="aws-secret-access-key",
     description="AWS secret access key next to an AWS secret key name",
     severity="critical",
     keywords=["secret_access_key", "secretaccesskey", "secret-access-key", "aws_secret", "aws-secret"],
     regex=(r"(?i:secret[_-]?access[_-]?key|aws[_-]secret(?:[_-]key)?)[A-Za-z_]*" + ASSIGN
            + r"([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)"),
     min_entropy=4.0,
     remediation=("Deactivate and delete the access key in IAM (https://console.aws.amazon.com/iam/home#/security_credentials), "
                  "check CloudTrail for its use, issue a new key or switch to a role, " + PURGE),
     examples=lambda g: [
         f"AWS_SECRET_ACCESS_KEY={g.s(ALNUM + '/+', 40)}",
         f'aws_secret_access_key: "{g.s(ALNUM + "/+", 40)}"',
         f'    "SecretAccessKey": "{g.s(ALNUM + "/+", 40)}",',
         f"aws configure set aws_secret_access_key {g.s(ALNUM + '/+', 40)}",
     ],
     negative_examples=lambda g: [
         "AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}",
         f"aws_secret_access_key = {g.s(ALNUM + '/+', 39)}",
         "aws_secret_access_key: <your secret key>",
         f"secret_access_key = {g.s(ALNUM, 64)}",
     ])

rule("cloud",
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

rule("cloud",
     id="gcp-service-account-key",
     description="Google Cloud service-account key file (private_key in a service_account JSON)",
     severity="critical",
     keywords=["service_account"],
     regex=(r'(?s)"type"\s*:\s*"service_account".*?"private_key"\s*:\s*"'
            + pem_regex("(?:RSA )?PRIVATE KEY")),
     window=8192,
     min_entropy=4.0,
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

# ============================== vcs ==============================

GH_REMEDIATION = "Revoke it at {url}, create a new token with the least scopes and an expiry, " + PURGE


def github_rule(rid, prefix, desc, url, length="{36}", severity="critical"):
    rule("vcs",
         id=rid,
         description=desc,
         severity=severity,
         keywords=[prefix],
         regex=rf"\b({prefix}[0-9A-Za-z]{length})\b",
         min_entropy=3.5,
         remediation=GH_REMEDIATION.format(url=url),
         examples=lambda g: [
             f"GITHUB_TOKEN={g.crc_token(prefix)}",
             f"git clone https://x-access-token:{g.crc_token(prefix)}@github.com/acme/infra.git",
             f'headers = {{"Authorization": "token {g.crc_token(prefix)}"}}',
         ],
         negative_examples=lambda g: [
             f"GITHUB_TOKEN={prefix}{g.alnum(30)}",
             f"token: {prefix}XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
             f"id = {prefix}{g.alnum(36)}_{g.alnum(4)}",
         ])


github_rule("github-classic-pat", "ghp_", "GitHub classic personal access token",
            "https://github.com/settings/tokens")
github_rule("github-oauth-token", "gho_", "GitHub OAuth access token",
            "https://github.com/settings/applications (Authorized OAuth Apps)")
github_rule("github-user-to-server-token", "ghu_", "GitHub App user-to-server token",
            "https://github.com/settings/apps/authorizations")
github_rule("github-server-to-server-token", "ghs_", "GitHub App installation (server-to-server) token",
            "https://github.com/settings/apps (rotate the app's private key; installation tokens expire within an hour)",
            severity="high")
github_rule("github-refresh-token", "ghr_", "GitHub App refresh token",
            "https://github.com/settings/apps/authorizations", length="{36,76}")

rule("vcs",
     id="github-fine-grained-pat",
     description="GitHub fine-grained personal access token",
     severity="critical",
     keywords=["github_pat_"],
     regex=r"\b(github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59})\b",
     min_entropy=4.0,
     remediation=GH_REMEDIATION.format(url="https://github.com/settings/personal-access-tokens"),
     examples=lambda g: [
         f"GH_TOKEN=github_pat_11{g.s(UPPER + DIGITS, 20)}_{g.alnum(59)}",
         f'  token: "github_pat_11{g.s(UPPER + DIGITS, 20)}_{g.alnum(59)}"',
         f"echo github_pat_11{g.s(UPPER + DIGITS, 20)}_{g.alnum(59)} | gh auth login --with-token",
     ],
     negative_examples=lambda g: [
         f"GH_TOKEN=github_pat_{g.alnum(22)}_{g.alnum(40)}",
         f"GH_TOKEN=github_pat_{g.alnum(22)}{g.alnum(60)}",
         "GH_TOKEN=github_pat_<your token>",
     ])

GL_REMEDIATION = "Revoke it at {url}, create a new token with the least scopes and an expiry, " + PURGE

rule("vcs",
     id="gitlab-pat",
     description="GitLab personal, project or group access token (glpat-, classic and routable)",
     severity="critical",
     keywords=["glpat-"],
     regex=r"\b(glpat-[0-9A-Za-z_-]{20,300}(?:\.[0-9A-Za-z]{2}\.[0-9A-Za-z]{6,12})?)" + END_B64URL,
     min_entropy=3.5,
     remediation=GL_REMEDIATION.format(url="https://gitlab.com/-/user_settings/personal_access_tokens "
                                           "(or the project's/group's Settings > Access tokens)"),
     examples=lambda g: [
         f"GITLAB_TOKEN=glpat-{g.s(B64URL, 20)}",
         f'curl --header "PRIVATE-TOKEN: glpat-{g.s(B64URL, 20)}" https://gitlab.com/api/v4/projects',
         f"  gitlab_token: glpat-{g.s(B64URL, 27)}.01.{g.s(DIGITS + LOWER, 9)}",
     ],
     negative_examples=lambda g: [
         f"GITLAB_TOKEN=glpat-{g.s(B64URL, 12)}",
         "GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx",
         "GITLAB_TOKEN=glpat-<your-token>",
     ])

rule("vcs",
     id="gitlab-runner-token",
     description="GitLab runner authentication token (glrt-)",
     severity="high",
     keywords=["glrt-"],
     regex=r"\b(glrt-[0-9A-Za-z_-]{20,300}(?:\.[0-9A-Za-z]{2}\.[0-9A-Za-z]{6,12})?)" + END_B64URL,
     min_entropy=3.5,
     remediation=("Reset the runner's authentication token (project/group Settings > CI/CD > Runners, or "
                  "`gitlab-runner` re-register), " + PURGE),
     examples=lambda g: [
         f'token = "glrt-{g.s(B64URL, 20)}"',
         f"gitlab-runner register --url https://gitlab.com --token glrt-{g.s(B64URL, 27)}.01.{g.s(DIGITS + LOWER, 9)}",
     ],
     negative_examples=lambda g: [
         f'token = "glrt-{g.s(B64URL, 10)}"',
         'token = "glrt-REDACTED_REDACTED_REDACTED"',
     ])

rule("vcs",
     id="gitlab-pipeline-trigger-token",
     description="GitLab pipeline trigger token (glptt-)",
     severity="medium",
     keywords=["glptt-"],
     regex=r"\b(glptt-[0-9a-f]{40})\b",
     min_entropy=3.0,
     remediation=("Revoke the trigger in the project's Settings > CI/CD > Pipeline trigger tokens, create a new one, "
                  + PURGE),
     examples=lambda g: [
         f"curl -X POST -F token=glptt-{g.hex(40)} -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline",
         f"TRIGGER_TOKEN=glptt-{g.hex(40)}",
     ],
     negative_examples=lambda g: [
         f"TRIGGER_TOKEN=glptt-{g.hex(20)}",
         "TRIGGER_TOKEN=glptt-$CI_JOB_TOKEN",
     ])

rule("vcs",
     id="gitlab-deploy-token",
     description="GitLab deploy token (gldt-)",
     severity="high",
     keywords=["gldt-"],
     regex=r"\b(gldt-[0-9A-Za-z_-]{20,300})" + END_B64URL,
     min_entropy=3.5,
     remediation=("Revoke the deploy token in the project's Settings > Repository > Deploy tokens, create a new one, "
                  + PURGE),
     examples=lambda g: [
         f"DEPLOY_TOKEN=gldt-{g.s(B64URL, 20)}",
         f"docker login registry.gitlab.com -u gitlab+deploy-token-7 -p gldt-{g.s(B64URL, 20)}",
     ],
     negative_examples=lambda g: [
         f"DEPLOY_TOKEN=gldt-{g.s(B64URL, 8)}",
         "DEPLOY_TOKEN=gldt-${DEPLOY_TOKEN}",
     ])

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

# ============================== ai ==============================

OPENAI_REMEDIATION = ("Revoke it at {url}, check usage at https://platform.openai.com/usage for abuse, "
                      "create a new key scoped to one project, " + PURGE)


def openai_rule(rid, kind, desc, url, severity="high"):
    rule("ai",
         id=rid,
         description=desc,
         severity=severity,
         keywords=[f"sk-{kind}-"],
         regex=rf"\b(sk-{kind}-[0-9A-Za-z_-]{{40,250}})" + END_B64URL,
         min_entropy=4.0,
         remediation=OPENAI_REMEDIATION.format(url=url),
         examples=lambda g: [
             f"OPENAI_API_KEY={g.openai(kind)}",
             f'client = OpenAI(api_key="{g.openai(kind)}")',
             f'  openai_api_key: "{g.openai(kind)}"',
         ],
         negative_examples=lambda g: [
             f"OPENAI_API_KEY=sk-{kind}-{g.s(ALNUM, 20)}",
             f"OPENAI_API_KEY=sk-{kind}-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
             f"OPENAI_API_KEY=sk-{kind}-<your key>",
         ])


openai_rule("openai-project-key", "proj", "OpenAI project API key (sk-proj-)",
            "https://platform.openai.com/api-keys")
openai_rule("openai-service-account-key", "svcacct", "OpenAI service-account API key (sk-svcacct-)",
            "https://platform.openai.com/api-keys (project > Service accounts)")
openai_rule("openai-admin-key", "admin", "OpenAI organization admin key (sk-admin-)",
            "https://platform.openai.com/settings/organization/admin-keys", severity="critical")

rule("ai",
     id="openai-legacy-key",
     description="OpenAI legacy user API key (sk-…T3BlbkFJ…)",
     severity="high",
     keywords=["T3BlbkFJ"],
     regex=r"\b(sk-[0-9A-Za-z]{20}T3BlbkFJ[0-9A-Za-z]{20})\b",
     min_entropy=4.0,
     remediation=OPENAI_REMEDIATION.format(url="https://platform.openai.com/api-keys"),
     examples=lambda g: [
         f"OPENAI_API_KEY=sk-{g.alnum(20)}T3BlbkFJ{g.alnum(20)}",
         f"openai.api_key = 'sk-{g.alnum(20)}T3BlbkFJ{g.alnum(20)}'",
     ],
     negative_examples=lambda g: [
         f"OPENAI_API_KEY=sk-{g.alnum(20)}{g.alnum(28)}",
         f"OPENAI_API_KEY=sk-{g.alnum(12)}T3BlbkFJ{g.alnum(12)}",
     ])

ANTHROPIC_REMEDIATION = ("Disable and delete the key at {url}, check usage in the Console for abuse, "
                         "create a new key in the right workspace, " + PURGE)

for _rid, _kind, _desc, _url, _sev in [
        ("anthropic-api-key", "api03", "Anthropic API key (sk-ant-api03-)",
         "https://console.anthropic.com/settings/keys", "high"),
        ("anthropic-admin-key", "admin01", "Anthropic Admin API key (sk-ant-admin01-)",
         "https://console.anthropic.com/settings/admin-keys", "critical")]:
    rule("ai",
         id=_rid,
         description=_desc,
         severity=_sev,
         keywords=[f"sk-ant-{_kind}-"],
         regex=rf"\b(sk-ant-{_kind}-[0-9A-Za-z_-]{{86,100}}AA)" + END_B64URL,
         min_entropy=4.0,
         remediation=ANTHROPIC_REMEDIATION.format(url=_url),
         examples=(lambda kind: lambda g: [
             f"ANTHROPIC_API_KEY={g.anthropic(kind)}",
             f'client = anthropic.Anthropic(api_key="{g.anthropic(kind)}")',
             f'curl https://api.anthropic.com/v1/messages -H "x-api-key: {g.anthropic(kind)}"',
         ])(_kind),
         negative_examples=(lambda kind: lambda g: [
             f"ANTHROPIC_API_KEY=sk-ant-{kind}-{g.s(B64URL, 40)}AA",
             f"ANTHROPIC_API_KEY=sk-ant-{kind}-{g.s(B64URL, 93)}QZ",
             f"ANTHROPIC_API_KEY=sk-ant-{kind}-..."
         ])(_kind))

rule("ai",
     id="huggingface-token",
     description="Hugging Face user access token (hf_)",
     severity="high",
     keywords=["hf_"],
     regex=r"\b(hf_[A-Za-z]{34})\b",
     min_entropy=3.5,
     remediation=("Invalidate or delete it at https://huggingface.co/settings/tokens, create a new fine-grained "
                  "token, " + PURGE),
     examples=lambda g: [
         f"HF_TOKEN=hf_{g.s(LETTERS, 34)}",
         f'login(token="hf_{g.s(LETTERS, 34)}")',
         f"huggingface-cli login --token hf_{g.s(LETTERS, 34)}",
     ],
     negative_examples=lambda g: [
         "from huggingface_hub import hf_hub_download",
         f"HF_TOKEN=hf_{g.s(LETTERS, 20)}",
         f"HF_TOKEN=hf_{g.s(LETTERS + DIGITS, 30)}12{g.s(LETTERS, 2)}",
     ])

rule("ai",
     id="huggingface-org-token",
     description="Hugging Face organization API token (api_org_)",
     severity="high",
     keywords=["api_org_"],
     regex=r"\b(api_org_[A-Za-z]{34})\b",
     min_entropy=3.5,
     remediation=("Regenerate the organization token in the organization's settings at https://huggingface.co, "
                  + PURGE),
     examples=lambda g: [
         f"HUGGINGFACE_ORG_TOKEN=api_org_{g.s(LETTERS, 34)}",
         f'headers = {{"Authorization": "Bearer api_org_{g.s(LETTERS, 34)}"}}',
     ],
     negative_examples=lambda g: [
         "api_org_id = 12",
         f"token = api_org_{g.s(LETTERS, 12)}",
     ])

# ============================== saas ==============================

rule("saas",
     id="sendgrid-api-key",
     description="SendGrid API key",
     severity="high",
     keywords=["SG."],
     regex=r"\b(SG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43})" + END_B64URL,
     min_entropy=4.0,
     remediation=("Delete the key at https://app.sendgrid.com/settings/api_keys, check Activity for mail sent with it, "
                  "create a new key with restricted access, " + PURGE),
     examples=lambda g: [
         f"SENDGRID_API_KEY=SG.{g.s(B64URL, 22)}.{g.s(B64URL, 43)}",
         f"sg = SendGridAPIClient('SG.{g.s(B64URL, 22)}.{g.s(B64URL, 43)}')",
         f'  "sendgrid": {{ "apiKey": "SG.{g.s(B64URL, 22)}.{g.s(B64URL, 43)}" }}',
     ],
     negative_examples=lambda g: [
         f"SENDGRID_API_KEY=SG.{g.s(B64URL, 22)}",
         f"SENDGRID_API_KEY=SG.{g.s(B64URL, 10)}.{g.s(B64URL, 20)}",
         "msg.send(payload)",
     ])

TWILIO_REMEDIATION = ("Delete the API key (or rotate the auth token: create a secondary token, then promote it) at "
                      "https://console.twilio.com/us1/account/keys-credentials/api-keys, review usage logs, " + PURGE)

rule("saas",
     id="twilio-api-key-sid",
     description="Twilio API key SID (SK…) next to a Twilio name",
     severity="medium",
     keywords=["twilio"],
     regex=r"(?i:twilio)[^\r\n]{0,80}?\b(SK[0-9a-f]{32})\b",
     min_entropy=3.0,
     remediation=TWILIO_REMEDIATION,
     examples=lambda g: [
         f"TWILIO_API_KEY=SK{g.hex(32)}",
         f'twilio_api_key_sid: "SK{g.hex(32)}"',
         f'const twilioClient = twilio("SK{g.hex(32)}", process.env.TWILIO_API_SECRET, {{ accountSid }});',
     ],
     negative_examples=lambda g: [
         f"TWILIO_ACCOUNT_SID=AC{g.hex(32)}",
         f"TWILIO_API_KEY=SK{g.hex(24)}",
         "TWILIO_API_KEY=SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
     ])

rule("saas",
     id="twilio-auth-token",
     description="Twilio auth token (32 hex) next to a Twilio auth-token name",
     severity="high",
     keywords=["twilio"],
     regex=(r"(?i:twilio[\w.-]{0,30}?auth[_.-]?token)\w*" + ASSIGN + r"([0-9a-f]{32})\b"),
     min_entropy=3.0,
     remediation=TWILIO_REMEDIATION,
     examples=lambda g: [
         f"TWILIO_AUTH_TOKEN={g.hex(32)}",
         f'twilio_auth_token: "{g.hex(32)}"',
         f'  "twilioAuthToken": "{g.hex(32)}",',
     ],
     negative_examples=lambda g: [
         f"TWILIO_AUTH_TOKEN={g.hex(31)}",
         f"TWILIO_ACCOUNT_SID=AC{g.hex(32)}",
         "TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}",
     ])

rule("saas",
     id="npm-access-token",
     description="npm access token (npm_)",
     severity="critical",
     keywords=["npm_"],
     regex=r"\b(npm_[0-9A-Za-z]{36})\b",
     min_entropy=3.5,
     remediation=("Revoke it with `npm token revoke` or at https://www.npmjs.com/settings/~/tokens, check recently "
                  "published versions of your packages, create a granular token, " + PURGE),
     examples=lambda g: [
         f"//registry.npmjs.org/:_authToken={g.crc_token('npm_')}",
         f"NPM_TOKEN={g.crc_token('npm_')}",
         f'  NODE_AUTH_TOKEN: "{g.crc_token("npm_")}"',
     ],
     negative_examples=lambda g: [
         "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
         f"NPM_TOKEN=npm_{g.alnum(20)}",
         "npm_config_registry=https://registry.npmjs.org/",
     ])

rule("saas",
     id="pypi-api-token",
     description="PyPI API token (macaroon for pypi.org)",
     severity="critical",
     keywords=["pypi-AgEIcHlwaS5vcmc"],
     regex=r"\b(pypi-AgEIcHlwaS5vcmc[0-9A-Za-z_-]{70,})",
     min_entropy=4.0,
     remediation=("Remove the token at https://pypi.org/manage/account/token/, check your projects' release history, "
                  "prefer Trusted Publishing, " + PURGE),
     examples=lambda g: [
         f"TWINE_PASSWORD={g.pypi()}",
         f"[pypi]\n  username = __token__\n  password = {g.pypi()}",
         f"uv publish --token {g.pypi()}",
     ],
     negative_examples=lambda g: [
         f"TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{g.s(B64URL, 20)}",
         f"TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZw{g.s(B64URL, 120)}",
         "TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc...",
     ])

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
        ]

    rule("private-keys",
         id=rid,
         description=desc,
         severity=severity,
         keywords=[f"BEGIN {kind}"],
         regex=pem_regex(kind, headers_re),
         window=8192,
         min_entropy=4.0,
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

# ============================== tokens ==============================

rule("tokens",
     id="jwt",
     description="JSON Web Token (signed)",
     severity="medium",
     keywords=["eyJ"],
     regex=r"\b(eyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{16,})(?:[^0-9A-Za-z_.-]|$)",
     min_entropy=4.0,
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
     ])

# ============================== databases ==============================

def not_words(words, first_excl, rest_excl):
    """Regex for a non-empty string over a negated class that is NOT one of `words`.

    Rust's regex has no look-ahead, so "a password other than `password`" is spelled
    out as a trie: at every prefix of a listed word the string may end (unless the
    prefix is itself a listed word), diverge into any other byte, or continue the word.
    Letters compare ASCII case-insensitively.
    """
    trie = {}
    for w in words:
        node = trie
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def alts(ch):
        return ch + ch.upper() if ch.isalpha() else ch

    def rx(node, depth):
        excl = first_excl if depth == 0 else rest_excl
        kids = sorted(k for k in node if k)
        kid_chars = "".join(re.escape(alts(k)) if len(alts(k)) == 1 else alts(k) for k in kids)
        parts = [f"[^{excl}{kid_chars}][^{rest_excl}]*"]
        for k in kids:
            a = alts(k)
            parts.append((f"[{a}]" if len(a) > 1 else re.escape(a)) + rx(node[k], depth + 1))
        body = "(?:" + "|".join(parts) + ")"
        if depth == 0 or "" in node:
            return body  # must continue: empty string, or a listed word so far
        return body + "?"

    return rx(trie, 0)


# Passwords that are placeholders in docs and compose files, not secrets.
DB_PLACEHOLDER_PASSWORDS = ["password", "passwd", "pass", "pwd", "secret", "guest", "admin", "root",
                            "user", "test", "postgres", "mysql", "redis", "mongo", "rabbitmq", "changeme"]

DB_REMEDIATION = ("Change the database user's password now ({how}), check the server's logs for logins from "
                  "unknown hosts, move the URL to a secret manager or an environment variable, " + PURGE)
# user: no ':' '@' '/' or space; password: no '/' space quotes '<>' '{}' '*', may hold '@' (the
# host starts after the last one), must not start with '$' '%' '_' '@' (templating) and must not be
# a placeholder word; host: at least one byte.
DB_USERPASS = (r"[^:@/\s\"'<>]*:("
               + not_words(DB_PLACEHOLDER_PASSWORDS, r"@/\s\"'<>{}*$%_", r"/\s\"'<>{}*")
               + r")@[^@/\s\"'<>]+")


def db_rule(rid, desc, scheme_re, keywords, schemes, how, host, path):
    def examples(g):
        s = schemes
        return [
            f"DATABASE_URL={s[0]}://app_{g.s(LOWER, 4)}:{g.password()}@{host}{path}",
            f'  url: "{s[-1]}://svc:{g.password()}@{host.split(":")[0]}{path}"',
            f'engine = connect("{s[0]}://admin:{g.password()}@10.0.{g.r.randint(0, 255)}.{g.r.randint(1, 254)}{path}")',
            f"{s[0]}://ops:{g.alnum(5)}@{g.alnum(4)}@{host}{path}",
        ]

    def negatives(g):
        s = schemes[0]
        return [
            f"DATABASE_URL={s}://user:password@localhost{path}",
            f"DATABASE_URL={s}://app:${{DB_PASSWORD}}@{host}{path}",
            f"DATABASE_URL={s}://app:<password>@{host}{path}",
            f"DATABASE_URL={s}://{host}{path}",
            f"DATABASE_URL={s}://user:@{host}{path}",
            f"DATABASE_URL={s}://app:$DB_PASSWORD@{host}{path}",
        ]

    rule("databases",
         id=rid,
         description=desc,
         severity="high",
         keywords=keywords,
         regex=r"(?i:\b" + scheme_re + r")://" + DB_USERPASS,
         min_entropy=2.0,
         remediation=DB_REMEDIATION.format(how=how),
         examples=examples,
         negative_examples=negatives)


db_rule("postgres-connection-url", "PostgreSQL connection URL with a password",
        r"(?:postgres(?:ql)?|postgis)(?:\+[a-z0-9]+)?",
        ["postgres://", "postgresql://", "postgres+", "postgresql+", "postgis://"],
        ["postgres", "postgresql+psycopg2"], "ALTER ROLE … PASSWORD …", "db.internal:5432", "/orders")
db_rule("mysql-connection-url", "MySQL/MariaDB connection URL with a password",
        r"(?:mysql(?:x|2)?|mariadb)(?:\+[a-z0-9]+)?", ["mysql://", "mysql+", "mysql2://", "mysqlx://", "mariadb://", "mariadb+"],
        ["mysql", "mysql+pymysql"], "ALTER USER … IDENTIFIED BY …", "mysql.internal:3306", "/shop")
db_rule("mongodb-connection-url", "MongoDB connection string with a password",
        r"mongodb(?:\+srv)?", ["mongodb://", "mongodb+srv://"],
        ["mongodb", "mongodb+srv"], "db.changeUserPassword(), or Database Access in MongoDB Atlas",
        "cluster0.a1b2c.mongodb.net", "/app?retryWrites=true&w=majority")
db_rule("redis-connection-url", "Redis connection URL with a password",
        r"rediss?", ["redis://", "rediss://"],
        ["redis", "rediss"], "ACL SETUSER / requirepass, or the provider's console", "cache.internal:6379", "/0")
db_rule("amqp-connection-url", "AMQP (RabbitMQ) connection URL with a password",
        r"amqps?", ["amqp://", "amqps://"],
        ["amqp", "amqps"], "rabbitmqctl change_password", "mq.internal:5672", "/jobs")

# ============================== crypto exchanges ==============================
#
# Most exchanges issue an API key (an identifier) plus a secret (the HMAC key), some add a
# passphrase. The secret rule is the primary: it pairs with the key rule and, where the
# exchange has one, the passphrase rule, so that the parts found within a few lines are ONE
# finding naming all of them. A key found alone is reported at medium severity (it identifies
# the account but cannot sign); a bare passphrase is never reported alone.
#
# Where an exchange's key and secret have the same shape, `X_SECRET_KEY=` matches both the
# secret rule and the key rule on the same bytes; the engine keeps one match per span and,
# when the context is equally long, the rule defined first: every secret rule below is
# therefore defined before its key rule.

# A variable, config key or header name: `<exchange>…<what>`, then an assignment.
def exchange_name(names, what, gap=r"[\w.-]*?"):
    return rf"(?i:(?:{names}){gap}{what})\w*" + ASSIGN


SECRET_WORDS = r"(?:secret|private[_.-]?key|priv[_.-]?key|sec[_.-]?key)"
KEY_WORDS = r"(?:api[_.-]?key|apikey|access[_.-]?key|access[_.-]?id|key[_.-]?id|client[_.-]?id|key)"
PASS_WORDS = r"(?:passphrase|password|pass[_.-]?phrase)"


def exchange_rules(slug, label, names, keywords, url, secret, key, key_headers=None,
                   passphrase=False, secret_validate=None, secret_severity="critical",
                   secret_desc=None, key_desc=None, extra_secret_examples=(), extra_key_examples=(),
                   extra_secret_negatives=(), extra_key_negatives=(), gap=r"[\w.-]*?"):
    """The secret rule (primary) and the key rule of one exchange.

    `secret` and `key` are (value regex, generator g -> value, wrong-length generator, end
    pattern, entropy floor). `key_headers` is a regex alternation of HTTP header names that
    carry the key."""
    s_re, s_gen, s_bad, s_end, s_ent = secret
    k_re, k_gen, k_bad, k_end, k_ent = key
    up = slug.upper().replace("-", "_")
    camel = slug.replace("-", "")
    rem = EXCHANGE_REMEDIATION.format(url=url)
    companions = [f"{slug}-api-key"] + (["exchange-api-passphrase"] if passphrase else [])

    def paired(g):
        lines = [f"{up}_API_KEY={k_gen(g)}", f"{up}_API_SECRET={s_gen(g)}"]
        if passphrase:
            lines.append(f"{up}_PASSPHRASE={g.password()}")
        return "\n".join(lines)

    rule("crypto-exchanges",
         id=f"{slug}-api-secret",
         description=secret_desc or f"{label} API secret (next to a {label} secret name)",
         severity=secret_severity,
         keywords=keywords,
         regex=exchange_name(names, SECRET_WORDS, gap) + f"({s_re})" + s_end,
         min_entropy=s_ent,
         validate=secret_validate,
         pair_with=companions,
         remediation=rem,
         examples=lambda g: [
             f"{up}_API_SECRET={s_gen(g)}",
             f'{slug.replace("-", "_")}_secret_key: "{s_gen(g)}"',
             f'  "{camel}Secret": "{s_gen(g)}",',
             paired(g),
         ] + [e(g) for e in extra_secret_examples],
         negative_examples=lambda g: [
             f"{up}_API_SECRET={s_bad(g)}",
             f"{up}_API_SECRET=${{{up}_API_SECRET}}",
             f"{up}_API_SECRET=<your {label} secret>",
             f'{camel}_secret = os.environ["{up}_API_SECRET"]',
             f"{slug.replace('-', '_')}_order_id = {s_gen(g)}",
         ] + [e(g) for e in extra_secret_negatives])

    key_names = exchange_name(names, KEY_WORDS, gap)
    if key_headers:
        key_names = rf"(?:{key_names}|(?i:{key_headers})" + ASSIGN + ")"
    rule("crypto-exchanges",
         id=f"{slug}-api-key",
         description=key_desc or (f"{label} API key (an identifier: reported alone at medium severity, "
                                  f"folded into the {label} secret's finding when the secret is near)"),
         severity="medium",
         keywords=keywords,
         regex=key_names + f"({k_re})" + k_end,
         min_entropy=k_ent,
         remediation=rem,
         examples=lambda g: [
             f"{up}_API_KEY={k_gen(g)}",
             f'  "{camel}ApiKey": "{k_gen(g)}",',
         ] + [e(g) for e in extra_key_examples],
         negative_examples=lambda g: [
             f"{up}_API_KEY={k_bad(g)}",
             f"{up}_API_KEY=${{{up}_API_KEY}}",
             f'api_key = os.getenv("{up}_API_KEY")',
         ] + [e(g) for e in extra_key_negatives])


ALNUM_END = r"\b"
B64URL_CHARS = ALNUM + "-_"

rule("crypto-exchanges",
     id="exchange-api-passphrase",
     description="Passphrase of an exchange API key (OKX, KuCoin, Coinbase Exchange, Bitget): only reported with its key",
     severity="critical",
     keywords=["okx", "okex", "kucoin", "coinbase", "cbpro", "gdax", "bitget", "ok-access-", "kc-api-",
               "cb-access-"],
     regex=(r"(?:" + exchange_name("okx|okex|kucoin|coinbase|cbpro|gdax|bitget", PASS_WORDS)
            + r"|(?i:ok-access-passphrase|kc-api-passphrase|cb-access-passphrase)" + ASSIGN
            + r")([!-~]{4,64}?)[\"']?(?:[\s,;}]|$)"),
     companion_only=True,
     remediation=EXCHANGE_REMEDIATION.format(url="the exchange's API management page"),
     examples=lambda g: [
         f"OKX_API_SECRET={g.hex(32).upper()}\nOKX_PASSPHRASE={g.password()}",
         f"KUCOIN_API_SECRET={g.uuid()}\nKUCOIN_API_PASSPHRASE={g.password()}",
     ],
     negative_examples=lambda g: [
         f"OKX_PASSPHRASE={g.password()}",
         f"KUCOIN_API_PASSPHRASE={g.password()}",
     ])

# ---- Binance: key and HMAC secret are both 64 alphanumerics; header X-MBX-APIKEY.
exchange_rules(
    "binance", "Binance", "binance", ["binance", "x-mbx-apikey"],
    "https://www.binance.com/en/my/settings/api-management",
    secret=(r"[0-9A-Za-z]{64}", lambda g: g.alnum(64), lambda g: g.alnum(40), ALNUM_END, 4.0),
    key=(r"[0-9A-Za-z]{64}", lambda g: g.alnum(64), lambda g: g.alnum(63), ALNUM_END, 4.0),
    key_headers="x-mbx-apikey",
    extra_key_examples=[
        lambda g: f'headers = {{"X-MBX-APIKEY": "{g.alnum(64)}"}}',
        lambda g: f"curl -H 'X-MBX-APIKEY: {g.alnum(64)}' https://api.binance.com/api/v3/account",
    ],
    extra_key_negatives=[
        lambda g: "headers['X-MBX-APIKEY'] = os.environ['BINANCE_API_KEY']",
        lambda g: f"binance_withdraw_tx = {g.hex(64)}",
    ])

# ---- Coinbase: four generations (crypto-formats.md 1.2).
CDP_REM = EXCHANGE_REMEDIATION.format(url="https://portal.cdp.coinbase.com/ (API Keys > Manage > Delete)")


def cdp_ec_pem(g, newline="\n"):
    d = g.r.randrange(1, P256_N)
    body = b64(p256_sec1_der(d))
    return newline.join(["-----BEGIN EC PRIVATE KEY-----"] + wrap(body, 64) + ["-----END EC PRIVATE KEY-----"])


rule("crypto-exchanges",
     id="coinbase-cdp-ec-private-key",
     description="Coinbase CDP API key secret (P-256 EC private key next to its organizations/…/apiKeys/… name)",
     severity="critical",
     keywords=["apiKeys/"],
     regex=(r"(?s)organizations/[0-9a-f-]{36}/apiKeys/[0-9a-f-]{36}.{0,400}?"
            + pem_regex("EC PRIVATE KEY")),
     window=2048,
     min_entropy=4.0,
     validate="p256-private-key",
     remediation=CDP_REM,
     examples=lambda g: [
         "{\n"
         f'   "name": "organizations/{g.uuid()}/apiKeys/{g.uuid()}",\n'
         f'   "privateKey": "{cdp_ec_pem(g, newline=chr(92) + "n")}\\n"\n'
         "}",
         f'COINBASE_API_KEY_NAME="organizations/{g.uuid()}/apiKeys/{g.uuid()}"\n'
         f'COINBASE_API_PRIVATE_KEY="{cdp_ec_pem(g, newline=chr(92) + "n")}\\n"',
         f'api_key_name = "organizations/{g.uuid()}/apiKeys/{g.uuid()}"\n'
         f'api_key_secret = """{cdp_ec_pem(g)}\n"""',
     ],
     negative_examples=lambda g: [
         f'COINBASE_API_KEY_NAME="organizations/{g.uuid()}/apiKeys/{g.uuid()}"\n'
         'COINBASE_API_PRIVATE_KEY="-----BEGIN EC PRIVATE KEY-----\\nYOUR PRIVATE KEY\\n-----END EC PRIVATE KEY-----\\n"',
         f'key_name = "organizations/{g.uuid()}/apiKeys/{g.uuid()}"',
         f'{{"name": "organizations/{{org_id}}/apiKeys/{{key_id}}", "privateKey": "..."}}',
         # Right shape, random body: the embedded public key is not the scalar's.
         f'COINBASE_API_KEY_NAME="organizations/{g.uuid()}/apiKeys/{g.uuid()}"\n'
         f'COINBASE_API_PRIVATE_KEY="{g.pem("EC PRIVATE KEY", newline=chr(92) + "n")}\\n"',
     ])

rule("crypto-exchanges",
     id="coinbase-cdp-ed25519-secret",
     description="Coinbase CDP Ed25519 API key secret (88-char base64 next to a Coinbase/CDP secret name)",
     severity="critical",
     keywords=["coinbase", "cdp_", "cdp-", "cdpapi"],
     regex=(r"(?i:(?:coinbase|cdp)[\w.-]{0,30}?(?:secret|private[_.-]?key))\w*" + ASSIGN
            + r"([A-Za-z0-9+/]{86}==)" + END_B64),
     min_entropy=4.5,
     validate="ed25519-keypair",
     remediation=CDP_REM,
     examples=lambda g: [
         f"CDP_API_KEY_SECRET={g.ed25519_secret()}",
         f'COINBASE_API_SECRET="{g.ed25519_secret()}"',
         f'  cdpApiKeySecret: "{g.ed25519_secret()}",',
     ],
     negative_examples=lambda g: [
         f"CDP_API_KEY_SECRET={b64(g.bytes(32))}",
         "CDP_API_KEY_SECRET=${CDP_API_KEY_SECRET}",
         f"coinbase_tx_signature = {b64(g.bytes(64))}",
     ])

rule("crypto-exchanges",
     id="coinbase-cdp-wallet-secret",
     description="Coinbase CDP wallet secret (base64 PKCS#8 DER P-256 private key, MIGHAgEAMBMGByqGSM49…)",
     severity="critical",
     keywords=["MIGHAgEAMBMGByqGSM49"],
     regex=r"(MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg[A-Za-z0-9+/]{136})" + END_B64,
     min_entropy=4.5,
     validate="p256-private-key",
     remediation=("Delete the wallet secret in the CDP portal (https://portal.cdp.coinbase.com/, Server Wallet > "
                  "Wallet Secret), generate a new one, move funds held by the server wallets if the API key "
                  "leaked too, " + PURGE),
     examples=lambda g: [
         f"CDP_WALLET_SECRET={b64(p256_pkcs8_der(g.r.randrange(1, P256_N)))}",
         f'walletSecret: "{b64(p256_pkcs8_der(g.r.randrange(1, P256_N)))}",',
     ],
     negative_examples=lambda g: [
         "CDP_WALLET_SECRET=MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg" + g.s(ALNUM + "+/", 136),
         f"CDP_WALLET_SECRET={b64(p256_pkcs8_der(g.r.randrange(1, P256_N)))[:150]}",
     ])

rule("crypto-exchanges",
     id="coinbase-exchange-api-secret",
     description="Coinbase Exchange / Prime / Pro API secret (base64 of 64 bytes next to a Coinbase secret name)",
     severity="critical",
     keywords=["coinbase", "cbpro", "gdax", "cb-access-", "cb_access_"],
     regex=(r"(?i:(?:coinbase|cbpro|gdax|cb[_.-]access)[\w.-]{0,30}?secret)\w*" + ASSIGN
            + r"([A-Za-z0-9+/]{86}==)" + END_B64),
     min_entropy=4.5,
     validate="base64-64-bytes",
     pair_with=["coinbase-api-key", "exchange-api-passphrase"],
     remediation=EXCHANGE_REMEDIATION.format(
         url="https://exchange.coinbase.com/profile/api (Prime: Settings > API in the Prime console)"),
     examples=lambda g: [
         f"COINBASE_PRO_API_SECRET={b64(g.bytes(64))}",
         f'cbpro_secret: "{b64(g.bytes(64))}"',
         f"COINBASE_API_KEY={g.hex(32)}\nCOINBASE_API_SECRET={b64(g.bytes(64))}\n"
         f"COINBASE_API_PASSPHRASE={g.password()}",
     ],
     negative_examples=lambda g: [
         f"COINBASE_PRO_API_SECRET={b64(g.bytes(48))}",
         "COINBASE_PRO_API_SECRET=${COINBASE_SECRET}",
         f"coinbase_signature = {b64(g.bytes(64))}",
     ])

rule("crypto-exchanges",
     id="coinbase-legacy-api-secret",
     description="Coinbase App legacy API secret (32 alphanumerics; all legacy keys expired in Feb 2025, history may show reuse)",
     severity="medium",
     keywords=["coinbase"],
     regex=r"(?i:coinbase[\w.-]{0,30}?secret)\w*" + ASSIGN + r"([0-9A-Za-z]{32})\b",
     min_entropy=3.8,
     pair_with=["coinbase-api-key"],
     remediation=EXCHANGE_REMEDIATION.format(url="https://www.coinbase.com/settings/api"),
     examples=lambda g: [
         f"COINBASE_API_SECRET={g.alnum(32)}",
         f"COINBASE_API_KEY={g.alnum(16)}\nCOINBASE_API_SECRET={g.alnum(32)}",
     ],
     negative_examples=lambda g: [
         f"COINBASE_API_SECRET={g.alnum(31)}",
         "COINBASE_API_SECRET=M4009eFnOoPwhNoMwJlsAHgIgleGVFPl",
         f"coinbase_commit = {g.hex(40)}",
     ])

rule("crypto-exchanges",
     id="coinbase-api-key",
     description="Coinbase API key (Exchange/Prime 32 hex, legacy 16 alphanumerics, or the CB-ACCESS-KEY header): an identifier",
     severity="medium",
     keywords=["coinbase", "cbpro", "gdax", "cb-access-", "cb_access_"],
     regex=(r"(?:" + exchange_name("coinbase|cbpro|gdax", KEY_WORDS) + r"|(?i:cb[_-]access[_-]key)" + ASSIGN
            + r")([0-9a-f]{32}|[0-9A-Za-z]{16})\b"),
     min_entropy=3.0,
     remediation=EXCHANGE_REMEDIATION.format(url="https://exchange.coinbase.com/profile/api or https://www.coinbase.com/settings/api"),
     examples=lambda g: [
         f"COINBASE_API_KEY={g.hex(32)}",
         f"headers = {{'CB-ACCESS-KEY': '{g.hex(32)}'}}",
         f"coinbase_api_key: {g.alnum(16)}",
     ],
     negative_examples=lambda g: [
         f"COINBASE_API_KEY={g.hex(24)}",
         "COINBASE_API_KEY=g3BLnUYMOQsIo9V5",
         "headers['CB-ACCESS-KEY'] = api_key",
     ])

# ---- Kraken: API key 56 base64 chars; private key base64 of 64 bytes. Headers API-Key/API-Sign.
exchange_rules(
    "kraken", "Kraken", "kraken", ["kraken"],
    "https://www.kraken.com/u/security/api (Settings > API)",
    secret=(r"[A-Za-z0-9+/]{86}={0,2}", lambda g: b64(g.bytes(64)), lambda g: b64(g.bytes(32)), END_B64, 4.5),
    key=(r"[A-Za-z0-9+/]{56}", lambda g: g.s(ALNUM + "+/", 56), lambda g: g.s(ALNUM + "+/", 50), END_B64, 4.0),
    secret_validate="base64-64-bytes",
    secret_desc="Kraken API private key (base64 of 64 bytes next to a Kraken secret name)")

# ---- OKX: key UUID, secret 32 uppercase hex, passphrase. Headers OK-ACCESS-*.
exchange_rules(
    "okx", "OKX", "okx|okex", ["okx", "okex", "ok-access-"],
    "the OKX API management page (https://www.okx.com/account/my-api)",
    secret=(r"[0-9A-F]{32}", lambda g: g.hex(32).upper(), lambda g: g.hex(40).upper(), ALNUM_END, 3.0),
    key=(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", lambda g: g.uuid(),
         lambda g: g.hex(32), ALNUM_END, 3.0),
    key_headers="ok-access-key", passphrase=True,
    secret_desc="OKX API secret key (32 uppercase hex next to an OKX secret name)",
    extra_key_examples=[lambda g: f"'OK-ACCESS-KEY': '{g.uuid()}',"],
    extra_secret_negatives=[lambda g: f"OKX_SECRET_KEY={g.hex(32)}"])

# ---- Bybit: key 18 alphanumerics, secret 36 (observed). Headers X-BAPI-*.
exchange_rules(
    "bybit", "Bybit", "bybit", ["bybit", "x-bapi-"],
    "https://www.bybit.com/app/user/api-management",
    secret=(r"[0-9A-Za-z]{36}", lambda g: g.alnum(36), lambda g: g.alnum(30), ALNUM_END, 4.0),
    key=(r"[0-9A-Za-z]{18}", lambda g: g.alnum(18), lambda g: g.alnum(24), ALNUM_END, 3.5),
    key_headers="x-bapi-api-key",
    extra_key_examples=[lambda g: f'"X-BAPI-API-KEY": "{g.alnum(18)}",'])

# ---- KuCoin: key 24 hex, secret UUID, passphrase. Headers KC-API-*.
exchange_rules(
    "kucoin", "KuCoin", "kucoin", ["kucoin", "kc-api-"],
    "the KuCoin API Management page (https://www.kucoin.com/account/api)",
    secret=(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", lambda g: g.uuid(),
            lambda g: g.hex(32), ALNUM_END, 3.0),
    key=(r"[0-9a-f]{24}", lambda g: g.hex(24), lambda g: g.hex(20), ALNUM_END, 3.0),
    key_headers="kc-api-key", passphrase=True,
    secret_desc="KuCoin API secret (UUID next to a KuCoin secret name)",
    extra_secret_negatives=[lambda g: "KUCOIN_API_SECRET=00000000-0000-0000-0000-000000000000",
                            lambda g: f"KUCOIN_REQUEST_ID={g.uuid()}"])

# ---- Bitfinex: key and secret 43 chars [A-Za-z0-9_-]. Headers bfx-*.
exchange_rules(
    "bitfinex", "Bitfinex", "bitfinex|bfx", ["bitfinex", "bfx_", "bfx-"],
    "https://setting.bitfinex.com/api",
    secret=(r"[A-Za-z0-9_-]{43}", lambda g: g.s(B64URL_CHARS, 43), lambda g: g.s(B64URL_CHARS, 40), END_B64URL, 4.0),
    key=(r"[A-Za-z0-9_-]{43}", lambda g: g.s(B64URL_CHARS, 43), lambda g: g.s(B64URL_CHARS, 44), END_B64URL, 4.0),
    key_headers="bfx-apikey",
    extra_key_examples=[lambda g: f"'bfx-apikey': '{g.s(B64URL_CHARS, 43)}',"])

# ---- Gemini: key account-/master- + 20 alphanumerics, secret 27-28 alphanumerics.
exchange_rules(
    "gemini", "Gemini", "gemini", ["gemini"],
    "https://exchange.gemini.com/settings/api",
    secret=(r"[0-9A-Za-z]{27,28}", lambda g: g.alnum(28), lambda g: g.alnum(20), ALNUM_END, 3.8),
    key=(r"(?:account|master)-[0-9A-Za-z]{20}", lambda g: "account-" + g.alnum(20),
         lambda g: "account-" + g.alnum(12), ALNUM_END, 3.5),
    key_headers="x-gemini-apikey",
    extra_key_examples=[lambda g: f"'X-GEMINI-APIKEY': 'master-{g.alnum(20)}',"],
    extra_key_negatives=[lambda g: "GEMINI_API_KEY=master-SBR89HWzNzbSfsj9ADI8",
                         lambda g: f"GEMINI_API_KEY={g.alnum(28)}"])

# ---- Bitstamp: key and secret 32 alphanumerics (community-reported); header X-Auth: BITSTAMP <key>.
exchange_rules(
    "bitstamp", "Bitstamp", "bitstamp", ["bitstamp"],
    "the Bitstamp API Access page (Account > Security > API Access)",
    secret=(r"[0-9A-Za-z]{32}", lambda g: g.alnum(32), lambda g: g.alnum(24), ALNUM_END, 3.8),
    key=(r"[0-9A-Za-z]{32}", lambda g: g.alnum(32), lambda g: g.alnum(24), ALNUM_END, 3.8),
    key_headers=r"x-auth\W{1,4}bitstamp",
    extra_key_examples=[lambda g: f"'X-Auth': 'BITSTAMP {g.alnum(32)}',"])

# ---- Gate: key 32 hex, secret 64 hex (commonly reported). The word "gate" alone is far too
# common (gateway, delegate, LLM gate_proj), so the keywords are the exchange's own spellings.
exchange_rules(
    "gate", "Gate", r"\bgate(?:[_.-]?io)?",
    ["gateio", "gate.io", "gate-io", "gate_io", "gate_api", "gate-api", "gate_secret", "gate_key", "gateapi", "gatesecret"],
    "https://www.gate.com/myaccount/apiv4keys",
    secret=(r"[0-9a-f]{64}", lambda g: g.hex(64), lambda g: g.hex(40), ALNUM_END, 3.5),
    key=(r"[0-9a-f]{32}", lambda g: g.hex(32), lambda g: g.hex(40), ALNUM_END, 3.3),
    gap=r"(?:[_.-]?(?:api|v4|spot|futures|testnet))*[_.-]?",
    extra_secret_negatives=[lambda g: f"GATEWAY_SECRET={g.hex(64)}",
                            lambda g: f"delegate_secret = {g.hex(64)}"])

# ---- HTX (Huobi): access key and secret key shaped 8-8-8-5 (lowercase alphanumerics).
HTX_SHAPE = r"[0-9a-z]{8}-[0-9a-z]{8}-[0-9a-z]{8}-[0-9a-z]{5}"


def htx_key(g):
    a = ALNUM[:36].lower()
    return "-".join(g.s(DIGITS + LOWER, n) for n in (8, 8, 8, 5))


exchange_rules(
    "htx", "HTX (Huobi)", "htx|huobi", ["htx", "huobi", "accesskeyid"],
    "the HTX API Management page (https://www.htx.com/en-us/user-center/api-management/)",
    secret=(HTX_SHAPE, htx_key, lambda g: g.uuid(), ALNUM_END, 3.5),
    key=(HTX_SHAPE, htx_key, lambda g: g.uuid(), ALNUM_END, 3.5),
    key_headers="accesskeyid",
    extra_key_examples=[lambda g: f"GET /v1/account/accounts?AccessKeyId={htx_key(g)}&SignatureMethod=HmacSHA256"],
    extra_key_negatives=[lambda g: "HUOBI_ACCESS_KEY=e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx"])

# ---- Crypto.com Exchange: formats unpublished; 20-64 URL-safe characters by a Crypto.com name.
exchange_rules(
    "cryptocom", "Crypto.com Exchange", r"crypto[_.-]?com|cryptocom", ["crypto_com", "cryptocom", "crypto.com"],
    "the Crypto.com Exchange API page (User Center > API)",
    secret=(r"[A-Za-z0-9_-]{20,64}", lambda g: g.alnum(32), lambda g: g.alnum(12), END_B64URL, 3.8),
    key=(r"[A-Za-z0-9_-]{20,64}", lambda g: g.alnum(24), lambda g: g.alnum(12), END_B64URL, 3.8))

# ---- Deribit: client_id + client_secret (doc samples are allowlisted as known public keys).
exchange_rules(
    "deribit", "Deribit", "deribit", ["deribit"],
    "the Deribit API page (Account > API, https://www.deribit.com/account/BTC/api)",
    secret=(r"[A-Za-z0-9_-]{24,64}", lambda g: g.alnum(43), lambda g: g.alnum(12), END_B64URL, 3.8),
    key=(r"[A-Za-z0-9_-]{8,16}", lambda g: g.alnum(10), lambda g: g.alnum(5), END_B64URL, 2.8),
    secret_desc="Deribit API client secret (next to a Deribit client secret name)",
    extra_secret_negatives=[lambda g: "DERIBIT_CLIENT_SECRET=W0H6FJW4IRPZ1MOQ8FP6KMC5RZDUUKXS"],
    extra_key_examples=[lambda g: f"deribit_client_id = '{g.alnum(10)}'"])

# ---- BitMEX: key id 24 chars, secret 48 chars, [A-Za-z0-9_-]. Headers api-key/api-signature.
exchange_rules(
    "bitmex", "BitMEX", "bitmex", ["bitmex"],
    "https://www.bitmex.com/app/apiKeys",
    secret=(r"[A-Za-z0-9_-]{48}", lambda g: g.s(B64URL_CHARS, 48), lambda g: g.s(B64URL_CHARS, 40), END_B64URL, 4.0),
    key=(r"[A-Za-z0-9_-]{24}", lambda g: g.s(B64URL_CHARS, 24), lambda g: g.s(B64URL_CHARS, 30), END_B64URL, 3.8))

# ---- Upbit and Bithumb: access key 40 alphanumerics, secret key (length undocumented, 32-64).
exchange_rules(
    "upbit", "Upbit/Bithumb", "upbit|bithumb", ["upbit", "bithumb"],
    "the Upbit Open API management page (https://upbit.com/mypage/open_api_management) or Bithumb's API management",
    secret=(r"[0-9A-Za-z]{32,64}", lambda g: g.alnum(40), lambda g: g.alnum(20), ALNUM_END, 4.0),
    key=(r"[0-9A-Za-z]{40}", lambda g: g.alnum(40), lambda g: g.alnum(20), ALNUM_END, 4.0),
    extra_key_examples=[lambda g: f"UPBIT_OPEN_API_ACCESS_KEY={g.alnum(40)}"],
    extra_key_negatives=[lambda g: "UPBIT_ACCESS_KEY=a7Xd92LmQW3vBtRzYpMj5CxNKeT1HuVs0fFgJcAw"])

# ---- MEXC: access key mx0 + 15 alphanumerics, secret 32 lowercase hex. Header X-MEXC-APIKEY.
exchange_rules(
    "mexc", "MEXC", "mexc", ["mexc"],
    "the MEXC API Management page (https://www.mexc.com/user/openapi)",
    secret=(r"[0-9a-f]{32}", lambda g: g.hex(32), lambda g: g.hex(24), ALNUM_END, 3.3),
    key=(r"mx0[0-9A-Za-z]{15}", lambda g: "mx0" + g.alnum(15), lambda g: "mx0" + g.alnum(10), ALNUM_END, 3.3),
    key_headers="x-mexc-apikey",
    extra_key_examples=[lambda g: f'"X-MEXC-APIKEY": "mx0{g.alnum(15)}"'],
    extra_key_negatives=[lambda g: "MEXC_API_KEY=mx004dN8BTlMyJgOf2"])

# ---- Poloniex: key 4x8 uppercase alphanumerics, secret 128 hex.
exchange_rules(
    "poloniex", "Poloniex", "poloniex", ["poloniex"],
    "the Poloniex API Keys page (https://poloniex.com/apiKeys)",
    secret=(r"[0-9a-f]{128}", lambda g: g.hex(128), lambda g: g.hex(64), ALNUM_END, 3.5),
    key=(r"[0-9A-Z]{8}-[0-9A-Z]{8}-[0-9A-Z]{8}-[0-9A-Z]{8}",
         lambda g: "-".join(g.s(DIGITS + UPPER, 8) for _ in range(4)),
         lambda g: "-".join(g.s(DIGITS + UPPER, 8) for _ in range(3)), ALNUM_END, 3.5))

# ---- Fireblocks: the API secret is an RSA-4096 private key (PKCS#8 PEM, made with openssl).


def rsa_pkcs8_pem(g, newline="\n"):
    """A PKCS#8 PEM whose DER has consistent lengths (random content, RSA-4096-sized)."""
    content = bytes.fromhex("020100300d06092a864886f70d010101050004820926") + g.bytes(0x926)
    der = b"\x30\x82" + len(content).to_bytes(2, "big") + content
    body = b64(der)
    return newline.join(["-----BEGIN PRIVATE KEY-----"] + wrap(body, 64) + ["-----END PRIVATE KEY-----"])


FIREBLOCKS_REM = ("Disable the API user in the Fireblocks Console (Developer center > API users, "
                  "https://console.fireblocks.io/v2/developer/api-users), review its transactions and the "
                  "Transaction Authorization Policy, issue a new CSR from a key made on a secure machine, " + PURGE)

rule("crypto-exchanges",
     id="fireblocks-api-secret",
     description="Fireblocks API secret (RSA private key PEM next to a Fireblocks secret name)",
     severity="critical",
     keywords=["fireblocks"],
     regex=(r"(?i:fireblocks[\w.-]{0,30}?(?:secret|private[_.-]?key))[\w.-]*[\"']?\s*(?:[:=]{1,2}|\s)\s*"
            r"(?:[\"']|\"\"\"|`)?" + pem_regex("PRIVATE KEY")),
     window=8192,
     min_entropy=4.5,
     validate="pem-der",
     pair_with=["fireblocks-api-key"],
     pair_lines=10,
     remediation=FIREBLOCKS_REM,
     examples=lambda g: [
         f'FIREBLOCKS_API_KEY={g.uuid()}\nFIREBLOCKS_SECRET_KEY="{rsa_pkcs8_pem(g, newline=chr(92) + "n")}"',
         f'fireblocks_private_key = """{rsa_pkcs8_pem(g)}\n"""',
     ],
     negative_examples=lambda g: [
         'FIREBLOCKS_SECRET_KEY="-----BEGIN PRIVATE KEY-----\\n<your key>\\n-----END PRIVATE KEY-----"',
         "FIREBLOCKS_SECRET_KEY_PATH=./fireblocks_secret.key",
         # Right shape, random body that is not DER.
         f'FIREBLOCKS_SECRET_KEY="{g.pem("PRIVATE KEY", newline=chr(92) + "n")}"',
     ])

rule("crypto-exchanges",
     id="fireblocks-api-key",
     description="Fireblocks API key (UUID next to a Fireblocks key name): an identifier",
     severity="medium",
     keywords=["fireblocks"],
     regex=exchange_name("fireblocks", r"(?:api[_.-]?key|apikey|api[_.-]?user)") +
     r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b",
     min_entropy=3.0,
     remediation=FIREBLOCKS_REM,
     examples=lambda g: [f"FIREBLOCKS_API_KEY={g.uuid()}", f'fireblocksApiKey: "{g.uuid()}",'],
     negative_examples=lambda g: [f"FIREBLOCKS_VAULT_ID={g.uuid()}", f"FIREBLOCKS_API_KEY={g.hex(32)}"])

# ---- Robinhood Crypto: API key rh-api-<uuid> (self-identifying) + base64 Ed25519 private key.
rule("crypto-exchanges",
     id="robinhood-crypto-private-key",
     description="Robinhood Crypto API private key (base64 Ed25519 seed next to a Robinhood private key name)",
     severity="critical",
     keywords=["robinhood"],
     regex=(r"(?i:robinhood[\w.-]{0,30}?(?:private[_.-]?key|secret|priv[_.-]?key))\w*" + ASSIGN
            + r"([A-Za-z0-9+/]{43}=)" + END_B64),
     min_entropy=4.0,
     pair_with=["robinhood-crypto-api-key"],
     remediation=EXCHANGE_REMEDIATION.format(url="https://robinhood.com/account/crypto (API credentials)"),
     examples=lambda g: [
         f"ROBINHOOD_PRIVATE_KEY={b64(g.bytes(32))}",
         f"ROBINHOOD_API_KEY=rh-api-{g.uuid()}\nROBINHOOD_PRIVATE_KEY={b64(g.bytes(32))}",
     ],
     negative_examples=lambda g: [
         f"ROBINHOOD_PRIVATE_KEY={b64(g.bytes(64))}",
         "ROBINHOOD_PRIVATE_KEY=${ROBINHOOD_PRIVATE_KEY}",
     ])

rule("crypto-exchanges",
     id="robinhood-crypto-api-key",
     description="Robinhood Crypto API key (rh-api-<uuid>): an identifier",
     severity="medium",
     keywords=["rh-api-"],
     regex=r"\b(rh-api-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b",
     min_entropy=3.0,
     remediation=EXCHANGE_REMEDIATION.format(url="https://robinhood.com/account/crypto (API credentials)"),
     examples=lambda g: [f"'x-api-key': 'rh-api-{g.uuid()}'", f"API_KEY=rh-api-{g.uuid()}"],
     negative_examples=lambda g: [f"API_KEY=rh-api-{g.hex(32)}", "API_KEY=rh-api-<your-key>"])

# ---- SettleMint personal/application/service access tokens (self-identifying prefixes).
rule("crypto-exchanges",
     id="settlemint-access-token",
     description="SettleMint access token (sm_pat_, sm_aat_, sm_sat_)",
     severity="high",
     keywords=["sm_pat_", "sm_aat_", "sm_sat_"],
     regex=r"\b(sm_(?:pat|aat|sat)_[0-9A-Za-z]{16})\b",
     min_entropy=3.3,
     remediation=("Delete the token in the SettleMint console (Profile > Access tokens, or the application's "
                  "access tokens), create a new one with an expiry, " + PURGE),
     examples=lambda g: [f"SETTLEMINT_ACCESS_TOKEN=sm_pat_{g.alnum(16)}", f"token: sm_aat_{g.alnum(16)}"],
     negative_examples=lambda g: [f"SETTLEMINT_ACCESS_TOKEN=sm_pat_{g.alnum(10)}", "sm_pat_xxxxxxxxxxxxxxxx"])

# ---- Trading-bot configs without an exchange name in the variable: ccxt constructors and
# freqtrade/OctoBot `"exchange": {...}` blocks.
rule("crypto-exchanges",
     id="ccxt-exchange-secret",
     description="Exchange API secret in a ccxt constructor (ccxt.<exchange>({apiKey, secret}))",
     severity="critical",
     keywords=["ccxt"],
     regex=(r"(?s)ccxt(?:\.pro)?\.\w+\s*\(\s*\{[^}]{0,400}?[\"']?secret[\"']?\s*:\s*[\"']([!-&(-~]{16,128})[\"']"),
     window=600,
     min_entropy=3.3,
     pair_with=["exchange-config-api-key", "exchange-config-password"],
     pair_lines=8,
     remediation=EXCHANGE_REMEDIATION.format(url="the exchange's API management page"),
     examples=lambda g: [
         f"exchange = ccxt.bybit({{\n    'apiKey': '{g.alnum(18)}',\n    'secret': '{g.alnum(36)}',\n}})",
         f"const ex = new ccxt.okx({{ apiKey: '{g.uuid()}', secret: '{g.hex(32).upper()}', password: '{g.password()}' }});",
     ],
     negative_examples=lambda g: [
         "exchange = ccxt.binance({'apiKey': API_KEY, 'secret': API_SECRET})",
         "const ex = new ccxt.kraken({ apiKey: process.env.KEY, secret: process.env.SECRET });",
         "exchange = ccxt.bybit({'apiKey': 'YOUR_API_KEY', 'secret': 'YOUR_SECRET'})",
     ])

rule("crypto-exchanges",
     id="freqtrade-exchange-secret",
     description="Exchange API secret in a freqtrade/OctoBot config (\"exchange\": {\"name\", \"key\", \"secret\"})",
     severity="critical",
     keywords=["\"exchange\""],
     regex=r"(?s)\"exchange\"\s*:\s*\{[^{}]{0,600}?\"secret\"\s*:\s*\"([!#-~]{16,128})\"",
     window=800,
     min_entropy=3.8,
     pair_with=["exchange-config-api-key", "exchange-config-password"],
     pair_lines=8,
     remediation=EXCHANGE_REMEDIATION.format(url="the exchange's API management page"),
     examples=lambda g: [
         '{\n  "exchange": {\n    "name": "binance",\n'
         f'    "key": "{g.alnum(64)}",\n    "secret": "{g.alnum(64)}",\n'
         '    "ccxt_config": {},\n    "pair_whitelist": ["BTC/USDT"]\n  }\n}',
     ],
     negative_examples=lambda g: [
         '{"exchange": {"name": "binance", "key": "", "secret": ""}}',
         '{"exchange": {"name": "binance", "key": "your_exchange_key", "secret": "your_exchange_secret"}}',
     ])

rule("crypto-exchanges",
     id="exchange-config-api-key",
     description="API key in a ccxt or freqtrade exchange config: only reported with its secret",
     severity="medium",
     keywords=["apikey", "\"key\""],
     regex=r"(?:[\"']?apiKey[\"']?|\"key\")\s*:\s*[\"']([A-Za-z0-9_-]{16,128})[\"']",
     min_entropy=3.3,
     companion_only=True,
     remediation=EXCHANGE_REMEDIATION.format(url="the exchange's API management page"),
     examples=lambda g: [f"ex = ccxt.bybit({{'apiKey': '{g.alnum(18)}', 'secret': '{g.alnum(36)}'}})"],
     negative_examples=lambda g: [f"{{'apiKey': '{g.alnum(18)}'}}"])

rule("crypto-exchanges",
     id="exchange-config-password",
     description="API passphrase in a ccxt or freqtrade exchange config: only reported with its secret",
     severity="critical",
     keywords=["password"],
     regex=r"[\"']?password[\"']?\s*:\s*[\"']([!#-&(-~]{4,64})[\"']",
     companion_only=True,
     remediation=EXCHANGE_REMEDIATION.format(url="the exchange's API management page"),
     examples=lambda g: [f"ex = ccxt.okx({{'apiKey': '{g.uuid()}', 'secret': '{g.hex(32).upper()}', 'password': '{g.password()}'}})"],
     negative_examples=lambda g: [f"{{'password': '{g.password()}'}}"])


# ============================== wallets ==============================

WALLET_REMEDIATION = ("A wallet secret cannot be revoked or rotated: treat the wallet as drained. Move the funds "
                      "(every derived account, on every chain) to a new wallet generated offline, transfer "
                      "contract ownership and admin roles, revoke token approvals granted by its addresses, "
                      "and never reuse the secret; " + PURGE)

B58C = "[1-9A-HJ-NP-Za-km-z]"
# A value assignment after a context name: `=`, `:`, `:=`, `=>`, `(`, then optional quote; or a
# space followed by a quote (a CLI flag). A bare space or newline is not enough: in prose and
# in wordlist files the context word is followed by more words.
VALUE = r"""["']?(?:[ \t]*(?:[:=]{1,2}>?|\()\s*(?:[\[(]\s*)?["'`]?|[ \t]+["'`])"""
BIP39_WORD = "[a-z]{3,8}"

rule("wallets",
     id="bip39-mnemonic",
     description="BIP39 seed phrase (12-24 wordlist words with a valid checksum) assigned to a mnemonic/seed/phrase name",
     severity="critical",
     keywords=["mnemonic", "seed", "phrase", "recovery", "secret_words", "secret words", "secretwords", "wallet"],
     regex=(r"(?i:mnemonic|seed|phrase|recovery|secret[_ ]?words|wallet)[\w.-]*" + VALUE + r"(?:-\s+)?"
            # {11,} not {11,23}: the validator counts the words, and the upper bound doubled
            # the states the lazy DFA builds on prose.
            r"((?:" + BIP39_WORD + r"[\s\"',`-]+){11,}" + BIP39_WORD + r")\b"),
     validate="bip39-checksum",
     window=512,
     remediation=WALLET_REMEDIATION,
     examples=lambda g: [
         f'MNEMONIC="{g.mnemonic(12)}"',
         f"  accounts: {{ mnemonic: '{g.mnemonic(12)}' }},",
         f"const wallet = ethers.Wallet.fromPhrase(\"{g.mnemonic(24)}\");",
         f"seed_phrase = {json.dumps(g.mnemonic(12).split(), indent=2)}",
         "recovery_phrase:\n" + "".join(f"  - {w}\n" for w in g.mnemonic(15).split()),
         f"export DEPLOYER_SEED={g.mnemonic(18)}",
         f"anvil --mnemonic \"{g.mnemonic(21)}\"",
         f"HOT_WALLET_WORDS='{g.mnemonic(12)}'",
     ],
     negative_examples=lambda g: [
         # prose with wordlist words and a mnemonic keyword
         "mnemonic: always keep your secret phrase offline and never share it with anyone who asks for it online",
         # a phrase whose last word breaks the checksum
         (lambda w: f'MNEMONIC="{" ".join(w[:-1] + [BIP39_WORDS[(BIP39_WORDS.index(w[-1]) + 1) % 2048]])}"')(
             next(x for x in (g.mnemonic(24).split() for _ in range(50))
                  if not mnemonic_valid(" ".join(x[:-1] + [BIP39_WORDS[(BIP39_WORDS.index(x[-1]) + 1) % 2048]])))),
         # eleven words
         f'MNEMONIC="{" ".join(g.mnemonic(12).split()[:11])}"',
         # the wordlist itself, with the context words that it contains
         "# BIP39 mnemonic wordlist\n" + "\n".join(BIP39_WORDS[1500:1600]),
         "export const mnemonicWordlist = [" + ", ".join(f'"{w}"' for w in BIP39_WORDS[1540:1564]) + "];",
         "let seed = rng.next_u64(); // seed the generator with random data from the operating system now",
         # well-known public mnemonics (Hardhat/Anvil default, BIP39 spec vector): dropped as known_test_key
         "  accounts: { mnemonic: \"test test test test test test test test test test test junk\" },",
         "MNEMONIC='abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'",
     ])

rule("wallets",
     id="bip39-mnemonic-long",
     description="BIP39 seed phrase of 15, 18, 21 or 24 wordlist words with a valid checksum, wherever it is written (no name around it needed)",
     severity="critical",
     # No keyword: the engine searches a keywordless rule only in runs of the bytes its secret
     # can hold that are as long as its shortest secret (15 three-letter words and 14 spaces:
     # 59 bytes), reading about one byte in 59 elsewhere. Words separated by spaces only: with
     # newlines, quotes and commas allowed too, indented code made runs that long everywhere
     # and the rule cost a fifth of the scan; arrays and word-per-line lists need the context
     # rule. The checksum of 15 words passes one random phrase in 32, 24 words one in 256; the
     # validator also wants exactly 15/18/21/24 words and rejects wordlist excerpts.
     keywords=[],
     regex=r"\b((?:" + BIP39_WORD + r" +){14,}" + BIP39_WORD + r")\b",
     validate="bip39-checksum",
     remediation=WALLET_REMEDIATION,
     examples=lambda g: [
         f"Restore it with:\n\n    {g.mnemonic(24)}\n",
         f'const words = "{g.mnemonic(15)}";',
         f"words: {g.mnemonic(18)}",
         f"  {g.mnemonic(21)}\n",
         f"- `{g.mnemonic(24)}`",
     ],
     negative_examples=lambda g: [
         # twelve words with a valid checksum but nothing saying what they are: 1 in 16
         # random 12-word runs pass, so only the context rule reports them
         f'const words = "{g.mnemonic(12)}";',
         # fifteen words whose last word breaks the checksum
         (lambda w: f'const words = "{" ".join(w[:-1] + [BIP39_WORDS[(BIP39_WORDS.index(w[-1]) + 1) % 2048]])}";')(
             next(x for x in (g.mnemonic(15).split() for _ in range(50))
                  if not mnemonic_valid(" ".join(x[:-1] + [BIP39_WORDS[(BIP39_WORDS.index(x[-1]) + 1) % 2048]])))),
         # a valid phrase with one more word: 16 words is no BIP39 length
         f"{g.mnemonic(15)} zoo",
         # prose made of wordlist words
         "we arrive early each morning to clean the kitchen floor before the guests enjoy their breakfast and coffee together",
         # a wordlist excerpt
         " ".join(BIP39_WORDS[800:824]),
         " ".join(BIP39_WORDS),
         # one word per line: only the context and file-name rules read those
         "\n".join(g.mnemonic(24).split()),
     ])

rule("wallets",
     id="bip32-extended-private-key",
     description="BIP32 extended private key (xprv/tprv/yprv/zprv/Yprv/Zprv/uprv/vprv/Uprv/Vprv/Ltpv/Mtpv) with a valid base58check checksum",
     severity="critical",
     keywords=["xprv", "tprv", "yprv", "zprv", "uprv", "vprv", "ltpv", "mtpv"],
     regex=r"\b((?:[xtyzuvYZUV]prv|Ltpv|Mtpv)" + B58C + r"{107})\b",
     validate="base58check-xprv",
     remediation=("Every key derived from it is compromised. " + WALLET_REMEDIATION),
     examples=lambda g: [
         f"BIP32_ROOT_KEY={g.xprv('xprv', 0)}",
         f'descriptor = "wpkh({g.xprv("tprv")}/84h/1h/0h/0/*)"',
         f"zprv: {g.xprv('zprv')}",
         f"  \"key\": \"{g.xprv('Yprv')}\",",
     ],
     negative_examples=lambda g: [
         f"XPUB={g.xpub()}",
         (lambda x: f"BIP32_ROOT_KEY={x[:60]}{'A' if x[60] != 'A' else 'B'}{x[61:]}")(g.xprv('xprv')),
         "xprv: xprv9s21ZrQH143K...",
     ])

rule("wallets",
     id="bitcoin-wif-private-key",
     description="Bitcoin WIF private key (base58check, version 0x80/0xEF) next to a WIF/private-key name or an importprivkey command",
     severity="critical",
     keywords=["wif", "privkey", "private_key", "private-key", "privatekey", "private key", "btc", "bitcoin"],
     regex=(r"(?:(?i:wif|priv(?:ate)?[_ .-]?key|privkey|(?:btc|bitcoin)[\w.-]*(?:key|secret))[\w.-]*"
            + VALUE + r"|(?i:importprivkey)[ \t]+[\"']?|(?i:dumpprivkey)[ \t]+[\"']?" + B58C + r"{25,62}[\"']?\s+)"
            r"([59cKL]" + B58C + r"{50,51})\b"),
     validate="base58check-wif",
     window=160,
     remediation=WALLET_REMEDIATION,
     examples=lambda g: [
         f"BTC_PRIVATE_KEY_WIF={g.wif(0x80, True)}",
         f"wif: \"{g.wif(0x80, False)}\"",
         f"bitcoin-cli importprivkey \"{g.wif(0xEF, True)}\" \"hot\" false",
         f"const keyPair = ECPair.fromWIF('{g.wif(0xEF, False)}', network);",
         f"$ bitcoin-cli dumpprivkey {g.btc_address(0x00)}\n{g.wif(0x80, True)}",
     ],
     negative_examples=lambda g: [
         f"{g.wif(0x80, True)}",
         f"note = \"{g.wif(0x80, False)}\"",
         f"BTC_ADDRESS={g.btc_address(0x00)}",
         f"private_key_address: \"{g.btc_address(0x05)}\"",
         (lambda w: f"WIF={w[:20]}{'z' if w[20] != 'z' else 'y'}{w[21:]}")(g.wif(0x80, True)),
     ])

rule("wallets",
     id="solana-keypair-json",
     description="Solana keypair as a JSON array of 64 bytes (solana-keygen id.json style) whose second half is the Ed25519 public key of the first",
     severity="critical",
     # Bare "keypair" is not a keyword: Rust code is full of `KeyPair` (cargo's cfg parser alone
     # has hundreds), and each hit ran this rule over 640 bytes.
     keywords=["solana", "keypair =", "keypair=", "keypair:", "keypair\":", "keypair':", "keypair_", "keypair.", "keypairfrom", "secretkey", "secret_key", "privatekey", "private_key", "id.json",
               "wallet"],
     # The array's shape and least length only (64 one-digit numbers and 63 commas; the
     # validator reads exactly 64 integers 0-255). The length lets the engine skip windows
     # without such a run before compiling the regex. Exact counts (`(\d+,){63}`, then `{0,80}`
     # + `{127}`) made the lazy DFA build thousands of states: 4 ms of CPU for 19 KB of windows
     # on cargo, half of all regex time.
     regex=(r"(?i:solana|keypair|secret[_-]?key|private[_-]?key|id\.json|wallet)[^\[\n]*"
            r"(\[\s*\d[\d\s,]{125,}\])"),
     validate="ed25519-keypair",
     window=640,
     remediation=WALLET_REMEDIATION,
     examples=lambda g: [
         f"const payer = Keypair.fromSecretKey(Uint8Array.from({json.dumps(list(g.solana_keypair_bytes()), separators=(',', ':'))}));",
         f"SOLANA_PRIVATE_KEY={json.dumps(list(g.solana_keypair_bytes()), separators=(',', ':'))}",
         f'{{"secretKey": {json.dumps(list(g.solana_keypair_bytes()), indent=2)}}}',
     ],
     negative_examples=lambda g: [
         # the right shape, but the second half is not the public key of the first
         f"SOLANA_PRIVATE_KEY={json.dumps(list(g.bytes(64)))}",
         f"keypair = {json.dumps(list(g.solana_keypair_bytes())[:63])}",
         f"sbox = {json.dumps(list(g.solana_keypair_bytes()))}",
     ])

rule("wallets",
     id="bip39-mnemonic-file",
     description="BIP39 seed phrase alone in a file named for it (Truffle's .secret, mnemonic.txt, seed phrase files)",
     severity="critical",
     keywords=[],
     # Every glob ends in a literal, so other files never reach the glob set (see engine).
     file_names=[".secret", "*.secret", "mnemonic", ".mnemonic", "*mnemonic*.txt", "*seed*.txt",
                 "*phrase*.txt", "*recovery*.txt", "*wallet*.txt"],
     regex=r"\A\s*[\"']?((?:[a-z]{3,8}[\s,]+){11,}[a-z]{3,8})[\"']?\s*$",
     validate="bip39-checksum",
     remediation=WALLET_REMEDIATION,
     examples=lambda g: [
         g.mnemonic(12) + "\n",
         g.mnemonic(24),
     ],
     negative_examples=lambda g: [
         # a bad checksum
         (lambda w: " ".join(w[:-1] + [BIP39_WORDS[(BIP39_WORDS.index(w[-1]) + 1) % 2048]]))(
             next(x for x in (g.mnemonic(12).split() for _ in range(50))
                  if not mnemonic_valid(" ".join(x[:-1] + [BIP39_WORDS[(BIP39_WORDS.index(x[-1]) + 1) % 2048]])))),
         "API_TOKEN=abc123\n",
         "\n".join(BIP39_WORDS[:12]),
     ])

rule("wallets",
     id="solana-keypair-file",
     description="Solana keypair file (id.json, *keypair*.json from solana-keygen or Anchor: a bare JSON array of 64 bytes, public half checked)",
     severity="critical",
     keywords=[],
     file_names=["id.json", "*keypair*.json"],
     regex=r"\A\s*(\[\s*\d[\d\s,]{125,}\])\s*$",
     validate="ed25519-keypair",
     remediation=WALLET_REMEDIATION,
     examples=lambda g: [
         json.dumps(list(g.solana_keypair_bytes()), separators=(",", ":")),
         json.dumps(list(g.solana_keypair_bytes())) + "\n",
     ],
     negative_examples=lambda g: [
         json.dumps(list(g.bytes(64))),
         json.dumps(list(g.solana_keypair_bytes())[:63]),
         '{"name": "my-program", "version": "0.1.0"}',
     ])

rule("wallets",
     id="solana-private-key",
     description="Solana/Phantom private key: base58 of a 64-byte Ed25519 keypair (public half checked) assigned to a Solana or private-key name",
     severity="critical",
     keywords=["solana", "phantom", "private_key", "privatekey", "private-key", "secret_key", "secretkey",
               "keypair =", "keypair=", "keypair:", "keypair\":", "keypair':", "keypair_", "keypair.", "keypairfrom", "bs58.decode", "base58.decode"],
     regex=(r"(?:(?i:solana|phantom|priv(?:ate)?[_ .-]?key|secret[_-]?key|keypair)[\w.-]*" + VALUE
            + r"|(?i:bs58|base58)\.decode\(\s*[\"'`])(" + B58C + r"{86,88})\b"),
     validate="ed25519-keypair",
     remediation=WALLET_REMEDIATION,
     examples=lambda g: [
         f"SOLANA_PRIVATE_KEY={g.solana_b58()}",
         f"const kp = Keypair.fromSecretKey(bs58.decode(\"{g.solana_b58()}\"));",
         f"phantom_private_key: '{g.solana_b58()}'",
     ],
     negative_examples=lambda g: [
         # a transaction signature: 64 bytes of base58, same length
         f"signature = \"{g._clean(lambda: b58encode(g.bytes(64)))}\"",
         f"SOLANA_PRIVATE_KEY={g._clean(lambda: b58encode(g.bytes(64)))}",
         f"tx: {g.solana_b58()}",
     ])

def cometbft_key_file(g, kp):
    pub = kp[32:]
    addr = hashlib.sha256(pub).hexdigest()[:40].upper()
    return json.dumps({"address": addr,
                       "pub_key": {"type": "tendermint/PubKeyEd25519", "value": b64(pub)},
                       "priv_key": {"type": "tendermint/PrivKeyEd25519", "value": b64(kp)}}, indent=2)


rule("wallets",
     id="cometbft-validator-private-key",
     description="CometBFT/Tendermint validator consensus key (priv_validator_key.json): Ed25519 keypair whose public half is checked",
     severity="critical",
     keywords=["tendermint/pubkeyed25519"],
     regex=(r"\"tendermint/PubKeyEd25519\"[^}]{0,120}\}\s*,\s*"
            r"\"priv_key\"\s*:\s*\{\s*\"type\"\s*:\s*\"tendermint/PrivKeyEd25519\"\s*,\s*"
            r"\"value\"\s*:\s*\"([A-Za-z0-9+/]{86}==)\""),
     validate="ed25519-keypair",
     window=400,
     remediation=("A consensus key cannot be revoked, and a second copy of it signing is a double-sign: "
                  "stop every node that may hold it, never run it in two places, rotate to a new consensus "
                  "key where the chain supports it (x/staking MsgRotateConsPubKey) or migrate to a new "
                  "validator, keep the new key in a remote signer (tmkms/Horcrux); " + PURGE),
     examples=lambda g: [
         cometbft_key_file(g, g.solana_keypair_bytes()),
         cometbft_key_file(g, g.solana_keypair_bytes()).replace("\n", "").replace("  ", ""),
     ],
     negative_examples=lambda g: [
         # the public half does not match
         cometbft_key_file(g, g.bytes(64)),
         # node_key.json-style file without the validator's public key
         json.dumps({"priv_key": {"type": "tendermint/PrivKeyEd25519",
                                  "value": b64(g.solana_keypair_bytes())}}),
         # a template with a placeholder value
         cometbft_key_file(g, g.solana_keypair_bytes()).rsplit('"value"', 1)[0] + '"value": "<base64 of 64 bytes>"}}',
     ])

def web3_keystore(g, pretty=False, order=0):
    crypto = {"cipher": "aes-128-ctr", "ciphertext": g.hex(64), "cipherparams": {"iv": g.hex(32)},
              "kdf": "scrypt", "kdfparams": {"dklen": 32, "n": 262144, "p": 1, "r": 8, "salt": g.hex(64)},
              "mac": g.hex(64)}
    if order:
        crypto = {k: crypto[k] for k in ("cipher", "cipherparams", "ciphertext", "kdf", "kdfparams", "mac")}
    doc = {"address": g.hex(40), "crypto": crypto, "id": g.uuid(), "version": 3}
    return json.dumps(doc, indent=2 if pretty else None)


rule("wallets",
     id="ethereum-keystore",
     description="Ethereum Web3 Secret Storage (v3 keystore JSON): an encrypted private key, safe only while its password is",
     severity="low",
     keywords=["aes-128-ctr"],
     regex=(r"\"cipher\"\s*:\s*\"aes-128-ctr\"\s*,\s*(?:\"cipherparams\"\s*:\s*\{[^}]{0,120}\}\s*,\s*)?"
            r"\"ciphertext\"\s*:\s*\"([0-9a-fA-F]{64})\""),
     min_entropy=3.0,
     window=200,
     pair_with=["keystore-password"],
     pair_lines=0,
     paired_severity="high",
     remediation=("The key is encrypted, but anyone with this file can brute-force a weak password offline. If the "
                  "password may be known (same repository, CI variables, a weak password), treat the wallet as "
                  "drained: move the funds to a new wallet generated offline; " + PURGE),
     examples=lambda g: [
         web3_keystore(g),
         web3_keystore(g, pretty=True),
         web3_keystore(g, order=1),
         web3_keystore(g, pretty=True, order=1),
         f"const json = '{web3_keystore(g)}';\nconst wallet = await Wallet.fromEncryptedJson(json, 'correct-horse-42');",
     ],
     negative_examples=lambda g: [
         # EIP-2335 BLS keystore: a different structure (cipher.function)
         json.dumps({"crypto": {"cipher": {"function": "aes-128-ctr", "params": {"iv": g.hex(32)},
                                           "message": g.hex(64)}}, "version": 4}),
         '{"crypto": {"cipher": "aes-128-ctr", "ciphertext": "<ciphertext>"}}',
         f"openssl enc -aes-128-ctr -K {g.hex(32)} -iv {g.hex(32)}",
     ])

# ---- Self-identifying chain secrets (crypto-formats.md 2.9 and 2.11): Bech32 keys, AIP-80
# keys, LND macaroons. The prefix is the anchor; the validator proves the checksum/structure.

BECH32_CHARS = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _bech32_polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def _bech32_hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def _to5(data):
    acc, bits, out = 0, 0, []
    for b in data:
        acc = acc << 8 | b
        bits += 8
        while bits >= 5:
            bits -= 5
            out.append(acc >> bits & 31)
    if bits:
        out.append(acc << (5 - bits) & 31)
    return out


def bech32_encode(hrp, data):
    d = _to5(data)
    pm = _bech32_polymod(_bech32_hrp_expand(hrp) + d + [0] * 6) ^ 1
    d += [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32_CHARS[x] for x in d)


def bech32_decode(s):
    low = s.lower()
    if low != s and s.upper() != s:
        return None, None
    pos = low.rfind("1")
    hrp, rest = low[:pos], low[pos + 1:]
    if pos < 1 or len(rest) < 6 or any(c not in BECH32_CHARS for c in rest):
        return None, None
    d = [BECH32_CHARS.index(c) for c in rest]
    if _bech32_polymod(_bech32_hrp_expand(hrp) + d) != 1:
        return None, None
    acc, bits, out = 0, 0, []
    for v in d[:-6]:
        acc = acc << 5 | v
        bits += 5
        if bits >= 8:
            bits -= 8
            out.append(acc >> bits & 255)
    return hrp, bytes(out)


def sui_valid(s):
    hrp, b = bech32_decode(s)
    if hrp != "suiprivkey" or len(b) != 33:
        return False
    if b[0] == 0:
        return True
    if b[0] == 1:
        return 1 <= int.from_bytes(b[1:], "big") < SECP256K1_N
    return b[0] == 2 and 1 <= int.from_bytes(b[1:], "big") < P256_N


def nsec_valid(s):
    hrp, b = bech32_decode(s)
    return hrp == "nsec" and len(b) == 32 and 1 <= int.from_bytes(b, "big") < SECP256K1_N


def age_valid(s):
    hrp, b = bech32_decode(s)
    return hrp == "age-secret-key-" and len(b) == 32


def cardano_valid(s):
    hrp, b = bech32_decode(s)
    if hrp is None:
        return False
    if hrp.endswith("_xsk"):
        return len(b) in (64, 96)
    return hrp.endswith("_sk") and len(b) == 32


def aip80_valid(s):
    m = re.fullmatch(r"(ed25519|secp256k1)-priv-0x([0-9a-fA-F]{64})", s.strip())
    if not m:
        return False
    k = int(m.group(2), 16)
    return 1 <= k < SECP256K1_N if m.group(1) == "secp256k1" else k != 0


def macaroon_bytes(location, r, caveats=("time-before 2031-01-01T00:00:00Z",)):
    """A v2 macaroon: location, identifier (LND: version 3 + nonce + ops), caveats, 32-byte sig."""
    def field(kind, data):
        return bytes([kind, len(data)]) + data
    ident = b"\x03" + bytes(r.getrandbits(8) for _ in range(16)) + b"\x12\x010\x1a\x0c\n\x07address\x12\x01r"
    m = b"\x02" + field(1, location) + field(2, ident) + b"\x00"
    for c in caveats:
        m += field(2, c.encode()) + b"\x00"
    return m + b"\x00" + field(6, bytes(r.getrandbits(8) for _ in range(32)))


def macaroon_valid(s):
    t = s.strip()
    try:
        b = bytes.fromhex(t) if re.fullmatch(r"(?:[0-9a-fA-F]{2})+", t) else base64.b64decode(
            t.replace("-", "+").replace("_", "/").rstrip("=") + "=" * (-len(t.rstrip("=")) % 4), validate=True)
    except ValueError:
        return False
    pos = [1]

    def varint():
        v, shift = 0, 0
        while pos[0] < len(b):
            x = b[pos[0]]
            pos[0] += 1
            v |= (x & 0x7F) << shift
            if not x & 0x80:
                return v
            shift += 7
        raise IndexError

    def packet():
        kind = varint()
        if kind == 0:
            return 0, b""
        n = varint()
        if pos[0] + n > len(b):
            raise IndexError
        data = b[pos[0]:pos[0] + n]
        pos[0] += n
        return kind, data

    try:
        if not b or b[0] != 2:
            return False
        loc, ident = None, False
        while True:
            kind, data = packet()
            if kind == 0:
                break
            if kind == 1 and loc is None and not ident:
                loc = data
            elif kind == 2 and not ident:
                ident = True
            else:
                return False
        if not ident:
            return False
        while True:
            n = 0
            while True:
                kind, _ = packet()
                if kind == 0:
                    break
                if kind not in (1, 2, 4):
                    return False
                n += 1
            if n == 0:
                break
        kind, sig = packet()
        return kind == 6 and len(sig) == 32 and pos[0] == len(b) and loc == b"lnd"
    except IndexError:
        return False


VALIDATORS.update({"sui-private-key": sui_valid, "nostr-nsec": nsec_valid, "age-secret-key": age_valid,
                   "cardano-signing-key": cardano_valid, "aip80-private-key": aip80_valid,
                   "lnd-macaroon": macaroon_valid})

rule("wallets",
     id="sui-private-key",
     description="Sui private key (suiprivkey1…, Bech32 of scheme flag + 32-byte key)",
     severity="critical",
     keywords=["suiprivkey1"],
     regex=r"\b(suiprivkey1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{59})\b",
     validate="sui-private-key",
     remediation=WALLET_REMEDIATION,
     examples=lambda g: [
         f"SUI_PRIVATE_KEY={bech32_encode('suiprivkey', bytes([0]) + g.bytes(32))}",
         f"sui keytool import {bech32_encode('suiprivkey', bytes([1]) + g.scalar())} secp256k1",
     ],
     negative_examples=lambda g: [
         # one character changed: the checksum fails
         "SUI_PRIVATE_KEY=" + bech32_encode("suiprivkey", bytes([0]) + g.bytes(32))[:-1] + "q",
         f"SUI_PRIVATE_KEY={bech32_encode('suiprivkey', bytes([9]) + g.bytes(32))}",
         "SUI_PRIVATE_KEY=suiprivkey1...",
     ])

rule("wallets",
     id="aptos-private-key",
     description="Aptos private key in the AIP-80 form (ed25519-priv-0x… / secp256k1-priv-0x…)",
     severity="critical",
     keywords=["ed25519-priv-0x", "secp256k1-priv-0x"],
     regex=r"\b((?:ed25519|secp256k1)-priv-0x[0-9a-fA-F]{64})\b",
     min_entropy=3.0,
     validate="aip80-private-key",
     remediation=WALLET_REMEDIATION,
     examples=lambda g: [
         f"APTOS_PRIVATE_KEY=ed25519-priv-0x{g.hex(64)}",
         f'  private_key: "secp256k1-priv-0x{g.eth_key()}"',
     ],
     negative_examples=lambda g: [
         f"APTOS_PRIVATE_KEY=ed25519-priv-0x{g.hex(60)}",
         f"APTOS_PUBLIC_KEY=ed25519-pub-0x{g.hex(64)}",
         "APTOS_PRIVATE_KEY=secp256k1-priv-0x" + "f" * 64,
     ])

rule("wallets",
     id="nostr-private-key",
     description="Nostr private key (nsec1…, NIP-19 Bech32 of a secp256k1 key)",
     severity="high",
     keywords=["nsec1"],
     regex=r"\b(nsec1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58})\b",
     validate="nostr-nsec",
     remediation=("A Nostr key cannot be revoked: publish a notice from the old key, move your identity (NIP-05, "
                  "follows) to a new key generated offline, move any funds of wallets derived from it, " + PURGE),
     examples=lambda g: [
         f"NOSTR_PRIVATE_KEY={bech32_encode('nsec', g.scalar())}",
         f'const sk = nip19.decode("{bech32_encode("nsec", g.scalar())}").data',
     ],
     negative_examples=lambda g: [
         f"NOSTR_PUBLIC_KEY={bech32_encode('npub', g.bytes(32))}",
         "NOSTR_PRIVATE_KEY=" + bech32_encode("nsec", g.scalar())[:-2] + "qq",
     ])

rule("wallets",
     id="age-secret-key",
     description="age encryption secret key (AGE-SECRET-KEY-1…; decrypts SOPS/age-encrypted secrets and wallets)",
     severity="high",
     keywords=["AGE-SECRET-KEY-1"],
     regex=r"\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b",
     validate="age-secret-key",
     remediation=("Generate a new age identity (age-keygen), re-encrypt every file encrypted to this key "
                  "(sops updatekeys / age -r), rotate the secrets those files held, " + PURGE),
     examples=lambda g: [
         f"# created: 2025-03-01T10:00:00Z\n# public key: age1{g.s(BECH32_CHARS, 58)}\n"
         f"{bech32_encode('age-secret-key-', g.bytes(32)).upper()}",
         f"SOPS_AGE_KEY={bech32_encode('age-secret-key-', g.bytes(32)).upper()}",
     ],
     negative_examples=lambda g: [
         f"recipient: age1{g.s(BECH32_CHARS, 58)}",
         "SOPS_AGE_KEY=" + bech32_encode("age-secret-key-", g.bytes(32)).upper()[:-1] + "Q",
     ])

CARDANO_HRPS = ("root|acct|addr|stake|policy|pool|drep|cc_cold|cc_hot|kes|vrf|cvote|root_shared|acct_shared|"
                "addr_shared|stake_shared|policy_shared")

rule("wallets",
     id="cardano-signing-key",
     description="Cardano signing key (CIP-5 Bech32: addr_sk1…, root_xsk1…, stake_sk1…, pool_sk1…)",
     severity="critical",
     keywords=["_sk1", "_xsk1"],
     regex=rf"\b((?:{CARDANO_HRPS})_x?sk1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{{58,160}})\b",
     validate="cardano-signing-key",
     remediation=WALLET_REMEDIATION,
     examples=lambda g: [
         f"PAYMENT_SKEY={bech32_encode('addr_sk', g.bytes(32))}",
         f"root key: {bech32_encode('root_xsk', g.bytes(96))}",
     ],
     negative_examples=lambda g: [
         f"PAYMENT_VKEY={bech32_encode('addr_vk', g.bytes(32))}",
         "PAYMENT_SKEY=" + bech32_encode("addr_sk", g.bytes(32))[:-1] + "q",
         f"ROOT={bech32_encode('root_xsk', g.bytes(32))}",
     ])

rule("wallets",
     id="cardano-skey-file",
     description="Cardano signing key file (cardano-cli text envelope with a *SigningKey* type and cborHex)",
     severity="critical",
     keywords=["SigningKey"],
     regex=(r"(?s)\"type\"\s*:\s*\"\w*SigningKey\w*\".{0,300}?\"cborHex\"\s*:\s*"
            r"\"(58(?:20[0-9a-fA-F]{64}|40[0-9a-fA-F]{128}|80[0-9a-fA-F]{256}))\""),
     window=600,
     min_entropy=3.0,
     remediation=WALLET_REMEDIATION,
     examples=lambda g: [
         '{\n    "type": "PaymentSigningKeyShelley_ed25519",\n    "description": "Payment Signing Key",\n'
         f'    "cborHex": "5820{g.hex(64)}"\n}}',
         '{"type": "StakePoolSigningKey_ed25519", "description": "Stake Pool Operator Signing Key", '
         f'"cborHex": "5820{g.hex(64)}"}}',
     ],
     negative_examples=lambda g: [
         '{\n    "type": "PaymentVerificationKeyShelley_ed25519",\n    "description": "Payment Verification Key",\n'
         f'    "cborHex": "5820{g.hex(64)}"\n}}',
         '{"type": "PaymentSigningKeyShelley_ed25519", "cborHex": "<cbor>"}',
     ])

LND_REM = ("Delete the macaroon's root key (lncli bakemacaroon/revoke: `lncli deletemacaroonid <id>`, or stop lnd, "
           "delete macaroons.db and the *.macaroon files, restart to regenerate), check the node's payments and "
           "channels, move funds if the admin macaroon and the node's address both leaked, " + PURGE)

rule("wallets",
     id="lnd-macaroon",
     description="LND (Lightning) macaroon, hex or base64 (admin.macaroon controls the node and its funds)",
     severity="critical",
     keywords=["0201036c6e64", "AgEDbG5k"],
     # Unbounded on purpose: `{80,4000}` made this the costliest regex to compile (13 ms); the
     # window bounds the match and the validator checks the length.
     regex=r"\b(0201036c6e64[0-9a-fA-F]{80}[0-9a-fA-F]*|AgEDbG5k[A-Za-z0-9+/_-]{60}[A-Za-z0-9+/_-]*={0,2})(?:[^0-9A-Za-z+/=_-]|$)",
     validate="lnd-macaroon",
     remediation=LND_REM,
     examples=lambda g: [
         f"LND_MACAROON_HEX={macaroon_bytes(b'lnd', g.r).hex()}",
         f'macaroon: "{b64(macaroon_bytes(b"lnd", g.r))}"',
         f"curl -H 'Grpc-Metadata-macaroon: {macaroon_bytes(b'lnd', g.r, caveats=()).hex()}' https://node:8080/v1/getinfo",
     ],
     negative_examples=lambda g: [
         f"LND_MACAROON_HEX={macaroon_bytes(b'lnd', g.r).hex()[:-2]}",
         f"LND_MACAROON_HEX=0201036c6e64{g.hex(200)}",
         "LND_MACAROON_HEX=0201036c6e64...",
     ])

# ---- Encrypted keystores: low alone; high when a password sits in the same file.

rule("wallets",
     id="keystore-password",
     description="A password assigned in the same file as an encrypted keystore: only reported with the keystore",
     severity="high",
     keywords=["password", "passphrase", "passwd"],
     regex=(r"(?i:password|passphrase|passwd)\w*[\"']?\s*(?:[:=]{1,2}|\s)\s*[\"'`]?"
            r"([A-Za-z0-9!#%&*+/:;<=>?@^_~-]{6,128})(?:[\"'`\s,;}]|$)"),
     min_entropy=2.0,
     companion_only=True,
     remediation=("The keystore's password is beside it: treat the wallet as drained and move the funds to a new "
                  "wallet generated offline; " + PURGE),
     examples=lambda g: [
         f"const keystore = '{web3_keystore(g)}';\nconst password = \"{g.password()}\";",
     ],
     negative_examples=lambda g: [
         f"password = \"{g.password()}\"",
     ])

EIP2335_REM = ("A validator signing key encrypted with a password: if the password may be known, exit the "
               "validator or move it to a new key (withdrawal credentials are not at risk from this key alone), "
               "never run two instances with it (slashing); " + PURGE)


def eip2335_keystore(g, pretty=False):
    doc = {"crypto": {
        "kdf": {"function": "scrypt", "params": {"dklen": 32, "n": 262144, "r": 8, "p": 1, "salt": g.hex(64)},
                "message": ""},
        "checksum": {"function": "sha256", "params": {}, "message": g.hex(64)},
        "cipher": {"function": "aes-128-ctr", "params": {"iv": g.hex(32)}, "message": g.hex(64)}},
        "description": "", "pubkey": g.hex(96), "path": f"m/12381/3600/{g.r.randint(0, 9)}/0/0",
        "uuid": g.uuid(), "version": 4}
    return json.dumps(doc, indent=2 if pretty else None)


rule("wallets",
     id="eip2335-keystore",
     description="Ethereum validator keystore (EIP-2335 BLS12-381): an encrypted signing key, safe only while its password is",
     severity="low",
     keywords=["aes-128-ctr"],
     # From the cipher's "function" (pretty-printed, "cipher": { is on the line before the keyword).
     regex=(r"\"function\"\s*:\s*\"aes-128-ctr\"\s*,\s*"
            r"(?:\"params\"\s*:\s*\{[^}]{0,120}\}\s*,\s*)?\"message\"\s*:\s*\"([0-9a-fA-F]{64})\""),
     min_entropy=3.0,
     window=300,
     pair_with=["keystore-password"],
     pair_lines=0,
     paired_severity="high",
     remediation=EIP2335_REM,
     examples=lambda g: [
         eip2335_keystore(g),
         eip2335_keystore(g, pretty=True),
         f"KEYSTORE='{eip2335_keystore(g)}'\nKEYSTORE_PASSWORD='{g.password()}'",
     ],
     negative_examples=lambda g: [
         web3_keystore(g),
         '{"crypto": {"cipher": {"function": "aes-128-ctr", "params": {}, "message": "<ciphertext>"}}}',
     ])


rule("wallets",
     id="ethereum-private-key",
     description="Ethereum/EVM private key (64 hex) assigned to a private-key name or passed to a wallet constructor",
     severity="critical",
     keywords=["private_key", "private-key", "privatekey", "private.key", "privkey", "priv_key", "priv-key",
               "wallet(", "from_key", "hextoecdsa", "accounts", "privatekeytoaccount"],
     regex=(r"(?:(?i:private[_.-]?key|privkey|priv[_.-]key)\w*" + ASSIGN + r"\[?\s*[\"']?"
            r"|(?:new\s+(?:ethers\.)?Wallet|from_key|HexToECDSA|privateKeyToAccount)\(\s*[\"'`]"
            r"|accounts[\"']?\s*:\s*\[\s*[\"'])"
            r"(?:0x)?([0-9a-fA-F]{64})\b"),
     min_entropy=3.0,
     validate="secp256k1-scalar",
     window=96,
     remediation=WALLET_REMEDIATION,
     examples=lambda g: [
         f"ETH_PRIVATE_KEY=0x{g.eth_key()}",
         f'DEPLOYER_PRIVATE_KEY="{g.eth_key()}"',
         f'const wallet = new ethers.Wallet("0x{g.eth_key()}", provider);',
         f"forge script script/Deploy.s.sol --rpc-url $RPC_URL --private-key 0x{g.eth_key()} --broadcast",
         f"    sepolia: {{\n      url: RPC_URL,\n      accounts: [\"0x{g.eth_key()}\"],\n    }},",
         f"    accounts: [\n      '0x{g.eth_key()}',\n    ],",
         f"acct = Account.from_key(\"0x{g.eth_key()}\")",
         f"const account = privateKeyToAccount(`0x{g.eth_key()}`);",
         f"key, err := crypto.HexToECDSA(\"{g.eth_key()}\")",
     ],
     negative_examples=lambda g: [
         f'txHash = "0x{g.hex(64)}"',
         f'  "blockHash": "0x{g.hex(64)}",',
         f'  "topics": ["0x{g.hex(64)}", "0x{g.hex(64)}"],',
         f"bytes32 constant IMPLEMENTATION_SLOT = 0x{g.hex(64)};",
         f"sha256: {g.hex(64)}",
         f"{g.hex(64)}  keysweep-x86_64-unknown-linux-gnu.tar.gz",
         f"commit = {g.hex(40)}",
         f"uses: actions/checkout@{g.hex(40)}",
         f"  \"integrity\": \"sha512-{g.b64_clean(64)}\",",
         f'checksum = "{g.hex(64)}"',
         f"accounts: [process.env.PRIVATE_KEY],\nblockHash: \"0x{g.hex(64)}\"",
         "PRIVATE_KEY=0x0000000000000000000000000000000000000000000000000000000000000000",
         # Hardhat/Anvil account #0 (public, in every Hardhat install): dropped as known_test_key
         "PRIVATE_KEY=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
     ])


# ============================== web3 ==============================
# RPC providers, indexers, block explorers and IPFS pinning services (crypto-formats.md section 3).
# Keys that only spend quota are `medium`; keys that can change things (Infura key secret, Alchemy
# auth token, QuickNode admin key, Chainstack platform key, Pinata secret/JWT, The Graph deploy
# key) are `high`. Public-by-design identifiers (WalletConnect/Reown project IDs) have no rule,
# and the ethers.js default keys are dropped by src/filters/known_keys.rs (KNOWN_PUBLIC here).

def web3_remediation(where, protect="restrict the new key with the provider's allowlists (allowed origins, IP "
                                    "addresses, contract addresses)",
                     check="the request logs and billing for abuse"):
    """Where to rotate, what to check, how to fence the new key (allowlists), and the history purge."""
    return (f"Rotate or delete the key at {where} now, check {check}, {protect}, and load it from a secret "
            "manager or CI secret rather than a committed file; " + PURGE)


def jwt_valid(s):
    """Python twin of src/engine/validators/jwt.rs: three base64url parts without padding, the
    header a JSON object with a string `alg`, the payload a JSON object."""
    parts = s.split(".")
    if len(parts) != 3 or not re.fullmatch(r"[A-Za-z0-9_-]+", parts[2]) or len(parts[2]) % 4 == 1:
        return False

    def obj(p):
        if not re.fullmatch(r"[A-Za-z0-9_-]*", p) or len(p) % 4 == 1:
            return None
        try:
            v = json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)).decode("utf-8"))
        except (ValueError, RecursionError):
            return None
        return v if isinstance(v, dict) else None

    header = obj(parts[0])
    return header is not None and isinstance(header.get("alg"), str) and obj(parts[1]) is not None


VALIDATORS["jwt"] = jwt_valid

# The ethers.js default provider keys (public; dropped by the known-public-key filter).
ETHERS_INFURA = "84842078b09946638c03157f83405213"
ETHERS_ALCHEMY = "_gg7wSSi0KMBsdKnGVfHDueq6xMB9EkC"
ETHERS_ANKR = "9f7d929b018cdffb338517efa06f58359e86ff1ffd350bc889738523659e7972"
ETHERS_QUICKNODE = "919b412a057b5e9c9b6dce193c5a60242d6efadb"
ETHERS_CHAINSTACK = "39f1d67cedf8b7831010a665328c9197"

# A signed JWT whose header and payload are JSON (what the `jwt` validator accepts).
JWT_RE = r"(eyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{16,})(?:[^0-9A-Za-z_.-]|$)"
UUID_RE = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
# `X-API-Key: …` header (Moralis, Tatum); only searched in a window with the provider's keyword.
X_API_KEY = r"""(?i:x-api-key)["']?\s*[:=]\s*["']?"""
_HOST_WORDS = ["silent", "autumn", "frosty", "crimson", "hidden", "wild", "late", "polished", "billowing",
               "misty", "young", "quiet", "broken", "ancient", "snowy", "divine", "sparkling", "bold"]


def web3_jwt(g, payload_of):
    """An HS256 JWT with a provider-shaped payload (payload_of(g) -> dict), random signature."""
    def make():
        header = json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":"))
        iat = g.r.randint(1_650_000_000, 1_800_000_000)
        payload = json.dumps(dict(payload_of(g), iat=iat, exp=iat + 10 * 365 * 86400), separators=(",", ":"))
        return f"{b64url(header.encode())}.{b64url(payload.encode())}.{b64url(g.bytes(32))}"
    return g._clean(make)


def bad_jwt(g, header):
    """A JWT-shaped string whose header is `header` (raw bytes): for validator negatives."""
    return g._clean(lambda: f"{b64url(header)}.{b64url(json.dumps({'sub': g.uuid()}).encode())}."
                            f"{b64url(g.bytes(32))}")


def moralis_payload(g):
    return {"nonce": g.uuid(), "orgId": g.digits(6), "userId": g.digits(6), "typeId": g.uuid(),
            "type": "PROJECT"}


def pinata_payload(g):
    return {"userInformation": {"id": g.uuid(), "mfa_enabled": False, "status": "ACTIVE"},
            "authenticationType": "scopedKey", "scopedKeyKey": g.hex(20), "scopedKeySecret": g.hex(64)}


def host_name(g):
    return "-".join(g.r.sample(_HOST_WORDS, 3))


# --- Infura (MetaMask Developer) ---------------------------------------------------------------
# Keyword `infura`: a brand that does not occur in ordinary words, and every form below carries it
# (hosts, INFURA_* env names, infuraId, InfuraProvider).

INFURA_REM_WHERE = "the Infura / MetaMask Developer dashboard (https://developer.metamask.io, API key > Settings)"

rule("web3",
     id="infura-api-key",
     description="Infura API key / project ID (32 lowercase hex) in an infura.io RPC URL or assigned to an Infura key name",
     severity="medium",
     keywords=["infura"],
     regex=(r"(?:\.infura\.io/(?:ws/)?v3/"
            r"|(?i:infura(?:[_.-]?(?:api[_.-]?key|project[_.-]?id|id|key))?)" + ASSIGN
            + r"|(?i:infura)\w*\(\s*(?:[\"'][\w-]+[\"']\s*,\s*)?(?:\{\s*(?:apiKey|projectId)[\"']?\s*:\s*)?[\"'])"
            r"([0-9a-f]{32})\b"),
     min_entropy=3.0,
     remediation=web3_remediation(INFURA_REM_WHERE,
                                  "restrict the new key with its allowlists (origins, user agents, contract addresses, "
                                  "JSON-RPC methods) and 'Require API key secret' for server-side use"),
     examples=lambda g: [
         f"INFURA_API_KEY={g.hex(32)}",
         f'    sepolia: {{ url: "https://sepolia.infura.io/v3/{g.hex(32)}", chainId: 11155111 }},',
         f'const provider = new ethers.WebSocketProvider("wss://mainnet.infura.io/ws/v3/{g.hex(32)}");',
         f'  infuraId: "{g.hex(32)}",',
     ],
     negative_examples=lambda g: [
         # the ethers.js default key (public)
         f'const provider = new ethers.JsonRpcProvider("https://mainnet.infura.io/v3/{ETHERS_INFURA}");',
         "INFURA_API_KEY=${INFURA_API_KEY}",
         "    sepolia: { url: `https://sepolia.infura.io/v3/${process.env.INFURA_API_KEY}` },",
         "curl https://mainnet.infura.io/v3/<YOUR-API-KEY> -X POST -d '{\"jsonrpc\":\"2.0\",\"method\":\"eth_blockNumber\"}'",
         f"INFURA_PROJECT_ID={g.hex(31)}",
         # a WalletConnect / Reown project ID is public by design
         f"NEXT_PUBLIC_WALLET_CONNECT_PROJECT_ID={g.hex(32)}",
         f'  projectId: "{g.hex(32)}", // WalletConnect Cloud; reads go through infura.io',
     ])

rule("web3",
     id="infura-api-key-secret",
     description="Infura API key secret / project secret (32 hex) assigned to an Infura secret name or in HTTP Basic credentials for an Infura endpoint",
     severity="high",
     keywords=["infura"],
     regex=(r"(?:(?i:infura[\w.-]{0,30}?secret)\w*" + ASSIGN
            + r"|(?i:infura)[^\n]{0,200}?projectSecret[\"']?\s*:\s*[\"']"
            r"|(?i:infura)\w*\(\s*[\"'][\w-]+[\"']\s*,\s*[\"'][0-9a-f]{32}[\"']\s*,\s*[\"']"
            r"|(?:-u|--user)[ =][\"']?[0-9A-Za-z]{0,40}:"
            r"|://[0-9A-Za-z]{0,40}:)"
            r"([0-9a-f]{32})\b"),
     min_entropy=3.0,
     pair_with=["infura-api-key"],
     remediation=web3_remediation("the Infura / MetaMask Developer dashboard (https://developer.metamask.io, API "
                                  "key > Settings: regenerate the API key secret, or delete the key)",
                                  "keep 'Require API key secret' on and restrict the key with its allowlists "
                                  "(origins, user agents, contract addresses, JSON-RPC methods)"),
     examples=lambda g: [
         f"INFURA_API_KEY_SECRET={g.hex(32)}",
         f'const ipfs = create({{ url: "https://{g.alnum(27)}:{g.hex(32)}@ipfs.infura.io:5001/api/v0" }});',
         f"curl --user :{g.hex(32)} https://mainnet.infura.io/v3/{g.hex(32)} -d '{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}}'",
         f'provider = new InfuraProvider("mainnet", "{g.hex(32)}", "{g.hex(32)}");',
     ],
     negative_examples=lambda g: [
         f"INFURA_API_KEY={g.hex(32)}",
         "INFURA_PROJECT_SECRET=${INFURA_PROJECT_SECRET}",
         f"INFURA_API_KEY_SECRET={g.hex(40)}",
         "const ipfs = create({ url: 'https://ipfs.infura.io:5001/api/v0' });",
         "curl --user :<API-KEY-SECRET> https://mainnet.infura.io/v3/<API-KEY>",
     ])

# --- Alchemy ---------------------------------------------------------------------------------------
# Not the bare word `alchemy`: it is inside every "SQLAlchemy". Hosts and key names instead.

ALCHEMY_REM = web3_remediation("https://dashboard.alchemy.com/apps (the app > Settings > Rotate API key; the old "
                               "key stops working within minutes)",
                               "restrict the new key with the app's allowlists (domains, IP addresses, contract "
                               "addresses)")

rule("web3",
     id="alchemy-api-key",
     description="Alchemy API key (32 base64url chars) in an alchemy.com / alchemyapi.io URL or assigned to an Alchemy key name",
     severity="medium",
     keywords=["alchemy.com/", "alchemyapi", "alchemy_api", "alchemy_key", "alchemy_id", "alchemy-api",
               "alchemykey", "alchemyid", "alchemyprovider", "alchemy("],
     regex=(r"(?:\.(?:g\.alchemy\.com|alchemyapi\.io)/(?:nft/)?v[23]/"
            r"|(?i:alchemy(?:[_.-]?(?:api[_.-]?key|key|id))?)" + ASSIGN
            + r"|(?i:alchemy)\w*\(\s*(?:[\"'][\w-]+[\"']\s*,\s*)?(?:\{\s*apiKey[\"']?\s*:\s*)?[\"'])"
            r"([0-9A-Za-z_-]{32})" + END_B64URL),
     min_entropy=3.5,
     remediation=ALCHEMY_REM,
     examples=lambda g: [
         f"ALCHEMY_API_KEY={g.s(B64URL, 32)}",
         f'      url: "https://eth-mainnet.alchemyapi.io/v2/{g.s(B64URL, 32)}",',
         f"curl 'https://eth-mainnet.g.alchemy.com/nft/v3/{g.s(B64URL, 32)}/getNFTsForOwner?owner=0x{g.hex(40)}'",
         f'const alchemy = new Alchemy({{ apiKey: "{g.s(B64URL, 32)}", network: Network.ETH_MAINNET }});',
     ],
     negative_examples=lambda g: [
         f"ETH_RPC_URL=https://eth-mainnet.g.alchemy.com/v2/{ETHERS_ALCHEMY}",
         "ALCHEMY_API_KEY=YOUR_ALCHEMY_KEY",
         "      url: `https://eth-mainnet.g.alchemy.com/v2/${process.env.ALCHEMY_API_KEY}`,",
         "  alchemyApiKey: process.env.ALCHEMY_API_KEY,",
         f"ALCHEMY_API_KEY={g.s(B64URL, 31)}",
         f"ALCHEMY_API_KEY={g.s(B64URL, 40)}",
         "wss://eth-mainnet.g.alchemy.com/v2/<YOUR-API-KEY>",
     ])

rule("web3",
     id="alchemy-auth-token",
     description="Alchemy auth token (alcht_…, Notify/webhook and admin API, header X-Alchemy-Token)",
     severity="high",
     keywords=["alcht_"],
     regex=r"\b(alcht_[0-9A-Za-z]{30})\b",
     min_entropy=3.5,
     remediation=web3_remediation("the Alchemy dashboard (https://dashboard.alchemy.com, Webhooks > Auth token, "
                                  "and Settings > Security for access keys)",
                                  "restrict the apps' keys with their allowlists (domains, IP addresses, contract "
                                  "addresses)",
                                  check="the webhooks and apps for ones you did not create"),
     examples=lambda g: [
         f"ALCHEMY_AUTH_TOKEN=alcht_{g.alnum(30)}",
         f'curl https://dashboard.alchemy.com/api/team-webhooks -H "X-Alchemy-Token: alcht_{g.alnum(30)}"',
         f"  authToken: 'alcht_{g.alnum(30)}',",
     ],
     negative_examples=lambda g: [
         f"ALCHEMY_AUTH_TOKEN=alcht_{g.alnum(29)}",
         f"ALCHEMY_AUTH_TOKEN=alcht_{g.alnum(36)}",
         "-H \"X-Alchemy-Token: ${ALCHEMY_AUTH_TOKEN}\"",
         "ALCHEMY_AUTH_TOKEN=alcht_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
     ])

# --- QuickNode -------------------------------------------------------------------------------------

rule("web3",
     id="quicknode-endpoint-token",
     description="QuickNode endpoint token (32-64 hex) in the path of a *.quiknode.pro URL",
     severity="medium",
     keywords=["quiknode.pro"],
     regex=r"\.quiknode\.pro/([0-9a-f]{32,64})\b",
     min_entropy=3.0,
     remediation=web3_remediation("https://dashboard.quicknode.com/endpoints (the endpoint > Security: rotate the "
                                  "token)",
                                  "restrict the endpoint in its Security settings (domain/referrer and IP "
                                  "allowlists, JWT authentication)"),
     examples=lambda g: [
         f"QUICKNODE_HTTP_URL=https://{host_name(g)}.ethereum-sepolia.quiknode.pro/{g.hex(40)}/",
         f'const ws = new ethers.WebSocketProvider("wss://{host_name(g)}.base-mainnet.quiknode.pro/{g.hex(40)}/");',
         f'      url: "https://{host_name(g)}.matic.quiknode.pro/{g.hex(64)}/",',
         f'client = Client("https://{host_name(g)}.solana-mainnet.quiknode.pro/{g.hex(32)}/")',
     ],
     negative_examples=lambda g: [
         f'new ethers.JsonRpcProvider("https://ethers.quiknode.pro/{ETHERS_QUICKNODE}")',
         "curl https://docs-demo.quiknode.pro/ -X POST -d '{\"method\":\"eth_blockNumber\",\"params\":[],\"id\":1}'",
         f"QUICKNODE_HTTP_URL=https://{host_name(g)}.quiknode.pro/{g.hex(31)}/",
         f"QUICKNODE_HTTP_URL=https://{host_name(g)}.quiknode.pro/{g.hex(66)}/",
         f"QUICKNODE_HTTP_URL=https://{host_name(g)}.quiknode.pro/<YOUR-TOKEN>/",
     ])

# `QN_` is the prefix of QuickNode console/admin API keys [O]; it makes the key self-identifying.
# Keyword `qn_` is rare (no file in a 9,500-file crates.io tree), and `\b` keeps `fqn_…` out.
rule("web3",
     id="quicknode-api-key",
     description="QuickNode console/admin API key (QN_ + 32 hex, header x-api-key)",
     severity="high",
     keywords=["qn_"],
     regex=r"\b(QN_[0-9a-f]{32})\b",
     min_entropy=3.0,
     remediation=web3_remediation("https://dashboard.quicknode.com/api-keys (delete the key)",
                                  "give the new key the least permissions and keep the endpoints' domain/IP "
                                  "allowlists on",
                                  check="the account's endpoints, add-ons and billing for changes you did not make"),
     examples=lambda g: [
         f"QUICKNODE_API_KEY=QN_{g.hex(32)}",
         f'curl "https://api.quicknode.com/v0/endpoints" -H "accept: application/json" -H "x-api-key: QN_{g.hex(32)}"',
         f"  apiKey: 'QN_{g.hex(32)}',",
     ],
     negative_examples=lambda g: [
         f"QUICKNODE_API_KEY=QN_{g.hex(31)}",
         f"fqn_{g.hex(32)} = resolve(name)",
         "-H \"x-api-key: QN_your_api_key_here\"",
         f"QUICKNODE_API_KEY=QN_{g.hex(40)}",
     ])

# --- Chainstack ------------------------------------------------------------------------------------

CHAINSTACK_WHERE = "https://console.chainstack.com"

rule("web3",
     id="chainstack-endpoint-key",
     description="Chainstack node auth key (32 hex) in the path of a nd-NNN-NNN-NNN.p2pify.com or *.core.chainstack.com URL",
     severity="medium",
     keywords=["p2pify.com", "chainstack.com"],
     regex=r"(?:\bnd-[0-9]{3}-[0-9]{3}-[0-9]{3}\.p2pify\.com|\.core\.chainstack\.com)/([0-9a-f]{32})\b",
     min_entropy=3.0,
     remediation=web3_remediation(CHAINSTACK_WHERE + " (the node > Access and credentials: rotate the auth key, or "
                                  "delete the node)"),
     examples=lambda g: [
         f"ETH_RPC_URL=https://nd-{g.digits(3)}-{g.digits(3)}-{g.digits(3)}.p2pify.com/{g.hex(32)}",
         f'const ws = new Web3("wss://ws-nd-{g.digits(3)}-{g.digits(3)}-{g.digits(3)}.p2pify.com/{g.hex(32)}");',
         f'      url: "https://ethereum-mainnet.core.chainstack.com/{g.hex(32)}",',
     ],
     negative_examples=lambda g: [
         f'new ethers.JsonRpcProvider("https://ethereum-mainnet.core.chainstack.com/{ETHERS_CHAINSTACK}")',
         f"ETH_RPC_URL=https://nd-{g.digits(3)}-{g.digits(3)}-{g.digits(3)}.p2pify.com/<YOUR-KEY>",
         f"ETH_RPC_URL=https://nd-{g.digits(3)}-{g.digits(3)}-{g.digits(3)}.p2pify.com/{g.hex(31)}",
         f"ETH_RPC_URL=https://nd-{g.digits(3)}-{g.digits(3)}-{g.digits(3)}.p2pify.com/{g.hex(33)}",
     ])

# Chainstack platform API key (Bearer token of api.chainstack.com). Documented: it is created in the
# console and sent as `Authorization: Bearer <key>`; the docs' example key is 8 alphanumerics, a dot
# and 32 alphanumerics, a prefix.secret shape. The length is not stated anywhere, so the rule only
# accepts that shape, and only next to a Chainstack name or in a request that mentions chainstack.
rule("web3",
     id="chainstack-platform-api-key",
     description="Chainstack platform API key (8 alnum . 32 alnum) assigned to a Chainstack key name or as a Bearer token to api.chainstack.com",
     severity="high",
     keywords=["chainstack"],
     regex=(r"(?:(?i:chainstack[\w.-]{0,20}?(?:api[_.-]?key|key|token))\w*" + ASSIGN + r"(?:Bearer\s+)?"
            r"|(?i:chainstack)(?s:.{0,300}?)(?i:bearer)\s+)"
            r"([0-9A-Za-z]{8}\.[0-9A-Za-z]{32})\b"),
     min_entropy=3.5,
     window=400,
     remediation=web3_remediation("https://console.chainstack.com/user/settings/api-keys (delete the key)",
                                  "use one key per automation and restrict node access (IP/origin allowlists "
                                  "where the plan offers them)",
                                  check="the organization's projects and nodes for changes you did not make"),
     examples=lambda g: [
         f'CHAINSTACK_API_KEY="{g.alnum(8)}.{g.alnum(32)}"',
         f"curl -X GET 'https://api.chainstack.com/v1/organization/' --header 'Authorization: Bearer {g.alnum(8)}.{g.alnum(32)}'",
         f"curl -X GET 'https://api.chainstack.com/v2/projects/' \\\n  --header 'Authorization: Bearer {g.alnum(8)}.{g.alnum(32)}'",
     ],
     negative_examples=lambda g: [
         'CHAINSTACK_API_KEY="YOUR_CHAINSTACK_API_KEY"',
         'export APIKEY="$CHAINSTACK_API_KEY"\nexport HDR_AUTH="Authorization: Bearer $APIKEY"',
         f'CHAINSTACK_API_KEY="{g.alnum(7)}.{g.alnum(32)}"',
         f"CHAINSTACK_API_KEY={g.hex(32)}",
     ])

# --- Ankr ------------------------------------------------------------------------------------------
# Not the bare word `ankr`: it is inside "bankrupt". The host and key names instead.

rule("web3",
     id="ankr-api-key",
     description="Ankr RPC API key (64 hex) in an rpc.ankr.com URL or assigned to an Ankr key name",
     severity="medium",
     keywords=["rpc.ankr.com", "ankr_", "ankrapikey", "ankrprovider"],
     regex=(r"(?:\brpc\.ankr\.com/(?:[a-z0-9_-]+/){0,2}"
            r"|(?i:ankr[_.-]?(?:api[_.-]?key|key|token))\w*" + ASSIGN
            + r"|AnkrProvider\(\s*(?:[\"'][\w-]+[\"']\s*,\s*)?[\"'])"
            r"([0-9a-f]{64})\b"),
     min_entropy=3.0,
     remediation=web3_remediation("https://www.ankr.com/rpc/projects/ (the project: delete it or issue a new key)",
                                  "restrict the new key with the project's allowlists (domains, IP addresses, "
                                  "contract addresses)"),
     examples=lambda g: [
         f"ANKR_API_KEY={g.hex(64)}",
         f'      url: "https://rpc.ankr.com/eth_sepolia/{g.hex(64)}",',
         f'const provider = new ethers.JsonRpcProvider("https://rpc.ankr.com/multichain/{g.hex(64)}");',
         f"BSC_WS_URL=wss://rpc.ankr.com/bsc/ws/{g.hex(64)}",
     ],
     negative_examples=lambda g: [
         f'const provider = new ethers.JsonRpcProvider("https://rpc.ankr.com/eth/{ETHERS_ANKR}");',
         "RPC_URL=https://rpc.ankr.com/eth",
         f"ANKR_API_KEY={g.hex(63)}",
         f"RPC_URL=https://rpc.ankr.com/eth  # deployed in tx 0x{g.hex(64)}",
         "ANKR_API_KEY=${ANKR_API_KEY}",
     ])

# --- Etherscan and its family (BscScan, PolygonScan, Arbiscan, BaseScan, Snowtrace…) -------------
# One Etherscan V2 key now serves every chain; the legacy per-explorer keys have the same shape.

SCANS = (r"(?:ether|bsc|polygon|arbi|base|ftm|celo|gnosis|linea|scroll|blast|moon|cronos|snow|sonic|mantle"
         r"|frax|opbnb|bera|taiko)scan|snowtrace")
# Keywords are the shared shapes (`…SCAN_API_KEY`, `…scan.io/…?apikey=`), not one per explorer:
# twenty explorer names made a fifth of the whole keyword automaton.
SCAN_KEYWORDS = ["etherscan", "scan_api", "scan-api", "scanapi", "scan_key", "scan-key", "scankey",
                 "scan_token", "scan.io/", "scan.com/", "scan.org/", "scan.network/", "scan.xyz/", "snowtrace"]

rule("web3",
     id="etherscan-api-key",
     description="Etherscan-family API key (34 uppercase alphanumerics): *SCAN_API_KEY names, hardhat etherscan.apiKey, foundry [etherscan] key, apikey= in explorer API URLs",
     severity="medium",
     keywords=SCAN_KEYWORDS,
     regex=(r"(?:(?i:" + SCANS + r")[\w.-]{0,20}?(?i:api[_.-]?key|key|token)\w*" + ASSIGN
            # hardhat-verify: etherscan: { apiKey: "…" } or etherscan: { apiKey: { mainnet: "…" } }
            + r"|(?i:" + SCANS + r")[\"']?\s*:\s*\{[^}]{0,400}?\w[\"']?\s*:\s*[\"'`]"
            # foundry.toml: [etherscan] <chain> = { key = "…" }
            r"|\[etherscan\][^\[]{0,400}?\bkey\s*=\s*[\"']"
            # https://api.etherscan.io/v2/api?chainid=1&…&apikey=…
            r"|(?i:" + SCANS + r")\.(?:io|com|org|network|xyz)/[^\s\"'<>]{0,300}?[?&](?i:apikey)=)"
            r"([0-9A-Z]{34})\b"),
     min_entropy=3.5,
     window=512,
     remediation=web3_remediation("https://etherscan.io/apidashboard (delete the key and add a new one; legacy "
                                  "BscScan/PolygonScan/… keys on their own explorer's API dashboard)",
                                  "use one key per project (explorer keys have no origin/IP/contract allowlist, "
                                  "so keep them out of client code)",
                                  check="the key's usage statistics for abuse"),
     examples=lambda g: [
         f"ETHERSCAN_API_KEY={g.s(UPPER + DIGITS, 34)}\nBSCSCAN_API_KEY={g.s(UPPER + DIGITS, 34)}",
         "  etherscan: {\n    apiKey: {\n"
         f'      mainnet: "{g.s(UPPER + DIGITS, 34)}",\n      polygon: "{g.s(UPPER + DIGITS, 34)}",\n'
         "    },\n  },",
         f'[etherscan]\nmainnet = {{ key = "{g.s(UPPER + DIGITS, 34)}" }}\n',
         f'curl "https://api.etherscan.io/v2/api?chainid=1&module=account&action=balance&address=0x{g.hex(40)}'
         f'&tag=latest&apikey={g.s(UPPER + DIGITS, 34)}"',
     ],
     negative_examples=lambda g: [
         f"https://etherscan.io/tx/0x{g.hex(64)}",
         f"Verified at https://etherscan.io/address/0x{g.hex(40)}#code",
         "  etherscan: { apiKey: process.env.ETHERSCAN_API_KEY },",
         '[etherscan]\nmainnet = { key = "${ETHERSCAN_API_KEY}" }\n',
         f"ETHERSCAN_API_KEY={g.s(UPPER + DIGITS, 33)}",
         f"https://api.etherscan.io/api?module=account&action=balance&address=0x{g.hex(40)}&apikey=YourApiKeyToken",
         f"POLYGONSCAN_API_KEY={g.s(UPPER + DIGITS, 34).lower()}",
     ])

# --- Moralis ---------------------------------------------------------------------------------------
# Older keys are 64 alphanumerics, current ones JWTs: two rules, because only the JWT is validated.

MORALIS_CONTEXT = (r"(?:(?i:moralis[\w.-]{0,20}?(?:api[_.-]?key|key))\w*" + ASSIGN
                   + r"|(?i:moralis)\w*\.start\(\s*\{\s*apiKey[\"']?\s*:\s*[\"']|" + X_API_KEY + ")")
MORALIS_REM = web3_remediation("https://admin.moralis.io (Settings > API Keys: rotate the key)",
                               "use a separate key per app and restrict it to its allowed origins and IP "
                               "addresses where the plan offers it")

rule("web3",
     id="moralis-api-key",
     description="Moralis API key, older 64-alphanumeric form, assigned to a Moralis key name or in X-API-Key next to moralis",
     severity="medium",
     keywords=["moralis"],
     regex=MORALIS_CONTEXT + r"([0-9A-Za-z]{64})\b",
     min_entropy=4.0,
     remediation=MORALIS_REM,
     examples=lambda g: [
         f"MORALIS_API_KEY={g.alnum(64)}",
         f'await Moralis.start({{ apiKey: "{g.alnum(64)}" }});',
         f'curl "https://deep-index.moralis.io/api/v2.2/0x{g.hex(40)}/balance?chain=eth" -H "X-API-Key: {g.alnum(64)}"',
     ],
     negative_examples=lambda g: [
         f"MORALIS_API_KEY={g.alnum(63)}",
         "await Moralis.start({ apiKey: process.env.MORALIS_API_KEY });",
         f"MORALIS_API_KEY={web3_jwt(g, moralis_payload)}",
         f'curl -H "X-API-Key: {g.alnum(64)}" https://api.othervendor.io/v1/items',
     ])

rule("web3",
     id="moralis-api-key-jwt",
     description="Moralis API key, current JWT form (structure checked), assigned to a Moralis key name or in X-API-Key next to moralis",
     severity="medium",
     keywords=["moralis"],
     regex=MORALIS_CONTEXT + JWT_RE,
     min_entropy=4.0,
     validate="jwt",
     remediation=MORALIS_REM,
     examples=lambda g: [
         f"MORALIS_API_KEY={web3_jwt(g, moralis_payload)}",
         f"curl --url 'https://deep-index.moralis.io/api/v2.2/wallets/0x{g.hex(40)}/net-worth' "
         f"--header 'X-API-Key: {web3_jwt(g, moralis_payload)}'",
         f'moralis_api_key = "{web3_jwt(g, moralis_payload)}"',
     ],
     negative_examples=lambda g: [
         # header without alg; header that is not JSON; only two parts
         "MORALIS_API_KEY=" + bad_jwt(g, b'{"typ":"JWT"}'),
         "MORALIS_API_KEY=" + bad_jwt(g, b'{"alg":"HS256","typ":"JWT"'),
         f"MORALIS_API_KEY={web3_jwt(g, moralis_payload).rsplit('.', 1)[0]}",
         "MORALIS_API_KEY=${MORALIS_API_KEY}",
     ])

# --- Tatum -----------------------------------------------------------------------------------------
# The `t-<24 hex>-<24 hex>` shape is distinctive, but its only literal, `t-`, is in most source
# files ("import-", "set-", "at-": 3,045 of 9,548 files of a crates.io tree), so a `t-` keyword
# would run this regex nearly everywhere. The rule is anchored on `tatum` instead (TATUM_* names,
# api.tatum.io / gateway.tatum.io hosts, TatumSDK, @tatumio), with a window so that the key may
# sit a few lines below (TatumSDK.init({ … apiKey: { v4: 't-…' } })).

TATUM_REM = web3_remediation("https://dashboard.tatum.io (API keys: delete the key and create a new one)",
                             "restrict the new key with its allowlists (IP addresses, origins) where the plan "
                             "offers them")

rule("web3",
     id="tatum-api-key",
     description="Tatum API key (t- + 24 hex + - + 24 hex) within a few lines after a Tatum name or host",
     severity="medium",
     keywords=["tatum"],
     regex=r"\b(t-[0-9a-f]{24}-[0-9a-f]{24})\b",
     min_entropy=3.0,
     window=400,
     remediation=TATUM_REM,
     examples=lambda g: [
         f"TATUM_API_KEY=t-{g.hex(24)}-{g.hex(24)}",
         "const tatum = await TatumSDK.init<Ethereum>({\n  network: Network.ETHEREUM,\n"
         f"  apiKey: {{ v4: 't-{g.hex(24)}-{g.hex(24)}' }},\n}})",
         f"curl --request GET --url 'https://api.tatum.io/v3/ethereum/block/current' --header 'x-api-key: t-{g.hex(24)}-{g.hex(24)}'",
     ],
     negative_examples=lambda g: [
         f"TATUM_API_KEY=t-{g.hex(24)}-{g.hex(23)}",
         f"TATUM_API_KEY=t-{g.hex(24)}",
         f'const tatumJobId = "at-{g.hex(24)}-{g.hex(24)}";',
         "TATUM_API_KEY=${TATUM_API_KEY}",
     ])

rule("web3",
     id="tatum-api-key-uuid",
     description="Tatum API key, older UUID form, assigned to a Tatum key name or in x-api-key next to tatum",
     severity="medium",
     keywords=["tatum"],
     regex=(r"(?:(?i:tatum[\w.-]{0,20}?(?:api[_.-]?key|key))\w*" + ASSIGN + "|" + X_API_KEY + r")"
            r"(" + UUID_RE + r")\b"),
     min_entropy=3.0,
     remediation=TATUM_REM,
     examples=lambda g: [
         f"TATUM_API_KEY={g.uuid()}",
         f'curl -H "x-api-key: {g.uuid()}" https://api-eu1.tatum.io/v3/bitcoin/info',
         f'tatum_api_key: "{g.uuid()}"',
     ],
     negative_examples=lambda g: [
         f"TATUM_SUBSCRIPTION_ID={g.uuid()}",
         f'{{"id": "{g.uuid()}", "url": "https://api.tatum.io/v4/subscription"}}',
         "TATUM_API_KEY=00000000-0000-0000-0000-000000000000",
         f"TATUM_API_KEY={g.uuid()[:-1]}",
     ])

# --- Covalent / GoldRush ---------------------------------------------------------------------------
# `cqt_` + 28 alphanumerics is observed [O]; a little slack on the length, as it is not documented.

rule("web3",
     id="covalent-api-key",
     description="Covalent / GoldRush API key (cqt_ + 28 alphanumerics)",
     severity="medium",
     keywords=["cqt_"],
     regex=(r"(?:(?i:(?:covalent|goldrush)[\w.-]{0,20}?(?:api[_.-]?key|key))\w*" + ASSIGN + r")?"
            r"\b(cqt_[0-9A-Za-z]{26,32})\b"),
     min_entropy=3.5,
     remediation=web3_remediation("the GoldRush platform (https://goldrush.dev/platform/, API keys: delete the key "
                                  "and create a new one)",
                                  "use a separate key per app and keep it server-side (no origin/IP/contract "
                                  "allowlist exists for it)"),
     examples=lambda g: [
         f"COVALENT_API_KEY=cqt_{g.alnum(28)}",
         f'curl -X GET "https://api.covalenthq.com/v1/eth-mainnet/address/0x{g.hex(40)}/balances_v2/?key=cqt_{g.alnum(28)}"',
         f'const client = new GoldRushClient("cqt_{g.alnum(28)}");',
     ],
     negative_examples=lambda g: [
         f"COVALENT_API_KEY=cqt_{g.alnum(20)}",
         f"GOLDRUSH_API_KEY=cqt_{g.alnum(40)}",
         f"labels.append('chroma_cqt_{g.alnum(28)}')",
         "COVALENT_API_KEY=cqt_your_api_key_goes_here_123",
     ])

# --- The Graph -------------------------------------------------------------------------------------

rule("web3",
     id="thegraph-api-key",
     description="The Graph gateway API key (32 hex) in a gateway.thegraph.com URL or assigned to a GRAPH_API_KEY-style name",
     severity="medium",
     keywords=["thegraph.com", "graph_api_key", "graphapikey", "graph-api-key"],
     regex=r"(?:thegraph\.com/api/|(?i:graph[_.-]?api[_.-]?key)\w*" + ASSIGN + r")([0-9a-f]{32})\b",
     min_entropy=3.0,
     remediation=web3_remediation("https://thegraph.com/studio/apikeys/ (delete the key)",
                                  "restrict the new key to its authorized subgraphs and domains (origin "
                                  "allowlist)",
                                  check="the key's query volume and billing for abuse"),
     examples=lambda g: [
         f"GRAPH_API_KEY={g.hex(32)}",
         f'const endpoint = "https://gateway.thegraph.com/api/{g.hex(32)}/subgraphs/id/{g._clean(lambda: b58encode(g.bytes(32)))}";',
         f'url = f"https://gateway-arbitrum.network.thegraph.com/api/{g.hex(32)}/subgraphs/id/{{SUBGRAPH_ID}}"',
         f"NEXT_PUBLIC_SUBGRAPH_API_KEY={g.hex(32)}",
     ],
     negative_examples=lambda g: [
         f"https://gateway.thegraph.com/api/[api-key]/subgraphs/id/{g._clean(lambda: b58encode(g.bytes(32)))}",
         "const url = 'https://api.thegraph.com/subgraphs/name/uniswap/uniswap-v3';",
         f"https://gateway.thegraph.com/api/{g.hex(31)}/subgraphs/id/{g._clean(lambda: b58encode(g.bytes(32)))}",
         "GRAPH_API_KEY=${GRAPH_API_KEY}",
         f"NEXT_PUBLIC_WALLET_CONNECT_PROJECT_ID={g.hex(32)}",
     ])

rule("web3",
     id="thegraph-deploy-key",
     description="The Graph Subgraph Studio deploy key (32 hex) in graph auth / graph deploy --deploy-key or assigned to a graph deploy-key name",
     severity="high",
     keywords=["graph auth", "deploy-key", "deploy_key", "deploykey"],
     regex=(r"(?:\bgraph\s+auth(?:\s+--studio|\s+--product\s+[\w-]+)?(?:\s+https?://\S+)?\s+[\"']?"
            r"|\bgraph\s+deploy\b[^\n]{0,200}?--deploy-key[ =][\"']?"
            r"|(?i:graph[\w.-]{0,20}?deploy[_.-]?key)\w*" + ASSIGN + r")"
            r"([0-9a-f]{32})\b"),
     min_entropy=3.0,
     remediation=("Regenerate the deploy key in Subgraph Studio (https://thegraph.com/studio/, the subgraph's page), "
                  "check the subgraphs' published versions for ones you did not deploy, and keep the new key in a CI "
                  "secret scoped to the deploy job (deploy keys have no origin/IP allowlist, so that is the only "
                  "fence); " + PURGE),
     examples=lambda g: [
         f"graph auth --studio {g.hex(32)}",
         f"npx graph deploy --studio my-subgraph --deploy-key {g.hex(32)} --version-label v0.0.2",
         f"GRAPH_DEPLOY_KEY={g.hex(32)}",
         f"      - run: yarn graph auth {g.hex(32)}",
     ],
     negative_examples=lambda g: [
         "graph auth --studio $GRAPH_DEPLOY_KEY",
         "graph auth --studio <DEPLOY_KEY>",
         "      - run: graph deploy --studio my-subgraph --deploy-key ${{ secrets.GRAPH_DEPLOY_KEY }}",
         f"GRAPH_DEPLOY_KEY={g.hex(31)}",
         f"DEPLOY_KEY={g.hex(32)}",
     ])

# --- Pinata (IPFS) ---------------------------------------------------------------------------------

PINATA_REM = web3_remediation("https://app.pinata.cloud/developers/api-keys (revoke the key)",
                              "replace it with a scoped key limited to the endpoints it needs (and a max-uses "
                              "count) rather than an admin key, and restrict the gateway's allowed origins and IP "
                              "addresses",
                              check="the account's pins and files for deletions or uploads you did not make")

rule("web3",
     id="pinata-api-secret",
     description="Pinata API secret (64 hex) assigned to a Pinata secret name, in the pinata_secret_api_key header, or passed to pinataSDK",
     severity="high",
     keywords=["pinata"],
     regex=(r"(?:(?i:pinata[\w.-]{0,30}?secret)\w*" + ASSIGN
            + r"|pinataSDK\(\s*[\"'][0-9a-f]{20}[\"']\s*,\s*[\"'])([0-9a-f]{64})\b"),
     min_entropy=3.0,
     pair_with=["pinata-api-key"],
     remediation=PINATA_REM,
     examples=lambda g: [
         f"PINATA_API_SECRET={g.hex(64)}",
         f'curl -X POST https://api.pinata.cloud/pinning/pinFileToIPFS -H "pinata_api_key: {g.hex(20)}" '
         f'-H "pinata_secret_api_key: {g.hex(64)}" -F file=@nft.png',
         f"const pinata = new pinataSDK('{g.hex(20)}', '{g.hex(64)}');",
         f'headers = {{"pinata_api_key": "{g.hex(20)}", "pinata_secret_api_key": "{g.hex(64)}"}}',
     ],
     negative_examples=lambda g: [
         f"PINATA_SECRET_KEY={g.hex(63)}",
         "  pinata_secret_api_key: process.env.PINATA_SECRET_KEY,",
         f"PINATA_API_KEY={g.hex(20)}",
         f'pinata_pin_sha256 = "{g.hex(64)}"',
     ])

rule("web3",
     id="pinata-api-key",
     description="Pinata API key (20 hex) assigned to a Pinata key name or in the pinata_api_key header",
     severity="medium",
     keywords=["pinata"],
     regex=(r"(?:(?i:pinata[_.-]?(?:api[_.-]?)?key)\w*" + ASSIGN
            + r"|pinataSDK\(\s*[\"'])([0-9a-f]{20})\b"),
     min_entropy=2.8,
     remediation=PINATA_REM,
     examples=lambda g: [
         f"PINATA_API_KEY={g.hex(20)}",
         f'    headers: {{ pinata_api_key: "{g.hex(20)}", pinata_secret_api_key: process.env.PINATA_SECRET }},',
         f"pinata_api_key = '{g.hex(20)}'",
     ],
     negative_examples=lambda g: [
         # the key in Pinata's revoke documentation (public)
         "PINATA_API_KEY=94566af5e63833e260be",
         f"PINATA_API_KEY={g.hex(19)}",
         f"PINATA_API_KEY={g.hex(24)}",
         "pinata_api_key: <YOUR-KEY>",
     ])

rule("web3",
     id="pinata-jwt",
     description="Pinata API JWT (structure checked) assigned to a Pinata JWT/token name or sent as a Bearer token to a Pinata API",
     severity="high",
     keywords=["pinata"],
     regex=(r"(?:(?i:pinata[\w.-]{0,20}?(?:jwt|token|bearer))\w*" + ASSIGN + r"(?:Bearer\s+)?"
            r"|(?i:pinata)(?s:.{0,300}?)(?i:bearer)\s+)" + JWT_RE),
     min_entropy=4.0,
     validate="jwt",
     window=1024,
     remediation=PINATA_REM,
     examples=lambda g: [
         f"PINATA_JWT={web3_jwt(g, pinata_payload)}",
         f'const pinata = new PinataSDK({{ pinataJwt: "{web3_jwt(g, pinata_payload)}", pinataGateway: "{host_name(g)}.mypinata.cloud" }});',
         "curl --request POST \\\n  --url https://uploads.pinata.cloud/v3/files \\\n"
         f"  --header 'Authorization: Bearer {web3_jwt(g, pinata_payload)}' \\\n  --form file=@./cat.png",
     ],
     negative_examples=lambda g: [
         "PINATA_JWT=" + bad_jwt(g, b'{"typ":"JWT"}'),
         # one character of the header flipped: it no longer decodes to JSON
         (lambda t: "PINATA_JWT=" + t[:3] + ("h" if t[3] != "h" else "i") + t[4:])(web3_jwt(g, pinata_payload)),
         # the payload is not JSON (cut short)
         (lambda t: "PINATA_JWT=" + ".".join([t.split(".")[0], b64url(b'{"sub": "x"'), t.split(".")[2]]))(
             web3_jwt(g, pinata_payload)),
         "PINATA_JWT=${PINATA_JWT}",
     ])

# --- BlockCypher -----------------------------------------------------------------------------------

rule("web3",
     id="blockcypher-token",
     description="BlockCypher API token (32 hex) in an api.blockcypher.com ?token= URL or assigned to a BlockCypher token name",
     severity="medium",
     keywords=["blockcypher"],
     regex=(r"(?:api\.blockcypher\.com/[^\s\"'<>]{0,300}?[?&]token="
            r"|(?i:blockcypher[\w.-]{0,20}?(?:token|api[_.-]?key|key))\w*" + ASSIGN
            + r"|(?i:blockcypher)[^\n]{0,200}?\bapi_key\s*=\s*[\"'])"
            r"([0-9a-f]{32})\b"),
     min_entropy=3.0,
     remediation=web3_remediation("https://accounts.blockcypher.com (Tokens: delete the token)",
                                  "use a separate token per service and keep it server-side (BlockCypher has no "
                                  "origin/IP allowlist)",
                                  check="the token's usage, webhooks and payment forwards for ones you did not create"),
     examples=lambda g: [
         f"BLOCKCYPHER_TOKEN={g.hex(32)}",
         f'curl "https://api.blockcypher.com/v1/btc/main/addrs/{g.btc_address()}/balance?token={g.hex(32)}"',
         f'r = requests.post(f"https://api.blockcypher.com/v1/eth/main/txs/push?token={g.hex(32)}", json=tx)',
         f"details = blockcypher.get_address_details(addr, api_key='{g.hex(32)}')",
     ],
     negative_examples=lambda g: [
         'curl "https://api.blockcypher.com/v1/btc/main/addrs/$ADDR/balance?token=<YOUR-TOKEN>"',
         f"BLOCKCYPHER_API_TOKEN={g.hex(31)}",
         f"curl https://api.blockcypher.com/v1/btc/main/txs/{g.hex(64)}",
         f"https://live.blockcypher.com/btc/tx/{g.hex(64)}/",
     ])


# ---------------------------------------------------------------- TOML output

def toml_basic(s):
    """A TOML basic (double-quoted) string with escapes."""
    esc = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{esc}"'


def toml_str(s):
    """A TOML literal string '''…''' when possible, so backslashes are read as written."""
    if "'''" not in s and not s.endswith("'") and not s.startswith("\n"):
        return f"'''{s}'''"
    return toml_basic(s)


def toml_list(items):
    if not items:
        return "[]"
    return "[\n" + "".join(f"  {toml_str(x)},\n" for x in items) + "]"


FIELD_ORDER = ["id", "description", "severity", "keywords", "file_names", "regex", "secret_group", "min_entropy",
               "validate", "window", "pair_with", "pair_lines", "paired_severity", "companion_only",
               "remediation", "examples", "negative_examples"]


def render(family, rules):
    out = [f"# keysweep built-in rules: {family}.",
           "# GENERATED by scripts/gen_fake_secrets.py: edit the script, not this file.",
           "# Every example secret below is random and fake (seeded, reproducible).", ""]
    for r in rules:
        out.append("[[rule]]")
        for k in FIELD_ORDER:
            if k not in r or r[k] is None:
                continue
            v = r[k]
            if isinstance(v, list):
                if k == "keywords":
                    out.append(f"{k} = [" + ", ".join(toml_basic(x) for x in v) + "]")
                else:
                    out.append(f"{k} = {toml_list(v)}")
            elif isinstance(v, bool):
                out.append(f"{k} = {'true' if v else 'false'}")
            elif isinstance(v, (int, float)):
                out.append(f"{k} = {v}")
            elif k == "regex":
                out.append(f"{k} = {toml_str(v)}")
            else:
                out.append(f"{k} = {toml_basic(v)}")
        out.append("")
    return "\n".join(out)


def materialize():
    """Evaluate the example generators: family -> list of plain rule dicts."""
    result = {}
    for family, rules in RULES.items():
        lst = []
        for r in rules:
            d = dict(r)
            g = Gen(r["id"])
            d["examples"] = r["examples"](g)
            d["negative_examples"] = r["negative_examples"](g)
            lst.append(d)
        result[family] = lst
    return result


# ---------------------------------------------------------------- offline check (engine emulation)

def engine_findings(r, text):
    """Secrets the engine would report for rule r on text (an approximation of src/engine)."""
    data = text.encode()
    low = data.lower()
    rx = re.compile(r["regex"].encode())
    group = r.get("secret_group", 1)
    window = r.get("window")
    found = []
    if not r["keywords"]:
        # src/engine: a file-name rule runs over the whole file (the examples are such files);
        # a rule without keywords runs in the long runs of its secret's bytes, which hold
        # every match (so the whole text is the same)
        for m in rx.finditer(data):
            sec = m.group(group)
            if sec is not None and (not r.get("validate") or VALIDATORS[r["validate"]](sec.decode("latin-1"))):
                found.append(sec.decode("latin-1"))
        return found
    for kw in r["keywords"]:
        kwl = kw.lower().encode()
        pos = low.find(kwl)
        while pos != -1:
            ls = data.rfind(b"\n", 0, pos) + 1
            if window:
                ws, we = ls, min(len(data), pos + window)
            else:
                le = data.find(b"\n", pos)
                le = len(data) if le == -1 else le
                ws, we = max(ls, pos - 1024), min(le, pos + len(kwl) + 1024)
            for m in rx.finditer(data[ws:we]):
                sec = m.group(group)
                if sec is None:
                    continue
                s = sec.decode("latin-1")
                if r.get("validate") != "bip39-checksum" and looks_like_placeholder_engine(s):
                    continue
                if r.get("min_entropy") and shannon(sec) < r["min_entropy"]:
                    continue
                if r.get("validate") and not VALIDATORS[r["validate"]](s):
                    continue
                if s in KNOWN_PUBLIC or s.lower().removeprefix("0x") in KNOWN_PUBLIC or " ".join(
                        w.lower() for w in re.split(r"[\s\"',`\[\]-]+", s) if w) in KNOWN_PUBLIC:
                    continue  # src/filters/known_keys.rs (only the entries used in examples)
                found.append(s)
            pos = low.find(kwl, pos + 1)
    return found


def looks_like_placeholder_engine(s):
    low = s.lower()
    if any(w in low for w in ENGINE_PLACEHOLDER_MARKERS):
        return True
    return re.search(r"(.)\1{7,}", s) is not None


def check(families, rules_dir):
    import tomllib
    errors = []
    ids = set()
    total = 0
    allowed = set(FIELD_ORDER)
    docs = {}
    for family in families:
        with open(os.path.join(rules_dir, f"{family}.toml"), "rb") as f:
            docs[family] = tomllib.load(f)
    all_rules = [r for doc in docs.values() for r in doc.get("rule", [])]

    def findings(r, text):
        """A companion-only rule is only reported folded into a primary that pairs with it."""
        got = engine_findings(r, text)
        if got and r.get("companion_only"):
            primaries = [p for p in all_rules if r["id"] in p.get("pair_with", [])]
            if not any(engine_findings(p, text) for p in primaries):
                return []
        return got

    for family in families:
        path = os.path.join(rules_dir, f"{family}.toml")
        doc = docs[family]
        if set(doc) != {"rule"}:
            errors.append(f"{path}: unexpected top-level keys {set(doc) - {'rule'}}")
        for r in doc["rule"]:
            total += 1
            rid = r.get("id", "?")
            where = f"{family}.toml:{rid}"
            if set(r) - allowed:
                errors.append(f"{where}: unknown keys {set(r) - allowed}")
            if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rid):
                errors.append(f"{where}: id is not kebab-case")
            if rid in ids:
                errors.append(f"{where}: duplicate id")
            ids.add(rid)
            if r.get("severity") not in ("critical", "high", "medium", "low"):
                errors.append(f"{where}: bad severity")
            for k in ("description", "remediation", "regex"):
                if not r.get(k):
                    errors.append(f"{where}: missing {k}")
            if "git history" not in r.get("remediation", ""):
                errors.append(f"{where}: remediation does not say to purge git history")
            if not r.get("keywords") and not r.get("file_names") and not r.get("validate"):
                errors.append(f"{where}: no keywords, no file_names and no validator")
            if not r.get("examples") or not r.get("negative_examples"):
                errors.append(f"{where}: needs examples and negative_examples")
            if r.get("validate") not in (None, *VALIDATORS):
                errors.append(f"{where}: unknown validator")
            try:
                rx = re.compile(r["regex"].encode())
            except re.error as e:
                errors.append(f"{where}: regex does not compile: {e}")
                continue
            if rx.groups < 1:
                errors.append(f"{where}: regex has no capture group")
            for i, ex in enumerate(r.get("examples", [])):
                got = findings(r, ex)
                if not got:
                    errors.append(f"{where}: example {i} produces no finding:\n    {ex[:200]!r}")
                for s in got:
                    if looks_like_placeholder(s) and "-----" not in s:
                        errors.append(f"{where}: example {i} secret looks like a placeholder: {s!r}")
            for i, ex in enumerate(r.get("negative_examples", [])):
                got = findings(r, ex)
                if got:
                    errors.append(f"{where}: negative example {i} produces a finding {got[0][:80]!r}:\n    {ex[:200]!r}")
    return total, errors


def self_test():
    # RFC 8032 section 7.1, test 1 (a published spec vector, used only to check the math)
    seed = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    assert ed25519_public(seed).hex() == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
    assert crc24(b"") == 0xB704CE


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules"))
    ap.add_argument("--stdout", action="store_true", help="print the TOML instead of writing files")
    ap.add_argument("--check", action="store_true", help="after writing, check every rule offline")
    args = ap.parse_args()
    self_test()
    fams = materialize()
    if args.stdout:
        for family, rules in fams.items():
            print(f"# ===== rules/{family}.toml")
            print(render(family, rules))
        return 0
    os.makedirs(args.out, exist_ok=True)
    for family, rules in fams.items():
        with open(os.path.join(args.out, f"{family}.toml"), "w", newline="\n") as f:
            f.write(render(family, rules))
    n = sum(len(v) for v in fams.values())
    print(f"wrote {n} rules in {len(fams)} files to {os.path.normpath(args.out)}")
    if args.check:
        total, errors = check(list(fams), args.out)
        for e in errors:
            print("ERROR", e)
        print(f"checked {total} rules: {len(errors)} problem(s)")
        return 1 if errors else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
