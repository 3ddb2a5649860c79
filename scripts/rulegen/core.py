"""Shared pieces of keysweep's rule generator: fake-secret generators (`Gen`), format
helpers and checksums, shared regex fragments, the `rule()` registry, TOML output and the
offline check that emulates the engine.  Family modules (`rulegen/families/*.py`) do
`from rulegen.core import *` and call `rule(family, ...)`; scripts/gen_fake_secrets.py
imports every family module and writes rules/*.toml.  Python 3.11+, standard library only.
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
BIP39_WORDS = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bip39-english.txt"),
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


def macaroon_location(b):
    """The location of a well-formed v2 macaroon (b"" when it has none), else None
    (src/engine/validators/macaroon.rs)."""
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
            return None
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
                return None
        if not ident:
            return None
        while True:
            n = 0
            while True:
                kind, _ = packet()
                if kind == 0:
                    break
                if kind not in (1, 2, 4):
                    return None
                n += 1
            if n == 0:
                break
        kind, sig = packet()
        ok = kind == 6 and len(sig) == 32 and pos[0] == len(b)
        return (loc or b"") if ok else None
    except IndexError:
        return None


def pypi_valid(s):
    """src/engine/validators/macaroon.rs: `pypi-` + base64url whose whole 4-character groups
    decode to a v2 macaroon head whose first packet is the location pypi.org / test.pypi.org
    (the rest of the macaroon is not parsed)."""
    if not s.startswith("pypi-"):
        return False
    t = s[5:]
    t = t[:-2] if t.endswith("==") else t[:-1] if t.endswith("=") else t
    if len(t) % 4 == 1 or not re.fullmatch(r"[0-9A-Za-z_-]*", t):
        return False
    b = base64.urlsafe_b64decode(t[:len(t) // 4 * 4])
    for loc in (b"pypi.org", b"test.pypi.org"):
        if b.startswith(bytes([2, 1, len(loc)]) + loc):
            return True
    return False


def base62_crc_valid(s, prefixes):
    """src/engine/validators/base62_crc.rs: prefix + 30 base62 + base62(crc32 of the 30)."""
    if s[:4] not in prefixes or len(s) != 40 or not s[4:].isalnum() or not s[4:].isascii():
        return False
    return base62(zlib.crc32(s[4:34].encode()), 6) == s[34:]


def pem_private_key_valid(s):
    """src/engine/validators/pem.rs is_valid_pem_private_key: the body decodes to the start of
    a key structure (DER SEQUENCE, openssh magic, PGP packet, or legacy-encrypted bytes)."""
    m = re.search(r"-----BEGIN ([A-Z0-9 ]+)-----", s)
    if not m:
        return False
    label = m.group(1)
    rest = s[m.end():]
    end = rest.find("-----END ")
    body = (rest if end < 0 else rest[:end]).replace("\\r", "\n").replace("\\n", "\n")
    encrypted, clean = False, []
    for line in body.split("\n"):
        line = line.strip().rstrip("+").strip().strip("\"',")
        if ":" in line:
            encrypted |= line.startswith("Proc-Type:")
            continue
        if line.startswith("=") and len(line) == 5:
            continue
        clean.append("".join(line.split()))
    t = "".join(clean).rstrip("=")
    if len(t) % 4 == 1:
        t = t[:-1]
    if not re.fullmatch(r"[A-Za-z0-9+/]*", t):
        return False
    try:
        der = base64.b64decode(t + "=" * (-len(t) % 4))
    except ValueError:
        return False
    if len(der) < 16:
        return False
    if encrypted:
        return True
    return der[0] == 0x30 or der.startswith(b"openssh-key-v1\0") or (label.startswith("PGP") and der[0] & 0x80 != 0)


def aws_key_id_valid(s):
    """src/engine/validators/aws.rs: a known prefix and a 16-character base32 body."""
    return s[:4] in ("AKIA", "ASIA", "ABIA", "ACCA") and re.fullmatch(r"[A-Z2-7]{16}", s[4:]) is not None


def generic_secret_valid(s):
    """src/engine/validators/generic.rs looks_generated: a digit and a letter; no URL or path;
    none of the words code puts there; no dotted name path; no version."""
    if not re.search(r"[0-9]", s) or not re.search(r"[A-Za-z]", s):
        return False
    low = s.lower()
    if low.startswith(("http:", "https:", "file:", "/", "./", "../", "~/")):
        return False
    if any(w in low for w in ("passw", "secret", "token", "apikey", "api_key", "length", "size", "true",
                              "false", "null", "none", "undefined")):
        return False
    if "." in s:
        parts = s.split(".")
        if all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p) for p in parts) and any(
                len(p) >= 4 and re.fullmatch(r"[a-z_]+", p) for p in parts):
            return False
    if re.search(r"[0-9]+\.[0-9]+\.[0-9]", s):
        return False
    # an ascending run of five (abcde, 12345): typed, not generated
    return not any(all(ord(s[i + k + 1]) == ord(s[i + k]) + 1 for k in range(4)) for i in range(len(s) - 4))


PLACEHOLDER_PASSWORDS = {"password", "passwd", "pass", "pwd", "secret", "changeme", "change_me", "changeit",
                         "admin", "root", "test", "testing", "example", "sample", "dummy", "none", "null", "nil",
                         "empty", "undefined", "default", "todo", "tbd", "fixme", "your_password", "yourpassword",
                         "your-password", "string", "value", "required", "optional", "true", "false", "redacted",
                         "username", "mypassword", "my-password", "my_password", "password1", "password123",
                         "password_here", "some_password", "smtp_password", "123456", "12345678", "s3cret",
                         "postgres", "android", "qwerty", "repopwd", "guest", "user", "mysql", "redis", "mongo",
                         "rabbitmq", "open_sesame", "opensesame", "open-sesame", "foo", "bar", "baz", "qux",
                         "foobar"}
# Values that point at a secret kept elsewhere.
REFERENCE_PREFIXES = ("env:", "vault:", "os.environ", "process.env", "getenv", "secrets.", "import.meta.env",
                      "!vault", "!ref", "!sub", "!getatt", "!env", "!secret")


def typed_password_valid(s):
    """src/engine/validators/generic.rs is_typed_password."""
    t = s.strip()
    if len(t) < 4 or t.lower() in PLACEHOLDER_PASSWORDS or t[0] in "$%@&*{(<:":
        return False
    # `#{x}`, `#add-password`: a template or an anchor; `#gets0m3` is typed
    if t[0] == "#" and (t[1:].startswith("{") or re.fullmatch(r"[A-Za-z_-]*", t[1:])):
        return False
    if t.lower().startswith(REFERENCE_PREFIXES):
        return False
    if all(c in "*xX.-_?" for c in t):
        return False
    # placeholder words joined by separators or percent-escapes (pass%20pass, test_password)
    words = [w for w in re.split(r"[^a-z0-9]+", re.sub(r"%[0-9a-fA-F]{2}", " ", t).lower()) if len(w) > 1]
    if words and all(w in PLACEHOLDER_PASSWORDS for w in words):
        return False
    # a reference inside the value: `pre${X}`, `a$HOME`, `$(cmd)`, `%s`, `%(name)s`
    if re.search(r"\$[A-Z_{(]|%[sd(]", t):
        return False
    # ascending runs (123456, abcdef; one of six or more) make up most of it: a test value or a
    # keyboard walk (x123456789), not a weak password someone typed (abuser123456)
    if any(all(ord(t[i + k + 1]) == ord(t[i + k]) + 1 for k in range(5)) for i in range(len(t) - 5)):
        covered, run = 0, 1
        for i in range(1, len(t) + 1):
            if i < len(t) and ord(t[i]) == ord(t[i - 1]) + 1:
                run += 1
            else:
                covered += run if run >= 4 else 0
                run = 1
        if 2 * covered > len(t):
            return False
    # six lowercase letters or fewer: a word (a fixture's `bowser`), not a typed password
    if len(t) <= 6 and re.fullmatch(r"[a-z]+", t):
        return False
    # a lowercase name with a secret word (typed-password, db_password): a name, not a value
    if re.search(r"[-_.]", t) and re.fullmatch(r"[a-z0-9_.-]+", t) and any(
            w.startswith(x) or w.endswith(x)
            for w in re.split(r"[-_.]", t)
            for x in ("password", "passwd", "passphrase", "secret", "pwd", "token")):
        return False
    return not ("_" in t and re.fullmatch(r"[A-Z0-9_]+", t))


def basic_auth_valid(s):
    """src/engine/validators/generic.rs is_basic_auth: base64 of printable user:password whose
    password is a typed one (not `bar`, `password`, `$PASS`)."""
    t = s.strip().rstrip("=")
    try:
        d = base64.b64decode(t + "=" * (-len(t) % 4), validate=True)
    except ValueError:
        return False
    i = d.find(b":")
    if not (i > 0 and i + 1 < len(d) and all(0x20 <= c < 0x7F for c in d)):
        return False
    return typed_password_valid(d[i + 1:].decode())


def slack_token_valid(s):
    """src/engine/validators/slack.rs is_slack_token: the last `-` part (the secret, after the
    numeric ids) is 8+ letters and digits, not digits only, no placeholder or fill, no ascending
    run of six, and Shannon entropy >= min(3, 0.7 * log2(length))."""
    t = s.strip()
    if not (t.startswith("xox") or t.startswith("xapp-")) or "-" not in t:
        return False
    part = t.rsplit("-", 1)[1]
    if len(part) < 8 or not re.fullmatch(r"[0-9A-Za-z]+", part) or part.isdigit():
        return False
    if looks_like_placeholder_engine(part):
        return False
    if any(all(ord(part[i + k + 1]) == ord(part[i + k]) + 1 for k in range(5)) for i in range(len(part) - 5)):
        return False
    return shannon(part) >= min(3.0, 0.7 * math.log2(len(part)))


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

VALIDATORS = {"github-crc32": lambda s: base62_crc_valid(s, ("ghp_", "gho_", "ghu_", "ghs_", "ghr_")),
              "npm-crc32": lambda s: base62_crc_valid(s, ("npm_",)), "pypi-macaroon": pypi_valid,
              "pem-private-key": pem_private_key_valid, "gcp-service-account": pem_private_key_valid,
              "aws-key-id": aws_key_id_valid, "generic-secret": generic_secret_valid,
              "basic-auth": basic_auth_valid, "typed-password": typed_password_valid,
              "slack-token": slack_token_valid,
              "secp256k1-scalar": eth_valid, "bip39-checksum": mnemonic_valid,
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

    def jwt(self, alg=True):
        """A signed JWT; with `alg=False` the same shape whose header names no `alg` (not a
        token the `jwt` validator takes)."""
        name = self.r.choice(["HS256", "RS256", "ES256"])
        fields = {"alg": name, "typ": "JWT"} if alg else {"typ": "JWT", "kid": self.hex(16)}
        header = json.dumps(fields, separators=(",", ":"))
        iat = self.r.randint(1_600_000_000, 1_800_000_000)
        payload = json.dumps({"sub": self.uuid(), "iat": iat, "exp": iat + 3600,
                              "scope": self.r.choice(["read write", "admin", "user"])},
                             separators=(",", ":"))
        sig = self.bytes(64 if name == "ES256" else (256 if name == "RS256" else 32))
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


# ---------------------------------------------------------------- named secrets (table-driven rules)
# Most API keys carry no prefix: only the name they are stored under says what they are. These
# helpers make such rules from a row of data (provider names, the key's alphabet and length, the
# revocation page), with examples in the forms code and config files use.

# How code and config bind a value to a name, after the name's own tail: `=`, `:=`, `::=`,
# `:::=`, `?=`, `.=`, `+=`, `==`, `=>`, `->`, `:`, `,` (setProperty("NAME", "v")), `>` (XML
# <name>v</name>), `-` and blanks (CLI flags, "acme key v"), with quotes or backticks around
# either side and a line break before the value (XML, YAML blocks).
ASSIGN_ANY = r"""["'`]?[ \t]{0,4}(?:[?:.+|!]{0,3}={1,3}>?|:{1,3}|->|[,>-]|[ \t])\s{0,16}["'`]?"""
# The rest of a variable or key name after the provider's name: `acmeApiKey`, `ACME_API_KEY`,
# `acme.api-key`, `acme SECRET`.
NAME_TAIL = r"[\w. -]{0,24}?"

# Character classes (regex class bodies) of common key alphabets.
C_HEX = "0-9a-f"
C_HEX_UP = "0-9A-F"
C_HEX_ANY = "0-9a-fA-F"
C_ALNUM = "0-9A-Za-z"
C_ALNUM_LOW = "0-9a-z"
C_ALNUM_UP = "0-9A-Z"
C_B64URL = "0-9A-Za-z_-"
C_B64 = "0-9A-Za-z+/"
# Alphabets (for the fake generator) of the classes above.
ALPHABET_OF = {C_HEX: HEX, C_HEX_UP: HEX.upper(), C_HEX_ANY: HEX + "ABCDEF", C_ALNUM: ALNUM,
               C_ALNUM_LOW: DIGITS + LOWER, C_ALNUM_UP: DIGITS + UPPER, C_B64URL: B64URL,
               C_B64: ALNUM + "+/"}
# Entropy floors by alphabet: low enough for any random key of that alphabet and length >= 16,
# high enough to drop words, counters and `aaaa…` fills.
DEFAULT_ENTROPY = {C_HEX: 3.0, C_HEX_UP: 3.0, C_HEX_ANY: 3.0}


def _class_extras(cls):
    """The non-alphanumeric members of a class body ('0-9A-Za-z_-' -> '_-')."""
    body = re.sub(r"[0-9A-Za-z]-[0-9A-Za-z]", "", cls)
    return "".join(ch for ch in body if not ch.isalnum())


def token_end(cls):
    """The byte after a token: anything that cannot continue it (alphanumerics always could)."""
    extras = _class_extras(cls).replace("-", "")
    dash = "-" if "-" in _class_extras(cls) else ""
    return rf"(?:[^0-9A-Za-z{extras}{dash}]|$)"


def token(cls, length, end=True):
    """The secret group: `length` (`32` or `32,40`) characters of class `cls`, then a token end."""
    return rf"([{cls}]{{{length}}})" + (token_end(cls) if end else "")


def name_context(names, tail=NAME_TAIL, alts=()):
    """A name (regex alternatives, case-insensitive), the rest of the name and an assignment: what
    stands before a secret that is found by its name. `alts`: other contexts (regexes) that may stand
    there instead (a header, a URL whose query holds the key), as alternatives."""
    lead = rf"(?i:{names}){tail}" + ASSIGN_ANY
    return "(?:" + "|".join([lead, *alts]) + ")" if alts else lead


def named(names, value, tail=NAME_TAIL):
    """A name (regex alternatives, case-insensitive), the rest of the name, an assignment, then
    `value`, which holds the secret group."""
    return name_context(names, tail) + value


def name_forms(words):
    """UPPER_SNAKE, lower_snake, camelCase and kebab-case of a name given as words."""
    upper = "_".join(w.upper() for w in words)
    lower = "_".join(w.lower() for w in words)
    camel = words[0].lower() + "".join(w[:1].upper() + w[1:].lower() for w in words[1:])
    kebab = "-".join(w.lower() for w in words)
    return upper, lower, camel, kebab


# Where a named secret shows up: .env, code in several languages, YAML, JSON, XML, CLI flags.
ASSIGN_FORMS = [
    lambda u, l, c, k, s: f"{u}={s}",
    lambda u, l, c, k, s: f'{c} = "{s}"',
    lambda u, l, c, k, s: f"{l}: {s}",
    lambda u, l, c, k, s: f'  "{c}": "{s}",',
    lambda u, l, c, k, s: f"<{c}>{s}</{c}>",
    lambda u, l, c, k, s: f'System.setProperty("{u}", "{s}");',
    lambda u, l, c, k, s: f"{c} := `{s}`",
    lambda u, l, c, k, s: f"export {u}='{s}'",
    lambda u, l, c, k, s: f"--{k} {s}",
    lambda u, l, c, k, s: f'${c} .= "{s}";',
    lambda u, l, c, k, s: f'  "{c}" => "{s}",',
    lambda u, l, c, k, s: f"<{c}>\n    {s}\n</{c}>",
    lambda u, l, c, k, s: f"{u} ?= {s}",
    lambda u, l, c, k, s: f"const {c} = '{s}';",
]


def assign_examples(g, words, secrets):
    """One example line per secret, each in a different assignment form (drawn by the rule's
    seeded generator, so every form is exercised across the rule pack)."""
    u, l, c, k = name_forms(words)
    forms = g.r.sample(ASSIGN_FORMS, len(secrets))
    return [form(u, l, c, k, s) for form, s in zip(forms, secrets)]


def remediation_at(url, what="key", verb="Revoke", extra=""):
    """`verb` the key at its provider's page, then the usual history purge."""
    return (f"{verb} the {what} at {url}, {extra}create a new one with the least access and keep it in a "
            f"secret manager, " + PURGE)


def name_keywords(id, names, keywords=None):
    """The keywords of a rule found by provider names: `keywords` when given, else the names
    (a list, or one string of `|` alternatives) lowercased, which must then be plain literals
    ('acme', 'acme-io'), not regexes. Shared by every named-secret helper so they agree on it."""
    if keywords:
        return keywords
    if isinstance(names, str):
        names = names.split("|")
    if any(re.search(r"[\\\[\](){}?*+|^$]", n) for n in names):
        raise ValueError(f"{id}: names are regexes: give keywords")
    return [n.lower() for n in names]


def name_words(keywords, words=None):
    """The variable name used in a named secret's examples, as words: `words`, or by default the
    first keyword (letters and digits only) + 'api' + 'key' (`ACME_API_KEY`, `acmeApiKey`)."""
    return words or [re.sub(r"[^a-z0-9]", "", keywords[0]), "api", "key"]


def named_secret_rule(family, id, description, regex, keywords, make, words, remediation, severity="medium",
                      near_miss=lambda g, s: s[:-1], near_miss_first=False, examples=None,
                      extra_examples=lambda g: [], extra_negatives=lambda g: [], **fields):
    """Register a rule for a secret found by the name it is stored under. It exists so that every
    named-secret helper (named_rule, named_value_rule, typed_named_rule, kv_rule, value_rule,
    keyed_rule and the families' own wrappers) shares one set of examples and negatives, drawn
    from the rule's seeded generator in one order; the helpers differ only in how they build
    `regex` and in their defaults.

    Examples: three fakes `make(g)` in assignment forms of the name `words` (or `examples(g)`
    instead of those three), then `extra_examples(g)`. Negatives: the near miss `near_miss(g, s)`
    of the fake `s` (default: one character short; None: no near-miss line), a template, code that
    reads the secret, the fake under another name, then `extra_negatives(g)`. The fake is drawn
    before the near miss, unless `near_miss_first` (then `near_miss(g, None)` draws its own first).
    `fields`: further rule fields (min_entropy, window, validate, pair_with, …)."""
    u, l, c, k = name_forms(words)

    def assignments(g):
        return assign_examples(g, words, [make(g) for _ in range(3)])

    def all_examples(g):
        return (examples or assignments)(g) + extra_examples(g)

    def negatives(g):
        if near_miss_first:
            near = near_miss(g, None)
            s = make(g)
        else:
            s = make(g)
            near = near_miss(g, s) if near_miss else None
        return ([f"{u}={near}"] if near_miss else []) + [
            f"{u}=<your-{k}>",                        # a template
            f'{c} = os.environ["{u}"]',               # code that reads the secret
            f"commit_sha = {s}",                      # the right shape under another name
        ] + extra_negatives(g)

    rule(family, id=id, description=description, severity=severity, keywords=keywords, regex=regex,
         remediation=remediation, examples=all_examples, negative_examples=negatives, **fields)


def token_examples(g, words, make, extra_examples=lambda g: []):
    """Examples of a self-identifying token: two fakes in assignment forms of `words` and one in a
    Bearer header, then `extra_examples(g)`. Shared by prefixed_rule and the families' token
    helpers so their fakes are drawn in one order."""
    secrets = [make(g) for _ in range(3)]
    return (assign_examples(g, words, secrets[:2])
            + [f"curl -H 'Authorization: Bearer {secrets[2]}' https://api.service.invalid/v1/me"]
            + extra_examples(g))


def named_rule(family, id, description, names, cls, length, url, severity="medium", words=None,
               keywords=None, min_entropy=None, make=None, validate=None, what="key", verb="Revoke",
               extra_examples=lambda g: [], extra_negatives=lambda g: [], value_prefix="", window=48,
               remediation=None):
    """A key without a prefix, found by the provider's name in the variable, key or tag that
    holds it. `names`: provider names (literals, or regexes with `keywords` given); `cls` and
    `length`: the key's alphabet (a class body, see C_*) and length (`32` or `32,40`); `words`:
    the variable name used in examples (default: first name + 'api' + 'key')."""
    kws = name_keywords(id, names, keywords)
    alphabet = ALPHABET_OF.get(cls)
    if make is None and alphabet is None:
        raise ValueError(f"{id}: no generator for class {cls!r}: give make=")
    lo = int(str(length).split(",")[0])
    make = make or (lambda g: g.s(alphabet, lo))
    if min_entropy is None:
        min_entropy = DEFAULT_ENTROPY.get(cls, 3.2)
    named_secret_rule(family, id, description, named("|".join(names), value_prefix + token(cls, length)), kws,
                      make, name_words(kws, words), remediation or remediation_at(url, what, verb),
                      severity=severity, near_miss=lambda g, s: s[:lo - 1], extra_examples=extra_examples,
                      extra_negatives=extra_negatives, min_entropy=min_entropy, validate=validate, window=window)


def prefixed_rule(family, id, description, prefix, cls, length, url, severity="high", keywords=None,
                  min_entropy=None, make=None, validate=None, what="token", verb="Revoke", words=None,
                  extra_examples=lambda g: [], extra_negatives=lambda g: [], remediation=None):
    """A self-identifying token: a literal `prefix` then `length` characters of class `cls`; no
    name is needed around it."""
    alphabet = ALPHABET_OF.get(cls)
    if make is None and alphabet is None:
        raise ValueError(f"{id}: no generator for class {cls!r}: give make=")
    lo = int(str(length).split(",")[0])
    make = make or (lambda g: prefix + g.s(alphabet, lo))
    words = words or [re.sub(r"[^a-z0-9]", "", id.split("-")[0]), "token"]
    u, l, c, k = name_forms(words)
    if min_entropy is None:
        min_entropy = DEFAULT_ENTROPY.get(cls, 3.2)
    start = r"\b" if prefix[:1].isalnum() else ""

    def negatives(g):
        s = make(g)
        return [
            f"{u}={s[:len(prefix) + lo - 1]}",
            f"{u}={prefix}{'x' * lo}",
            f"{u}={prefix}<your-{k}>",
        ] + extra_negatives(g)

    rule(family, id=id, description=description, severity=severity, keywords=keywords or [prefix.lower()],
         regex=start + rf"({re.escape(prefix)}[{cls}]{{{length}}})" + token_end(cls), min_entropy=min_entropy,
         validate=validate, remediation=remediation or remediation_at(url, what, verb),
         examples=lambda g: token_examples(g, words, make, extra_examples), negative_examples=negatives)


# ---------------------------------------------------------------- named secrets with a free-form value
# Wrappers of named_secret_rule for keys that are not one class and length (UUIDs, a literal head,
# alternatives, JWTs), used by several families. Each used to be copied into the modules that
# needed it; their signatures are kept, so a family's rule table reads as before.

UUID_RE = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
UUID_ANY = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
END_ALNUM = token_end(C_ALNUM)          # next byte is not [0-9A-Za-z]
END_WORD = r"(?:[^0-9A-Za-z_]|$)"       # next byte is not [0-9A-Za-z_]
# `X-Api-Key: …`, `Authorization: Bearer …` style headers (only searched near a keyword).
HEADER = r"""["']?\s*[:=]\s*["']?"""
# The rest of a variable name that must end in a credential word (`DD_API_KEY`, `sentryToken`,
# `bugsnag private-key`): keeps checksums, commit SHAs and resource UUIDs stored under the
# provider's name (`SENTRY_CLI_SHA256`, `BUGSNAG_BUILD_UUID`, `opsgenie_team_id`) out.
CRED_TAIL = (r"[\w. -]{0,24}?(?i:key|token|secret|private|access|pass(?:word)?|pwd|auth|credential)s?"
             r"(?:[ \t]+(?i:string|str))?")  # Go: `var acmeToken string = "…"`
# A declared type between a name and its value: Go `var acmeKey string = "…"`, Kotlin/TypeScript
# `acmeKey: String = "…"`, Rust `ACME_KEY: &str = "…"`.
TYPE_OPT = r"(?:[ \t]*:?[ \t]*(?:string|String|str|&str|&'static str))?"


def uuid_of(g):
    """A fake UUID (lowercase), as a `make` for named-secret helpers."""
    return g.uuid()


def jwt_of(g):
    """A fake signed JWT, as a `make` for named-secret helpers."""
    return g.jwt()


def dotted3_short(s):
    """A dotted token (a JWT or JWT-like key) whose last part is cut to 8 characters: a near miss."""
    a, b, c = s.split(".")
    return f"{a}.{b}.{c[:8]}"


def compound_keywords(heads, words, seps=("", "_", "-", ".")):
    """Literal spellings of compound names, for keywords: head + separator + word, in that order
    (`acmekey`, `acme_key`, `acme-key`, `acme.key`). One helper so that families spell them alike."""
    return [h + s + w for h in heads for w in words for s in seps]


def url_context(host, param):
    """A URL on `host` (regex) with the key in query parameter `param` (regex): `…host/…?param=`."""
    return rf"(?i:{host})/[^\s\"'<>]{{0,300}}?[?&](?i:{param})="


def named_value_rule(family, id, description, names, keywords, value, make, url, severity="medium",
                     words=None, min_entropy=3.2, short=None, what="key", verb="Revoke",
                     extra_examples=lambda g: [], extra_negatives=lambda g: [], remediation=None, url_prefix=None):
    """named_rule for a value that is not one plain class/length (a literal head such as `sk-`,
    a UUID, a JWT): `names` is a list of name regexes, `value` is the regex of the value, holding
    the secret group and its end; `make(g)` draws a fake value; `short(s)` makes a too-short
    look-alike (default: drop the last character); `url_prefix`: a regex of the provider's URL that
    carries the key as a query parameter (an alternative to the name; it must contain a keyword).
    (Used by ai.py and automation.py.)"""
    names = "|".join(names)
    regex = name_context(names, alts=[url_prefix]) + value if url_prefix else named(names, value)
    named_secret_rule(family, id, description, regex, keywords, make, name_words(keywords, words),
                      remediation or remediation_at(url, what, verb), severity=severity,
                      near_miss=lambda g, s: short(s) if short else s[:-1], extra_examples=extra_examples,
                      extra_negatives=extra_negatives, min_entropy=min_entropy, window=48)


def typed_named_rule(family, id, description, names, value, make, url, *, keywords, words, severity="high",
                     min_entropy=3.2, lo=None, tail=NAME_TAIL, what="key", verb="Revoke", window=48,
                     extra_examples=lambda g: [], extra_negatives=lambda g: [], remediation=None,
                     exclude_words=None):
    """Like named_value_rule, where a declared type may stand between the name and the value
    (TYPE_OPT), and one more example shows it (`var acmeKey string = "…"`): `names` is one regex,
    `value` a regex holding the secret group (and its own end), `make(g)` draws a fake, `lo` is the
    shortest valid length (for the one-short negative; default: the fake's length). (Used by
    ci_cd.py and vcs.py.)"""
    u, l, c, k = name_forms(words)

    def examples(g):
        typed = g.r.choice([f'var {c} string = "{make(g)}"', f'val {c}: String = "{make(g)}"',
                            f'const {u}: &str = "{make(g)}";'])
        return assign_examples(g, words, [make(g) for _ in range(3)]) + [typed]

    named_secret_rule(family, id, description, named(names, value, tail + TYPE_OPT), keywords, make, words,
                      remediation or remediation_at(url, what, verb), severity=severity,
                      near_miss=lambda g, s: s[:(lo or len(s)) - 1], examples=examples,
                      extra_examples=extra_examples, extra_negatives=extra_negatives,
                      min_entropy=min_entropy, window=window, exclude_words=exclude_words)


def kv_rule(family, id, description, names, value, make, url, severity="high", keywords=None, words=None,
            min_entropy=3.2, end=END_B64URL, short=True, alt=None, what="key", verb="Revoke",
            remediation=None, extra_examples=lambda g: [], extra_negatives=lambda g: [], window=48,
            tail=CRED_TAIL, pair_with=None):
    """A key found by the provider's name before it (`names`: regex alternatives, matched
    case-insensitively, then the rest of the variable name and an assignment), or after another
    context `alt` (a header, a URL); `tail`: the rest of the name (default CRED_TAIL: it must end
    in a credential word; NAME_TAIL where the names already end in one); `value`: the key's regex
    (no group), `end` what follows it; `make(g)`: a fake key; `short`: add the one-character-short
    negative. (Used by identity.py, monitoring.py and iot.py.)"""
    kws = name_keywords(id, names, keywords)
    regex = name_context(names, tail, [alt] if alt else ()) + f"({value})" + end
    named_secret_rule(family, id, description, regex, kws, make, name_words(kws, words),
                      remediation or remediation_at(url, what, verb), severity=severity,
                      near_miss=(lambda g, s: s[:-1]) if short else None, extra_examples=extra_examples,
                      extra_negatives=extra_negatives, min_entropy=min_entropy, window=window, pair_with=pair_with)


def value_rule(family, id, description, names, value, make, url, severity="medium", keywords=None,
               words=None, min_entropy=3.2, tail=NAME_TAIL, window=48, short=True, what="key",
               verb="Revoke", extra_examples=lambda g: [], extra_negatives=lambda g: [],
               remediation=None, validate=None):
    """A secret found by the provider's name in the variable/key/tag that holds it (as
    named_rule), with a free-form `value` regex (holding capture group 1 and its own end
    boundary) and its generator `make(g)`. `names`: regex alternatives (a list or one string);
    `keywords`: needed when names are regexes; `tail`: what may follow the name before the
    assignment (a narrower tail also admits a type: Go / C# / Python `acmeToken string`);
    `short`: add the one-char-short negative (only for exact-length formats). (Used by messaging.py,
    email.py and social.py.)"""
    names = "|".join(names) if isinstance(names, (list, tuple)) else names
    if tail != NAME_TAIL:
        tail += r"(?:[ \t]+(?i:string|str))?"  # Go / C# / Python type between name and value
    kws = name_keywords(id, names, keywords)
    named_secret_rule(family, id, description, named(names, value, tail), kws, make, name_words(kws, words),
                      remediation or remediation_at(url, what, verb), severity=severity,
                      near_miss=(lambda g, s: s[:-1]) if short else None, extra_examples=extra_examples,
                      extra_negatives=extra_negatives, min_entropy=min_entropy, validate=validate, window=window)


def keyed_rule(family, id, description, names, value, make, url, keywords, severity="medium", words=None,
               end=END_WORD, min_entropy=3.2, bad=None, contexts=(), what="key", verb="Revoke",
               extra_examples=lambda g: [], extra_negatives=lambda g: [], window=48, remediation=None,
               tail=NAME_TAIL):
    """Like named_rule, for a key whose value is not one character class or that is also found in
    other contexts: a provider name (regex `names`, literal spellings in `keywords`) or one of the
    `contexts` (regexes that hold a keyword, such as `url_context(...)`), then `value` (a regex
    without group, the secret) and `end`. `make(g)` draws a fake, `bad(g)` a near miss (default:
    one character short), drawn before the fake. (Used by finance.py and payments.py.)"""
    regex = "(?:" + "|".join([name_context(names, tail), *contexts]) + ")(" + value + ")" + end
    bad = bad or (lambda g: make(g)[:-1])
    named_secret_rule(family, id, description, regex, keywords, make, name_words(keywords, words),
                      remediation or remediation_at(url, what, verb), severity=severity,
                      near_miss=lambda g, s: bad(g), near_miss_first=True, extra_examples=extra_examples,
                      extra_negatives=extra_negatives, min_entropy=min_entropy, window=window)


# ---------------------------------------------------------------- the rules

RULES = {}  # file stem -> list of rule dicts


def rule(family, **kw):
    RULES.setdefault(family, []).append(kw)


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
               "generic", "exclude_words", "excluded_values", "remediation", "examples", "negative_examples"]


def render(family, rules):
    out = [f"# keysweep built-in rules: {family}.",
           f"# GENERATED by scripts/gen_fake_secrets.py from scripts/rulegen/families/{family.replace('-', '_')}.py:",
           "# edit that module, not this file.",
           "# Every example secret below is random and fake (seeded, reproducible).", ""]
    for r in rules:
        out.append("[[rule]]")
        for k in FIELD_ORDER:
            if k not in r or r[k] is None:
                continue
            v = r[k]
            if k == "excluded_values":
                # [{group, words, prefixes}]: inline tables (src/rules/model.rs ExcludedValues)
                items = []
                for e in v:
                    parts = [f"group = {e['group']}"]
                    for key in ("words", "prefixes"):
                        if e.get(key):
                            parts.append(f"{key} = [" + ", ".join(toml_basic(x) for x in e[key]) + "]")
                    if e.get("longer_than") is not None:
                        parts.append(f"longer_than = {e['longer_than']}")
                    items.append("  { " + ", ".join(parts) + " },\n")
                out.append(f"{k} = [\n" + "".join(items) + "]")
                continue
            if isinstance(v, list):
                if k in ("keywords", "exclude_words"):
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
        for a in r.get("allowlist") or []:
            out.append("")
            out.append("[[rule.allowlist]]")
            out.append(f"description = {toml_basic(a['description'])}")
            out.append("paths = [" + ", ".join(toml_basic(x) for x in a["paths"]) + "]")
        out.append("")
    return "\n".join(out)


def materialize():
    """Evaluate the example generators: family -> list of plain rule dicts."""
    result = {}
    for family, rules in RULES.items():
        lst = []
        for r in rules:
            d = dict(r)
            if callable(d.get("exclude_words")):
                d["exclude_words"] = d["exclude_words"](RULES)  # words that depend on the whole pack
            g = Gen(r["id"])
            d["examples"] = r["examples"](g)
            d["negative_examples"] = r["negative_examples"](g)
            lst.append(d)
        result[family] = lst
    return result


# ---------------------------------------------------------------- offline check (engine emulation)

def accepted(r, m, group):
    """The secret of match m if the engine's checks on a match (src/engine/mod.rs) keep it, else
    None: exclude_words, excluded_values, placeholders, the entropy floor, names from code, the
    validator and the well-known public values."""
    sec = m.group(group)
    if sec is None:
        return None
    if any(w.encode() in m.group(0).lower() for w in r.get("exclude_words", [])):
        return None
    if excluded(r, m):
        return None
    s = sec.decode("latin-1")
    if r.get("validate") != "bip39-checksum" and looks_like_placeholder_engine(s):
        return None
    if r.get("min_entropy") and shannon(sec) < r["min_entropy"]:
        return None
    if r.get("min_entropy") and r.get("validate") != "typed-password" and looks_like_identifier(s):
        return None
    if r.get("validate") and not VALIDATORS[r["validate"]](s):
        return None
    if s in KNOWN_PUBLIC or s.lower().removeprefix("0x") in KNOWN_PUBLIC or " ".join(
            w.lower() for w in re.split(r"[\s\"',`\[\]-]+", s) if w) in KNOWN_PUBLIC:
        return None  # src/filters/known_keys.rs (only the entries used in examples)
    return s


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
        return [s for m in rx.finditer(data) if (s := accepted(r, m, group)) is not None]
    for kw in r["keywords"]:
        kwl = kw.lower().encode()
        pos = low.find(kwl)
        while pos != -1:
            # src/engine/window.rs: from the hit's line start (at most 1024 bytes back) to the end
            # of the line holding hit end + `window` (at most 1024 bytes further)
            lo = max(0, pos - 1024)
            ws = data.rfind(b"\n", lo, pos) + 1 or lo
            after = min(len(data), pos + len(kwl) + (window or 0))
            hi = min(len(data), after + 1024)
            le = data.find(b"\n", after, hi)
            we = hi if le == -1 else le
            # the engine searches data[..we] from ws: `^`, `\b` and look-behind-like classes see
            # the bytes before the window, and a class cannot consume the `\n` before it
            for m in rx.finditer(data, ws, we):
                s = accepted(r, m, group)
                if s is not None:
                    found.append(s)
            pos = low.find(kwl, pos + 1)
    return found


def excluded(r, m):
    """src/engine: a match whose group holds one of its rule's excluded_values is dropped."""
    for e in r.get("excluded_values") or []:
        g = m.group(e["group"])
        if g is None:
            continue
        if e.get("longer_than") is not None and len(g) > e["longer_than"]:
            return True
        g = g.lower()
        if any(g == w.encode() for w in e.get("words", [])) or any(
                g.startswith(p.encode()) for p in e.get("prefixes", [])):
            return True
    return False


def looks_like_identifier(s):
    """src/engine/placeholder.rs looks_like_identifier (a line-by-line port): a name from code
    (ShellSpecialFolderConstants, MSV1_0_PROTOCOL_MESSAGE_TYPE), not a random value."""
    sep = "_.-"
    vowel = lambda p: any(c in "aeiouyAEIOUY" for c in p)
    pieces = words = 0
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c in sep:
            i += 1
            continue
        if not (c.isascii() and c.isalnum()):
            return False
        start = i
        if c.isdigit():
            while i < n and s[i].isdigit():
                i += 1
            ok = i - start <= 3
        elif c.isupper() and not (i + 1 < n and s[i + 1].islower()):
            while i < n and s[i].isupper():
                i += 1
            if i < n and s[i].islower():
                i -= 1
            piece = s[start:i]
            delimited = (start == 0 or s[start - 1] == "_") and (i == n or s[i] == "_")
            if delimited and len(piece) >= 3 and vowel(piece):
                words += 1
                ok = True
            else:
                ok = len(piece) <= 5
        else:
            i += 1
            while i < n and s[i].islower():
                i += 1
            piece = s[start:i]
            ok = (c.isupper() or start == 0 or s[start - 1] == "_") and len(piece) >= 3 and vowel(piece)
            words += ok
        if not ok:
            return False
        pieces += 1
    return pieces >= 2 and words >= 1


def looks_like_placeholder_engine(s):
    """src/engine/placeholder.rs: a marker (`>` only at the end or in an arrow), or (secrets up to 100 bytes) a run of one character
    at least 8 long that covers a third of the secret."""
    low = s.lower()
    if any(w in low for w in ENGINE_PLACEHOLDER_MARKERS if w != ">"):
        return True
    # `>` closes a placeholder (`<your-key>`, a capture cut after `<`) or an arrow (`=>`, `->`);
    # inside a random secret it is one more punctuation byte
    if s.endswith(">") or "=>" in s or "->" in s:
        return True
    if len(s) > 100:
        return False
    need = max(8, len(s) // 3)
    return re.search(r"(.)\1{%d,}" % (need - 1), s) is not None


def check(families, rules_dir):
    import tomllib
    errors = []
    ids = set()
    total = 0
    allowed = set(FIELD_ORDER) | {"allowlist"}
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
