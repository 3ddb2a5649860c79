"""Rules of the ai family."""
from rulegen.core import *  # noqa: F401,F403

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


# ============================== ai: LLM, ML, speech and language APIs ==============================
# Self-identifying tokens (a literal prefix) need no name around them; keys without a prefix are
# only found under the provider's name (core.named_rule / core.named_value_rule). Providers whose
# name is an ordinary word (together, stability, runway, deepl ~ deeplink) are matched by compound
# names.

# Three dot-separated base64url segments (a JWT, or a JWT-like signed token)
DOTTED3_RE = r"([0-9A-Za-z_-]{16,}\.[0-9A-Za-z_-]{16,}\.[0-9A-Za-z_-]{16,})" + END_B64URL


# --- self-identifying tokens -------------------------------------------------------------------

prefixed_rule("ai", "replicate-api-token", "Replicate API token (r8_)", "r8_", C_ALNUM, "37,45",
              "https://replicate.com/account/api-tokens", words=["replicate", "api", "token"],
              extra_negatives=lambda g: ["REPLICATE_API_TOKEN=r8_xxxxxxxxxxxxx",
                                         f"mov r8_{g.s(LOWER, 6)}, 0x{g.hex(4)}"])

prefixed_rule("ai", "groq-api-key", "Groq API key (gsk_)", "gsk_", C_ALNUM, 52,
              "https://console.groq.com/keys", words=["groq", "api", "key"],
              make=lambda g: g._clean(lambda: f"gsk_{g.alnum(20)}WGdyb3FY{g.alnum(24)}"),
              extra_negatives=lambda g: ["GROQ_API_KEY=gsk_..."])

prefixed_rule("ai", "perplexity-api-key", "Perplexity API key (pplx-)", "pplx-", C_ALNUM, 48,
              "https://www.perplexity.ai/settings/api", words=["perplexity", "api", "key"],
              extra_negatives=lambda g: ['model = "pplx-7b-online"', f"PERPLEXITY_API_KEY=pplx-{g.alnum(40)}"])

prefixed_rule("ai", "xai-api-key", "xAI (Grok) API key (xai-)", "xai-", "0-9A-Za-z_", 80,
              "https://console.x.ai (API Keys)", words=["xai", "api", "key"],
              make=lambda g: "xai-" + g.alnum(80),
              extra_negatives=lambda g: ['XAI_API_KEY="xai-..."', f"XAI_API_KEY=xai-{g.alnum(40)}"])

prefixed_rule("ai", "openrouter-api-key", "OpenRouter API key (sk-or-v1-)", "sk-or-v1-", C_HEX, 64,
              "https://openrouter.ai/settings/keys", words=["openrouter", "api", "key"],
              extra_negatives=lambda g: ["OPENROUTER_API_KEY=sk-or-v1-your-openrouter-key"])

prefixed_rule("ai", "together-api-key", "Together AI API key (tgp_v1_)", "tgp_v1_", C_B64URL, 43,
              "https://api.together.ai/settings/api-keys", words=["together", "api", "key"],
              extra_negatives=lambda g: [f"TOGETHER_API_KEY=tgp_v1_{g.s(B64URL, 43)}{g.alnum(4)}"])

prefixed_rule("ai", "nvidia-api-key", "NVIDIA API catalog / NIM API key (nvapi-)", "nvapi-", C_B64URL, 64,
              "https://build.nvidia.com (API Keys) or https://org.ngc.nvidia.com/setup/api-keys",
              words=["nvidia", "api", "key"],
              extra_negatives=lambda g: ['NVIDIA_API_KEY="nvapi-..."'])

prefixed_rule("ai", "jina-api-key", "Jina AI API key (jina_)", "jina_", C_ALNUM, 60,
              "https://jina.ai/api-dashboard", words=["jina", "api", "key"], severity="medium",
              make=lambda g: g._clean(lambda: f"jina_{g.hex(32)}{g.alnum(28)}"),
              extra_negatives=lambda g: ["JINA_API_KEY=jina_*", "from jina_embeddings import JinaEmbeddingsClientWrapper"])

prefixed_rule("ai", "firecrawl-api-key", "Firecrawl API key (fc-)", "fc-", C_HEX, 32,
              "https://www.firecrawl.dev/app/api-keys", words=["firecrawl", "api", "key"], severity="medium",
              extra_negatives=lambda g: ['app = FirecrawlApp(api_key="fc-YOUR_API_KEY")'])

prefixed_rule("ai", "cerebras-api-key", "Cerebras inference API key (csk-)", "csk-", C_ALNUM_LOW, 48,
              "https://cloud.cerebras.ai (API Keys)", words=["cerebras", "api", "key"],
              extra_negatives=lambda g: ["CEREBRAS_API_KEY=csk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"])

prefixed_rule("ai", "elevenlabs-api-key", "ElevenLabs API key (sk_ + 48 hex)", "sk_", C_HEX, 48,
              "https://elevenlabs.io/app/settings/api-keys", words=["elevenlabs", "api", "key"],
              extra_negatives=lambda g: [f"STRIPE_SECRET_KEY=sk_live_{g.alnum(24)}",
                                         f"PDFSHIFT_API_KEY=sk_{g.hex(40)}",
                                         f"task_{g.hex(48)}"])

rule("ai",
     id="pinecone-api-key",
     description="Pinecone API key (pcsk_)",
     severity="high",
     keywords=["pcsk_"],
     regex=r"\b(pcsk_[0-9A-Za-z]{4,8}_[0-9A-Za-z]{50,80})\b",
     min_entropy=3.5,
     remediation=remediation_at("https://app.pinecone.io (project > API Keys)", verb="Delete",
                                extra="check the indexes for changed or deleted vectors, "),
     examples=lambda g: [
         f"PINECONE_API_KEY=pcsk_{g.alnum(6)}_{g.alnum(63)}",
         f'pc = Pinecone(api_key="pcsk_{g.alnum(6)}_{g.alnum(63)}")',
         f'  pineconeApiKey: "pcsk_{g.alnum(5)}_{g.alnum(63)}",',
     ],
     negative_examples=lambda g: [
         "PINECONE_API_KEY=pcsk_...",
         "PINECONE_API_KEY=pcsk_YOUR_PINECONE_API_KEY",
         f"PINECONE_API_KEY=pcsk_{g.alnum(6)}_{g.alnum(30)}",
     ])

rule("ai",
     id="tavily-api-key",
     description="Tavily search API key (tvly-)",
     severity="medium",
     keywords=["tvly-"],
     regex=r"\b(tvly-(?:dev-|prod-)?[0-9A-Za-z]{32})\b",
     min_entropy=3.5,
     remediation=remediation_at("https://app.tavily.com (API Keys)", verb="Delete"),
     examples=lambda g: [
         f"TAVILY_API_KEY=tvly-{g.alnum(32)}",
         f'client = TavilyClient(api_key="tvly-dev-{g.alnum(32)}")',
         f"  tavily_api_key: tvly-prod-{g.alnum(32)}",
     ],
     negative_examples=lambda g: [
         "TAVILY_API_KEY=tvly-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
         f"TAVILY_API_KEY=tvly-{g.alnum(24)}",
         "TAVILY_API_KEY=tvly-...",
     ])

for _rid, _kind, _desc in [
        ("langsmith-personal-access-token", "pt", "LangSmith personal access token (lsv2_pt_)"),
        ("langsmith-service-key", "sk", "LangSmith service key (lsv2_sk_)")]:
    rule("ai",
         id=_rid,
         description=_desc,
         severity="high",
         keywords=[f"lsv2_{_kind}_"],
         regex=rf"\b(lsv2_{_kind}_[0-9a-f]{{32}}_[0-9a-f]{{10}})\b",
         min_entropy=3.0,
         remediation=remediation_at("https://smith.langchain.com/settings (API Keys)", verb="Delete",
                                    extra="review the traces and datasets it could read, "),
         examples=(lambda kind: lambda g: [
             f"LANGSMITH_API_KEY=lsv2_{kind}_{g.hex(32)}_{g.hex(10)}",
             f'os.environ["LANGCHAIN_API_KEY"] = "lsv2_{kind}_{g.hex(32)}_{g.hex(10)}"',
             f"  langsmith_api_key: lsv2_{kind}_{g.hex(32)}_{g.hex(10)}",
         ])(_kind),
         negative_examples=(lambda kind: lambda g: [
             f"LANGSMITH_API_KEY=lsv2_{kind}_...",
             f"LANGSMITH_API_KEY=lsv2_{kind}_{g.hex(32)}",
             f"LANGSMITH_API_KEY=lsv2_{kind}_{g.hex(24)}_{g.hex(10)}",
         ])(_kind))

rule("ai",
     id="voiceflow-api-key",
     description="Voiceflow Dialog Manager / workspace API key (VF.DM. / VF.WS.)",
     severity="high",
     keywords=["vf.dm.", "vf.ws."],
     regex=r"\b(VF\.(?:DM|WS)\.[0-9a-f]{24}\.[0-9A-Za-z]{16})\b",
     min_entropy=3.5,
     remediation=remediation_at("the Voiceflow project (https://creator.voiceflow.com, Integration > API keys)",
                                verb="Regenerate"),
     examples=lambda g: [
         f"VOICEFLOW_API_KEY=VF.DM.{g.hex(24)}.{g.alnum(16)}",
         f'headers: {{ Authorization: "VF.DM.{g.hex(24)}.{g.alnum(16)}" }}',
         f"  voiceflow_workspace_key: VF.WS.{g.hex(24)}.{g.alnum(16)}",
     ],
     negative_examples=lambda g: [
         "VOICEFLOW_API_KEY=VF.DM.xxxxxxxx",
         f"VOICEFLOW_API_KEY=VF.DM.{g.hex(24)}.{g.alnum(8)}",
         f"VOICEFLOW_API_KEY=VF.XX.{g.hex(24)}.{g.alnum(16)}",
     ])

DEEPL_REM = remediation_at("https://www.deepl.com/your-account/keys", verb="Delete",
                           extra="check the character usage for abuse, ")

rule("ai",
     id="deepl-free-api-key",
     description="DeepL API Free authentication key (UUID:fx)",
     severity="medium",
     keywords=[":fx"],
     regex=rf"\b({UUID_RE}:fx)\b",
     min_entropy=3.0,
     remediation=DEEPL_REM,
     # Under a DeepL name, deepl-api-key (more context) reports the same key.
     examples=lambda g: [
         f"TRANSLATION_AUTH_KEY={g.uuid()}:fx",
         f'translator = Translator("{g.uuid()}:fx")',
         f'  "translateKey": "{g.uuid()}:fx",',
     ],
     negative_examples=lambda g: [
         f"DEEPL_AUTH_KEY={g.uuid()}",
         f"DEEPL_AUTH_KEY={g.hex(8)}-{g.hex(4)}:fx",
         f"fx_rate = {g.uuid()}:fxrate",
     ])

rule("ai",
     id="deepl-api-key",
     description="DeepL API authentication key (UUID, Pro or Free) under a DeepL key name",
     severity="medium",
     keywords=["deepl_", "deepl-", "deepl.", "deeplauth", "deeplapi", "deeplkey", "deepltoken", "deeplsecret"],
     regex=(r"(?:(?i:deepl[_.-]?(?:auth|api|key|token|secret))" + NAME_TAIL + ASSIGN_ANY
            + r"|(?i:deepl\.(?:translator|deeplclient))\(\s*[\"'])"
            + rf"({UUID_RE}(?::fx)?)\b"),
     min_entropy=3.0,
     remediation=DEEPL_REM,
     examples=lambda g: [
         f"DEEPL_AUTH_KEY={g.uuid()}",
         f'translator = deepl.Translator("{g.uuid()}")',
         f"  deepl_api_key: {g.uuid()}:fx",
         f'System.setProperty("DEEPL_API_KEY", "{g.uuid()}");',
     ],
     negative_examples=lambda g: [
         f"deeplink_id = {g.uuid()}",
         f'deepLinkToken = "{g.uuid()}"',
         "DEEPL_AUTH_KEY=${DEEPL_AUTH_KEY}",
         f"DEEPL_AUTH_KEY={g.hex(32)}",
     ])

rule("ai",
     id="kagi-api-key",
     description="Kagi API key or search session token (11 + 43 base64url chars) under a Kagi name or in a kagi.com token URL",
     severity="medium",
     # every spelling that can follow the name ("kagi" alone is inside "packaging")
     keywords=["kagi_", "kagi-", "kagi.", "kagi ", "kagi=", "kagi:", "kagi\"", "kagi'", "kagiapi", "kagikey",
               "kagitoken", "kagisecret", "kagisession", "kagiauth"],
     regex=(r"(?:(?i:kagi)" + NAME_TAIL + ASSIGN_ANY + r"|(?i:kagi\.com/)[^\s\"'<>]{0,60}?[?&]token=)"
            r"([0-9A-Za-z_-]{11}\.[0-9A-Za-z_-]{43})" + END_B64URL),
     min_entropy=3.5,
     remediation=remediation_at("https://kagi.com/settings?p=api (API key) or reset the session link at "
                                "https://kagi.com/settings?p=user_details", verb="Regenerate", what="key or token"),
     examples=lambda g: [
         f"KAGI_API_KEY={g.s(B64URL, 11)}.{g.s(B64URL, 43)}",
         f"https://kagi.com/search?token={g.s(B64URL, 11)}.{g.s(B64URL, 43)}&q=%s",
         f'  "kagiToken": "{g.s(B64URL, 11)}.{g.s(B64URL, 43)}",',
     ],
     negative_examples=lambda g: [
         f"{g.s(B64URL, 11)}.{g.s(B64URL, 43)}",
         f"SESSION_TOKEN={g.s(B64URL, 11)}.{g.s(B64URL, 43)}",
         f"KAGI_API_KEY={g.s(B64URL, 11)}.{g.s(B64URL, 30)}",
         "https://kagi.com/search?q=rust+regex",
     ])

rule("ai",
     id="imagga-basic-auth",
     description="Imagga API credentials as HTTP Basic auth (base64 of acc_…:secret)",
     severity="medium",
     keywords=["ywnjx"],
     regex=r"(?i:basic)[ \t]+(YWNjX[0-9A-Za-z+/]{60,80}={0,2})" + END_B64,
     min_entropy=4.0,
     remediation=remediation_at("https://imagga.com/profile/dashboard", verb="Regenerate", what="API secret"),
     examples=lambda g: [
         f"curl -H 'Authorization: Basic {b64(('acc_' + g.hex(15) + ':' + g.hex(32)).encode())}' "
         "https://api.imagga.com/v2/tags",
         f'headers = {{"Authorization": "Basic {b64(("acc_" + g.hex(15) + ":" + g.hex(32)).encode())}"}}',
     ],
     negative_examples=lambda g: [
         f"Authorization: Basic {b64(('admin:' + g.hex(32)).encode())}",
         f"data = YWNjX{g.s(ALNUM, 66)}==",
         "Authorization: Basic YWNjXw==",
     ])

# --- keys found by the provider's name ---------------------------------------------------------

named_rule("ai", "cohere-api-key", "Cohere API key (40 alphanumerics) under a Cohere / CO_API_KEY name",
           [r"cohere", r"\bco_api_key"], C_ALNUM, 40, "https://dashboard.cohere.com/api-keys",
           severity="high", keywords=["cohere", "co_api_key"], words=["cohere", "api", "key"],
           extra_examples=lambda g: [f"export CO_API_KEY={g.alnum(40)}"],
           extra_negatives=lambda g: ["CO_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                                      f"DISCO_API_KEY={g.alnum(40)}"])

named_rule("ai", "mistral-api-key", "Mistral AI API key (32 alphanumerics) under a Mistral name",
           ["mistral"], C_ALNUM, 32, "https://console.mistral.ai/api-keys", severity="high",
           extra_negatives=lambda g: ['MISTRAL_MODEL="mistral-large-latest"'])

named_value_rule("ai", "deepseek-api-key", "DeepSeek API key (sk- + 32 hex) under a DeepSeek name",
                 ["deepseek"], ["deepseek"], r"(sk-[0-9a-f]{32})\b", lambda g: "sk-" + g.hex(32),
                 "https://platform.deepseek.com/api_keys", severity="high", min_entropy=3.0,
                 extra_negatives=lambda g: ["DEEPSEEK_API_KEY=sk-your-deepseek-key-here"])

named_value_rule("ai", "stability-api-key", "Stability AI API key (sk- + 48 alphanumerics) under a Stability name",
                 [r"stability[_.-]?(?:ai|api|key|secret|token)"],
                 ["stability_ai", "stabilityai", "stability-ai", "stability.ai", "stability_api", "stabilityapi",
                  "stability-api", "stability.api", "stability_key", "stabilitykey", "stability_secret",
                  "stabilitysecret", "stability_token", "stabilitytoken"],
                 r"(sk-[0-9A-Za-z]{48})\b", lambda g: "sk-" + g.alnum(48),
                 "https://platform.stability.ai/account/keys", severity="high", words=["stability", "api", "key"],
                 extra_negatives=lambda g: [f"stability = sk-{g.alnum(48)}"])

named_value_rule("ai", "fireworks-api-key", "Fireworks AI API key (fw_) under a Fireworks name",
                 ["fireworks"], ["fireworks"], r"(fw_[0-9A-Za-z]{20,32})\b", lambda g: "fw_" + g.alnum(24),
                 "https://fireworks.ai/account/api-keys", severity="high", short=lambda s: s[:22],
                 extra_negatives=lambda g: ['FIREWORKS_API_KEY = "fw_test_key"'])

named_rule("ai", "together-legacy-api-key", "Together AI legacy API key (64 hex) under a Together AI key name",
           [r"together[_.-]?(?:ai|api|key|token)"], C_HEX, 64, "https://api.together.ai/settings/api-keys",
           severity="high", words=["together", "api", "key"],
           keywords=["together_ai", "togetherai", "together-ai", "together.ai", "together_api", "togetherapi",
                     "together-api", "together.api", "together_key", "togetherkey", "together_token",
                     "togethertoken"],
           extra_negatives=lambda g: [f"together = {g.hex(64)}"])

named_value_rule("ai", "pinecone-legacy-api-key", "Pinecone legacy API key (UUID) under a Pinecone name",
                 [r"pinecone[_.-]?(?:api[_.-]?)?key"], ["pinecone"], rf"({UUID_RE})\b", uuid_of,
                 "https://app.pinecone.io (project > API Keys)", severity="high", min_entropy=3.0,
                 short=lambda s: s[:-2], words=["pinecone", "api", "key"],
                 extra_negatives=lambda g: ["PINECONE_ENVIRONMENT=us-east-1-aws", f"PINECONE_PROJECT_ID={g.uuid()}"])

named_rule("ai", "assemblyai-api-key", "AssemblyAI API key (32 hex) under an AssemblyAI name",
           [r"assembly[_.-]?ai"], C_ALNUM_LOW, 32, "https://www.assemblyai.com/app/api-keys", severity="high",
           keywords=["assemblyai", "assembly_ai", "assembly-ai", "assembly.ai"], words=["assemblyai", "api", "key"],
           make=lambda g: g.hex(32), min_entropy=3.0)

named_rule("ai", "deepgram-api-key", "Deepgram API key (40 hex) under a Deepgram name",
           ["deepgram"], C_ALNUM_LOW, 40, "https://console.deepgram.com (project > Settings > API Keys)",
           severity="high", make=lambda g: g.hex(40), min_entropy=3.0)

named_value_rule("ai", "edenai-api-key", "Eden AI API key (JWT) under an Eden AI name",
                 [r"eden[_.-]?ai"], ["edenai", "eden_ai", "eden-ai", "eden.ai"], DOTTED3_RE, jwt_of,
                 "https://app.edenai.run/admin/account/settings", severity="high", min_entropy=4.0,
                 short=dotted3_short, words=["edenai", "api", "key"])

named_rule("ai", "wandb-api-key", "Weights & Biases API key (40 hex) under a W&B name or `wandb login`",
           ["wandb"], C_HEX, 40, "https://wandb.ai/authorize (User settings > API keys)", severity="high",
           extra_examples=lambda g: [f"wandb login {g.hex(40)}"],
           extra_negatives=lambda g: ["wandb login --relogin"])

named_rule("ai", "monkeylearn-api-key", "MonkeyLearn API key (40 hex) under a MonkeyLearn name",
           ["monkeylearn", "monkey_learn"], C_HEX, 40, "https://app.monkeylearn.com/main/my-account/tab/api-keys/")

named_rule("ai", "paralleldots-api-key", "ParallelDots API key (43 alphanumerics) under a ParallelDots name",
           ["paralleldots", "parallel_dots"], C_ALNUM, 43, "https://user.apis.paralleldots.com/user_dashboard")

named_rule("ai", "imagga-api-secret", "Imagga API secret (32 hex) under an Imagga name",
           ["imagga"], C_HEX, 32, "https://imagga.com/profile/dashboard", words=["imagga", "api", "secret"],
           what="API secret", verb="Regenerate")

named_rule("ai", "clarifai-pat", "Clarifai personal access token / API key (32 hex) under a Clarifai key name",
           [r"clarifai[_.-]?(?:api[_.-]?key|key|pat|token|secret)"], C_HEX, 32, "https://clarifai.com/settings/security", severity="high",
           keywords=["clarifai"], words=["clarifai", "pat"], what="token",
           extra_negatives=lambda g: [f'CLARIFAI_MODEL_VERSION_ID = "{g.hex(32)}"'])

named_rule("ai", "dandelion-api-token", "Dandelion API token (32 hex) under a Dandelion name",
           ["dandelion"], C_ALNUM_LOW, 32, "https://dandelion.eu/profile/dashboard/", words=["dandelion", "token"],
           make=lambda g: g.hex(32), what="token", min_entropy=3.0)

named_value_rule("ai", "lexigram-api-key", "Lexigram API key (long token or JWT) under a Lexigram name",
                 ["lexigram"], ["lexigram"],
                 r"([0-9A-Za-z_-]{32,}(?:\.[0-9A-Za-z_-]{16,}){0,2})" + END_B64URL, jwt_of,
                 "https://app.lexigram.io (account > API keys)", min_entropy=4.0,
                 short=lambda s: s[:20])

named_value_rule("ai", "voicegain-api-token", "Voicegain API token (JWT) under a Voicegain name",
                 ["voicegain"], ["voicegain"], DOTTED3_RE, jwt_of,
                 "https://console.voicegain.ai (Settings > API Security)", min_entropy=4.0,
                 short=dotted3_short, words=["voicegain", "token"], what="token")

named_rule("ai", "speechtextai-api-key", "Speechtext.ai API key (32 hex) under a Speechtext name",
           ["speechtext"], C_ALNUM_LOW, 32, "https://speechtext.ai/profile", make=lambda g: g.hex(32),
           min_entropy=3.0)

named_rule("ai", "happyscribe-api-key", "Happy Scribe API key (24 alphanumerics) under a Happy Scribe name",
           [r"happy[_.-]?scribe"], C_ALNUM, "24,28", "https://www.happyscribe.com/settings/api", severity="high",
           keywords=["happyscribe", "happy_scribe", "happy-scribe", "happy.scribe"],
           words=["happyscribe", "api", "key"])

named_rule("ai", "audd-api-token", "AudD music recognition API token (32 hex) under an AudD name",
           ["audd"], C_ALNUM_LOW, 32, "https://dashboard.audd.io", words=["audd", "api", "token"],
           make=lambda g: g.hex(32), what="token", min_entropy=3.0)

named_value_rule("ai", "cloudmersive-api-key", "Cloudmersive API key (UUID) under a Cloudmersive name",
                 ["cloudmersive"], ["cloudmersive"], rf"({UUID_RE})\b", uuid_of,
                 "https://account.cloudmersive.com/keys", min_entropy=3.0, short=lambda s: s[:-2])

named_rule("ai", "cloudsight-api-key", "CloudSight image recognition API key under a CloudSight name",
           ["cloudsight"], C_ALNUM, "20,32", "https://cloudsight.ai (dashboard > API keys)",
           make=lambda g: g.alnum(22))

named_rule("ai", "diffbot-api-token", "Diffbot API token (32 hex) under a Diffbot name",
           ["diffbot"], C_ALNUM_LOW, 32, "https://app.diffbot.com/account", words=["diffbot", "token"],
           make=lambda g: g.hex(32), what="token", min_entropy=3.0)

named_rule("ai", "detectlanguage-api-key", "Detect Language API key (32 hex) under a Detect Language name",
           [r"detect[_.-]?language"], C_ALNUM_LOW, 32, "https://detectlanguage.com/private",
           keywords=["detectlanguage", "detect_language", "detect-language", "detect.language"],
           words=["detectlanguage", "api", "key"], make=lambda g: g.hex(32), min_entropy=3.0)

named_rule("ai", "languagelayer-access-key", "languagelayer (apilayer) access key (32 hex) under a languagelayer name",
           [r"language[_.-]?layer"], C_ALNUM_LOW, 32, "https://languagelayer.com/dashboard",
           keywords=["languagelayer", "language_layer", "language-layer", "language.layer"],
           words=["languagelayer", "access", "key"], make=lambda g: g.hex(32), min_entropy=3.0)

named_value_rule("ai", "revai-access-token", "Rev AI access token under a Rev AI name",
                 [r"(?:\b|_)rev[_.-]?ai"], ["revai", "rev_ai", "rev-ai", "rev.ai"],
                 r"([0-9A-Za-z_-]{40,120})" + END_B64URL, lambda g: "02" + g.s(B64URL, 84),
                 "https://www.rev.ai/access-token", severity="high", min_entropy=4.0,
                 short=lambda s: s[:30], words=["revai", "access", "token"], what="access token",
                 extra_negatives=lambda g: [f'prevAiMessage = "{g.s(B64URL, 60)}"'])

named_value_rule("ai", "runway-api-key", "Runway API secret (key_ + 128 hex) under a Runway name",
                 [r"runway(?:ml)?"], ["runway"], r"(key_[0-9a-f]{128})\b", lambda g: "key_" + g.hex(128),
                 "https://dev.runwayml.com (organization > API Keys)", severity="high", min_entropy=3.0,
                 words=["runwayml", "api", "secret"],
                 extra_negatives=lambda g: ["RUNWAYML_API_SECRET=key_staging_..."])
