"""Rules of the web3 family."""
from rulegen.core import *  # noqa: F401,F403

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
# `X-API-Key: …` header (Moralis, Tatum); only searched in a window with the provider's keyword.
X_API_KEY = r"(?i:x-api-key)" + HEADER
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
     regex=(r"(?:(?i:infura[\w.-]{0,30}?secret)\w*" + ASSIGN_ANY
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
         f"infuraSecret-{g.hex(32)}",
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
     regex=(r"(?:(?i:" + SCANS + r")[\w. -]{0,20}?(?i:api[_.-]?key|key|token)\w*" + ASSIGN
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
         f"etherscan SECRETKEY={g.s(UPPER + DIGITS, 34)}",
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

# --- Ethplorer --------------------------------------------------------------------------------------
# Personal keys are EK-xxxxx-xxxxxxx-xxxxx (22 characters); `freekey` is the public demo key and
# has neither shape.

rule("web3",
     id="ethplorer-api-key",
     description="Ethplorer API key (EK-xxxxx-xxxxxxx-xxxxx, or 22 alphanumerics) next to an Ethplorer key name or in an api.ethplorer.io URL",
     severity="medium",
     keywords=["ethplorer"],
     regex=(r"(?:(?i:ethplorer[\w.-]{0,20}?(?:api[_.-]?key|key|token|secret))\w*" + ASSIGN_ANY
            + r"|(?i:ethplorer\.io)/[^\s\"'<>]{0,300}?[?&]apiKey=)"
            r"(EK-[0-9A-Za-z]{5}-[0-9A-Za-z]{7}-[0-9A-Za-z]{5}|[0-9A-Za-z]{22})" + END_B64URL),
     min_entropy=3.3,
     remediation=web3_remediation("https://ethplorer.io/account (API keys: delete the key)",
                                  "use a separate key per app and keep it server-side (no origin/IP allowlist)"),
     examples=lambda g: [
         f"ETHPLORER_API_KEY=EK-{g.alnum(5)}-{g.alnum(7)}-{g.alnum(5)}",
         f'curl "https://api.ethplorer.io/getAddressInfo/0x{g.hex(40)}?apiKey=EK-{g.alnum(5)}-{g.alnum(7)}-{g.alnum(5)}"',
         f"ethplorerSecretKey-{g.alnum(22)}",
     ],
     negative_examples=lambda g: [
         f"https://api.ethplorer.io/getTokenInfo/0x{g.hex(40)}?apiKey=freekey",
         f"ETHPLORER_API_KEY=EK-{g.alnum(5)}-{g.alnum(7)}",
         "ETHPLORER_API_KEY=${ETHPLORER_API_KEY}",
         f"https://ethplorer.io/tx/0x{g.hex(64)}",
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
